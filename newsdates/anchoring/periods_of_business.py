"""The periods business news reports on: a quarter or a half named without its year takes the one the
tense points to, and "a year earlier", "the year-ago period" or "the latest quarter" take the unit of
the period the text is about ("the third quarter … a year earlier": the third quarter a year before)."""

from datetime import date

import regex

from .. import calendar as cal
from .. import sentences
from .provenance import Direction, Reason
from .spans import Context, Span
from .tense import direction

_PERIOD = regex.compile(r"^(?P<year>\d{4})(?P<part>-(?:Q[1-4]|H[12]))?$")


def year_of_a_period(unit: str, number: int, context: Context, match) -> tuple[int, Direction, Reason]:
    """The year of "the third quarter" or "the first half" named without one: the latest such period that
    has begun by the reference date ("profit rose in the fourth quarter", said in February, is last year's),
    or, where the tense points ahead, the nearest one ("will grow … from the third quarter" said in December
    is the quarter just reported; "in the first quarter of next year" said in November, the coming one)."""
    reference = context.published
    cue = direction(context.text, match.start(), match.end())
    code = f"Q{number}" if unit == "quarter" else f"H{number}"
    periods = [(year, cal.interval(f"{year:04d}-{code}")) for year in (reference.year - 1, reference.year, reference.year + 1)]
    if cue.direction is Direction.FUTURE and not cue.weak:
        year = min(periods, key=lambda period: max((period[1][0] - reference).days, (reference - period[1][1]).days, 0))[0]
    else:
        year = [year for year, (first, last) in periods if first <= reference][-1]
    return year, cue.direction, Reason(cue, f"; the {unit} the tense points to")


def shifted(value: str, years: int) -> str | None:
    """A period's value moved by whole years: 1989-Q3 a year back is 1988-Q3."""
    found = _PERIOD.match(value)
    if not found:
        return None
    return f"{int(found['year']) + years:04d}{found['part'] or ''}"


def period_in_view(context: Context, position: int) -> Span | None:
    """The period the text is about, if it named one in this sentence or the one before."""
    period = context.period
    if period is None or not period.value:
        return None
    if any(span.start > period.start and span.type == "DATE" and span.first and span is not period for span in context.spans):
        return None  # a date named since ("Retail sales in October … from a year ago") is the one in view
    sentence_start, _ = sentences.around(context.text, position, position)
    previous_start = sentences.around(context.text, sentence_start - 1, sentence_start - 1)[0] if sentence_start > 1 else 0
    return period if period.start >= previous_start else None


def latest_completed_quarter(day: date) -> str:
    quarter = (day.month - 1) // 3  # the one before the quarter the day is in, 0 for last year's fourth
    return f"{day.year - 1:04d}-Q4" if quarter == 0 else f"{day.year:04d}-Q{quarter}"
