"use strict";
// The library image form: a click on the picture sets the focal point (the
// two number fields stay usable without this script), and a chosen file's
// width is said at once, before it is uploaded.
{
    const HERO_MIN_WIDTH = 1200;
    const MIN_WIDTH = 480;

    function focalPoint(box) {
        const x = document.getElementById("id_focal_x");
        const y = document.getElementById("id_focal_y");
        const img = box.querySelector("img");
        const mark = box.querySelector(".library-focal__mark");
        if (!x || !y || !img || !mark) {
            return;
        }
        const place = () => {
            mark.style.left = `${(parseFloat(x.value) || 0) * 100}%`;
            mark.style.top = `${(parseFloat(y.value) || 0) * 100}%`;
        };
        img.addEventListener("click", (event) => {
            const frame = img.getBoundingClientRect();
            x.value = ((event.clientX - frame.left) / frame.width).toFixed(3);
            y.value = ((event.clientY - frame.top) / frame.height).toFixed(3);
            place();
        });
        x.addEventListener("input", place);
        y.addEventListener("input", place);
        box.classList.add("is-clickable");
        place();
    }

    function widthCheck(input) {
        const said = document.createElement("p");
        said.className = "library-check";
        said.setAttribute("role", "status");
        input.after(said);
        input.addEventListener("change", async () => {
            const file = input.files[0];
            said.textContent = "";
            said.dataset.state = "";
            if (!file) {
                return;
            }
            let width;
            try {
                const bitmap = await createImageBitmap(file);
                width = bitmap.width;
                bitmap.close();
            } catch {
                said.dataset.state = "error";
                said.textContent = "This file is not an image we can read. Upload a JPEG, PNG or WebP.";
                return;
            }
            if (width < MIN_WIDTH) {
                said.dataset.state = "error";
                said.textContent = `This image is ${width} px wide; the library takes images at least ${MIN_WIDTH} px wide.`;
            } else if (width < HERO_MIN_WIDTH) {
                said.dataset.state = "warning";
                said.textContent = `This image is ${width} px wide: it can go inside a story, but a hero needs at least ${HERO_MIN_WIDTH} px.`;
            } else {
                said.dataset.state = "ok";
                said.textContent = `This image is ${width} px wide: wide enough to be a story's hero.`;
            }
            const alt = document.getElementById("id_alt");
            if (alt && !alt.value.trim()) {
                said.textContent += " Now describe it in the alt text.";
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll(".library-focal").forEach(focalPoint);
        const file = document.getElementById("id_file");
        if (file) {
            widthCheck(file);
        }
    });
}
