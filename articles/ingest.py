"""Ingesting articles: read, check, extract metadata, and store each article in its own transaction, in a story.

Files, folders and globs from the command line, and files, pasted texts and fetched URLs from the browser,
all become `Document`s that take the same path: a saved web page (HTML) is read by trafilatura and
htmldate (newsdates.metadata.html), anything else is decoded as text. A manifest beside the files may state
what the text does not (see README, "Manifest"). It wins over what the text suggests; an editor's
corrections win over both and survive re-ingestion.
"""

import csv
import glob
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from newsdates import metadata
from newsdates.metadata import html, outlets

from .models import Article, Source, Story

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
MANIFEST_NAMES = ("manifest.json", "manifest.csv")
FALLBACK_ENCODING = "cp1252"  # after UTF-8 (with or without BOM): the usual encoding of mislabelled web text
MANIFEST_FIELDS = {"source", "url", "published", "agency", "title"}
CONTROL_CHARACTERS_PER_8K = 8  # more than this, on average, and the file is binary, not text


class IngestError(Exception):
    """A file that cannot become an article; the message says why, for the person running ingest."""


@dataclass
class FileOutcome:
    path: str
    status: str  # added, updated, unchanged, duplicate, failed
    detail: str = ""
    article_id: int | None = None


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    @property
    def changed_article_ids(self) -> list[int]:
        return [o.article_id for o in self.outcomes if o.status in ("added", "updated") and o.article_id]

    def summary(self) -> str:
        parts = [f"{self.count(status)} {status}" for status in ("added", "updated", "unchanged", "duplicate", "failed")]
        return "Ingest: " + ", ".join(parts) + f" ({len(self.outcomes)} files)"


@dataclass
class Document:
    """One thing to ingest: its name (the article's key), its bytes, and what is known of it besides."""

    name: str
    data: bytes
    display: str = ""  # how the outcome names it: the path, the URL
    manifest: "ManifestEntry | None" = None
    url: str = ""  # where it was fetched from


# (done, total, outcome of the input just finished): the command line's bar and the browser's progress page
Progress = Callable[[int, int, FileOutcome], None]


@dataclass
class ManifestEntry:
    source: str = ""
    agency: str = ""
    url: str = ""
    published: date | None = None
    title: str = ""


def collect_paths(patterns: Iterable[str]) -> tuple[list[Path], list[FileOutcome]]:
    """Expand files, folders and globs into article files; name the arguments that hold none."""
    found: list[Path] = []
    problems: list[FileOutcome] = []
    for pattern in patterns:
        matches = [Path(p) for p in sorted(glob.glob(pattern))] if glob.has_magic(pattern) else [Path(pattern)]
        if not matches:
            problems.append(FileOutcome(pattern, "failed", "no file matches this pattern"))
            continue
        for match in matches:
            if match.is_dir():
                files = sorted(p for p in match.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
                if not files:
                    problems.append(FileOutcome(str(match), "failed", "folder holds no article files (.txt, .text, .md, .html)"))
                found.extend(files)
            elif match.is_file():
                if match.name not in MANIFEST_NAMES:
                    found.append(match)
            else:
                problems.append(FileOutcome(str(match), "failed", "no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique, problems


def read_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """The manifest beside the files, keyed by file name; {} when there is none."""
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            try:
                rows = _manifest_rows(path)
                return {file_name: _manifest_entry(file_name, row) for file_name, row in rows.items()}
            except (ValueError, KeyError, csv.Error, UnicodeDecodeError) as error:
                raise IngestError(f"manifest {path}: {error}") from None
    return {}


def _manifest_rows(path: Path) -> dict[str, dict]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        data = json.loads(text)
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise ValueError('expected {"file name": {"source": ..., "url": ..., "published": ...}, ...}')
        return data
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise ValueError("the first row must name the columns, one of them 'file'")
    return {row["file"].strip(): row for row in reader if row.get("file")}


def _manifest_entry(file_name: str, row: dict) -> ManifestEntry:
    unknown = set(row) - MANIFEST_FIELDS - {"file"}
    if unknown:
        raise ValueError(f"{file_name}: unknown field(s) {', '.join(sorted(unknown))}")
    published = None
    if row.get("published"):
        try:
            published = date.fromisoformat(str(row["published"]).strip())
        except ValueError:
            raise ValueError(f"{file_name}: published must be an ISO date (YYYY-MM-DD), not {row['published']!r}") from None
    return ManifestEntry(
        source=str(row.get("source") or "").strip(),
        agency=str(row.get("agency") or "").strip(),
        url=str(row.get("url") or "").strip(),
        published=published,
        title=str(row.get("title") or "").strip(),
    )


def decode(data: bytes) -> str:
    """The file's text, or an IngestError saying why it is not article text. Every check reads the whole file."""
    if not data.strip():
        raise IngestError("empty file")
    if (nul := data.find(b"\x00")) >= 0:
        raise IngestError(f"binary file (a NUL byte at offset {nul:,}), not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode(FALLBACK_ENCODING)
        except UnicodeDecodeError as error:
            raise IngestError(
                f"undecodable bytes at offset {error.start}: neither UTF-8 nor {FALLBACK_ENCODING}"
            ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > CONTROL_CHARACTERS_PER_8K * -(-len(text) // 8192):
        raise IngestError(f"binary file ({controls:,} control characters), not article text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise IngestError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (INGEST_MAX_BYTES)")


def read_article_file(path: Path, max_bytes: int) -> bytes:
    check_size(path.stat().st_size, max_bytes)
    return path.read_bytes()


def path_documents(patterns: Iterable[str], max_bytes: int) -> tuple[list, list[FileOutcome]]:
    """The files that patterns name, each a Document to read when its turn comes (or an IngestError, for a
    file whose folder's manifest is broken), and the arguments that name none."""
    paths, problems = collect_paths(patterns)
    manifests: dict[Path, dict[str, ManifestEntry] | IngestError] = {}
    documents = []
    for path in paths:
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = read_manifest(folder)
            except IngestError as error:
                manifests[folder] = error
        manifest = manifests[folder]
        documents.append(_PathDocument(path, max_bytes, manifest))
    return documents, problems


@dataclass
class _PathDocument:
    """A file, read only when its turn comes: a corpus of thousands is never held in memory at once."""

    path: Path
    max_bytes: int
    manifest: dict | IngestError

    @property
    def display(self) -> str:
        return str(self.path)

    def load(self) -> Document:
        if isinstance(self.manifest, IngestError):
            raise self.manifest
        data = read_article_file(self.path, self.max_bytes)
        return Document(self.path.name, data, str(self.path), self.manifest.get(self.path.name))


def ingest_paths(
    patterns: Iterable[str],
    progress: Progress | None = None,
    max_bytes: int | None = None,
    story: Story | None = None,
) -> IngestReport:
    """Ingest files, folders and globs into `story` (the default story when none is named)."""
    documents, problems = path_documents(patterns, max_bytes or settings.INGEST_MAX_BYTES)
    report = ingest_documents(documents, story, progress)
    report.outcomes[:0] = problems
    return report


def ingest_documents(documents: list, story: Story | None = None, progress: Progress | None = None) -> IngestReport:
    """Ingest each document (a Document, or anything whose `load()` gives one or raises IngestError) in its own
    transaction, into `story`; a failure is that document's alone."""
    story = story or Story.default()
    report = IngestReport()
    for index, document in enumerate(documents, start=1):
        display = document.display or getattr(document, "name", "")
        try:
            loaded = document.load() if hasattr(document, "load") else document
            outcome = ingest_document(loaded, story)
        except IngestError as error:
            outcome = FileOutcome(display, "failed", str(error))
        report.outcomes.append(outcome)
        if progress:
            progress(index, len(documents), outcome)
    if report.outcomes:
        story.touch()
    return report


def ingest_document(document: Document, story: Story | None = None) -> FileOutcome:
    """One document: a saved web page is read by trafilatura and htmldate, anything else decoded as text."""
    if not document.data.strip():
        raise IngestError("empty file")
    if html.looks_like_html(document.name, document.data):
        page_html = decode(document.data)
        page = html.read_page(page_html, document.url)
        if page is None:
            raise IngestError("no article text found in this web page")
        stated = page.stated()
        if document.url:
            stated["url"] = [metadata.Found(document.url, metadata.HOW_PAGE, "the address it was fetched from")]
        return ingest_text(page.text, document.name, document.manifest, document.display, story=story, stated=stated,
                           note="read from a web page (HTML) by trafilatura; its date by htmldate")
    stated = {"url": [metadata.Found(document.url, metadata.HOW_PAGE, "the address it was fetched from")]} if document.url else None
    return ingest_text(decode(document.data), document.name, document.manifest, document.display, story=story, stated=stated)


def ingest_text(
    text: str,
    file_name: str,
    manifest: ManifestEntry | None = None,
    display_path: str = "",
    story: Story | None = None,
    stated: dict[str, list[metadata.Found]] | None = None,
    note: str = "",
) -> FileOutcome:
    """Store one article text under its file name, in `story` (the default story when none is named).
    `stated`: metadata the text's container gives (a web page's head), ranked by the precedence table."""
    display_path = display_path or file_name
    story = story or Story.default()
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    same_content = Article.objects.filter(content_hash=content_hash).only("id", "file_name").first()
    if same_content:
        _join(story, same_content.pk)
        if same_content.file_name == file_name:
            return FileOutcome(display_path, "unchanged", "", same_content.id)
        return FileOutcome(display_path, "duplicate", f"same text as {same_content.file_name}", same_content.id)

    extracted = metadata.extract(text, file_name)
    if not extracted.body.strip():
        raise IngestError("no article text left once the page furniture is removed")

    try:
        with transaction.atomic():
            existing = Article.objects.select_for_update().filter(file_name=file_name).first()
            article = existing or Article(file_name=file_name)
            _apply(article, text, content_hash, extracted, manifest, stated or {})
            if note:
                article.notes = [note, *article.notes]
            try:
                article.full_clean(exclude=["source", "agency", "content_hash", "file_name"])
            except ValidationError as error:
                raise IngestError(f"invalid metadata: {'; '.join(error.messages)}") from None
            article.needs_build = True
            article.save()
            story.articles.add(article)
    except IntegrityError:
        # Another ingest stored this text (or this file name) between our look and our write: theirs stands.
        stored = Article.objects.filter(Q(content_hash=content_hash) | Q(file_name=file_name)).only("id", "file_name").first()
        if stored is None:
            raise
        _join(story, stored.pk)
        same = stored.file_name == file_name
        return FileOutcome(display_path, "unchanged" if same else "duplicate", "" if same else f"same text as {stored.file_name}",
                           stored.id)
    return FileOutcome(display_path, "updated" if existing else "added", "", article.id)


def _join(story: Story, article_id: int) -> None:
    """Put an article in the story; one new to the story waits for the story's build."""
    with transaction.atomic():
        if not story.articles.filter(pk=article_id).exists():
            story.articles.add(article_id)
            Article.objects.filter(pk=article_id).update(needs_build=True)


def _apply(article: Article, text: str, content_hash: str, found: metadata.ExtractedArticle, manifest, page: dict) -> None:
    """Set the article's fields from what was found. The precedence table decides between the manifest, the
    page and the text; a field an editor set stays as the editor left it, even where the editor made it unknown."""
    article.raw_text = text
    article.content_hash = content_hash
    article.body = found.body
    article.notes = found.notes
    article.byline = found.byline[:300]
    stated = _manifest_candidates(manifest)
    for name, candidates in page.items():
        stated[name] = [*stated.get(name, []), *candidates]

    if article.title_how != metadata.HOW_EDITOR:
        title = metadata.choose("title", [*stated.get("title", []), found.title])
        article.title, article.title_how = (title.value or "")[:500], title.how
    url = metadata.choose("url", [*stated.get("url", []), found.url]).value or ""
    if not url.startswith(("http://", "https://")):
        url = ""
    article.url = article.url if article.pk and article.url and not url else url[:1000]
    if article.published_how != metadata.HOW_EDITOR:
        published = metadata.choose("published", [*stated.get("published", []), found.published])
        article.published, article.published_how = published.value, published.how
        article.published_evidence, article.published_precision = published.evidence, published.precision
        article.published_confidence = None
    if article.source_how != metadata.HOW_EDITOR:
        source = metadata.choose("source", [*stated.get("source", []), found.source])
        agency = metadata.choose("agency", [*stated.get("agency", []), found.agency])
        article.source = Source.for_outlet(source.value) if source.value else None
        article.source_how, article.source_evidence = source.how, source.evidence
        article.agency = Source.for_outlet(agency.value) if agency.value else None


def _manifest_candidates(manifest: ManifestEntry | None) -> dict[str, list[metadata.Found]]:
    """What a manifest states, as candidates for the precedence table."""
    if manifest is None:
        return {}
    stated: dict[str, list[metadata.Found]] = {}
    how = metadata.HOW_MANIFEST
    if manifest.title:
        stated["title"] = [metadata.Found(manifest.title, how, "manifest")]
    if manifest.url:
        stated["url"] = [metadata.Found(manifest.url, how, "manifest")]
    if manifest.published:
        stated["published"] = [metadata.Found(manifest.published, how, "manifest", "day")]
    if manifest.agency:
        agency = outlets.agency_by_alias(manifest.agency) or outlets.Outlet(manifest.agency, outlets.KIND_WIRE)
        stated["agency"] = [metadata.Found(agency, how, "manifest")]
    if manifest.source:
        source = outlets.outlet_for_name(manifest.source) or outlets.Outlet(manifest.source, outlets.KIND_OUTLET)
        stated["source"] = [metadata.Found(source, how, "manifest")]
    return stated
