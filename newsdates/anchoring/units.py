"""Counted time: numbers in words and digits, units, TIMEX3 durations, and moving a day by whole units."""

from datetime import date, timedelta

import regex

from .. import calendar as cal
from ..lexicon import NUMBER_WORDS, UNIT_CODES, UNIT_SPELLINGS


def number(word: str) -> float | None:
    word = " ".join(word.lower().split())
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if regex.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", word):
        return float(word.replace(",", ""))
    if fraction := regex.fullmatch(r"(\d+)\s+(\d)/(\d)", word):
        return int(fraction[1]) + int(fraction[2]) / int(fraction[3])
    if word.endswith(" and a half"):
        base = number(word[: -len(" and a half")])
        return base + 0.5 if base is not None else None
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return None


def unit_key(word: str) -> str:
    word = word.lower()
    word = UNIT_SPELLINGS.get(word, UNIT_SPELLINGS.get(word.rstrip("s"), word))
    return "century" if word.startswith("centur") else word.rstrip("s")


def is_time_of_day(unit: str) -> bool:
    """Hours, minutes and seconds: counted from a moment, which a day cannot place."""
    return UNIT_CODES[unit_key(unit)][1]


def duration_value(amount_of_units: float | None, unit: str) -> str:
    code, is_time, multiple = UNIT_CODES[unit_key(unit)]
    prefix = "PT" if is_time else "P"
    if amount_of_units is None:
        return f"{prefix}X{code}"
    amount = amount_of_units * multiple
    if amount != int(amount):
        if is_time and code == "H":
            return f"PT{int(amount)}H{int(round((amount - int(amount)) * 60))}M"
        if code == "Y":
            return f"P{int(amount * 12)}M"
        if code == "D":
            return f"PT{int(amount * 24)}H"
        return f"{prefix}{amount:g}{code}"
    return f"{prefix}{int(amount)}{code}"


def shift(day: date, amount_of_units: float, unit: str) -> date | None:
    """The day `amount_of_units` units away, or None beyond the calendar ("4,000 years ago")."""
    code, is_time, multiple = UNIT_CODES[unit_key(unit)]
    amount = amount_of_units * multiple
    try:
        if is_time:
            return day  # hours and minutes stay on the day
        if code == "D":
            return day + timedelta(days=round(amount))
        if code == "W":
            return day + timedelta(weeks=round(amount))
        if code == "M":
            return cal.add_months(day, round(amount))
        return cal.add_years(day, round(amount))
    except (ValueError, OverflowError):
        return None


def value_at(day: date, unit: str) -> str:
    """The value of the day, as precise as the unit counted to reach it ("two months ago": a month)."""
    code, is_time, multiple = UNIT_CODES[unit_key(unit)]
    if is_time or code == "D":
        return day.isoformat()
    if code == "W":
        return cal.week_value(day)
    if code == "M":
        return cal.month_value(day)
    return f"{day.year:04d}"


def unit_value(day: date, unit: str) -> str:
    """The value of the calendar unit (a week, a quarter…) the day is in."""
    unit = unit.lower()
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "month":
        return cal.month_value(day)
    if unit == "week":
        return cal.week_value(day)
    if unit == "weekend":
        return cal.week_value(day) + "-WE"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    if unit == "season":
        code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(day.month, "FA")
        return f"{day.year if day.month != 1 and day.month != 2 else day.year - 1:04d}-{code}"
    raise ValueError(unit)


def step(day: date, unit: str, steps: int) -> date:
    """The day `steps` calendar units (weeks, quarters…) away."""
    unit = unit.lower()
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=steps)
    if unit == "month":
        return cal.add_months(day, steps)
    if unit == "quarter":
        return cal.add_months(day, 3 * steps)
    if unit == "season":
        return cal.add_months(day, 3 * steps)
    if unit == "year":
        return cal.add_years(day, steps)
    if unit == "decade":
        return cal.add_years(day, 10 * steps)
    return cal.add_years(day, 100 * steps)
