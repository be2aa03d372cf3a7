"""Demo content for "The Update Desk", kept as data files beside this module.

people.json holds the sections and correspondents. Each story in stories/
and each standing page in pages/ is one file: a JSON header (the fields and,
for a story, its comment thread), a line holding only ``---``, then the body
as HTML. Files load in the order of their names.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
SEPARATOR = "\n---\n"


def _read(path: Path) -> dict:
    header, body = path.read_text(encoding="utf-8").split(SEPARATOR, 1)
    return {**json.loads(header), "body": body}


def stories() -> list[dict]:
    return [_read(path) for path in sorted((HERE / "stories").glob("*.html"))]


def pages() -> list[dict]:
    return [_read(path) for path in sorted((HERE / "pages").glob("*.html"))]


def people() -> dict:
    """{"sections": [...], "correspondents": [...]}"""
    return json.loads((HERE / "people.json").read_text(encoding="utf-8"))
