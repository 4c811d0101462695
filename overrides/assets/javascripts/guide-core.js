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

  window.guide = { ready: ready, storage: storage, storageKey: storageKey };

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
  // Installed once the document is parsed, after any Worker polyfill (the offline copy's).
  var SEARCH_QUERY = 2; // Material's SearchMessageType.Query
  // Resolved now, against the page that loaded this script: with instant navigation the head (and
  // this relative address) stays while the page's address changes.
  var searchSrc = script && script.getAttribute("data-guide-search-src");
  if (searchSrc) {
    searchSrc = new URL(searchSrc, document.baseURI).href;
  }
  var searchState = "idle"; // "loading", then "done" (loaded or failed)
  var waiting = [];

  function loadSearch() {
    if (searchState !== "idle" || !searchSrc) {
      return;
    }
    searchState = "loading";
    var tag = document.createElement("script");
    tag.src = searchSrc;
    function release() {
      searchState = "done";
      waiting.splice(0).forEach(function (held) {
        window.Worker.prototype.postMessage.apply(held.worker, held.args);
      });
    }
    tag.addEventListener("load", release);
    tag.addEventListener("error", release); // Material's search still works, as typed
    document.head.appendChild(tag);
  }

  function holdQueries() {
    var Worker = window.Worker;
    if (!searchSrc || !Worker || typeof Worker.prototype.postMessage !== "function") {
      return;
    }
    var post = Worker.prototype.postMessage;
    // Once search.js has wrapped this, a query reaching here has been through it already.
    var hold = function (message) {
      var first = Worker.prototype.postMessage === hold;
      if (first && searchState !== "done" && message && message.type === SEARCH_QUERY) {
        waiting.push({ worker: this, args: arguments });
        loadSearch();
        return;
      }
      return post.apply(this, arguments);
    };
    Worker.prototype.postMessage = hold;
    document.addEventListener("focusin", function (event) {
      var target = event.target;
      if (target && target.matches && target.matches('[data-md-component="search-query"]')) {
        loadSearch();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", holdQueries);
  } else {
    holdQueries();
  }

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
