"""Editors at work in the admin: every action, validation, permissions, history and stickiness."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import escape

from articles.ingest import ingest_text
from articles.models import Article, Source
from timeline.build import build_timeline
from timeline.management.commands.create_editor import create_member
from timeline.models import Event, Mention
from timeline.permissions import EDITOR, VIEWER

PASSWORD = "a-long-and-unusual-passphrase-42"


@pytest.fixture
def editor(db, client):
    user = create_member("edith", PASSWORD, EDITOR)
    client.force_login(user)
    return user


@pytest.fixture
def viewer(db, client):
    user = create_member("victor", PASSWORD, VIEWER)
    client.force_login(user)
    return user


def quoting(words: str) -> Event:
    return Event.objects.filter(mentions__quote__contains=words).distinct().get()


def form_data(client, url: str) -> dict:
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    inline = client.get(url).context["inline_admin_formsets"]
    for formset in inline:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                data[f"{inline_form.prefix}-{name}"] = "" if value is None else value
    return data


def change_event(client, event: Event, **changes):
    url = reverse("admin:timeline_event_change", args=[event.pk])
    data = form_data(client, url)
    data.update(changes)
    return client.post(url, data)


def test_the_event_list_has_its_columns_filters_search_and_date_hierarchy(built, editor, client):
    url = reverse("admin:timeline_event_changelist")
    response = client.get(url)
    assert response.status_code == 200
    assert "February 2019" in response.content.decode()
    assert client.get(url, {"q": "Hanoi"}).context["cl"].result_count >= 1
    assert client.get(url, {"source": "unknown"}).context["cl"].result_count >= 1
    assert client.get(url, {"granularity__exact": "month"}).context["cl"].result_count >= 1
    assert client.get(url, {"year": "2019"}).context["cl"].result_count >= 1
    assert client.get(url, {"needs_review": "yes"}).context["cl"].result_count >= 1
    assert client.get(url, {"start__year": "2019"}).status_code == 200


def test_the_event_page_shows_mentions_with_quote_article_and_provenance(built, editor, client):
    event = Event.objects.get(value="2019-02")
    content = client.get(reverse("admin:timeline_event_change", args=[event.pk])).content.decode()
    assert "<mark>February</mark>" in content and "→ 2019-02" in content and "The Straits Times" in content


def test_editing_a_date_takes_a_timex_value_and_the_interval_follows(built, editor, client):
    event = quoting("crossed the border into Russia")
    response = change_event(client, event, value="2019-W17", headline="Kim enters Russia")
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.value, event.start, event.end, event.granularity) == ("2019-W17", date(2019, 4, 22), date(2019, 4, 28), "week")
    assert event.status == Event.Status.EDITED


def test_the_friendly_date_form_makes_the_value(built, editor, client):
    event = quoting("crossed the border into Russia")
    change_event(client, event, value="", precision="month", day="2019-04-24")
    event.refresh_from_db()
    assert (event.value, event.granularity) == ("2019-04", "month")


@pytest.mark.parametrize("value", ["last Tuesday", "2019-13", "2019-02-30", "P3M", "PAST_REF"])
def test_an_invalid_date_is_refused_and_nothing_is_saved(built, editor, client, value):
    event = quoting("crossed the border into Russia")
    response = change_event(client, event, value=value, headline="Changed")
    assert response.status_code == 200
    assert "not a TIMEX3 date" in response.content.decode()
    event.refresh_from_db()
    assert event.value == "2019-04-24" and event.headline != "Changed"


def test_merging_shows_a_preview_and_merges_into_the_event_the_editor_chose(built, editor, client):
    first, second = sorted([quoting("crossed the border into Russia"), quoting("KCNA news agency reported")], key=lambda e: e.pk)
    changelist = reverse("admin:timeline_event_changelist")
    preview = client.post(changelist, {"action": "merge_selected", "_selected_action": [first.pk, second.pk]})
    assert preview.status_code == 200  # nothing merged yet: the preview
    content = preview.content.decode()
    assert escape(first.headline) in content and escape(second.headline) in content and first.when in content
    assert "The Moscow Times" in content and "Result:" in content
    assert Event.objects.get(pk=second.pk).status != Event.Status.HIDDEN

    chosen = client.post(changelist, {"action": "merge_selected", "_selected_action": [first.pk, second.pk],
                                      "survivor": second.pk, "confirm": "preview"})
    assert f'value="{second.pk}" id="survivor-{second.pk}" checked' in chosen.content.decode()
    moved = list(first.mentions.all())
    response = client.post(changelist, {"action": "merge_selected", "_selected_action": [first.pk, second.pk],
                                        "survivor": second.pk, "confirm": "merge"})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Event.Status.HIDDEN and not first.mentions.exists() and first.merged_into == second
    assert second.status == Event.Status.EDITED and second.merge_evidence[-1]["by"] == "edith"
    assert all(Mention.objects.get(pk=m.pk).event == second for m in moved)


def test_unmerge_restores_every_moved_mention_and_shows_the_event_again_in_one_action(built, editor, client):
    target, other = sorted([quoting("crossed the border into Russia"), quoting("KCNA news agency reported")], key=lambda e: e.pk)
    before = {m.pk: m.status for m in other.mentions.all()}
    target_mentions = set(target.mentions.values_list("pk", flat=True))
    changelist = reverse("admin:timeline_event_changelist")
    client.post(changelist, {"action": "merge_selected", "_selected_action": [target.pk, other.pk], "survivor": target.pk, "confirm": "merge"})
    assert not Event.objects.get(pk=other.pk).mentions.exists()

    response = client.post(changelist, {"action": "unmerge_selected", "_selected_action": [target.pk]}, follow=True)
    assert "Unmerged" in response.content.decode()
    other.refresh_from_db()
    target.refresh_from_db()
    assert other.status != Event.Status.HIDDEN and other.merged_into is None
    assert {m.pk: m.status for m in other.mentions.all()} == before
    assert set(target.mentions.values_list("pk", flat=True)) == target_mentions
    assert not any(item.get("merged_event") == other.pk for item in target.merge_evidence)
    assert other.source_count >= 1
    assert other.history.first().history_user.username == "edith"


def test_unmerge_from_the_merged_away_event_works_too_and_a_plain_event_has_nothing_to_undo(built, editor, client):
    target, other = sorted([quoting("crossed the border into Russia"), quoting("KCNA news agency reported")], key=lambda e: e.pk)
    changelist = reverse("admin:timeline_event_changelist")
    client.post(changelist, {"action": "merge_selected", "_selected_action": [target.pk, other.pk], "survivor": target.pk, "confirm": "merge"})
    client.post(changelist, {"action": "unmerge_selected", "_selected_action": [other.pk]})
    assert Event.objects.get(pk=other.pk).mentions.exists()
    lonely = Event.objects.exclude(pk__in=[target.pk, other.pk]).first()
    response = client.post(changelist, {"action": "unmerge_selected", "_selected_action": [lonely.pk]}, follow=True)
    assert "there is no merge to undo" in response.content.decode()


def test_showing_again_a_merged_away_event_is_refused_with_a_reason(built, editor, client):
    target, other = sorted([quoting("crossed the border into Russia"), quoting("KCNA news agency reported")], key=lambda e: e.pk)
    changelist = reverse("admin:timeline_event_changelist")
    client.post(changelist, {"action": "merge_selected", "_selected_action": [target.pk, other.pk], "survivor": target.pk, "confirm": "merge"})
    response = client.post(changelist, {"action": "unhide_selected", "_selected_action": [other.pk]}, follow=True)
    assert "Not shown" in response.content.decode() and "unmerge it instead" in response.content.decode()
    assert Event.objects.get(pk=other.pk).status == Event.Status.HIDDEN
    # nor from its own page, by changing its status
    response = change_event(client, Event.objects.get(pk=other.pk), status=Event.Status.EDITED)
    assert response.status_code == 200 and "cannot be shown again" in response.content.decode()
    assert Event.objects.get(pk=other.pk).status == Event.Status.HIDDEN


def test_an_emptied_event_cannot_be_shown_with_no_sources(built, editor, client):
    event = Event.objects.filter(value="2011").first()
    for mention in event.mentions.all():
        mention.status, mention.event = Mention.Status.REMOVED, None
        mention.save()
    event.status = Event.Status.HIDDEN
    event.save()
    response = client.post(reverse("admin:timeline_event_changelist"), {"action": "unhide_selected", "_selected_action": [event.pk]}, follow=True)
    assert "0 sources" in response.content.decode()
    assert Event.objects.get(pk=event.pk).status == Event.Status.HIDDEN


def test_no_bulk_delete_of_events_mentions_or_articles(built, editor, client, admin_client):
    for name in ("timeline_event", "timeline_mention", "articles_article"):
        form = admin_client.get(reverse(f"admin:{name}_changelist")).context["action_form"]
        actions = [value for value, _ in form.fields["action"].choices] if form else []
        assert "delete_selected" not in actions, name
    event = Event.objects.filter(value="2011").first()
    page = admin_client.get(reverse("admin:timeline_event_delete", args=[event.pk]))
    assert page.status_code == 200 and "What deleting this event does" in page.content.decode()
    assert client.get(reverse("admin:timeline_event_delete", args=[event.pk])).status_code == 403  # an editor cannot delete


@pytest.mark.parametrize("value", ["2019-04-24T25:00", "2019-04-24T99:99", "2019-04-24T10:60", "2019-04-24T24:30", "2019-04-24TXX"])
def test_an_impossible_time_is_refused_and_not_echoed_in_the_title_or_breadcrumb(built, editor, client, value):
    event = quoting("crossed the border into Russia")
    response = change_event(client, event, value=value)
    content = response.content.decode()
    assert response.status_code == 200 and "errornote" in content
    title = content[content.find("<title>"):content.find("</title>")]
    breadcrumbs = content[content.find('class="breadcrumbs"'):content.find("</ol>", content.find('class="breadcrumbs"'))]
    assert value not in title and value not in breadcrumbs
    assert Event.objects.get(pk=event.pk).value == "2019-04-24"


@pytest.mark.parametrize("value", ["2019-04-24T10:30", "2019-04-24T23:59:59", "2019-04-24T24:00", "2019-04-24TEV"])
def test_a_real_time_of_day_is_accepted(built, editor, client, value):
    event = quoting("crossed the border into Russia")
    assert change_event(client, event, value=value).status_code == 302
    assert Event.objects.get(pk=event.pk).value == value


def test_the_admin_says_dateline_and_the_history_breadcrumb_leads_back_to_the_event(built, editor, client):
    event = quoting("crossed the border into Russia")
    index = client.get(reverse("admin:index")).content.decode()
    assert "Dateline" in index and "Django administration" not in index
    history = client.get(reverse("admin:timeline_event_history", args=[event.pk])).content.decode()
    assert 'id="change-history"' in history and reverse("admin:timeline_event_change", args=[event.pk]) in history
    record = event.history.first()
    version = client.get(reverse("admin:timeline_event_simple_history", args=[event.pk, record.history_id])).content.decode()
    crumbs = version[version.find('class="breadcrumbs"'):]
    assert f'href="{reverse("admin:timeline_event_change", args=[event.pk])}"' in crumbs[:2000]


def test_splitting_moves_a_mention_into_a_new_event(built, editor, client):
    arrival = quoting("crossed the border into Russia")
    mention = arrival.mentions.get(article__file_name__startswith="004", quote__contains="personal train")
    response = client.post(reverse("admin:timeline_mention_changelist"), {"action": "split_out", "_selected_action": [mention.pk]})
    assert response.status_code == 302
    mention.refresh_from_db()
    assert mention.event != arrival and mention.status == Mention.Status.PINNED
    assert mention.event.status == Event.Status.EDITED and mention.event.value == "2019-04-24"
    assert not arrival.mentions.filter(pk=mention.pk).exists()


def test_hide_unhide_and_mark_reviewed(built, editor, client):
    event = Event.objects.get(value="2019-02")
    changelist = reverse("admin:timeline_event_changelist")
    client.post(changelist, {"action": "hide_selected", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Event.Status.HIDDEN
    client.post(changelist, {"action": "unhide_selected", "_selected_action": [event.pk]})
    client.post(changelist, {"action": "mark_reviewed", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Event.Status.EDITED and event.reviewed
    assert event.history.count() >= 3


def test_setting_a_publication_date_re_anchors_the_article(built, editor, client):
    article = Article.objects.get(file_name__startswith="003")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = {name: "" if field.value() is None else field.value()
            for name, field in ((n, client.get(url).context["adminform"].form[n]) for n in client.get(url).context["adminform"].form.fields)}
    data.update(published="2019-04-25")
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert (article.published, article.published_how) == (date(2019, 4, 25), "editor")
    last_week = Mention.objects.get(article=article, phrase="Last week")
    assert last_week.value == "2019-W16" and "2019-04-25" in last_week.anchor
    # the editor's date wins over inference on the next build
    build_timeline()
    article.refresh_from_db()
    assert article.published == date(2019, 4, 25) and article.published_how == "editor"


def test_fixing_a_source_re_files_the_article_and_sources_merge(built, editor, client):
    article = Article.objects.get(file_name__startswith="001")
    gleaner = Source.objects.create(name="The Gleaner", slug="the-gleaner", kind="outlet")
    february = Event.objects.get(value="2019-02")
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    data = {n: "" if form[n].value() is None else form[n].value() for n in form.fields}
    data.update(source=gleaner.pk)
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.source == gleaner and article.source_how == "editor"
    duplicate = Source.objects.create(name="Jamaica Gleaner", slug="jamaica-gleaner", kind="outlet", domain="jamaica-gleaner.com")
    Article.objects.filter(file_name__startswith="002").update(source=duplicate)
    response = client.post(reverse("admin:articles_source_changelist"),
                           {"action": "merge_sources", "_selected_action": [gleaner.pk, duplicate.pk]})
    assert response.status_code == 302
    assert not Source.objects.filter(pk=duplicate.pk).exists()
    assert Article.objects.get(file_name__startswith="002").source == gleaner
    february.refresh_from_db()
    assert february.source_count == 3  # 001 and 002 are now the same outlet, and 003 is a copy of 001


def test_viewers_can_read_but_not_change(built, viewer, client):
    event = Event.objects.get(value="2019-02")
    url = reverse("admin:timeline_event_change", args=[event.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"headline": "vandalised", "value": "2019"}).status_code == 403
    client.post(reverse("admin:timeline_event_changelist"), {"action": "hide_selected", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status != Event.Status.HIDDEN and event.headline != "vandalised"
    assert "edit</a>" not in client.get("/").content.decode()


def test_anonymous_users_are_sent_to_login(built, client):
    for name in ["admin:timeline_event_changelist", "admin:timeline_mention_changelist"]:
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_editors_see_an_edit_link_on_each_event(built, editor, client):
    content = client.get("/").content.decode()
    event = Event.objects.get(value="2019-02")
    assert reverse("admin:timeline_event_change", args=[event.pk]) in content


def test_edits_survive_rebuilds_and_reingestion(built, editor, client, seeds_dir):
    arrival = quoting("crossed the border into Russia")
    change_event(client, arrival, headline="Kim crosses into Russia")
    spokesman = quoting("Chinese Foreign Ministry spokesman")
    client.post(reverse("admin:timeline_event_changelist"), {"action": "hide_selected", "_selected_action": [spokesman.pk]})
    removed = Mention.objects.get(article__file_name__startswith="000", phrase="Tuesday")
    url = reverse("admin:timeline_mention_change", args=[removed.pk])
    form = client.get(url).context["adminform"].form
    data = {n: "" if form[n].value() is None else form[n].value() for n in form.fields}
    data.update(status="removed")
    assert client.post(url, data).status_code == 302

    build_timeline()
    # Re-ingest a changed version of seed 000: its text moves, its automatic mentions are rebuilt.
    path = next(seeds_dir.glob("000_*.txt"))
    ingest_text("A note added above the story.\n\n" + path.read_text(encoding="utf-8"), path.name)
    build_timeline()

    arrival.refresh_from_db()
    spokesman.refresh_from_db()
    assert arrival.headline == "Kim crosses into Russia" and arrival.status == Event.Status.EDITED
    assert spokesman.status == Event.Status.HIDDEN
    assert Mention.objects.get(pk=removed.pk).status == Mention.Status.REMOVED
    tuesdays = Mention.objects.filter(article__file_name__startswith="000", phrase="Tuesday")
    assert [m.status for m in tuesdays] == [Mention.Status.REMOVED]  # not resurrected at its new offsets


def test_create_editor_asks_for_a_password_and_refuses_weak_ones(db, monkeypatch, capsys):
    from django.core.management import CommandError, call_command

    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_editor", "erin")
    assert "editor group" in capsys.readouterr().out
    from django.contrib.auth import get_user_model

    erin = get_user_model().objects.get(username="erin")
    assert erin.is_staff and not erin.is_superuser and erin.has_perm("timeline.change_event")
    weak = iter(["password", "password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(weak))
    with pytest.raises(CommandError, match="too common"):
        call_command("create_editor", "weakling", "--viewer")
