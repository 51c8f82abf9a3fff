"""What every format reads: events with their cited mentions, a chunk at a time, without the articles' texts."""

import itertools
import json
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch

from articles.models import Article

from ..models import Event, Mention, is_supporting

CHUNK = 500  # events read (with their mentions) per round of queries
KEPT_ARTICLES = 5000  # cited articles kept between chunks, so that an article is seldom read twice

# Loaded with each mention's article: never the article's text, which an export does not need.
_TEXTS = ("raw_text", "body", "notes")
_ARTICLE_TEXTS = tuple(f"article__{name}" for name in _TEXTS)


def with_mentions(events):
    """Events with their live mentions and those mentions' articles and sources, in three queries."""
    mentions = (
        Mention.objects.exclude(status=Mention.Status.REMOVED)
        .select_related("article__source", "article__agency")
        .defer("terms", *_ARTICLE_TEXTS)
        .order_by("article__published", "article_id", "phrase_start")
    )
    return events.defer("terms", "merge_evidence").prefetch_related(Prefetch("mentions", queryset=mentions, to_attr="cited"))


def each_event(events) -> Iterator["EventRow"]:
    """The events with their mentions, CHUNK at a time: flat memory however many there are.

    Read as plain rows, not model instances (an export of 25,000 articles cites 280,000 mentions): one
    query per chunk for the events, one for their mentions, one for the articles not met before."""
    articles = _Articles()
    rows = events.values_list(*EventRow.__slots__[:-1])  # in the events' own order
    for chunk in itertools.batched(rows.iterator(chunk_size=CHUNK), CHUNK):
        shown = {row[0]: EventRow(*row, []) for row in chunk}
        cited = (
            Mention.objects.filter(event_id__in=shown).exclude(status=Mention.Status.REMOVED)
            .order_by("article__published", "article_id", "phrase_start").values_list("event_id", *MentionRow.FIELDS)
        )
        mentions = [(row[0], row[1:]) for row in cited]
        articles.read({row[0] for _, row in mentions})
        for event_id, row in mentions:
            shown[event_id].cited.append(MentionRow(*row, articles[row[0]]))
        yield from shown.values()


class _Row:
    """A record of named fields (its `__slots__`), given in order."""

    __slots__ = ()

    def __init__(self, *values):
        for name, value in zip(self.__slots__, values, strict=True):
            setattr(self, name, value)


class EventRow(_Row):
    """What an export says of an event: the fields it reads, and its live mentions (`cited`)."""

    __slots__ = ("pk", "value", "start", "end", "granularity", "headline", "summary", "status", "source_count",
                 "mod", "dated_by", "updated_at", "cited")


class MentionRow(_Row):
    FIELDS = ("article_id", "quote", "phrase", "phrase_start", "phrase_end", "value", "rule", "anchor", "reason",
              "dated_by", "lead")
    __slots__ = (*FIELDS, "article")

    @property
    def is_supporting(self) -> bool:
        return is_supporting(self.dated_by, self.lead)


class _Articles(dict):
    """The articles cited so far (without their texts), each read once; at most KEPT_ARTICLES kept."""

    def read(self, wanted: set[int]) -> None:
        missing = wanted - self.keys()
        if len(self) + len(missing) > KEPT_ARTICLES:
            self.clear()
            missing = wanted
        query = Article.objects.filter(pk__in=missing).select_related("source", "agency").defer(*_TEXTS)
        self.update((article.pk, article) for article in query)


def each_article(articles) -> Iterator[Article]:
    return articles.select_related("source", "agency").defer(*_TEXTS).iterator(chunk_size=CHUNK)


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
    """A JSON object written in pieces, one member per line: a member whose value is an iterator is
    streamed as a list, one item per line. Compact separators let json use its C encoder (indent does not),
    which writes a large export several times faster."""
    yield b"{"
    for index, (key, value) in enumerate(members):
        yield (b",\n" if index else b"\n") + _compact(key) + b": "
        if isinstance(value, Iterator):
            yield from _json_list(value)
        else:
            yield _compact(value)
    yield b"\n}\n"


def _json_list(items: Iterator) -> Iterator[bytes]:
    first = True
    for item in items:
        yield (b"[\n  " if first else b",\n  ") + _compact(item)
        first = False
    yield b"[]" if first else b"\n]"


_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def _compact(value) -> bytes:
    return _encode(value).encode()
