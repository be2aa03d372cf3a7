"""The story editor's own blocks, as django-prose-editor's settings name them.

Each block's script lives in static/js/editor/ and is listed in
DJANGO_PROSE_EDITOR_EXTENSIONS; the functions here tell the package which
tags the block writes. What is stored is decided by articles/sanitize.py.
"""

from django_prose_editor.config import html_tags

library_figure = html_tags(
    ["figure", "img", "figcaption"],
    {"figure": ["data-image"], "img": ["src", "alt", "width", "height"]},
)
embed = html_tags(["figure", "figcaption"], {"figure": ["data-embed"]})
pull_quote = html_tags(["aside"], {"aside": ["data-pullquote"]})
