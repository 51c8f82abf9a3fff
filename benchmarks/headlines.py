"""Build every headline of a corpus with the pure statements step (no database) and count the unreadable ones.

    .venv/bin/python benchmarks/headlines.py ../shared/corpus/news-1997-2006 [--examples 5]

Counts headlines that end in a preposition, article or conjunction, or whose quotes do not balance,
longer than 120 characters, or that open with a bare pronoun subject; prints examples of each.
"""

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdates.metadata import extract  # noqa: E402
from newsdates.statements import HEADLINE_LENGTH, is_particle, read_article  # noqa: E402

PREPOSITIONS = set("""about above across after against along amid among around as at before behind below beneath beside
    between beyond by despite down during except for from in inside into like near of off on onto out outside over past
    per since than through throughout till to toward towards under until up upon via with within without""".split())
ARTICLES = {"a", "an", "the"}
CONJUNCTIONS = set("and or but nor so yet for because although though while whereas if unless that whether".split())
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}


def problems(headline: str) -> list[str]:
    found = []
    words = headline.rstrip(" .…\"”’'").split()
    last = words[-1].lower().strip(",;:") if words else ""
    if last in PREPOSITIONS and not (len(words) > 1 and is_particle(words[-2], last)):  # "wound up" is a particle
        found.append("ends in a preposition")
    if last in ARTICLES:
        found.append("ends in an article")
    if last in CONJUNCTIONS:
        found.append("ends in a conjunction")
    if headline.count('"') % 2 or headline.count("“") != headline.count("”"):
        found.append("unbalanced quotes")
    if len(headline) > HEADLINE_LENGTH + 5:
        found.append("too long")
    first = headline.split()[0].lower() if headline.split() else ""
    if first in PRONOUNS:
        found.append("bare pronoun subject")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--examples", type=int, default=5)
    options = parser.parse_args()
    started = time.perf_counter()
    headlines, bad = 0, defaultdict(list)
    files = sorted(p for p in Path(options.folder).iterdir() if p.suffix in (".txt", ".text", ".md"))
    for path in files:
        article = extract(path.read_text(encoding="utf-8", errors="replace"), path.name)
        for statement in read_article(article.body, article.published.value, article.title.value or ""):
            if statement.dated_by != "text" and not statement.lead:
                continue  # supporting quotes are shown as quotes, not headlines
            headlines += 1
            for problem in problems(statement.headline):
                bad[problem].append((path.name, statement.headline))
    seconds = time.perf_counter() - started
    print(f"{len(files)} articles, {headlines} headlines (events' makings: dated statements and leads) in {seconds:.1f}s")
    for kind in ("ends in a preposition", "ends in an article", "ends in a conjunction", "unbalanced quotes",
                 "too long", "bare pronoun subject"):
        print(f"  {kind}: {len(bad[kind])}")
        for name, headline in bad[kind][: options.examples]:
            print(f"      {name}: {headline}")
    flagged = {item for items in bad.values() for item in items}
    print(f"headlines ending in a preposition, article or conjunction, or with unbalanced quotes: "
          f"{sum(len(bad[k]) for k in ('ends in a preposition', 'ends in an article', 'ends in a conjunction', 'unbalanced quotes'))}"
          f" (any problem: {len(flagged)})")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
