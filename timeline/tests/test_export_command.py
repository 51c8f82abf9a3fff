import json

from django.core.management import call_command


def test_it_exports_articles_with_their_metadata_as_json(seeded, capsys):
    call_command("export_timeline", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"articles", "events"}
    by_file = {article["file"][:3]: article for article in data["articles"]}
    assert len(by_file) == 5
    moscow = by_file["000"]
    assert moscow["source"] == {"name": "The Moscow Times", "slug": "the-moscow-times"}
    assert moscow["published"] == "2019-04-24" and moscow["published_how"] == "byline"
    assert moscow["url"].startswith("https://www.themoscowtimes.com/")
    assert isinstance(moscow["id"], int) and moscow["title"]
    assert by_file["003"]["published"] is None and by_file["003"]["source"] is None
    assert by_file["003"]["published_how"] == "unknown"
    assert [a["file"][:3] for a in data["articles"]][-1] == "003"  # unknown dates last, on every database
