from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from timeline.build import build_timeline

PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = "Build the timeline's mentions and events from articles (all, or those named). Editors' changes are kept."

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, action="append", dest="articles", metavar="ID",
                            help="only this article (repeatable)")

    def handle(self, *args, articles, verbosity, **options):
        if articles:
            missing = set(articles) - set(Article.objects.filter(pk__in=articles).values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")

        def progress(done: int, total: int) -> None:
            if verbosity and total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
                self.stderr.write(f"  {done}/{total} articles")

        report = build_timeline(articles, progress=progress)
        self.stdout.write(report.summary())
