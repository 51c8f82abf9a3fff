"""Dates written out in full: "March 17, 1949", "25 April 2019", "2019-04-24", "4/25/2019", "July 1997", "2011"."""

from datetime import date

import regex

from ...lexicon import BEFORE_A_YEAR, MOD_WORDS, NAMES_BEFORE_A_NUMBER, PLURALS_AFTER_A_YEAR
from ..patterns import DAY, MOD, MONTH, WEEKDAY, YEAR, I, day_in, month_in, one_of, words_of
from ..rule import Example, Rule
from ..spans import make


def full_date(match, context):
    year, day = int(match.group("year")), day_in(match)
    try:
        value = date(year, month_in(match), day)
    except ValueError:
        return None
    return make(match, context, "DATE", value.isoformat(), why="explicit date")


def month_year(match, context):
    mod = MOD_WORDS.get((match.group("mod") or "").lower(), "")  # "the end of": one space between its words
    return make(match, context, "DATE", f"{int(match.group('year')):04d}-{month_in(match):02d}", mod=mod, why="explicit month")


_NUMBER_FOLLOWS = regex.compile(r"^\s*(?:[a-z]+s)\b")  # "2000 troops": a count, not a year
_YEAR_CONTEXT_BEFORE = regex.compile(rf"(?i:\b(?:{one_of(BEFORE_A_YEAR)}|[,(])\s*)$")
_NAME_BEFORE = regex.compile(rf"\b(?:{one_of(NAMES_BEFORE_A_NUMBER)})\s+$")
_MONEY_BEFORE = regex.compile(r"(?:[$£€¥]|US\$|S\$|HK\$|No\.|#|Nos?\.?|Flight|flight|Route|route|Highway|Resolution|resolution|number|No)\s*$")


def year(match, context):
    number = int(match.group("year"))
    before = context.text[max(0, match.start() - 12) : match.start()]
    after = context.text[match.end() : match.end() + 25]
    if _MONEY_BEFORE.search(before) or _NAME_BEFORE.search(before) or regex.match(r"-[A-Z]", after):
        return None  # "$2000", "the Criminal Code Act 1995", "a Mirage 2000-D": names and numbers, no dates
    if context.publication_date and number > context.publication_date.year + 30:
        return None
    has_prefix = bool(match.group("mod") or match.group("approx"))
    if not has_prefix and _NUMBER_FOLLOWS.match(after) and not _YEAR_CONTEXT_BEFORE.search(context.text[max(0, match.start() - 20) : match.start()]):
        following = after.split()[0].lower() if after.split() else ""
        if following not in PLURALS_AFTER_A_YEAR:
            return None
    if regex.match(r"\s*(?:GMT|UTC|local\s+time|hours|hrs|[ap]\.?m\.?)\b", after, flags=regex.IGNORECASE):
        return None
    mod = {**MOD_WORDS, "post": "AFTER", "pre": "BEFORE"}.get(words_of(match, "mod"), "")
    if match.group("approx"):
        mod = "APPROX"
    return make(match, context, "DATE", f"{number:04d}", mod=mod, why="year")


def year_bc(match, context):
    """ "490 BC", "ca. 480 B.C.": a year before the common era, written BC0490 as TIMEX2 and WikiWars write it
    (no calendar interval: the story's date stays where it was)."""
    mod = "APPROX" if match.group("approx") else ""
    if match.group("century"):
        century = int(match.group("century"))
        return make(match, context, "DATE", f"BC{century - 1:02d}", mod=mod, why="century before the common era")
    number = int(match.group("year"))
    span = make(match, context, "DATE", f"BC{number:04d}", mod=mod, why="year before the common era")
    if not match.group("year_start"):
        return span
    # "499-493 BC", "from 264 to 241 BC": the first year is before the common era too
    span.start, span.text = match.start("year"), context.text[match.start("year") : match.end()]
    first = make(match, context, "DATE", f"BC{int(match.group('year_start')):04d}", why="year before the common era, the range's start",
                 start=match.start("year_start"))
    first.end, first.text = match.end("year_start"), match.group("year_start")
    return [first, span]


RULES = [
    Rule(
        "year_bc", 5,
        rf"(?:(?P<approx>{I(r'ca\.|circa|c\.|around|about')})\s+)?(?:(?:{I(r'the')}\s+)?(?P<century>\d{{1,2}})(?:st|nd|rd|th)\s+{I(r'century')}|(?:(?P<year_start>\d{{1,4}})\s*(?:[-–]|{I(r'to')})\s*)?(?P<year>\d{{1,4}}))"
        rf"\s*(?:BCE?|B\.C\.(?:E\.)?|B\.C)(?!\w)",
        year_bc,
        examples=(
            Example("In 499 BC the then tyrant of Miletus, Aristagoras, launched an expedition.", date(2009, 12, 19), "BC0499", matched="499 BC"),
            Example("In 264 BC, Carthage was a large port-city located on the coast of modern Tunisia.", date(2009, 12, 19), "BC0264",
                    matched="264 BC"),
            Example("The Ionian Revolt lasted from 499 to 493 BC.", date(2009, 12, 19), "BC0499", matched="499"),
        ),
    ),
    Rule(
        "date_weekday_month_day", 10,
        rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<day>{DAY})(?:\s*,\s*|\s+)(?P<year>{YEAR})\b",
        full_date,
        examples=(
            Example("It was signed on March 17, 1949.", date(2019, 4, 26), "1949-03-17", matched="March 17, 1949"),
            Example("on Thursday, April 25, 2019, in Vladivostok", date(2019, 4, 25), "2019-04-25", matched="Thursday, April 25, 2019"),
            Example("The deal was struck Aug. 7, 1998.", date(2019, 4, 26), "1998-08-07", matched="Aug. 7, 1998"),
        ),
    ),
    Rule(
        "date_day_month_year", 20,
        rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?{MONTH},?\s+(?P<year>{YEAR})\b",
        full_date,
        examples=(Example("They met on 25 April 2019.", date(2019, 4, 26), "2019-04-25", matched="25 April 2019"),),
    ),
    Rule(
        "date_iso", 30,
        r"(?P<year>(?:19|20)\d\d)-(?P<month_number>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])",
        full_date,
        examples=(Example("Filed 2019-04-24 by the court.", date(2019, 4, 26), "2019-04-24", matched="2019-04-24"),),
    ),
    Rule(
        "date_numeric", 40,
        r"(?P<month_number>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>(?:19|20)\d\d)(?![\d/])",
        full_date,
        examples=(
            Example("SDD registration closing in 2 weeks time - 04/04/2014!", date(2014, 3, 21), "2014-04-04", matched="04/04/2014"),
        ),
    ),
    Rule(
        "month_year", 50,
        rf"(?:(?P<mod>{I(MOD)})[\s-]+)?{MONTH},?\s+(?:of\s+)?(?P<year>{YEAR})(?!\d|,\d)",
        month_year,
        examples=(Example("In July 1997, the alliance grew.", date(2019, 4, 26), "1997-07", matched="July 1997"),),
    ),
    Rule(
        "year", 450,
        rf"(?:(?P<mod>{I(MOD)}|{I(r'post|pre')})[\s-]+|(?P<approx>{I(r'around|about|circa|c\.')})\s+)?(?P<year>{YEAR})(?![\d,.:/]\d)(?!\s*(?:%|per\s*cent|percent))",
        year,
        examples=(
            Example("He visited Russia in 2011.", date(2019, 4, 25), "2011", matched="2011"),
            Example("The plant opened in early 2019.", date(2019, 4, 25), "2019", matched="early 2019"),
        ),
    ),
]
