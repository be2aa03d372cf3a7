"""A hostile-HTML corpus in, safe HTML out."""

import pytest

from articles.sanitize import clean_body

HOSTILE = [
    "<script>alert(1)</script><p>ok</p>",
    '<p onclick="alert(1)">ok</p>',
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
]


@pytest.mark.parametrize("html", HOSTILE)
def test_hostile_html_comes_out_inert(html):
    cleaned = clean_body(html).lower()
    for needle in FORBIDDEN:
        assert needle not in cleaned, (needle, cleaned)


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

    article = ArticleFactory(body='<p onclick="x()">Hi<script>bad()</script></p>')

    assert article.body == "<p>Hi</p>"
