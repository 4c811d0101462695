/* search: the search box forgives typing in a hurry, and never ends in a bare "no results".
 *
 * Material's search finds a word only from its first letters on, as written: "manger", "mistke"
 * and "apologizing" find nothing. Material 9 has no hook for changing a query (custom query
 * transforms went in 9.0), so this works at the one place every query passes, however it was
 * typed, pasted or linked (?q=): the message Material posts to its search worker. Each word the
 * guide never uses becomes the guide's word it most likely meant, another form of it first
 * ("apologizing" -> "apologize"), else the nearest spelling one or two letters away ("manger" ->
 * "manager"). The results then say "Showing results for manager"; a word with no near match
 * offers the closest words the guide uses; and when nothing matches, the panel offers the
 * first-hour page, the five steps and HR (rendered by the build: macros/templates/search_help.html).
 *
 * The guide's words come from the build (search/words.js, macros/search.py), loaded only when
 * someone searches. Without it, or without scripts, Material's search works as before.
 */
(function () {
  "use strict";

  // Material's search worker messages (SearchMessageType in its source): a query, its results.
  var QUERY = 2;
  var RESULT = 3;
  // Shorter words are left as typed: too many guide words are one letter away from them.
  var SHORTEST = 4;
  var CLOSEST = 3;
  // Endings taken off to find another form of a word (longest first): "apologizing", "apologies"
  // and "apology" all come to "apolog".
  var ENDINGS = [
    "izations", "ization", "ations", "ation", "izing", "ising", "ments", "ment", "ness",
    "ized", "ised", "izes", "ises", "ings", "iers", "ing", "ies", "ied", "ers", "ize", "ise",
    "ier", "ed", "es", "er", "ly", "s", "y", "e"
  ];
  // Lunr's own query syntax, typed on purpose: such a query is left alone.
  var SYNTAX = /["*+~^:]/;

  var Worker = window.Worker;
  if (!window.guide || !Worker || typeof Worker.prototype.postMessage !== "function") {
    return;
  }

  var words = null; // {list, sorted, forms, separator} once the word list has loaded
  var loading = null;
  var queue = Promise.resolve();
  var sent = []; // what each query sent to the worker was made from, oldest first
  var listening = new WeakSet();

  // --- The word list ------------------------------------------------------------------------

  // The word list's address (macros/addresses.py), from <meta name="guide:addresses">.
  function wordsAddress() {
    var meta = document.querySelector('meta[name="guide:addresses"]');
    try {
      var path = meta && JSON.parse(meta.content).searchWords;
      return path ? new URL(path, window.guide.root).href : null;
    } catch (error) {
      return null;
    }
  }

  // A script, not JSON: it loads from file:// as well as from a server, under script-src 'self'.
  function loadWords() {
    if (!loading) {
      loading = new Promise(function (resolve) {
        var address = wordsAddress();
        if (!address) {
          resolve(null);
          return;
        }
        var script = document.createElement("script");
        script.src = address;
        script.addEventListener("load", function () {
          resolve(prepare(window.guideSearchWords));
        });
        script.addEventListener("error", function () {
          resolve(null);
        });
        document.head.appendChild(script);
      }).then(function (prepared) {
        words = prepared;
        return prepared;
      });
    }
    return loading;
  }

  function prepare(data) {
    if (!data || !data.words || !data.separator) {
      return null;
    }
    var forms = {};
    data.words.forEach(function (word) {
      var root = stem(word);
      if (!(root in forms)) {
        forms[root] = word; // the list is most used first: keep the commonest form
      }
    });
    return {
      list: data.words,
      sorted: data.words.slice().sort(),
      forms: forms,
      separator: new RegExp("(" + data.separator + ")")
    };
  }

  // --- Finding the word that was meant ----------------------------------------------------------

  // The part of a word its other forms share: "apologizing", "apologies", "apology" -> "apolog".
  // With `keepDouble`, "worried" stays "worr" rather than "wor".
  function stem(word, keepDouble) {
    var root = word.replace(/['’]s$/, "");
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (root.length - ending.length >= 3 && root.slice(-ending.length) === ending) {
        root = root.slice(0, -ending.length);
        break;
      }
    }
    // "stopped" and "stop", "planning" and "plan"
    return !keepDouble && /([bdfgklmnprt])\1$/.test(root) ? root.slice(0, -1) : root;
  }

  // Material matches a word from its first letters on, so a word is known when a guide word
  // starts with it.
  function isKnown(word) {
    var list = words.sorted;
    var low = 0;
    var high = list.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (list[middle] < word) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low < list.length && list[low].lastIndexOf(word, 0) === 0;
  }

  // Letters added, dropped, changed or swapped with the next one (optimal string alignment),
  // giving up once the distance is past `most`.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) {
      return most + 1;
    }
    var before = null;
    var previous = [];
    var i;
    var j;
    for (j = 0; j <= b.length; j++) {
      previous.push(j);
    }
    for (i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current.push(value);
        best = Math.min(best, value);
      }
      if (best > most) {
        return most + 1;
      }
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  // The guide words nearest to `word`, nearest first; among equals, those that start with the
  // same letter (people rarely miss the first one), then the most used.
  function nearest(word, most, count) {
    var found = [];
    words.list.forEach(function (candidate, rank) {
      if (candidate.length < 3) {
        return;
      }
      var away = distance(word, candidate, most);
      if (away <= most) {
        found.push({ word: candidate, away: away, first: candidate[0] === word[0] ? 0 : 1, rank: rank });
      }
    });
    found.sort(function (a, b) {
      return a.away - b.away || a.first - b.first || a.rank - b.rank;
    });
    return found.slice(0, count).map(function (entry) {
      return entry.word;
    });
  }

  function meant(word) {
    var form = words.forms[stem(word)];
    if (form) {
      return form;
    }
    return nearest(word, word.length > 4 ? 2 : 1, 1)[0] || null;
  }

  // Material finds "blame" only from its first letters on: "blamed" would miss "blame" and
  // "blaming". Search from the root the word shares with its other forms, when that is long
  // enough to mean the same thing ("worried" -> "worr", "investigation" -> "investig").
  function broaden(word) {
    var roots = [stem(word), stem(word, true)];
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].length >= SHORTEST && roots[i].length < word.length) {
        return roots[i];
      }
    }
    return word;
  }

  function asTyped(typed) {
    return { typed: typed, query: typed, shown: typed, changed: false, unknown: [] };
  }

  // What to search for (`query`), what to say was searched for (`shown`, the guide's words), and
  // the words with no near match.
  function correct(typed) {
    var fix = asTyped(typed);
    if (!words || !typed.trim() || SYNTAX.test(typed)) {
      return fix;
    }
    var shown = typed.split(words.separator);
    var query = shown.slice();
    for (var i = 0; i < shown.length; i += 2) {
      var word = shown[i].toLowerCase().replace(/’/g, "'");
      if (word.length <= 2 && i < shown.length - 1) {
        // A finished word of one or two letters ("a", "to", "my") is that word, not the start of
        // every word that begins with it: "^1" (a neutral boost) tells Material not to add "*".
        query[i] = word + "^1";
        continue;
      }
      if (word.length < SHORTEST) {
        continue;
      }
      if (!isKnown(word)) {
        var better = meant(word);
        if (better) {
          word = shown[i] = better;
          fix.changed = true;
        } else {
          var most = Math.max(2, Math.floor(word.length / 2));
          fix.unknown.push({ word: shown[i], closest: nearest(word, most, CLOSEST) });
          continue;
        }
      }
      query[i] = broaden(word);
    }
    fix.query = query.join("");
    fix.shown = shown.join("");
    return fix;
  }

  // --- Between Material and its worker ---------------------------------------------------------

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (!message || message.type !== QUERY || typeof message.data !== "string") {
      return post.apply(this, arguments);
    }
    var worker = this;
    listen(worker);
    var typed = message.data;
    queue = queue
      .then(function () {
        return typed.trim() ? Promise.all([loadWords(), loadStyle()]) : null;
      })
      .then(function () {
        var fix = correct(typed);
        sent.push(fix);
        post.call(worker, { type: QUERY, data: fix.query });
      })
      .catch(function (error) {
        // Never lose a query, or the ones after it: send it as typed, then report the fault.
        sent.push(asTyped(typed));
        post.call(worker, message);
        window.setTimeout(function () {
          throw error;
        });
      });
  };

  // Material listens first (it set up its worker before any query): the results are on screen.
  function listen(worker) {
    if (listening.has(worker)) {
      return;
    }
    listening.add(worker);
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === RESULT) {
        var fix = sent.shift();
        var items = event.data.data && event.data.data.items ? event.data.data.items.length : 0;
        if (fix) {
          show(fix, items);
        }
      }
    });
  }

  // --- In the results panel --------------------------------------------------------------------

  var help = null; // {status, slot, words, offers}: the live line, what goes under it, models
  var styled = null;
  var sheet = null;

  // The help's stylesheet (search.css) is named only by the template's
  // data-guide-stylesheet-href, so a page no one searches never fetches it: the first query loads
  // it and waits for it (see postMessage above), so the help never shows unstyled. Until then
  // the status line and the slot are empty, and take no room. Instant navigation replaces the
  // head's extra elements: each page view puts it back.
  function loadStyle() {
    if (!styled) {
      styled = new Promise(function (resolve) {
        var template = document.getElementById("guide-search-help");
        var address = template && template.getAttribute("data-guide-stylesheet-href");
        if (!address) {
          resolve();
          return;
        }
        sheet = document.createElement("link");
        sheet.rel = "stylesheet";
        sheet.href = new URL(address, window.guide.base).href; // the template stays
        sheet.addEventListener("load", resolve);
        sheet.addEventListener("error", resolve);
        document.head.appendChild(sheet);
      });
    }
    return styled;
  }

  function mount() {
    if (sheet && !sheet.isConnected) {
      document.head.appendChild(sheet);
    }
    var template = document.getElementById("guide-search-help");
    var result = document.querySelector('[data-md-component="search-result"]');
    if (!template || !result || help) {
      return;
    }
    var parts = template.content;
    var status = parts.querySelector("[data-search-help-status]").cloneNode(true);
    // Between Material's count (its first child) and its list (its last): Material finds both
    // by position, and its arrow keys move through every link inside the result box.
    result.insertBefore(status, result.lastElementChild);
    var slot = document.createElement("div");
    slot.className = "guide-search-help";
    result.insertBefore(slot, result.lastElementChild);
    keepPageBehind();
    help = {
      status: status,
      slot: slot,
      words: parts.querySelector("[data-search-help-words]"),
      offers: parts.querySelector("[data-search-help-offers]")
    };
    slot.addEventListener("click", function (event) {
      var link = event.target.closest("[data-search-help-word]");
      if (link) {
        // Search for the word here, rather than reloading the page with ?q=, and keep the panel
        // open (Material closes it on any link click).
        event.preventDefault();
        event.stopPropagation();
        searchFor(link.getAttribute("data-search-help-word"));
      }
    });
  }

  // The open search panel covers the page (Material dims it, and a click on it closes search):
  // the page behind is inert, as behind any modal dialog, so neither the keyboard, a screen
  // reader nor a finger reaches into it.
  function keepPageBehind() {
    var toggle = document.getElementById("__search");
    var behind = document.querySelector(".md-container");
    if (!toggle || !behind) {
      return;
    }
    var update = function () {
      behind.inert = toggle.checked;
    };
    toggle.addEventListener("change", update);
    update();
  }

  function searchFor(word) {
    var input = document.querySelector('[data-md-component="search-query"]');
    if (!input) {
      return;
    }
    input.value = word;
    input.focus();
    // Material reads the box on keyup.
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  // Material's Enter key opens the result whose link's first element has the best
  // data-md-score; our links carry 0 (below any match), so a link without an element inside
  // gets one, or the key would fail on it.
  function scored(fragment) {
    Array.prototype.forEach.call(fragment.querySelectorAll("a[href]"), function (link) {
      if (!link.firstElementChild) {
        var inner = document.createElement("span");
        while (link.firstChild) {
          inner.appendChild(link.firstChild);
        }
        link.appendChild(inner);
      }
      link.firstElementChild.setAttribute("data-md-score", "0");
    });
    return fragment;
  }

  function wordLinks(unknown) {
    var block = help.words.cloneNode(true);
    var list = block.querySelector("[data-search-help-word-list]");
    var model = list.querySelector("li");
    list.removeChild(model);
    var sentence = block.querySelector("[data-search-help-words-for]");
    sentence.textContent = sentence.textContent.replace("{word}", unknown.word);
    unknown.closest.forEach(function (word) {
      var item = model.cloneNode(true);
      var link = item.querySelector("a");
      link.href = "?q=" + encodeURIComponent(word);
      link.setAttribute("data-search-help-word", word);
      link.textContent = word;
      list.appendChild(item);
    });
    return block;
  }

  function show(fix, items) {
    mount();
    if (!help) {
      return;
    }
    while (help.slot.firstChild) {
      help.slot.removeChild(help.slot.firstChild);
    }
    var said = [];
    if (fix.typed.trim()) {
      if (fix.changed && items > 0) {
        said.push(help.status.getAttribute("data-showing").replace("{query}", fix.shown));
      }
      if (items === 0) {
        // The status line ends "These pages help, whatever happened:", so they come next.
        said.push(help.status.getAttribute("data-nothing").replace("{query}", fix.typed.trim()));
        help.slot.appendChild(scored(help.offers.cloneNode(true)));
      }
      fix.unknown.forEach(function (unknown) {
        if (unknown.closest.length) {
          help.slot.appendChild(scored(wordLinks(unknown)));
        }
      });
    }
    help.status.textContent = said.join(" ");
  }

  window.guide.ready(mount);
})();
