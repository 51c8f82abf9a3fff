"""Periods counted in the calendar's own units: decades, centuries, quarters and halves of a year."""

from datetime import date

from ...lexicon import MOD_WORDS, ORDINALS
from ..patterns import MOD, YEAR, I, one_of, relative
from ..periods_of_business import year_of_a_period
from ..rule import Example, Rule
from ..spans import make, publication, waiting
from ..years import year_of


def decade(match, context):
    mod = MOD_WORDS.get((match.group("mod") or "").lower(), "")
    if match.group("decade2"):
        digits = int(match.group("decade2"))  # "the '90s"
        decade = (19 if digits >= 30 else 20) * 100 + digits
    else:
        decade = int(match.group("decade"))
    return make(match, context, "DATE", f"{decade // 10:03d}", mod=mod, why="decade")


def century(match, context):
    number = int(match.group("century"))
    return make(match, context, "DATE", f"{number - 1:02d}", why="century")


def quarter(match, context):
    if match.groupdict().get("quarter"):
        number = int(match.group("quarter")[1])
    else:
        number = ORDINALS[match.group("ordinal").lower()]
    mod = MOD_WORDS.get(" ".join((match.groupdict().get("mod") or "").lower().split()), "")
    if not match.group("year") and not match.group("which"):
        if missing := waiting(match, context):
            return missing
        year, way, reason = year_of_a_period("quarter", number, context, match)
        return make(match, context, "DATE", f"{year:04d}-Q{number}", mod=mod, origin=publication(context), heading=way, why=reason)
    year, anchor = year_of(match, context)
    if year is None:
        return waiting(match, context)
    return make(match, context, "DATE", f"{year:04d}-Q{number}", mod=mod, origin=anchor, why="quarter")


def half(match, context):
    number = 1 if match.group("ordinal").lower() == "first" else 2
    year, anchor = year_of(match, context)
    if year is None:
        return waiting(match, context)
    return make(match, context, "DATE", f"{year:04d}-H{number}", origin=anchor, why="half year")


_OF_A_YEAR = (rf"(?:\s+{I(r'of')}\s+(?:{I(r'fiscal(?:\s+year)?')}\s+)?(?:(?P<year>{YEAR})|{relative('this', 'last', 'next', 'the next', 'the following', 'the previous', 'the', group='which')}\s+{I(r'year')})"
              rf"|,?\s+(?P<year>{YEAR})(?![\d,.]\d))")
_QUARTER_ORDINALS = one_of(ORDINALS)

RULES = [
    Rule(
        "decade", 120,
        rf"(?:(?P<mod>{I(MOD)})[\s-]+|{I(r'the')}\s+)?(?P<decade>(?:1[6-9]|20)\d0)'?s\b",
        decade,
        examples=(
            Example("Ties were strong in the 1990s.", date(2019, 4, 25), "199", matched="the 1990s"),
            Example("Prices rose in the early 1980s.", date(2019, 4, 25), "198", matched="early 1980s"),
        ),
    ),
    Rule(
        "decade_short", 130,
        rf"(?:(?P<mod>{I(MOD)})[\s-]+|{I(r'the')}\s+)?['’](?P<decade2>\d0)s\b",
        decade,
        examples=(
            Example("Our relations were broken for a period of a few years in the '90s.", date(2006, 12, 14), "199", matched="the '90s"),
        ),
    ),
    Rule(
        "century", 140,
        rf"{I(r'the')}\s+(?P<century>\d{{1,2}})(?:st|nd|rd|th)\s+{I(r'century')}",
        century,
        examples=(Example("the 20th century", date(2019, 4, 25), "19", matched="the 20th century"),),
    ),
    Rule(
        "quarter", 150,
        rf"(?:(?P<mod>{I(MOD)})\s+)?(?:{I(r'the')}\s+)?(?:{I(r'fiscal')}\s+)?"
        rf"(?:(?P<year>{YEAR})(?:['’]s)?\s+(?:{I(r'fiscal')}\s+)?)?"  # "the 1988 fourth quarter", "fiscal 1989's fourth quarter"
        rf"(?P<ordinal>{I(_QUARTER_ORDINALS)})[\s-]+(?:{I(r'fiscal')}\s+)?{I(r'quarter')}(?![\s-]*{I(r'finals?')}\b)(?:{_OF_A_YEAR})?",
        quarter,
        examples=(
            Example("Growth slowed in the first quarter.", date(2019, 4, 25), "2019-Q1", matched="the first quarter"),
            Example("Sales rose in the third quarter of 2018.", date(2019, 4, 25), "2018-Q3", matched="the third quarter of 2018"),
            Example("The number of people holding jobs increased 2.0 percent to 23 million from third quarter 2005.", date(2006, 12, 20),
                    "2005-Q3", matched="third quarter 2005"),
        ),
    ),
    Rule(
        "quarter_code", 160,
        rf"(?P<quarter>Q[1-4])\s+(?P<year>{YEAR})\b",
        quarter,
        examples=(
            # found in none of the corpora: a made-up sentence in the form of company news
            Example("Shipments rose 4 percent in Q3 2005, the company said.", date(2005, 11, 10), "2005-Q3", matched="Q3 2005"),
        ),
    ),
    Rule(
        "half", 170,
        rf"(?:{I(r'the')}\s+)?(?P<ordinal>{I(r'first|second|latter')})\s+{I(r'half')}{_OF_A_YEAR}",
        half,
        examples=(Example("Exports fell in the first half of the year.", date(2019, 4, 25), "2019-H1", matched="the first half of the year"),),
    ),
]
