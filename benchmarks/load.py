"""Load a running Dateline (loopback only) and print requests/s, latency percentiles and errors.

    .venv/bin/python benchmarks/load.py http://127.0.0.1:8000 [--clients 1,8,32] [--seconds 10]
        [--only timeline,fragment,page50,event,export] [--server-pid PID]

Each scenario is run alone at each number of concurrent clients (threads, each with its own kept-alive
connection), for a bounded time and a bounded number of requests. With --server-pid, the server's
memory (the process and its children) is sampled while it runs and its peak printed: the sum of their
resident sets (RSS) and of their proportional sets (PSS, which counts a page the workers share once).
"""

import argparse
import http.client
import re
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_REQUESTS_PER_RUN = 20_000
KEPT_BODY = 4 << 20  # bytes of a response kept for reading (the first page); larger ones are only counted


def scenarios(base: str, year: int, word: str) -> dict[str, tuple[str, dict]]:
    """What a reader asks for most: the timeline, a filtered htmx fragment, a deep page, an event, the export."""
    event = discover_event(base)
    return {
        "timeline": ("/", {}),
        "fragment": (f"/?from={year}&to={year}&q={word}", {"HX-Request": "true"}),
        "page50": ("/?page=50", {}),
        "event": (f"/events/{event}/", {}),
        "export": ("/export/timeline.json", {}),
    }


def discover_event(base: str) -> int:
    status, body, _, _ = fetch(connection(base), "/", {"Accept-Encoding": "identity"})  # the page's text, not gzip
    found = re.search(rb'/events/(\d+)/', body)
    if status != 200 or not found:
        sys.exit(f"could not find an event on {base}/ (HTTP {status})")
    return int(found[1])


def connection(base: str) -> http.client.HTTPConnection:
    parts = urlsplit(base)
    return http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=120)


def fetch(conn: http.client.HTTPConnection, path: str, headers: dict) -> tuple[int, bytes, float, int]:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Accept-Encoding": "gzip", **headers})  # as browsers ask
    response = conn.getresponse()
    body, size = b"", 0
    while piece := response.read(1 << 20):  # an export is hundreds of megabytes: counted as it comes, not kept
        size += len(piece)
        body = body + piece if size <= KEPT_BODY else b""
    return response.status, body, time.perf_counter() - started, size


def resident_kib(pid: int) -> tuple[int, int]:
    """Memory of a process and all its descendants, in KiB: resident (RSS, pages shared between the worker
    processes counted in each) and proportional (PSS, each shared page split between its sharers)."""
    total, proportional, pending = 0, 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status)[1]) if "VmRSS" in status else 0
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            proportional += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M)[1]) if "Pss:" in rollup else 0
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(child) for child in children)
        except (OSError, TypeError):
            continue
    return total, proportional


def run(base: str, path: str, headers: dict, clients: int, seconds: float, server_pid: int | None) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    sizes: list[int] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    peak = list(resident_kib(server_pid)) if server_pid else [0, 0]
    done = threading.Event()

    def client() -> None:
        conn = connection(base)
        while time.perf_counter() < deadline:
            with lock:
                if len(latencies) + len(errors) >= MAX_REQUESTS_PER_RUN:
                    return
            try:
                status, _, took, size = fetch(conn, path, headers)
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                conn = connection(base)
                with lock:
                    errors.append(type(error).__name__)
                continue
            with lock:
                if status == 200:
                    latencies.append(took)
                    sizes.append(size)
                else:
                    errors.append(f"HTTP {status}")

    def sample() -> None:
        while not done.wait(0.2):
            peak[:] = map(max, peak, resident_kib(server_pid))

    sampler = threading.Thread(target=sample, daemon=True) if server_pid else None
    if sampler:
        sampler.start()
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    done.set()
    if sampler:
        sampler.join()
    ordered = sorted(latencies)

    def percentile(p: float) -> float:
        return 1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")

    return {
        "requests": len(latencies), "errors": len(errors), "error_kinds": sorted(set(errors)),
        "rps": len(latencies) / elapsed, "p50": percentile(50), "p95": percentile(95), "p99": percentile(99),
        "bytes": statistics.median(sizes) if sizes else 0, "peak_mib": peak[0] / 1024, "peak_pss_mib": peak[1] / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server's base URL, on loopback: http://127.0.0.1:8000")
    parser.add_argument("--clients", default="1,8,32", help="comma-separated numbers of concurrent clients")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long each scenario runs at each level")
    parser.add_argument("--only", default="", help="comma-separated scenarios (default: all)")
    parser.add_argument("--year", type=int, default=2005, help="the year of the filtered fragment")
    parser.add_argument("--word", default="election", help="the text filter of the filtered fragment")
    parser.add_argument("--server-pid", type=int, help="sample this process tree's memory")
    options = parser.parse_args()
    if urlsplit(options.base).hostname not in LOOPBACK:
        sys.exit("load.py only loads a server on loopback (127.0.0.1, localhost or ::1)")
    base = options.base.rstrip("/")
    chosen = scenarios(base, options.year, options.word)
    if options.only:
        chosen = {name: chosen[name] for name in options.only.split(",")}
    levels = [int(n) for n in options.clients.split(",")]
    print(f"{'scenario':10} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'errors':>6} {'bytes':>11}{'  RSS MiB  PSS MiB' if options.server_pid else ''}")
    for name, (path, headers) in chosen.items():
        for clients in levels:
            r = run(base, path, headers, clients, options.seconds, options.server_pid)
            kinds = f"  {','.join(r['error_kinds'])}" if r["errors"] else ""
            memory = f"  {r['peak_mib']:7.0f}  {r['peak_pss_mib']:7.0f}" if options.server_pid else ""
            print(f"{name:10} {clients:7} {r['requests']:8} {r['rps']:7.1f} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} "
                  f"{r['errors']:6} {r['bytes']:11,.0f}{memory}{kinds}", flush=True)


if __name__ == "__main__":
    main()
