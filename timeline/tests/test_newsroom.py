"""Editors' pages: adding articles from the browser, the progress page, rebuilds, a new story, and quick actions
on an event. Each view: an editor succeeds, anonymous is sent to sign in, a viewer is refused, bad input is a 400."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Story
from conftest import SEEDS
from timeline.models import Event, Job, JobInput

PAGES = Path(__file__).resolve().parents[2] / "articles" / "tests" / "pages"


def uploads(folder: Path, pattern: str) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(path.name, path.read_bytes()) for path in sorted(folder.glob(pattern))]


@pytest.fixture
def story(db):
    return Story.named("kim-in-russia", "Kim Jong Un's visit to Russia, April 2019")


def add_url(story) -> str:
    return reverse("timeline:add-articles", args=[story.slug])


def test_it_shows_the_form_to_an_editor(story, editor, client):
    client.force_login(editor)
    response = client.get(add_url(story))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in content and 'name="files"' in content and "multiple" in content
    assert 'name="text"' in content and 'name="urls"' in content and f'action="{add_url(story)}"' in content
    assert "<script>" not in content and "style=" not in content


def test_anonymous_is_sent_to_sign_in_and_a_viewer_is_refused(story, viewer, client):
    for url in (add_url(story), reverse("timeline:new-story")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.post(reverse("timeline:rebuild", args=[story.slug])).status_code == 302
    client.force_login(viewer)
    assert client.get(add_url(story)).status_code == 403
    assert client.post(add_url(story), {"text": "A story\n\nSomething happened on Monday."}).status_code == 403
    assert client.post(reverse("timeline:rebuild", args=[story.slug])).status_code == 403
    assert client.get(reverse("timeline:new-story")).status_code == 403
    assert not Job.objects.exists() and not Article.objects.exists()


def test_an_unknown_story_is_a_404(editor, client):
    client.force_login(editor)
    assert client.get(reverse("timeline:add-articles", args=["nope"])).status_code == 404
    assert client.post(reverse("timeline:rebuild", args=["nope"])).status_code == 404


def test_uploading_the_five_seeds_ingests_them_and_builds_the_story(story, editor, client):
    client.force_login(editor)
    response = client.post(add_url(story), {"files": uploads(SEEDS, "*.txt")})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("timeline:job", args=[job.pk])
    assert job.state == Job.State.DONE and job.done == job.total == 5 and job.counts == {"added": 5}
    assert job.created_by == editor and job.task_id and not JobInput.objects.exists()  # nothing of the inputs is kept
    assert story.articles.count() == 5 and Event.objects.filter(story=story).count() > 20
    page = client.get(response["Location"]).content.decode()
    assert "Done" in page and "5 / 5" in page and "5 added" in page and "Timeline: 5 articles" in page
    assert 'hx-trigger="every 1s"' not in page  # finished: no more polling


def test_uploading_saved_web_pages_reads_their_text_and_metadata(story, editor, client):
    client.force_login(editor)
    client.post(add_url(story), {"files": uploads(PAGES, "*.html")})
    assert Job.objects.get().counts == {"added": 5}
    cbs = Article.objects.get(file_name="003_4c0dc589ae53b205.html")
    assert cbs.title == "North Korea leader Kim Jong Un in Russia for summit with Vladimir Putin"
    assert cbs.published.isoformat() == "2019-04-24" and cbs.published_how == "page"
    assert cbs.source.name == "CBS News" and cbs.source_how == "page" and cbs.url.startswith("https://www.cbsnews.com/")
    assert "Subscribe" not in cbs.body and "cookies" not in cbs.body and "Kim" in cbs.body
    assert Event.objects.filter(story=story, value="2019-02", source_count__gte=4).exists()


def test_bad_files_fail_each_with_its_reason_and_the_rest_go_on(story, editor, client, settings):
    settings.INGEST_MAX_BYTES = 3000
    client.force_login(editor)
    files = [
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("binary.txt", b"\x00\x01\x02 not text"),
        SimpleUploadedFile("large.txt", b"x " * 2000),
        SimpleUploadedFile("furniture.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        SimpleUploadedFile("good.txt", b"Markets fall\n\nKUALA LUMPUR, April 1 , 1997 (AFP)\n\nShares fell on Tuesday.\n"),
    ]
    client.post(add_url(story), {"files": files})
    job = Job.objects.get()
    reasons = {failure["name"]: failure["reason"] for failure in job.failures}
    assert reasons == {
        "empty.txt": "empty file",
        "binary.txt": "binary file (a NUL byte at offset 0), not article text",
        "large.txt": "file is 4,000 bytes, over the 3,000-byte limit (INGEST_MAX_BYTES)",
        "furniture.html": "no article text left once the page furniture is removed",
    }
    assert job.counts == {"failed": 4, "added": 1} and job.state == Job.State.DONE
    assert list(Article.objects.values_list("file_name", flat=True)) == ["good.txt"]
    page = client.get(reverse("timeline:job", args=[job.pk])).content.decode()
    assert "Not ingested" in page and "over the 3,000-byte limit" in page


def test_a_pasted_text_becomes_an_article_and_pasting_it_again_changes_nothing(story, editor, client):
    client.force_login(editor)
    text = "Markets fall\n\nKUALA LUMPUR, April 1 , 1997 (AFP)\n\nShares fell on Tuesday.\n"
    client.post(add_url(story), {"text": text})
    client.post(add_url(story), {"text": text})
    assert [job.counts for job in Job.objects.order_by("pk")] == [{"added": 1}, {"unchanged": 1}]
    assert Article.objects.get().file_name.startswith("pasted-")


@pytest.mark.parametrize("data, message", [
    ({}, "Give at least one file, a pasted text or a web address."),
    ({"urls": "not a url"}, "is not a web address"),
    ({"urls": "ftp://example.org/file.txt"}, "is not a web address"),
    ({"urls": "\n".join(f"https://example.org/{n}" for n in range(51))}, "At most 50 addresses"),
])
def test_bad_input_is_a_400_with_a_message(story, editor, client, data, message):
    client.force_login(editor)
    response = client.post(add_url(story), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Job.objects.exists()


def test_the_job_page_polls_while_the_work_goes_on(story, editor, second_editor, viewer, client):
    job = Job.objects.create(story=story, kind=Job.Kind.INGEST, created_by=second_editor, total=5, done=2,
                             current="003_4c0dc589ae53b205.txt", state=Job.State.RUNNING,
                             failures=[{"name": "bad.txt", "reason": "empty file"}], counts={"added": 1, "failed": 1})
    url = reverse("timeline:job", args=[job.pk])
    assert client.get(url).status_code == 302
    client.force_login(viewer)
    assert client.get(url).status_code == 403
    client.force_login(editor)  # an editor follows any editor's work: the newsroom shares it
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in page and "2 / 5" in page and "003_4c0dc589ae53b205.txt" in page
    assert "bad.txt" in page and "empty file" in page and f'href="{url}"' in page  # a refresh link without JavaScript
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith(f'<section id="job-{job.pk}"') and "<html" not in fragment
    assert client.get(reverse("timeline:job", args=[job.pk + 1])).status_code == 404


def test_an_editor_rebuilds_a_story_in_the_background(built, editor, client):
    client.force_login(editor)
    story = Story.objects.get(slug="timeline")
    assert client.get(reverse("timeline:rebuild", args=[story.slug])).status_code == 405
    response = client.post(reverse("timeline:rebuild", args=[story.slug]))
    job = Job.objects.get()
    assert response.status_code == 302 and job.kind == Job.Kind.REBUILD and job.state == Job.State.DONE
    assert job.done == job.total == 5 and "Timeline: 5 articles" in job.summary


def test_an_editor_starts_a_story_from_the_browser(editor, client):
    client.force_login(editor)
    response = client.post(reverse("timeline:new-story"), {"title": "Kim in Russia", "slug": "", "description": ""})
    assert response.status_code == 302 and response["Location"] == reverse("timeline:add-articles", args=["kim-in-russia"])
    again = client.post(reverse("timeline:new-story"), {"title": "Kim in Russia", "slug": "kim-in-russia"})
    assert again.status_code == 400 and "already exists" in again.content.decode()


def test_the_story_page_offers_editors_their_tools_only(built, editor, viewer, client):
    tools = reverse("timeline:add-articles", args=["timeline"])
    assert tools not in client.get("/").content.decode()
    client.force_login(viewer)
    assert tools not in client.get("/").content.decode()
    client.force_login(editor)
    content = client.get("/").content.decode()
    assert tools in content and reverse("timeline:rebuild", args=["timeline"]) in content


# Quick actions on an event's public page

def quick(event, action):
    return reverse("timeline:quick-action", args=[event.pk, action])


def test_checked_by_an_editor_shows_only_for_reviewed_events(built, editor, client):
    event = Event.objects.get(value="2019-02")
    event.status = Event.Status.EDITED
    event.save()
    assert "checked by an editor" not in client.get(event.get_absolute_url()).content.decode()
    assert "checked by an editor" not in client.get("/", {"min_sources": 4}).content.decode()
    client.force_login(editor)
    client.post(quick(event, "review"), HTTP_HX_REQUEST="true")
    client.logout()
    assert "checked by an editor" in client.get(event.get_absolute_url()).content.decode()
    assert "checked by an editor" in client.get("/", {"min_sources": 4}).content.decode()


def test_an_editor_sees_edit_and_quick_actions_on_the_event_page(built, editor, viewer, client):
    event = Event.objects.get(value="2019-02")
    assert quick(event, "hide") not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(viewer)
    assert quick(event, "hide") not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(editor)
    content = client.get(event.get_absolute_url()).content.decode()
    assert reverse("admin:timeline_event_change", args=[event.pk]) in content and ">Edit<" in content
    for action in ("hide", "review", "date"):
        assert f'action="{quick(event, action)}"' in content and f'hx-post="{quick(event, action)}"' in content
    assert "csrfmiddlewaretoken" in content


def test_quick_actions_are_refused_to_anonymous_and_viewers_and_need_csrf(built, viewer, editor, client):
    from django.test import Client

    event = Event.objects.get(value="2019-02")
    assert client.post(quick(event, "hide")).status_code == 302
    client.force_login(viewer)
    assert client.post(quick(event, "hide")).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(quick(event, "hide")).status_code == 403
    assert Event.objects.get(pk=event.pk).status != Event.Status.HIDDEN


def test_an_editor_hides_marks_reviewed_and_redates_with_htmx(built, editor, client):
    client.force_login(editor)
    event = Event.objects.get(value="2019-02")
    reviewed = client.post(quick(event, "review"), HTTP_HX_REQUEST="true")
    assert reviewed.status_code == 200 and "Marked as reviewed" in reviewed.content.decode() and "<html" not in reviewed.content.decode()
    dated = client.post(quick(event, "date"), {"value": "2019-02-28"}, HTTP_HX_REQUEST="true")
    assert "Date set to 2019-02-28" in dated.content.decode()
    event.refresh_from_db()
    assert event.reviewed and event.value == "2019-02-28" and event.granularity == "day" and event.status == Event.Status.EDITED
    hidden = client.post(quick(event, "hide"), HTTP_HX_REQUEST="true")
    assert "Hidden" in hidden.content.decode()
    assert Event.objects.get(pk=event.pk).status == Event.Status.HIDDEN
    assert event.history.first().history_user == editor


@pytest.mark.parametrize("value", ["2019-04-24T25:00", "2019-04-24T99:99", "next week", ""])
def test_a_bad_date_is_a_400_and_changes_nothing(built, editor, client, value):
    client.force_login(editor)
    event = Event.objects.get(value="2019-02")
    response = client.post(quick(event, "date"), {"value": value}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert Event.objects.get(pk=event.pk).value == "2019-02"
    plain = client.post(quick(event, "date"), {"value": value})
    assert plain.status_code == 400


def test_without_javascript_a_quick_action_returns_to_the_page(built, editor, client):
    client.force_login(editor)
    event = Event.objects.get(value="2019-02")
    assert client.post(quick(event, "review"))["Location"] == event.get_absolute_url()
    assert client.post(quick(event, "hide"))["Location"] == event.story.get_absolute_url()
    assert client.post(quick(event, "explode")).status_code == 400
    assert client.post(reverse("timeline:quick-action", args=[10**6, "hide"])).status_code == 404


def test_web_addresses_are_fetched_by_the_task_and_refused_ones_say_why(story, editor, client, page_server, settings):
    client.force_login(editor)
    client.post(add_url(story), {"urls": f"{page_server}/kim.html\n{page_server}/missing\n"})
    job = Job.objects.get()
    assert job.counts == {"added": 1, "failed": 1}
    assert job.failures == [{"name": f"{page_server}/missing", "reason": "the server answered 404 Not Found"}]
    assert Article.objects.get().url == f"{page_server}/kim.html"
    settings.INGEST_FETCH_PRIVATE = False
    client.post(add_url(story), {"urls": f"{page_server}/kim.html"})
    assert "loopback address (127.0.0.1), which is not fetched" in Job.objects.latest("pk").failures[0]["reason"]
