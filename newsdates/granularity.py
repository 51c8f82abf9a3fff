"""The units a date can be precise to, defined once for the engine's values, the models, the pages,
the exports and the admin: finest first."""

from dataclasses import dataclass
from datetime import date

from . import calendar as cal


@dataclass(frozen=True)
class Granularity:
    name: str
    label: str
    timelinejs_fields: tuple[str, ...]  # the parts of a TimelineJS date that this precision supports
    editable: bool = False  # offered to editors as "that day", "its week"…, given a day


GRANULARITIES = (
    Granularity("day", "day", ("year", "month", "day"), editable=True),
    Granularity("week", "week", ("year", "month", "day"), editable=True),
    Granularity("month", "month", ("year", "month"), editable=True),
    Granularity("quarter", "quarter", ("year", "month")),
    Granularity("season", "season", ("year", "month")),
    Granularity("half", "half year", ("year", "month")),
    Granularity("year", "year", ("year",), editable=True),
    Granularity("decade", "decade", ("year",)),
    Granularity("century", "century", ("year",)),
)
BY_NAME = {granularity.name: granularity for granularity in GRANULARITIES}
_RANK = {granularity.name: rank for rank, granularity in enumerate(GRANULARITIES)}


def choices() -> list[tuple[str, str]]:
    return [(granularity.name, granularity.label) for granularity in GRANULARITIES]


def at_most(name: str, coarsest: str) -> bool:
    """Whether `name` is as fine as `coarsest` or finer ("week" is at most "month")."""
    return _RANK.get(name, len(_RANK)) <= _RANK[coarsest]


def value_of(name: str, day: date) -> str:
    """The TIMEX3 value of the period of this precision that holds `day` (for editors)."""
    if name == "day":
        return day.isoformat()
    if name == "week":
        return cal.week_value(day)
    if name == "month":
        return cal.month_value(day)
    if name == "year":
        return f"{day.year:04d}"
    raise ValueError(f"editors give dates as a day, a week, a month or a year, not a {name}")


def describe(name: str, start: date, end: date) -> str:
    """The date as a reader should see it, at its true precision: never a fake day."""
    if name == "day":
        return f"{start.day} {start:%B %Y}"
    if name == "week":
        return f"week of {start.day} {start:%B %Y}"
    if name == "month":
        return f"{start:%B %Y}"
    if name == "year":
        return str(start.year)
    if name == "decade":
        return f"{start.year}s"
    if name == "century":
        return f"{start.year // 100 + 1}th century"
    return f"{start:%B %Y} – {end:%B %Y}" if start.year == end.year else f"{start:%b %Y} – {end:%b %Y}"


def timelinejs_date(name: str, day: date) -> dict:
    fields = BY_NAME[name].timelinejs_fields if name in BY_NAME else ("year",)
    return {field: getattr(day, field) for field in fields}
