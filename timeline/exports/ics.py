"""The timeline as an iCalendar file: all-day events (RFC 5545), DTEND the day after the last day."""

from datetime import timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from newsdates import granularity

from . import ExportFormat, register
from .records import each_event, source_names


def entry(event, domain: str = "dateline.local") -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", f"event-{event.pk}@{domain}")
    item.add("summary", event.headline)
    item.add("dtstart", event.start)
    item.add("dtend", event.end + timedelta(days=1))
    item.add("dtstamp", event.updated_at)
    shown = granularity.describe(event.granularity, event.start, event.end)
    item.add("description", f"{event.summary}\n\n{shown} ({event.value}). Sources: {', '.join(source_names(event))}")
    return item


def stream(articles, events):
    """The calendar's head, each event as it is read, then its end: the calendar is never whole in memory."""
    calendar = Calendar()
    calendar.add("prodid", "-//Dateline//timeline//EN")
    calendar.add("version", "2.0")
    head, end = calendar.to_ical().split(b"END:VCALENDAR")
    yield head
    for event in each_event(events):
        yield entry(event).to_ical()
    yield b"END:VCALENDAR" + end


register(ExportFormat("ics", "timeline.ics", "text/calendar; charset=utf-8", "Calendar (.ics)", stream))
