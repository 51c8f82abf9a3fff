"""Scoring the anchoring engine, and the naive dateparser baseline, on a folder of TimeML documents."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from .anchoring.engine import NEWS, annotate
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


def dateline_system(document: TimeMLDocument) -> list[Timex]:
    return [
        Timex(span.start, span.end, span.text, span.type, span.value, span.mod)
        for span in annotate(document.text, document.dct, NEWS)
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


