"""Background tasks (Django's tasks framework): an ingest or a rebuild an editor started from the browser.

The task records its progress on its Job as it goes (done / total, the current input, each failure with
its reason), which the job's page polls; the tasks framework keeps the task's status and return value.
"""

from django.tasks import task
from django.utils import timezone

from articles.fetch import fetch
from articles.ingest import Document, FileOutcome, IngestError

from .build import build_timeline
from .ingesting import ingest_into_story
from .models import Job


@task
def run_job(job_id: int) -> str:
    job = Job.objects.select_related("story").get(pk=job_id)
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, started_at=timezone.now())
    try:
        summary = ingest_job(job) if job.kind == Job.Kind.INGEST else rebuild_job(job)
    except Exception as error:
        job.inputs.all().delete()  # nothing half-read is kept; the articles already stored stay, each whole
        Job.objects.filter(pk=job.pk).update(state=Job.State.FAILED, finished_at=timezone.now(), current="",
                                             summary=f"Stopped by an error: {type(error).__name__}: {error}")
        raise
    Job.objects.filter(pk=job.pk).update(state=Job.State.DONE, finished_at=timezone.now(), current="", summary=summary)
    return summary


class _RefusedInput:
    """An upload refused on arrival (too large): it fails with the reason the command line would give."""

    def __init__(self, name: str, reason: str):
        self.display, self.reason = name, reason

    def load(self) -> Document:
        raise IngestError(self.reason)


class _UrlInput:
    """A URL, fetched only when its turn comes, so that the page shows which one is being fetched."""

    def __init__(self, url: str):
        self.url = self.display = url

    def load(self) -> Document:
        return fetch(self.url)


def ingest_job(job: Job) -> str:
    inputs = list(job.inputs.all())
    documents = [
        _UrlInput(item.url) if item.url else _RefusedInput(item.name, item.refused) if item.refused
        else Document(item.name, bytes(item.data), item.name)
        for item in inputs
    ]
    Job.objects.filter(pk=job.pk).update(total=len(documents), current=_display(documents[0]) if documents else "")

    def progress(done: int, total: int, outcome: FileOutcome) -> None:
        update = {"done": done, "current": _display(documents[done]) if done < total else "Building the timeline…",
                  "counts": _counted(job, outcome)}
        if outcome.status == "failed":
            job.failures = [*job.failures, {"name": outcome.path, "reason": outcome.detail}]
            update["failures"] = job.failures
        Job.objects.filter(pk=job.pk).update(**update)

    def build_progress(done: int, total: int, unit: str = "articles") -> None:
        Job.objects.filter(pk=job.pk).update(current=_building(done, total, unit))

    result = ingest_into_story(documents, job.story, progress=progress, build_progress=build_progress)
    job.inputs.all().delete()  # read: what was good is now an article, and nothing is kept of the rest
    return result.summary()


def rebuild_job(job: Job) -> str:
    total = job.story.articles.count()
    Job.objects.filter(pk=job.pk).update(total=total)

    def progress(done: int, total: int, unit: str = "articles") -> None:
        if unit == "articles":
            Job.objects.filter(pk=job.pk).update(done=done, current=f"{done} of {total} articles")
        else:
            Job.objects.filter(pk=job.pk).update(current=_building(done, total, unit))

    return build_timeline(progress=progress, story=job.story).summary()


def _building(done: int, total: int, unit: str) -> str:
    if unit == "events":
        return f"Building the timeline: comparing events again, {done:,} of about {total:,}"
    return f"Building the timeline: {done} of {total} articles"


def _display(document) -> str:
    return getattr(document, "display", "") or getattr(document, "name", "")


def _counted(job: Job, outcome: FileOutcome) -> dict:
    job.counts = {**job.counts, outcome.status: job.counts.get(outcome.status, 0) + 1}
    return job.counts

