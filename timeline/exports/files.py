"""Exports kept as files: written once, then sent to everyone who asks until the story changes.

A full export of a 25,000-article story is a few hundred megabytes and takes a minute to write; it is the
same file for every reader who asks for it between two changes. The first request writes it (with a
gzip copy) under a lock, so that thirty readers asking at once cost one writing, not thirty; the others
wait for it, then everyone is sent the file from disk, a block at a time.

A file is named for the story, the format, the filters and the story's *version*: what changes whenever
anything an export shows changes (an event, a mention, an article, a source, or a build of the story).
Files of an older version are deleted when a newer one is written; at most KEPT_FILES are kept in all.
"""

import fcntl
import gzip
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max

from articles.models import Article, Source

from ..models import Event, Mention
from . import ExportFormat

KEPT_FILES = 200


def folder() -> Path | None:
    """Where exports are kept; None when settings.EXPORT_FILES_DIR is empty (every export written afresh)."""
    return Path(settings.EXPORT_FILES_DIR) if settings.EXPORT_FILES_DIR else None


def version(story) -> str:
    """What changes whenever anything a story's export shows changes: counts and latest changes of its
    events, mentions and articles, of every source, and the story's own (a build touches it)."""
    parts = [story.pk, story.updated_at.isoformat()]
    for rows in (Event.objects.filter(story=story), Mention.objects.filter(story=story), Article.objects.filter(stories=story)):
        summary = rows.aggregate(count=Count("pk"), latest=Max("updated_at"))
        parts += [summary["count"], summary["latest"].isoformat() if summary["latest"] else ""]
    parts += Source.objects.order_by("pk").values_list("pk", "name", "slug")  # a few hundred rows at most
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:20]


def kept(export_format: ExportFormat, story, query: str, articles, events) -> Path:
    """The export's file (its gzip copy is beside it, named .gz), written first if it is not there yet."""
    base = folder()
    base.mkdir(parents=True, exist_ok=True)
    family = f"{story.pk}-{export_format.name}-{hashlib.sha256(query.encode()).hexdigest()[:16]}"
    path = base / f"{family}-{version(story)}.{export_format.file_name.rsplit('.', 1)[-1]}"
    if path.exists():
        return path
    with _locked(base / f"{story.pk}-{export_format.name}.lock"):  # one per story and format: a bounded number
        if not path.exists():  # another process may have written it while this one waited
            _write(path, export_format.stream(articles, events))
            _forget_older(base, family, keep=path)
    return path


def gzipped(path: Path) -> Path:
    return path.with_name(path.name + ".gz")


def _write(path: Path, pieces: Iterator[bytes]) -> None:
    """Both files are written beside their names and renamed when whole: a reader never sees half a file."""
    partial, partial_gz = path.with_name(path.name + ".partial"), path.with_name(path.name + ".gz.partial")
    try:
        with open(partial, "wb") as plain, open(partial_gz, "wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as compressed:
            for piece in pieces:
                plain.write(piece)
                compressed.write(piece)
        os.replace(partial_gz, gzipped(path))
        os.replace(partial, path)
    finally:
        for leftover in (partial, partial_gz):
            leftover.unlink(missing_ok=True)


def _forget_older(base: Path, family: str, keep: Path) -> None:
    for old in base.glob(f"{family}-*"):
        if old not in (keep, gzipped(keep)) and not old.name.endswith(".partial"):
            old.unlink(missing_ok=True)
    files = sorted(base.glob("*-*-*-*.*"), key=lambda p: p.stat().st_mtime if p.exists() else 0)
    for old in files[: max(0, len(files) - KEPT_FILES)]:
        if old not in (keep, gzipped(keep)) and not old.name.endswith((".partial", ".lock")):
            old.unlink(missing_ok=True)


@contextmanager
def _locked(path: Path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
