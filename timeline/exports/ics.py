"""The timeline as an iCalendar file: all-day events (RFC 5545), DTEND the day after the last day."""

from datetime import timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from newsdates import granularity

from . import ExportFormat, register
from .records import source_names, with_mentions


def timeline_ics(events, domain: str = "dateline.local") -> bytes:
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
        shown = granularity.describe(event.granularity, event.start, event.end)
        entry.add("description", f"{event.summary}\n\n{shown} ({event.value}). Sources: {', '.join(source_names(event))}")
        calendar.add_component(entry)
    return calendar.to_ical()


def render(articles, events) -> bytes:
    return timeline_ics(events)


register(ExportFormat("ics", "timeline.ics", "text/calendar; charset=utf-8", "Calendar (.ics)", render))
