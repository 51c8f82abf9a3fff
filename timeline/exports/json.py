"""The timeline as JSON: articles and events with every mention (the schema is in the README)."""

from . import ExportFormat, register
from .records import article_record, each_article, each_event, event_record, json_object


def stream(articles, events):
    return json_object([
        ("articles", (article_record(a) for a in each_article(articles))),
        ("events", (event_record(e) for e in each_event(events))),
    ])


register(ExportFormat("json", "timeline.json", "application/json", "JSON", stream))
