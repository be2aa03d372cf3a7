// Never lose a word: the story screen keeps a draft copy of the form on the
// server while the writer types, says who else has the story open, and tells
// a writer whose story an editor took over. Without this script the form
// still saves, and the notices still show when the screen opens.
(function () {
  "use strict";

  const desk = document.getElementById("desk");
  const form = document.getElementById("article_form");
  if (!desk || !form) {
    return;
  }
  const FIELDS = [
    "headline", "slug", "dek", "body", "section", "tags", "comments_open",
    "hero_alt", "hero_caption", "hero_credit", "base_version",
  ];
  const KEEPALIVE_LIMIT = 60000; // browsers cap a request sent while leaving
  const autosaveUrl = desk.dataset.autosaveUrl;
  const presenceUrl = desk.dataset.presenceUrl;
  const leaveUrl = desk.dataset.leaveUrl;
  const heartbeat = (Number(desk.dataset.heartbeatSeconds) || 30) * 1000;
  const autosaveEvery = (Number(desk.dataset.autosaveSeconds) || 10) * 1000;
  const status = document.getElementById("desk-status");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  let dirty = false;
  let inFlight = false;
  let stopped = false;

  function say(text) {
    status.textContent = text;
  }

  function payload() {
    const all = new FormData(form);
    const body = new URLSearchParams();
    for (const name of FIELDS) {
      for (const value of all.getAll(name)) {
        if (typeof value === "string") {
          body.append(name, value);
        }
      }
    }
    return body;
  }

  function post(url, body, leaving) {
    const text = body.toString();
    return fetch(url, {
      method: "POST",
      body: text,
      credentials: "same-origin",
      keepalive: Boolean(leaving) && text.length < KEEPALIVE_LIMIT,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-CSRFToken": token,
        "X-Requested-With": "fetch",
      },
    });
  }

  async function autosave(leaving) {
    if (!dirty || inFlight || stopped) {
      return;
    }
    inFlight = true;
    dirty = false;
    try {
      const response = await post(autosaveUrl, payload(), leaving);
      const isJson = (response.headers.get("Content-Type") || "").includes("json");
      const answer = isJson ? await response.json() : {};
      if (response.status >= 500) {
        dirty = true;
        say("Not saved — the server had a problem, will retry");
      } else if (!isJson) {
        dirty = true;
        say("Not saved — you seem to be signed out; sign in again in another tab, will retry");
      } else if (!response.ok) {
        say("Not saved — " + (answer.error || "the server refused the draft copy."));
      } else if (answer.saved) {
        say("Saved a draft copy at " + answer.time);
      } else {
        say("No unsaved changes.");
      }
    } catch (error) {
      dirty = true;
      say("Not saved — connection lost, will retry");
    } finally {
      inFlight = false;
    }
  }

  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("change", () => { dirty = true; });
  // A real save clears the draft copy on the server; do not race it.
  form.addEventListener("submit", () => { stopped = true; });
  window.setInterval(() => autosave(false), autosaveEvery);
  window.addEventListener("online", () => autosave(false));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      autosave(true);
    }
  });
  window.addEventListener("pagehide", () => {
    autosave(true);
    if (leaveUrl && !stopped) {
      const body = new FormData();
      body.append("csrfmiddlewaretoken", token);
      navigator.sendBeacon(leaveUrl, body);
    }
  });

  // Who else has the story open ------------------------------------------------

  if (!presenceUrl) {
    return;
  }
  const others = document.getElementById("desk-others");
  const takeOver = document.getElementById("desk-take-over");

  function showOthers(list) {
    others.replaceChildren(...list.map((other) => {
      const line = document.createElement("p");
      line.className = "desk-note desk-other";
      line.textContent = other.name + " has had this story open since " + other.since + ".";
      return line;
    }));
    if (takeOver) {
      takeOver.hidden = list.length === 0;
    }
  }

  function takenOver(by, at) {
    const notice = document.createElement("p");
    notice.className = "desk-note desk-taken-over";
    notice.setAttribute("role", "alert");
    notice.textContent = by + " took this story over at " + at + ". Your unsaved " +
      "text is kept as a draft copy: open the story again to restore it.";
    others.replaceChildren(notice);
    for (const button of form.querySelectorAll("[type=submit]")) {
      button.disabled = true;
    }
  }

  const beating = window.setInterval(beat, heartbeat);

  async function beat() {
    try {
      const response = await post(presenceUrl, new URLSearchParams(), false);
      if (!response.ok) {
        return;
      }
      const answer = await response.json();
      if (answer.taken_over) {
        window.clearInterval(beating);
        await autosave(false);
        // Autosaving goes on into the writer's own copy; saving the story stops.
        takenOver(answer.taken_over.by, answer.taken_over.at);
        return;
      }
      showOthers(answer.others);
    } catch (error) {
      // Offline: the autosave line says so; try again at the next beat.
    }
  }
})();
