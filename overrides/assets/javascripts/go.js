/* Short links and moved pages: go on to the target at once, keeping a #fragment the reader brought.
 * The page's meta refresh does the same without scripts, using the target's own fragment. */
(function () {
  "use strict";
  var script = document.currentScript;
  var target = script && script.getAttribute("data-guide-forward");
  if (!target) {
    return;
  }
  var url = new URL(target, window.location.href);
  if (window.location.hash.length > 1) {
    url.hash = window.location.hash;
  }
  window.location.replace(url.href);
})();
