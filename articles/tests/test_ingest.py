import json
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from articles.ingest import ingest_paths
from articles.models import Article, Source

STORY = "Leaders meet in the far east\n\nVLADIVOSTOK, Apr 25, 2019, Bloomberg. The two leaders met on Thursday.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_it_ingests_the_seeds_with_the_right_dates_and_sources(seeded):
    articles = {a.file_name[:3]: a for a in Article.objects.select_related("source", "agency")}
    assert {k: a.published for k, a in articles.items()} == {
        "000": date(2019, 4, 24),
        "001": date(2019, 4, 25),
        "002": date(2019, 4, 26),
        "003": None,
        "004": date(2019, 4, 25),
    }
    assert articles["000"].source.name == "The Moscow Times" and articles["000"].agency.name == "Reuters"
    assert articles["004"].source.name == "The Straits Times" and articles["004"].agency.name == "Bloomberg"
    for key in ("001", "002", "003"):
        assert articles[key].source is None
        assert articles[key].needs_review
    assert articles["003"].published_how == "unknown"
    assert not articles["000"].needs_review


def test_it_keeps_the_raw_text_exactly(seeded, seeds_dir):
    path = next(seeds_dir.glob("000_*.txt"))
    assert Article.objects.get(file_name=path.name).raw_text == path.read_text(encoding="utf-8")


def test_it_is_idempotent(seeded, seeds_dir):
    before = list(Article.objects.values())
    report = ingest_paths([str(seeds_dir)])
    assert report.count("unchanged") == 5 and report.count("added") == 0
    assert list(Article.objects.values()) == before
    assert Source.objects.count() == 4


def test_a_changed_file_updates_its_article(db, tmp_path):
    path = write(tmp_path, "story.txt", STORY)
    ingest_paths([str(path)])
    article = Article.objects.get()
    write(tmp_path, "story.txt", STORY.replace("Thursday", "Thursday afternoon"))
    report = ingest_paths([str(path)])
    assert report.count("updated") == 1
    article.refresh_from_db()
    assert "Thursday afternoon" in article.body
    assert Article.objects.count() == 1


def test_the_same_text_under_another_name_is_a_duplicate(db, tmp_path):
    write(tmp_path, "a.txt", STORY)
    write(tmp_path, "b.txt", STORY)
    report = ingest_paths([str(tmp_path)])
    assert report.count("added") == 1 and report.count("duplicate") == 1
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty file"),
        ("   \n\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"Title line\n\n\x81\x8d\x8f\x90\x9d bytes", "undecodable bytes"),
        ("Share it\n\nDiscuss This Article\n", "no article text"),
        # the checks read the whole file, not its first 8 KB: PostgreSQL refuses a NUL anywhere in a text
        ((STORY + "\n\n" + "More prose. " * 1000).encode() + b"\x00 and more", "NUL byte at offset 12,"),
        (STORY + "\n\n" + "Plain prose. " * 1000 + "\x01\x02" * 40, "control characters"),
    ],
)
def test_it_reports_bad_files_and_goes_on_with_the_batch(db, tmp_path, content, message):
    write(tmp_path, "bad.txt", content)
    write(tmp_path, "good.txt", STORY)
    report = ingest_paths([str(tmp_path)])
    [failure] = report.failed
    assert failure.path.endswith("bad.txt") and message in failure.detail
    assert report.count("added") == 1
    assert Article.objects.get().file_name == "good.txt"


def test_it_refuses_a_file_over_the_size_limit(db, tmp_path):
    write(tmp_path, "big.txt", STORY + "x" * 5000)
    report = ingest_paths([str(tmp_path)], max_bytes=1000)
    assert "over the 1,000-byte limit" in report.failed[0].detail
    assert not Article.objects.exists()


def test_it_decodes_utf8_with_bom_and_the_cp1252_fallback(db, tmp_path):
    write(tmp_path, "bom.txt", "\ufeff".encode() + STORY.encode())
    write(tmp_path, "latin.txt", STORY.replace("leaders", "leaders’ café").encode("cp1252"))
    report = ingest_paths([str(tmp_path)])
    assert report.count("added") == 2, report.outcomes
    assert Article.objects.get(file_name="bom.txt").title == "Leaders meet in the far east"
    assert "café" in Article.objects.get(file_name="latin.txt").body


def test_it_reports_a_folder_without_articles_and_a_missing_path(db, tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty", "notes.pdf", b"%PDF")
    report = ingest_paths([str(tmp_path / "empty"), str(tmp_path / "missing.txt"), str(tmp_path / "*.nothing")])
    details = [f.detail for f in report.failed]
    assert any("no article files" in d for d in details)
    assert any("no such file" in d for d in details)
    assert any("no file matches" in d for d in details)


def test_a_failure_while_saving_leaves_no_half_article(db, tmp_path):
    write(tmp_path, "story.txt", STORY)
    with mock.patch.object(Article, "save", side_effect=RuntimeError("disk full")):
        with pytest.raises(RuntimeError):
            ingest_paths([str(tmp_path)])
    assert not Article.objects.exists()
    assert not Source.objects.exists()  # the sources made for it were rolled back too


def test_a_manifest_wins_over_the_text(db, tmp_path):
    write(tmp_path, "story.txt", STORY)
    manifest = {"story.txt": {"source": "Moscow Times", "url": "https://example.com/x", "published": "2019-04-26"}}
    write(tmp_path, "manifest.json", json.dumps(manifest))
    ingest_paths([str(tmp_path)])
    article = Article.objects.select_related("source").get()
    assert article.published == date(2019, 4, 26) and article.published_how == "manifest"
    assert article.source.name == "The Moscow Times" and article.source_how == "manifest"
    assert article.url == "https://example.com/x"


def test_a_csv_manifest_works_too(db, tmp_path):
    write(tmp_path, "story.txt", STORY)
    write(tmp_path, "manifest.csv", "file,source,published\nstory.txt,Daily Planet,2019-04-27\n")
    ingest_paths([str(tmp_path)])
    article = Article.objects.get()
    assert (article.source.name, article.published) == ("Daily Planet", date(2019, 4, 27))


def test_a_bad_manifest_fails_its_folder_loudly(db, tmp_path):
    write(tmp_path, "story.txt", STORY)
    write(tmp_path, "manifest.json", json.dumps({"story.txt": {"published": "last Tuesday"}}))
    report = ingest_paths([str(tmp_path)])
    assert "ISO date" in report.failed[0].detail
    assert not Article.objects.exists()


def test_an_editors_date_and_source_survive_reingestion(db, tmp_path):
    path = write(tmp_path, "story.txt", STORY)
    ingest_paths([str(path)])
    editor_source = Source.objects.create(name="Editor's Pick", slug="editors-pick")
    Article.objects.update(published=date(2019, 4, 20), published_how="editor", source=editor_source, source_how="editor")
    write(tmp_path, "story.txt", STORY + "\nA new paragraph.\n")
    ingest_paths([str(path)])
    article = Article.objects.get()
    assert (article.published, article.published_how) == (date(2019, 4, 20), "editor")
    assert article.source == editor_source
    assert "A new paragraph." in article.body


def test_the_command_prints_a_summary_and_fails_when_a_file_failed(db, tmp_path, capsys):
    write(tmp_path, "good.txt", STORY)
    call_command("ingest", str(tmp_path))
    assert "1 added" in capsys.readouterr().out
    write(tmp_path, "bad.txt", "")
    with pytest.raises(CommandError) as failure:
        call_command("ingest", str(tmp_path))
    assert failure.value.returncode == 1
    captured = capsys.readouterr()
    assert "1 unchanged" in captured.out and "1 failed" in captured.out
    assert "bad.txt: empty file" in captured.err

