/* links: copy-link buttons and deep-link landing.
 *
 * Copy: a real button beside every step title, checklist, worked example and linkable heading, and
 * beside every address on "Linking to this guide". It copies the full address (the go/ short link
 * where there is one) and says so in a polite live region. Without the clipboard API (file://, plain
 * http) it shows the address in a selected text field instead.
 * Landing: the target of #fragment opens any closed <details> or inactive tab around it, scrolls
 * below the sticky header (scroll-margin-top in links.css) and is marked briefly.
 * Without scripts, the heading permalinks and the addresses on the listing page still work. */
(function () {
  "use strict";

  var STEP_TITLE = /^step-\d+$/;
  var status = null;
  var hashListener = false;

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    if (config) {
      try {
        base = JSON.parse(config.textContent).base || ".";
      } catch (error) {
        base = ".";
      }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  // The address formats the build publishes (macros/addresses.py), from <meta name="guide:addresses">.
  function addressFormats() {
    var meta = document.querySelector('meta[name="guide:addresses"]');
    try {
      return meta ? JSON.parse(meta.content) : {};
    } catch (error) {
      return {};
    }
  }

  // From file:// (the offline copy, an unpacked zip) a folder is a file listing, not a page.
  function shortAddress(id) {
    var format = addressFormats().short;
    if (!format) {
      return null;
    }
    var folder = format.replace("{id}", id);
    var path = window.location.protocol === "file:" && /\/$/.test(folder) ? folder + "index.html" : folder;
    return new URL(path, siteRoot()).href;
  }

  function fragmentAddress(id) {
    var url = new URL(window.location.href);
    url.hash = id;
    return url.href;
  }

  function headingText(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(".headerlink, .guide-copy, .guide-copy-field").forEach(function (node) {
      node.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function announce(message) {
    if (!status) {
      return;
    }
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function showField(button, address, title) {
    var field = button.nextElementSibling;
    if (!field || !field.classList.contains("guide-copy-field")) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "guide-copy-field";
      field.setAttribute("aria-label", "Link to " + title);
      button.insertAdjacentElement("afterend", field);
    }
    field.value = address;
    field.focus();
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    announce(copied ? "Link copied" : "Link selected: press Control+C (or Command+C) to copy it");
  }

  function confirm(button) {
    button.classList.add("guide-copy--done");
    window.setTimeout(function () {
      button.classList.remove("guide-copy--done");
    }, 2000);
    announce("Link copied");
  }

  function copy(button, address, title) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(address).then(
        function () {
          confirm(button);
        },
        function () {
          showField(button, address, title);
        }
      );
    } else {
      showField(button, address, title);
    }
  }

  function makeButton(title, address, withText) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "guide-copy" + (withText ? " guide-copy--text" : "");
    button.setAttribute("aria-label", "Copy link to " + title);
    button.setAttribute("data-copy-address", address);
    button.title = "Copy link";
    button.innerHTML =
      '<svg class="guide-copy__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24">' +
      '<path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0M13' +
      " 6.4l1.8-1.8a4 4 0 0 1 5.6 5.6l-1.8 1.8a1 1 0 1 1-1.4-1.4l1.8-1.8a2 2 0 0 0-2.8-2.8L14.4 7.8A1 1" +
      " 0 0 1 13 6.4m-2 11.2-1.8 1.8a4 4 0 0 1-5.6-5.6l1.8-1.8a1 1 0 1 1 1.4 1.4L5 15.2A2 2 0 0 0 7.8" +
      ' 18l1.8-1.8a1 1 0 0 1 1.4 1.4"/></svg>' +
      (withText ? '<span class="guide-copy__text">Copy link</span>' : "");
    button.addEventListener("click", function () {
      copy(button, button.getAttribute("data-copy-address"), title);
    });
    return button;
  }

  function addToHeading(heading, title, address) {
    if (!address || heading.querySelector(".guide-copy")) {
      return;
    }
    heading.appendChild(makeButton(title, address, false));
  }

  function addButtons(root) {
    root.querySelectorAll(".md-content h1[id]").forEach(function (heading) {
      if (STEP_TITLE.test(heading.id)) {
        addToHeading(heading, headingText(heading), shortAddress(heading.id));
      }
    });
    root.querySelectorAll(".md-content h2[id]").forEach(function (heading) {
      if (heading.querySelector(".headerlink")) {
        addToHeading(heading, headingText(heading), fragmentAddress(heading.id));
      }
    });
    root.querySelectorAll(".guide-checklist[data-checklist]").forEach(function (section) {
      var heading = section.querySelector(".guide-checklist__title");
      if (heading) {
        addToHeading(heading, headingText(heading), shortAddress(section.dataset.checklist));
      }
    });
    root.querySelectorAll("details.guide-example[data-example]").forEach(function (example) {
      var previous = example.previousElementSibling;
      var address = shortAddress(example.dataset.example);
      if (!address || (previous && previous.classList.contains("guide-copy-row"))) {
        return;
      }
      var title = example.querySelector(".guide-example__title");
      var row = document.createElement("div");
      row.className = "guide-copy-row";
      var name = title ? headingText(title) : example.dataset.example;
      row.appendChild(makeButton(name, address, false));
      example.insertAdjacentElement("beforebegin", row);
    });
    root.querySelectorAll("a[data-link-copy]").forEach(function (link) {
      if (link.nextElementSibling && link.nextElementSibling.classList.contains("guide-copy")) {
        return;
      }
      link.insertAdjacentElement("afterend", makeButton(link.dataset.linkCopy, link.href, true));
    });
  }

  function openAround(target) {
    for (var node = target; node && node !== document.body; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
      }
      if (node.classList.contains("tabbed-block")) {
        var blocks = Array.prototype.filter.call(node.parentElement.children, function (child) {
          return child.classList.contains("tabbed-block");
        });
        var set = node.closest(".tabbed-set");
        var inputs = set ? set.querySelectorAll(":scope > input") : [];
        var input = inputs[blocks.indexOf(node)];
        if (input && !input.checked) {
          input.click();
        }
      }
    }
  }

  function land() {
    var id = "";
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return;
    }
    var target = id ? document.getElementById(id) : null;
    if (!target) {
      return;
    }
    openAround(target);
    target.scrollIntoView({ block: "start" });
    target.classList.remove("guide-landed");
    void target.offsetWidth;
    target.classList.add("guide-landed");
    target.addEventListener(
      "animationend",
      function () {
        target.classList.remove("guide-landed");
      },
      { once: true }
    );
  }

  function setup() {
    if (!status || !document.body.contains(status)) {
      status = document.createElement("div");
      status.className = "guide-copy-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    addButtons(document);
    land();
    if (!hashListener) {
      window.addEventListener("hashchange", land);
      hashListener = true;
    }
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
