"""The timeline as data: JSON (the schema in the README), TimelineJS3, CSV and iCalendar.

Shared by the export_timeline command and the download views; each takes querysets of articles and
events, already filtered, and reads them in a constant number of queries.
"""

import csv
import io
import json
from datetime import timedelta

from django.db.models import Prefetch
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from articles.models import Article

from .models import Event, Mention

FORMATS = ("json", "timelinejs", "csv", "ics")
CONTENT_TYPES = {
    "json": "application/json",
    "timelinejs": "application/json",
    "csv": "text/csv; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}


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


def with_mentions(events):
    """Events with their live mentions and those mentions' articles and sources, in three queries."""
    mentions = Mention.objects.exclude(status=Mention.Status.REMOVED).select_related("article__source", "article__agency").order_by(
        "article__published", "article_id", "phrase_start"
    )
    return events.prefetch_related(Prefetch("mentions", queryset=mentions, to_attr="cited"))


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


def timeline_json(articles, events) -> dict:
    return {
        "articles": [article_record(a) for a in articles.select_related("source", "agency")],
        "events": [event_record(e) for e in with_mentions(events)],
    }


def display_date(event: Event) -> str:
    """The date as a reader should see it, at its true granularity: never a fake day."""
    start, end = event.start, event.end
    if event.granularity == "day":
        return f"{start.day} {start:%B %Y}"
    if event.granularity == "week":
        return f"week of {start.day} {start:%B %Y}"
    if event.granularity == "month":
        return f"{start:%B %Y}"
    if event.granularity == "year":
        return str(start.year)
    if event.granularity == "decade":
        return f"{start.year}s"
    if event.granularity == "century":
        return f"{start.year // 100 + 1}th century"
    return f"{start:%B %Y} – {end:%B %Y}" if start.year == end.year else f"{start:%b %Y} – {end:%b %Y}"


def _timelinejs_date(day, granularity: str) -> dict:
    date = {"year": day.year}
    if granularity in ("day", "week", "month", "quarter", "season", "half"):
        date["month"] = day.month
    if granularity in ("day", "week"):
        date["day"] = day.day
    return date


def timelinejs(events, title: str = "Dateline") -> dict:
    """TimelineJS3 JSON: each date carries only the fields its granularity supports; ranges show their dates."""
    slides = []
    for event in with_mentions(events):
        sources = sorted({m.article.source_label for m in event.cited})
        slide = {
            "unique_id": f"event-{event.pk}",
            "start_date": _timelinejs_date(event.start, event.granularity),
            "text": {
                "headline": event.headline,
                "text": f"<p>{_escape(event.summary)}</p><p>Sources: {_escape(', '.join(sources))}</p>",
            },
            "group": event.granularity,
        }
        if event.granularity not in ("day",):
            slide["end_date"] = _timelinejs_date(event.end, event.granularity)
            slide["display_date"] = display_date(event)
        slides.append(slide)
    return {"title": {"text": {"headline": title, "text": "<p>Events and who reports them.</p>"}}, "events": slides}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


CSV_COLUMNS = [
    "event_id", "event_value", "event_start", "event_end", "granularity", "event_title", "sources",
    "article_id", "article_file", "article_source", "article_published", "phrase", "phrase_start", "phrase_end",
    "mention_value", "rule", "anchor", "quote",
]


def timeline_csv(events) -> str:
    """One row per mention."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in with_mentions(events):
        for mention in event.cited:
            article = mention.article
            writer.writerow([
                event.pk, event.value, event.start.isoformat(), event.end.isoformat(), event.granularity, event.headline,
                event.source_count, article.pk, article.file_name, article.source_label,
                article.published.isoformat() if article.published else "", mention.phrase, mention.phrase_start,
                mention.phrase_end, mention.value, mention.rule, mention.anchor, mention.quote,
            ])
    return buffer.getvalue()


def timeline_ics(events, domain: str = "dateline.local") -> bytes:
    """All-day events (RFC 5545): DTEND is the day after the last day, as the standard asks."""
    calendar = Calendar()
    calendar.add("prodid", "-//Dateline//timeline//EN")
    calendar.add("version", "2.0")
    for event in with_mentions(events):
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{domain}")
        entry.add("summary", event.headline)
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end + timedelta(days=1))
        entry.add("dtstamp", event.updated_at)
        sources = sorted({m.article.source_label for m in event.cited})
        entry.add("description", f"{event.summary}\n\n{display_date(event)} ({event.value}). Sources: {', '.join(sources)}")
        calendar.add_component(entry)
    return calendar.to_ical()


def render(format: str, articles, events) -> bytes:
    if format == "json":
        return json.dumps(timeline_json(articles, events), ensure_ascii=False, indent=2).encode()
    if format == "timelinejs":
        return json.dumps(timelinejs(events), ensure_ascii=False, indent=2).encode()
    if format == "csv":
        return timeline_csv(events).encode()
    if format == "ics":
        return timeline_ics(events)
    raise ValueError(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
