"""How long the interactive axis takes to appear, and to answer, in real Chromium.

    DATABASE_URL=sqlite:////tmp/corpus.sqlite3 DJANGO_DEBUG=1 .venv/bin/python manage.py runserver 127.0.0.1:8015
    .venv/bin/python benchmarks/axis_first_render.py --url http://127.0.0.1:8015/ [--repeat 5]

Against a running server (load it with the corpus first: `manage.py ingest ../shared/corpus/news-1997-2006`),
opens the timeline in a fresh browser context each time (empty cache) at 1440×900 and prints, as medians:
the axis data's size, the time from navigation to the first drawing of the axis (vis-timeline's
onInitialDrawComplete), the data's fetch time, and the time a zoom to the whole span, a filter
change and a zoom back take to draw. Figures only: nothing here is a test.
"""

import argparse
import json
import statistics
import urllib.request

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--url", default="http://127.0.0.1:8015/")
parser.add_argument("--repeat", type=int, default=5)
parser.add_argument("--chromium", default="/usr/bin/chromium")
options = parser.parse_args()

with urllib.request.urlopen(options.url.rstrip("/") + "/axis.json") as response:
    raw = response.read()
data = json.loads(raw)
print(f"axis data: {data['count']} events, {len(data['sources'])} sources, {len(raw) / 1024:.0f} KiB uncompressed; "
      f"opens on {data['window'][0]} to {data['window'][1]}")

TIMED = """async (action) => {
  const axis = window.datelineAxis.timeline;
  const before = performance.now();
  if (action === 'fit') axis.fit({animation: false});
  if (action === 'densest') document.querySelector('[data-axis=densest]').click();
  axis.redraw();
  await new Promise(requestAnimationFrame);
  return performance.now() - before;
}"""

runs: dict[str, list[float]] = {}
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=options.chromium, args=FLAGS)
    for _ in range(options.repeat):
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.goto(options.url)
        page.locator("#axis[data-rendered]").wait_for(timeout=60_000)
        report = page.evaluate("({first: window.datelineAxis.firstRender, fetched: window.datelineAxis.fetched,"
                               " items: window.datelineAxis.items,"
                               " dom: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd})")
        runs.setdefault("DOMContentLoaded (ms after navigation)", []).append(report["dom"])
        runs.setdefault("axis data fetched (ms)", []).append(report["fetched"])
        runs.setdefault("axis first drawn (ms after navigation)", []).append(report["first"])
        runs.setdefault("zoom out to the whole span (ms)", []).append(page.evaluate(TIMED, "fit"))
        runs.setdefault("back to the busiest stretch (ms)", []).append(page.evaluate(TIMED, "densest"))
        drawn = page.evaluate("window.datelineAxis.drawn")
        started = page.evaluate("performance.now()")
        page.locator("#filters input[name=source]").nth(1).check()
        page.wait_for_function(f"window.datelineAxis.drawn > {drawn}", timeout=60_000)
        runs.setdefault("filter change to axis redrawn (ms)", []).append(page.evaluate("window.datelineAxis.drawn") - started)
        context.close()
    browser.close()

print(f"items drawn: {report['items']}; {options.repeat} runs, medians:")
for name, values in runs.items():
    print(f"  {name}: {statistics.median(values):.0f}  (min {min(values):.0f}, max {max(values):.0f})")
