import csv
import io
import json
from datetime import date
from pathlib import Path

import jsonschema
from django.core.management import call_command
from icalendar import Calendar

from articles.models import Article
from timeline.exports.json import timeline_json
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
    with django_assert_num_queries(3):  # articles, events, mentions (with their articles and sources joined)
        timeline_json(Article.objects.all(), Event.objects.all())
    with django_assert_num_queries(2):
        [len(e.cited) for e in with_mentions(Event.objects.all())]
