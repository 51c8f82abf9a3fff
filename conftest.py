import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.signals import setting_changed
from django.dispatch import receiver

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
PAGES = ROOT / "articles" / "tests" / "pages"  # the seeds as saved web pages


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seeded(db):
    """The five seed articles, ingested."""
    from articles.ingest import ingest_paths

    report = ingest_paths([str(SEEDS)])
    assert not report.failed, report.failed
    return report


@pytest.fixture(autouse=True)
def _test_server_settings(settings):
    # Tests run with production settings (DEBUG off), but the test client speaks plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    # and static files are served from their folders, not from a collectstatic manifest.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    # Each test sees the pages of its own data: readers' pages are not kept between requests
    # (timeline/tests/test_caching.py turns it on).
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def built(seeded):
    """The seeds, ingested, with their timeline built."""
    from timeline.build import build_timeline

    return build_timeline()


IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@receiver(setting_changed)
def _reset_task_backends(*, setting, **kwargs):
    # Django keeps its task backends once made; a test that changes TASKS gets new ones.
    if setting == "TASKS":
        from asgiref.local import Local
        from django.tasks import task_backends

        task_backends.__dict__.pop("settings", None)
        task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture(autouse=True)
def _exports_kept_apart(settings, tmp_path):
    """Each test keeps its export files in its own folder."""
    settings.EXPORT_FILES_DIR = str(tmp_path / "exports")


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background tasks run inside the request that starts them: no worker needed (one test runs the real one)."""
    settings.TASKS = IMMEDIATE_TASKS


class PageServer(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 (the standard library's name)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def page_server(settings):
    """A page server on this machine's loopback, with fetching from private addresses allowed as in tests only."""
    settings.INGEST_FETCH_PRIVATE = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), PageServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    PageServer.routes = {
        "/kim.html": (200, {"Content-Type": "text/html; charset=utf-8"}, (PAGES / "003_4c0dc589ae53b205.html").read_bytes()),
        "/moved": (301, {"Location": "/kim.html"}, b""),
        "/plain.txt": (200, {"Content-Type": "text/plain"}, b"Shares fall\n\nKUALA LUMPUR, April 1 , 1997 (AFP)\n\nShares fell on Tuesday.\n"),
        "/big.html": (200, {"Content-Type": "text/html"}, b"<html>" + b"x" * 5000 + b"</html>"),
        "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG"),
    }
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()
