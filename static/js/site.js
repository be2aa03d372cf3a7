/* The Update Desk: progressive enhancement only. Everything works without it. */

/* A refused comment: the error summary has focus (its autofocus does that
   without scripts, where the browser honours it), and each of its links
   puts the cursor in the field it names, not only the field in view. */
(function () {
  "use strict";

  var summary = document.getElementById("comment-form-errors");
  if (!summary) {
    return;
  }
  if (document.activeElement !== summary) {
    summary.focus();
  }
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#id_']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    var label = document.querySelector("label[for='" + field.id + "']");
    (label || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });
})();

/* "Copy link" share buttons: copy the story URL to the clipboard instead of
   following the link, and say so for two seconds. */
(function () {
  "use strict";

  var clipboard = navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== "function") {
    return; // No Clipboard API (or not a secure context): the plain link stays.
  }

  var RESET_AFTER = 2000;
  var status = null;

  // One polite live region so screen readers hear the confirmation too.
  function announce(message) {
    if (!status) {
      status = document.createElement("span");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var target = event.target;
    var link = target && target.closest ? target.closest("a.share__copy[data-copy]") : null;
    if (!link) {
      return;
    }
    var url = link.getAttribute("data-copy");
    if (!url) {
      return;
    }
    event.preventDefault();

    if (!link.hasAttribute("data-label")) {
      link.setAttribute("data-label", link.textContent);
    }
    var label = link.getAttribute("data-label");

    clipboard.writeText(url).then(function () {
      link.textContent = "Link copied";
      link.classList.add("is-copied");
      announce("Link copied to the clipboard");
      window.clearTimeout(link._resetTimer);
      link._resetTimer = window.setTimeout(function () {
        link.textContent = label;
        link.classList.remove("is-copied");
      }, RESET_AFTER);
    }, function () {
      // Permission refused: offer the address to copy by hand.
      window.prompt("Copy this link:", url);
    });
  });
})();

/* Embeds: the still's button loads the service's player in its place, and
   only then (articles/body.py); without scripts the link to the original
   stays the way in. */
(function () {
  "use strict";

  var figures = document.querySelectorAll("figure.embed[data-embed-player]");
  Array.prototype.forEach.call(figures, function (figure) {
    var still = figure.querySelector(".embed__still");
    var button = figure.querySelector(".embed__load");
    if (!still || !button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var caption = figure.querySelector("figcaption");
      var frame = document.createElement("iframe");
      frame.src = figure.getAttribute("data-embed-player");
      frame.title = figure.getAttribute("data-embed-provider") + ": " +
        (caption ? caption.textContent.trim() : "embedded content");
      frame.setAttribute("allow", "encrypted-media; fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.setAttribute("sandbox",
        "allow-scripts allow-same-origin allow-popups allow-presentation");
      still.replaceWith(frame);
      frame.focus();
    });
  });
})();
