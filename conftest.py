from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"


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


@pytest.fixture
def built(seeded):
    """The seeds, ingested, with their timeline built."""
    from timeline.build import build_timeline

    return build_timeline()
