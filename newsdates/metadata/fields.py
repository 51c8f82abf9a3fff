"""What an article's metadata is made of: each field's values, how each was found, and which way of
finding it wins when several disagree (the precedence table).

An editor's correction beats everything; a manifest beside the files beats the text; within the text
the more deliberate statement wins: a "Published:" header over a date under the byline, over the
dateline, over the URL's path, over the document id in the file name.
"""

from dataclasses import dataclass, field

HOW_EDITOR = "editor"
HOW_MANIFEST = "manifest"
HOW_PAGE = "page"  # a saved web page's own metadata (its head), read by trafilatura and htmldate
HOW_HEADER = "header"
HOW_BYLINE = "byline"
HOW_DATELINE = "dateline"
HOW_URL = "url"
HOW_FILENAME = "filename"
HOW_CREDIT = "credit"
HOW_DOMAIN = "domain"
HOW_TEXT = "text"
HOW_LEAD = "lead"
HOW_INFERRED = "inferred"  # set by the timeline build, from what other articles report
HOW_UNKNOWN = "unknown"

# Field → the ways a value can be found, strongest first, each with the words an editor reads.
PRECEDENCE: dict[str, list[tuple[str, str]]] = {
    "published": [
        (HOW_EDITOR, "set by an editor"),
        (HOW_MANIFEST, "manifest"),
        (HOW_PAGE, "the web page's metadata"),
        (HOW_HEADER, "“Published” header"),
        (HOW_BYLINE, "date under the byline"),
        (HOW_DATELINE, "dateline"),
        (HOW_URL, "URL path"),
        (HOW_FILENAME, "document id in the file name"),
        (HOW_INFERRED, "inferred from other articles"),
    ],
    "source": [
        (HOW_EDITOR, "set by an editor"),
        (HOW_MANIFEST, "manifest"),
        (HOW_PAGE, "the web page's site name"),
        (HOW_DOMAIN, "URL domain"),
        (HOW_CREDIT, "credit line in the text"),
        # the story is the wire agency's own: the agency found by byline, dateline or document id
        (HOW_BYLINE, "byline"),
        (HOW_DATELINE, "wire credit in the dateline"),
        (HOW_FILENAME, "document id in the file name"),
    ],
    "agency": [
        (HOW_EDITOR, "set by an editor"),
        (HOW_MANIFEST, "manifest"),
        (HOW_BYLINE, "byline"),
        (HOW_DATELINE, "wire credit in the dateline"),
        (HOW_FILENAME, "document id in the file name"),
    ],
    "title": [
        (HOW_EDITOR, "set by an editor"),
        (HOW_MANIFEST, "manifest"),
        (HOW_PAGE, "the web page's title"),
        (HOW_TEXT, "title line"),
        (HOW_LEAD, "the lead's first words"),
    ],
    "url": [
        (HOW_MANIFEST, "manifest"),
        (HOW_PAGE, "the web page's address"),
        (HOW_TEXT, "URL line in the text"),
    ],
}


def choices(field_name: str) -> list[tuple[str, str]]:
    """(how, label) for a model field's choices, the unknown last."""
    return [*PRECEDENCE[field_name], (HOW_UNKNOWN, "unknown")]


@dataclass
class Found:
    """A metadata value, how it was found, and the words it was found in."""

    value: object = None
    how: str = HOW_UNKNOWN
    evidence: str = ""
    precision: str = ""  # for dates: "day", "month" or "year"


def choose(field_name: str, candidates: list[Found]) -> Found:
    """The candidate found the strongest way; among equals, the first found."""
    rank = {how: index for index, (how, _) in enumerate(PRECEDENCE[field_name])}
    found = [c for c in candidates if c.value is not None and c.how in rank]
    return min(found, key=lambda c: rank[c.how]) if found else Found()


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
