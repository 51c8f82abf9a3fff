"""The timeline as JSON: articles and events with every mention (the schema is in the README)."""

import json

from . import ExportFormat, register
from .records import article_record, event_record, with_mentions


def timeline_json(articles, events) -> dict:
    return {
        "articles": [article_record(a) for a in articles.select_related("source", "agency")],
        "events": [event_record(e) for e in with_mentions(events)],
    }


def render(articles, events) -> bytes:
    return json.dumps(timeline_json(articles, events), ensure_ascii=False, indent=2).encode()


register(ExportFormat("json", "timeline.json", "application/json", "JSON", render))
