/* Knowledge checks: "Check my answer" feedback in words, answers remembered on this device, and
 * the check page's running summary with Start again.
 *
 * This file is the only place that knows the answers' storage format. One localStorage key per
 * guide (core.storageKey(id, "answers"), format in macros/addresses.py), holds {"questions":
 * {"<question-id>": {"option": "<option-id>", "rev": "<fingerprint>"}}}. Answers are kept by author-written ids, never by
 * position; `rev` is the question's data-check-rev, so an answer to a question that has since
 * changed is dropped instead of shown against new wording. Storage that is blocked, full or holds
 * something else never breaks the page: answers then last for the visit.
 *
 * Without scripts each question still reads, and every option's feedback is in a closed details
 * below it. Where scripts run, checks.css shows "Check my answer" instead, which answers in the
 * live feedback area. guide-core.js loads this file on first use: where answers are saved, on the
 * check page (its summary), or on the first "Check my answer" or key on an option, which it plays
 * again once this has started.
 */
(() => {
  "use strict";

  const core = window.guide;
  if (!core) return; // without the shared start-up the no-script version stays, and still works

  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const REV = /^[0-9a-f]{6,64}$/;
  const WARNINGS = {
    unsaved:
      "Your answers cannot be saved on this device, so they will be gone when you leave this page.",
    unreadable: "Answers saved earlier on this device could not be read, so they start again here.",
  };

  /** Answers of one guide: in localStorage when it works, in memory for the visit when not. */
  class AnswerStore {
    constructor(guideId) {
      this.key = core.storageKey(guideId, "answers");
      this.memory = { questions: {} };
      this.saving = core.storage.available && this.key !== null;
      this.problem = this.saving ? "" : "unsaved";
    }

    /** The current answers; re-read from storage so other tabs' answers are seen. */
    read() {
      if (!this.saving) return this.memory;
      const raw = core.storage.get(this.key);
      const data = raw === null ? { questions: {} } : parseAnswers(raw);
      if (data === null) this.problem = this.problem || "unreadable";
      this.memory = data || { questions: {} };
      return this.memory;
    }

    /** Read, let `edit` change the answers (false when nothing changed), save, tell listeners. */
    change(edit) {
      const data = this.read();
      if (edit(data) === false) return false;
      this.memory = data;
      if (this.saving) {
        const saved = Object.keys(data.questions).length
          ? core.storage.set(this.key, JSON.stringify(data))
          : core.storage.remove(this.key);
        if (!saved) {
          this.saving = false;
          this.problem = "unsaved";
        }
      }
      document.dispatchEvent(new CustomEvent("guide:statechange"));
      return true;
    }
  }

  /** Parse stored answers, keeping only well-formed entries; null when the value is not ours. */
  function parseAnswers(raw) {
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!isPlainObject(value) || !isPlainObject(value.questions)) return null;
    const questions = {};
    for (const [question, answer] of Object.entries(value.questions)) {
      if (!ID.test(question) || !isPlainObject(answer)) continue;
      if (typeof answer.option !== "string" || !ID.test(answer.option)) continue;
      if (typeof answer.rev !== "string" || !REV.test(answer.rev)) continue;
      questions[question] = { option: answer.option, rev: answer.rev };
    }
    return { questions };
  }

  function isPlainObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  const stores = new Map();

  function storeFor(guideId) {
    if (!stores.has(guideId)) stores.set(guideId, new AnswerStore(guideId));
    return stores.get(guideId);
  }

  function make(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.append(text);
    return element;
  }

  function plural(count, one, many) {
    return `${count} ${count === 1 ? one : many}`;
  }

  // ---- one question ------------------------------------------------------------------------------

  /** A question on the page: its radios, its feedback area and the feedback written for each. */
  class Question {
    constructor(root, onAnswer) {
      this.root = root;
      this.id = root.dataset.check;
      this.rev = root.dataset.checkRev;
      this.best = root.dataset.checkBest;
      this.store = storeFor(root.dataset.guide);
      this.radios = [...root.querySelectorAll("input[type=radio][data-option]")];
      this.feedback = root.querySelector("[data-check-feedback]");
      this.button = root.querySelector("[data-check-submit]");
      this.onAnswer = onAnswer;
      this.button.addEventListener("click", () => this.check());
      // Enter on an option checks it, as Enter submits a choice in a form.
      for (const radio of this.radios) {
        radio.addEventListener("keydown", (event) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          this.check();
        });
      }
    }

    letterOf(radio) {
      const letter = radio.labels[0] && radio.labels[0].querySelector(".guide-check__letter");
      return letter ? letter.textContent.replace(/\W/g, "") : "";
    }

    /** The reader's choice: stored with its fingerprint, then explained in the live region. */
    check() {
      const chosen = this.radios.find((radio) => radio.checked);
      if (!chosen) {
        const ask = make("p", "", "Pick an answer first, then check it.");
        this.say("guide-check__feedback--none", [ask]);
        return;
      }
      const option = chosen.dataset.option;
      this.store.change((data) => {
        const old = data.questions[this.id];
        if (old && old.option === option && old.rev === this.rev) return false;
        data.questions[this.id] = { option, rev: this.rev };
      });
      this.explain(chosen);
      this.onAnswer();
    }

    /** "You picked B. Not the best answer. <why>": the verdict in words, never color alone. */
    explain(chosen) {
      const option = chosen.dataset.option;
      const best = option === this.best;
      const why = this.root.querySelector(`[data-feedback-for="${option}"] .guide-check__reason`);
      const paragraph = make("p", "", `You picked ${this.letterOf(chosen)}. `);
      const words = best ? "Best answer." : "Not the best answer.";
      const verdict = make("strong", "guide-check__verdict", words);
      paragraph.append(verdict, " ");
      if (why) paragraph.append(...[...why.childNodes].map((node) => node.cloneNode(true)));
      const parts = [paragraph];
      if (!best) {
        parts.push(make("p", "guide-check__again", "Pick another answer and check it to try again."));
      }
      const warning = this.store.problem && WARNINGS[this.store.problem];
      if (warning && !warned.has(this.store)) {
        warned.add(this.store);
        parts.push(make("p", "guide-check__warning", warning));
      }
      this.say(best ? "guide-check__feedback--best" : "guide-check__feedback--other", parts);
    }

    say(modifier, parts) {
      this.feedback.className = `guide-check__feedback ${modifier}`;
      this.feedback.replaceChildren(...parts);
    }

    clearShown() {
      for (const radio of this.radios) radio.checked = false;
      this.feedback.className = "guide-check__feedback";
      this.feedback.replaceChildren();
    }

    /** The stored answer, if it still fits this question; a changed question forgets it. */
    stored() {
      const answer = this.store.read().questions[this.id];
      if (!answer) return null;
      const known = this.radios.some((radio) => radio.dataset.option === answer.option);
      if (answer.rev === this.rev && known) return answer;
      this.store.change((data) => {
        delete data.questions[this.id];
      });
      return null;
    }

    /** Show the stored answer and its feedback (after a reload, or another tab's change). */
    restore() {
      const answer = this.stored();
      if (!answer) {
        if (this.shownOption) this.clearShown();
        this.shownOption = null;
        return;
      }
      if (this.shownOption === answer.option) return;
      const radio = this.radios.find((r) => r.dataset.option === answer.option);
      radio.checked = true;
      this.shownOption = answer.option;
      this.explain(radio);
    }
  }

  const warned = new WeakSet();

  // ---- the page ----------------------------------------------------------------------------------

  class ChecksPage {
    constructor(root) {
      const complete = (element) =>
        element.querySelector("[data-check-feedback]") && element.querySelector("[data-check-submit]");
      this.questions = [...root.querySelectorAll("[data-check][data-check-rev][data-guide]")]
        .filter(complete)
        .map((element) => new Question(element, () => this.answered()));
      this.summary = root.querySelector("[data-check-summary]");
      if (this.summary) this.enhanceSummary();
      this.render();
    }

    enhanceSummary() {
      this.count = this.summary.querySelector("[data-check-count]");
      this.message = this.summary.querySelector("[data-check-message]");
      const restart = this.summary.querySelector("[data-check-restart]");
      restart.addEventListener("click", () => this.startAgain());
      this.summary.hidden = false;
    }

    answered() {
      for (const question of this.questions) {
        const answer = question.store.read().questions[question.id];
        question.shownOption = answer ? answer.option : null;
      }
      if (this.message) this.message.replaceChildren();
      this.renderSummary();
    }

    render() {
      for (const question of this.questions) question.restore();
      this.renderSummary();
    }

    /** "3 of 17 answered, 2 best answers", counted from what is stored for this page's questions. */
    renderSummary() {
      if (!this.count) return;
      let answered = 0;
      let best = 0;
      for (const question of this.questions) {
        const answer = question.store.read().questions[question.id];
        if (!answer || answer.rev !== question.rev) continue;
        answered += 1;
        if (answer.option === question.best) best += 1;
      }
      const bestText = plural(best, "best answer", "best answers");
      const text = `${answered} of ${this.questions.length} answered, ${bestText}`;
      if (this.count.textContent !== text) this.count.textContent = text;
    }

    /** Start again: forget this page's answers, empty every question, say so. */
    startAgain() {
      const mine = new Set(this.questions.map((question) => question.id));
      let cleared = 0;
      for (const store of new Set(this.questions.map((question) => question.store))) {
        store.change((data) => {
          const gone = Object.keys(data.questions).filter((id) => mine.has(id));
          for (const id of gone) delete data.questions[id];
          cleared += gone.length;
          return gone.length > 0;
        });
      }
      for (const question of this.questions) {
        question.clearShown();
        question.shownOption = null;
      }
      this.renderSummary();
      this.message.textContent = cleared
        ? `Cleared ${plural(cleared, "answer", "answers")}. You can start again.`
        : "There are no answers to clear. You can start now.";
    }

    /** Clear all (ticks.js): forget every answer of each guide on this page, asked or not here. */
    clearAll() {
      const guides = [...document.querySelectorAll("[data-guide]")].map((element) => element.dataset.guide);
      for (const id of new Set(guides)) {
        storeFor(id).change((data) => {
          if (!Object.keys(data.questions).length) return false;
          data.questions = {};
          return true;
        });
      }
      this.render();
    }
  }

  // ---- wiring ------------------------------------------------------------------------------------

  let current = null;

  /** True when the page still shows the very elements `current` enhanced (no new content). */
  function sameContent() {
    const roots = [...document.querySelectorAll("[data-check]")];
    return (
      roots.length === current.questions.length &&
      roots.every((root, index) => root === current.questions[index].root) &&
      document.querySelector("[data-check-summary]") === current.summary
    );
  }

  core.ready(() => {
    if (current && sameContent()) {
      current.render(); // the same content again: already enhanced
      return;
    }
    current = new ChecksPage(document);
  });

  document.addEventListener("guide:clearall", () => {
    if (current) current.clearAll();
  });
  window.addEventListener("storage", (event) => {
    const watched = [...stores.values()].some((store) => store.key === event.key);
    if (current && (event.key === null || watched)) current.render();
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && current) current.render();
  });
})();
