"""Arbitrary bytes never break ingestion: an article, or a reason it is not one; nothing half-made."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import IngestError, decode, ingest_text
from articles.models import Article

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])
payloads = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=3000).map(lambda t: t.encode("utf-8")),
    st.text(alphabet=st.characters(codec="cp1252"), max_size=2000).map(lambda t: t.encode("cp1252")),
)


@pytest.mark.django_db
@SETTINGS
@given(payloads)
def test_ingest_keeps_an_article_or_says_why_not(data):
    before = Article.objects.count()
    try:
        text = decode(data)
        outcome = ingest_text(text, "story.txt")
    except IngestError as error:
        assert str(error)
        assert Article.objects.count() == before  # nothing half-made
        return
    assert outcome.status in ("added", "updated", "unchanged", "duplicate")
    article = Article.objects.get(pk=outcome.article_id)
    assert "\x00" not in article.raw_text and article.body.strip()
