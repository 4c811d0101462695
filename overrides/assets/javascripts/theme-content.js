/* Material's content scripts (partials/javascripts/content.html) as a file, run right after the
 * content: with content.tabs.link (data-md-tabs-link), reopen the tab labels the reader chose
 * last; then open the tab a #fragment names. */
(function () {
  "use strict";
  var script = document.currentScript;
  var tabs = script && script.hasAttribute("data-md-tabs-link") ? window.__md_get("__tabs") : null;
  if (Array.isArray(tabs)) {
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var labels = set.querySelector(".tabbed-labels");
      if (!labels) {
        return;
      }
      // The first remembered label this set has wins, as in Material's own script.
      tabs.some(function (tab) {
        return Array.prototype.some.call(labels.getElementsByTagName("label"), function (label) {
          var input = label.innerText.trim() === tab && document.getElementById(label.htmlFor);
          if (input) {
            input.checked = true;
          }
          return !!input;
        });
      });
    });
  }
  var target = document.getElementById(window.location.hash.slice(1));
  if (target && target.name) {
    target.checked = target.name.indexOf("__tabbed_") === 0;
  }
})();
