"""The time axis: what the interactive axis loads, where it starts, and the overview drawn without JavaScript.

The browser draws the zoomable axis (vis-timeline, `static/dateline-axis.js`) from `axis_data()`: every
event matching the filters as a point (a day) or a range (its week, month, year…), with its sources for
the one-lane-per-source view, and an initial window on the densest stretch, so that one 1949 event
does not squash the week in April 2019 that most reports are about.

Without JavaScript the page shows `overview()`: event counts by year, month or day (whichever the
span calls for) on a true linear scale, with date labels under their ticks; each bar links to the
timeline narrowed to its period.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, Min
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from articles.models import Source

from .filters import UNKNOWN_SOURCE
from .models import Reporter

HEIGHT = 64  # the bars' area, in SVG units; labels sit under it
TITLE_CHARACTERS = 90  # an item on the axis needs no more; the list has the whole headline


@dataclass
class Slot:
    label: str  # "2019", "Apr 2019", "24 Apr 2019"
    period: str  # the URL value: "2019", "2019-04", "2019-04-24"
    count: int
    first: date
    last: date
    x: float = 0.0  # percentages of the width
    width: float = 0.0
    height: float = 0.0  # SVG units
    y: float = 0.0
    href: str = ""  # the query string that narrows the timeline to it (set by the view)

    @property
    def drawn(self) -> dict[str, str]:
        """Its SVG attributes, written out once here (a year axis has hundreds of bars)."""
        return {"x": f"{self.x:.3f}", "width": f"{self.width:.3f}", "y": f"{self.y:.1f}", "height": f"{self.height:.1f}"}


@dataclass
class Tick:
    label: str
    x: float  # percentage of the width
    anchor: str = "middle"


def unit_for(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return "year"
    days = (last - first).days
    if days <= 62:
        return "day"
    if days <= 3 * 366:
        return "month"
    return "year"


def density(events, first: date | None = None, last: date | None = None) -> tuple[str, list[Slot]]:
    """Counts of events by period, in one query; the unit follows the span of dates shown."""
    if first is None or last is None:
        bounds = events.order_by().aggregate(earliest=Min("start"), latest=Max("start"))
        if bounds["earliest"] is None:
            return "year", []
        first, last = first or bounds["earliest"], last or bounds["latest"]
    unit = unit_for(first, last)
    fields = {"year": ExtractYear("start")}
    if unit in ("month", "day"):
        fields["month"] = ExtractMonth("start")
    if unit == "day":
        fields["day"] = ExtractDay("start")
    rows = events.order_by().annotate(**fields).values(*fields).annotate(n=Count("*")).order_by(*fields)
    slots = []
    for row in rows:
        if unit == "year":
            year = row["year"]
            slots.append(Slot(str(year), f"{year:04d}", row["n"], date(year, 1, 1), date(year, 12, 31)))
        elif unit == "month":
            day = date(row["year"], row["month"], 1)
            following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
            slots.append(Slot(f"{day:%b %Y}", f"{day:%Y-%m}", row["n"], day, following - timedelta(days=1)))
        else:
            day = date(row["year"], row["month"], row["day"])
            slots.append(Slot(f"{day.day} {day:%b %Y}", day.isoformat(), row["n"], day, day))
    return unit, slots


def _nice_steps(unit: str) -> tuple[int, ...]:
    return {"year": (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000), "month": (1, 2, 3, 6, 12), "day": (1, 2, 7, 14)}[unit]


def overview(unit: str, slots: list[Slot], most_labels: int = 6) -> tuple[list[Slot], list[Tick]]:
    """Place the slots on a true linear scale (percentages of the width) and choose date ticks for it."""
    if not slots:
        return [], []
    first, last = slots[0].first, slots[-1].last
    span = (last - first).days + 1
    biggest = max(slot.count for slot in slots)
    for slot in slots:
        slot.x = 100 * (slot.first - first).days / span
        slot.width = max(100 * ((slot.last - slot.first).days + 1) / span, 0.4)
        slot.x = min(slot.x, 100 - slot.width)
        slot.height = max(3.0, (HEIGHT - 4) * math.sqrt(slot.count / biggest))
        slot.y = HEIGHT - slot.height
    return slots, _ticks(unit, first, last, span, most_labels)


def _ticks(unit: str, first: date, last: date, span: int, most_labels: int) -> list[Tick]:
    def x_of(day: date) -> float:
        return 100 * (day - first).days / span

    ticks: list[Tick] = []
    if unit == "year":
        years = last.year - first.year + 1
        step = next((s for s in _nice_steps(unit) if years / s <= most_labels), 1000)
        year = first.year if years <= most_labels else math.ceil(first.year / step) * step
        while year <= last.year:
            ticks.append(Tick(str(year), x_of(date(year, 1, 1))))
            year += step
    elif unit == "month":
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = next((s for s in _nice_steps(unit) if months / s <= most_labels), 12)
        index = first.year * 12 + first.month - 1
        while index <= last.year * 12 + last.month - 1:
            day = date(index // 12, index % 12 + 1, 1)
            ticks.append(Tick(f"{day:%b %Y}" if day.month == 1 or not ticks else f"{day:%b}", x_of(day)))
            index += step
    else:
        step = next((s for s in _nice_steps(unit) if span / s <= most_labels), 14)
        day = first
        while day <= last:
            ticks.append(Tick(f"{day.day} {day:%b}", x_of(day)))
            day += timedelta(days=step)
    for tick in ticks:  # a label at either edge reads inwards, so that it is not cut off
        tick.anchor = "start" if tick.x < 6 else "end" if tick.x > 94 else "middle"
    return ticks


def densest_window(intervals: list[tuple[date, date]], share: float = 0.1) -> tuple[date, date] | None:
    """Where the axis should open: the shortest of a few standard windows (a week, a month, a season, a
    year, a decade, a century) holding at least `share` of the events, framed on the events inside it.

    Only events dated to within a season place the window when there are any: a year-long event would
    otherwise pull the frame to January. Returns the first and last day to show, or None for no events."""
    if not intervals:
        return None
    precise = [start for start, end in intervals if (end - start).days <= 92] or [start for start, _ in intervals]
    days = sorted(precise)
    wanted = max(1, math.ceil(len(days) * share))
    for width in (7, 31, 92, 366, 3653, 36525):
        best, best_at, ahead = 0, 0, 0
        for behind in range(len(days)):
            while ahead < len(days) and (days[ahead] - days[behind]).days < width:
                ahead += 1
            if ahead - behind > best:
                best, best_at = ahead - behind, behind
        if best >= wanted:
            start, end = days[best_at], days[best_at + best - 1]
            break
    else:
        start, end = days[0], days[-1]
    margin = timedelta(days=max(1, round((end - start).days * 0.08)))
    return start - margin, end + margin + timedelta(days=1)


def axis_data(events, page_size: int) -> dict:
    """What the interactive axis draws: compact rows, in the list's order, so that an item's index gives
    the list page it is on. Three queries whatever the number of events."""
    rows = list(events.values_list("pk", "start", "end", "granularity", "headline"))
    # An event's lanes are its reporters: the outlets and wire agencies the source filter knows it by.
    cited = Reporter.objects.filter(event__in=events.order_by().values("pk")).values_list("event_id", "source__slug")
    pairs = [(event_id, slug or UNKNOWN_SOURCE) for event_id, slug in cited]
    used = {slug for _, slug in pairs}
    sources = [(slug, name) for slug, name in Source.objects.order_by("name").values_list("slug", "name") if slug in used]
    if UNKNOWN_SOURCE in used:
        sources.append((UNKNOWN_SOURCE, "Unknown source"))
    index_of = {slug: index for index, (slug, _) in enumerate(sources)}
    lanes_of: dict[int, list[int]] = {}
    for event_id, slug in pairs:  # a reporter is one row per event and source: no lane twice
        lanes_of.setdefault(event_id, []).append(index_of[slug])
    window = densest_window([(start, end) for _, start, end, _, _ in rows])
    return {
        "count": len(rows),
        "page_size": page_size,
        "window": [window[0].isoformat(), window[1].isoformat()] if window else None,
        "sources": [{"slug": slug, "name": name} for slug, name in sources],
        # [id, first day, last day, granularity, headline, source indexes]
        "events": [
            [pk, start.isoformat(), end.isoformat(), granularity, _short(headline),
             sorted(lanes_of.get(pk, ()))]
            for pk, start, end, granularity, headline in rows
        ],
    }


def _short(text: str) -> str:
    return text if len(text) <= TITLE_CHARACTERS else text[: TITLE_CHARACTERS - 1].rstrip() + "…"
