/* The writing desk on the story form (admin): the body editor gets a name,
   spellcheck and its shortcuts in the toolbar; the word count, reading time,
   pre-publish checklist and share card follow the text as it is typed; and
   Publish waits while an item fails or a change is unsaved. Without this
   script the page still shows the checklist as the server last saw it. */
(function () {
  "use strict";

  var dataNode = document.getElementById("desk-data");
  var form = document.getElementById("article_form");
  if (!dataNode || !form) return;
  var rules = JSON.parse(dataNode.textContent);
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || "");
  // The server's rule (articles/models.py, count_words): runs of letters,
  // digits and underscores, joined by an apostrophe.
  var WORD = /[\p{L}\p{N}_]+(?:['\u2019][\p{L}\p{N}_]+)*/gu;
  var SHORTCUTS = {
    bold: ["Bold", "Mod+B"],
    italic: ["Italic", "Mod+I"],
    bulletList: ["Bulleted list", "Mod+Shift+8"],
    orderedList: ["Numbered list", "Mod+Shift+7"],
    blockquote: ["Quotation", "Mod+Shift+B"],
    link: ["Link", "Mod+K"],
    unlink: ["Remove link", ""],
    "history:undo": ["Undo", "Mod+Z"],
    "history:redo": ["Redo", "Mod+Shift+Z"],
    heading2: ["Heading 2", "Mod+Alt+2"],
    heading3: ["Heading 3", "Mod+Alt+3"],
    paragraph: ["Paragraph", "Mod+Alt+0"],
  };
  var state = {
    words: null,
    // The hero as the library picker last said (library/picker.js).
    hero: rules.hero,
    dirty: false,
  };

  function $(id) {
    return document.getElementById(id);
  }

  function length(text) {
    return Array.from(text.trim()).length; // characters, as Python counts them
  }

  // The editor ----------------------------------------------------------------

  function shown(combo) {
    return combo.replace("Mod", mac ? "\u2318" : "Ctrl");
  }

  function ariaKeys(combo) {
    return combo.replace("Mod", mac ? "Meta" : "Control");
  }

  function nameButtons(root) {
    root.querySelectorAll("button[data-name]").forEach(function (button) {
      var entry = SHORTCUTS[button.dataset.name];
      if (!entry || button.dataset.deskNamed) return;
      var title = entry[1] ? entry[0] + " (" + shown(entry[1]) + ")" : entry[0];
      button.title = title;
      button.setAttribute("aria-label", title);
      if (entry[1]) button.setAttribute("aria-keyshortcuts", ariaKeys(entry[1]));
      button.dataset.deskNamed = "1";
    });
    var current = root.querySelector(".prose-menubar__selected button");
    if (current) {
      current.title = "Text style";
      current.setAttribute("aria-label", "Text style");
    }
  }

  function setUpEditor(editor, textarea) {
    if (!editor || textarea.id !== "id_body" || textarea.dataset.deskReady) return;
    textarea.dataset.deskReady = "1";
    var label = document.querySelector('label[for="id_body"]');
    var name = label ? label.textContent.replace(/:\s*$/, "") : "Body";
    var props = editor.options.editorProps || {};
    var attributes = Object.assign({}, props.attributes || {}, {
      "aria-label": name + " of the story",
      "aria-multiline": "true",
      role: "textbox",
      spellcheck: "true",
      lang: document.documentElement.lang || "en",
    });
    editor.setOptions({
      editorProps: Object.assign({}, props, { attributes: attributes }),
    });
    var wrapper = textarea.closest(".prose-editor") || editor.view.dom.parentNode;
    nameButtons(wrapper);
    new MutationObserver(function () {
      nameButtons(wrapper);
    }).observe(wrapper, { childList: true, subtree: true });
    var count = function () {
      var matches = editor.getText({ blockSeparator: "\n\n" }).match(WORD);
      state.words = matches ? matches.length : 0;
      update();
    };
    editor.on("update", function () {
      state.dirty = true;
      count();
    });
    count();
  }

  document.addEventListener("prose-editor:ready", function (event) {
    setUpEditor(event.detail.editor, event.detail.textarea);
  });
  // An editor made before this script ran keeps itself on its element.
  function findEditors() {
    document.querySelectorAll(".prose-editor .ProseMirror").forEach(function (dom) {
      var textarea = dom.closest(".prose-editor").querySelector("textarea");
      if (dom.editor && textarea) setUpEditor(dom.editor, textarea);
    });
  }

  // The tag search: autocomplete boxes drawn by the admin's select2 ----------

  function nameSearchBoxes() {
    document.querySelectorAll(".select2-search__field").forEach(function (box) {
      if (box.hasAttribute("aria-label")) return;
      var row = box.closest(".form-row");
      var label = row && row.querySelector("label");
      var name = label ? label.textContent.replace(/:\s*$/, "") : "Search";
      box.setAttribute("aria-label", "Search " + name.toLowerCase());
    });
    // The "remove all" cross sits in the list of choices: out of the way of
    // assistive technology, which removes choices one by one.
    document.querySelectorAll("ul > .select2-selection__clear").forEach(function (x) {
      x.setAttribute("aria-hidden", "true");
      x.setAttribute("role", "presentation");
    });
  }

  // Headline and standfirst ---------------------------------------------------

  function grow(box) {
    if (window.CSS && CSS.supports("field-sizing", "content")) return;
    box.style.height = "auto";
    box.style.height = box.scrollHeight + "px";
  }

  function setUpTextBoxes() {
    ["id_headline", "id_dek"].forEach(function (id) {
      var box = $(id);
      if (!box) return;
      box.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault(); // one line, wrapped
      });
      box.addEventListener("input", function () {
        grow(box);
      });
      grow(box);
    });
  }

  // The checklist ------------------------------------------------------------------

  function bylineCount() {
    var count = 0;
    document
      .querySelectorAll('select[name^="bylines-"][name$="-correspondent"]')
      .forEach(function (select) {
        if (select.name.indexOf("__prefix__") !== -1 || !select.value) return;
        var row = select.closest("tr");
        var gone = row && row.querySelector('input[name$="-DELETE"]:checked');
        if (!gone) count += 1;
      });
    return count;
  }

  function hasHero() {
    return Boolean(state.hero && ($("id_hero") || {}).value);
  }

  function evaluate() {
    var headline = length(($("id_headline") || {}).value || "");
    var dek = length(($("id_dek") || {}).value || "");
    var section = $("id_section");
    var hero = hasHero();
    var alt = ((state.hero && state.hero.alt) || "").trim();
    var wide = ((state.hero && state.hero.width) || 0) >= rules.minHeroWidth;
    var headlineDetail = headline + " of " + rules.headlineMax + " characters";
    if (headline > rules.headlineSearchShows) {
      headlineDetail +=
        "; search results show about the first " + rules.headlineSearchShows;
    }
    var noHero = "No hero image: the story goes out without one";
    return {
      headline: [headline > 0 && headline <= rules.headlineMax, headlineDetail],
      standfirst: [
        dek >= rules.standfirstMin && dek <= rules.standfirstMax,
        dek +
          " characters; " +
          rules.standfirstMin +
          " to " +
          rules.standfirstMax +
          " wanted",
      ],
      section: [!section || Boolean(section.value), ""],
      byline: [bylineCount() > 0, ""],
      hero_alt: [!hero || Boolean(alt), hero ? "" : noHero, hero],
      hero_width: [
        !hero || wide,
        hero ? (state.hero.width || "?") + " px wide" : noHero,
        hero,
      ],
    };
  }

  function update() {
    var results = evaluate();
    var done = 0;
    var total = 0;
    document.querySelectorAll("#desk-checklist .desk-item").forEach(function (item) {
      var result = results[item.dataset.key];
      if (!result) return;
      total += 1;
      done += result[0] ? 1 : 0;
      var applies = result[2] !== false;
      item.classList.toggle("desk-item--na", !applies);
      item.classList.toggle("desk-item--ok", applies && result[0]);
      item.classList.toggle("desk-item--todo", !result[0]);
      item.querySelector(".desk-mark").textContent = !applies
        ? "\u2013"
        : result[0]
          ? "\u2713"
          : "\u2717";
      item.querySelector(".desk-item__state").textContent = !applies
        ? ": nothing to check"
        : result[0]
          ? ": done"
          : ": not yet";
      item.querySelector(".desk-item__detail").textContent = result[1];
    });
    var ready = done === total;
    var score = $("desk-score");
    score.textContent = done + "/" + total;
    score.classList.toggle("desk-score--ready", ready);
    if (state.words !== null) {
      $("desk-words").textContent = state.words;
      $("desk-minutes").textContent = Math.max(
        1,
        Math.ceil(state.words / rules.wordsPerMinute),
      );
    }
    updatePublish(ready);
    updateCard();
  }

  function updatePublish(ready) {
    var buttons = document.querySelectorAll("button[data-desk-publish]");
    var message = ready
      ? state.dirty
        ? "Save your changes first: Publish and Schedule act on the saved story."
        : "Ready to publish."
      : "Publish and Schedule wait until every item is ticked.";
    $("desk-ready").textContent = message;
    buttons.forEach(function (button) {
      button.disabled = !ready || state.dirty;
      if (button.disabled) button.setAttribute("aria-describedby", "desk-ready");
    });
  }

  // The share card ---------------------------------------------------------------

  function updateCard() {
    var title = (($("id_headline") || {}).value || "").trim();
    var text = (($("id_dek") || {}).value || "").trim();
    $("desk-card-title").textContent = title || "Your headline";
    $("desk-card-description").textContent = text || "Your standfirst";
    var image = document.querySelector("#desk-card .share-card__image img");
    if (image && state.hero) image.alt = state.hero.alt || "";
  }

  function showChosenImage(url) {
    var frame = document.querySelector("#desk-card .share-card__image");
    var card = document.querySelector("#desk-card .share-card");
    var image = frame.querySelector("img") || document.createElement("img");
    image.src = url;
    frame.appendChild(image);
    frame.hidden = false;
    card.classList.remove("share-card--small");
  }

  function setUpHeroPicker() {
    // The picker announces each choice with the library's facts about it.
    document.addEventListener("library:picked", function (event) {
      if (event.target.id !== "id_hero") return;
      state.hero = event.detail;
      if (state.hero && state.hero.preview) showChosenImage(state.hero.preview);
      update();
    });
  }

  // Wiring -------------------------------------------------------------------------

  function start() {
    setUpTextBoxes();
    setUpHeroPicker();
    findEditors();
    nameSearchBoxes();
    new MutationObserver(nameSearchBoxes).observe(form, {
      childList: true,
      subtree: true,
    });
    form.addEventListener("input", function () {
      state.dirty = true;
      update();
    });
    form.addEventListener("change", function () {
      state.dirty = true;
      update();
    });
    // select2 reports choices through jQuery; the admin's own copy has it.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(form).on("select2:select select2:unselect", function () {
        state.dirty = true;
        update();
      });
    }
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
