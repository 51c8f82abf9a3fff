"""Reading an article's metadata out of its raw text, the way a careful editor would.

Pure: text in, plain data out, no database. Every value says how it was found, and a value the text
does not support is left unknown rather than guessed. `extractors.EXTRACTORS` lists the ways of
finding metadata, in order; `fields.PRECEDENCE` says which way wins.
"""

from .boilerplate import clean_body, plain
from .dates import find_date, url_date
from .extractors import EXTRACTORS, extract
from .fields import (
    HOW_BYLINE,
    HOW_CREDIT,
    HOW_DATELINE,
    HOW_DOMAIN,
    HOW_EDITOR,
    HOW_FILENAME,
    HOW_HEADER,
    HOW_INFERRED,
    HOW_LEAD,
    HOW_MANIFEST,
    HOW_PAGE,
    HOW_TEXT,
    HOW_UNKNOWN,
    HOW_URL,
    PRECEDENCE,
    ExtractedArticle,
    Found,
    choices,
    choose,
)

__all__ = [
    "EXTRACTORS", "HOW_BYLINE", "HOW_CREDIT", "HOW_DATELINE", "HOW_DOMAIN", "HOW_EDITOR", "HOW_FILENAME", "HOW_HEADER",
    "HOW_INFERRED", "HOW_LEAD", "HOW_MANIFEST", "HOW_PAGE", "HOW_TEXT", "HOW_UNKNOWN", "HOW_URL", "PRECEDENCE", "ExtractedArticle",
    "Found", "choices", "choose", "clean_body", "extract", "find_date", "plain", "url_date",
]
