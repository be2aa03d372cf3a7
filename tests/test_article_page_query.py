"""Article.objects.get_for_page(): the article page's one query, its SQL built once."""

import pytest
from django.db.models import DateTimeField

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_it_loads_what_the_orm_loads_and_the_section_in_one_query(
    django_assert_num_queries,
):
    section = SectionFactory(name="Science", description="Labs and fieldwork")
    stored = ArticleFactory(
        published=True,
        section=section,
        dek="Why it matters, in the one sentence that sits under the headline.",
    )
    expected = Article.objects.select_related("section").get(pk=stored.pk)

    with django_assert_num_queries(1):
        article = Article.objects.get_for_page(stored.slug)
        loaded_section = article.section

    for field in Article._meta.concrete_fields:
        if field.name == "search_vector":
            continue
        assert getattr(article, field.attname) == getattr(expected, field.attname)
        if isinstance(field, DateTimeField) and getattr(article, field.attname):
            assert getattr(article, field.attname).tzinfo is not None
    assert loaded_section == section
    assert loaded_section.name == "Science"
    assert loaded_section.description == "Labs and fieldwork"
    assert article.comments_open is True  # a boolean, converted on SQLite too
    assert article.is_published()
    assert article.get_deferred_fields() == {"search_vector"}


def test_a_story_without_a_section_has_none():
    stored = ArticleFactory(section=None)

    assert Article.objects.get_for_page(stored.slug).section is None


def test_an_unknown_slug_raises_does_not_exist():
    ArticleFactory(slug="real-story")

    with pytest.raises(Article.DoesNotExist):
        Article.objects.get_for_page("no-such-story")
    with pytest.raises(Article.DoesNotExist):
        Article.objects.get_for_page("real-story' OR '1'='1")
