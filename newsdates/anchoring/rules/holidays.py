"""Holidays: "Christmas Day", "last Easter", "Thanksgiving 2005", "Easter week"."""

from datetime import date, timedelta

import regex
from dateutil.easter import easter

from ... import calendar as cal
from ...lexicon import HOLIDAY_GREETINGS, HOLIDAYS, THINGS_OF_A_HOLIDAY
from ..patterns import YEAR, I, meaning, one_of, relative
from ..provenance import Cue, CueKind, Direction, Reason
from ..rule import Example, Rule
from ..spans import POST, make, publication, waiting
from ..tense import direction
from ..years import past_tolerance


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _last_monday_of_may(year: int) -> date:
    last = date(year, 5, 31)
    return last - timedelta(days=last.weekday())


# The day of each holiday in a year, by the start of its name; longest first where one starts another
# ("christmas eve" before "christmas").
_DAY_OF_HOLIDAY = [
    ("christmas eve", lambda y: date(y, 12, 24)),
    ("christmas", lambda y: date(y, 12, 25)),
    ("xmas", lambda y: date(y, 12, 25)),
    ("new year's eve", lambda y: date(y, 12, 31)),
    ("new year", lambda y: date(y, 1, 1)),
    ("thanksgiving", lambda y: _nth_weekday(y, 11, 3, 4)),
    ("good friday", lambda y: easter(y) - timedelta(days=2)),
    ("easter monday", lambda y: easter(y) + timedelta(days=1)),
    ("easter", easter),
    ("election day", lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1)),
    ("independence day", lambda y: date(y, 7, 4)),
    ("valentine", lambda y: date(y, 2, 14)),
    ("halloween", lambda y: date(y, 10, 31)),
    ("labor day", lambda y: _nth_weekday(y, 9, 0, 1)),
    ("memorial day", _last_monday_of_may),
]

_THINGS_OF_A_HOLIDAY = regex.compile(rf"['\u2019]?s?\s+(?i:{one_of(THINGS_OF_A_HOLIDAY)})\b")
_NOT_A_HOLIDAY_BEFORE = regex.compile(rf"\b(?i:{one_of(HOLIDAY_GREETINGS)})\s+$")


def _holiday_date(name: str, year: int) -> date:
    name = name.lower().replace("’", "'")
    for prefix, day_in in _DAY_OF_HOLIDAY:
        if name.startswith(prefix):
            return day_in(year)
    raise ValueError(name)


def holiday(match, context):
    name = match.group("holiday")
    word = (match.group("relative") or "").lower()
    # (a post's "Christmas shopping", "Xmas treats" date the season it was written in)
    if (_THINGS_OF_A_HOLIDAY.match(context.text, match.end()) and context.kind != POST) or _NOT_A_HOLIDAY_BEFORE.search(context.text, max(0, match.start() - 12), match.start()):
        return None  # "Christmas trees", "Christmas Island", "Merry Christmas": things and names, no day
    if match.group("year"):
        day = _holiday_date(name, int(match.group("year")))
        return make(match, context, "DATE", cal.week_value(day) if name.lower().endswith("week") else day.isoformat(), why="holiday")
    if missing := waiting(match, context):
        return missing
    published = context.published
    this_year = _holiday_date(name, published.year)
    steps = meaning(word).steps if word else None
    if steps == -1:
        cue = Cue(Direction.PAST, CueKind.RELATIVE_WORD, "last")
    elif steps == 1:
        cue = Cue(Direction.FUTURE, CueKind.RELATIVE_WORD, "next")
    else:
        cue = direction(context.text, match.start(), match.end())
    way = cue.direction
    if steps == 0:  # "this Christmas"
        day, way = this_year, Direction.NONE
    else:
        options = [_holiday_date(name, y) for y in (published.year - 1, published.year, published.year + 1)]
        day = min(options, key=lambda d: abs((d - published).days))
        if steps == -1 or (way is Direction.PAST and (day - published).days > past_tolerance(context, match)):
            day = max(d for d in options if d <= published)
        elif steps == 1 or (way is Direction.FUTURE and (published - day).days > 92):
            day = min(d for d in options if d >= published)
    value = cal.week_value(day) if name.lower().endswith("week") else day.isoformat()
    return make(match, context, "DATE", value, origin=publication(context), heading=way, why=Reason("holiday: ", cue))


RULES = [
    Rule(
        "holiday", 200,
        rf"(?:{relative('last', 'next', 'this')}\s+)?(?P<holiday>{one_of(HOLIDAYS)}|{one_of(name.upper() for name in HOLIDAYS)}|{I(r'xmas')})(?:\s+(?P<year>{YEAR}))?",
        holiday,
        examples=(
            Example("The boy arrived on Thanksgiving Day.", date(2000, 1, 6), "1999-11-25", matched="Thanksgiving Day"),
            Example("Protesters gathered as Easter week began.", date(2000, 4, 17), "2000-W16", matched="Easter week"),
            Example("Brown, the singer, died on Christmas Day.", date(2006, 11, 29), "2005-12-25", matched="Christmas Day"),
        ),
    ),
]
