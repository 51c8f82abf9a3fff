"""The periods of business news: "fiscal 1990", "the latest quarter", "the year-ago period", "the same
period last year", "year-earlier profit"."""

from datetime import date

import regex

from ... import calendar as cal
from ..patterns import MONTH_FULL, YEAR, I, month_number
from ..periods_of_business import latest_completed_quarter, period_in_view, shifted, year_of_a_period
from ..rule import Example, Rule
from ..spans import OFFSET_FROM_STORY, make, publication, waiting

FISCAL_YEAR = "fiscal_year"


def fiscal_year(match, context):
    if match.group("short"):
        digits = int(match.group("short"))
        year = (19 if digits >= 30 else 20) * 100 + digits
    else:
        year = int(match.group("year"))
    return make(match, context, "DATE", f"{year:04d}", why="fiscal year", rule=FISCAL_YEAR)


_BACK = regex.compile(r"(?i:last|a\s+year|the\s+previous|of\s+last|of\s+the\s+previous|earlier|ago|before)")


def latest_period(match, context):
    """ "the latest quarter", "the year-ago period", "the same period last year", "the fiscal year": the
    period the text is about (or, for a year back, that period a year before)."""
    if missing := waiting(match, context):
        return missing
    if match.group("adjective"):
        return year_earlier(match, context)
    which = " ".join((match.group("which") or "").lower().split())
    unit = " ".join(match.group("unit").lower().split()).split(" ")[-1]  # "the fiscal year", "the full year": a year
    back = bool(match.group("back")) or which in ("year-ago", "year-earlier", "comparable", "corresponding")
    period = context.period if back else (period_in_view(context, match.start()) or context.period)
    if period is not None and unit in ("quarter", "half") and cal.granularity(period.value) != unit:
        # "the quarter" after "fiscal 1990": the last quarter the text named
        period = next((span for span in reversed(context.spans) if span.type == "DATE" and span.rule != OFFSET_FROM_STORY
                       and cal.granularity(span.value) == unit), None)  # "the latest quarter" after "the first half": not that period
    if unit == "year" and period is not None:
        value = period.value[:4]
    elif period is not None:
        value = period.value
    elif unit == "quarter" and which in ("latest", "most recent", "recent", "year-ago", "year-earlier", "same", "comparable", "corresponding"):
        value = latest_completed_quarter(context.published)
    elif unit == "year" or (back and unit == "period"):
        value = f"{context.published.year:04d}"
    else:
        return None  # "the period", "the half" with no period in view: nothing to date
    if back:
        value = shifted(value, -1)
        if value is None:
            return None
    origin = publication(context) if period is None else None
    span = make(match, context, "DATE", value, origin=origin, rule=OFFSET_FROM_STORY if back else "",
                why=f"'{match.group(0)}': " + (f"the period the text is about, '{period.text}'" if period else "the latest one"))
    return span


def year_earlier(match, context):
    """ "year-earlier profit", "from year-ago levels": the period in view, a year back."""
    if missing := waiting(match, context):
        return missing
    period = period_in_view(context, match.start())
    value = shifted(period.value, -1) if period else f"{context.published.year - 1:04d}"
    return make(match, context, "DATE", value, origin=None if period else publication(context), rule=OFFSET_FROM_STORY,
                why=f"'{match.group(0)}': " + (f"'{period.text}' a year back" if period else "the year before the publication date"))


def quarter_by_month(match, context):
    """ "the September quarter", "the July-to-September quarter": the quarter that month ends or falls in."""
    if missing := waiting(match, context):
        return missing
    number = (month_number(match.group("month_word")) - 1) // 3 + 1
    year, way, reason = year_of_a_period("quarter", number, context, match)
    return make(match, context, "DATE", f"{year:04d}-Q{number}", origin=publication(context), heading=way, why=reason)


_FISCAL = I(r"fiscal(?:\s+year)?|financial\s+year")
_LATEST = I(r"latest|most\s+recent|recent|year-ago|year-earlier|comparable|corresponding|same")
_PERIOD_UNIT = I(r"quarter|period|fiscal\s+year|financial\s+year|full\s+year|half")
_A_YEAR_BACK = I(r"(?:of\s+)?(?:the\s+)?last\s+year|a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?the\s+previous\s+year|of\s+(?:a|one)\s+year\s+(?:earlier|ago)")

RULES = [
    Rule(
        "fiscal_year", 145,
        rf"(?:{I(r'the')}\s+)?(?:{_FISCAL})\s+(?:(?P<year>{YEAR})(?:[-/](?:\d{{4}}|\d\d)\b)?|['’](?P<short>\d\d)\b)"
        rf"(?!['’]s\s+(?:{I(r'first|second|third|fourth|final|1st|2nd|3rd|4th')})[\s-]+{I(r'quarter')})",  # a quarter's
        fiscal_year,
        examples=(
            Example("Thai cabinet approves fiscal 1988 budget worth one trillion baht", date(1997, 4, 9), "1988", matched="fiscal 1988"),
            Example("Investment expenditure accounted for 39 percent of the total fiscal 1998 budget, down from 42 percent a year earlier.",
                    date(1997, 4, 3), "1998", matched="fiscal 1998"),
        ),
    ),
    Rule(
        "quarter_by_month", 152,
        rf"(?:{I(r'the')}\s+)?(?:{MONTH_FULL}[\s-]+(?:{I(r'to')}[\s-]+)?|{MONTH_FULL}\s*[-–]\s*)?(?P<month_word>{MONTH_FULL}|May)\s+{I(r'quarter')}\b",
        quarter_by_month,
        examples=(
            Example("Falling house prices in Sydney, Melbourne and Brisbane in the September quarter could weigh on growth.",
                    date(2005, 12, 13), "2005-Q3", matched="the September quarter"),
            Example("General Motors said on Tuesday that it had made losses of 91 million U.S. dollars in the July-to-September quarter.",
                    date(2006, 11, 7), "2006-Q3", matched="the July-to-September quarter"),
            Example("The economy grew 4.3 percent in the July-September quarter, the Commerce Department said.", date(2006, 12, 21),
                    "2006-Q3", matched="the July-September quarter"),
        ),
    ),
    Rule(
        "latest_period", 155,
        rf"(?P<adjective>{I(r'year-earlier|year-ago|year-before')})(?![\s-]+(?:{_PERIOD_UNIT})\b)"
        rf"|(?:{I(r'the')}\s+)(?:(?P<which>{_LATEST})\s+)?(?P<unit>{_PERIOD_UNIT})\b(?:\s+(?P<back>{_A_YEAR_BACK})\b)?(?![\s-]*(?:{I(r'finals?|of\s+(?:19|20)\d\d|of\s+(?:this|last|next|the)\s+year|of\s+fiscal|ended|ending|to|through|from|between|when|of\s+\w+|in\s+which')})\b)",
        latest_period,
        examples=(
            Example("Profits fell 3 percent to 424 million dollars in the first quarter from 439 million dollars in the same period last year.",
                    date(1997, 4, 18), "1996-Q1", matched="the same period last year"),
            Example("Output rose 7 percent in the third quarter compared with output in the same period last year.",
                    date(2006, 11, 14), "2005-Q3", matched="the same period last year"),
            Example("Apple's sales doubled if compared to the $565 million profit reaped during the same period of the last year.",
                    date(2007, 1, 18), "2006", matched="the same period of the last year"),
            Example("The growth rate was 0.7 percentage points higher than the year-earlier level, the source said.",
                    date(2005, 11, 17), "2004", matched="year-earlier"),
        ),
    ),
]
