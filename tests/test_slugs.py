import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import ArticleFactory, CorrespondentFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_two_articles_cannot_share_a_slug():
    ArticleFactory(slug="floods")

    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug="floods")


def test_duplicate_slug_is_a_validation_error_before_it_reaches_the_database():
    ArticleFactory(slug="floods")
    duplicate = ArticleFactory.build(slug="floods", section=SectionFactory())

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert "slug" in error.value.message_dict


def test_correspondent_slugs_are_unique():
    CorrespondentFactory(slug="ana")

    with pytest.raises(IntegrityError), transaction.atomic():
        CorrespondentFactory(slug="ana")
