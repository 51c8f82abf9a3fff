"""TimelineJS3 JSON: each date carries only the fields its granularity supports; ranges show their dates."""

import json

from newsdates import granularity

from . import ExportFormat, register
from .records import source_names, with_mentions


def timelinejs(events, title: str = "Dateline") -> dict:
    slides = []
    for event in with_mentions(events):
        slide = {
            "unique_id": f"event-{event.pk}",
            "start_date": granularity.timelinejs_date(event.granularity, event.start),
            "text": {
                "headline": event.headline,
                "text": f"<p>{_escape(event.summary)}</p><p>Sources: {_escape(', '.join(source_names(event)))}</p>",
            },
            "group": event.granularity,
        }
        if event.granularity not in ("day",):
            slide["end_date"] = granularity.timelinejs_date(event.granularity, event.end)
            slide["display_date"] = granularity.describe(event.granularity, event.start, event.end)
        slides.append(slide)
    return {"title": {"text": {"headline": title, "text": "<p>Events and who reports them.</p>"}}, "events": slides}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(articles, events) -> bytes:
    return json.dumps(timelinejs(events), ensure_ascii=False, indent=2).encode()


register(ExportFormat("timelinejs", "timelinejs.json", "application/json", "TimelineJS", render))
