// A library image inside a story: a <figure data-image="ID"> block that the
// editor treats as one piece, and a toolbar button that searches the library.
// The server believes only the ID (articles/sanitize.py, library/figures.py);
// the picture and caption here are the writer's preview. Other blocks of the
// editor (pull quotes, embeds) sit beside this module in static/js/editor/.
import { Node } from "django-prose-editor/editor"

const attribute = (read) => ({
  default: "",
  parseHTML: read,
  renderHTML: () => ({}),
})

export const LibraryFigure = Node.create({
  name: "libraryFigure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { pickerUrl: "" }
  },

  addAttributes() {
    const img = (el, name) => el.querySelector("img")?.getAttribute(name) || ""
    return {
      image: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-image"),
        renderHTML: (attrs) => ({ "data-image": attrs.image }),
      },
      src: attribute((el) => img(el, "src")),
      alt: attribute((el) => img(el, "alt")),
      width: attribute((el) => img(el, "width")),
      height: attribute((el) => img(el, "height")),
      caption: attribute((el) =>
        (el.querySelector("figcaption")?.textContent || "").trim(),
      ),
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-image]" }]
  },

  renderHTML({ node }) {
    const { image, src, alt, width, height, caption } = node.attrs
    return [
      "figure",
      { "data-image": image },
      ["img", { src, alt, width, height }],
      ["figcaption", {}, caption || ""],
    ]
  },

  addCommands() {
    return {
      insertLibraryFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    }
  },

  addMenuItems({ buttons, menu }) {
    const pickerUrl = this.options.pickerUrl
    menu.defineItem({
      name: "libraryFigure",
      groups: "nodes media",
      button: buttons.material("image", "Insert an image from the library"),
      command(editor) {
        openPicker(editor, pickerUrl)
      },
      enabled: (editor) => editor.can().insertLibraryFigure({}),
    })
  },
})

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props)
  el.append(...children)
  return el
}

function openPicker(editor, pickerUrl) {
  const search = element("input", {
    type: "search",
    id: "library-figure-search",
    placeholder: "Words of the caption, alt text or credit",
  })
  const results = element("ul", { className: "library-figure-results" })
  const status = element("p", { className: "library-figure-status", role: "status" })
  const close = element("button", { type: "button", textContent: "Cancel" })
  const dialog = element(
    "dialog",
    { className: "library-figure-dialog" },
    element("h2", { textContent: "Insert an image from the library" }),
    element("label", { htmlFor: search.id, textContent: "Search the library" }),
    search,
    status,
    results,
    close,
  )
  dialog.setAttribute("aria-label", "Insert an image from the library")
  document.body.append(dialog)
  const done = () => {
    dialog.close()
    dialog.remove()
    editor.commands.focus()
  }
  close.addEventListener("click", done)
  dialog.addEventListener("cancel", done)

  let asked = 0
  async function find() {
    const ask = ++asked
    const url = `${pickerUrl}?term=${encodeURIComponent(search.value)}`
    const response = await fetch(url, { credentials: "same-origin" })
    if (ask !== asked) return
    if (!response.ok) {
      status.textContent = "The library could not be searched. Try again."
      return
    }
    const { results: found } = await response.json()
    status.textContent = found.length
      ? `${found.length} image${found.length === 1 ? "" : "s"} found.`
      : "No image matches those words."
    results.replaceChildren(
      ...found.map((item) => {
        const choose = element(
          "button",
          { type: "button", className: "library-figure-choice" },
          element("img", { src: item.thumbnail, alt: "", width: 120, height: 68 }),
          element("span", { textContent: item.text }),
        )
        choose.addEventListener("click", () => {
          editor
            .chain()
            .focus()
            .insertLibraryFigure({
              image: String(item.id),
              src: item.preview,
              alt: item.alt,
              width: String(item.width),
              height: String(item.height),
              caption: [item.caption, item.credit].filter(Boolean).join(" "),
            })
            .run()
          done()
        })
        return element("li", {}, choose)
      }),
    )
  }
  let timer
  search.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(find, 200)
  })
  dialog.showModal()
  search.focus()
  find()
}
