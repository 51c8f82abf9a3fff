import json

import pytest
from django.core.management import CommandError, call_command

from newsdates.tests.test_timeml import DOCUMENT


def test_annotate_marks_each_expression_in_text_format(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text("Kim will meet Putin on Thursday. Biegun visited Moscow last week.", encoding="utf-8")
    call_command("annotate", str(path), "--dct", "2019-04-24")
    out = capsys.readouterr().out
    assert "[[Thursday]]{DATE 2019-04-25}" in out
    assert "[[last week]]{DATE 2019-W16}" in out


def test_annotate_writes_json_lines_with_offsets(tmp_path, capsys):
    text = "He arrived on Wednesday."
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    call_command("annotate", str(path), "--dct", "2019-04-24", "--format", "jsonl")
    [line] = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert text[record["start"] : record["end"]] == "Wednesday"
    assert record["value"] == "2019-04-24" and record["rule"] == "weekday"


def test_annotate_batch_reads_json_lines_and_skips_bad_ones(tmp_path, capsys):
    lines = [
        json.dumps({"id": "a", "dct": "2019-04-24", "text": "He arrived on Wednesday."}),
        "not json",
        json.dumps({"id": "b", "dct": "2019-04-25", "text": "They met yesterday and will meet tomorrow."}),
        json.dumps({"id": "c", "dct": "24/04/2019", "text": "x"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError) as failure:
        call_command("annotate", str(path), "--batch", "--format", "jsonl")
    assert failure.value.returncode == 1
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["id"], r["text"], r["value"]) for r in records] == [
        ("a", "Wednesday", "2019-04-24"),
        ("b", "yesterday", "2019-04-24"),
        ("b", "tomorrow", "2019-04-26"),
    ]
    assert set(records[0]) == {"id", "start", "end", "text", "type", "value", "mod", "first", "last", "rule"}
    assert "line 2: skipped" in captured.err and "line 4: skipped" in captured.err


def test_annotate_refuses_a_bad_reference_date_and_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("annotate", "-", "--dct", "yesterday")
    with pytest.raises(CommandError, match="No such file"):
        call_command("annotate", str(tmp_path / "missing.txt"), "--dct", "2019-04-24")


def test_evaluate_timex_prints_scores_for_both_systems(tmp_path, capsys):
    (tmp_path / "T1.tml").write_text(DOCUMENT, encoding="utf-8")
    call_command("evaluate_timex", str(tmp_path), "--baseline")
    out = capsys.readouterr().out
    assert "1 documents, 2 gold expressions" in out
    assert "dateline / search_dates:" in out
    assert "dateline       all" in out and "search_dates   all" in out
    assert "kchar/s" in out


def test_evaluate_timex_reports_a_folder_without_documents(tmp_path):
    with pytest.raises(CommandError, match="no .tml files"):
        call_command("evaluate_timex", str(tmp_path))


def test_annotate_reads_a_text_in_another_language(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text("Le dirigeant nord-coréen est arrivé hier à Vladivostok en train blindé.", encoding="utf-8")
    call_command("annotate", str(path), "--dct", "2019-04-25", "--format", "jsonl")
    [line] = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert (record["text"], record["value"], record["rule"]) == ("hier", "2019-04-24", "dateparser")
