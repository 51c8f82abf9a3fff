"""The cast of the newsroom tests: an editor, a second editor and a viewer (not signed in until a test says so),
and a second story beside the seeds."""

import pytest

from timeline.management.commands.create_editor import create_member
from timeline.permissions import EDITOR, VIEWER

PASSWORD = "a-long-and-unusual-passphrase-42"

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
