"""Words in headlines and quotes: full-text search on PostgreSQL (English stems, GIN indexes, ranked);
a plain case-insensitive match on SQLite, where the app runs for a single user.

On PostgreSQL two expression indexes (migration 0004_text_search) hold the documents searched: an
event's headline and summary, and each mention's quote; a query matches either.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import F, Q

from .models import Event, Mention

CONFIG = "english"


def event_document() -> SearchVector:
    return SearchVector("headline", "summary", config=CONFIG)


def quote_document() -> SearchVector:
    return SearchVector("quote", config=CONFIG)


def matching(events, words: str):
    """The events whose headline, summary or a live mention's quote holds the words; ranked on PostgreSQL
    (events of the same dates: the closer match first)."""
    live = Mention.objects.exclude(status=Mention.Status.REMOVED)
    if connections[events.db].vendor != "postgresql":
        quoted = live.filter(quote__icontains=words).values("event_id")
        return events.filter(Q(headline__icontains=words) | Q(summary__icontains=words) | Q(pk__in=quoted))
    query = SearchQuery(words, config=CONFIG, search_type="websearch")
    # One set of ids from both indexes (a union: an OR with a subquery could use neither).
    said = Event.objects.annotate(document=event_document()).filter(document=query).values("pk")
    quoted = live.annotate(document=quote_document()).filter(document=query).values("event_id")
    return (
        events.filter(pk__in=said.union(quoted))
        .annotate(rank=SearchRank(event_document(), query))
        .order_by("start", "end", F("rank").desc(), "pk")
    )
