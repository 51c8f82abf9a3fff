"""What every format reads: events with their cited mentions, a chunk at a time, without the articles' texts."""

import json
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch

from articles.models import Article

from ..models import Event, Mention

CHUNK = 500  # events read (with their mentions) per round of queries

# Loaded with each mention's article: never the article's text, which an export does not need.
_ARTICLE_TEXTS = ("article__raw_text", "article__body", "article__notes")


def with_mentions(events):
    """Events with their live mentions and those mentions' articles and sources, in three queries."""
    mentions = (
        Mention.objects.exclude(status=Mention.Status.REMOVED)
        .select_related("article__source", "article__agency")
        .defer("terms", *_ARTICLE_TEXTS)
        .order_by("article__published", "article_id", "phrase_start")
    )
    return events.defer("terms", "merge_evidence").prefetch_related(Prefetch("mentions", queryset=mentions, to_attr="cited"))


def each_event(events) -> Iterator[Event]:
    """The events with their mentions, read CHUNK at a time: flat memory however many there are."""
    return with_mentions(events).iterator(chunk_size=CHUNK)


def each_article(articles) -> Iterator[Article]:
    return articles.select_related("source", "agency").defer("raw_text", "body", "notes").iterator(chunk_size=CHUNK)


def article_record(article: Article) -> dict:
    return {
        "id": article.pk,
        "file": article.file_name,
        "title": article.title,
        "url": article.url or None,
        "source": {"name": article.source.name, "slug": article.source.slug} if article.source_id else None,
        "source_how": article.source_how,
        "agency": {"name": article.agency.name, "slug": article.agency.slug} if article.agency_id else None,
        "byline": article.byline or None,
        "published": article.published.isoformat() if article.published else None,
        "published_how": article.published_how,
        "published_precision": article.published_precision or None,
        "published_confidence": article.published_confidence,
        "needs_review": article.needs_review,
        "copy_of": article.copy_of_id,
    }


def event_record(event: Event) -> dict:
    return {
        "id": event.pk,
        "value": event.value,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "granularity": event.granularity,
        "title": event.headline,
        "summary": event.summary,
        "status": event.status,
        "sources": event.source_count,
        "mod": event.mod or None,
        "dated_by": event.dated_by,
        "mentions": [
            {
                "article": mention.article_id,
                "quote": mention.quote,
                "phrase": mention.phrase,
                "start": mention.phrase_start,
                "end": mention.phrase_end,
                "value": mention.value,
                "rule": mention.rule,
                "anchor": mention.anchor,
                "reason": mention.reason,
                "dated_by": mention.dated_by,
                "lead": mention.lead,
                "supporting": mention.is_supporting,
            }
            for mention in event.cited
        ],
    }


def source_names(event: Event) -> list[str]:
    return sorted({mention.article.source_label for mention in event.cited})


def json_object(members: Iterable[tuple[str, object]]) -> Iterator[bytes]:
    """A JSON object written as json.dumps(…, indent=2) writes it, in pieces: a member whose value is an
    iterator is streamed as a list, item by item."""
    yield b"{"
    for index, (key, value) in enumerate(members):
        yield (",\n  " if index else "\n  ").encode() + json.dumps(key).encode() + b": "
        if isinstance(value, Iterator):
            yield from _json_list(value)
        else:
            yield _indented(value, 2)
    yield b"\n}"


def _json_list(items: Iterator) -> Iterator[bytes]:
    first = True
    for item in items:
        yield (b"[\n    " if first else b",\n    ") + _indented(item, 4)
        first = False
    yield b"[]" if first else b"\n  ]"


def _indented(value, depth: int) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * depth).encode()
