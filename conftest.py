from pathlib import Path

import pytest
from django.core.signals import setting_changed
from django.dispatch import receiver

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
def _tasks_run_at_once(settings):
    """Background tasks run inside the request that starts them: no worker needed (one test runs the real one)."""
    settings.TASKS = IMMEDIATE_TASKS
