"""The timeline as CSV: one row per mention.

A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is
written with a leading apostrophe, so that opening an export never runs what an article said.
"""

import csv
import io

from . import ExportFormat, register
from .records import each_event

COLUMNS = [
    "event_id", "event_value", "event_start", "event_end", "granularity", "event_title", "sources",
    "article_id", "article_file", "article_source", "article_published", "phrase", "phrase_start", "phrase_end",
    "mention_value", "rule", "anchor", "quote",
]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(cell):
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS) else cell


def rows(events):
    yield COLUMNS
    for event in each_event(events):
        for mention in event.cited:
            article = mention.article
            yield [inert(cell) for cell in (
                event.pk, event.value, event.start.isoformat(), event.end.isoformat(), event.granularity, event.headline,
                event.source_count, article.pk, article.file_name, article.source_label,
                article.published.isoformat() if article.published else "", mention.phrase, mention.phrase_start,
                mention.phrase_end, mention.value, mention.rule, mention.anchor, mention.quote,
            )]


def stream(articles, events):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows(events):
        writer.writerow(row)
        if buffer.tell() > 64_000:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


register(ExportFormat("csv", "timeline.csv", "text/csv; charset=utf-8", "CSV", stream))
