import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from authors.models import Correspondent
from wordpress.models import LegacyId

pytestmark = pytest.mark.django_db

WXR = Path(__file__).parent / "wxr"


def import_wordpress(name):
    call_command(
        "import_wordpress", str(WXR / name), stdout=io.StringIO(), stderr=io.StringIO()
    )


def assert_nothing_imported():
    assert not Article.objects.exists()
    assert not Correspondent.objects.exists()
    assert not LegacyId.objects.exists()


def test_malformed_xml_is_refused_with_its_place_and_nothing_half_imported():
    with pytest.raises(CommandError) as error:
        import_wordpress("malformed.xml")

    assert str(error.value) == (
        "The export is not well-formed XML: mismatched tag at line 28, column 25, "
        "after post 501 “A good post”."
    )
    assert_nothing_imported()  # the good post before it was rolled back


def test_truncated_file_is_refused_and_nothing_half_imported():
    with pytest.raises(CommandError) as error:
        import_wordpress("truncated.xml")

    assert "The export ends early at line" in str(error.value)
    assert "after post 101 “Harbour strike ends”: the file is truncated." in str(
        error.value
    )
    assert_nothing_imported()


def test_unknown_wxr_version_is_refused():
    with pytest.raises(CommandError) as error:
        import_wordpress("version.xml")

    assert str(error.value) == (
        "WXR version 9.9 is not supported; this importer reads versions 1.0 to 1.2."
    )
    assert_nothing_imported()


def test_post_whose_author_is_not_in_the_export_is_named_and_nothing_imported():
    with pytest.raises(CommandError) as error:
        import_wordpress("orphan-author.xml")

    assert str(error.value) == (
        "post 502 “Ghost written” is by “ghost”, who is not among the export's "
        "authors (wp:author). Nothing was imported."
    )
    assert_nothing_imported()


def test_a_file_that_is_not_a_wordpress_export_is_refused(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<rss version="2.0"><channel><item><title>Hi</title></item></channel></rss>'
    )

    with pytest.raises(CommandError) as error:
        call_command("import_wordpress", str(feed), stdout=io.StringIO())

    assert "This is not a WordPress export" in str(error.value)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_wordpress", str(tmp_path / "nope.xml"))
