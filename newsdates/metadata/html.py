"""Saved web pages: the article's text and the page's own metadata, read by trafilatura (the text, title,
site name, author, address) and htmldate (the publication date), not by hand-written parsing.

The text is then read like any article text (`extract`); what the page's head states is offered as
candidates of the "page" kind, which the precedence table ranks below a manifest and above the text.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import htmldate
import trafilatura

from . import outlets
from .fields import HOW_PAGE, Found

HTML_SUFFIXES = {".html", ".htm"}
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta")


@dataclass
class WebPage:
    text: str  # the article as text: title, byline and paragraphs, ready for `extract`
    title: str = ""
    author: str = ""
    site_name: str = ""
    url: str = ""
    published: date | None = None

    def stated(self) -> dict[str, list[Found]]:
        """What the page's head states, as candidates for `fields.choose`."""
        stated: dict[str, list[Found]] = {}
        if self.title:
            stated["title"] = [Found(self.title, HOW_PAGE, "the page's title")]
        if self.url:
            stated["url"] = [Found(self.url, HOW_PAGE, "the page's address")]
        if self.published:
            stated["published"] = [Found(self.published, HOW_PAGE, f"the page's metadata: {self.published.isoformat()}", "day")]
        outlet = self.outlet()
        if outlet:
            stated["source"] = [Found(outlet, HOW_PAGE, f"the page's site name: {self.site_name or outlet.domain}")]
        return stated

    def outlet(self) -> outlets.Outlet | None:
        host = (urlsplit(self.url).hostname or "").removeprefix("www.")
        if self.site_name:
            return outlets.outlet_for_name(self.site_name) or outlets.Outlet(self.site_name, outlets.KIND_OUTLET, host)
        return outlets.outlet_for_domain(host) if host else None


def looks_like_html(name: str, data: bytes) -> bool:
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return suffix in HTML_SUFFIXES or data.lstrip()[:20].lower().startswith(_HTML_STARTS)


def read_page(html: str, url: str = "") -> WebPage | None:
    """The article in a web page, or None when the page holds no article text."""
    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        return None
    published = None
    found = htmldate.find_date(html, url=url or None, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    if found:
        published = date.fromisoformat(found)
    title = (document.title or "").strip()
    author = (document.author or "").strip()
    lines = [f"# {title}", ""] if title else []
    if author:
        lines += [f"By {author}", ""]
    paragraphs = [p.strip() for p in document.text.split("\n") if p.strip()]
    text = "\n".join(lines) + "\n\n".join(paragraphs) + "\n"
    return WebPage(
        text=text,
        title=title,
        author=author,
        site_name=(document.sitename or "").strip(),
        url=(document.url or url or "").strip(),
        published=published,
    )
