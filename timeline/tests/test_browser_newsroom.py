"""The newsroom in a real browser: an editor uploads the seeds as files and as saved web pages and watches the
background work to the end, merges and unmerges two events in the admin, and fixes an event from its page."""

import re
import threading

import pytest

from conftest import PAGES, SEEDS

from .conftest import ARTIFACTS, PASSWORD


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def site(built, live_server, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    return live_server.url


def sign_in(page, site: str, next_url: str = "/") -> None:
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.get_by_label("Username").fill("edith")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}{next_url}")


def run_worker_once() -> threading.Thread:
    """django-tasks-db's worker loop, for one task, in a thread (the command itself wants the main thread for signals)."""
    from django.db import connections
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(queue_names=["default"], interval=0.2, batch=False, backend_name="default", startup_delay=False,
                    max_tasks=1, worker_id="browser-test", excluded_queue_names=[])
    def run():
        try:
            worker.run()
        finally:
            connections.close_all()  # the thread's own connection, or the test database cannot be dropped

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_an_editor_uploads_the_seeds_and_watches_the_progress_to_the_timeline(site, page, editor, settings):
    from articles.models import Story
    from timeline.models import Event, Job

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    Story.named("kim-in-russia", "Kim Jong Un's visit to Russia, April 2019")
    sign_in(page, site)
    page.goto(f"{site}/")
    assert page.locator("h1").inner_text() == "Stories"
    shoot(page, "newsroom-stories")
    page.get_by_role("link", name="Kim Jong Un's visit to Russia, April 2019").click()
    page.get_by_role("link", name="Add articles").click()
    page.wait_for_url(re.compile(r"/stories/kim-in-russia/add/$"))
    page.get_by_label("Files").set_input_files([*sorted(SEEDS.glob("*.txt")), *sorted(PAGES.glob("*.html"))])
    shoot(page, "newsroom-upload")
    page.get_by_role("button", name="Add these articles").click()
    page.wait_for_url(re.compile(r"/jobs/\d+/$"))
    assert "Waiting for a worker" in page.locator(".job").inner_text()
    page.evaluate("window.notReloaded = true")
    shoot(page, "newsroom-progress-waiting")

    worker = run_worker_once()
    page.locator(".state-done").wait_for(timeout=60_000)  # htmx polls the progress in place
    worker.join(timeout=30)
    assert page.evaluate("window.notReloaded") is True
    text = page.locator(".job").inner_text()
    # the .txt seeds are the default story's already: they join this one unchanged; the pages are new articles
    assert "10 / 10" in text and "5 added · 5 unchanged" in text and "Timeline: 10 articles" in text
    shoot(page, "newsroom-progress-done")
    job = Job.objects.get()
    assert job.state == Job.State.DONE and job.failures == []

    page.get_by_role("link", name="See the timeline").click()
    page.wait_for_url(re.compile(r"/stories/kim-in-russia/$"))
    assert Event.objects.filter(story__slug="kim-in-russia").count() > 20
    assert page.locator(".event").count() > 20 and "Vladivostok" in page.content()
    shoot(page, "newsroom-story-timeline")


def test_an_editor_merges_two_events_after_a_preview_and_unmerges_them(site, page, editor):
    from timeline.models import Event

    arrival = Event.objects.filter(mentions__quote__contains="crossed the border into Russia").distinct().get()
    departure = Event.objects.filter(mentions__quote__contains="KCNA news agency reported").distinct().get()
    moved = set(departure.mentions.values_list("pk", flat=True))
    sign_in(page, site, "/admin/timeline/event/")
    page.goto(f"{site}/admin/timeline/event/?start__year=2019")
    page.locator(f"input[name=_selected_action][value='{arrival.pk}']").check()
    page.locator(f"input[name=_selected_action][value='{departure.pk}']").check()
    page.locator("select[name=action]").select_option("merge_selected")
    page.get_by_role("button", name="Run").click()
    page.locator("#merge-preview").wait_for()
    page.locator(f"#survivor-{departure.pk}").check()
    page.get_by_role("button", name="Preview with the event chosen above").click()
    assert departure.headline in page.locator("#merge-result").inner_text()
    shoot(page, "newsroom-merge-preview")
    page.get_by_role("button", name="Confirm: merge into the chosen event").click()
    page.wait_for_url(re.compile(r"/admin/timeline/event/"))
    assert "Merged 1 event(s)" in page.locator(".messagelist").inner_text()
    assert Event.objects.get(pk=arrival.pk).status == Event.Status.HIDDEN

    page.goto(f"{site}/admin/timeline/event/{departure.pk}/change/")
    assert "Holds the mentions of" in page.content()
    page.locator("select[name='CHANGE_FORM-action']").select_option("unmerge_selected")  # the event's own actions
    page.get_by_role("button", name="Run").first.click()
    page.locator(".messagelist").wait_for()
    assert "Unmerged" in page.locator(".messagelist").inner_text()
    shoot(page, "newsroom-unmerged")
    arrival.refresh_from_db()
    assert arrival.status != Event.Status.HIDDEN and arrival.mentions.exists()
    assert set(Event.objects.get(pk=departure.pk).mentions.values_list("pk", flat=True)) == moved


def test_an_editor_fixes_an_event_from_its_public_page_without_leaving_it(site, page, editor):
    from timeline.models import Event

    event = Event.objects.get(value="2019-02")
    sign_in(page, site, f"/events/{event.pk}/")
    page.evaluate("window.notReloaded = true")
    assert page.get_by_role("link", name="Edit", exact=True).get_attribute("href") == f"/admin/timeline/event/{event.pk}/change/"
    page.get_by_role("button", name="Mark reviewed").click()
    page.get_by_text("Marked as reviewed").wait_for()
    page.get_by_label("Fix the date").fill("2019-04-24T25:00")
    page.get_by_role("button", name="Set date").click()
    page.get_by_text("The time of day is out of range").wait_for()
    shoot(page, "newsroom-quick-actions-bad-date")
    page.get_by_label("Fix the date").fill("2019-02-28")
    page.get_by_role("button", name="Set date").click()
    page.get_by_text("Date set to 2019-02-28").wait_for()
    assert page.evaluate("window.notReloaded") is True
    shoot(page, "newsroom-quick-actions")
    event.refresh_from_db()
    assert event.reviewed and event.value == "2019-02-28"
    page.get_by_role("button", name="Hide").click()
    page.get_by_text("Hidden: it no longer shows").wait_for()
    assert Event.objects.get(pk=event.pk).status == Event.Status.HIDDEN
