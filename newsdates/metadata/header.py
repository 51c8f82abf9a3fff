"""The lines above a story: title, byline, date lines, "Published:" headers and the dateline.

Each reader looks at one line and says what it is: metadata ("header", left out of the body), page
text that is not metadata ("skip"), or the start of the story ("story", which ends the header). The
first reader with an answer decides; readers that find a value offer it as a candidate, and the
precedence table in `fields` chooses among them.
"""

import re

from .boilerplate import MARKDOWN_HEADING, ORIGINAL_URL, PHOTO_CREDIT_SUFFIX, TERMINAL, URL
from .dates import DATE_ONLY_LINE, DAY_MONTH_YEAR, MONTH_DAY_YEAR, date_from_match, date_in_any_language, find_date
from .fields import HOW_BYLINE, HOW_DATELINE, HOW_HEADER, HOW_TEXT, Found
from .outlets import Outlet, agency_by_alias
from .page import Page

HEADER_LINES = 12  # metadata lives in the first lines; further down, dates belong to the story.
HEADER, SKIP, STORY = "header", "skip", "story"

_PUBLISHED_HEADER = re.compile(
    r"^(?P<label>published|first published|posted|date|updated|last updated)\s*(?:on)?\s*[:|-]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_BY_LINE = re.compile(r"^by\s+(?P<who>.{2,80})$", re.IGNORECASE)
# VLADIVOSTOK, Apr 25, 2019, Bloomberg.   MEXICO CITY, Nov. 30 , 2006 (Xinhua)   LAKE LOUISE, Canada, Dec 2 , 2005
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Za-z'’/ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.'’ -]{{1,30}}){{0,2}})[,.]\s*|(?P<caps_place>[A-Z][A-Z'’ -]{{2,40}})\s+)"
    rf"(?P<date>(?:{MONTH_DAY_YEAR}|{DAY_MONTH_YEAR}))"
    r"(?:\s*,\s*\d{4})?"  # "Dec 1 , 2006, 2006": a doubled year in some wire feeds
    r"(?:\s*,\s*(?P<credit1>[A-Z][A-Za-z.&' -]{1,40}?))?"
    r"(?:\s*,?\s*\((?P<credit2>[^)]{1,40})\))?"
    r"\s*(?:[-–—:.]+\s*|$)"
)


def read_header(page: Page) -> None:
    """Read the first lines of the page, up to where the story starts."""
    nonblank = [i for i, line in enumerate(page.lines) if line][:HEADER_LINES]
    for position, i in enumerate(nonblank):
        line = page.lines[i]
        heading = MARKDOWN_HEADING.match(line)
        text = heading["text"].strip() if heading else line
        for reader in LINE_READERS:
            verdict = reader(page, i, position, text, heading)
            if verdict:
                break
        if verdict == HEADER:
            page.header_lines.add(i)
        elif verdict == STORY:
            break


def _empty_heading(page, i, position, text, heading):
    return HEADER if not text else None


def _date_line(page, i, position, text, heading):
    """A line that is only a date, in English or another language ("25 апреля 2019", "Jeudi 25 avril
    2019"): under the title it dates the article; above it, it is a crawl stamp."""
    english = DATE_ONLY_LINE.match(text)
    other = None if english else date_in_any_language(text)
    if not english and not other:
        return None
    if not page.has("title"):
        page.notes.append(f"Ignored the date line {text!r} above the title: a crawl or print date, not publication.")
    elif not page.has("published") and (found := (find_date(text) or (None,))[0] if english else other):
        page.offer("published", Found(found, HOW_BYLINE, text, "day"))
    return HEADER


def _published_header(page, i, position, text, heading):
    header = _PUBLISHED_HEADER.match(text)
    found = (find_date(header["rest"]) or _in_any_language(header["rest"])) if header else None
    if not found:
        return None
    is_update = "update" in header["label"].lower()
    if not is_update and not page.has("published", HOW_HEADER):
        page.offer("published", Found(found[0], HOW_HEADER, text, "day"))
    elif is_update and not page.has("published"):
        page.notes.append(f"Saw an update date {text!r}; publication date not stated in a header.")
    return HEADER


def _in_any_language(text: str) -> tuple | None:
    found = date_in_any_language(text)
    return (found, text) if found else None


def _by_line(page, i, position, text, heading):
    by = _BY_LINE.match(text)
    if not (by and page.has("title") and not page.byline):
        return None
    page.byline = by["who"].strip()
    if named_agency := agency_by_alias(page.byline):
        page.offer("agency", Found(named_agency, HOW_BYLINE, text))
    return HEADER


def _dateline(page, i, position, text, heading):
    """The dateline opens the story: its date and wire credit are metadata, the rest of its line is story."""
    dateline = _DATELINE.match(text)
    if not dateline:
        return None
    page.dateline_line = i
    page.dateline_rest = text[dateline.end() :].strip()
    words = dateline.group(0).strip(" -–—:.")
    if found := date_from_match(dateline):
        page.offer("published", Found(found, HOW_DATELINE, words, "day"))
    if credit := _credit_agency(dateline["credit1"], dateline["credit2"]):
        page.offer("agency", Found(credit, HOW_DATELINE, words))
    if not page.dateline_rest:
        page.header_lines.add(i)
    return STORY


def _credit_agency(*credits: str | None) -> Outlet | None:
    for credit in credits:
        if credit:
            found = agency_by_alias(credit.strip(" .,"))
            if found:
                return found
    return None


def _url_line(page, i, position, text, heading):
    return HEADER if ORIGINAL_URL.match(text) or URL.fullmatch(text) else None


def _photo_caption(page, i, position, text, heading):
    # part of the page, not its metadata, and its credit names no source
    return SKIP if PHOTO_CREDIT_SUFFIX.search(text) else None


def _small_heading(page, i, position, text, heading):
    # photo credits and embed markers set as small headings
    return HEADER if heading and len(heading["hashes"]) >= 4 else None


def _title_line(page, i, position, text, heading):
    if page.has("title"):
        return None
    if _looks_like_title(text) or (position == 0 and len(text) <= 200 and max(len(text.split()), len(_words(text))) >= 2):
        page.offer("title", Found(text, HOW_TEXT, text))
    elif len(text) > 120 or ((TERMINAL.search(text) or _CJK_SENTENCE_END.search(text)) and len(_words(text)) >= 6):
        return STORY  # the story starts without a title line
    else:
        page.notes.append(f"Skipped {text!r} above the story: not a title.")
    return HEADER


def _person_byline(page, i, position, text, heading):
    if page.byline or position > 3 or not _looks_like_person(text):
        return None
    page.byline = text
    return HEADER


def _story_start(page, i, position, text, heading):
    return STORY if len(text) > 120 or TERMINAL.search(text) or _CJK_SENTENCE_END.search(text) else SKIP


# Chinese and Japanese write no spaces between words and end sentences with "。": a line of them counts a
# word for every two characters.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_CJK_SENTENCE_END = re.compile(r"[。！？]\s*$")


def _words(text: str) -> list[str]:
    words = [word for word in text.split() if any(ch.isalpha() for ch in word)]
    cjk = len(_CJK.findall(text))
    return words + ["字"] * (cjk // 2 - len(words)) if cjk >= 4 else words


def _looks_like_title(text: str) -> bool:
    words = _words(text)
    return 2 <= len(words) <= 30 and len(text) <= 250 and not text.rstrip().endswith((".", ","))


def _looks_like_person(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(word[:1].isupper() and word.replace(".", "").replace("-", "").isalpha() for word in words)


# In this order: the first reader that recognises a line decides what it is.
LINE_READERS = [
    _empty_heading,
    _date_line,
    _published_header,
    _by_line,
    _dateline,
    _url_line,
    _photo_caption,
    _small_heading,
    _title_line,
    _person_byline,
    _story_start,
]
