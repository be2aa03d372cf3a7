"""The media library: focal-point crops, what is said at upload, the picker,
images as heroes and inside stories, and where each is used."""

import io
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image as Pillow
from PIL import ImageChops
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from blocks import images
from library import forms as library_forms
from library.models import CARD_RATIO, NOT_FOR_HERO, Image
from tests.factories import ArticleFactory, ImageFactory, image_upload
from tests.test_image_uploads import _png_header_claiming

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 20, 20), (20, 40, 200)


def picture_with_red_square(width, height, box):
    """A blue picture with one red square: the part a crop must keep."""
    image = Pillow.new("RGB", (width, height), BLUE)
    image.paste(RED, box)
    out = io.BytesIO()
    image.save(out, "PNG")
    return SimpleUploadedFile("square.png", out.getvalue(), content_type="image/png")


def red_share(image: Pillow.Image) -> float:
    rgb = image.convert("RGB")
    red = rgb.point(lambda v: 255 if v > 150 else 0).getchannel("R")
    others = rgb.point(lambda v: 255 if v < 90 else 0)
    mask = Pillow.eval(red, lambda v: v)
    for band in ("G", "B"):
        mask = ImageChops.multiply(mask, others.getchannel(band))
    return mask.histogram()[255] / (rgb.width * rgb.height)


# Focal-point crops -------------------------------------------------------------


def test_the_crop_box_centres_on_the_focal_point_and_stays_inside():
    assert images.focal_crop_box(1600, 900, (1, 1), (0.5, 0.5)) == (350, 0, 1250, 900)
    assert images.focal_crop_box(1600, 900, (1, 1), (0.9, 0.5)) == (700, 0, 1600, 900)
    assert images.focal_crop_box(1600, 900, (1, 1), (0.0, 0.5)) == (0, 0, 900, 900)
    assert images.focal_crop_box(1200, 1200, (16, 9), (0.5, 1.0)) == (
        0,
        525,
        1200,
        1200,
    )


def test_a_card_crop_keeps_the_focal_region_of_a_real_picture(media_root):
    # A tall 3:2 picture, red at the very bottom; 16:9 must cut rows away.
    upload = picture_with_red_square(1800, 1200, (500, 1140, 1300, 1200))
    image = ImageFactory(file=upload, focal_x=0.5, focal_y=0.97)

    by_type, size = images.crop_renditions(
        image.file.name, image.size, CARD_RATIO, image.focal
    )

    assert size == (1800, 1012)
    for rendition in by_type["image/webp"] + by_type["image/jpeg"]:
        with Pillow.open(media_root / rendition.name) as cropped:
            assert cropped.width == rendition.width
            assert abs(cropped.width / cropped.height - 16 / 9) < 0.01
            assert red_share(cropped) > 0.02, rendition.name
    # A crop around the middle, as without a focal point, loses the square.
    with Pillow.open(media_root / image.file.name) as whole:
        middle = whole.crop(images.focal_crop_box(1800, 1200, CARD_RATIO, (0.5, 0.5)))
        assert red_share(middle) < 0.001


def test_moving_the_focal_point_makes_new_crops_under_new_names(client, editor):
    upload = picture_with_red_square(1800, 1200, (0, 0, 300, 300))
    image = ImageFactory(file=upload)
    before = image.thumbnail_url()
    url = reverse("admin:library_image_change", args=[image.pk])
    client.force_login(editor)
    from tests.admin_forms import open_form

    response = client.post(
        url, open_form(client, url).data(focal_x="0.05", focal_y="0.05")
    )

    assert response.status_code == HTTPStatus.FOUND
    image.refresh_from_db()
    assert image.focal == (0.05, 0.05)
    assert image.thumbnail_url() != before
    name = image.thumbnail_url().removeprefix("/media/")
    with Pillow.open(client_media(name)) as thumb:
        assert red_share(thumb) > 0.03


def client_media(name):
    from django.conf import settings

    return settings.MEDIA_ROOT / name


def test_a_picture_already_of_the_card_ratio_is_its_own_crop():
    image = ImageFactory()  # 1600 × 900

    by_type, size = images.crop_renditions(
        image.file.name, image.size, CARD_RATIO, (0.1, 0.9)
    )

    assert size == (1600, 900)
    assert by_type == images.renditions(image.file.name, 1600)


# What is said at upload ---------------------------------------------------------


def upload(client, file, **fields):
    data = {"alt": "A ferry", "caption": "", "credit": "", "focal_x": "0.5"}
    data.update(focal_y="0.5", **fields)
    if file is not None:
        data["file"] = file
    return client.post(reverse("admin:library_image_add"), data)


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            image_upload(300, 200),
            library_forms.TOO_NARROW.format(width=300, minimum=480),
        ),
        (SimpleUploadedFile("x.jpg", b"not an image", "image/jpeg"), "valid image"),
        (
            SimpleUploadedFile(
                "big.png", _png_header_claiming(60000, 60000), "image/png"
            ),
            "valid image",
        ),
    ],
    ids=["too narrow", "not an image", "huge dimensions"],
)
def test_a_bad_upload_is_refused_with_a_message_and_nothing_stored(
    client, journalist, media_root, file, message
):
    client.force_login(journalist)

    response = upload(client, file)

    assert response.status_code == HTTPStatus.OK
    assertContains(response, escape(message))
    assert not Image.objects.exists()
    assert not list(media_root.rglob("*.*"))


def test_missing_alt_is_said_and_the_chosen_file_is_kept(client, journalist):
    client.force_login(journalist)

    response = upload(client, image_upload(1600, 900, name="harbour.jpg"), alt=" ")

    assertContains(response, images.NEEDS_ALT)
    assertContains(response, "harbour.jpg is kept from your last try")
    assert not Image.objects.exists()
    token = response.context["adminform"].form.data["kept_upload"]

    again = upload(client, None, alt="Boats at dawn", kept_upload=token)

    assert again.status_code == HTTPStatus.FOUND
    image = Image.objects.get()
    assert (image.width, image.alt, image.original_name) == (
        1600,
        "Boats at dawn",
        "harbour.jpg",
    )
    assert image.uploaded_by == journalist


def test_a_forged_kept_file_is_not_believed(client, journalist):
    client.force_login(journalist)

    response = upload(client, None, kept_upload="library/kept/../../settings.py")

    assertContains(response, "This field is required.")
    assert not Image.objects.exists()


def test_a_narrow_image_is_taken_for_inside_stories_and_said_not_for_a_hero(
    client, journalist
):
    client.force_login(journalist)

    response = upload(client, image_upload(800, 600), alt="A chart")

    assert response.status_code == HTTPStatus.FOUND
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert NOT_FOR_HERO.format(width=800, minimum=1200) in messages
    assert Image.objects.get().width == 800


# The picker -----------------------------------------------------------------------


def test_the_picker_finds_images_by_words_of_the_caption_with_thumbnails(
    client, journalist
):
    wanted = ImageFactory(caption="Ferry crossing the harbour at dusk")
    ImageFactory(caption="Council chamber during the vote")
    client.force_login(journalist)

    response = client.get(
        reverse("admin:library_image_picker"), {"term": "harbour ferry"}
    )

    assert response.status_code == HTTPStatus.OK
    [found] = response.json()["results"]
    assert found["id"] == wanted.pk
    assert found["thumbnail"].startswith("/media/library/renditions/")
    assert found["hero_ready"] is True


@pytest.mark.parametrize("who", ["anonymous", "moderator"])
def test_the_picker_is_closed_to_those_without_the_library(client, moderator, who):
    ImageFactory()
    if who == "moderator":
        client.force_login(moderator)

    response = client.get(reverse("admin:library_image_picker"), {"term": ""})

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert b"thumbnail" not in response.content


# Heroes and figures -----------------------------------------------------------


def test_a_narrow_or_unlabelled_hero_is_refused_on_the_story_form(client, editor):
    from tests.test_editorial_admin import form_data

    article = ArticleFactory()
    narrow = ImageFactory(file=image_upload(800, 450))
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])

    response = client.post(url, form_data(article, hero=narrow.pk))

    assertContains(response, NOT_FOR_HERO.format(width=800, minimum=1200))
    assert Article.objects.get(pk=article.pk).hero is None


def test_an_inline_figure_is_drawn_as_a_responsive_lazy_picture(client):
    image = ImageFactory(caption="Nets drying", credit="Photo: Ana Costa")
    article = ArticleFactory(
        published=True,
        body=f'<p>Before.</p><figure data-image="{image.pk}"></figure><p>After.</p>',
    )

    response = client.get(article.get_absolute_url())

    assertContains(response, '<figure class="story__figure"><picture>')
    assertContains(response, '<source type="image/webp" srcset="/media/library/')
    assertContains(response, 'width="1600" height="900"')
    assertContains(response, 'loading="lazy"')
    assertContains(response, 'Nets drying <span class="credit">Photo: Ana Costa</span>')
    assertContains(response, f'alt="{image.alt}"')


def test_a_figure_whose_image_was_deleted_leaves_no_trace(client):
    image = ImageFactory()
    article = ArticleFactory(
        published=True, body=f'<figure data-image="{image.pk}"></figure><p>Text</p>'
    )
    image.delete()

    response = client.get(article.get_absolute_url())

    assertNotContains(response, "story__figure")
    assertContains(response, "<p>Text</p>")


def test_an_image_says_where_it_is_used(client, editor):
    image = ImageFactory()
    hero_of = ArticleFactory(hero=image, headline="The hero story")
    inside = ArticleFactory(
        headline="The inline story", body=f'<figure data-image="{image.pk}"></figure>'
    )
    ArticleFactory(headline="Unrelated")

    assert image.uses() == {"hero": [hero_of], "body": [inside]}
    client.force_login(editor)
    response = client.get(reverse("admin:library_image_change", args=[image.pk]))
    assertContains(response, "The hero story (hero)")
    assertContains(response, "The inline story (inside the story)")
    assertNotContains(response, "Unrelated")


def test_a_hero_in_use_cannot_be_deleted():
    from django.db.models import ProtectedError

    image = ImageFactory()
    ArticleFactory(hero=image)

    with pytest.raises(ProtectedError):
        image.delete()


def test_the_api_gives_the_body_with_its_figures_as_on_the_page(client):
    image = ImageFactory(caption="Nets drying")
    article = ArticleFactory(
        published=True, body=f'<p>Text.</p><figure data-image="{image.pk}"></figure>'
    )

    story = client.get(f"/api/v1/stories/{article.pk}/").json()

    assert '<figure class="story__figure"><picture>' in story["body_html"]
    assert "Nets drying" in story["body_html"]
