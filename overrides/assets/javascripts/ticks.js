/* Tickable checklists: ticks kept on this device only, a progress line per checklist,
 * step status on the overview, "Clear my ticks" with undo, and "Print my progress".
 *
 * This file is the only place that knows the storage format. One localStorage key per guide
 * (guide.storageKey(id, "ticks"), format in macros/addresses.py), holds {"checklists": {"<checklist-id>": {"<item-id>": true}}}.
 * One key, so "Clear all" and its undo are one write and the `storage` event has one key to watch;
 * every change re-reads the key first, so two open tabs do not undo each other's ticks. The version
 * is in the key: a later format takes a new key (and may migrate this one) and is never misread.
 * Items are keyed by their author-written ids, never positions: reworded items keep their ticks.
 * Without scripts the checklists are plain native checkboxes that print as empty boxes.
 *
 * guide-core.js loads this file on first use: where ticks are saved, or on the first tick, which it
 * plays again once this has started. The progress lines and "Not started" statuses are in the page
 * already (macros/templates), so a first visit shows them without this file; its buttons (clear,
 * print, undo) come with it, once there is something ticked to clear or print.
 */
(() => {
  "use strict";

  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const STATUS = { "not-started": "Not started", "in-progress": "In progress", done: "Done" };
  const WARNINGS = {
    unsaved:
      "Your ticks cannot be saved on this device, so they will be gone when you leave this page. " +
      "Use Print my progress to keep a copy.",
    unreadable: "Ticks saved earlier on this device could not be read, so they start again here.",
  };

  /** Ticks of one guide: in localStorage when it works, in memory for the visit when it does not. */
  class TickStore {
    constructor(guideId) {
      this.key = window.guide.storageKey(guideId, "ticks");
      this.memory = { checklists: {} };
      this.saving = true;
      this.problem = "";
    }

    /** The current ticks; re-read from storage so other tabs' changes are seen. */
    read() {
      if (!this.saving) return this.memory;
      if (!window.guide.storage.available || this.key === null) {
        this.fail("unsaved");
        return this.memory;
      }
      const raw = window.guide.storage.get(this.key);
      const data = raw === null ? { checklists: {} } : parseTicks(raw);
      if (data === null) this.problem = this.problem || "unreadable";
      this.memory = data || { checklists: {} };
      return this.memory;
    }

    /** Read, let `edit` change the ticks (it returns false when nothing changed), then save. */
    change(edit) {
      const data = this.read();
      if (edit(data) === false) return;
      this.memory = data;
      if (!this.saving) return;
      const saved = Object.keys(data.checklists).length
        ? window.guide.storage.set(this.key, JSON.stringify(data))
        : window.guide.storage.remove(this.key);
      if (!saved) this.fail("unsaved");
      else document.dispatchEvent(new CustomEvent("guide:statechange")); // an LMS launch page commits
    }

    /** Storage blocked or full: keep ticks in memory for the rest of the visit. */
    fail(problem) {
      this.saving = false;
      this.problem = problem;
    }
  }

  /** Parse stored ticks, keeping only well-formed entries; null when the value is not ours. */
  function parseTicks(raw) {
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!isPlainObject(value) || !isPlainObject(value.checklists)) return null;
    const checklists = {};
    for (const [checklist, items] of Object.entries(value.checklists)) {
      if (!ID.test(checklist) || !isPlainObject(items)) continue;
      const kept = {};
      for (const [item, ticked] of Object.entries(items)) {
        if (ID.test(item) && ticked === true) kept[item] = true;
      }
      if (Object.keys(kept).length) checklists[checklist] = kept;
    }
    return { checklists };
  }

  function isPlainObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  const stores = new Map();

  function storeFor(guideId) {
    if (!stores.has(guideId)) stores.set(guideId, new TickStore(guideId));
    return stores.get(guideId);
  }

  function make(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function button(text, onClick) {
    const element = make("button", "guide-ticks__button", text);
    element.type = "button";
    element.addEventListener("click", onClick);
    return element;
  }

  function statusOf(done, total) {
    if (done === 0) return "not-started";
    return done === total ? "done" : "in-progress";
  }

  function showStatus(element, status) {
    element.className = element.className.replace(/\s*guide-ticks__status--[a-z-]+/g, "");
    element.classList.add("guide-ticks__status", `guide-ticks__status--${status}`);
    element.dataset.status = status;
    const hidden = make("span", "guide-visually-hidden", "Status: ");
    element.replaceChildren(hidden, STATUS[status]);
  }

  /** Count ticked `checklist/item` keys among the ones the page lists. */
  function countTicked(data, keys) {
    return keys.filter((key) => {
      const [checklist, item] = key.split("/");
      return Boolean(data.checklists[checklist] && data.checklists[checklist][item]);
    }).length;
  }

  function itemsOf(section) {
    return [...section.querySelectorAll("li[data-item]")].filter((item) =>
      item.querySelector("input[type=checkbox]"),
    );
  }

  /** Show a short message in a live region; `action` adds a button (Undo) after the text. */
  function say(region, text, action) {
    region.replaceChildren(make("span", "", text));
    if (action) region.append(" ", action);
  }

  // ---- one page ----------------------------------------------------------------------------------

  /** The ticks features of the document on screen; rebuilt on every (instant) page load. */
  class TicksPage {
    constructor(root) {
      this.sections = [...root.querySelectorAll("section[data-checklist][data-guide]")];
      this.overviews = [...root.querySelectorAll("nav.guide-steps[data-guide]")];
      this.warned = false;
      for (const section of this.sections) this.enhanceChecklist(section);
      for (const nav of this.overviews) this.enhanceOverview(nav);
      this.addClearAll();
      this.forgetRemovedItems();
      this.render(true);
      this.warnIfNeeded(this.firstRegion());
    }

    guides() {
      const ids = [...this.sections, ...this.overviews].map((element) => element.dataset.guide);
      return [...new Set(ids)];
    }

    enhanceChecklist(section) {
      const store = storeFor(section.dataset.guide);
      const checklist = section.dataset.checklist;
      const count = section.querySelector(".guide-ticks__count");
      const status = section.querySelector(".guide-ticks__progress .guide-ticks__status");

      for (const item of itemsOf(section)) {
        const box = item.querySelector("input[type=checkbox]");
        box.addEventListener("change", () => {
          store.change((data) => {
            const ticks = data.checklists[checklist] || {};
            if (box.checked) ticks[item.dataset.item] = true;
            else delete ticks[item.dataset.item];
            if (Object.keys(ticks).length) data.checklists[checklist] = ticks;
            else delete data.checklists[checklist];
          });
          this.dismissUndo(section);
          this.render();
          this.warnIfNeeded(section.ticks.warning);
        });
      }

      const tools = section.querySelector("[data-checklist-tools]") || section;
      const undo = make("p", "guide-ticks__message");
      undo.setAttribute("role", "status");
      const warning = make("p", "guide-ticks__warning");
      warning.setAttribute("role", "status");
      const clear = button("Clear my ticks", () => this.clearChecklist(section));
      const print = button("Print my progress", () => this.printProgress(section));
      const buttons = make("div", "guide-ticks__buttons");
      buttons.append(clear, print);
      const date = make("p", "guide-ticks__print-date");
      tools.append(buttons, undo, warning);
      section.append(date);
      section.ticks = { store, count, status, clear, undo, warning, date };
    }

    enhanceOverview(nav) {
      nav.ticks = { store: storeFor(nav.dataset.guide) };
    }

    /** "Clear all my ticks and answers" after the full overview, or the last checklist of a quick view. */
    addClearAll() {
      const full = this.overviews.filter((nav) => !nav.classList.contains("guide-steps--compact"));
      const anchor = full.length ? full[0] : this.sections.length > 1 ? this.sections.at(-1) : null;
      if (!anchor) return;
      const block = make("div", "guide-ticks-all");
      const clear = button("Clear all my ticks and answers", () => this.clearAll());
      const undo = make("p", "guide-ticks__message");
      undo.setAttribute("role", "status");
      const warning = make("p", "guide-ticks__warning");
      warning.setAttribute("role", "status");
      block.append(clear, undo, warning);
      anchor.after(block);
      this.all = { clear, undo, warning };
    }

    firstRegion() {
      if (this.sections.length) return this.sections[0].ticks.warning;
      return this.all ? this.all.warning : null;
    }

    /** On the page that shows a checklist, ticks of item ids it no longer has are forgotten. */
    forgetRemovedItems() {
      for (const section of this.sections) {
        const checklist = section.dataset.checklist;
        const current = new Set(itemsOf(section).map((item) => item.dataset.item));
        section.ticks.store.change((data) => {
          const ticks = data.checklists[checklist];
          if (!ticks) return false;
          const gone = Object.keys(ticks).filter((item) => !current.has(item));
          if (!gone.length) return false;
          for (const item of gone) delete ticks[item];
          if (!Object.keys(ticks).length) delete data.checklists[checklist];
          return true;
        });
      }
    }

    /** Show the stored ticks: boxes, progress lines and step statuses. At `start`, a box ticked
     * before this script ran stays ticked: guide-core plays that tick again in a moment. */
    render(start = false) {
      for (const section of this.sections) {
        const data = section.ticks.store.read();
        const ticks = data.checklists[section.dataset.checklist] || {};
        const items = itemsOf(section);
        let done = 0;
        for (const item of items) {
          const ticked = Boolean(ticks[item.dataset.item]);
          const box = item.querySelector("input[type=checkbox]");
          if (!(start && box.checked)) box.checked = ticked;
          item.classList.toggle("guide-ticks__item--done", ticked);
          if (ticked) done += 1;
        }
        const text = `${done} of ${items.length} done`;
        if (section.ticks.count.textContent !== text) section.ticks.count.textContent = text;
        showStatus(section.ticks.status, statusOf(done, items.length));
      }
      for (const nav of this.overviews) {
        const data = nav.ticks.store.read();
        for (const step of nav.querySelectorAll("li[data-step]")) {
          const slot = step.querySelector("[data-step-status]");
          const keys = (step.dataset.stepItems || "").split(/\s+/).filter(Boolean);
          if (!slot || !keys.length) continue;
          showStatus(slot, statusOf(countTicked(data, keys), keys.length));
        }
      }
    }

    /** Tell the reader once per page when ticks cannot be kept, near where they are working. */
    warnIfNeeded(region) {
      if (this.warned || !region) return;
      const problem = this.guides().map((id) => storeFor(id).problem).find(Boolean);
      if (!problem) return;
      this.warned = true;
      say(region, WARNINGS[problem]);
    }

    /** A new tick ends the Undo offer of its own checklist and of "Clear all" (not of others). */
    dismissUndo(section) {
      const regions = [section && section.ticks.undo, this.all && this.all.undo];
      for (const region of regions.filter(Boolean)) {
        if (region.querySelector("button")) region.replaceChildren();
      }
    }

    clearChecklist(section) {
      const { store, undo, clear } = section.ticks;
      const checklist = section.dataset.checklist;
      const name = titleOf(section);
      let cleared = null;
      store.change((data) => {
        cleared = data.checklists[checklist] || null;
        if (!cleared) return false;
        delete data.checklists[checklist];
        return true;
      });
      this.dismissUndo(section);
      this.render();
      this.warnIfNeeded(section.ticks.warning);
      if (!cleared) {
        say(undo, `There are no ticks to clear in ${name}.`);
        return;
      }
      const count = Object.keys(cleared).length;
      const restore = button("Undo", () => {
        store.change((data) => {
          data.checklists[checklist] = { ...(data.checklists[checklist] || {}), ...cleared };
        });
        this.render();
        say(undo, `Your ${plural(count)} in ${name} are back.`);
        clear.focus();
      });
      say(undo, `Cleared ${plural(count)} from ${name}.`, restore);
    }

    clearAll() {
      const { undo, clear } = this.all;
      const cleared = new Map();
      for (const id of this.guides()) {
        storeFor(id).change((data) => {
          if (!Object.keys(data.checklists).length) return false;
          cleared.set(id, data.checklists);
          data.checklists = {};
          return true;
        });
      }
      // Clear all clears the answers to knowledge checks too: here, as checks.js may not have
      // loaded on this page, and through guide:clearall for a checks.js that shows them. Their
      // text is kept as it was stored, for Undo.
      const answers = new Map();
      for (const id of this.guides()) {
        const key = window.guide.storageKey(id, "answers");
        const text = key === null ? null : window.guide.storage.get(key);
        if (text !== null && window.guide.storage.remove(key)) answers.set(key, text);
      }
      document.dispatchEvent(new CustomEvent("guide:clearall"));
      if (answers.size) document.dispatchEvent(new CustomEvent("guide:statechange"));
      for (const section of this.sections) this.dismissUndo(section);
      this.render();
      this.warnIfNeeded(this.all.warning);
      if (!cleared.size && !answers.size) {
        say(undo, "There are no ticks or answers to clear.");
        return;
      }
      const what = answers.size ? "ticks and answers" : "ticks";
      const restore = button("Undo", () => {
        for (const [id, checklists] of cleared) {
          storeFor(id).change((data) => {
            for (const [checklist, ticks] of Object.entries(checklists)) {
              data.checklists[checklist] = { ...(data.checklists[checklist] || {}), ...ticks };
            }
          });
        }
        for (const [key, text] of answers) window.guide.storage.set(key, text);
        if (answers.size) document.dispatchEvent(new CustomEvent("guide:statechange"));
        this.render();
        say(undo, `All your ${what} are back.`);
        clear.focus();
      });
      say(undo, `Cleared all your ${what} in this guide.`, restore);
    }

    /** Print only this checklist, with the reader's ticks and today's date (see ticks.css). */
    printProgress(section) {
      clearPrintMarks();
      const today = new Date();
      const time = make("time", "", today.toLocaleDateString("en-US", { dateStyle: "long" }));
      time.dateTime = today.toISOString().slice(0, 10);
      section.ticks.date.replaceChildren("My progress, printed on ", time, ".");
      document.documentElement.dataset.guidePrint = `progress:${section.dataset.checklist}`;
      section.setAttribute("data-guide-print-target", "");
      for (let node = section.parentElement; node && node !== document.body; node = node.parentElement) {
        node.setAttribute("data-guide-print-path", "");
      }
      window.print();
    }
  }

  /** The checklist's title as written (its own text, not that of buttons other scripts add). */
  function titleOf(section) {
    const title = section.querySelector(".guide-checklist__title");
    const own = title ? [...title.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE) : [];
    return own.map((node) => node.textContent).join("").trim() || section.dataset.checklist;
  }

  function plural(count) {
    return count === 1 ? "1 tick" : `${count} ticks`;
  }

  function clearPrintMarks() {
    delete document.documentElement.dataset.guidePrint;
    for (const node of document.querySelectorAll("[data-guide-print-target], [data-guide-print-path]")) {
      node.removeAttribute("data-guide-print-target");
      node.removeAttribute("data-guide-print-path");
    }
  }

  // ---- wiring ------------------------------------------------------------------------------------

  let current = null;

  function start() {
    if (current && document.querySelector(".guide-ticks__buttons, .guide-ticks-all")) {
      current.render(); // the same content again: already enhanced
      return;
    }
    current = new TicksPage(document);
  }

  window.addEventListener("storage", (event) => {
    const watched = [...stores.values()].some((store) => store.key === event.key);
    if (current && (event.key === null || watched)) current.render();
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && current) current.render();
  });
  window.addEventListener("afterprint", clearPrintMarks);

  window.guide.ready(start);
})();
