/* The guide's start-up, loaded first in every page's head (partials/javascripts/base.html), so the
 * page runs under `script-src 'self'` with no inline script.
 *
 * - Material's storage helpers (__md_scope, __md_hash, __md_get, __md_set), which the theme
 *   otherwise writes inline. Material's own __md_get throws where the browser blocks storage
 *   (SecurityError) or a stored value is not JSON, breaking every page; these return null instead.
 *   The scope comes from the script tag's data-md-scope (the site root, as Material computes it).
 * - window.guide, shared by our feature scripts:
 *   guide.ready(fn)   runs fn on every page view: Material's document$ when the theme's bundle is
 *                     on the page (instant navigation included), else once the document is parsed.
 *   guide.storage     localStorage that never throws: get(key) gives the stored string or null,
 *                     set(key, text) and remove(key) give false when the browser refused, and
 *                     `available` is false when storage is blocked altogether.
 *   guide.storageKey(guideId, kind)  the localStorage key of a guide's "ticks" or "answers",
 *                     in the format the build publishes (macros/addresses.py); null without it.
 *   guide.root        the site's root address (a URL), right after instant page changes too.
 *   guide.base        the address of the page first opened in this window (see below).
 *   guide.load(name)  loads a feature script named by this tag's data-guide-<name>-src once;
 *                     a promise of true when it ran, false when it could not load.
 * - Feature scripts loaded on first use, not on every page (FEATURES below): each loads at once
 *   where the page needs it now (something saved to show, a #fragment to land on), else on the
 *   first event inside its markup, which is played again once the script has started.
 * - Material's search worker, started on the first search instead of on every page (it builds the
 *   search index on the reader's CPU): until then Material talks to a stand-in.
 * - The search script (search.js), loaded on the first search instead of on every page: queries
 *   Material posts to its search worker wait here until it has loaded, so it sees the first one.
 * - In a frame, the #fragment taken out of the address before its target exists (see below).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var scope = (script && script.getAttribute("data-md-scope")) || ".";

  function local() {
    return window.localStorage; // a getter that throws where storage is blocked
  }

  var storage = {
    available: (function () {
      try {
        return !!local();
      } catch (error) {
        return false;
      }
    })(),
    get: function (key) {
      try {
        return local().getItem(key);
      } catch (error) {
        return null;
      }
    },
    set: function (key, text) {
      try {
        local().setItem(key, text);
        return true;
      } catch (error) {
        return false;
      }
    },
    remove: function (key) {
      try {
        local().removeItem(key);
        return true;
      } catch (error) {
        return false;
      }
    },
  };

  function ready(fn) {
    var pages = window.document$;
    if (pages && typeof pages.subscribe === "function") {
      pages.subscribe(function () {
        fn();
      });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () {
        fn();
      });
    } else {
      fn();
    }
  }

  // The key format from <meta name="guide:addresses"> (macros/addresses.py STORAGE_KEY).
  function storageKey(guideId, kind) {
    var meta = document.querySelector('meta[name="guide:addresses"]');
    try {
      var format = JSON.parse(meta.content).storage;
      return format ? format.replace("{guide}", guideId).replace("{kind}", kind) : null;
    } catch (error) {
      return null;
    }
  }

  // The site's root, from this script's own address (it lives in assets/javascripts/): it holds
  // after an instant page change, when the page's relative base would point under the new page.
  var root = new URL("../../", script ? script.src : window.location.href);
  // The page first opened in this window: instant page changes keep the head and the search
  // help's template, so the relative addresses written in them are relative to this page.
  var base = document.baseURI;

  // Feature scripts, by name, from this tag's data-guide-<name>-src (macros/assets.py hashes the
  // names). Resolved now, against the page that loaded this script: with instant navigation the
  // head (and these relative addresses) stays while the page's address changes.
  var sources = {};
  Array.prototype.forEach.call((script && script.attributes) || [], function (attribute) {
    var name = /^data-guide-([a-z]+)-src$/.exec(attribute.name);
    if (name) {
      sources[name[1]] = new URL(attribute.value, base).href;
    }
  });
  var loads = {};
  var ran = {};

  function load(name) {
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve) {
        if (!sources[name]) {
          resolve(false);
          return;
        }
        var tag = document.createElement("script");
        tag.src = sources[name];
        tag.addEventListener("load", function () {
          ran[name] = true;
          resolve(true);
        });
        tag.addEventListener("error", function () {
          resolve(false);
        });
        document.head.appendChild(tag);
      });
    }
    return loads[name];
  }

  window.guide = {
    ready: ready,
    storage: storage,
    storageKey: storageKey,
    load: load,
    root: root,
    base: base,
  };

  // True when something of `kind` ("ticks", "answers") is saved for a guide shown on this page.
  function saved(kind) {
    return Array.prototype.some.call(document.querySelectorAll("[data-guide]"), function (element) {
      var key = storageKey(element.getAttribute("data-guide"), kind);
      return key !== null && storage.get(key) !== null;
    });
  }

  // Each feature: `within`, the markup it works on (no such markup, no load); `now()`, true when
  // the page needs it at once; `on`, the events (type: target selector) that need it first, which
  // are played again once it has started; `kind`, the saved state it shows: a change to it in
  // another tab needs it too.
  var FEATURES = {
    // Copy buttons, deep-link landing, the link page's addresses and filter, QR codes and card
    // addresses (links.js). In a frame at once: links there are followed by links.js, so the
    // browser's own fragment scroll does not move the host page.
    links: {
      within: ".guide-copy, [data-link-copy], [data-qr-path], [data-card-path], [data-guide-landing]",
      now: function () {
        return (
          window.location.hash.length > 1 ||
          window.top !== window ||
          !!document.querySelector("[data-link-copy], [data-qr-path], [data-card-path]")
        );
      },
      on: { click: ".guide-copy" },
    },
    // Checklists and the steps overview. Their progress lines and "Not started" come in the page;
    // needed at once only to show saved ticks, or "Clear all my ticks and answers" (after a full
    // overview or the quick view's checklists) where only answers are saved.
    ticks: {
      within: "section[data-checklist][data-guide], nav.guide-steps[data-guide]",
      now: function () {
        var clearAll =
          document.querySelector("nav.guide-steps[data-guide]:not(.guide-steps--compact)") ||
          document.querySelectorAll("section[data-checklist][data-guide]").length > 1;
        return saved("ticks") || (clearAll && saved("answers"));
      },
      on: { change: "section[data-checklist] input[type=checkbox]" },
      kind: "ticks",
    },
    // Knowledge checks. "Check my answer" and the empty feedback area come in the page (checks.css
    // shows them where scripts run); needed at once only to show saved answers, or the check
    // page's running summary. Enter on an option checks it too.
    checks: {
      within: "[data-check]",
      now: function () {
        return saved("answers") || !!document.querySelector("[data-check-summary]");
      },
      on: { click: "[data-check-submit]", keydown: "[data-check] input[type=radio]" },
      kind: "answers",
    },
  };

  // An event that came before its feature's script, played again on the same element. A box's
  // state is set back first: the script's start shows the saved state, which this event changes.
  function replay(held) {
    var target = held.target;
    if (!target.isConnected) {
      return;
    }
    if (held.type === "change") {
      target.checked = held.checked;
      target.dispatchEvent(new Event("change", { bubbles: true }));
    } else if (held.type === "click") {
      target.click();
    } else {
      target.dispatchEvent(new KeyboardEvent(held.type, { key: held.key, bubbles: true }));
    }
  }

  var replaying = false;

  function startFeature(name) {
    var held = [];
    var waiting = false; // events are held until the script has run and they are played again
    var feature = FEATURES[name];
    Object.keys(feature.on || {}).forEach(function (type) {
      document.addEventListener(
        type,
        function (event) {
          var target = event.target && event.target.closest && event.target.closest(feature.on[type]);
          if (!target || replaying || (ran[name] && !waiting)) {
            return;
          }
          // Held, and kept from the script until played again in order: an event between the
          // script's start and the replay would otherwise be undone by an earlier one.
          event.stopImmediatePropagation();
          held.push({ type: type, target: target, checked: target.checked, key: event.key });
          if (waiting) {
            return;
          }
          waiting = true;
          load(name).then(function (ok) {
            // One frame later, so live regions the script adds are heard when they first change.
            window.setTimeout(function () {
              var events = held.splice(0);
              replaying = true;
              try {
                if (ok) {
                  events.forEach(replay);
                }
              } finally {
                replaying = false;
                waiting = false;
              }
            }, 50);
          });
        },
        true
      );
    });
    if (feature.kind) {
      window.addEventListener("storage", function (event) {
        if (document.querySelector(feature.within) && (event.key === null || saved(feature.kind))) {
          load(name);
        }
      });
    }
  }

  function checkFeatures() {
    Object.keys(FEATURES).forEach(function (name) {
      var feature = FEATURES[name];
      if (!loads[name] && document.querySelector(feature.within) && feature.now()) {
        load(name);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Object.keys(FEATURES).forEach(startFeature);
    ready(checkFeatures); // every page view: instant navigation brings new markup
  });
  // A link to a place on this page (inside a closed box, say): links.js lands on it.
  window.addEventListener("hashchange", checkFeatures);

  // Scripts run: controls that need them (the copy buttons) show. Material's bundle does the same,
  // later and not on pages without it (the cards); here it is done before the page is drawn.
  document.documentElement.classList.replace("no-js", "js");

  // In a frame (an LMS course page, a portal), the browser scrolls every window around a #fragment
  // target into view, the host page included, hiding the course's own instructions. Run in the
  // head, before the target exists, this takes the fragment out of the address so the browser
  // does not scroll; links.js lands on it in the guide's own window and puts it back.
  if (window.top !== window && window.location.hash.length > 1) {
    document.documentElement.setAttribute("data-guide-landing", window.location.hash);
    history.replaceState(history.state, "", window.location.href.split("#")[0]);
  }

  // search.js rewrites each query Material posts to its search worker (typos, word forms). Most
  // readers never search, so it loads on the first query: until it has run, queries wait here and
  // then pass through it in order. A focus on the search box starts the load a little earlier.
  // Installed now: a Worker polyfill (the offline copy's shim) loads before this script (Material's
  // libs block, in the head), and Material's bundle creates its worker as it runs, at the end of
  // the body.
  var SEARCH_QUERY = 2; // Material's SearchMessageType.Query
  var searchState = "idle"; // "loading", then "done" (loaded or failed)
  var waiting = [];

  function loadSearch() {
    if (searchState !== "idle") {
      return;
    }
    searchState = "loading";
    // Loaded or not (then Material's search still works, as typed), the held queries go on.
    load("search").then(function () {
      searchState = "done";
      waiting.splice(0).forEach(function (held) {
        window.Worker.prototype.postMessage.apply(held.worker, held.args);
      });
    });
  }

  function holdQueries() {
    var Worker = window.Worker;
    if (!sources.search || !Worker || typeof Worker.prototype.postMessage !== "function") {
      return;
    }
    var post = Worker.prototype.postMessage;
    // Once search.js has wrapped this, a query reaching here has been through it already. The
    // theme posts an empty query as each page starts: that one passes, or every page would load
    // search.js; once it is loading, every query waits, so they reach the worker in order.
    var hold = function (message) {
      var first = Worker.prototype.postMessage === hold;
      var query = message && message.type === SEARCH_QUERY;
      if (first && query && (searchState === "loading" || (searchState === "idle" && message.data))) {
        waiting.push({ worker: this, args: arguments });
        loadSearch();
        return;
      }
      return post.apply(this, arguments);
    };
    Worker.prototype.postMessage = hold;
  }

  // Material starts its search worker as each page loads (new Worker(config.search)), and the
  // worker fetches lunr and builds the index on the reader's CPU, though most readers never
  // search. For that address only, Material gets a stand-in: it keeps Material's listeners and
  // what Material posts (the index, then queries) until the first search, then the real worker
  // gets them in order. Its postMessage goes through Worker.prototype.postMessage, so the query
  // hold above and search.js see every message. Other workers are left alone.
  var searched;
  var firstSearch = new Promise(function (resolve) {
    searched = resolve;
  });

  // Material's config (#__config) names its worker relative to the page.
  function isSearchWorker(address) {
    var config = document.getElementById("__config");
    var search = config && new URL(JSON.parse(config.textContent).search, window.location.href);
    return !!search && address === search.href;
  }

  function deferSearchWorker() {
    var Real = window.Worker; // the offline copy's shim (iframe-worker) when it is installed
    if (!Real) {
      return;
    }
    var Deferred = function (url, options) {
      // Resolved now: with instant navigation the page's address changes before the first search.
      var address = new URL(url, window.location.href).href;
      if (!isSearchWorker(address)) {
        return new Real(url, options);
      }
      var worker = null;
      var calls = []; // Material's calls before the first search, played on the worker in order
      // A Worker to instanceof; the Worker methods Material calls are its own.
      var standIn = Object.create(Real.prototype);
      ["addEventListener", "removeEventListener", "postMessage"].forEach(function (name) {
        standIn[name] = function () {
          return worker ? worker[name].apply(worker, arguments) : calls.push([name, arguments]);
        };
      });
      firstSearch.then(function () {
        worker = new Real(address, options);
        calls.splice(0).forEach(function (call) {
          worker[call[0]].apply(worker, call[1]);
        });
      });
      return standIn;
    };
    Deferred.prototype = Real.prototype;
    window.Worker = Deferred;
  }

  // The first search: a focus on the search box (a click, the search key, Material's own focus for
  // a ?q= link), or a ?q= link itself, in case the page is not focused.
  function searching() {
    searched();
    loadSearch();
  }

  function watchSearch() {
    deferSearchWorker();
    holdQueries();
    document.addEventListener("focusin", function (event) {
      var target = event.target;
      if (target && target.matches && target.matches('[data-md-component="search-query"]')) {
        searching();
      }
    });
    if (new URL(window.location.href).searchParams.get("q")) {
      searching();
    }
  }

  watchSearch();

  // Material's helpers, with the same names and arguments its bundle and partials call.
  window.__md_scope = new URL(scope, window.location.href);
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, where, at) {
    try {
      var place = at || window.__md_scope;
      return JSON.parse((where || local()).getItem(place.pathname + "." + key));
    } catch (error) {
      return null;
    }
  };
  window.__md_set = function (key, value, where, at) {
    try {
      var place = at || window.__md_scope;
      (where || local()).setItem(place.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // storage blocked or full: the theme keeps working without remembering
    }
  };
})();
