/* The moderation queue, faster: a decision without a page load, the next
   comment waiting ready at once, and keys for the common decisions.
   Without this script every button is a plain form post and still works. */
(function () {
  "use strict";

  var list = document.getElementById("result_list");
  var form = document.getElementById("changelist-form");
  if (!list || !form || !window.fetch || !window.FormData) {
    return;
  }
  var KEYS = { a: "approve", r: "reject", s: "spam" };
  var notice = null;

  function cards() {
    return Array.prototype.slice.call(list.querySelectorAll(".mod-card"));
  }

  function cardOf(element) {
    return element && element.closest ? element.closest(".mod-card") : null;
  }

  // The comment the keys act on: the one holding focus, else the first waiting.
  function currentCard() {
    return cardOf(document.activeElement) || nextWaiting(null);
  }

  // The next comment still waiting below `from`, else the first above it.
  function nextWaiting(from) {
    var all = cards();
    var start = all.indexOf(from);
    var order = all.slice(start + 1).concat(all.slice(0, Math.max(start, 0)));
    for (var i = 0; i < order.length; i++) {
      if (order[i].getAttribute("data-status") === "pending") {
        return order[i];
      }
    }
    return null;
  }

  function ready(card) {
    var target = card.querySelector(".mod-approve") || card;
    target.focus();
    card.scrollIntoView({ block: "nearest" });
  }

  function say(message, takeFocus) {
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "mod-notice";
      notice.setAttribute("role", "status");
      notice.setAttribute("tabindex", "-1");
      form.parentNode.insertBefore(notice, form);
    }
    notice.textContent = message;
    if (takeFocus) {
      notice.focus();
    }
  }

  function showWaiting(count) {
    var header = document.querySelector(".header-pending");
    if (header && typeof count === "number") {
      header.textContent = count + (count === 1 ? " comment" : " comments") + " waiting";
    }
  }

  function showWaitingOnStory(story, count) {
    var counts = list.querySelectorAll(".mod-story__waiting[data-story='" + story + "']");
    Array.prototype.forEach.call(counts, function (element) {
      element.textContent = count + " waiting";
    });
  }

  function decide(button) {
    var card = cardOf(button);
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    data.append("decision", button.value);
    card.setAttribute("aria-busy", "true");
    fetch(button.formAction, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    }).then(function (answer) {
      card.removeAttribute("aria-busy");
      card.setAttribute("data-status", answer.status);
      var label = card.querySelector("[data-role=status]");
      label.textContent = answer.label;
      label.className = "status status-comment-" + answer.status;
      card.closest("tr").classList.add("mod-decided");
      showWaiting(answer.waiting);
      showWaitingOnStory(answer.story, answer.waiting_on_story);
      var next = nextWaiting(card);
      if (next) {
        say(answer.message, false);
        ready(next);
      } else if (answer.next) {
        // The next one waiting is on another page of the list.
        window.location.reload();
      } else {
        say(answer.message + " No more comments are waiting here.", true);
      }
    }).catch(function () {
      // Let the browser post the form the plain way instead.
      card.removeAttribute("aria-busy");
      button.setAttribute("data-plain", "1");
      form.requestSubmit(button);
    });
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button[name=decision]");
    if (!button || button.hasAttribute("data-plain") || !cardOf(button)) {
      return;
    }
    event.preventDefault();
    decide(button);
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (typing) {
      return;
    }
    var key = event.key.toLowerCase();
    var card = currentCard();
    if (!card) {
      return;
    }
    var all = cards();
    if (key === "j" || key === "k") {
      var step = key === "j" ? 1 : -1;
      var here = cardOf(document.activeElement) ? all.indexOf(card) : -step;
      var target = all[here + step];
      if (target) {
        event.preventDefault();
        ready(target);
      }
    } else if (KEYS[key]) {
      var button = card.querySelector("button[value=" + KEYS[key] + "]");
      if (button) {
        event.preventDefault();
        decide(button);
      }
    } else if (key === "e") {
      var reply = card.querySelector(".mod-reply");
      if (reply) {
        event.preventDefault();
        window.location.assign(reply.href);
      }
    }
  });

  // Arriving at "#comment-<id>" (the next one after a plain post): ready it.
  var arrived = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (arrived && arrived.classList.contains("mod-card")) {
    ready(arrived);
  }
})();
