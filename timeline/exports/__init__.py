"""The timeline as files to download: one module per format, each adding itself to `FORMATS`.

The download URLs, the page's links and `export_timeline --format` all come from `FORMATS`: a new
format is one module here, imported at the bottom of this file. Every format streams: it yields its
file in pieces while it reads the events a chunk at a time, so memory stays flat whatever the size.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class ExportFormat:
    name: str  # in URLs' names and on the command line: "json"
    file_name: str  # the download's name, also its URL: "timeline.json"
    content_type: str
    label: str  # the page's link: "JSON"
    stream: Callable[..., Iterator[bytes]]  # (articles, events) → the file in pieces; both querysets already filtered

    @property
    def url_name(self) -> str:
        return f"timeline:export-{self.name}"

    def render(self, articles, events) -> bytes:
        return b"".join(self.stream(articles, events))


FORMATS: dict[str, ExportFormat] = {}


def register(export_format: ExportFormat) -> ExportFormat:
    FORMATS[export_format.name] = export_format
    return export_format


def render(name: str, articles, events) -> bytes:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; one of {', '.join(FORMATS)}")
    return FORMATS[name].render(articles, events)


# In the order the page lists them.
from . import json, timelinejs, csv, ics  # noqa: E402, F401, I001
