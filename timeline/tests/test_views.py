import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article
from timeline.models import Event
from timeline.views import PAGE_SIZE

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
    response = client.get(TIMELINE, {"source": "the-moscow-times", "from": "", "q": ""}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<div id="results"' in content and "<html" not in content
    assert "<form" not in content  # the filters stay where they are: focus and typing are never lost
    assert response["Vary"] and "HX-Request" in response["Vary"]
    assert response["HX-Push-Url"] == "/?source=the-moscow-times"  # no empty parameters in shared URLs
    assert "<title>Timeline: The Moscow Times · Dateline</title>" in content
    assert 'id="count-source-the-moscow-times" hx-swap-oob="innerHTML"' in content
    assert 'id="results-heading" hx-swap-oob="innerHTML"' in content
    assert 'id="error-from" aria-live="polite" hx-swap-oob="innerHTML"></p>' in content  # old messages cleared


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
    assert [e.value for e in corroborated] == ["2019-02", "2019-04-25"]  # the Hanoi summit, and the Vladivostok one
    months = client.get(TIMELINE, {"granularity": "month"}).context["page"].object_list
    assert months and {e.granularity for e in months} == {"month"}


def test_source_counts_follow_the_other_filters(built, client):
    everything = {s["slug"]: s["events"] for s in client.get(TIMELINE).context["sources"]}
    corroborated = {s["slug"]: s["events"] for s in client.get(TIMELINE, {"min_sources": 4}).context["sources"]}
    assert corroborated["the-moscow-times"] == 2 < everything["the-moscow-times"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"from": "not-a-date"}, "is not a date: write a year (2019), a month (2019-04) or a day (2019-04-24)"),
        ({"to": "2019-13"}, "is not a date"),
        ({"min_sources": "abc"}, "whole number"),
        ({"min_sources": "0"}, "must be at least 1"),
        ({"source": "999999"}, "There is no source “999999” on this timeline."),
        ({"granularity": "fortnight"}, "is not a precision this timeline knows"),
        ({"from": "2020", "to": "2019"}, "the dates are the wrong way round"),
        ({"page": "x"}, "whole number"),
    ],
)
def test_bad_filters_are_a_400_with_a_message(built, client, params, message):
    response = client.get(TIMELINE, params)
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert "valid choice" not in content and "Select a" not in content  # plain words, not Django's
    assert '<form id="filters"' in content and 'class="site"' in content  # the form and the site stay
    export = client.get(reverse("timeline:export-json"), params)
    assert export.status_code == 400
    assert message in export.content.decode() and "Back to the timeline" in export.content.decode()


def test_a_bad_value_marks_its_field_and_the_page_shows_what_the_good_ones_select(built, client):
    response = client.get(TIMELINE, {"from": "24/04/2019", "source": "the-moscow-times"})
    content = response.content.decode()
    assert response.status_code == 400
    assert 'name="from" id="id_from" value="24/04/2019"' in content
    assert 'aria-describedby="hint-dates error-from" aria-invalid="true"' in content
    assert '<p class="field-error" id="error-from" aria-live="polite">“24/04/2019” is not a date' in content
    moscow = client.get(TIMELINE, {"source": "the-moscow-times"}).context["page"].paginator.count
    assert response.context["page"].paginator.count == moscow  # the source filter still applies


def test_an_htmx_request_with_a_bad_value_gets_only_the_messages(built, client):
    response = client.get(TIMELINE, {"from": "24/04/2019", "to": ""}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 400
    assert response["HX-Reswap"] == "none" and response["HX-Push-Url"] == "false"  # the last good results stay
    assert '<div id="results"' not in content
    assert 'id="error-from" aria-live="polite" hx-swap-oob="innerHTML">“24/04/2019” is not a date' in content
    assert 'id="error-to" aria-live="polite" hx-swap-oob="innerHTML"></p>' in content


def test_a_form_sent_without_javascript_is_redirected_to_a_url_without_empty_parameters(built, client):
    response = client.get(TIMELINE, {"source": "the-moscow-times", "from": "", "to": "", "q": "", "min_sources": ""})
    assert response.status_code == 302 and response["Location"] == "/?source=the-moscow-times"
    assert client.get(TIMELINE, {"q": " "})["Location"] == "/"


def test_a_page_past_the_last_is_a_404_that_says_so(built, client):
    response = client.get(TIMELINE, {"page": 99999})
    content = response.content.decode()
    assert response.status_code == 404
    last = -(-Event.objects.exclude(status=Event.Status.HIDDEN).count() // PAGE_SIZE)
    assert "There is no page 99999" in content and f'href="/?page={last}"' in content and 'class="site"' in content


def test_a_date_range_lists_the_events_inside_it_first_and_the_broader_ones_after(built, client):
    response = client.get(TIMELINE, {"from": "2019-04-20", "to": "2019-04-25"})
    inside = [e for group in response.context["groups"] for month in group["months"] for e in month["events"]]
    broader = response.context["broader"]
    assert inside and broader
    assert all("2019-04-20" <= e.start.isoformat() and e.end.isoformat() <= "2019-04-25" for e in inside)
    assert all(e.start.isoformat() < "2019-04-20" or e.end.isoformat() > "2019-04-25" for e in broader)
    content = response.content.decode()
    assert content.index(escape(inside[0].headline)) < content.index("Dated more broadly") < content.index(escape(broader[0].headline))
    assert "the whole year" not in content
    within = client.get(TIMELINE, {"from": "2019-04-20", "to": "2019-04-25", "within": "on"})
    assert not within.context["broader"] and within.context["page"].paginator.count == len(inside)


def test_only_the_precisions_present_are_offered_with_counts(built, client):
    response = client.get(TIMELINE)
    precisions = {p["name"]: p["events"] for p in response.context["precisions"]}
    present = set(Event.objects.values_list("granularity", flat=True))
    assert set(precisions) == present and sum(precisions.values()) == Event.objects.count()
    assert 'id="count-granularity-day"' in response.content.decode()
    asked = client.get(TIMELINE, {"granularity": "century"})
    assert "century" in {p["name"] for p in asked.context["precisions"]}  # so that it can be unticked


def test_the_tab_title_names_the_filters(built, client):
    content = client.get(TIMELINE, {"source": "the-moscow-times", "from": "2019-04", "q": "Putin"}).content.decode()
    assert "<title>Timeline: The Moscow Times · from 1 April 2019 · “Putin” · Dateline</title>" in content
    assert "<title>Timeline · Dateline</title>" in client.get(TIMELINE).content.decode()


def test_the_page_costs_a_constant_number_of_queries(built, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(14) as small:
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


def test_the_event_page_keeps_the_filters_for_back_and_links_its_neighbours(built, client):
    events = list(Event.objects.filter(start__gte="2019-04-01", granularity="day").order_by("start", "end", "pk"))
    middle = events[1]
    response = client.get(reverse("timeline:event", args=[middle.pk]), {"from": "2019-04", "granularity": ["day", "week"], "q": ""})
    content = response.content.decode()
    assert f'href="/?granularity=day&amp;granularity=week&amp;from=2019-04#event-{middle.pk}"' in content
    assert 'rel="prev"' in content and 'rel="next"' in content and "<kbd>j</kbd>" in content
    assert f'<h1 id="event-title">{escape(middle.headline)}' in content
    listed = client.get(TIMELINE, {"from": "2019-04"}).content.decode()
    assert f'href="/events/{middle.pk}/?from=2019-04"' in listed  # the list's links carry the filters


def test_a_merged_away_event_redirects_to_its_survivor(built, client):
    from timeline.editing import merge_events

    events = list(Event.objects.filter(value__startswith="2019-04").order_by("pk")[:3])
    gone, hidden, survivor = events
    gone_pk = gone.pk
    gone.merge_into(survivor)  # the build's merge deletes the event
    response = client.get(reverse("timeline:event", args=[gone_pk]), {"source": "the-moscow-times"})
    assert response.status_code == 301 and response["Location"] == f"/events/{survivor.pk}/?source=the-moscow-times"
    merge_events(survivor, [hidden])  # an editor's merge hides it
    assert client.get(reverse("timeline:event", args=[hidden.pk])).status_code == 301
    assert client.get(reverse("timeline:event", args=[hidden.pk]))["Location"] == f"/events/{survivor.pk}/"
    assert client.get(reverse("timeline:event", args=[gone_pk * 1000 + 7])).status_code == 404


def test_error_pages_have_the_site_header_and_a_way_back(built, client):
    response = client.get("/no/such/page/")
    content = response.content.decode()
    assert response.status_code == 404
    assert 'class="site"' in content and 'href="/"' in content and "There is nothing here" in content
    assert "Not Found</h1>" not in content


def test_the_500_page_renders_without_a_request(db):
    from django.template.loader import render_to_string

    content = render_to_string("500.html")
    assert "Something went wrong" in content and 'href="/"' in content


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
    assert "URL domain: “https://" not in content  # the domain was read, not the whole address
    assert 'class="url"' in content  # a long address wraps instead of widening the page
    assert "&lt;u&gt;Reuters&lt;/u&gt;" in content  # raw text shown, escaped
    assert "<u>" not in content
    assert client.get(reverse("timeline:article", args=[999999])).status_code == 404


def test_the_article_page_lists_what_needs_an_editor_with_separators(built, client):
    article = Article.objects.get(file_name__startswith="003")
    content = client.get(reverse("timeline:article", args=[article.pk])).content.decode()
    assert "Needs an editor:</strong> source unknown; publication date inferred." in content


def test_the_sources_page_lists_sources_with_articles_and_events(built, client):
    response = client.get(reverse("timeline:sources"))
    content = response.content.decode()
    assert "The Moscow Times" in content and "Unknown source" in content and "The Straits Times" in content
    assert "?source=the-moscow-times" in content


def test_the_sources_page_shows_articles_a_page_at_a_time(built, client, monkeypatch):
    from timeline import views

    monkeypatch.setattr(views, "ARTICLES_PAGE_SIZE", 2)
    first = client.get(reverse("timeline:sources"))
    assert len(first.context["page"].object_list) == 2 and first.context["page"].paginator.num_pages == 3
    assert 'href="?page=2"' in first.content.decode()
    moscow = client.get(reverse("timeline:sources"), {"source": "the-moscow-times"})
    assert {a.source.slug for a in moscow.context["page"].object_list} == {"the-moscow-times"}
    assert client.get(reverse("timeline:sources"), {"page": 9}).status_code == 404
    assert client.get(reverse("timeline:sources"), {"source": "nobody"}).status_code == 404


def test_exports_honour_the_filters(built, client):
    response = client.get(reverse("timeline:export-json"), {"min_sources": 4})
    data = json.loads(b"".join(response.streaming_content))
    assert [e["value"] for e in data["events"]] == ["2019-02", "2019-04-25"]
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


def test_the_overview_is_drawn_to_a_true_scale_with_labels_under_their_marks(built, client):
    slots = client.get(TIMELINE).context["slots"]
    by_year = {slot.period: slot for slot in slots}
    span = int(slots[-1].period) + 1 - int(slots[0].period)
    # 1949 to 2019: the gap between two years is drawn in proportion to the years between them
    assert by_year["2019"].x > 95 and abs(by_year["1986"].x - 100 * (1986 - 1949) / span) < 1
    ticks = client.get(TIMELINE).context["ticks"]
    assert 2 <= len(ticks) <= 8 and all(t.label.isdigit() and 1949 <= int(t.label) <= 2019 for t in ticks)
    assert all(0 <= t.x <= 100 for t in ticks) and [t.x for t in ticks] == sorted(t.x for t in ticks)


def test_the_axis_data_is_compact_and_opens_on_the_busiest_stretch(built, client):
    response = client.get(reverse("timeline:axis-data"))
    data = response.json()
    assert data["count"] == Event.objects.count() == len(data["events"])
    first = data["events"][0]
    assert first[1] == "1949-03-17" and first[3] == "day" and isinstance(first[5], list)
    start, end = data["window"]
    assert "2019-04-10" <= start <= "2019-04-24" and "2019-04-24" <= end <= "2019-05-01"
    assert {s["slug"] for s in data["sources"]} >= {"the-moscow-times", "unknown"}
    filtered = client.get(reverse("timeline:axis-data"), {"source": "the-moscow-times"}).json()
    assert 0 < filtered["count"] < data["count"]
    assert client.get(reverse("timeline:axis-data"), {"from": "nope"}).status_code == 400


def test_no_page_has_inline_scripts_or_style_attributes(built, client):
    """A Content-Security-Policy will forbid them: behaviour lives in static files, data in JSON blocks."""
    import re

    event = Event.objects.get(value="2019-02")
    article = Article.objects.first()
    for path in [TIMELINE, "/?from=24/04/2019", f"/events/{event.pk}/", f"/articles/{article.pk}/", "/sources/", "/nothing/"]:
        content = client.get(path).content.decode()
        assert " style=" not in content, path
        scripts = re.findall(r"<script([^>]*)>", content)
        assert scripts and all("src=" in attributes or 'type="application/json"' in attributes for attributes in scripts), path


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
