/* The body editor's embeds and pull quotes (loaded by django-prose-editor).

   An embed is stored as <figure data-embed="address"><figcaption>…</figcaption>
   </figure>; the server decides which addresses it accepts (blocks/embeds.py)
   and the story page turns each into a click-to-load still. Nothing from the
   service is loaded here either: the editor shows the service and address. */

import { mergeAttributes, Node } from "django-prose-editor/editor"

let dialogCount = 0

/* A small modal form: one labelled field per entry of `fields`; resolves
   with the values, or null when cancelled. */
function askFor(editor, title, fields, check) {
  return new Promise((resolve) => {
    const id = `embed-dialog-${++dialogCount}`
    const dialog = document.createElement("dialog")
    dialog.className = "prose-editor-dialog"
    dialog.setAttribute("aria-labelledby", `${id}-title`)
    const form = document.createElement("form")
    const heading = document.createElement("h3")
    heading.id = `${id}-title`
    heading.className = "prose-editor-dialog-title"
    heading.textContent = title
    form.append(heading)
    for (const [name, field] of Object.entries(fields)) {
      const wrap = document.createElement("div")
      wrap.className = "prose-editor-dialog-field"
      const label = document.createElement("label")
      label.htmlFor = `${id}-${name}`
      label.textContent = field.label
      const input = document.createElement("input")
      input.id = `${id}-${name}`
      input.name = name
      input.type = field.type || "text"
      input.size = 50
      input.value = field.value || ""
      input.required = !!field.required
      if (field.help) {
        const help = document.createElement("span")
        help.className = "prose-editor-help"
        help.id = `${id}-${name}-help`
        help.textContent = field.help
        input.setAttribute("aria-describedby", help.id)
        label.append(help)
      }
      wrap.append(label, input)
      form.append(wrap)
    }
    const problem = document.createElement("p")
    problem.className = "errornote"
    problem.setAttribute("role", "alert")
    problem.hidden = true
    const buttons = document.createElement("div")
    buttons.className = "prose-editor-dialog-buttons"
    const ok = document.createElement("button")
    ok.type = "submit"
    ok.textContent = "Insert"
    const cancel = document.createElement("button")
    cancel.type = "button"
    cancel.textContent = "Cancel"
    buttons.append(ok, cancel)
    form.append(problem, buttons)
    dialog.append(form)
    editor.view.dom.parentElement.append(dialog)

    const finish = (values) => {
      dialog.remove()
      resolve(values)
    }
    cancel.addEventListener("click", () => finish(null))
    dialog.addEventListener("cancel", () => finish(null))
    form.addEventListener("submit", (event) => {
      event.preventDefault()
      const values = Object.fromEntries(
        Object.keys(fields).map((name) => [name, form.elements[name].value.trim()]),
      )
      const message = check ? check(values) : ""
      if (message) {
        problem.textContent = message
        problem.hidden = false
        form.elements[Object.keys(fields)[0]].focus()
        return
      }
      finish(values)
    })
    dialog.showModal()
  })
}

/* The service an address belongs to, by host, as the server lists them. */
function serviceFor(address, services) {
  try {
    const url = new URL(address)
    if (url.protocol !== "https:" && url.protocol !== "http:") return null
    return services[url.hostname.toLowerCase()] || null
  } catch {
    return null
  }
}

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,

  addOptions() {
    return { services: {} } // host -> service name, from articles/forms.py
  },

  addAttributes() {
    return {
      address: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-embed") || "",
        renderHTML: () => ({}),
      },
      caption: {
        default: "",
        parseHTML: (element) =>
          element.querySelector("figcaption")?.textContent.trim() || "",
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    // Before the image figure, which claims every <figure>.
    return [{ tag: "figure[data-embed]", priority: 60 }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const figure = ["figure", mergeAttributes(HTMLAttributes, { "data-embed": node.attrs.address })]
    return node.attrs.caption ? [...figure, ["figcaption", {}, node.attrs.caption]] : figure
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("figure")
      dom.className = "editor-embed"
      dom.contentEditable = "false"
      const service = serviceFor(node.attrs.address, this.options.services)
      const name = document.createElement("strong")
      name.textContent = service ? `${service} embed` : "Embed (not a supported address)"
      const address = document.createElement("span")
      address.className = "editor-embed__address"
      address.textContent = node.attrs.address
      dom.append(name, address)
      if (node.attrs.caption) {
        const caption = document.createElement("span")
        caption.className = "editor-embed__caption"
        caption.textContent = node.attrs.caption
        dom.append(caption)
      }
      return { dom }
    }
  },

  addCommands() {
    return {
      insertEmbed:
        () =>
        ({ editor }) => {
          const services = this.options.services
          const names = [...new Set(Object.values(services))].join(", ")
          askFor(
            editor,
            "Embed a video, post, chart or map",
            {
              address: {
                label: "Address",
                type: "url",
                required: true,
                help: `Paste the address of the page from ${names}.`,
              },
              caption: { label: "Caption (optional)" },
            },
            (values) =>
              serviceFor(values.address, services)
                ? ""
                : `That address can't be embedded. Embeds work with ${names}.`,
          ).then((values) => {
            if (!values) return
            editor
              .chain()
              .focus()
              .insertContent({ type: this.name, attrs: values })
              .run()
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      command(editor) {
        editor.commands.insertEmbed()
      },
      button: buttons.material("smart_display", "Embed a video, post, chart or map"),
    })
  },
})

export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "paragraph+",
  defining: true,

  parseHTML() {
    return [{ tag: "aside[data-pullquote]" }]
  },

  renderHTML() {
    return ["aside", { "data-pullquote": "" }, 0]
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "pullQuote",
      groups: "nodes",
      command(editor) {
        editor.chain().focus().togglePullQuote().run()
      },
      button: buttons.material("record_voice_over", "Pull quote"),
      active(editor) {
        return editor.isActive("pullQuote")
      },
      enabled(editor) {
        return editor.can().togglePullQuote()
      },
    })
  },
})
