"""Embeds and pull quotes: which addresses are recognised, what the sanitiser
keeps of them, and what readers and feed readers get."""

import re

import pytest

from articles.sanitize import clean_body
from blocks import embeds
from tests.factories import ArticleFactory

RECOGNISED = [
    # pasted address, service, canonical address, player
    (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        "YouTube",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ),
    (
        "https://youtu.be/dQw4w9WgXcQ?si=tracking",
        "YouTube",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ),
    (
        "https://m.youtube.com/shorts/dQw4w9WgXcQ",
        "YouTube",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ),
    (
        "https://vimeo.com/76979871",
        "Vimeo",
        "https://vimeo.com/76979871",
        "https://player.vimeo.com/video/76979871?dnt=1",
    ),
    (
        "https://twitter.com/newsdesk/status/1790000000000000001?s=20",
        "X",
        "https://x.com/newsdesk/status/1790000000000000001",
        "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000001&dnt=true",
    ),
    (
        "https://bsky.app/profile/desk.example.org/post/3kq2bzxwq7c2a",
        "Bluesky",
        "https://bsky.app/profile/desk.example.org/post/3kq2bzxwq7c2a",
        "https://embed.bsky.app/embed/desk.example.org/app.bsky.feed.post/3kq2bzxwq7c2a",
    ),
    (
        "https://www.instagram.com/reel/C7xYz12AbCd/?igsh=x",
        "Instagram",
        "https://www.instagram.com/reel/C7xYz12AbCd/",
        "https://www.instagram.com/reel/C7xYz12AbCd/embed/",
    ),
    (
        "https://www.datawrapper.de/_/Ab3dE/",
        "Datawrapper",
        "https://datawrapper.dwcdn.net/Ab3dE/1/",
        "https://datawrapper.dwcdn.net/Ab3dE/1/",
    ),
    (
        "https://datawrapper.dwcdn.net/Ab3dE/4/",
        "Datawrapper",
        "https://datawrapper.dwcdn.net/Ab3dE/4/",
        "https://datawrapper.dwcdn.net/Ab3dE/4/",
    ),
]


@pytest.mark.parametrize(("pasted", "service", "address", "player"), RECOGNISED)
def test_a_pasted_address_becomes_its_service_and_player(
    pasted, service, address, player
):
    embed = embeds.recognise(pasted)

    assert embed is not None
    assert (embed.provider, embed.address, embed.player) == (service, address, player)
    assert player.startswith(embed.service.origin + "/")
    assert embed.service.origin in embeds.FRAME_ORIGINS


def test_a_map_address_becomes_a_bounded_map_with_a_marker():
    embed = embeds.recognise("https://www.openstreetmap.org/#map=12/51.5072/-0.1276")

    assert embed.address == "https://www.openstreetmap.org/#map=12/51.50720/-0.12760"
    assert embed.player.startswith("https://www.openstreetmap.org/export/embed.html?")
    assert "marker=51.50720%2C-0.12760" in embed.player
    west, south, east, north = map(
        float, re.search(r"bbox=([^&]+)", embed.player)[1].split("%2C")
    )
    assert west < -0.1276 < east and south < 51.5072 < north


@pytest.mark.parametrize(
    "pasted",
    [
        "",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ" onload="alert(1)',
        "https://x.com/someone/likes",
        "https://vimeo.com/channels/staffpicks",
        "https://www.openstreetmap.org/#map=12/95.0/0.0",  # beyond the map
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=" + "a" * 600,
    ],
)
def test_anything_else_is_not_an_embed(pasted):
    assert embeds.recognise(pasted) is None


def test_the_sanitiser_keeps_a_known_embed_at_its_canonical_address():
    cleaned = clean_body(
        '<figure data-embed="https://youtu.be/dQw4w9WgXcQ?si=abc" class="x" '
        'onclick="alert(1)"><figcaption>Flood barrier <b>test</b></figcaption></figure>'
    )

    assert cleaned == (
        '<figure data-embed="https://www.youtube.com/watch?v=dQw4w9WgXcQ">'
        "<figcaption>Flood barrier <b>test</b></figcaption></figure>"
    )


@pytest.mark.parametrize(
    "hostile",
    [
        '<figure data-embed="javascript:alert(1)"><figcaption>x</figcaption></figure>',
        '<figure data-embed="https://evil.example/x"><figcaption>x</figcaption></figure>',
        '<figure data-embed="https://www.youtube.com/watch?v=dQw4w9WgXcQ&quot; onload=&quot;x">'
        "<figcaption>x</figcaption></figure>",
        '<figure data-embed-player="https://evil.example/"><figcaption>x</figcaption></figure>',
        '<figure data-embed="https://vimeo.com/1"><iframe src="https://evil.example"></iframe>'
        "<figcaption><script>alert(1)</script>x</figcaption></figure>",
    ],
)
def test_the_sanitiser_drops_an_unknown_or_hostile_embed(hostile):
    cleaned = clean_body(hostile)

    assert "evil" not in cleaned
    assert "javascript" not in cleaned
    assert "<iframe" not in cleaned and "<script" not in cleaned
    assert "onload" not in cleaned
    assert re.fullmatch(
        r'<figure( data-embed="https://vimeo\.com/1")?><figcaption>.*</figcaption></figure>',
        cleaned,
    ), cleaned


def test_a_pull_quote_keeps_only_its_marker():
    cleaned = clean_body(
        '<aside data-pullquote="javascript:x" class="big" style="color:red">'
        "<p>We will not move the barrier.</p><p>The harbour master</p></aside>"
    )

    assert cleaned == (
        '<aside data-pullquote=""><p>We will not move the barrier.</p>'
        "<p>The harbour master</p></aside>"
    )


EMBED_BODY = (
    "<p>The council voted on Tuesday.</p>"
    '<figure data-embed="https://www.youtube.com/watch?v=dQw4w9WgXcQ">'
    "<figcaption>The vote, filmed from the gallery</figcaption></figure>"
    '<aside data-pullquote=""><p>Nobody asked the harbour.</p></aside>'
)


def test_readers_get_a_still_and_a_link_and_nothing_from_the_service(client, db):
    story = ArticleFactory(published=True, body=EMBED_BODY)

    response = client.get(story.get_absolute_url())

    html = response.content.decode()
    assert "<iframe" not in html
    # No address of the service anywhere the browser would fetch by itself.
    for attribute in re.findall(r'(?:src|srcset|href|data)="([^"]*)"', html):
        if attribute.startswith("https://www.youtube"):
            assert attribute == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert re.search(
        r'<a class="embed__link" href="https://www.youtube.com/watch\?v=dQw4w9WgXcQ"'
        r' rel="noopener">Open it on YouTube</a>',
        html,
    )
    assert '<button type="button" class="embed__load" hidden>' in html
    assert (
        'data-embed-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    )
    assert "<figcaption>The vote, filmed from the gallery</figcaption>" in html
    assert '<aside data-pullquote=""><p>Nobody asked the harbour.</p></aside>' in html
    policy = response.headers["Content-Security-Policy"]
    frame_src = re.search(r"frame-src ([^;]+)", policy)[1].split()
    assert "https://www.youtube-nocookie.com" in frame_src
    assert "*" not in frame_src and "https:" not in frame_src


def test_feed_readers_get_a_link_to_the_embedded_content(client, db):
    ArticleFactory(published=True, body=EMBED_BODY)

    feed = client.get("/feed/").content.decode()

    assert "Open the embedded content on YouTube" in feed
    assert "embed__load" not in feed and "youtube-nocookie" not in feed
