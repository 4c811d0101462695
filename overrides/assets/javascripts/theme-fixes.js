/* Theme fixes: the navigation drawer's menu button works from the keyboard.
 *
 * Below 1220 px Material opens its navigation drawer with a <label> for a hidden checkbox: a
 * mouse or finger can press it, the Tab key never reaches it. Make it a named button that Enter
 * and Space press and that says whether the drawer is open. Without scripts the drawer does not
 * open either way, and every page stays reachable through its own links and footer.
 */
document$.subscribe(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".md-header label.md-header__button[for=__drawer]");
  if (!toggle || !button || button.hasAttribute("role")) {
    return;
  }
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-expanded", String(toggle.checked));
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
  // Material already presses a focused label on Enter; Space is the other key of a button.
  button.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      button.click();
    }
  });
});

/* Theme fixes: the search dialog has a name (WCAG 4.1.2). Search only works with scripts, so the
 * name is given here rather than in a copy of Material's search partial. */
document$.subscribe(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search");
  }
});
