/* Printing: "Print" buttons on card and template pages, and every collapsed block
   opened while printing (then closed again). Without scripts the browser's own Print works and
   print.css still opens the blocks in browsers that support ::details-content. */
(function () {
  "use strict";

  var opened = [];

  function openAll() {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (el) {
      el.open = true;
      return true;
    });
  }

  function restore() {
    opened.forEach(function (el) {
      el.open = false;
    });
    opened = [];
  }

  window.addEventListener("beforeprint", openAll);
  window.addEventListener("afterprint", restore);

  function label() {
    if (document.querySelector(".guide-cards")) return "Print all cards";
    if (document.querySelector(".guide-card")) return "Print this card";
    return "Print this template";
  }

  function addButton() {
    var article = document.querySelector("article.md-content__inner");
    var printable = document.querySelector(".guide-card-page, .md-typeset .guide-form");
    if (!article || !printable || article.querySelector(".guide-print-button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "guide-print-button";
    button.textContent = label();
    button.addEventListener("click", function () {
      window.print();
    });
    var cardPage = article.querySelector(".guide-card-page");
    var heading = article.querySelector("h1");
    if (cardPage) {
      cardPage.insertBefore(button, cardPage.firstChild);
    } else if (heading) {
      heading.insertAdjacentElement("afterend", button);
    } else {
      article.insertBefore(button, article.firstChild);
    }
  }

  window.guide.ready(addButton);
})();
