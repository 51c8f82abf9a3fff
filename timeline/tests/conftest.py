"""The cast of the newsroom tests: an editor, a second editor and a viewer (not signed in until a test says so),
and a second story beside the seeds."""

import os
from pathlib import Path

import pytest

from timeline.management.commands.create_editor import create_member
from timeline.permissions import EDITOR, VIEWER

PASSWORD = "a-long-and-unusual-passphrase-42"

# The browser tests: Debian's chromium driven by Playwright; their screenshots go to test-artifacts/.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

WIRE_STORIES = {
    "AFP_ENG_19970401.0006.txt": (
        "Malaysian share market falls 1.1 percent at midday\n\nKUALA LUMPUR, April 1 , 1997 (AFP)\n\n"
        "Malaysian share prices dipped 1.1 percent by midday Tuesday, with the market barometer falling below the 1,200 "
        "support level for the first time in three months.\n\nThe central Bank Negara on Tuesday imposed new lending limits "
        "on shares and luxury properties.\n"
    ),
    "AFP_ENG_19970402.0010.txt": (
        "Malaysian shares rebound after lending curbs\n\nKUALA LUMPUR, April 2 , 1997 (AFP)\n\n"
        "Malaysian share prices rebounded on Wednesday after the central bank imposed new lending limits on Tuesday, "
        "dealers said.\n\nThe composite index rose 10 points to 1,199 by midday.\n"
    ),
}


@pytest.fixture
def editor(db):
    return create_member("edith", PASSWORD, EDITOR)


@pytest.fixture
def second_editor(db):
    return create_member("ed", PASSWORD, EDITOR)


@pytest.fixture
def viewer(db):
    return create_member("victor", PASSWORD, VIEWER)


@pytest.fixture
def wire_folder(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    for name, text in WIRE_STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def two_stories(built, wire_folder):
    """The seeds (the default story, built) and two wire stories in a story of their own."""
    from django.core.management import call_command

    call_command("ingest", "--story", "malaysian-shares", "--title", "Malaysian shares, April 1997", str(wire_folder), verbosity=0)
    from articles.models import Story

    return Story.objects.get(slug="timeline"), Story.objects.get(slug="malaysian-shares")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: scripts/ensure-chromium should have installed it")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures are safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            yield launched
            launched.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
