"""Syndicated copies: the same wire story printed by several outlets is one report, not several.

Pure: texts in, pairs of copies out. Each text becomes a set of shingles (every run of a few words,
hashed); an inverted index from shingle to texts finds the pairs that share any (phrases that many texts
share, "said in a statement", are left out of the index: they tell nothing), and a pair is a copy when
much of the shorter text's shingles are in the longer one. Outlets trim a wire story, add a paragraph,
change spelling ("armoured", "armored") or a word here and there: the seeds' two copies of one AP story
share 43% of the shorter one's shingles, two reports of the same day by different outlets under 5%.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SHINGLE_WORDS = 4
COPY_THRESHOLD = 0.3  # share of the shorter text's shingles found in the longer one
MINIMUM_SHINGLES = 20  # shorter texts are too short to tell a copy from a common phrase
COMMON_SHINGLE_TEXTS = 20  # a shingle in more texts than this is a stock phrase, not evidence

_WORD = re.compile(r"[a-z0-9]+")


def shingles(text: str) -> set[int]:
    """Every run of SHINGLE_WORDS words (lowercased, punctuation and spelling of quotes ignored), hashed.
    Python's own hash: the sets are compared within one run, never stored, and it costs a tenth of a digest."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return {hash(tuple(words[i : i + SHINGLE_WORDS])) for i in range(max(0, len(words) - SHINGLE_WORDS + 1))}


def containment(a: set[int], b: set[int]) -> float:
    """The share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class Copy:
    """Two texts that are one report: `copy` is a copy of `original` (the earlier, or the first seen)."""

    original: object
    copy: object
    score: float


def find_copies(texts: Mapping[object, str], order: Iterable[object] | None = None) -> list[Copy]:
    """Pairs of texts that are copies of one another. `order` says which came first (default: the
    mapping's order); the earlier of two copies is the original."""
    keys = list(order if order is not None else texts)
    rank = {key: i for i, key in enumerate(keys)}
    sets = {key: shingles(texts[key]) for key in keys}
    index: dict[int, list] = defaultdict(list)
    for key in keys:
        if len(sets[key]) >= MINIMUM_SHINGLES:
            for shingle in sets[key]:
                index[shingle].append(key)
    shared: Counter = Counter()
    for holders in index.values():
        if 1 < len(holders) <= COMMON_SHINGLE_TEXTS:
            for i, a in enumerate(holders):
                for b in holders[i + 1 :]:
                    shared[(a, b)] += 1
    found = []
    for (a, b), count in shared.items():
        score = count / min(len(sets[a]), len(sets[b]))
        if score >= COPY_THRESHOLD:
            score = containment(sets[a], sets[b])  # common shingles left out of the count still count here
            first, second = (a, b) if rank[a] < rank[b] else (b, a)
            found.append(Copy(first, second, round(score, 3)))
    return sorted(found, key=lambda pair: (rank[pair.original], rank[pair.copy]))


def groups(copies: Iterable[Copy]) -> dict[object, object]:
    """Each copied text mapped to the original of its group (copies of copies lead to the first)."""
    root: dict[object, object] = {}

    def find(key):
        while key in root and root[key] != key:
            key = root[key]
        return key

    for pair in copies:
        first, second = find(pair.original), find(pair.copy)
        if first != second:
            root[second] = first
    return {key: find(key) for key in root}
