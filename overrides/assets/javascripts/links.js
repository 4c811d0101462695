/* links: copy-link buttons and deep-link landing, loaded by guide-core.js on first use (a press
 * on a copy button, which is then played again), or at once where the page has a #fragment to land
 * on or the link page's or a card's addresses.
 *
 * Copy: the build writes a real button beside every step title, checklist, checklist item, worked
 * example and linkable heading, and three beside every address on "Linking to this guide" (link,
 * for email or chat, Markdown), each with its root-relative address (data-copy-path). A press
 * copies the full address (the public one when the build knows it) with the title as an HTML link,
 * and says so in a polite live region. Where the clipboard API is blocked the copy command does
 * the same; where that fails too it shows the address in a selected text field.
 * Landing: the target of #fragment opens any closed <details> or inactive tab around it, scrolls
 * this window (never a frame's host) below the sticky header (scroll-margin-top in links.css) and
 * is marked briefly.
 * Without scripts, the copy buttons are hidden (links.css) and the heading permalinks and the
 * addresses on the listing page still work. */
(function () {
  "use strict";

  var status = null;
  var listening = false;

  // The configured public address (mkdocs.yml extra.public_url) when the build knows it, so a
  // preview or an LMS copy still hands out the address people can type; else where the browser is.
  function publicRoot() {
    var meta = document.querySelector('meta[name="guide:public-url"]');
    return meta && meta.content ? new URL(meta.content) : null;
  }

  // The public address when the build knows it, else where the browser has the site (guide.root:
  // the theme's relative base would not do after an instant page change).
  function siteRoot() {
    return publicRoot() || window.guide.root;
  }

  // A root-relative address (`go/own-it/`, `steps/own-it/#what-to-do`) as a full one. From file://
  // (the offline copy, an unpacked zip) a folder is a file listing, not a page.
  function fullAddress(path) {
    var root = siteRoot();
    var folder = /\/(#|$)/.test(path) && root.protocol === "file:";
    return new URL(folder ? path.replace(/\/(#|$)/, "/index.html$1") : path, root).href;
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

  function escapeHtml(text) {
    return text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  // What one click puts on the clipboard. "link": the address as text and a titled link as HTML
  // (slides, documents, Outlook, Teams); "message": the title and the address as text, for an email
  // or a chat that drops HTML; "markdown": [title](address) for wikis and LMS editors.
  function payload(mode, title, address) {
    var link = '<a href="' + escapeHtml(address) + '">' + escapeHtml(title) + "</a>";
    if (mode === "markdown") {
      return { text: "[" + title.replace(/([\\\[\]])/g, "\\$1") + "](" + address + ")" };
    }
    if (mode === "message") {
      return { text: title + ": " + address, html: link };
    }
    return { text: address, html: link };
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

  // Where the clipboard API is blocked (plain http, file://, a frame without clipboard-write), the
  // copy command still runs this page's copy event, which can set both the text and the HTML.
  function copyWithEvent(data) {
    var written = false;
    function onCopy(event) {
      event.clipboardData.setData("text/plain", data.text);
      if (data.html) {
        event.clipboardData.setData("text/html", data.html);
      }
      event.preventDefault();
      written = true;
    }
    document.addEventListener("copy", onCopy, true);
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    } finally {
      document.removeEventListener("copy", onCopy, true);
    }
    return done && written;
  }

  function writeClipboard(data) {
    if (!navigator.clipboard || !window.isSecureContext) {
      return Promise.reject(new Error("no clipboard"));
    }
    if (data.html && window.ClipboardItem && navigator.clipboard.write) {
      var parts = {
        "text/plain": new Blob([data.text], { type: "text/plain" }),
        "text/html": new Blob([data.html], { type: "text/html" }),
      };
      return navigator.clipboard.write([new ClipboardItem(parts)]);
    }
    return navigator.clipboard.writeText(data.text);
  }

  function confirm(button, message) {
    button.classList.add("guide-copy--done");
    window.setTimeout(function () {
      button.classList.remove("guide-copy--done");
    }, 2000);
    announce(message);
  }

  var CONFIRMATIONS = {
    link: "Link copied",
    message: "Link copied for an email or a chat",
    markdown: "Link copied as Markdown",
  };

  function copy(button, mode, address, title) {
    var data = payload(mode, title, address);
    function fallback() {
      if (copyWithEvent(data)) {
        confirm(button, CONFIRMATIONS[mode]);
      } else {
        showField(button, data.text, title);
      }
    }
    writeClipboard(data).then(function () {
      confirm(button, CONFIRMATIONS[mode]);
    }, fallback);
  }

  // The accessible name of each kind of copy button: this prefix and the link's title
  // (macros/templates/copy_button.html).
  var NAMES = {
    link: "Copy link to ",
    message: "Copy for email or chat: ",
    markdown: "Copy as Markdown: ",
  };

  // One listener for every copy button, on every page view (instant navigation keeps document).
  function onCopyPress(event) {
    var button = event.target.closest && event.target.closest(".guide-copy[data-copy-path]");
    if (!button) {
      return;
    }
    var mode = button.getAttribute("data-copy-mode");
    if (!NAMES[mode]) {
      mode = "link";
    }
    var title = (button.getAttribute("aria-label") || "").slice(NAMES[mode].length);
    copy(button, mode, fullAddress(button.getAttribute("data-copy-path")), title);
  }

  // The link page shows each root-relative address in full, as the buttons beside it copy it.
  function showAddresses(root) {
    root.querySelectorAll("a[data-link-copy]").forEach(function (link) {
      var address = fullAddress(link.getAttribute("data-link-path"));
      var shown = link.querySelector("code");
      if (shown && shown.textContent !== address) {
        shown.textContent = address;
      }
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

  // Scroll this window only: scrollIntoView would also scroll every frame around the guide (an LMS
  // course page, a portal), hiding the host's own instructions.
  function scrollToTarget(target) {
    var margin = parseFloat(window.getComputedStyle(target).scrollMarginTop) || 0;
    var top = target.getBoundingClientRect().top + window.scrollY - margin;
    window.scrollTo({ top: Math.max(0, top), left: window.scrollX, behavior: "instant" });
  }

  function afterLoad(callback) {
    if (document.readyState === "complete") {
      window.setTimeout(callback, 0);
    } else {
      window.addEventListener("load", function () {
        window.setTimeout(callback, 0);
      });
    }
  }

  // The fragment to land on: the address's, or the one guide-core.js kept aside in a frame.
  function landingHash() {
    var root = document.documentElement;
    var kept = root.getAttribute("data-guide-landing");
    if (kept) {
      root.removeAttribute("data-guide-landing");
      // Back into the address once the page has loaded: before that, the browser would still
      // scroll every window to it.
      afterLoad(function () {
        if (!window.location.hash) {
          history.replaceState(history.state, "", kept);
        }
      });
      return kept;
    }
    return window.location.hash;
  }

  function land() {
    var id = "";
    try {
      id = decodeURIComponent(landingHash().slice(1));
    } catch (error) {
      return;
    }
    var target = id ? document.getElementById(id) : null;
    if (!target) {
      return;
    }
    openAround(target);
    scrollToTarget(target);
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

  // In a frame, a link to a place on this page is followed here: the browser's own fragment
  // scroll would move the host page too.
  function followInFrame(event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey) {
      return;
    }
    var hash = link.getAttribute("href");
    if (hash.length < 2) {
      return;
    }
    event.preventDefault();
    history.pushState(history.state, "", hash);
    land();
  }

  // QR codes made here, for the address the browser is on, where the build could not make them
  // (no public address). The encoder is qrcode-generator.js (the npm package, unchanged): no network.
  var QR_BORDER = 4; // modules of quiet zone, as the standard asks
  var QR_PNG_SCALE = 10; // pixels a module: sharp on a projector

  function qrCode(text) {
    if (typeof window.qrcode !== "function") {
      return null;
    }
    window.qrcode.stringToBytes = window.qrcode.stringToBytesFuncs["UTF-8"];
    var code = window.qrcode(0, "M");
    code.addData(text, "Byte");
    code.make();
    return code;
  }

  function qrSvg(code, label) {
    var count = code.getModuleCount();
    var size = count + 2 * QR_BORDER;
    var path = "";
    for (var row = 0; row < count; row += 1) {
      for (var col = 0; col < count; col += 1) {
        if (code.isDark(row, col)) {
          path += "M" + (col + QR_BORDER) + " " + (row + QR_BORDER) + "h1v1h-1z";
        }
      }
    }
    return (
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + size + " " + size + '"' +
      ' role="img" shape-rendering="crispEdges"><title>' + escapeHtml(label) + "</title>" +
      '<rect width="' + size + '" height="' + size + '" fill="#fff"/>' +
      '<path fill="#000" d="' + path + '"/></svg>'
    );
  }

  function qrPng(code) {
    var count = code.getModuleCount();
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = (count + 2 * QR_BORDER) * QR_PNG_SCALE;
    var context = canvas.getContext("2d");
    if (!context) {
      return "";
    }
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = "#000";
    for (var row = 0; row < count; row += 1) {
      for (var col = 0; col < count; col += 1) {
        if (code.isDark(row, col)) {
          context.fillRect(
            (col + QR_BORDER) * QR_PNG_SCALE,
            (row + QR_BORDER) * QR_PNG_SCALE,
            QR_PNG_SCALE,
            QR_PNG_SCALE
          );
        }
      }
    }
    return canvas.toDataURL("image/png");
  }

  function download(href, name, text, title) {
    var link = document.createElement("a");
    link.href = href;
    link.download = name;
    link.textContent = text;
    var hidden = document.createElement("span");
    hidden.className = "guide-visually-hidden";
    hidden.textContent = ", " + title;
    link.appendChild(hidden);
    return link;
  }

  // The link page: a code in each "QR code" box that has only the note, made when it is opened.
  function fillQr(box) {
    var note = box.querySelector("[data-qr-note]");
    if (!note || !box.open) {
      return;
    }
    var address = fullAddress(box.getAttribute("data-qr-path"));
    var title = box.getAttribute("data-qr-title") || address;
    var code = qrCode(address);
    if (!code) {
      return;
    }
    var svg = qrSvg(code, "QR code: " + address);
    var picture = document.createElement("div");
    picture.className = "guide-qr__code";
    picture.innerHTML = svg;
    var files = document.createElement("p");
    files.className = "guide-qr__files";
    var name = box.getAttribute("data-qr-name") || "qr-code";
    files.append(
      "Download: ",
      download("data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg), name + ".svg", "SVG", title),
      " · ",
      download(qrPng(code), name + ".png", "PNG", title)
    );
    note.replaceWith(picture, files);
  }

  function addQrCodes(root) {
    root.querySelectorAll("details.guide-qr").forEach(function (box) {
      if (box.hasAttribute("data-qr-ready")) {
        return;
      }
      box.setAttribute("data-qr-ready", "");
      box.addEventListener("toggle", function () {
        fillQr(box);
      });
      fillQr(box);
    });
  }

  // A card printed from the browser: the full address of the page it came from and its QR code,
  // where the build did not know the public address. Paper cannot follow a file:// address.
  function addCardAddresses(root) {
    if (!/^https?:$/.test(window.location.protocol)) {
      return;
    }
    root.querySelectorAll(".guide-card__footer[data-card-path]").forEach(function (footer) {
      if (footer.querySelector(".guide-card__qr")) {
        return;
      }
      var address = fullAddress(footer.getAttribute("data-card-path"));
      var code = qrCode(address);
      var words = footer.querySelector(".guide-card__address");
      if (!code || !words) {
        return;
      }
      var online = document.createElement("p");
      online.className = "guide-card__address";
      var link = document.createElement("a");
      link.href = address;
      link.textContent = address;
      online.append("Online: ", link);
      words.replaceWith(online);
      var picture = document.createElement("div");
      picture.className = "guide-card__qr";
      picture.innerHTML = qrSvg(code, "QR code: " + address);
      picture.firstChild.setAttribute("class", "guide-card__qr-code");
      footer.insertBefore(picture, footer.firstChild);
    });
  }

  // The link page's filter: entries whose words or address hold every word typed stay; boxes
  // with a match open while filtering; the count is announced.
  function filterLinks(input, count) {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var entries = document.querySelectorAll("[data-link-part] [data-link-id]");
    var shown = 0;
    // A card's text holds its PDFs' addresses, so a card stays whenever one of its PDFs does.
    entries.forEach(function (entry) {
      var text = Array.prototype.map
        .call(entry.querySelectorAll(".guide-link-list__kind, .guide-link-list__title, code"), function (part) {
          return part.textContent;
        })
        .join(" ")
        .toLowerCase();
      entry.hidden = !words.every(function (word) {
        return text.indexOf(word) !== -1;
      });
      shown += entry.hidden ? 0 : 1;
    });
    document.querySelectorAll("details.guide-link-fold").forEach(function (fold) {
      var any = fold.querySelector("[data-link-id]:not([hidden])");
      if (words.length) {
        if (!fold.hasAttribute("data-filter-opened") && !fold.open && any) {
          fold.setAttribute("data-filter-opened", "");
          fold.open = true;
        }
        fold.hidden = !any;
      } else {
        fold.hidden = false;
        if (fold.hasAttribute("data-filter-opened")) {
          fold.removeAttribute("data-filter-opened");
          fold.open = false;
        }
      }
    });
    if (!words.length) {
      count.textContent = "";
    } else if (shown === 0) {
      count.textContent = "No link matches “" + input.value.trim() + "”";
    } else {
      count.textContent = (shown === 1 ? "1 link matches" : shown + " links match") + " “" + input.value.trim() + "”";
    }
  }

  function addFilter(root) {
    var box = root.querySelector("[data-link-filter][hidden]");
    if (!box) {
      return;
    }
    var input = box.querySelector("input");
    var count = box.querySelector("[role='status']");
    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        filterLinks(input, count);
      }, 150);
    });
    box.hidden = false;
  }

  function setup() {
    if (!status || !document.body.contains(status)) {
      status = document.createElement("div");
      status.className = "guide-copy-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    showAddresses(document);
    addQrCodes(document);
    addCardAddresses(document);
    addFilter(document);
    land();
    if (!listening) {
      window.addEventListener("hashchange", land);
      document.addEventListener("click", onCopyPress);
      if (window.top !== window) {
        document.addEventListener("click", followInFrame);
      }
      listening = true;
    }
  }

  window.guide.ready(setup);
})();
