"""TimeML documents and TempEval-3 scoring of temporal expressions.

Loading keeps what the scorer needs: the plain text of <TEXT>, the document creation time, and the
gold TIMEX3 spans as character offsets into that plain text.

Scoring follows TempEval-3: strict span match (same offsets), relaxed span match (overlap), and
value F1, where a system expression counts when it overlaps a gold one and has the same value.
"""

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_TOKEN = re.compile(r"(<[^>]+>)|([^<]+)")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass
class TimeMLDocument:
    name: str
    dct: date
    text: str
    gold: list[Timex]


def load_document(path: Path) -> TimeMLDocument:
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", raw)
    if not dct_match:
        raise ValueError(f"{path.name}: no <DCT> with a date value")
    start, end = raw.find("<TEXT>"), raw.find("</TEXT>")
    if start < 0 or end < 0:
        raise ValueError(f"{path.name}: no <TEXT> element")
    text, gold = _strip_tags(raw[start + len("<TEXT>") : end])
    return TimeMLDocument(path.stem, date.fromisoformat(dct_match[1]), text, gold)


def load_corpus(folder: Path) -> list[TimeMLDocument]:
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        raise ValueError(f"{folder}: no .tml files")
    return [load_document(path) for path in paths]


def _strip_tags(markup: str) -> tuple[str, list[Timex]]:
    pieces: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict]] = []
    gold: list[Timex] = []
    for tag, chunk in _TOKEN.findall(markup):
        if chunk:
            piece = html.unescape(chunk)
            pieces.append(piece)
            length += len(piece)
        elif tag.startswith("<TIMEX3"):
            open_timex.append((length, dict(_ATTRIBUTE.findall(tag))))
        elif tag.startswith("</TIMEX3") and open_timex:
            begin, attributes = open_timex.pop()
            gold.append(Timex(begin, length, "", attributes.get("type", ""), attributes.get("value", ""), attributes.get("mod", "")))
    text = "".join(pieces)
    return text, [Timex(t.start, t.end, text[t.start : t.end], t.type, t.value, t.mod) for t in gold]


@dataclass
class Tally:
    """Counts for one set of expressions. Matches are one-to-one; *_gold counts matched gold
    expressions (for recall) and *_system matched system ones (for precision), which differ only
    when a tally is restricted to one type and the two sides disagree on it."""

    gold: int = 0
    system: int = 0
    strict_gold: int = 0
    strict_system: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    value_gold: int = 0
    value_system: int = 0

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def _prf(self, kind: str) -> tuple[float, float, float]:
        precision = getattr(self, f"{kind}_system") / self.system if self.system else 0.0
        recall = getattr(self, f"{kind}_gold") / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def strict(self):
        return self._prf("strict")

    @property
    def relaxed(self):
        return self._prf("relaxed")

    @property
    def value(self):
        return self._prf("value")


@dataclass
class Score:
    overall: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    mistakes: list[tuple[str, Timex | None, Timex | None]] = field(default_factory=list)

    def tally(self, type_: str) -> Tally:
        return self.by_type.setdefault(type_, Tally())


def same_value(a: str, b: str) -> bool:
    """Values are compared as strings, as TempEval-3 does: "2000-W7" is not "2000-W07", nor "1949" "1949-XX"."""
    return a == b


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(gold: list[Timex], system: list[Timex], name: str = "", score: Score | None = None) -> Score:
    """Add one document's counts to `score`. Each gold expression pairs with at most one system one."""
    score = score or Score()
    score.overall.gold += len(gold)
    score.overall.system += len(system)
    for timex in gold:
        score.tally(timex.type).gold += 1
    for timex in system:
        score.tally(timex.type).system += 1

    used: set[int] = set()
    for expected in gold:
        candidates = [(i, found) for i, found in enumerate(system) if i not in used and _overlaps(expected, found)]
        if not candidates:
            score.mistakes.append((name, expected, None))
            continue
        # Prefer the exact span, then the right value, then the largest overlap.
        i, found = max(
            candidates,
            key=lambda pair: (
                (pair[1].start, pair[1].end) == (expected.start, expected.end),
                same_value(pair[1].value, expected.value),
                min(expected.end, pair[1].end) - max(expected.start, pair[1].start),
            ),
        )
        used.add(i)
        exact = (found.start, found.end) == (expected.start, expected.end)
        value_matches = same_value(found.value, expected.value)
        for side, tally in (("gold", score.overall), ("gold", score.tally(expected.type)),
                            ("system", score.overall), ("system", score.tally(found.type))):
            setattr(tally, f"relaxed_{side}", getattr(tally, f"relaxed_{side}") + 1)
            setattr(tally, f"strict_{side}", getattr(tally, f"strict_{side}") + exact)
            setattr(tally, f"value_{side}", getattr(tally, f"value_{side}") + value_matches)
        if not value_matches:
            score.mistakes.append((name, expected, found))
    for i, found in enumerate(system):
        if i not in used:
            score.mistakes.append((name, None, found))
    return score


def score_corpus(pairs: Iterable[tuple[str, list[Timex], list[Timex]]]) -> Score:
    score = Score()
    for name, gold, system in pairs:
        score_document(gold, system, name, score)
    return score
