"""Reading an article's metadata out of its raw text, the way a careful editor would.

Pure: text in, plain data out, no database. Every value says how it was found, and a value the text
does not support is left unknown rather than guessed.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from ..lexicon import MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN

from .outlets import (
    DOCID_PREFIXES,
    KIND_WIRE,
    Outlet,
    agency_by_alias,
    outlet_for_domain,
    outlet_for_name,
)

# How a publication date was found, strongest first. "editor" and "inferred" are set outside this module.
HOW_MANIFEST = "manifest"
HOW_HEADER = "header"
HOW_BYLINE = "byline"
HOW_DATELINE = "dateline"
HOW_URL = "url"
HOW_FILENAME = "filename"
HOW_CREDIT = "credit"
HOW_DOMAIN = "domain"
HOW_TEXT = "text"
HOW_UNKNOWN = "unknown"

HEADER_LINES = 12  # metadata lives in the first lines; further down, dates belong to the story.

_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_URL = re.compile(r"https?://[^\s<>\"')]+")
_SPACES = re.compile(r"[ \t\u00a0]+")

# "April 24, 2019", "Apr 25, 2019", "Nov. 30 , 2006", "24 April 2019", "2019-04-24"
_DAY_MONTH_YEAR = rf"(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>(?i:{MONTH_PATTERN}))\.?,?\s+(?P<year1>\d{{4}})"
_MONTH_DAY_YEAR = rf"(?P<month2>(?i:{MONTH_PATTERN}))\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year2>\d{{4}})"
_ISO = r"(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2})"
DATE_IN_TEXT = re.compile(rf"\b(?:{_MONTH_DAY_YEAR}|{_DAY_MONTH_YEAR}|{_ISO})\b", re.IGNORECASE)

# A line that is nothing but a date, perhaps with a weekday, a time and separators: "Mon | Nov 29, 2021".
_DATE_ONLY_LINE = re.compile(
    rf"^(?:(?:{WEEKDAY_PATTERN})\.?\s*[|,·-]?\s*)?(?:{_MONTH_DAY_YEAR}|{_DAY_MONTH_YEAR}|{_ISO})"
    r"(?:\s*[|,·-]?\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
_PUBLISHED_HEADER = re.compile(
    r"^(?P<label>published|first published|posted|date|updated|last updated)\s*(?:on)?\s*[:|-]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_BY_LINE = re.compile(r"^by\s+(?P<who>.{2,80})$", re.IGNORECASE)
# VLADIVOSTOK, Apr 25, 2019, Bloomberg.   MEXICO CITY, Nov. 30 , 2006 (Xinhua)   LAKE LOUISE, Canada, Dec 2 , 2005
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Za-z'’/ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.'’ -]{{1,30}}){{0,2}})[,.]\s*|(?P<caps_place>[A-Z][A-Z'’ -]{{2,40}})\s+)"
    rf"(?P<date>(?:{_MONTH_DAY_YEAR}|{_DAY_MONTH_YEAR}))"
    r"(?:\s*,\s*\d{4})?"  # "Dec 1 , 2006, 2006": a doubled year in some wire feeds
    r"(?:\s*,\s*(?P<credit1>[A-Z][A-Za-z.&' -]{1,40}?))?"
    r"(?:\s*,?\s*\((?P<credit2>[^)]{1,40})\))?"
    r"\s*(?:[-–—:.]+\s*|$)"
)
# "Seoul, South Korea -- North Korean leader...": a place dateline with no date, in the lead paragraph.
_PLACE_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}){0,2})\s+(?:--|—|–)\s+")
# "..., reported The Straits Times." An inverted credit names the outlet that ran the story.
_REPORTED_CREDIT = re.compile(
    r"[,.]?\s+(?:reported|reports)\s+(?P<outlet>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s*\.\s*$"
)
_URL_PATH_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>0?[1-9]|1[0-2])(?:[/-](?P<day>0?[1-9]|[12]\d|3[01]))?(?:/|-|$)")
_DOCID = re.compile(r"^(?P<prefix>[A-Z]{3})_[A-Z]{3}_(?P<ymd>\d{8})\.\d+")
_ORIGINAL_URL = re.compile(r"^(?:original\s+url|source\s+url|url|link|source)\s*:\s*(?P<url>\S*)\s*$", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<text>.*)$")

# Paragraphs that are page furniture, never article text.
_BOILERPLATE = re.compile(
    r"^(?:#+\s*)?(?:embed:?|share it|share this( article| story)?|share|tweet|discuss this article|"
    r"other reports by.*|related articles?:.*|related:.*|read more:.*|see also:.*|advertisement|"
    r"subscribe\b.*|sign up\b.*|follow us on\b.*|click here\b.*|comments?|print|email)$",
    re.IGNORECASE,
)
# Markers after which a page has only furniture left (promotions, comment boxes).
_END_OF_ARTICLE = re.compile(r"^(?:share it|share this( article| story)?|discuss this article|other reports by.*)$", re.IGNORECASE)
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*.+\(@\w{1,15}\)")
_PHOTO_CREDIT_SUFFIX = re.compile(r"\s*(?:PHOTO|PHOTOS|FILE PHOTO|IMAGE)\s*:\s*[A-Z][A-Z .,/&'-]*$")
_TERMINAL = re.compile(r"[.!?:;\"”’')\]]$")


@dataclass
class Found:
    """A metadata value, how it was found, and the words it was found in."""

    value: object = None
    how: str = HOW_UNKNOWN
    evidence: str = ""


@dataclass
class ExtractedArticle:
    title: Found
    byline: str
    url: Found
    published: Found
    published_precision: str  # "day", "month", "year" or "" when unknown
    source: Found  # value: Outlet or None
    agency: Found  # value: Outlet (a wire agency) or None
    body: str
    notes: list[str] = field(default_factory=list)


def plain(line: str) -> str:
    """A line as a reader sees it: HTML tags and entities resolved, spaces folded."""
    return _SPACES.sub(" ", html.unescape(_TAG.sub("", line))).strip()


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


def extract(raw_text: str, file_name: str = "") -> ExtractedArticle:
    lines = [plain(line) for line in raw_text.splitlines()]
    notes: list[str] = []

    url = _find_url(lines)
    title = Found()
    byline = ""
    published = Found()
    precision = ""
    agency = Found()
    header_indexes: set[int] = set()  # lines that are metadata, left out of the body
    dateline_index, dateline_rest = None, None

    nonblank = [i for i, line in enumerate(lines) if line][:HEADER_LINES]
    for position, i in enumerate(nonblank):
        line = lines[i]
        heading = _MARKDOWN_HEADING.match(line)
        text = heading["text"].strip() if heading else line
        if not text:
            header_indexes.add(i)
            continue
        if _DATE_ONLY_LINE.match(text):
            header_indexes.add(i)
            if title.value is None:
                notes.append(f"Ignored the date line {text!r} above the title: a crawl or print date, not publication.")
            elif published.how not in (HOW_HEADER,):
                found = find_date(text)
                if found and published.value is None:
                    published = Found(found[0], HOW_BYLINE, text)
                    precision = "day"
            continue
        header = _PUBLISHED_HEADER.match(text)
        if header:
            found = find_date(header["rest"])
            if found:
                header_indexes.add(i)
                is_update = "update" in header["label"].lower()
                if not is_update and published.how != HOW_HEADER:
                    published = Found(found[0], HOW_HEADER, text)
                    precision = "day"
                elif is_update and published.value is None:
                    notes.append(f"Saw an update date {text!r}; publication date not stated in a header.")
                continue
        by = _BY_LINE.match(text)
        if by and title.value is not None and not byline:
            header_indexes.add(i)
            byline = by["who"].strip()
            named_agency = agency_by_alias(byline)
            if named_agency:
                agency = Found(named_agency, HOW_BYLINE, text)
            continue
        dateline = _DATELINE.match(text)
        if dateline:
            dateline_index = i
            rest = text[dateline.end():].strip()
            dateline_rest = rest
            found = date_from_match(dateline)
            if found and published.value is None:
                published = Found(found, HOW_DATELINE, dateline.group(0).strip(" -–—:."))
                precision = "day"
            credit = _credit_agency(dateline["credit1"], dateline["credit2"])
            if credit and agency.value is None:
                agency = Found(credit, HOW_DATELINE, dateline.group(0).strip(" -–—:."))
            if not rest:
                header_indexes.add(i)
            break  # the dateline opens the story
        if _ORIGINAL_URL.match(text) or _URL.fullmatch(text):
            header_indexes.add(i)
            continue
        if _PHOTO_CREDIT_SUFFIX.search(text):
            continue  # a photo caption: part of the page, not its metadata, and its credit names no source
        if heading and len(heading["hashes"]) >= 4:
            header_indexes.add(i)  # photo credits and embed markers set as small headings
            continue
        if title.value is None:
            if _looks_like_title(text) or (position == 0 and len(text) <= 200 and len(text.split()) >= 2):
                title = Found(text, HOW_TEXT, text)
            elif len(text) > 120 or (_TERMINAL.search(text) and len(text.split()) >= 6):
                break  # the story starts without a title line
            else:
                notes.append(f"Skipped {text!r} above the story: not a title.")
            header_indexes.add(i)
            continue
        if title.value is not None and not byline and _looks_like_person(text) and position <= 3:
            byline = text
            header_indexes.add(i)
            continue
        if len(text) > 120 or _TERMINAL.search(text):
            break  # the first paragraph of the story

    body_lines = []
    for i, line in enumerate(lines):
        if i in header_indexes:
            continue
        if i == dateline_index and dateline_rest is not None:
            line = dateline_rest
        body_lines.append(line)
    first = next((i for i, line in enumerate(body_lines) if line), None)
    if first is not None:
        place = _PLACE_DATELINE.match(body_lines[first])
        if place:
            body_lines[first] = body_lines[first][place.end():]
            notes.append(f"Dateline {place['place']!r} names a place but no date.")
    body = clean_body(body_lines)

    if url.value and published.value is None:
        found = url_date(url.value)
        if found:
            published = Found(found[0], HOW_URL, url.value)
            precision = found[1]
    elif url.value and published.value is not None:
        found = url_date(url.value)
        if found and found[1] == "day" and abs((found[0] - published.value).days) > 2:
            notes.append(f"The URL's date {found[0]} disagrees with the {published.how} date {published.value}.")

    docid = _DOCID.match(file_name)
    docid_date = _docid_date(docid["ymd"]) if docid else None
    if docid_date:
        if published.value is None:
            published = Found(docid_date, HOW_FILENAME, file_name)
            precision = "day"
        elif abs((published.value - docid_date).days) > 2:
            notes.append(f"The {published.how} date {published.value} is far from the document id's date {docid_date}.")
    if docid and agency.value is None and docid["prefix"] in DOCID_PREFIXES:
        agency = Found(DOCID_PREFIXES[docid["prefix"]], HOW_FILENAME, file_name)

    if title.value is None:
        first_sentence = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0] if body else ""
        words = first_sentence.split()
        title = Found(" ".join(words[:12]) + ("…" if len(words) > 12 else ""), "lead", first_sentence)
        notes.append("No title line: the title is the lead sentence's first words.")

    source = _find_source(url, body_lines, agency)
    if source.value is None:
        notes.append("The text names no outlet: source unknown, for an editor to set.")
    if published.value is None:
        notes.append("The text states no publication date: unknown, for an editor to set.")

    return ExtractedArticle(
        title=title,
        byline=byline,
        url=url,
        published=published,
        published_precision=precision,
        source=source,
        agency=agency,
        body=body,
        notes=notes,
    )


def _docid_date(ymd: str) -> date | None:
    try:
        return date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:]))
    except ValueError:
        return None


def _find_url(lines: list[str]) -> Found:
    for i, line in enumerate(lines):
        match = _ORIGINAL_URL.match(line)
        if not match:
            continue
        candidate = match["url"] or next((following for following in lines[i + 1 : i + 4] if following), "")
        found = _URL.search(candidate)
        if found:
            return Found(found.group(0).rstrip(".,;"), HOW_TEXT, line if match["url"] else f"{line} {candidate}")
    return Found()


def _find_source(url: Found, body_lines: list[str], agency: Found) -> Found:
    if url.value:
        domain = urlsplit(url.value).hostname or ""
        outlet = outlet_for_domain(domain)
        if outlet:
            return Found(outlet, HOW_DOMAIN, url.value)
    lead = " ".join([line for line in body_lines if len(line) > 60][:3])
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", lead):
        credit = _REPORTED_CREDIT.search(sentence)
        if credit:
            named = credit["outlet"]
            if re.search(rf"(?i)\b(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN})\b|'s\b|’s\b", named):
                continue  # "reported Monday's China Youth Daily": a citation with a date, not a credit
            outlet = outlet_for_name(named)
            # "..., reported Xinhua." in a wire story cites another agency; only an outlet credits itself.
            if outlet and outlet.kind != KIND_WIRE:
                return Found(outlet, HOW_CREDIT, credit.group(0).strip(" ,."))
    if agency.value is not None:
        return Found(agency.value, agency.how, agency.evidence)
    return Found()


def _credit_agency(*credits: str | None) -> Outlet | None:
    for credit in credits:
        if credit:
            found = agency_by_alias(credit.strip(" .,"))
            if found:
                return found
    return None


def _looks_like_title(text: str) -> bool:
    words = [word for word in text.split() if any(ch.isalpha() for ch in word)]
    return 2 <= len(words) <= 30 and len(text) <= 250 and not text.rstrip().endswith((".", ","))


def _looks_like_person(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(word[:1].isupper() and word.replace(".", "").replace("-", "").isalpha() for word in words)


def clean_body(lines: list[str]) -> str:
    """The story's paragraphs without page furniture: embeds, tweets, share buttons, link lists."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.extend(current)
            paragraphs.append("")
            current = []

    blocks = [p for p in paragraphs]
    kept: list[str] = []
    skip_url_after_marker = False
    for index, block in enumerate(blocks):
        if not block:
            continue
        heading = _MARKDOWN_HEADING.match(block)
        if heading:
            if len(heading["hashes"]) >= 4:
                continue
            block = heading["text"].strip()
        if skip_url_after_marker and _URL.fullmatch(block):
            skip_url_after_marker = False
            continue
        if _ORIGINAL_URL.match(block):
            skip_url_after_marker = True
            continue
        if _END_OF_ARTICLE.match(block):
            rest = " ".join(b for b in blocks[index + 1 :] if b)
            if len(rest) < 300:
                break
            continue
        if _BOILERPLATE.match(block) or _URL.fullmatch(block):
            continue
        if "pic.twitter.com" in block or _TWEET_SIGNATURE.match(block):
            continue
        block = _PHOTO_CREDIT_SUFFIX.sub("", block)
        if not block:
            continue
        if kept and _continues(kept[-1], block):
            kept[-1] = f"{kept[-1]} {block}"
        else:
            kept.append(block)
    return "\n\n".join(kept)


def _continues(previous: str, block: str) -> bool:
    """A paragraph cut mid-sentence by the page's markup: join it to the next block."""
    return len(previous) >= 60 and previous[-1:].isalnum() and not _TERMINAL.search(previous) and len(block) > 1


