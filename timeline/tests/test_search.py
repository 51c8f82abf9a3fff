"""The text filter: full-text search on PostgreSQL, a plain match on SQLite."""

import pytest
from django.db import connection

from timeline.filters import filter_events
from timeline.models import Event

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")


def headlines(words: str) -> list[str]:
    return [e.headline for e in filter_events({"q": words})]


def test_it_finds_words_in_headlines_and_in_the_quotes_of_an_events_mentions(built):
    found = filter_events({"q": "Hanoi"})
    assert found and all(
        "hanoi" in (e.headline + e.summary).lower() or e.mentions.filter(quote__icontains="hanoi").exists() for e in found
    )
    assert len(found) < Event.objects.count()


@on_postgresql
def test_on_postgresql_words_match_by_their_stems_and_phrases(built):
    assert set(headlines("summits")) == set(headlines("summit"))  # English stems: one word, any form
    assert headlines("summit") and headlines('"armoured train"')
    assert not headlines('"train armoured"')  # a quoted phrase keeps its order
    assert set(headlines("Vladivostok -Putin")) <= set(headlines("Vladivostok"))  # websearch syntax


@on_postgresql
def test_on_postgresql_the_search_uses_its_indexes(built):
    sql, params = filter_events({"q": "summit"}).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "timeline_event_search" in plan and "timeline_mention_search" in plan
