from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsdates.evaluation import SetResult, dateline_system, report, run, search_dates_system, side_by_side
from newsdates.timeml import load_corpus

# The development sets, where the shared material sits beside the project.
DEV_SETS = ("timeml-aquaint", "wikiwars", "tweets-train")


def default_folders() -> list[Path]:
    corpus = Path(settings.BASE_DIR).parent / "shared" / "corpus"
    return [corpus / name for name in DEV_SETS]


def evaluate(folders: list[Path], baseline: bool) -> list[SetResult]:
    """Each folder scored by the engine (and by plain search_dates)."""
    results = []
    for folder in folders:
        documents = load_corpus(folder)
        result = SetResult(folder.name, len(documents), sum(len(d.gold) for d in documents))
        result.runs.append(run("dateline", dateline_system, documents))
        if baseline:
            result.runs.append(run("search_dates", search_dates_system, documents))
        results.append(result)
    return results


class Command(BaseCommand):
    help = "Score date anchoring on TimeML folders the TempEval-3 way (strict, relaxed and value F1), side by side, with throughput."

    def add_arguments(self, parser):
        parser.add_argument("folders", nargs="*", metavar="FOLDER",
                            help=f"folders of .tml files, each with a <DCT> and gold TIMEX3 tags (default: {', '.join(DEV_SETS)})")
        parser.add_argument("--baseline", action="store_true", help="also score plain dateparser.search_dates, in the same run")
        parser.add_argument("--mistakes", type=int, default=0, metavar="N", help="list the first N disagreements with gold, per folder")
        parser.add_argument("--detail", action="store_true", help="per-type figures for each folder")

    def handle(self, *args, folders, baseline, mistakes, detail, **options):
        paths = [Path(folder) for folder in folders] or default_folders()
        try:
            results = evaluate(paths, baseline)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from None
        for result in results:
            self.stdout.write(f"{result.name}: {result.documents} documents, {result.gold} gold expressions\n")
            if detail or len(results) == 1:
                self.stdout.write(report(result.runs))
            for name, gold, found in result.runs[0].score.mistakes[:mistakes]:
                expected = f"{gold.text!r} {gold.type} {gold.value} {gold.mod}".strip() if gold else "—"
                got = f"{found.text!r} {found.type} {found.value} {found.mod}".strip() if found else "—"
                self.stdout.write(f"{name:<20} gold: {expected:<45} system: {got}")
        self.stdout.write(side_by_side(results))
