"use strict";
// The story form's hero picker: Django's autocomplete select (select2),
// asking the library's search and showing each image's thumbnail. It runs
// once the page is parsed: the admin may place it before jQuery and select2.
document.addEventListener("DOMContentLoaded", () => {
    const $ = django.jQuery;

    function label(item) {
        if (!item.id) {
            return item.text;
        }
        const thumbnail = item.thumbnail || item.element?.dataset.thumbnail;
        const row = document.createElement("span");
        row.className = "library-option";
        if (thumbnail) {
            const img = document.createElement("img");
            img.src = thumbnail;
            img.alt = "";
            img.width = 64;
            img.height = 36;
            row.append(img);
        }
        const text = document.createElement("span");
        text.textContent = item.text;
        row.append(text);
        if (item.hero_ready === false) {
            const note = document.createElement("small");
            note.textContent = " too narrow for a hero";
            row.append(note);
        }
        return $(row);
    }

    $.fn.libraryPicker = function () {
        this.each((i, element) => {
            $(element).select2({
                ajax: {data: (params) => ({term: params.term, page: params.page})},
                width: "min(34rem, 100%)",
                templateResult: label,
                templateSelection: label,
            });
            // select2 draws its own box; give it the field's name, for
            // screen readers (axe: aria-input-field-name).
            const fieldLabel = document.querySelector(`label[for="${element.id}"]`);
            const name = fieldLabel ? fieldLabel.textContent.replace(/:\s*$/, "").trim() : "Image";
            $(element).next(".select2").find(".select2-selection__rendered")
                .attr("aria-label", name);
            // Say what was chosen to the story screen's checklist
            // (static/js/writing.js), which listens without jQuery.
            $(element).on("select2:select select2:clear", (event) => {
                const picked = event.type === "select2:select" ? event.params.data : null;
                element.dispatchEvent(
                    new CustomEvent("library:picked", {detail: picked, bubbles: true})
                );
            });
        });
        return this;
    };

    $(".library-picker").not("[name*=__prefix__]").libraryPicker();
});
