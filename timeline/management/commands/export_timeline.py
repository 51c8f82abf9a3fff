import json

from django.core.management.base import BaseCommand
from django.db.models import F

from articles.models import Article
from timeline.exports import timeline_json


class Command(BaseCommand):
    help = "Print the timeline (articles and events) to stdout."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, format, **options):
        data = timeline_json(Article.objects.order_by(F("published").asc(nulls_last=True), "file_name"))
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
