from django.core.management.base import BaseCommand, CommandError

from articles.ingest import ingest_paths
from timeline.build import build_timeline

PROGRESS_EVERY = 100


class Command(BaseCommand):
    """Ingest (the articles app's work), then build the timeline of what changed (the timeline's)."""

    help = "Ingest article text files: files, folders and globs. Re-running changes nothing for unchanged files."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--max-bytes", type=int, default=None, help="largest file accepted (default: INGEST_MAX_BYTES)")
        parser.add_argument("--no-build", action="store_true", help="do not rebuild the timeline for the changed articles")

    def handle(self, *args, paths, max_bytes, no_build, verbosity, **options):
        def progress(done: int, total: int) -> None:
            if verbosity and total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
                self.stderr.write(f"  {done}/{total} files")

        report = ingest_paths(paths, progress=progress, max_bytes=max_bytes)
        if verbosity >= 2:
            for outcome in report.outcomes:
                if outcome.status != "failed":
                    self.stdout.write(f"{outcome.status:9} {outcome.path} {outcome.detail}".rstrip())
        for outcome in report.failed:
            self.stderr.write(self.style.ERROR(f"failed    {outcome.path}: {outcome.detail}"))
        for outcome in report.outcomes:
            if outcome.status == "duplicate" and verbosity:
                self.stdout.write(f"duplicate {outcome.path}: {outcome.detail}")
        self.stdout.write(report.summary())
        if report.changed_article_ids and not no_build:
            self.stdout.write(build_timeline(report.changed_article_ids).summary())
        if report.failed:
            raise CommandError(f"{len(report.failed)} file(s) could not be ingested; see above.", returncode=1)
