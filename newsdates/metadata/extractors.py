"""Article metadata, one small extractor at a time.

`EXTRACTORS` runs in order over a page; each offers candidates for the fields it knows (and notes
what a careful editor should hear about). The precedence table in `fields` then chooses each field's
value. A new way of finding metadata is one function added to `EXTRACTORS` (and, for a new kind of
evidence, one line in `fields.PRECEDENCE`).
"""

import re
from urllib.parse import urlsplit

from ..lexicon import MONTH_PATTERN, WEEKDAY_PATTERN
from .boilerplate import ORIGINAL_URL, URL, clean_body
from .dates import DOCUMENT_ID, document_id_date, url_date
from .fields import HOW_CREDIT, HOW_DOMAIN, HOW_FILENAME, HOW_LEAD, HOW_TEXT, HOW_URL, ExtractedArticle, Found
from .header import read_header
from .outlets import DOCID_PREFIXES, KIND_WIRE, outlet_for_domain, outlet_for_name
from .page import Page

# "Seoul, South Korea -- North Korean leader...": a place dateline with no date, in the lead paragraph.
_PLACE_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}){0,2})\s+(?:--|—|–)\s+")
# "..., reported The Straits Times." An inverted credit names the outlet that ran the story.
_REPORTED_CREDIT = re.compile(
    r"[,.]?\s+(?:reported|reports)\s+(?P<outlet>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s*\.\s*$"
)


def original_url(page: Page) -> None:
    """An "Original url:" line anywhere on the page (the URL may stand on the next lines)."""
    for i, line in enumerate(page.lines):
        match = ORIGINAL_URL.match(line)
        if not match:
            continue
        candidate = match["url"] or next((following for following in page.lines[i + 1 : i + 4] if following), "")
        found = URL.search(candidate)
        if found:
            page.offer("url", Found(found.group(0).rstrip(".,;"), HOW_TEXT, line if match["url"] else f"{line} {candidate}"))
            return


def story_body(page: Page) -> None:
    """The story: every line but the header's, the dateline's line from where the story starts."""
    for i, line in enumerate(page.lines):
        if i in page.header_lines:
            continue
        if i == page.dateline_line and page.dateline_rest is not None:
            line = page.dateline_rest
        page.body_lines.append(line)
    first = next((i for i, line in enumerate(page.body_lines) if line), None)
    if first is not None and (place := _PLACE_DATELINE.match(page.body_lines[first])):
        page.body_lines[first] = page.body_lines[first][place.end() :]
        page.notes.append(f"Dateline {place['place']!r} names a place but no date.")
    page.body = clean_body(page.body_lines)


def url_path_date(page: Page) -> None:
    url = page.best("url").value
    found = url_date(url) if url else None
    if not found:
        return
    published = page.best("published")
    if published.value is None:
        page.offer("published", Found(found[0], HOW_URL, url, found[1]))
    elif found[1] == "day" and abs((found[0] - published.value).days) > 2:
        page.notes.append(f"The URL's date {found[0]} disagrees with the {published.how} date {published.value}.")


def document_id(page: Page) -> None:
    """LDC document ids in file names (AFP_ENG_19970401.0006) carry the filing day and the agency."""
    docid = DOCUMENT_ID.match(page.file_name)
    if not docid:
        return
    if day := document_id_date(docid["ymd"]):
        published = page.best("published")
        if published.value is None:
            page.offer("published", Found(day, HOW_FILENAME, page.file_name, "day"))
        elif abs((published.value - day).days) > 2:
            page.notes.append(f"The {published.how} date {published.value} is far from the document id's date {day}.")
    if not page.has("agency") and docid["prefix"] in DOCID_PREFIXES:
        page.offer("agency", Found(DOCID_PREFIXES[docid["prefix"]], HOW_FILENAME, page.file_name))


def lead_title(page: Page) -> None:
    if page.has("title"):
        return
    first_sentence = re.split(r"(?<=[.!?])\s", page.body, maxsplit=1)[0] if page.body else ""
    words = first_sentence.split()
    page.offer("title", Found(" ".join(words[:12]) + ("…" if len(words) > 12 else ""), HOW_LEAD, first_sentence))
    page.notes.append("No title line: the title is the lead sentence's first words.")


def domain_source(page: Page) -> None:
    url = page.best("url").value
    if url and (outlet := outlet_for_domain(urlsplit(url).hostname or "")):
        page.offer("source", Found(outlet, HOW_DOMAIN, url))


def credit_source(page: Page) -> None:
    lead = " ".join([line for line in page.body_lines if len(line) > 60][:3])
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", lead):
        credit = _REPORTED_CREDIT.search(sentence)
        if not credit:
            continue
        named = credit["outlet"]
        if re.search(rf"(?i)\b(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN})\b|'s\b|’s\b", named):
            continue  # "reported Monday's China Youth Daily": a citation with a date, not a credit
        outlet = outlet_for_name(named)
        # "..., reported Xinhua." in a wire story cites another agency; only an outlet credits itself.
        if outlet and outlet.kind != KIND_WIRE:
            page.offer("source", Found(outlet, HOW_CREDIT, credit.group(0).strip(" ,.")))
            return


def agency_source(page: Page) -> None:
    """A wire story with no other outlet named is the agency's own."""
    agency = page.best("agency")
    if agency.value is not None:
        page.offer("source", Found(agency.value, agency.how, agency.evidence))


def unknowns(page: Page) -> None:
    if page.best("source").value is None:
        page.notes.append("The text names no outlet: source unknown, for an editor to set.")
    if page.best("published").value is None:
        page.notes.append("The text states no publication date: unknown, for an editor to set.")


EXTRACTORS = [
    original_url,
    read_header,
    story_body,
    url_path_date,
    document_id,
    lead_title,
    domain_source,
    credit_source,
    agency_source,
    unknowns,
]


def extract(raw_text: str, file_name: str = "") -> ExtractedArticle:
    page = Page.read(raw_text, file_name)
    for extractor in EXTRACTORS:
        extractor(page)
    published = page.best("published")
    return ExtractedArticle(
        title=page.best("title"),
        byline=page.byline,
        url=page.best("url"),
        published=published,
        published_precision=published.precision,
        source=page.best("source"),
        agency=page.best("agency"),
        body=page.body,
        notes=page.notes,
    )
