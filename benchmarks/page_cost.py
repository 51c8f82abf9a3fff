"""What the timeline's pages cost: queries and server time, on the seeds or a corpus.

    .venv/bin/python benchmarks/page_cost.py seeds/
    .venv/bin/python benchmarks/page_cost.py ../shared/corpus/news-1997-2006

Ingests and builds into a throw-away SQLite database (or --database-url), then requests each page
several times through Django's test client and prints the query count and the median time.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.harness import setup_django  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("folder")
parser.add_argument("--database-url")
parser.add_argument("--repeat", type=int, default=5)
options = parser.parse_args()
setup_django(options.database_url)

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.ingest import ingest_paths  # noqa: E402
from timeline.build import build_timeline  # noqa: E402
from timeline.models import Event  # noqa: E402


def main() -> None:
    if not Event.objects.exists():
        ingest_paths([options.folder])
        build_timeline()
    event = Event.objects.order_by("-source_count", "pk").first()
    year = event.start.year
    pages = {
        "timeline": "/",
        "timeline, htmx fragment": ("/", {"HTTP_HX_REQUEST": "true"}),
        "timeline, filtered": f"/?from={year}&to={year}&min_sources=2&q=the",
        "timeline, page 3": "/?page=3",
        "event provenance": (f"/events/{event.pk}/", {"HTTP_HX_REQUEST": "true"}),
        "sources": "/sources/",
        "export JSON (filtered)": f"/export/timeline.json?from={year}-01&to={year}-01",
    }
    client = Client()
    print(f"{Event.objects.count()} events")
    for name, target in pages.items():
        url, headers = target if isinstance(target, tuple) else (target, {})
        times = []
        for _ in range(options.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url, **headers)
                body = b"".join(response.streaming_content) if response.streaming else response.content
                times.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{name:28} {len(queries.captured_queries):3} queries  {1000 * statistics.median(times):7.1f} ms  ({len(body):,} bytes)")


main()
