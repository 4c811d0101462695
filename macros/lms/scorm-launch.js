/* The launch page of the SCORM packages (macros/lms/__init__.py writes the page and its settings).
 *
 * One page holds the LMS connection for the whole launch: it finds the LMS's API (parents, then
 * the opener, as the standard describes), initializes once, and shows the guide in a same-origin
 * frame, so the learner opens any number of guide pages without this page unloading. It finishes
 * once, on `pagehide` (LMS frames block `unload`).
 *
 * The guide's pages know nothing of the LMS. This page watches them: every page the frame loads
 * is the location (and a visited step); the guide's own scripts keep ticks and answers in
 * localStorage and dispatch `guide:statechange`, and `storage` events arrive here too. Each
 * change is committed, batched. Without an LMS this page simply opens the guide.
 *
 * Suspend data, format 1 (JSON): {"v":1,"s":[step ids visited],"t":{checklist id:[item ids]},
 * "a":{question id:[option id, rev]}}. Only ids this package ships are stored, so its size is
 * bounded by the content; a test measures the fullest state against SCORM 1.2's 4,096 characters,
 * and should content ever outgrow it, answers and then ticks are left out rather than the LMS
 * refusing the whole value.
 */
(() => {
  "use strict";

  const FORMAT = 1;
  const COMMIT_DELAY = 500; // ms: several ticks in a row become one commit

  /** Each version's API object, data model names and time format. */
  const VERSIONS = {
    "1.2": {
      api: "API",
      limit: 4096,
      // An LMS of 1.2 answers "" for unset values; some say "" for entry even when resuming.
      readsSaved: () => true,
      methods: ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"],
      location: "cmi.core.lesson_location",
      suspend: "cmi.suspend_data",
      exit: "cmi.core.exit",
      time: "cmi.core.session_time",
      duration: (ms) => {
        const centis = Math.round(ms / 10);
        const hours = Math.min(Math.floor(centis / 360000), 9999);
        const minutes = Math.floor(centis / 6000) % 60;
        const seconds = (centis % 6000) / 100;
        const pad = (n, width) => String(n).padStart(width, "0");
        return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, "0")}`;
      },
      status(lms, result) {
        const before = lms.get("cmi.core.lesson_status");
        let status = "incomplete";
        if (result.complete) status = result.graded ? "passed" : "completed";
        else if (result.success === "failed") status = "failed";
        const kept = before === "passed" || (before === "completed" && status !== "passed");
        const values = { "cmi.core.lesson_status": kept ? before : status };
        if (result.graded) {
          Object.assign(values, {
            "cmi.core.score.min": "0",
            "cmi.core.score.max": "100",
            "cmi.core.score.raw": String(result.score),
          });
        }
        return values;
      },
    },
    "2004": {
      api: "API_1484_11",
      limit: 64000,
      // 2004 answers an error (403) for an unset value: read saved data only when resuming.
      readsSaved: (lms) => lms.get("cmi.entry") === "resume",
      methods: ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"],
      location: "cmi.location",
      suspend: "cmi.suspend_data",
      exit: "cmi.exit",
      time: "cmi.session_time",
      duration: (ms) => {
        const centis = Math.round(ms / 10);
        const hours = Math.floor(centis / 360000);
        const minutes = Math.floor(centis / 6000) % 60;
        const seconds = (centis % 6000) / 100;
        return `PT${hours}H${minutes}M${seconds.toFixed(2)}S`;
      },
      status(lms, result) {
        const completed = lms.get("cmi.completion_status") === "completed" || result.complete;
        const values = {
          "cmi.completion_status": completed ? "completed" : "incomplete",
          "cmi.progress_measure": completed ? "1" : result.progress.toFixed(2),
        };
        if (result.graded) {
          const passed = lms.get("cmi.success_status") === "passed" || result.complete;
          Object.assign(values, {
            "cmi.success_status": passed ? "passed" : result.success,
            "cmi.score.min": "0",
            "cmi.score.max": "100",
            "cmi.score.raw": String(result.score),
            "cmi.score.scaled": String(result.score / 100),
          });
        }
        return values;
      },
    },
  };

  /** The package's settings, written by the build into the root element's data- attributes. */
  function readSettings(root) {
    const json = (name, fallback) => {
      try {
        return JSON.parse(root.getAttribute(`data-lms-${name}`) || "");
      } catch {
        return fallback;
      }
    };
    return {
      version: VERSIONS[root.getAttribute("data-lms-scorm")] || null,
      storage: json("storage", {}),
      rule: root.getAttribute("data-lms-completion") || "steps",
      passMark: Number(root.getAttribute("data-lms-pass-mark")) || 100,
      steps: json("steps", []),
      checklists: json("checklists", {}),
      questions: json("questions", []),
      pages: json("pages", {}),
    };
  }

  /** The standard discovery: this window's parents, then the opener's. */
  function findApi(name) {
    const look = (start) => {
      let win = start;
      for (let tries = 0; win && tries < 500; tries += 1) {
        try {
          if (win[name] && typeof win[name] === "object") return win[name];
        } catch {
          // a parent on another site: its API cannot be ours; keep climbing
        }
        if (!win.parent || win.parent === win) break;
        win = win.parent;
      }
      return null;
    };
    return look(window) || (window.opener ? look(window.opener) : null);
  }

  /** The LMS connection: every call goes through here, so it opens once and closes once. */
  class Lms {
    constructor(api, version) {
      this.api = api;
      [this.init, this.getter, this.setter, this.committer, this.finisher] = version.methods;
      this.open = false;
      this.sent = {};
    }

    /** One API call; an LMS whose API throws must not break the guide's page. */
    call(method, ...args) {
      try {
        return String(this.api[method](...args) ?? "");
      } catch {
        return "false";
      }
    }

    start() {
      this.open = this.call(this.init, "") === "true";
      this.started = Date.now();
      return this.open;
    }

    get(element) {
      return this.open ? this.call(this.getter, element) : "";
    }

    /** Set what changed since it was last set; say whether anything did. A refused value is
     * sent again with the next change. */
    setAll(values) {
      let changed = false;
      for (const [element, value] of Object.entries(values)) {
        if (!this.open || this.sent[element] === value) continue;
        if (this.call(this.setter, element, value) === "true") this.sent[element] = value;
        changed = true;
      }
      return changed;
    }

    commit() {
      if (this.open) this.call(this.committer, "");
    }

    finish() {
      if (!this.open) return;
      this.open = false;
      this.call(this.finisher, "");
    }
  }

  /** The guide's own storage (data owned by ticks.js and checks.js), read and written safely.
   * The keys come from the build (macros/addresses.py), the same ones the guide's pages use. */
  class GuideStorage {
    constructor(keys) {
      this.keys = keys;
    }

    read(kind) {
      if (!this.keys[kind]) return null;
      try {
        const value = JSON.parse(window.localStorage.getItem(this.keys[kind]) || "null");
        return value && typeof value === "object" ? value : null;
      } catch {
        return null;
      }
    }

    write(kind, value) {
      if (!this.keys[kind]) return;
      try {
        if (value) window.localStorage.setItem(this.keys[kind], JSON.stringify(value));
        else window.localStorage.removeItem(this.keys[kind]);
      } catch {
        // storage blocked: the guide keeps ticks for the visit, and the LMS keeps them after
      }
    }

    owns(key) {
      return key === null || Object.values(this.keys).includes(key);
    }
  }

  /** The learner's state in this package's ids: visited steps, ticks, answers. */
  function collect(settings, storage, visited) {
    const ticks = storage.read("ticks")?.checklists || {};
    const t = {};
    for (const [checklist, items] of Object.entries(settings.checklists)) {
      const done = items.filter((item) => ticks[checklist]?.[item] === true);
      if (done.length) t[checklist] = done;
    }
    const answers = storage.read("answers")?.questions || {};
    const a = {};
    for (const [id, rev] of settings.questions) {
      const answer = answers[id];
      if (answer && answer.rev === rev && typeof answer.option === "string") {
        a[id] = [answer.option, rev];
      }
    }
    const s = settings.steps.map(([id]) => id).filter((id) => visited.has(id));
    return { v: FORMAT, s, t, a };
  }

  /** The suspend data: the state as compact JSON, never longer than the version allows. */
  function encode(state, limit) {
    const trimmed = { ...state };
    for (const part of ["a", "t"]) {
      if (JSON.stringify(trimmed).length <= limit) break;
      delete trimmed[part];
    }
    const text = JSON.stringify(trimmed);
    return text.length <= limit ? text : JSON.stringify({ v: FORMAT, s: state.s });
  }

  function decode(text) {
    try {
      const state = JSON.parse(text);
      return state && state.v === FORMAT ? state : null;
    } catch {
      return null;
    }
  }

  /** Put the LMS's saved ticks and answers into the guide's storage: the LMS wins. */
  function restore(settings, storage, state) {
    const checklists = {};
    for (const [checklist, items] of Object.entries(state.t || {})) {
      if (!Array.isArray(items) || !settings.checklists[checklist]) continue;
      const known = items.filter((item) => settings.checklists[checklist].includes(item));
      if (known.length) checklists[checklist] = Object.fromEntries(known.map((i) => [i, true]));
    }
    storage.write("ticks", Object.keys(checklists).length ? { checklists } : null);
    const questions = {};
    for (const [id, answer] of Object.entries(state.a || {})) {
      if (Array.isArray(answer) && answer.length === 2) {
        questions[id] = { option: String(answer[0]), rev: String(answer[1]) };
      }
    }
    storage.write("answers", Object.keys(questions).length ? { questions } : null);
  }

  /** Whether the package's completion rule holds, how far along it is, and the score. */
  function judge(settings, state) {
    if (settings.rule === "check") {
      const total = settings.questions.length;
      let best = 0;
      let answered = 0;
      for (const [id, , bestOption] of settings.questions) {
        if (!state.a[id]) continue;
        answered += 1;
        if (state.a[id][0] === bestOption) best += 1;
      }
      const score = total ? Math.round((100 * best) / total) : 0;
      const complete = total > 0 && score >= settings.passMark;
      const success = complete ? "passed" : answered === total && total ? "failed" : "unknown";
      return { complete, graded: true, score, success, progress: Math.min(score / settings.passMark, 1) };
    }
    let done = 0;
    let total = 0;
    if (settings.rule === "checklists") {
      for (const [checklist, items] of Object.entries(settings.checklists)) {
        total += items.length;
        done += (state.t[checklist] || []).length;
      }
    } else {
      total = settings.steps.length;
      done = state.s.length;
    }
    return { complete: total > 0 && done >= total, graded: false, progress: total ? done / total : 0 };
  }

  /** The frame's page as a path in the package, or "" when it is not one of ours. */
  function framePath(frame) {
    try {
      const here = new URL(".", window.location.href).href;
      const href = frame.contentWindow.location.href.split("#")[0].split("?")[0];
      return href.startsWith(here) ? decodeURI(href.slice(here.length)) : "";
    } catch {
      return "";
    }
  }

  function offerReturn(settings, frame, location) {
    const offer = document.querySelector(".guide-lms__resume");
    const title = settings.pages[location];
    if (!offer || !title) return () => {};
    offer.querySelector("[data-lms-resume-page]").textContent = title;
    const close = () => {
      offer.hidden = true;
    };
    offer.querySelector("[data-lms-resume]").addEventListener("click", () => {
      close();
      frame.src = location;
      frame.focus();
    });
    offer.querySelector("[data-lms-dismiss]").addEventListener("click", () => {
      close();
      frame.focus();
    });
    offer.hidden = false;
    return close;
  }

  /** Say on the guide's pages what a course keeps: each `data-lms-note` paragraph gets the
   * launch page's text of that name (the pages' own text says nothing leaves the browser). */
  function tellWhatIsSaved(doc) {
    for (const note of doc.querySelectorAll("[data-lms-note]")) {
      const name = note.getAttribute("data-lms-note");
      const text = document.querySelector(`[data-lms-note-text="${CSS.escape(name)}"]`);
      if (text) note.textContent = text.textContent;
    }
  }

  function start() {
    const frame = document.querySelector(".guide-lms__frame");
    const home = frame.getAttribute("data-lms-home") || "index.html";
    const settings = readSettings(document.documentElement);
    const api = settings.version ? findApi(settings.version.api) : null;
    if (!api) {
      // No LMS: the package is simply the guide.
      window.location.replace(home);
      return;
    }
    const version = settings.version;
    const lms = new Lms(api, version);
    const storage = new GuideStorage(settings.storage);
    if (!lms.start()) {
      frame.src = home;
      return;
    }
    const resumed = version.readsSaved(lms);
    const saved = resumed ? decode(lms.get(version.suspend)) : null;
    // The LMS holds this learner's state: its data wins, and a first launch starts clean, so
    // another person's ticks on a shared computer never reach this learner's record.
    restore(settings, storage, saved || {});
    const visited = new Set((saved?.s || []).filter((id) => settings.steps.some(([s]) => s === id)));
    const lastPage = resumed ? lms.get(version.location) : "";
    let location = lastPage;
    let timer = 0;

    const flush = () => {
      window.clearTimeout(timer);
      timer = 0;
      if (!lms.open) return;
      const state = collect(settings, storage, visited);
      const values = {
        [version.exit]: "suspend",
        [version.suspend]: encode(state, version.limit),
        ...version.status(lms, judge(settings, state)),
      };
      if (location) values[version.location] = location;
      if (lms.setAll(values)) {
        lms.setAll({ [version.time]: version.duration(Date.now() - lms.started) });
        lms.commit();
      }
    };
    const schedule = () => {
      if (!timer) timer = window.setTimeout(flush, COMMIT_DELAY);
    };

    let closeOffer = () => {};
    let loads = 0;
    frame.addEventListener("load", () => {
      const path = framePath(frame);
      if (!path) return;
      loads += 1;
      if (loads > 1) closeOffer();
      location = path;
      for (const [id, page] of settings.steps) if (page === path) visited.add(id);
      frame.contentDocument.addEventListener("guide:statechange", schedule);
      tellWhatIsSaved(frame.contentDocument);
      schedule();
    });
    window.addEventListener("storage", (event) => {
      if (storage.owns(event.key)) schedule();
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flush();
    });
    window.addEventListener("pagehide", () => {
      flush();
      lms.setAll({ [version.time]: version.duration(Date.now() - lms.started) });
      lms.finish();
    });
    frame.src = home;
    if (lastPage && lastPage !== home) closeOffer = offerReturn(settings, frame, lastPage);
  }

  start();
})();
