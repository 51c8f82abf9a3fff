from django.core.management.base import BaseCommand, CommandError

from articles.models import Article, Story
from timeline.build import build_timeline
from timeline.progress import BuildProgress


class Command(BaseCommand):
    help = ("Build the timeline's mentions and events from articles (all, or those named), in every story or in one. "
            "Editors' changes are kept.")

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, action="append", dest="articles", metavar="ID",
                            help="only this article (repeatable)")
        parser.add_argument("--story", metavar="SLUG", help="only this story (default: every story)")

    def handle(self, *args, articles, story, verbosity, **options):
        if articles:
            missing = set(articles) - set(Article.objects.filter(pk__in=articles).values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        chosen = None
        if story:
            chosen = Story.objects.filter(slug=story).first()
            if chosen is None:
                raise CommandError(f"no story {story!r}; stories: {', '.join(Story.objects.values_list('slug', flat=True)) or 'none yet'}")
        progress = BuildProgress(self.stderr, enabled=verbosity > 0)
        report = build_timeline(articles, progress=progress, story=chosen)
        progress.close()
        self.stdout.write(report.summary())
