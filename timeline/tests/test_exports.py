import csv
import gzip
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command
from django.db import connection
from icalendar import Calendar

from articles.ingest import ingest_text
from articles.models import Article
from timeline.build import build_timeline
from timeline.exports import FORMATS
from timeline.exports.csv import inert
from timeline.exports.records import with_mentions
from timeline.models import Event, Mention

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "timelinejs3.json").read_text())


def export(capsys, format: str) -> str:
    call_command("export_timeline", "--format", format)
    return capsys.readouterr().out


def test_json_export_holds_articles_and_events_with_their_mentions(built, capsys):
    data = json.loads(export(capsys, "json"))
    assert len(data["articles"]) == 5
    [february] = [e for e in data["events"] if e["value"] == "2019-02"]
    assert set(february) >= {"id", "value", "start", "end", "granularity", "title", "summary", "sources", "mentions"}
    assert (february["start"], february["end"], february["granularity"]) == ("2019-02-01", "2019-02-28", "month")
    # Five articles, four reports (001 and 003 are one AP story); each dates it, and quotes that narrate it support it.
    dated = [m for m in february["mentions"] if not m["supporting"]]
    assert february["sources"] == 4 and len(dated) == 5 and len(february["mentions"]) > 5
    assert all(m["dated_by"] == "narrative" for m in february["mentions"] if m["supporting"])
    mention = february["mentions"][0]
    assert set(mention) >= {"article", "quote", "phrase", "start", "end", "value", "rule"}
    article_ids = {a["id"] for a in data["articles"]}
    assert all(m["article"] in article_ids for e in data["events"] for m in e["mentions"])
    bodies = dict(Article.objects.values_list("pk", "body"))
    assert bodies[mention["article"]][mention["start"] : mention["end"]] == mention["phrase"]


def test_hidden_events_stay_out_of_exports(built, capsys):
    event = Event.objects.get(value="2019-02")
    event.status = Event.Status.HIDDEN
    event.save()
    assert all(e["value"] != "2019-02" for e in json.loads(export(capsys, "json"))["events"])


def test_timelinejs_export_is_valid_timelinejs3(built, capsys):
    data = json.loads(export(capsys, "timelinejs"))
    jsonschema.validate(data, SCHEMA)
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    february = slides[f"event-{Event.objects.get(value='2019-02').pk}"]
    assert february["start_date"] == {"year": 2019, "month": 2}  # no fake day for a month
    assert february["display_date"] == "February 2019"
    week = slides[f"event-{Event.objects.filter(value='2019-W16').first().pk}"]
    assert week["display_date"] == "week of 15 April 2019"
    assert week["start_date"] == {"year": 2019, "month": 4, "day": 15}
    assert week["end_date"] == {"year": 2019, "month": 4, "day": 21}
    year = slides[f"event-{Event.objects.get(value='1986').pk}"]
    assert year["start_date"] == {"year": 1986} and year["display_date"] == "1986"


def test_the_schema_rejects_what_timelinejs_cannot_read():
    bad = {"events": [{"start_date": {"month": 2}, "text": {"headline": "no year"}}]}
    try:
        jsonschema.validate(bad, SCHEMA)
    except jsonschema.ValidationError as error:
        assert "year" in error.message
    else:
        raise AssertionError("a date without a year passed")


def test_csv_export_has_one_row_per_mention(built, capsys):
    rows = list(csv.DictReader(io.StringIO(export(capsys, "csv"))))
    assert len(rows) == Mention.objects.exclude(status="removed").exclude(event=None).count()
    february = [row for row in rows if row["event_value"] == "2019-02"]
    dated = [row for row in february if row["phrase"]]
    assert len(dated) == 5 and {row["phrase"] for row in dated} == {"February"}


def test_ics_export_is_all_day_events(built, capsys):
    calendar = Calendar.from_ical(export(capsys, "ics"))
    entries = [c for c in calendar.walk("VEVENT")]
    assert len(entries) == Event.objects.count()
    february = next(e for e in entries if "2019-02" in str(e.get("description")))
    assert str(february.get("dtstart").dt) == "2019-02-01"
    assert str(february.get("dtend").dt) == "2019-03-01"  # exclusive end: the day after the last day
    assert type(february.get("dtstart").dt) is date  # a DATE, not a DATE-TIME: an all-day event


def test_display_dates_keep_their_granularity(built):
    shown = {e.value: e.when for e in Event.objects.all()}
    assert shown["2019-02"] == "February 2019"
    assert shown["2019-04-24"] == "24 April 2019"
    assert shown["1986"] == "1986"


def test_exports_read_events_in_constant_queries(built, django_assert_num_queries):
    with django_assert_num_queries(4):  # articles; events; their mentions; the articles they cite, with sources joined
        FORMATS["json"].render(Article.objects.all(), Event.objects.all())
    with django_assert_num_queries(2):
        [len(e.cited) for e in with_mentions(Event.objects.all())]


def test_exports_read_a_chunk_of_events_in_constant_queries(built, django_assert_max_num_queries, monkeypatch):
    from timeline.exports import records

    monkeypatch.setattr(records, "CHUNK", 10)
    chunks = -(-Event.objects.count() // 10)
    assert chunks > 2
    with django_assert_max_num_queries(1 + 3 * chunks):  # the articles; each chunk's events, mentions and new articles
        FORMATS["json"].render(Article.objects.all(), Event.objects.all())


def test_exports_never_load_the_articles_texts(built, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for export_format in FORMATS.values():
        with CaptureQueriesContext(connection) as queries:
            export_format.render(Article.objects.all(), Event.objects.all())
        selected = " ".join(q["sql"] for q in queries.captured_queries)
        assert '"raw_text"' not in selected and '"body"' not in selected, export_format.name


def test_exports_stream_in_pieces_that_make_the_whole_file(built, client):
    response = client.get("/export/timeline.json")
    assert response.streaming
    pieces = list(response.streaming_content)
    assert len(pieces) > 10
    assert json.loads(b"".join(pieces))["events"]


MALICIOUS = """Envoys meet &lt;script&gt;alert(1)&lt;/script&gt; at talks

=HYPERLINK("http://evil.example/","Click") The envoys met on Tuesday, 23 April 2019, in Vladivostok, &lt;img src=x onerror=alert(2)&gt; officials said.
"""


def test_what_an_article_says_is_never_run_by_a_timeline_viewer_or_a_spreadsheet(db):
    ingest_text(MALICIOUS, "malicious.txt")
    build_timeline()
    slides = json.loads(FORMATS["timelinejs"].render(Article.objects.all(), Event.objects.all()))["events"]
    text = json.dumps(slides)
    assert "<script" not in text and "<img" not in text  # TimelineJS renders these fields as HTML
    assert any("&lt;script&gt;" in s["text"]["headline"] or "&lt;img" in s["text"]["text"] for s in slides)
    rows = list(csv.reader(io.StringIO(FORMATS["csv"].render(Article.objects.all(), Event.objects.all()).decode())))
    formulas = [cell for row in rows[1:] for cell in row if cell.startswith(("=", "+", "-", "@"))]
    assert formulas == []
    assert any(cell.startswith("'=HYPERLINK") for row in rows[1:] for cell in row)  # written, but inert
    assert inert("=1+1") == "'=1+1" and inert("-3") == "'-3" and inert(42) == 42 and inert("Kim") == "Kim"


def downloaded(client, url: str, **headers) -> bytes:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_an_export_is_written_once_then_sent_from_its_file(built, client, monkeypatch):
    first = downloaded(client, "/export/timeline.json")

    def never(*args):
        raise AssertionError("the export was written again")

    monkeypatch.setitem(FORMATS, "json", replace(FORMATS["json"], stream=never))
    assert downloaded(client, "/export/timeline.json") == first
    # Other filters are another file.
    with pytest.raises(AssertionError, match="written again"):
        downloaded(client, "/export/timeline.json?min_sources=2")


def test_a_kept_export_is_sent_gzipped_to_who_accepts_it(built, client):
    plain = downloaded(client, "/export/timeline.json?min_sources=2")
    response = client.get("/export/timeline.json?min_sources=2", headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
    assert response["Content-Disposition"] == 'attachment; filename="timeline.json"'
    assert gzip.decompress(b"".join(response.streaming_content)) == plain
    assert json.loads(plain)["events"] and all(e["sources"] >= 2 for e in json.loads(plain)["events"])


def test_an_edit_or_a_build_writes_the_export_anew(built, client, settings):
    before = json.loads(downloaded(client, "/export/timeline.json"))
    event = Event.objects.get(value="2019-02")
    event.headline = "Edited by an editor"
    event.save()
    assert {e["title"] for e in json.loads(downloaded(client, "/export/timeline.json"))["events"]} >= {"Edited by an editor"}
    ingest_text(MALICIOUS, "malicious.txt")
    build_timeline()
    after = json.loads(downloaded(client, "/export/timeline.json"))
    assert len(after["articles"]) == len(before["articles"]) + 1
    # Only the newest file of each export is kept.
    assert len(list(Path(settings.EXPORT_FILES_DIR).glob("*-json-*.json"))) == 1


def test_an_export_that_cannot_be_kept_is_still_sent(built, client, settings, tmp_path, caplog):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    settings.EXPORT_FILES_DIR = str(blocked / "exports")
    data = json.loads(downloaded(client, "/export/timeline.json"))
    assert data["events"] and "export files:" in caplog.text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads reading at once, each with its connection: PostgreSQL")
def test_readers_asking_for_one_export_at_once_wait_for_a_single_writing(transactional_db):
    import threading
    import time

    from articles.ingest import ingest_paths
    from articles.models import Story
    from timeline.exports import files

    ingest_paths([str(Path(__file__).resolve().parents[2] / "seeds")])
    build_timeline()
    writings = []

    def slow(articles, events):
        writings.append(threading.get_ident())
        time.sleep(0.5)  # long enough for every reader to arrive while it is written
        yield from FORMATS["json"].stream(articles, events)

    slow_json = replace(FORMATS["json"], stream=slow)
    story, sent = Story.objects.get(), []

    def reader():
        try:
            sent.append(files.kept(slow_json, story, "", Article.objects.all(), Event.objects.all()).read_bytes())
        finally:
            connection.close()

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    assert len(writings) == 1 and len(sent) == 4 and len(set(sent)) == 1
    assert json.loads(sent[0])["events"]
