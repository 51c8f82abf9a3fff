from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from articles.models import Story
from timeline.ingesting import ingest_paths_into_story
from timeline.progress import BuildProgress, TerminalProgress


class Command(BaseCommand):
    """Ingest (the articles app's work), then build the timeline of what changed (the timeline's)."""

    help = ("Ingest articles (text files and saved web pages: files, folders and globs) into a story. "
            "Re-running changes nothing for unchanged files.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--story", metavar="SLUG", help=f"the story to add them to, created on first use (default: {Story.DEFAULT_SLUG!r})")
        parser.add_argument("--title", help="the story's title, when this creates it")
        parser.add_argument("--max-bytes", type=int, default=None, help="largest file accepted (default: INGEST_MAX_BYTES)")
        parser.add_argument("--no-build", action="store_true", help="do not rebuild the timeline for the changed articles")

    def handle(self, *args, paths, story, title, max_bytes, no_build, verbosity, **options):
        if story is not None and slugify(story) != story:
            raise CommandError(f"--story must be a slug (lower-case letters, digits and hyphens), e.g. {slugify(story)!r}")
        chosen = Story.named(story, title or "") if story else Story.default()
        files = TerminalProgress(self.stderr, "files", enabled=verbosity > 0)
        articles = BuildProgress(self.stderr, enabled=verbosity > 0)
        result = ingest_paths_into_story(
            paths, chosen, max_bytes or settings.INGEST_MAX_BYTES,
            progress=lambda done, total, outcome: files(done, total, outcome.path.rsplit("/", 1)[-1]),
            build_progress=articles, build=not no_build,
        )
        files.close()
        articles.close()
        report = result.ingest
        if verbosity >= 2:
            for outcome in report.outcomes:
                if outcome.status != "failed":
                    self.stdout.write(f"{outcome.status:9} {outcome.path} {outcome.detail}".rstrip())
        for outcome in report.failed:
            self.stderr.write(self.style.ERROR(f"failed    {outcome.path}: {outcome.detail}"))
        for outcome in report.outcomes:
            if outcome.status == "duplicate" and verbosity:
                self.stdout.write(f"duplicate {outcome.path}: {outcome.detail}")
        if story:
            self.stdout.write(f"Story: {chosen.title} ({chosen.slug})")
        self.stdout.write(result.summary())
        if report.failed:
            raise CommandError(f"{len(report.failed)} file(s) could not be ingested; see above.", returncode=1)
