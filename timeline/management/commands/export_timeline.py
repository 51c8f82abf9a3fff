from django.core.management.base import BaseCommand
from django.db.models import F

from articles.models import Article
from timeline.exports import FORMATS
from timeline.models import Event


class Command(BaseCommand):
    help = "Print the timeline to stdout: json (articles and events), timelinejs, csv (a row per mention) or ics."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=list(FORMATS), default="json")
        parser.add_argument("--include-hidden", action="store_true", help="also export events an editor hid")

    def handle(self, *args, format, include_hidden, **options):
        articles = Article.objects.order_by(F("published").asc(nulls_last=True), "file_name")
        events = Event.objects.order_by("start", "end", "pk")
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
