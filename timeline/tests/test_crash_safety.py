"""Nothing is lost when a build is cut short or two runs overlap: ingest records which articles still wait for
a build, and any later run finishes them; concurrent runs each store an article once, and no process dies.

The process-level tests (kill -9, two `manage.py ingest` at once) run on PostgreSQL, where separate
processes really write side by side; SQLite serialises writers."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from articles.models import Article, Story
from conftest import ROOT, SEEDS
from timeline import build
from timeline.models import Event, Mention

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="separate processes writing at once: PostgreSQL")


class Cut(Exception):
    """The build stopping half-way, as a crash would."""


def _stored() -> set[tuple]:
    return set(Mention.objects.values_list("article__file_name", "phrase", "phrase_start", "value"))


def _settled() -> None:
    """A full build after the runs finds nothing left to do: what they stored is what a build stores."""
    report = build.build_timeline()
    assert (report.mentions_added, report.mentions_removed, report.mentions_updated) == (0, 0, 0), report.summary()


def test_a_build_cut_short_leaves_the_rest_waiting_and_the_next_ingest_finishes_it(db, monkeypatch, capsys):
    monkeypatch.setattr(build, "BUILD_BATCH", 1)  # a commit per article, as a long build commits per batch
    real, done = build.build_article, []

    def crashing(article, index, report):
        if len(done) == 2:
            raise Cut
        done.append(article.pk)
        return real(article, index, report)

    monkeypatch.setattr(build, "build_article", crashing)
    with pytest.raises(Cut):
        call_command("ingest", str(SEEDS))
    assert set(Article.objects.filter(needs_build=False).values_list("pk", flat=True)) == set(done)
    assert Article.objects.filter(needs_build=True).count() == 3
    assert set(Mention.objects.values_list("article", flat=True).distinct()) <= set(done)

    monkeypatch.setattr(build, "build_article", real)
    capsys.readouterr()
    call_command("ingest", str(SEEDS))
    out = capsys.readouterr().out
    assert "5 unchanged" in out and "Timeline: 3 articles" in out
    assert not Article.objects.filter(needs_build=True).exists()
    assert set(Mention.objects.values_list("article", flat=True).distinct()) == set(Article.objects.values_list("pk", flat=True))
    _settled()


def test_ingest_without_a_build_says_what_waits_and_build_timeline_finishes_it(db, capsys):
    call_command("ingest", "--no-build", str(SEEDS))
    assert "5 article(s) wait for a build" in capsys.readouterr().out
    assert not Mention.objects.exists()
    call_command("build_timeline")
    assert not Article.objects.filter(needs_build=True).exists() and Mention.objects.exists()


def test_an_article_joining_another_story_waits_for_that_story_build(db, capsys):
    call_command("ingest", str(SEEDS))
    assert not Article.objects.filter(needs_build=True).exists()
    one = sorted(SEEDS.glob("*.txt"))[0]
    call_command("ingest", "--no-build", "--story", "second", str(one))
    assert list(Article.objects.filter(needs_build=True).values_list("file_name", flat=True)) == [one.name]
    call_command("ingest", "--story", "second", str(one))
    assert not Article.objects.filter(needs_build=True).exists()
    assert Mention.objects.filter(story__slug="second").exists()


# --- separate processes (PostgreSQL) -------------------------------------------------------------------------


def _database_url() -> str:
    db = connection.settings_dict
    user = db["USER"] or ""
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _manage(*args: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": _database_url(), "DATABASE_CONN_MAX_AGE": "0"}
    return subprocess.Popen([sys.executable, str(ROOT / "manage.py"), *args, "--verbosity", "0"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finished(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0 and "Traceback" not in err, err
    return out


WORDS = ("ministers", "talks", "border", "harbour", "railway", "summit", "envoy", "treaty", "exports", "sanctions", "port",
         "delegation", "grain", "pipeline", "visit", "parliament", "shipyard", "bank", "council", "airline")


def _articles(folder: Path, count: int) -> Path:
    """Short, distinct dispatches: enough of them that a build takes several batches."""
    folder.mkdir()
    for number in range(count):
        day = 1 + number % 28
        first, second = WORDS[number % len(WORDS)], WORDS[(number * 7 + 3) % len(WORDS)]
        (folder / f"wire-{number:04d}.txt").write_text(
            f"Officials discuss {first} and {second}, round {number}\n\nVLADIVOSTOK, April {day}, 2019 (Reuters)\n\n"
            f"Officials met on Tuesday to discuss the {first} in round {number} of the talks. "
            f"The {second} agreement was signed on March {day}, 2019, and will take effect next month. "
            f"Delegates said {number + 2} members would return on Friday.\n", encoding="utf-8")
    return folder


@on_postgresql
def test_kill_9_during_the_build_then_a_rerun_finishes_it(transactional_db, tmp_path):
    folder = _articles(tmp_path / "wire", 3 * build.BUILD_BATCH)
    run = _manage("ingest", str(folder))
    deadline = time.monotonic() + 300
    while not Article.objects.filter(needs_build=False).exists():  # the first batch of the build has committed
        assert run.poll() is None, "the ingest finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    waiting = Article.objects.filter(needs_build=True).count()
    assert 0 < waiting < 3 * build.BUILD_BATCH

    out = _finished(_manage("ingest", str(folder)))
    assert f"{3 * build.BUILD_BATCH} unchanged" in out and f"Timeline: {waiting} articles" in out
    assert not Article.objects.filter(needs_build=True).exists()
    _settled()


@on_postgresql
def test_two_ingests_of_the_same_folder_at_once_store_each_article_once(transactional_db):
    first, second = _manage("ingest", str(SEEDS)), _manage("ingest", str(SEEDS))
    _finished(first), _finished(second)
    assert Article.objects.count() == 5 and not Article.objects.filter(needs_build=True).exists()
    _settled()


def _corroborated() -> int:
    return Event.objects.annotate(reports=Count("mentions__article", distinct=True)).filter(reports__gt=1).count()


@on_postgresql
def test_two_halves_ingested_at_once_give_the_timeline_of_one_ingest(transactional_db, tmp_path):
    _finished(_manage("ingest", str(SEEDS)))
    mentions, corroborated = _stored(), _corroborated()
    assert corroborated
    Story.objects.all().delete()
    Article.objects.all().delete()

    seeds = sorted(SEEDS.glob("*.txt"))
    for name, part in (("a", seeds[:3]), ("b", seeds[3:])):
        (tmp_path / name).mkdir()
        for path in part:
            shutil.copy(path, tmp_path / name / path.name)
    a, b = _manage("ingest", str(tmp_path / "a")), _manage("ingest", str(tmp_path / "b"))
    _finished(a), _finished(b)
    assert Article.objects.count() == 5 and not Article.objects.filter(needs_build=True).exists()
    assert _stored() == mentions and _corroborated() == corroborated
    _settled()
