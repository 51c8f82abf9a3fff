"""Ingesting into a story and building what changed: the work of `manage.py ingest` and of the background
task an editor starts from the browser. Progress goes to callbacks; a summary comes back."""

from collections.abc import Callable
from dataclasses import dataclass

from articles.ingest import IngestReport, Progress, ingest_documents, path_documents
from articles.models import Story

from .build import BuildReport, build_timeline


@dataclass
class IngestAndBuild:
    ingest: IngestReport
    build: BuildReport | None
    elsewhere: BuildReport | None = None  # the other stories of articles whose text changed

    def summary(self) -> str:
        builds = [report.summary() for report in (self.build, self.elsewhere) if report]
        return "\n".join([self.ingest.summary(), *builds])


def ingest_into_story(
    documents: list,
    story: Story,
    progress: Progress | None = None,
    build_progress: Callable[[int, int], None] | None = None,
    build: bool = True,
    problems: list | None = None,
) -> IngestAndBuild:
    """Ingest the documents into the story, then build the story's timeline for the articles that changed or
    joined it. `problems`: outcomes already failed (arguments that named no file)."""
    before = set(story.articles.values_list("pk", flat=True))
    report = ingest_documents(documents, story, progress)
    report.outcomes[:0] = problems or []
    joined = {o.article_id for o in report.outcomes if o.article_id and o.article_id not in before}
    changed = sorted(set(report.changed_article_ids) | joined)
    if not (changed and build):
        return IngestAndBuild(report, None)
    built = build_timeline(changed, progress=build_progress, story=story)
    updated = [o.article_id for o in report.outcomes if o.status == "updated"]
    shared = Story.objects.filter(articles__in=updated).exclude(pk=story.pk).distinct()
    elsewhere = [build_timeline(updated, story=other) for other in shared]
    return IngestAndBuild(report, built, elsewhere[0] if len(elsewhere) == 1 else _combined(elsewhere))


def _combined(reports: list[BuildReport]) -> BuildReport | None:
    if not reports:
        return None
    total = BuildReport()
    for report in reports:
        for name in ("articles", "mentions_added", "mentions_updated", "mentions_unchanged", "mentions_removed",
                     "mentions_waiting", "events_created", "mentions_merged", "events_deleted", "copies", "seconds"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        total.inferred += report.inferred
    return total


def ingest_paths_into_story(patterns: list[str], story: Story, max_bytes: int, **kwargs) -> IngestAndBuild:
    documents, problems = path_documents(patterns, max_bytes)
    return ingest_into_story(documents, story, problems=problems, **kwargs)
