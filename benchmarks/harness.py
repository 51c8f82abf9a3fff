"""What every benchmark script does first: put the project on the path and set Django up over a throw-away
database (a new SQLite file unless a URL is given), with production settings and the schema migrated."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url: str | None = None, migrate: bool = True) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    # Production settings even where DJANGO_DEBUG=1 is set for development: in debug, Django keeps the SQL of
    # the last 9,000 queries, tens of megabytes in a build, which a benchmark of memory would count.
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command

    # Static files from their folders: a benchmark has no collectstatic manifest.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    if migrate:
        call_command("migrate", verbosity=0)
