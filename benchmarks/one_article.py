"""What one article costs once an archive is built: ingesting a new file, and an editor re-dating an article.

    .venv/bin/python benchmarks/one_article.py ../shared/corpus/news-1997-2006 [--database-url URL]
    .venv/bin/python benchmarks/scale.py ../shared/corpus/news-1997-2006 /tmp/corpus-25k --copies 10
    .venv/bin/python benchmarks/one_article.py /tmp/corpus-25k [--database-url sqlite:////tmp/25k.sqlite3 [--built]]

Ingests and builds the folder into a throw-away database (printing how long that took), then times, a few
times over, the build of one more article (a corpus article under a new name, its years shifted) and the
rebuild after a change of one article's publication date (what an admin save does), with the queries each
made. The cost should not grow with the archive: compare the figures at 2.5k and at 25k articles. With
--built, the database given is an archive built before (by an earlier run): only the one-article costs
are timed.
"""

import argparse
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.harness import setup_django  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("folder")
parser.add_argument("--database-url", help="default: a new SQLite file in a temporary folder")
parser.add_argument("--repeat", type=int, default=5)
parser.add_argument("--built", action="store_true",
                    help="the database (--database-url) already holds the folder's articles, built: time only one more")
options = parser.parse_args()
setup_django(options.database_url)

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.ingest import ingest_paths, ingest_text  # noqa: E402
from articles.models import Article  # noqa: E402
from benchmarks.scale import shifted  # noqa: E402
from timeline.build import build_timeline, rebuild_article  # noqa: E402
from timeline.models import Event  # noqa: E402


def timed(work) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        work()
        seconds = time.perf_counter() - started
    return seconds, len(queries)


def ingest_and_build(text: str, name: str) -> None:
    outcome = ingest_text(text, name)
    build_timeline([outcome.article_id])


def redate(article: Article) -> None:
    article.published += timedelta(days=1)
    article.published_how = "editor"
    article.save()
    rebuild_article(article)


def report(name: str, runs: list[tuple[float, int]]) -> None:
    seconds = statistics.median(s for s, _ in runs)
    queries = statistics.median(q for _, q in runs)
    print(f"{name}: median {seconds * 1000:.0f} ms, {queries:.0f} queries (runs: {', '.join(f'{s * 1000:.0f}' for s, _ in runs)} ms)")


def main() -> None:
    if not options.built:
        started = time.perf_counter()
        ingested = ingest_paths([options.folder])
        build = build_timeline()
        print(f"archive: ingest + build {time.perf_counter() - started:.0f} s ({len(ingested.outcomes)} files; "
              f"build {build.seconds:.0f} s)")
    print(f"archive: {Article.objects.count()} articles, {Event.objects.count()} events")
    sources = sorted(p for p in Path(options.folder).iterdir() if p.suffix in (".txt", ".md", ".text"))
    new_article, redated = [], []
    for run in range(options.repeat):
        path = sources[(run * 997) % len(sources)]
        text = shifted(path.read_text(encoding="utf-8"), 1 + run)  # another article, of other dates
        new_article.append(timed(lambda text=text, name=f"one-more-{run}-{path.name}": ingest_and_build(text, name)))
        article = Article.objects.filter(published__isnull=False).order_by("pk")[(run * 389) % 1000]
        redated.append(timed(lambda article=article: redate(article)))
    report("ingest and build one new article", new_article)
    report("re-date one article (admin save)", redated)


main()
