"""TimelineJS3 JSON: each date carries only the fields its granularity supports; ranges show their dates.

TimelineJS renders a slide's headline and text as HTML: both are escaped here, with Django's escaping.
"""

from django.utils.html import escape, format_html

from newsdates import granularity

from . import ExportFormat, register
from .records import each_event, json_object, source_names

TITLE = {"text": {"headline": "Dateline", "text": "<p>Events and who reports them.</p>"}}


def slide(event) -> dict:
    shown = {
        "unique_id": f"event-{event.pk}",
        "start_date": granularity.timelinejs_date(event.granularity, event.start),
        "text": {
            "headline": escape(event.headline),
            "text": format_html("<p>{}</p><p>Sources: {}</p>", event.summary, ", ".join(source_names(event))),
        },
        "group": event.granularity,
    }
    if event.granularity != "day":
        shown["end_date"] = granularity.timelinejs_date(event.granularity, event.end)
        shown["display_date"] = escape(granularity.describe(event.granularity, event.start, event.end))
    return shown


def stream(articles, events):
    return json_object([("title", TITLE), ("events", (slide(e) for e in each_event(events)))])


register(ExportFormat("timelinejs", "timelinejs.json", "application/json", "TimelineJS", stream))
