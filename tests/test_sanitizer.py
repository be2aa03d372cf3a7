"""Body HTML in, only the allowlist out: every allowed tag against every
event handler, script-bearing URL and style the sanitiser could be handed.

The allowlist is read from articles/sanitize.py, never copied, and the output
is parsed and compared with it, so anything extra that slips through fails.
"""

import re
from html.parser import HTMLParser

import pytest

from articles import sanitize
from articles.sanitize import clean_body

# Every on* handler property of Chromium's Window, Document, HTMLElement,
# SVGElement and media interfaces (listed from a running browser), plus the
# older or other-engine ones that some browser has honoured.
EVENT_HANDLERS = (
    "onabort onactivate onafterprint onafterupdate onanimationcancel onanimationend "
    "onanimationiteration onanimationstart onappinstalled onauxclick onbeforeactivate "
    "onbeforecopy onbeforecut onbeforedeactivate onbeforeeditfocus onbeforeinput "
    "onbeforeinstallprompt onbeforematch onbeforepaste onbeforeprint onbeforetoggle "
    "onbeforeunload onbeforeupdate onbeforexrselect onbegin onblur onbounce oncancel "
    "oncanplay oncanplaythrough oncellchange onchange onclick onclose oncommand "
    "oncontentvisibilityautostatechange oncontextlost oncontextmenu oncontextrestored "
    "oncontrolselect oncopy oncuechange oncut ondataavailable ondatasetchanged "
    "ondatasetcomplete ondblclick ondeactivate ondrag ondragend ondragenter "
    "ondragexit ondragleave ondragover ondragstart ondrop ondurationchange onemptied "
    "onencrypted onend onended onerror onerrorupdate onfilterchange onfinish onfocus "
    "onfocusin onfocusout onformchange onforminput onformdata onfreeze "
    "onfullscreenchange onfullscreenerror ongamepadconnected ongamepaddisconnected "
    "ongotpointercapture onhashchange onhelp oninput oninvalid onkeydown onkeypress "
    "onkeyup onlanguagechange onlayoutcomplete onload onloadeddata onloadedmetadata "
    "onloadend onloadstart onlosecapture onlostpointercapture onmessage "
    "onmessageerror onmousedown onmouseenter onmouseleave onmousemove onmouseout "
    "onmouseover onmouseup onmousewheel onmove onmoveend onmovestart "
    "onmozfullscreenchange onoffline ononline onpagehide onpagereveal onpageshow "
    "onpageswap onpaste onpause onplay onplaying onpointercancel onpointerdown "
    "onpointerenter onpointerleave onpointerlockchange onpointerlockerror "
    "onpointermove onpointerout onpointerover onpointerrawupdate onpointerup "
    "onpopstate onprerenderingchange onprogress onpropertychange onratechange "
    "onreadystatechange onrejectionhandled onrepeat onreset onresize onresizeend "
    "onresizestart onresume onrowenter onrowexit onrowsdelete onrowsinserted "
    "onscroll onscrollend onscrollsnapchange onscrollsnapchanging onsearch "
    "onsecuritypolicyviolation onseeked onseeking onselect onselectionchange "
    "onselectstart onshow onslotchange onsort onstalled onstart onstorage onsubmit "
    "onsuspend ontimeupdate ontoggle ontouchcancel ontouchend ontouchmove "
    "ontouchstart ontransitioncancel ontransitionend ontransitionrun "
    "ontransitionstart onunhandledrejection onunload onvisibilitychange "
    "onvolumechange onwaiting onwaitingforkey onwebkitanimationend "
    "onwebkitanimationiteration onwebkitanimationstart onwebkitfullscreenchange "
    "onwebkitfullscreenerror onwebkittransitionend onwheel onzoom"
).split()

# Attributes that are not handlers but can run script, load things or restyle.
OTHER_ATTRIBUTES = (
    "style class id srcdoc formaction action background dynsrc lowsrc poster "
    "data codebase xmlns xlink:href xml:base is slot contenteditable draggable "
    "autofocus tabindex popover popovertarget accesskey"
).split()

# Attributes whose value a browser follows as a URL.
URL_ATTRIBUTES = frozenset(
    "href src cite action formaction background dynsrc lowsrc poster data "
    "codebase xlink:href xml:base data-embed".split()
)

# Each runs script or loads a document in some browser once decoded the way a
# browser decodes an attribute (entities, then tabs and newlines dropped,
# leading spaces and control characters trimmed, scheme case ignored).
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "jav&#13;ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "javascript&#x3A;alert(1)",
    "javascript:alert(1)//https://ok.example/",
    "javascript://ok.example/%0Aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    " data:image/svg+xml,<svg onload=alert(1)>",
    "da&#x74;a:text/html,x",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "vb&#x09;script:msgbox(1)",
    "livescript:alert(1)",
    "file:///etc/passwd",
    "blob:https://evil.example/uuid",
    "filesystem:https://evil.example/x",
]


def allowed_attributes(tag: str) -> set[str]:
    """What articles/sanitize.py lets `tag` keep."""
    allowlist = sanitize.ALLOWED_ATTRIBUTES
    assert isinstance(allowlist, dict), "the allowlist is expected to be a table"
    return set(allowlist.get(tag, ())) | set(allowlist.get("*", ()))


class _StartTags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, attrs))


def start_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Each element in `html` with its attributes, entities decoded."""
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    return parser.found


C0_CONTROLS_AND_SPACE = "".join(chr(code) for code in range(0x21))


def url_scheme(value: str) -> str:
    """The scheme a browser would read in `value` ('' for a relative URL)."""
    # As the URL parser does: tabs and newlines anywhere are dropped, and
    # spaces and control characters at either end are trimmed.
    value = re.sub(r"[\t\n\r]", "", value).strip(C0_CONTROLS_AND_SPACE)
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", value)
    return match.group(1).lower() if match else ""


def assert_within_allowlist(html: str) -> None:
    """Every element and attribute of `html` is one the allowlist names; no
    handler or style, and every URL uses an allowed scheme."""
    for tag, attrs in start_tags(html):
        assert tag in sanitize.ALLOWED_TAGS, (tag, html)
        for name, value in attrs:
            assert name in allowed_attributes(tag), (tag, name, html)
            assert not name.startswith("on"), (tag, name, html)
            assert name != "style", (tag, html)
            if name in URL_ATTRIBUTES:
                scheme = url_scheme(value or "")
                assert scheme in sanitize.ALLOWED_PROTOCOLS | {""}, (tag, value, html)


def opening(tag: str, attributes: str) -> str:
    if tag == "br":
        return f"<br {attributes}>"
    return f"<{tag} {attributes}>text</{tag}>"


ALLOWED_TAGS = sorted(sanitize.ALLOWED_TAGS)


def test_the_check_itself_catches_what_it_must():
    for leak in [
        '<a href="https://ok.example" onclick="alert(1)">x</a>',
        '<p style="color:red">x</p>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        "<script>alert(1)</script>",
        '<p class="x">x</p>',
    ]:
        with pytest.raises(AssertionError):
            assert_within_allowlist(leak)
    assert_within_allowlist('<p>Plain <a href="/sections/world/">link</a></p>')


def test_the_allowlist_admits_no_handler_style_or_scripting_element():
    for tag in sanitize.ALLOWED_TAGS:
        for name in allowed_attributes(tag):
            assert not name.lower().startswith("on"), (tag, name)
            assert name.lower() not in {"style", "srcdoc", "formaction"}, (tag, name)
    assert not sanitize.ALLOWED_TAGS & {
        "script",
        "style",
        "iframe",
        "frame",
        "object",
        "embed",
        "svg",
        "math",
        "form",
        "input",
        "button",
        "base",
        "meta",
        "link",
        "template",
    }
    assert sanitize.ALLOWED_PROTOCOLS <= {"http", "https", "mailto"}


@pytest.mark.parametrize("tag", ALLOWED_TAGS)
def test_every_allowed_tag_and_attribute_survives_with_harmless_values(tag):
    # Without this the checks below could pass on a sanitiser that drops all.
    values = {
        "href": "https://ok.example/page",
        "title": "A title",
        "rel": "noopener",
        "data-embed": "https://vimeo.com/76979871",
        "data-pullquote": "",
    }
    attributes = " ".join(
        f'{name}="{values.get(name, "plain")}"'
        for name in sorted(allowed_attributes(tag))
    )

    cleaned = clean_body(opening(tag, attributes))

    [(kept_tag, kept)] = start_tags(cleaned)
    assert kept_tag == tag
    assert {name for name, _ in kept} == allowed_attributes(tag)


@pytest.mark.parametrize("tag", ALLOWED_TAGS)
def test_no_event_handler_survives_on_any_allowed_tag(tag):
    payloads = []
    for handler in EVENT_HANDLERS:
        payloads += [
            opening(tag, f'{handler}="alert(1)"'),
            opening(tag, f"{handler.upper()}=alert(1)"),
            opening(tag, f"title=\"t\" {handler}='alert(1)'"),
            f"<{tag}/{handler}=alert(1)>text</{tag}>",
        ]
    payloads.append(opening(tag, " ".join(f'{h}="alert(1)"' for h in EVENT_HANDLERS)))

    for html in payloads:
        cleaned = clean_body(html)
        assert_within_allowlist(cleaned)
        assert "alert" not in cleaned.replace("text", ""), (html, cleaned)


@pytest.mark.parametrize("tag", ALLOWED_TAGS)
def test_no_style_or_other_unlisted_attribute_survives_on_any_allowed_tag(tag):
    for name in OTHER_ATTRIBUTES:
        value = (
            "background:url(javascript:alert(1))"
            if name == "style"
            else "javascript:alert(1)"
        )
        html = opening(tag, f'{name}="{value}"')

        cleaned = clean_body(html)

        assert_within_allowlist(cleaned)
        assert "javascript" not in cleaned.lower(), (html, cleaned)


@pytest.mark.parametrize("tag", ALLOWED_TAGS)
@pytest.mark.parametrize(
    "attribute", ["href", "src", "cite", "xlink:href", "data-embed"]
)
def test_no_script_url_survives_in_any_link_attribute(tag, attribute):
    for url in HOSTILE_URLS:
        for quoted in (f'"{url}"', f"'{url}'"):
            html = opening(tag, f"{attribute}={quoted}")

            cleaned = clean_body(html)

            assert_within_allowlist(cleaned)


def test_safe_links_keep_their_address():
    for url in [
        "https://ok.example/a?b=c",
        "http://ok.example/",
        "mailto:desk@news.example",
        "/sections/world/",
        "#notes",
    ]:
        cleaned = clean_body(f'<a href="{url}">x</a>')
        [(_, attrs)] = start_tags(cleaned)
        assert dict(attrs)["href"] == url


HOSTILE = [
    "<script>alert(1)</script><p>ok</p>",
    '<p onclick="alert(1)">ok</p>',
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<iframe src="https://evil.example"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name=x></form>',
    '<p><a href="https://ok.example" onmouseover="alert(1)">x</a></p>',
    '"><script>alert(1)</script>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<div class="x" id="y"><p>kept text</p></div>',
    "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="https://ok.example"><svg><a xlink:href="javascript:alert(1)">x</a></svg></a>',
    "<p><template><script>alert(1)</script></template></p>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    # The structures the editor inserts, abused.
    '<figure data-embed="javascript:alert(1)" onmouseover="alert(1)"><p>x</p></figure>',
    '<figure data-embed="https://evil.example/embed"><iframe src="https://evil.example">'
    "</iframe></figure>",
    "<figure><figcaption><img src=x onerror=alert(1)><script>alert(1)</script>"
    "</figcaption></figure>",
    '<figure data-embed="https://vimeo.com/1" style="x" class="x" id="y"></figure>',
    '<aside data-pullquote onclick="alert(1)"><svg><script>alert(1)</script></svg></aside>',
    '<aside data-pullquote="javascript:alert(1)"><p>quote</p></aside>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onclick",
    "onmouseover",
    "javascript:",
    "data:",
    "vbscript:",
    "style=",
    "<iframe",
    "<svg",
    "<img",
    "<object",
    "<embed",
    "<form",
    "<input",
    "<base",
    "<meta",
    "<link",
    "class=",
    "id=",
    "<xml",
    "<!--",
    "<template",
]


@pytest.mark.parametrize("html", HOSTILE)
def test_hostile_html_comes_out_inert(html):
    cleaned = clean_body(html)

    assert_within_allowlist(cleaned)
    for needle in FORBIDDEN:
        assert needle not in cleaned.lower(), (needle, cleaned)


def test_allowed_formatting_survives():
    html = (
        "<p>Plain <strong>bold</strong> <em>italic</em></p><h2>Sub</h2><h3>Subsub</h3>"
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>Quote</p></blockquote>"
    )
    assert clean_body(html) == html


def test_external_links_get_noopener_and_internal_ones_do_not(settings):
    settings.SITE_URL = "https://news.example"
    cleaned = clean_body(
        '<p><a href="https://other.example/x">out</a> <a href="https://news.example/a/">in</a>'
        ' <a href="/sections/world/">rel</a></p>'
    )
    assert '<a href="https://other.example/x" rel="noopener">out</a>' in cleaned
    assert '<a href="https://news.example/a/">in</a>' in cleaned
    assert '<a href="/sections/world/">rel</a>' in cleaned


def test_a_word_processor_paste_becomes_clean_html():
    pasted = (
        '<html><head><style>p.MsoNormal{margin:0}</style><meta charset="utf-8"></head>'
        '<body><p class="MsoNormal" style="margin:0cm"><span style="font-family:Calibri">'
        "<b>Council</b> votes <i>today</i></span><o:p></o:p></p>"
        '<p class="MsoListParagraph"><font face="Arial">Next</font></p></body></html>'
    )
    assert clean_body(pasted) == "<p><b>Council</b> votes <i>today</i></p><p>Next</p>"


def test_body_is_cleaned_on_every_save(db):
    from tests.factories import ArticleFactory

    article = ArticleFactory(
        body='<p onclick="x()">Hi<script>bad()</script> <a href="javascript:x()" onmouseover="x()">there</a></p>'
    )

    assert article.body == "<p>Hi <a>there</a></p>"


# Library figures: the one structure beyond the tag allowlist ----------------

HOSTILE_FIGURES = [
    '<figure data-image="{id}" onclick="alert(1)"><img src="x" onerror="alert(1)">'
    "<figcaption>Hi<script>alert(1)</script></figcaption></figure>",
    '<figure data-image="{id}"><img src="javascript:alert(1)"></figure>',
    '<figure data-image="{id}"><figcaption><img src=x onerror=alert(1)>'
    "<script>alert(1)</script></figcaption></figure>",
    '<figure style="background:url(javascript:alert(1))" data-image="{id}">'
    "<svg onload=alert(1)></svg></figure>",
    '<figure data-image="{id}"><figure data-image="{id}"><script>alert(1)</script>'
    "</figure></figure>",
    "<FIGURE DATA-IMAGE='{id}'><IMG SRC=x ONERROR=alert(1)></FIGURE>",
]
DROPPED_FIGURES = [
    '<figure data-image="999999"><img src="x" onerror="alert(1)"></figure>',
    '<figure data-image="abc"><img src="javascript:alert(1)"></figure>',
    '<figure data-image="-1"><figcaption><script>alert(1)</script></figcaption>'
    "</figure>",
    '<figure data-image=""><img src=x onerror=alert(1)></figure>',
    '<figure><img src="/media/library/x.jpg" onerror="alert(1)"></figure>',
    '<img src="/media/library/x.jpg" alt="outside a figure">',
    "<figcaption><script>alert(1)</script>A caption alone</figcaption>",
]


@pytest.fixture
def library_image(db):
    from tests.factories import ImageFactory

    return ImageFactory(caption='Boats <b>"at"</b> dawn', credit="Photo: A & B")


def _without_figures(html: str, figure: str) -> str:
    return html.replace(figure, "")


@pytest.mark.parametrize("hostile", HOSTILE_FIGURES)
def test_a_hostile_figure_is_remade_from_the_library_record(library_image, hostile):
    from library import figures

    expected = figures.figure_to_store(library_image.pk)

    cleaned = clean_body(hostile.format(id=library_image.pk))

    assert expected in cleaned
    assert expected.startswith(f'<figure data-image="{library_image.pk}"><img src="/')
    rest = _without_figures(cleaned, expected)
    assert_within_allowlist(rest)
    for needle in FORBIDDEN:
        assert needle not in rest.lower(), (needle, cleaned)
        if needle != "<img":
            assert needle not in expected.lower(), (needle, expected)
    # The caption is the record's, escaped; nothing the sender wrote stays.
    assert "Boats &lt;b&gt;&quot;at&quot;&lt;/b&gt; dawn Photo: A &amp; B" in expected


@pytest.mark.parametrize("hostile", DROPPED_FIGURES)
def test_a_figure_without_a_library_image_is_dropped(library_image, hostile):
    cleaned = clean_body(hostile)

    # At most a bare figure stays (embeds and pull quotes allow one): never
    # a picture, nor a reference to one.
    assert "<img" not in cleaned and "data-image" not in cleaned
    assert_within_allowlist(cleaned)
    for needle in FORBIDDEN:
        assert needle not in cleaned.lower(), (needle, cleaned)


def test_placeholders_sent_in_the_body_cannot_reach_a_figure(library_image):
    cleaned = clean_body(
        f'<p>\ue0000\ue001</p><figure data-image="{library_image.pk}"></figure>'
    )

    assert cleaned.count("<figure") == 1
    assert cleaned.startswith("<p>0</p>")  # the markers sent are gone


def test_a_stored_figure_survives_saving_again_unchanged(library_image):
    once = clean_body(
        f'<p>Before.</p><figure data-image="{library_image.pk}"></figure><p>After.</p>'
    )

    assert clean_body(once) == once
