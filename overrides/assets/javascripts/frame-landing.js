/* In a frame (an LMS course page, a portal), the browser scrolls every window around a #fragment
 * target into view, the host page included, hiding the course's own instructions. Loaded in the
 * head, before the target exists, this takes the fragment out of the address so the browser does
 * not scroll; links.js lands on it in the guide's own window and puts it back. */
(function () {
  "use strict";
  if (window.top === window || window.location.hash.length < 2) {
    return;
  }
  document.documentElement.setAttribute("data-guide-landing", window.location.hash);
  history.replaceState(history.state, "", window.location.href.split("#")[0]);
})();
