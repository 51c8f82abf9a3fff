"""TIMEX3 values and the calendar intervals they cover."""

import re
from calendar import monthrange
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def month_value(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def week_value(day: date) -> str:
    """The ISO week of `day` as the TIMEX3 guidelines write it: "2000-W07", "2019-W16" (zero-padded)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


_PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)$")


def without_part_of_day(value: str) -> str:
    """The day of a value that names a part of it ("2019-04-24TEV" is 2019-04-24), other values as they are:
    the timeline works in days and clock times."""
    found = _PART_OF_DAY.match(value)
    return found[1] if found else value


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(?:-WE)?$")  # "2000-W7" and "2000-W07" alike
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")  # "197" as the guidelines write a decade, "197X" as some annotators do
_CENTURY = re.compile(r"^(\d{2})$")


def interval(value: str, mod: str = "") -> tuple[date, date] | None:
    """First and last day a DATE/TIME value covers; None for durations, sets and vague references."""
    span = _interval(value)
    if span is None or mod not in ("START", "MID", "END"):
        return span
    first, last = span
    length = (last - first).days + 1
    if length < 3:
        return span
    third = length // 3
    if mod == "START":
        return first, first + timedelta(days=third - 1)
    if mod == "MID":
        return first + timedelta(days=third), last - timedelta(days=third)
    return last - timedelta(days=third - 1), last


def _interval(value: str) -> tuple[date, date] | None:
    try:
        if match := _DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return day, day
        if match := _MONTH.match(value):
            year, month = int(match[1]), int(match[2])
            return date(year, month, 1), last_day_of_month(year, month)
        if match := _WEEK.match(value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            if value.endswith("-WE"):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if match := _YEAR.match(value):
            year = int(match[1])
            return date(year, 1, 1), date(year, 12, 31)
        if match := _QUARTER.match(value):
            year, quarter = int(match[1]), int(match[2])
            return date(year, 3 * quarter - 2, 1), last_day_of_month(year, 3 * quarter)
        if match := _HALF.match(value):
            year, half = int(match[1]), int(match[2])
            return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
        if match := _SEASON.match(value):
            year, (first, last) = int(match[1]), SEASON_MONTHS[match[2]]
            if first > last:  # winter runs into the next year
                return date(year, first, 1), last_day_of_month(year + 1, last)
            return date(year, first, 1), last_day_of_month(year, last)
        if match := _DECADE.match(value):
            decade = int(match[1]) * 10
            return date(decade, 1, 1), date(decade + 9, 12, 31)
        if match := _CENTURY.match(value):
            century = int(match[1]) * 100
            return date(max(century, 1), 1, 1), date(century + 99, 12, 31)
    except ValueError:
        return None
    return None


def granularity(value: str) -> str:
    """The unit a value is precise to: day, week, month, quarter, season, half, year, decade, century."""
    if _DAY.match(value):
        return "day"
    if _WEEK.match(value):
        return "week"
    if _MONTH.match(value):
        return "month"
    if _QUARTER.match(value):
        return "quarter"
    if _SEASON.match(value):
        return "season"
    if _HALF.match(value):
        return "half"
    if _YEAR.match(value):
        return "year"
    if _DECADE.match(value):
        return "decade"
    if _CENTURY.match(value):
        return "century"
    return ""
