"""Ingest a folder of articles into a throw-away database, build its timeline, and print the figures.

    .venv/bin/python benchmarks/build_corpus.py ../shared/corpus/news-1997-2006 [--database-url URL]

Prints ingest and build throughput (articles/s), what the build made, and the process's peak memory.
"""

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.harness import setup_django  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("folder")
parser.add_argument("--database-url", help="default: a new SQLite file in a temporary folder")
options = parser.parse_args()
setup_django(options.database_url)

from articles.ingest import ingest_paths  # noqa: E402
from timeline.build import build_timeline  # noqa: E402
from timeline.models import Event, Mention  # noqa: E402

TARGET_RATE = 30  # articles/s, ingest and build together, on the 2,452-article corpus (issue 17)
TARGET_RSS_MIB = 300


def progress(done: int, total: int, unit: str = "articles") -> None:
    if done % 250 == 0 or done == total:
        print(f"  built {done}/{total} {unit}", file=sys.stderr)


def main() -> None:
    started = time.perf_counter()
    ingested = ingest_paths([options.folder])
    ingest_seconds = time.perf_counter() - started
    print(ingested.summary())
    print(f"ingest: {len(ingested.outcomes)} files in {ingest_seconds:.1f}s ({len(ingested.outcomes) / ingest_seconds:.0f} articles/s)")
    report = build_timeline(progress=progress)
    print(report.summary())
    multi = Event.objects.filter(source_count__gte=2).count()
    print(f"events: {Event.objects.count()} ({multi} cited by two or more sources); mentions: {Mention.objects.count()}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    total = ingest_seconds + report.seconds
    rate = len(ingested.outcomes) / total
    print(f"corpus ingest + build: {rate:.1f} articles/s (target ≥ {TARGET_RATE}), peak RSS {peak:.0f} MiB "
          f"(target < {TARGET_RSS_MIB} MiB): {'met' if rate >= TARGET_RATE and peak < TARGET_RSS_MIB else 'NOT met'}")


main()
