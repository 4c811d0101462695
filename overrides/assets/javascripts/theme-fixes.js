/* Theme fixes: the navigation drawer opens from a real button.
 *
 * Below 1220 px Material opens its navigation drawer with a <label> for a hidden checkbox: a
 * mouse or finger can press it, the Tab key never reaches it, and a label may not play a button.
 * Put a named <button> in its place that presses the same checkbox and says whether the drawer is
 * open. Without scripts the label stays, and every page is reachable through its own links.
 */
window.guide.ready(function () {
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector(".md-header label.md-header__button[for=__drawer]");
  if (!toggle || !label || label.style.display === "none") {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " guide-menu-button";
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-expanded", String(toggle.checked));
  button.innerHTML = label.innerHTML; // Material's own icon (an inline SVG)
  label.style.display = "none";
  label.parentNode.insertBefore(button, label);
  button.addEventListener("click", function () {
    toggle.click();
  });
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
    // Opened from the keyboard: go into the drawer, not on to header controls it now covers.
    // On a section's page the drawer opens on that section, over the top level: start in the
    // deepest open level (the last ticked level toggle), whose links are the ones on show.
    if (toggle.checked && document.activeElement === button) {
      var levels = document.querySelectorAll(".md-sidebar--primary .md-nav__toggle:checked");
      var level = levels.length ? levels[levels.length - 1].parentElement : document;
      var first = level.querySelector(".md-sidebar--primary nav a[href]");
      if (first) {
        first.focus();
      }
    }
  });
});

/* Theme fixes: the search dialog has a name (WCAG 4.1.2). Search only works with scripts, so the
 * name is given here rather than in a copy of Material's search partial. */
window.guide.ready(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search");
  }
});
