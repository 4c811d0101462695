/* A test LMS: scorm-again's runtime on a host page that frames the package's launch page, as an
 * LMS does. Every API call is logged with the error code the runtime reported right after it,
 * and `committed` holds the values as the LMS stored them at each Commit (and at the finish).
 * With `popup`, the launch page opens in a window of its own, as some LMSs launch a course. */
(() => {
  "use strict";

  const NAMES = {
    "1.2": {
      global: "API",
      runtime: "Scorm12API",
      calls: ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"],
      set: "LMSSetValue",
      stores: ["LMSCommit", "LMSFinish"],
      error: "LMSGetLastError",
    },
    "2004": {
      global: "API_1484_11",
      runtime: "Scorm2004API",
      calls: ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"],
      set: "SetValue",
      stores: ["Commit", "Terminate"],
      error: "GetLastError",
    },
  };

  const lms = {
    calls: [],
    committed: [],
    start(version, saved, launch, popup = false) {
      const names = NAMES[version];
      const api = new window[names.runtime]({ autocommit: false });
      if (saved) api.loadFromJSON(saved);
      const lastError = api[names.error].bind(api);
      let pending = {};
      let stored = {};
      for (const method of names.calls) {
        const original = api[method].bind(api);
        api[method] = (...args) => {
          const result = original(...args);
          lms.calls.push({ method, args: args.map(String), result: String(result), error: String(lastError()) });
          if (method === names.set) pending[args[0]] = String(args[1]);
          if (names.stores.includes(method)) {
            stored = { ...stored, ...pending };
            pending = {};
            lms.committed.push({ method, values: stored });
          }
          return result;
        };
      }
      window[names.global] = api;
      if (popup) {
        lms.window = window.open(launch, "course");
        return;
      }
      const frame = document.createElement("iframe");
      frame.id = "sco";
      frame.title = "Course";
      frame.width = "1240";
      frame.height = "780";
      frame.style.border = "0";
      frame.src = launch;
      document.body.append(frame);
    },
    leave() {
      document.getElementById("sco").remove();
    },
  };
  window.lms = lms;
})();
