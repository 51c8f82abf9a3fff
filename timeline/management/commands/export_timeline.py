from django.core.management.base import BaseCommand, CommandError
from django.db.models import F

from articles.models import Article, Story
from timeline.exports import FORMATS
from timeline.models import Event


def story_for(slug: str | None) -> Story | None:
    """The story named, or the only one there is; None while there is none."""
    if slug:
        story = Story.objects.filter(slug=slug).first()
        if story is None:
            raise CommandError(f"no story {slug!r}; stories: {', '.join(Story.objects.values_list('slug', flat=True)) or 'none yet'}")
        return story
    stories = list(Story.objects.order_by("pk")[:2])
    if len(stories) > 1:
        raise CommandError(f"there are several stories: name one with --story ({', '.join(Story.objects.values_list('slug', flat=True))})")
    return stories[0] if stories else None


class Command(BaseCommand):
    help = ("Print a story's timeline to stdout: json (articles and events), timelinejs, csv (a row per mention) or ics. "
            "--story is needed only when there are several stories.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=list(FORMATS), default="json")
        parser.add_argument("--story", metavar="SLUG", help="the story (default: the only one)")
        parser.add_argument("--include-hidden", action="store_true", help="also export events an editor hid")

    def handle(self, *args, format, story, include_hidden, **options):
        chosen = story_for(story)
        articles = (chosen.articles.all() if chosen else Article.objects.none()).order_by(
            F("published").asc(nulls_last=True), "file_name")
        events = Event.objects.filter(story=chosen).order_by("start", "end", "pk")
        if not include_hidden:
            events = events.exclude(status=Event.Status.HIDDEN)
        # Streamed, piece by piece: flat memory however large the timeline.
        binary = getattr(self.stdout, "buffer", None)  # the terminal's bytes; a StringIO (in tests) takes text
        for piece in FORMATS[format].stream(articles, events):
            if binary is not None:
                binary.write(piece)
            else:
                self.stdout.write(piece.decode(), ending="")
        self.stdout.flush()
