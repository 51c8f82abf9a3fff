"""The visual time axis: event density over time on a piecewise scale.

A story can run from 1949 to one dense week in 2019. Each period that has events gets a slot of the
same width, whatever its distance from the next; a run of empty periods shrinks to a narrow break.
Periods are years, months or days, whichever the shown span calls for, and each slot links to the
timeline narrowed to its period.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, Min
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

WIDTH = 1000
HEIGHT = 64
BREAK_WIDTH = 14
BASELINE = 4  # room under the bars


@dataclass
class Slot:
    label: str  # "2019", "Apr 2019", "24 Apr"
    period: str  # the URL value: "2019", "2019-04", "2019-04-24"
    count: int
    x: float = 0.0
    width: float = 0.0
    height: float = 0.0
    y: float = 0.0
    is_break: bool = False
    show_label: bool = True


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
    rows = events.order_by().annotate(**fields).values(*fields).annotate(n=Count("id")).order_by(*fields)
    slots = []
    for row in rows:
        if unit == "year":
            slots.append(Slot(str(row["year"]), f"{row['year']:04d}", row["n"]))
        elif unit == "month":
            day = date(row["year"], row["month"], 1)
            slots.append(Slot(f"{day:%b %Y}", f"{day:%Y-%m}", row["n"]))
        else:
            day = date(row["year"], row["month"], row["day"])
            slots.append(Slot(f"{day.day} {day:%b}", day.isoformat(), row["n"]))
    return unit, slots


def _next_period(period: str, unit: str) -> str:
    if unit == "year":
        return f"{int(period) + 1:04d}"
    if unit == "month":
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (date.fromisoformat(period) + timedelta(days=1)).isoformat()


def layout(unit: str, slots: list[Slot]) -> list[Slot]:
    """Place slots on the strip: equal widths for periods with events, a narrow break for each gap."""
    placed: list[Slot] = []
    for slot in slots:
        if placed and _next_period(placed[-1].period, unit) != slot.period:
            placed.append(Slot("…", "", 0, is_break=True))
        placed.append(slot)
    if not placed:
        return []
    breaks = sum(1 for s in placed if s.is_break)
    full = len(placed) - breaks
    slot_width = (WIDTH - breaks * BREAK_WIDTH) / max(1, full)
    biggest = max(s.count for s in placed) or 1
    x = 0.0
    label_every = max(1, round(60 / max(slot_width, 1)))  # about one label per 60 units of width
    for index, slot in enumerate(placed):
        slot.x = x
        slot.width = BREAK_WIDTH if slot.is_break else slot_width
        slot.height = 0 if slot.is_break else max(3.0, (HEIGHT - BASELINE - 4) * (slot.count / biggest) ** 0.5)
        slot.y = HEIGHT - BASELINE - slot.height
        slot.show_label = not slot.is_break and (index % label_every == 0)
        x += slot.width
    return placed
