"""The timeline as files to download: one module per format, each adding itself to `FORMATS`.

The download URLs, the page's links and `export_timeline --format` all come from `FORMATS`: a new
format is one module here, imported at the bottom of this file.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ExportFormat:
    name: str  # in URLs' names and on the command line: "json"
    file_name: str  # the download's name, also its URL: "timeline.json"
    content_type: str
    label: str  # the page's link: "JSON"
    render: Callable  # (articles, events) → bytes; both querysets already filtered

    @property
    def url_name(self) -> str:
        return f"timeline:export-{self.name}"


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
