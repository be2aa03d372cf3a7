import pytest

from articles.models import count_words, reading_minutes
from tests.factories import ArticleFactory


def test_words_are_counted_in_text_not_markup():
    assert count_words("Rain fell on the port’s cranes, and it didn't stop.") == 10


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (230, 1), (231, 2), (690, 3), (691, 4)]
)
def test_reading_time_rounds_up_at_230_words_a_minute(words, minutes):
    assert reading_minutes(words) == minutes


def test_reading_speed_is_a_setting(settings):
    settings.READING_WORDS_PER_MINUTE = 100
    assert reading_minutes(250) == 3


@pytest.mark.django_db
def test_word_count_and_reading_time_are_computed_on_save():
    body = "<p>" + " ".join(["word"] * 500) + "</p><h2>Heading here</h2>"
    article = ArticleFactory(body=body)

    assert article.word_count == 502
    assert article.reading_minutes == 3
    article.body = "<p>Short now.</p>"
    article.save()
    article.refresh_from_db()
    assert (article.word_count, article.reading_minutes) == (2, 1)
