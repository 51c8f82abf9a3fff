"""Months and days of a month named without a year, or with a relative one: "April 25", "7th to 9th December",
"the week of March 3", "in February", "last October", "February this year", "July 15 last year"."""

from datetime import date

from ... import calendar as cal
from ...lexicon import AFTER_THE_MODAL_MAY, BARE_MONTH_CONTEXT, MOD_WORDS, NOT_A_SECOND_DAY, NOT_AFTER_THE_MONTH
from ..patterns import DAY, MOD, MONTH, MONTH_FULL, MONTH_SHORT, WEEKDAY, YEAR, I, day_in, meaning, month_in, month_number, one_of, relative
from ..provenance import Cue, CueKind, Direction, Reason
from ..rule import Example, Rule
from ..spans import make, publication, waiting
from ..tense import direction
from ..years import pick_year, year_of

_A_RELATIVE_YEAR = relative("this", "last", "next", "that", "the same", "the following", "the previous", group="which")


def month_relative_year(match, context):
    year, anchor = year_of(match, context)
    if year is None:
        return waiting(match, context)
    mod = MOD_WORDS.get((match.group("mod") or "").lower(), "")
    return make(match, context, "DATE", f"{year:04d}-{month_in(match):02d}", mod=mod, origin=anchor, why="month of a relative year")


def month_day_relative_year(match, context):
    year, anchor = year_of(match, context)
    if year is None:
        return waiting(match, context)
    try:
        day = date(year, month_in(match), day_in(match))
    except ValueError:
        return None
    return make(match, context, "DATE", day.isoformat(), origin=anchor, why="day of a relative year")


def _forced_by(word: str) -> Cue | None:
    """The direction a relative word before a date imposes: "last April 3" is behind, "next April 3" ahead."""
    steps = meaning(word).steps if word else 0
    if steps < 0:
        return Cue(Direction.PAST, CueKind.RELATIVE_WORD, "last")
    if steps > 0:
        return Cue(Direction.FUTURE, CueKind.RELATIVE_WORD, "next")
    return None


def month_day(match, context):
    day = day_in(match)
    month = month_in(match)
    if match.groupdict().get("year"):  # "6-7 January 1916", "June 20 of 1792": the year follows
        year, way, reason = int(match.group("year")), Direction.NONE, Reason("the year that follows")
    elif missing := waiting(match, context):
        return missing
    elif not (picked := pick_year(month, day, context, match, _forced_by((match.group("relative") or "").lower()))):
        return None
    else:
        year, way, reason = picked
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    anchor = None if match.groupdict().get("year") else publication(context)
    why = reason if match.groupdict().get("year") else Reason("no year given: ", reason)
    if match.groupdict().get("day_end"):
        # "April 24-25": two days, each its own expression, sharing the month and the year.
        end_start = match.start("day_end")
        first = make(match, context, "DATE", value.isoformat(), origin=anchor, heading=way, why=why)
        first.end = match.end("day")
        first.text = context.text[first.start : first.end]
        try:
            last_day = date(year, month, day_in(match, "day_end"))
        except ValueError:
            return first
        second = make(match, context, "DATE", last_day.isoformat(), origin=anchor, heading=way,
                      why="second day named with the same month", start=end_start)
        return [first, second]
    return make(match, context, "DATE", value.isoformat(), origin=anchor, heading=way, why=why)


def week_of(match, context):
    span = month_day(match, context)
    if span and span.value:
        span.value = cal.week_value(date.fromisoformat(span.value))
    return span


def month_alone(match, context):
    month = month_number(match.group("month_word"))
    word = (match.group("relative") or "").lower()
    mod = MOD_WORDS.get((match.group("mod") or "").lower(), "")
    if missing := waiting(match, context):
        return missing
    published = context.published
    steps = meaning(word).steps if word else None
    if steps == 0:  # "this March"
        year, way, cue = published.year, Direction.NONE, Cue(Direction.NONE, CueKind.RELATIVE_WORD, word)
        if month < published.month:
            year = published.year if direction(context.text, match.start(), match.end()).direction is Direction.PAST else published.year + 1
        reason = Reason(cue)
    elif steps == -1:
        year = published.year if month < published.month else published.year - 1
        way, reason = Direction.PAST, Reason(Cue(Direction.PAST, CueKind.RELATIVE_WORD, "last"))
    elif steps == 1:
        year = published.year if month > published.month else published.year + 1
        way, reason = Direction.FUTURE, Reason(Cue(Direction.FUTURE, CueKind.RELATIVE_WORD, word))
    else:
        year, way, reason = pick_year(month, None, context, match)
    return make(match, context, "DATE", f"{year:04d}-{month:02d}", mod=mod, origin=publication(context),
                heading=way, why=Reason("month without a year: ", reason))


_NOT_AFTER_THE_MONTH = "|".join(rf"{word}\b" for word in NOT_AFTER_THE_MONTH)

RULES = [
    Rule(
        "month_relative_year", 60,
        rf"(?:(?P<mod>{I(MOD)})[\s-]+)?{MONTH}\s+(?:{I(r'of')}\s+)?{_A_RELATIVE_YEAR}\s+{I(r'year')}\b",
        month_relative_year,
        examples=(
            Example("The ratification began in February this year.", date(1998, 12, 3), "1998-02", matched="February this year"),
            Example("about 40 attacks since mid-March of last year", date(2006, 11, 4), "2005-03", matched="mid-March of last year"),
        ),
    ),
    # "on July 15 last year", "September 28 this year": one date, in the year named
    Rule(
        "month_day_relative_year", 70,
        rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<day>{DAY}),?\s+(?:{I(r'of')}\s+)?{_A_RELATIVE_YEAR}\s+{I(r'year')}\b",
        month_day_relative_year,
        examples=(
            Example("Stuchiner was arrested on July 15 last year.", date(1997, 4, 25), "1996-07-15", matched="July 15 last year"),
            Example("The exercise ends on November 20 this year.", date(2005, 11, 12), "2005-11-20", matched="November 20 this year"),
        ),
    ),
    Rule(
        "month_day", 80,
        rf"(?:{relative('last', 'next', 'this', 'coming', 'past')}\s+)?(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<day>{DAY})"
        rf"(?:(?:\s*[-–]\s*|\s+(?:and|or|to|through)\s+)(?P<day_end>[12]\d|3[01]|0?[1-9])(?!\d|[:,.]\d|\s*%|\s+(?:{one_of(NOT_A_SECOND_DAY)})\b))?(?![\d:,]\d)(?!\s*%)"
        rf"(?:,?\s+(?:{I(r'of')}\s+)?(?P<year>{YEAR})(?![\d,.:]\d))?",
        month_day,
        examples=(
            Example("first Putin-Kim summit to take place on April 25", date(2019, 4, 24), "2019-04-25", matched="April 25"),
            Example("The dialogue was last scheduled for July 25, but war broke out.", date(2006, 11, 6), "2006-07-25", matched="July 25"),
            Example("The summit runs April 24-25 in Vladivostok.", date(2019, 4, 1), "2019-04-25", matched="25"),
        ),
    ),
    # "from 7th to 9th December", "15-16 November": two days sharing the month after them
    Rule(
        "day_range_month", 90,
        rf"(?<![\d.,])(?P<day>{DAY})(?:\s*[-–]\s*|\s+(?:to|and|through)\s+)(?P<day_end>{DAY})\s+(?:of\s+)?{MONTH_FULL}\b"
        rf"(?:,?\s+(?P<year>{YEAR})(?![\d,.:]\d))?",
        month_day,
        examples=(
            Example("Kasuri will visit Kabul from 7th to 9th December.", date(2006, 11, 21), "2006-12-07", matched="7th"),
            Example("The summit runs 15-16 November.", date(2006, 11, 10), "2006-11-16", matched="16 November"),
            Example("Operations Courageous (23-28 March 1951) and Tomahawk (23 March 1951) were a joint effort.", date(2009, 12, 19),
                    "1951-03-28", matched="28 March 1951"),
        ),
    ),
    Rule(
        "day_month", 100,
        rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?:{MONTH_FULL}|May|{MONTH_SHORT})\b",  # "17th May", "21 Jan"
        month_day,
        examples=(
            Example("The 32-year-old is set to face a Uefa hearing on 17 November and could be banned for a year.",
                    date(2005, 11, 8), "2005-11-17", matched="17 November"),
        ),
    ),
    Rule(
        "week_of", 110,
        rf"{I(r'the week of')}\s+{MONTH}\s+(?P<day>{DAY})",
        week_of,
        examples=(
            Example("A non-confidence vote is possible as early as the week of Nov. 14, although some speculate it might not happen.",
                    date(2005, 11, 7), "2005-W46", matched="the week of Nov. 14"),
        ),
    ),
    Rule(
        "month_alone", 470,
        rf"(?:(?P<mod>{I(MOD)})[\s-]+|{relative('last', 'next', 'this', 'coming', 'past')}\s+|(?<=\b{I(f'(?:{one_of(BARE_MONTH_CONTEXT)})')}\s))"
        rf"(?P<month_word>{MONTH_FULL}|May(?!\s+(?:{one_of(AFTER_THE_MODAL_MAY)})\b))(?:['’]s)?\b"
        rf"|(?P<month_word>{MONTH_FULL})['’]s\b"
        rf"|(?<=\b{I(r'the')}\s)(?P<month_word>{MONTH_FULL})(?=\s+(?!{_NOT_AFTER_THE_MONTH})[a-z]+)",
        month_alone,
        examples=(
            Example("In February, Kim's second summit with Trump ended without agreement.", date(2019, 4, 25), "2019-02", matched="February"),
            Example("The summit collapsed in February.", date(2019, 1, 10), "2018-02", matched="February"),
            Example("Trade collapsed last October.", date(1999, 2, 6), "1998-10", matched="last October"),
        ),
    ),
]
