"""Dates as metadata writes them: date lines, datelines, URL paths and document ids."""

import re
from datetime import date
from urllib.parse import urlsplit

from ..lexicon import MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN

# "April 24, 2019", "Apr 25, 2019", "Nov. 30 , 2006", "24 April 2019", "2019-04-24"
DAY_MONTH_YEAR = rf"(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>(?i:{MONTH_PATTERN}))\.?,?\s+(?P<year1>\d{{4}})"
MONTH_DAY_YEAR = rf"(?P<month2>(?i:{MONTH_PATTERN}))\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year2>\d{{4}})"
_ISO = r"(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2})"
DATE_IN_TEXT = re.compile(rf"\b(?:{MONTH_DAY_YEAR}|{DAY_MONTH_YEAR}|{_ISO})\b", re.IGNORECASE)

# A line that is nothing but a date, perhaps with a weekday, a time and separators: "Mon | Nov 29, 2021".
DATE_ONLY_LINE = re.compile(
    rf"^(?:(?:{WEEKDAY_PATTERN})\.?\s*[|,·-]?\s*)?(?:{MONTH_DAY_YEAR}|{DAY_MONTH_YEAR}|{_ISO})"
    r"(?:\s*[|,·-]?\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
_URL_PATH_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>0?[1-9]|1[0-2])(?:[/-](?P<day>0?[1-9]|[12]\d|3[01]))?(?:/|-|$)")
# LDC Gigaword document ids: AFP_ENG_19970401.0006
DOCUMENT_ID = re.compile(r"^(?P<prefix>[A-Z]{3})_[A-Z]{3}_(?P<ymd>\d{8})\.\d+")


def date_from_match(match: re.Match) -> date | None:
    groups = match.groupdict()
    for suffix in ("1", "2", "3"):
        year, month, day = groups.get(f"year{suffix}"), groups.get(f"month{suffix}"), groups.get(f"day{suffix}")
        if year and month and day:
            month_number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            try:
                return date(int(year), month_number, int(day))
            except ValueError:
                return None
    return None


# A line that may be a date in another language: short, with a year and a day number ("25 апреля 2019",
# "2019년 4월 25일", "Jeudi 25 avril 2019"). Only such lines are given to dateparser, which is slow on others.
_OTHER_LANGUAGE_DATE_LENGTH = 48
_A_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
_A_DAY = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)")
_WHOLE_DATE = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}


def date_in_any_language(text: str) -> date | None:
    """The date a short line is, in any language dateparser reads, with its day, month and year all given."""
    text = text.strip()
    if len(text) > _OTHER_LANGUAGE_DATE_LENGTH or not _A_YEAR.search(text) or not _A_DAY.search(_A_YEAR.sub(" ", text)):
        return None
    import dateparser

    try:
        parsed = dateparser.parse(text, settings=_WHOLE_DATE)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def find_date(text: str) -> tuple[date, str] | None:
    for match in DATE_IN_TEXT.finditer(text):
        found = date_from_match(match)
        if found:
            return found, match.group(0)
    return None


def url_date(url: str) -> tuple[date, str] | None:
    """The date a URL path carries (/2019/04/24/), with its precision."""
    match = _URL_PATH_DATE.search(urlsplit(url).path)
    if not match:
        return None
    year, month, day = int(match["year"]), int(match["month"]), match["day"]
    try:
        return (date(year, month, int(day)), "day") if day else (date(year, month, 1), "month")
    except ValueError:
        return None


def document_id_date(ymd: str) -> date | None:
    try:
        return date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:]))
    except ValueError:
        return None
