"""Temporal expressions in articles not written in English, found and anchored by dateparser.

The engine reads English; dateparser reads absolute dates and the common relative ones ("вчера", "어제",
"hier", "vor zwei Wochen") in some two hundred locales. Each expression `search_dates` finds in the
article's language is valued at the precision dateparser says it has (a day, a week, a month, a year),
relative to the publication date. Where the two directions dateparser can prefer give two dates ("в
четверг", "26 апреля" with no year), the nearer to the publication date wins, as news speaks mostly
of the days around its own. Without a publication date, only what needs none (a full date) is valued.
"""

from datetime import date, datetime, timedelta
from functools import cache

import regex

from .. import calendar as cal
from .provenance import Anchor, AnchorKind, Reason
from .spans import Span

_REFERENCE_WHEN_NONE = (datetime(2001, 1, 1), datetime(2011, 6, 15))  # two bases: what both agree on needs none
_TOKEN = regex.compile(r"\S+")


def annotate_foreign(text: str, published: date | None, language: str) -> list[Span]:
    """Every date dateparser finds in `text`, read as `language`, anchored to `published`."""
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day) if published else _REFERENCE_WHEN_NONE[0]
    try:
        found = search_dates(text, languages=[language], settings=_settings(base, "past")) or []
    except (ValueError, OverflowError):
        return []
    spans, cursor = [], 0
    for phrase, moment in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        span = _span(text, start, start + len(phrase), published, language, moment)
        if span:
            spans.append(span)
    return spans


def _settings(base: datetime, prefer: str) -> dict:
    return {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}


@cache
def _parser(language: str, base: datetime, prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language], settings=_settings(base, prefer))


def _parse(phrase: str, language: str, base: datetime, prefer: str) -> tuple[datetime, str] | None:
    data = _parser(language, base, prefer).get_date_data(phrase)
    return (data.date_obj, data.period or "day") if data.date_obj else None


def _span(text: str, start: int, end: int, published: date | None, language: str, found: datetime) -> Span | None:
    start, end = _tightest(text, start, end, language)
    phrase = text[start:end]
    if _a_word_of_another_kind(phrase, language):
        return None
    if published is None:
        first, second = (_parse(phrase, language, base, "past") for base in _REFERENCE_WHEN_NONE)
        if not first or first != second:
            return Span(start, end, phrase, "DATE", "", rule="dateparser", why=Reason("relative: waits for a publication date"))
        moment, period = first
        origin = None
    else:
        base = datetime(published.year, published.month, published.day)
        last_word = phrase.split()[-1]  # "Am Freitag", which the parser alone does not read, is "Freitag"
        moment, period = _nearer(phrase, language, base) or _nearer(last_word, language, base) or (found, "day")
        origin = Anchor(AnchorKind.PUBLICATION, published)
    value = _value(moment, period)
    span = Span(start, end, phrase, "TIME" if "T" in value else "DATE", value, rule="dateparser", origin=origin,
                why=Reason(f"dateparser ({language}), precise to the {period}"))
    span.matched_by = "dateparser"
    bounds = cal.interval(value)
    if bounds:
        span.first, span.last = bounds
    return span


def _nearer(phrase: str, language: str, base: datetime) -> tuple[datetime, str] | None:
    """The reading of the phrase nearest to the base: "26 апреля" said on 25 April is tomorrow, not last year;
    a weekday named on that very weekday is that day."""
    past, future = _parse(phrase, language, base, "past"), _parse(phrase, language, base, "future")
    if not past or not future or past[0] == future[0]:
        return past or future
    candidates = [past, future]
    if (future[0] - past[0]).days == 14:  # "в четверг" said on a Thursday: dateparser offers last and next week's
        candidates.append((past[0] + timedelta(days=7), past[1]))
    return min(candidates, key=lambda reading: (abs((reading[0] - base).total_seconds()), reading[0] > base))


def _tightest(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """The span without the words at its edges that do not change its date: "hier à" is "hier"."""
    base = _REFERENCE_WHEN_NONE[1]

    def reading(first: int, last: int):
        phrase = text[first:last]
        return _parse(phrase, language, base, "past"), _parse(phrase, language, base, "future")

    whole = reading(start, end)
    if whole[0] is None:
        return start, end
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text[:end], start)]
    while len(tokens) > 1 and reading(tokens[0][0], tokens[-2][1]) == whole:
        tokens.pop()
    while len(tokens) > 1 and reading(tokens[1][0], tokens[-1][1]) == whole:
        tokens.pop(0)
    return (tokens[0][0], tokens[-1][1]) if tokens else (start, end)


@cache
def _short_names(language: str) -> frozenset[str]:
    """The abbreviations of weekdays and months in a language ("mit" for Mittwoch), which are also words."""
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
             "april", "may", "june", "july", "august", "september", "october", "november", "december")
    return frozenset(form.lower() for name in names for form in info.get(name, []) if len(form) <= 3)


@cache
def _relative_words(language: str) -> frozenset[str]:
    """The language's words for days counted from today ("hoy", "昨日", "어제")."""
    from dateparser.languages.loader import default_loader

    relative = default_loader.get_locale(language).info.get("relative-type", {})
    return frozenset(word.lower() for words in relative.values() for word in words)


def _a_word_of_another_kind(phrase: str, language: str) -> bool:
    """ "mit" in "mit seinem Panzerzug" is German's "with", not Mittwoch, and "の金" in Japanese is "of Kim", not
    Friday: an abbreviation standing alone (or in a word of three characters at most) is not a date."""
    word = phrase.strip(" .,").lower()
    if " " in word or any(ch.isdigit() for ch in word) or word in _relative_words(language):
        return False
    short = _short_names(language)
    return word in short or (len(word) <= 3 and any(name in word for name in short))


def _value(moment: datetime, period: str) -> str:
    day = moment.date()
    if period == "time" or (period == "day" and (moment.hour or moment.minute)):
        return f"{day.isoformat()}T{moment.hour:02d}:{moment.minute:02d}"
    if period == "week":
        return cal.week_value(day)
    if period == "month":
        return cal.month_value(day)
    if period == "year":
        return f"{day.year:04d}"
    return day.isoformat()
