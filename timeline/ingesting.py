"""Ingesting into a story and building what changed: the work of `manage.py ingest` and of the background
task an editor starts from the browser. Progress goes to callbacks; a summary comes back."""

from collections.abc import Callable
from dataclasses import dataclass

from articles.ingest import IngestReport, Progress, ingest_documents, path_documents
from articles.models import Article, Story

from .build import BuildReport, build_timeline
from .locks import building


@dataclass
class IngestAndBuild:
    ingest: IngestReport
    build: BuildReport | None
    elsewhere: BuildReport | None = None  # the other stories of articles whose text changed
    waiting: int = 0  # articles left for a later build (`--no-build`)

    def summary(self) -> str:
        builds = [report.summary() for report in (self.build, self.elsewhere) if report]
        if self.waiting:
            builds.append(f"{self.waiting} article(s) wait for a build: the next ingest or build_timeline builds them.")
        return "\n".join([self.ingest.summary(), *builds])


def ingest_into_story(
    documents: list,
    story: Story,
    progress: Progress | None = None,
    build_progress: Callable[..., None] | None = None,
    build: bool = True,
    problems: list | None = None,
) -> IngestAndBuild:
    """Ingest the documents into the story, then build the story's timeline for the articles that changed or
    joined it, and whatever an earlier run left unbuilt (a crash, kill -9, `--no-build`).
    `problems`: outcomes already failed (arguments that named no file)."""
    report = ingest_documents(documents, story, progress)
    report.outcomes[:0] = problems or []
    if not build:
        return IngestAndBuild(report, None, waiting=Article.objects.filter(needs_build=True).count())
    with building():  # what waits is read once this run's turn has come: a concurrent run may have built it
        waiting = Article.objects.filter(needs_build=True)
        mine = sorted(waiting.filter(stories=story).values_list("pk", flat=True))
        built = build_timeline(mine, progress=build_progress, story=story) if mine else None
        # The other stories of articles that changed here, and any article an earlier run left unbuilt.
        rest = sorted(waiting.values_list("pk", flat=True))
        elsewhere = build_timeline(rest) if rest else None
    return IngestAndBuild(report, built, elsewhere)


def ingest_paths_into_story(patterns: list[str], story: Story, max_bytes: int, **kwargs) -> IngestAndBuild:
    documents, problems = path_documents(patterns, max_bytes)
    return ingest_into_story(documents, story, problems=problems, **kwargs)
