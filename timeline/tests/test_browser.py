"""The pages in a real browser: Debian's chromium driven by Playwright."""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: scripts/ensure-chromium should have installed it")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures are safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            yield launched
            launched.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def site(built, live_server, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def event_count(page) -> int:
    return int(re.match(r"(\d+)", page.locator("#results-heading").inner_text())[1])


def test_filtering_by_source_swaps_results_in_place_and_keeps_the_url(site, page):
    page.goto(f"{site}/")
    everything = event_count(page)
    shoot(page, "timeline")
    page.evaluate("window.notReloaded = true")
    page.get_by_label(re.compile(r"The Moscow Times")).check()
    page.wait_for_url(re.compile(r"source=the-moscow-times"))
    page.wait_for_function(f"document.querySelector('#results-heading').innerText.split(' ')[0] != '{everything}'")
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the results; no page load
    assert event_count(page) < everything
    assert page.get_by_label(re.compile(r"The Moscow Times")).is_checked()
    shoot(page, "timeline-filtered-by-source")

    page.go_back()
    page.wait_for_url(f"{site}/")
    page.wait_for_function(f"document.querySelector('#results-heading').innerText.split(' ')[0] == '{everything}'")
    assert not page.get_by_label(re.compile(r"The Moscow Times")).is_checked()


def test_provenance_opens_on_demand_without_leaving_the_page(site, page):
    page.goto(f"{site}/?min_sources=4")
    page.evaluate("window.notReloaded = true")
    page.get_by_role("link", name="Where this comes from").first.click()
    page.locator(".provenance blockquote").first.wait_for()
    assert page.locator(".provenance mark").count() == 5  # the five dated quotes, then those in support
    assert page.locator(".provenance mark", has_text="February").count() == 5
    assert page.url.endswith("?min_sources=4") and page.evaluate("window.notReloaded") is True
    shoot(page, "provenance")


def test_clicking_the_axis_zooms_into_a_period(site, page):
    page.goto(f"{site}/")
    page.locator("svg a[aria-label^='2019']").click()
    page.wait_for_url(re.compile(r"from=2019&to=2019"))
    page.locator("svg a[aria-label^='Apr 2019']").wait_for()
    page.locator("svg a[aria-label^='Apr 2019']").click()
    page.wait_for_url(re.compile(r"from=2019-04&to=2019-04"))
    page.locator("svg a[aria-label^='24 Apr']").wait_for()
    shoot(page, "axis-zoomed-to-april")


def test_the_page_works_with_javascript_off(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/")
    everything = event_count(page)
    page.get_by_label(re.compile(r"The Straits Times")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"source=the-straits-times"))
    assert event_count(page) < everything
    page.get_by_role("link", name="Where this comes from").first.click()
    page.wait_for_url(re.compile(r"/events/\d+/$"))
    assert page.locator("blockquote").count() >= 1
    shoot(page, "no-javascript-event-page")
    context.close()


def test_it_reads_on_a_phone(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site}/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shoot(page, "phone")
    context.close()


def test_an_editor_fixes_an_event_from_the_public_page_through_the_admin(site, page):
    from timeline.management.commands.create_editor import create_member
    from timeline.models import Event
    from timeline.permissions import EDITOR

    create_member("edith", "a-long-and-unusual-passphrase-42", EDITOR)
    february = Event.objects.get(value="2019-02")
    page.goto(f"{site}/admin/login/?next=/")
    page.get_by_label("Username").fill("edith")
    page.get_by_label("Password").fill("a-long-and-unusual-passphrase-42")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/")
    page.locator(f"#event-{february.pk} a.edit").click()
    page.wait_for_url(re.compile(rf"/admin/timeline/event/{february.pk}/change/"))
    page.locator("#id_headline").fill("Trump and Kim's Hanoi summit collapses without a deal")
    shoot(page, "admin-editing-an-event")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/timeline/event/$"))
    page.goto(f"{site}/?min_sources=4")
    assert page.locator(f"#event-{february.pk} .headline").inner_text() == "Trump and Kim's Hanoi summit collapses without a deal"
    shoot(page, "timeline-after-an-edit")
    february.refresh_from_db()
    assert february.status == Event.Status.EDITED
    assert february.history.first().history_user.username == "edith"
