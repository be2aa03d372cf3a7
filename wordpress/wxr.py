"""A streaming reader for WordPress eXtended RSS (WXR) exports.

parse() walks the file with iterparse and yields one plain dataclass per
record of the channel (author, category, tag, term, item), in file order,
dropping each element once read so memory stays flat however large the
export. It knows XML and WXR only; wordpress/importer.py does the mapping.

Element names are read as "prefix:local" whatever the WXR version, because
the wp: namespace URI carries the version (http://wordpress.org/export/1.2/).
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote
from xml.parsers.expat import errors as expat_errors

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")

NOT_WXR = "This is not a WordPress export: no wp:wxr_version comes before its content."
UNSUPPORTED_VERSION = (
    "WXR version {version} is not supported; this importer reads versions 1.0 to 1.2."
)
MALFORMED = (
    "The export is not well-formed XML: {reason} at line {line}, column {column}, "
    "{where}."
)
TRUNCATED = (
    "The export ends early at line {line}, {where}: the file is truncated. "
    "Export it from WordPress again."
)

# What expat says when the bytes stop before the document is complete.
_END_OF_FILE_ERRORS = {
    expat_errors.codes[message]
    for message in (
        expat_errors.XML_ERROR_NO_ELEMENTS,
        expat_errors.XML_ERROR_UNCLOSED_TOKEN,
        expat_errors.XML_ERROR_UNCLOSED_CDATA_SECTION,
        expat_errors.XML_ERROR_PARTIAL_CHAR,
    )
}
_NAMESPACES = [
    (re.compile(r"http://wordpress\.org/export/\d+\.\d+/excerpt/"), "excerpt"),
    (re.compile(r"http://wordpress\.org/export/\d+\.\d+/"), "wp"),
    (re.compile(re.escape("http://purl.org/rss/1.0/modules/content/")), "content"),
    (re.compile(re.escape("http://purl.org/dc/elements/1.1/")), "dc"),
]


class WXRError(ValueError):
    """The file cannot be read as a WXR export."""


@dataclass
class Author:
    wp_id: int | None
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    description: str = ""

    def label(self) -> str:
        return f"author {self.wp_id} “{self.login}”"


@dataclass
class Category:
    wp_id: int | None
    slug: str
    name: str
    parent: str = ""  # the parent category's slug
    description: str = ""

    def label(self) -> str:
        return f"category {self.wp_id} “{self.name}”"


@dataclass
class Tag:
    wp_id: int | None
    slug: str
    name: str
    description: str = ""

    def label(self) -> str:
        return f"tag {self.wp_id} “{self.name}”"


@dataclass
class Term:
    """A term of another taxonomy: navigation menus, post formats, plugins'."""

    wp_id: int | None
    taxonomy: str
    slug: str
    name: str

    def label(self) -> str:
        return f"{self.taxonomy} term {self.wp_id} “{self.name}”"


@dataclass
class TermRef:
    """An item's <category domain="..." nicename="...">: a category or a tag."""

    domain: str
    slug: str
    name: str


@dataclass
class Comment:
    wp_id: int | None
    author: str = ""
    email: str = ""
    date: datetime | None = None  # the site's local time
    date_gmt: datetime | None = None
    content: str = ""
    approved: str = ""  # "1", "0", "spam", "trash"
    type: str = ""  # "" or "comment" for people; "pingback", "trackback"
    parent: int | None = None


@dataclass
class Item:
    """A post, page, attachment, menu item...: WordPress stores all as posts."""

    wp_id: int | None
    post_type: str
    status: str = ""
    title: str = ""
    slug: str = ""
    link: str = ""
    creators: list[str] = field(default_factory=list)  # author logins
    content: str = ""
    excerpt: str = ""
    date: datetime | None = None  # the site's local time
    date_gmt: datetime | None = None
    modified: datetime | None = None
    modified_gmt: datetime | None = None
    comment_status: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    terms: list[TermRef] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    def label(self) -> str:
        return f"{self.post_type} {self.wp_id} “{self.title}”"

    def terms_in(self, domain: str) -> list[TermRef]:
        return [term for term in self.terms if term.domain == domain]


Record = Author | Category | Tag | Term | Item


def parse(file, *, on_progress: Callable[[], None] | None = None) -> Iterator[Record]:
    """Yield the records of the WXR export in `file` (a binary file object).

    Raise WXRError for a file that is not well-formed, is truncated, or is not
    a WXR export of a supported version. Records already yielded stand, so the
    caller wraps the whole read in a transaction.
    """
    version = None
    last = None
    depth = 0
    channel = None
    try:
        for event, element in ET.iterparse(file, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 2:
                    channel = element
                continue
            depth -= 1
            if depth != 2:  # only whole children of <channel> are records
                continue
            name = _name(element.tag)
            if name == "wp:wxr_version":
                version = (element.text or "").strip()
                if version not in SUPPORTED_VERSIONS:
                    raise WXRError(UNSUPPORTED_VERSION.format(version=version))
            elif name in _READERS:
                if version is None:
                    raise WXRError(NOT_WXR)
                last = _READERS[name](element)
                yield last
            # The channel would otherwise keep every record read so far.
            channel.clear()
            if on_progress is not None:
                on_progress()
    except ET.ParseError as error:
        line, offset = error.position
        column = offset + 1  # expat counts from 0, editors from 1
        where = f"after {last.label()}" if last else "before the first record"
        if error.code in _END_OF_FILE_ERRORS:
            raise WXRError(TRUNCATED.format(line=line, where=where)) from error
        reason = expat_errors.messages[error.code]
        raise WXRError(
            MALFORMED.format(reason=reason, line=line, column=column, where=where)
        ) from error
    if version is None:
        raise WXRError(NOT_WXR)


def _name(tag: str) -> str:
    """ "wp:post_id" for "{http://wordpress.org/export/1.2/}post_id"."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    for pattern, prefix in _NAMESPACES:
        if pattern.fullmatch(uri):
            return f"{prefix}:{local}"
    return f"{{{uri}}}{local}"


def _text(element) -> str:
    return (element.text or "").strip()


def _fields(element) -> dict[str, str]:
    """The text of each simple child, by prefixed name."""
    return {_name(child.tag): _text(child) for child in element}


def _int(text: str | None) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def _date(text: str | None) -> datetime | None:
    """A naive datetime; None for WordPress's "0000-00-00 00:00:00" (not set)."""
    try:
        return datetime.strptime(text or "", "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _slug(text: str) -> str:
    # WordPress stores non-ASCII slugs percent-encoded; readers' URLs decode.
    return unquote(text)


def _author(element) -> Author:
    values = _fields(element)
    return Author(
        wp_id=_int(values.get("wp:author_id")),
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=values.get("wp:author_display_name", ""),
        first_name=values.get("wp:author_first_name", ""),
        last_name=values.get("wp:author_last_name", ""),
        # Not in WordPress's own exports; some plugins add the profile's bio.
        description=values.get("wp:author_description", ""),
    )


def _category(element) -> Category:
    values = _fields(element)
    return Category(
        wp_id=_int(values.get("wp:term_id")),
        slug=_slug(values.get("wp:category_nicename", "")),
        name=values.get("wp:cat_name", ""),
        parent=_slug(values.get("wp:category_parent", "")),
        description=values.get("wp:category_description", ""),
    )


def _tag(element) -> Tag:
    values = _fields(element)
    return Tag(
        wp_id=_int(values.get("wp:term_id")),
        slug=_slug(values.get("wp:tag_slug", "")),
        name=values.get("wp:tag_name", ""),
        description=values.get("wp:tag_description", ""),
    )


def _term(element) -> Term | Category | Tag:
    values = _fields(element)
    wp_id = _int(values.get("wp:term_id"))
    taxonomy = values.get("wp:term_taxonomy", "")
    slug = _slug(values.get("wp:term_slug", ""))
    name = values.get("wp:term_name", "")
    # Some exporters write categories and tags as generic terms too.
    if taxonomy == "category":
        parent = _slug(values.get("wp:term_parent", ""))
        return Category(wp_id, slug, name, parent=parent)
    if taxonomy == "post_tag":
        return Tag(wp_id, slug, name)
    return Term(wp_id, taxonomy, slug, name)


def _comment(element) -> Comment:
    values = _fields(element)
    return Comment(
        wp_id=_int(values.get("wp:comment_id")),
        author=values.get("wp:comment_author", ""),
        email=values.get("wp:comment_author_email", ""),
        date=_date(values.get("wp:comment_date")),
        date_gmt=_date(values.get("wp:comment_date_gmt")),
        content=values.get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", ""),
        type=values.get("wp:comment_type", ""),
        parent=_int(values.get("wp:comment_parent")) or None,  # 0: top level
    )


def _item(element) -> Item:
    values, item = {}, Item(wp_id=None, post_type="")
    for child in element:
        name = _name(child.tag)
        if name == "category":
            item.terms.append(
                TermRef(
                    domain=child.get("domain", ""),
                    slug=_slug(child.get("nicename", "")),
                    name=_text(child),
                )
            )
        elif name == "dc:creator":
            item.creators.append(_text(child))
        elif name == "wp:postmeta":
            meta = _fields(child)
            item.meta[meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            item.comments.append(_comment(child))
        else:
            values[name] = _text(child)
    item.wp_id = _int(values.get("wp:post_id"))
    item.post_type = values.get("wp:post_type", "")
    item.status = values.get("wp:status", "")
    item.title = values.get("title", "")
    item.slug = _slug(values.get("wp:post_name", ""))
    item.link = values.get("link", "")
    item.content = values.get("content:encoded", "")
    item.excerpt = values.get("excerpt:encoded", "")
    item.date = _date(values.get("wp:post_date"))
    item.date_gmt = _date(values.get("wp:post_date_gmt"))
    item.modified = _date(values.get("wp:post_modified"))
    item.modified_gmt = _date(values.get("wp:post_modified_gmt"))
    item.comment_status = values.get("wp:comment_status", "")
    item.is_sticky = values.get("wp:is_sticky") == "1"
    item.attachment_url = values.get("wp:attachment_url", "")
    return item


_READERS = {
    "wp:author": _author,
    "wp:category": _category,
    "wp:tag": _tag,
    "wp:term": _term,
    "item": _item,
}
