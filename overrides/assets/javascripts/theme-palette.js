/* Material's palette script (partials/javascripts/palette.html) as a file, run where the theme
 * runs it, at the end of the header: apply the color scheme the reader chose before, if any.
 * "Automatic" (prefers-color-scheme) resolves to the light or dark option the system asks for. */
(function () {
  "use strict";
  var palette = window.__md_get("__palette");
  if (!palette || !palette.color) {
    return;
  }
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = window.matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(
      light
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']"
    );
    if (input) {
      palette.color.media = input.getAttribute("data-md-color-media");
      palette.color.scheme = input.getAttribute("data-md-color-scheme");
      palette.color.primary = input.getAttribute("data-md-color-primary");
      palette.color.accent = input.getAttribute("data-md-color-accent");
    }
  }
  Object.keys(palette.color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, palette.color[key]);
  });
})();
