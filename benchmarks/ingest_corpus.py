"""Ingest a folder of wire stories into a throw-away database and print how well the metadata came out.

    .venv/bin/python benchmarks/ingest_corpus.py ../shared/corpus/news-1997-2006

Ground truth for the agency is the LDC document id in each file name (AFP_…, XIN_…); ground truth
for the date is the dateline itself, re-read here with a separate, stricter pattern.
"""

import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.harness import setup_django  # noqa: E402

setup_django()

from articles.ingest import ingest_paths  # noqa: E402
from articles.models import Article  # noqa: E402
from newsdates.lexicon import MONTHS  # noqa: E402

AGENCY_BY_PREFIX = {"AFP": "Agence France-Presse", "XIN": "Xinhua", "APW": "Associated Press", "NYT": "The New York Times"}
DATELINE = re.compile(r"^[A-Z][A-Za-z'’/ .,-]*?[,.]?\s+([A-Z][a-z]+)\.?\s+(\d{1,2})\s*,\s*(\d{4})")


def dateline_date(raw_text: str) -> date | None:
    for line in raw_text.splitlines()[:8]:
        match = DATELINE.match(line.strip())
        if match and match[1].lower() in MONTHS:
            return date(int(match[3]), MONTHS[match[1].lower()], int(match[2]))
    return None


def main(folder: str) -> None:
    started = time.perf_counter()
    report = ingest_paths([folder])
    elapsed = time.perf_counter() - started
    print(report.summary())
    for outcome in report.failed:
        print(f"  failed {outcome.path}: {outcome.detail}")

    counts = Counter()
    for article in Article.objects.select_related("source").iterator():
        counts["articles"] += 1
        counts[f"date via {article.published_how}"] += 1
        truth = dateline_date(article.raw_text)
        if truth is not None:
            counts["with a dateline date"] += 1
            counts["date equals the dateline's"] += article.published == truth
        expected = AGENCY_BY_PREFIX.get(article.file_name[:3])
        if expected:
            counts["with a known agency"] += 1
            counts["source is the right agency"] += bool(article.source and article.source.name == expected)
        counts[f"source via {article.source_how}"] += 1
    n = counts["articles"]
    print(f"articles: {n}   ingest time: {elapsed:.1f}s   ({n / elapsed:.0f} articles/s)")
    print(f"date equals the dateline's: {counts['date equals the dateline\'s']}/{counts['with a dateline date']} "
          f"({100 * counts['date equals the dateline\'s'] / max(1, counts['with a dateline date']):.2f}%)")
    print(f"source is the right agency: {counts['source is the right agency']}/{counts['with a known agency']} "
          f"({100 * counts['source is the right agency'] / max(1, counts['with a known agency']):.2f}%)")
    for key in sorted(k for k in counts if k.startswith(("date via", "source via"))):
        print(f"  {key}: {counts[key]}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
