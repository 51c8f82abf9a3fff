"""Scoring the anchoring engine, and the naive dateparser baseline, on folders of TimeML documents."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from .anchoring.engine import annotate
from .timeml import Score, TimeMLDocument, Timex, score_corpus


@dataclass
class Run:
    name: str
    score: Score
    seconds: float
    characters: int

    @property
    def kchars_per_second(self) -> float:
        return self.characters / 1000 / self.seconds if self.seconds else float("inf")


@dataclass
class SetResult:
    """Every system's run over one folder of documents."""

    name: str
    documents: int
    gold: int
    runs: list[Run] = field(default_factory=list)


def dateline_system(document: TimeMLDocument) -> list[Timex]:
    return [
        Timex(span.start, span.end, span.text, span.type, span.value, span.mod)
        for span in annotate(document.text, document.dct)
    ]


def search_dates_system(document: TimeMLDocument) -> list[Timex]:
    """dateparser.search_dates as a naive system: every hit is a DATE valued at the day it returns."""
    from dateparser.search import search_dates

    base = datetime(document.dct.year, document.dct.month, document.dct.day)
    found = search_dates(document.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    spans, cursor = [], 0
    for phrase, moment in found:
        start = document.text.find(phrase, cursor)
        if start < 0:
            start = document.text.find(phrase)
            if start < 0:
                continue
        cursor = start + len(phrase)
        spans.append(Timex(start, start + len(phrase), phrase, "DATE", moment.date().isoformat()))
    return spans


def run(name: str, system: Callable[[TimeMLDocument], list[Timex]], documents: list[TimeMLDocument]) -> Run:
    started = time.perf_counter()
    outputs = [(document.name, document.gold, system(document)) for document in documents]
    seconds = time.perf_counter() - started
    return Run(name, score_corpus(outputs), seconds, sum(len(d.text) for d in documents))


def report(runs: list[Run]) -> str:
    lines = []
    header = f"{'system':<14} {'type':<9} {'gold':>5} {'sys':>5}  {'strict P/R/F1':>20}  {'relaxed P/R/F1':>20}  {'value P/R/F1':>20}"
    lines.append(header)
    lines.append("-" * len(header))
    for result in runs:
        rows = [("all", result.score.overall)] + sorted(result.score.by_type.items())
        for type_, tally in rows:
            cells = []
            for prf in (tally.strict, tally.relaxed, tally.value):
                cells.append("{:5.1f} {:5.1f} {:5.1f}".format(*(100 * x for x in prf)))
            lines.append(f"{result.name:<14} {type_:<9} {tally.gold:>5} {tally.system:>5}  {cells[0]:>20}  {cells[1]:>20}  {cells[2]:>20}")
        lines.append(f"{result.name:<14} speed: {result.kchars_per_second:,.1f} kchar/s ({result.characters:,} characters in {result.seconds:.2f}s)")
        lines.append("")
    return "\n".join(lines)


def side_by_side(results: list[SetResult]) -> str:
    """One line per set and system: strict, relaxed and value F1 and the speed, then the speed ratio over
    all sets together (the same text read by each system in the same run)."""
    header = f"{'set':<16} {'system':<13} {'gold':>5} {'strict F1':>9} {'relaxed F1':>10} {'value F1':>9} {'value P/R':>11} {'kchar/s':>9}"
    lines = [header, "-" * len(header)]
    totals: dict[str, list[float]] = {}
    for result in results:
        for system in result.runs:
            overall = system.score.overall
            precision, recall, f1 = overall.value
            lines.append(
                f"{result.name:<16} {system.name:<13} {result.gold:>5} {100 * overall.strict[2]:>9.1f} {100 * overall.relaxed[2]:>10.1f}"
                f" {100 * f1:>9.1f} {f'{100 * precision:.1f}/{100 * recall:.1f}':>11} {system.kchars_per_second:>9,.1f}"
            )
            seconds_and_characters = totals.setdefault(system.name, [0.0, 0])
            seconds_and_characters[0] += system.seconds
            seconds_and_characters[1] += system.characters
    speeds = {name: characters / 1000 / seconds for name, (seconds, characters) in totals.items() if seconds}
    lines.append("")
    lines.append("speed over all sets: " + ", ".join(f"{name} {speed:,.1f} kchar/s" for name, speed in speeds.items()))
    if "dateline" in speeds and "search_dates" in speeds:
        lines.append(f"dateline / search_dates: {speeds['dateline'] / speeds['search_dates']:.1f}x")
    return "\n".join(lines)
