import json

import pytest
from django.urls import reverse

from articles.models import Article
from timeline.models import Event

TIMELINE = "/"


def headlines(response) -> list[str]:
    return [e.headline for group in response.context["groups"] for month in group["months"] for e in month["events"]]


def test_it_renders_the_timeline_page(built, client):
    response = client.get(TIMELINE)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<main" in content and 'id="results"' in content and "htmx" in content
    assert "February 2019" in content and "24 April 2019" in content and "week of 15 April 2019" in content
    assert "cdn" not in content.lower() and "/static/django_htmx/" in content or "/static/" in content


def test_htmx_requests_get_only_the_results(built, client):
    response = client.get(TIMELINE, {"source": "the-moscow-times"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<div id="results"') and "<html" not in content
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_full_page(built, client):
    response = client.get(TIMELINE, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_it_filters_by_source_including_unknown(built, client):
    moscow = headlines(client.get(TIMELINE, {"source": "the-moscow-times"}))
    assert moscow and all(
        Event.objects.filter(headline=h, mentions__article__source__slug="the-moscow-times").exists() for h in moscow
    )
    unknown = client.get(TIMELINE, {"source": "unknown"})
    assert unknown.status_code == 200 and headlines(unknown)
    both = headlines(client.get(TIMELINE, {"source": ["the-moscow-times", "unknown"]}))
    assert set(moscow) <= set(both)


def test_it_filters_by_dates_partial_or_full(built, client):
    april = client.get(TIMELINE, {"from": "2019-04", "to": "2019-04"}).context["page"].paginator.count
    day = client.get(TIMELINE, {"from": "2019-04-24", "to": "2019-04-24"})
    assert 0 < day.context["page"].paginator.count < april
    assert all(e.start.isoformat() <= "2019-04-24" <= e.end.isoformat() for e in day.context["page"].object_list)
    year = client.get(TIMELINE, {"to": "2011"})
    assert {e.value for e in year.context["page"].object_list} >= {"1986", "2011"}


def test_it_filters_by_text_corroboration_and_granularity(built, client):
    found = headlines(client.get(TIMELINE, {"q": "Hanoi"}))
    assert Event.objects.get(value="2019-02").headline in found
    assert all("hanoi" in (h + e.summary).lower() or e.mentions.filter(quote__icontains="hanoi").exists()
               for h in found for e in Event.objects.filter(headline=h))
    assert len(found) < Event.objects.count()
    corroborated = client.get(TIMELINE, {"min_sources": 4}).context["page"].object_list
    assert [e.value for e in corroborated] == ["2019-02"]
    months = client.get(TIMELINE, {"granularity": "month"}).context["page"].object_list
    assert months and {e.granularity for e in months} == {"month"}


def test_source_counts_follow_the_other_filters(built, client):
    everything = {s["slug"]: s["events"] for s in client.get(TIMELINE).context["sources"]}
    corroborated = {s["slug"]: s["events"] for s in client.get(TIMELINE, {"min_sources": 4}).context["sources"]}
    assert corroborated["the-moscow-times"] == 1 < everything["the-moscow-times"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"from": "not-a-date"}, "is not a date"),
        ({"to": "2019-13"}, "is not a date"),
        ({"min_sources": "abc"}, "whole number"),
        ({"min_sources": "0"}, "greater than or equal to 1"),
        ({"source": "no-such-outlet"}, "valid choice"),
        ({"granularity": "fortnight"}, "valid choice"),
        ({"from": "2020", "to": "2019"}, "after"),
        ({"page": "x"}, "whole number"),
    ],
)
def test_bad_filters_are_a_400_with_a_message(built, client, params, message):
    response = client.get(TIMELINE, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    export = client.get(reverse("timeline:export-json"), params)
    assert export.status_code == 400


def test_the_page_costs_a_constant_number_of_queries(built, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as small:
        client.get(TIMELINE)
    events = Event.objects.count()
    # Copy every event many times over: the query count must not grow with the number of events.
    Event.objects.bulk_create([Event(story_id=e.story_id, value=e.value, start=e.start, end=e.end, granularity=e.granularity, headline=e.headline)
                               for e in Event.objects.all() for _ in range(5)])
    assert Event.objects.count() == events * 6
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(TIMELINE)
    assert response.context["page"].paginator.count == events * 6
    assert len(response.context["page"].object_list) == 50  # paginated


def test_event_provenance_shows_each_citing_article_and_how_it_was_anchored(built, client):
    event = Event.objects.get(value="2019-02")
    response = client.get(reverse("timeline:event", args=[event.pk]), HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200 and "<html" not in content
    assert content.count("<mark>February</mark>") == 5
    assert content.count("<blockquote>") > 5  # and the quotes that narrate it, in support
    assert "The Moscow Times" in content and "The Straits Times" in content
    assert "in an article published" in content and "→ 2019-02" in content
    assert "Why these reports were merged" in content
    full = client.get(reverse("timeline:event", args=[event.pk]))
    assert "<html" in full.content.decode()


def test_hidden_and_missing_events_are_404(built, client):
    event = Event.objects.get(value="2019-02")
    event.status = Event.Status.HIDDEN
    event.save()
    assert client.get(reverse("timeline:event", args=[event.pk])).status_code == 404
    assert client.get(reverse("timeline:event", args=[999999])).status_code == 404
    assert event.headline not in client.get(TIMELINE).content.decode()


def test_the_article_page_marks_dates_links_events_and_escapes_html(built, client):
    article = Article.objects.get(file_name__startswith="000")
    response = client.get(reverse("timeline:article", args=[article.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="timex" href="/events/' in content
    assert "URL domain" in content and "date under the byline" in content
    assert "&lt;u&gt;Reuters&lt;/u&gt;" in content  # raw text shown, escaped
    assert "<u>" not in content
    assert client.get(reverse("timeline:article", args=[999999])).status_code == 404


def test_the_sources_page_lists_sources_with_articles_and_events(built, client):
    response = client.get(reverse("timeline:sources"))
    content = response.content.decode()
    assert "The Moscow Times" in content and "Unknown source" in content and "The Straits Times" in content
    assert "?source=the-moscow-times" in content


def test_exports_honour_the_filters(built, client):
    response = client.get(reverse("timeline:export-json"), {"min_sources": 4})
    data = json.loads(response.content)
    assert [e["value"] for e in data["events"]] == ["2019-02"]
    assert {a["file"][:3] for a in data["articles"]} == {"000", "001", "002", "003", "004"}
    assert response["Content-Disposition"].endswith('timeline.json"')
    for name, kind in [("export-timelinejs", "application/json"), ("export-csv", "text/csv"), ("export-ics", "text/calendar")]:
        other = client.get(reverse(f"timeline:{name}"), {"source": "the-moscow-times"})
        assert other.status_code == 200 and other["Content-Type"].startswith(kind)


def test_anonymous_users_cannot_change_anything(built, client):
    assert client.post(TIMELINE).status_code == 405
    event = Event.objects.first()
    assert client.post(reverse("timeline:event", args=[event.pk])).status_code == 405
    assert "edit</a>" not in client.get(TIMELINE).content.decode()


def test_the_axis_narrows_to_a_period(built, client):
    response = client.get(TIMELINE)
    assert response.context["unit"] == "year"
    content = response.content.decode()
    assert 'from=2019&amp;to=2019' in content and "<svg" in content
    zoomed = client.get(TIMELINE, {"from": "2019", "to": "2019"})
    assert zoomed.context["unit"] == "month"
    assert "from=2019-04&amp;to=2019-04" in zoomed.content.decode()
    days = client.get(TIMELINE, {"from": "2019-04", "to": "2019-04"})
    assert days.context["unit"] == "day"


def test_filtering_by_a_wire_agency_finds_its_stories_in_other_outlets(built, client):
    reuters = {e.pk for e in client.get(TIMELINE, {"source": "reuters"}).context["page"].object_list}
    bloomberg = {e.pk for e in client.get(TIMELINE, {"source": "bloomberg"}).context["page"].object_list}
    assert reuters and bloomberg  # 000 is "By Reuters", 004 carries a Bloomberg dateline
    assert Event.objects.get(mentions__lead=True, mentions__article__file_name__startswith="000").pk in reuters
    counts = {s["slug"]: s["events"] for s in client.get(TIMELINE).context["sources"]}
    assert counts["reuters"] == len(reuters) and counts["bloomberg"] == len(bloomberg)


def test_an_article_of_unknown_outlet_is_labelled_by_its_byline_or_title(built):
    from articles.models import Article

    labels = {a.file_name[:3]: a.source_label for a in Article.objects.select_related("source", "agency")}
    assert labels["002"] == "Larry Hoffman (outlet unknown)"
    assert labels["001"].startswith("“An upbeat Kim arrives") and labels["003"] != labels["001"]
    assert "Unknown source" not in labels.values()
