"""The timeline as CSV: one row per mention."""

import csv
import io

from . import ExportFormat, register
from .records import with_mentions

COLUMNS = [
    "event_id", "event_value", "event_start", "event_end", "granularity", "event_title", "sources",
    "article_id", "article_file", "article_source", "article_published", "phrase", "phrase_start", "phrase_end",
    "mention_value", "rule", "anchor", "quote",
]


def timeline_csv(events) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
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


def render(articles, events) -> bytes:
    return timeline_csv(events).encode()


register(ExportFormat("csv", "timeline.csv", "text/csv; charset=utf-8", "CSV", render))
