from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdates.evaluation import dateline_system, report, run, search_dates_system
from newsdates.timeml import load_corpus


class Command(BaseCommand):
    help = "Score date anchoring on TimeML files the TempEval-3 way (strict, relaxed and value F1), with throughput."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder of .tml files, each with a <DCT> and gold TIMEX3 tags")
        parser.add_argument("--baseline", action="store_true", help="also score plain dateparser.search_dates, in the same run")
        parser.add_argument("--mistakes", type=int, default=0, metavar="N", help="list the first N disagreements with gold")

    def handle(self, *args, folder, baseline, mistakes, **options):
        try:
            documents = load_corpus(Path(folder))
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from None
        runs = [run("dateline", dateline_system, documents)]
        if baseline:
            runs.append(run("search_dates", search_dates_system, documents))
        self.stdout.write(f"{len(documents)} documents, {sum(len(d.gold) for d in documents)} gold expressions\n")
        self.stdout.write(report(runs))
        for name, gold, found in runs[0].score.mistakes[:mistakes]:
            expected = f"{gold.text!r} {gold.type} {gold.value} {gold.mod}".strip() if gold else "—"
            got = f"{found.text!r} {found.type} {found.value} {found.mod}".strip() if found else "—"
            self.stdout.write(f"{name:<20} gold: {expected:<45} system: {got}")
