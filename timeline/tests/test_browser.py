"""The pages in a real browser: Debian's chromium driven by Playwright, on a desktop and on a phone.

Screenshots of each state go to test-artifacts/ (desktop 1440×900, phone 390×844)."""

import re

import pytest

from .conftest import ARTIFACTS

# Playwright evaluates a test's string expressions (wait_for_function) with eval, which the pages' policy rightly
# forbids: the tests' contexts bypass it, and test_every_page_satisfies_the_content_security_policy keeps it.
DESKTOP = {"viewport": {"width": 1440, "height": 900}, "bypass_csp": True}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2,
         "bypass_csp": True}


@pytest.fixture
def site(built, live_server, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(**DESKTOP)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    opened = context.new_page()
    yield opened
    context.close()


def shoot(page, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def event_count(page) -> int:
    return int(re.match(r"(\d+)", page.locator("#results-heading").inner_text())[1])


def wait_for_axis(page) -> None:
    page.locator("#axis[data-rendered]").wait_for()
    page.locator("#axis .vis-item").first.wait_for()


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def test_filtering_by_source_swaps_results_in_place_and_keeps_the_url(site, page):
    page.goto(f"{site}/")
    everything = event_count(page)
    wait_for_axis(page)  # the picture a reader sees once the page has settled
    shoot(page, "timeline-desktop")
    page.evaluate("window.notReloaded = true")
    page.get_by_label(re.compile(r"The Moscow Times")).check()
    page.wait_for_url(f"{site}/?source=the-moscow-times")  # only the parameters that are set
    page.wait_for_function(f"document.querySelector('#results-heading').innerText.split(' ')[0] != '{everything}'")
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the results; no page load
    assert event_count(page) < everything
    assert page.get_by_label(re.compile(r"The Moscow Times")).is_checked()
    assert page.title() == "Timeline: The Moscow Times · Dateline"
    assert page.get_attribute("#results-heading", "aria-live") == "polite"
    wait_for_axis(page)
    page.wait_for_function(f"window.datelineAxis.timeline.itemsData.length == {event_count(page)}")  # the axis redrew
    shoot(page, "filtered-desktop")

    page.go_back()
    page.wait_for_url(f"{site}/")
    page.wait_for_function(f"document.querySelector('#results-heading').innerText.split(' ')[0] == '{everything}'")
    assert not page.get_by_label(re.compile(r"The Moscow Times")).is_checked()


def test_typing_a_bad_date_shows_the_error_by_its_field_and_keeps_focus_and_results(site, page):
    page.goto(f"{site}/?source=the-moscow-times")
    shown = event_count(page)
    headlines = page.locator("#results .headline").all_inner_texts()
    page.locator("#id_from").click()
    page.keyboard.type("24/04/2019")
    page.keyboard.press("Tab")
    error = page.locator("#error-from")
    error.filter(has_text="is not a date").wait_for()
    assert "write a year (2019), a month (2019-04) or a day (2019-04-24)" in error.inner_text()
    assert page.get_attribute("#id_from", "aria-invalid") == "true"
    assert "error-from" in page.get_attribute("#id_from", "aria-describedby")
    assert page.evaluate("document.activeElement.matches('[data-picker-for=id_from]')")  # focus moved on, as Tab asked
    assert event_count(page) == shown and page.locator("#results .headline").all_inner_texts() == headlines
    assert page.url == f"{site}/?source=the-moscow-times"  # a bad value is not pushed into the history
    shoot(page, "inline-error-desktop")

    page.locator("#id_from").fill("2019-04")
    page.keyboard.press("Tab")
    page.wait_for_url(f"{site}/?source=the-moscow-times&from=2019-04")
    page.wait_for_function("document.querySelector('#error-from').textContent.trim() === ''")
    assert page.get_attribute("#id_from", "aria-invalid") is None


def test_keyboard_only_filtering_keeps_focus_on_the_control(site, page):
    page.goto(f"{site}/")
    page.locator("#id_source_0").focus()
    page.keyboard.press("Tab")
    first = focused_id(page)
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"source="))
    page.wait_for_load_state("networkidle")
    assert focused_id(page) == first  # the checkbox was not replaced: focus did not fall to <body>
    page.keyboard.press("Tab")
    second = focused_id(page)
    page.keyboard.press("Space")
    page.wait_for_function("(location.search.match(/source=/g) || []).length == 2")
    page.wait_for_load_state("networkidle")
    assert focused_id(page) == second != first
    page.locator("#id_min_sources").focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_url(re.compile(r"min_sources=2"))
    page.wait_for_load_state("networkidle")
    assert focused_id(page) == "id_min_sources"


def test_typing_on_a_slow_connection_is_not_wiped_by_an_earlier_response(site, page):
    def slow(route):
        page.wait_for_timeout(700)
        route.continue_()

    page.goto(f"{site}/")
    page.route(re.compile(r"/\?"), slow)
    page.locator("#id_from").fill("2019")
    page.keyboard.press("Tab")  # asks for the results of From
    page.locator("#id_to").click()
    page.keyboard.type("2019-04-30", delay=40)  # typed while the response is on its way
    page.wait_for_load_state("networkidle")
    assert page.input_value("#id_to") == "2019-04-30" and page.input_value("#id_from") == "2019"
    page.keyboard.press("Tab")
    page.wait_for_url(re.compile(r"to=2019-04-30"))


def test_within_the_range_only_drops_the_broader_events(site, page):
    page.goto(f"{site}/?from=2019-04-20&to=2019-04-25")
    assert page.get_by_role("heading", name="Dated more broadly").is_visible()
    overlapping = event_count(page)
    page.get_by_label("Only events wholly inside these dates").check()
    page.wait_for_url(re.compile(r"within=on"))
    page.wait_for_function(f"document.querySelector('#results-heading').innerText.split(' ')[0] != '{overlapping}'")
    assert page.get_by_role("heading", name="Dated more broadly").count() == 0


def test_the_axis_renders_the_events_zooms_and_opens_one_in_the_list(site, page):
    from timeline.models import Event

    page.goto(f"{site}/")
    wait_for_axis(page)
    report = page.evaluate("({items: window.datelineAxis.timeline.itemsData.length, start: window.datelineAxis.timeline.getWindow().start.toISOString(), end: window.datelineAxis.timeline.getWindow().end.toISOString()})")
    assert report["items"] == Event.objects.count()
    assert "2019-04-1" in report["start"] or "2019-04-2" in report["start"]  # opens on the April 2019 week
    assert report["end"] < "2019-05-02"
    assert page.locator("#axis .vis-item.vis-point").count() >= 5
    shoot(page, "axis-april-2019-week-desktop")

    span = page.evaluate("(() => { const w = window.datelineAxis.timeline.getWindow(); return w.end - w.start; })()")
    page.get_by_role("button", name="Zoom in").click()
    page.wait_for_function(f"(() => {{ const w = window.datelineAxis.timeline.getWindow(); return w.end - w.start < {span} * 0.9; }})()")
    page.get_by_role("button", name="Whole span").click()
    page.wait_for_function("window.datelineAxis.timeline.getWindow().start.getFullYear() <= 1949")
    page.get_by_role("button", name="Busiest stretch").click()
    page.wait_for_function("window.datelineAxis.timeline.getWindow().start.getFullYear() == 2019")

    page.get_by_role("button", name="Lanes by source").click()
    page.locator("#axis .vis-label").first.wait_for()
    assert page.get_attribute("[data-axis=lanes]", "aria-pressed") == "true"
    assert "The Moscow Times" in page.locator("#axis .vis-labelset").inner_text()
    page.get_by_role("button", name="Lanes by source").click()

    point = page.locator("#axis .vis-item.vis-point").first
    point.click()
    chosen = page.locator(".event.is-chosen")
    chosen.wait_for()
    event_id = chosen.get_attribute("data-event")
    page.locator(f"#provenance-{event_id} blockquote").first.wait_for()
    assert page.get_attribute(f"#event-{event_id} .provenance-link", "aria-expanded") == "true"
    assert page.evaluate(f"document.activeElement.closest('#event-{event_id}') !== null")
    page.wait_for_function(f"(() => {{ const top = document.getElementById('event-{event_id}').getBoundingClientRect().top; const end = document.scrollingElement.scrollTop + innerHeight >= document.scrollingElement.scrollHeight - 2; return Math.abs(top) < 40 || (end && top >= 0 && top < innerHeight); }})()")  # at the top, or as near as the page's end allows
    shoot(page, "axis-opened-an-event-desktop")


def test_provenance_opens_and_closes_in_place(site, page):
    page.goto(f"{site}/?min_sources=4")
    page.evaluate("window.notReloaded = true")
    toggle = page.get_by_role("link", name="Where this comes from").first
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    page.locator(".provenance blockquote").first.wait_for()
    assert page.locator(".provenance mark").count() == 5  # the five dated quotes, then those in support
    assert page.locator(".provenance mark", has_text="February").count() == 5
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.url.endswith("?min_sources=4") and page.evaluate("window.notReloaded") is True
    shoot(page, "provenance-desktop")
    toggle.click()
    page.wait_for_function("document.querySelector('.provenance').hidden === true")
    assert toggle.get_attribute("aria-expanded") == "false" and page.evaluate("window.notReloaded") is True
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator(".provenance blockquote").first.is_visible()


def test_j_and_k_move_between_events_and_o_opens_one(site, page):
    page.goto(f"{site}/")
    page.keyboard.press("j")
    first = page.evaluate("document.activeElement.closest('.event').id")
    page.keyboard.press("j")
    second = page.evaluate("document.activeElement.closest('.event').id")
    assert first != second and page.evaluate("document.activeElement.closest('h3, h4') !== null")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.closest('.event').id") == first
    page.keyboard.press("o")
    page.locator(f"#{first} .provenance blockquote").first.wait_for()
    page.keyboard.press("Enter")  # the headline link: the event's own page
    page.wait_for_url(re.compile(r"/events/\d+/$"))
    opened = page.url
    page.keyboard.press("j")
    page.wait_for_url(lambda url: re.search(r"/events/\d+/$", url) and url != opened)
    page.keyboard.press("u")
    page.wait_for_url(re.compile(r"/#event-\d+$"))


def test_it_prints_the_chronology_with_its_sources(site, page):
    page.goto(f"{site}/")
    page.emulate_media(media="print")
    assert not page.locator("#filters-panel").is_visible() and not page.locator("#axis-figure").is_visible()
    assert page.locator(".event .headline").first.is_visible() and page.locator(".event .badge").first.is_visible()
    assert not page.locator(".provenance-link").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "timeline-print.pdf"))


def test_the_page_works_with_javascript_off(site, browser):
    context = browser.new_context(java_script_enabled=False, **DESKTOP)
    page = context.new_page()
    page.goto(f"{site}/")
    everything = event_count(page)
    assert page.locator(".overview-chart").is_visible() and not page.locator("#axis-figure").is_visible()
    page.get_by_label(re.compile(r"The Straits Times")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(f"{site}/?source=the-straits-times")  # the empty fields are dropped from the URL
    assert event_count(page) < everything
    page.get_by_role("link", name="Where this comes from").first.click()
    page.wait_for_url(re.compile(r"/events/\d+/\?source=the-straits-times$"))
    assert page.locator("blockquote").count() >= 1
    shoot(page, "no-javascript-event-page")
    page.get_by_role("link", name=re.compile("Back to the timeline")).click()
    page.wait_for_url(re.compile(r"/\?source=the-straits-times#event-\d+$"))

    page.locator("#id_from").fill("24/04/2019")
    page.get_by_role("button", name="Apply filters").click()
    assert "is not a date" in page.locator("#error-from").inner_text()
    assert page.locator("#filters").is_visible() and page.get_attribute("#id_from", "aria-invalid") == "true"
    context.close()


def test_the_overview_without_javascript_narrows_to_a_period(site, browser):
    context = browser.new_context(java_script_enabled=False, **DESKTOP)
    page = context.new_page()
    page.goto(f"{site}/")
    page.locator("svg a[aria-label^='2019']").click()
    page.wait_for_url(re.compile(r"from=2019&to=2019"))
    page.locator("svg a[aria-label^='Apr 2019']").click()
    page.wait_for_url(re.compile(r"from=2019-04&to=2019-04"))
    page.locator("svg a[aria-label^='24 Apr 2019']").wait_for()
    shoot(page, "no-javascript-overview-april")
    context.close()


def test_on_a_phone_the_results_come_first_and_no_page_scrolls_sideways(site, phone):
    from articles.models import Article
    from timeline.models import Event

    phone.goto(f"{site}/")
    assert phone.evaluate("document.getElementById('filters-panel').open") is False
    assert phone.locator("#results-heading").bounding_box()["y"] < 844  # results above the fold
    wait_for_axis(phone)
    shoot(phone, "timeline-phone")
    phone.locator("#filters-panel > summary").click()
    phone.get_by_label(re.compile(r"The Moscow Times")).check()
    phone.wait_for_url(re.compile(r"source=the-moscow-times"))
    phone.locator("#filters-panel > summary").click()
    wait_for_axis(phone)
    shoot(phone, "filtered-phone")

    phone.locator("#filters-panel > summary").click()
    phone.locator("#id_from").fill("24/04/2019")
    phone.keyboard.press("Tab")
    phone.locator("#error-from").filter(has_text="is not a date").wait_for()
    phone.locator("#id_from").scroll_into_view_if_needed()
    shoot(phone, "inline-error-phone")

    phone.goto(f"{site}/")
    wait_for_axis(phone)
    phone.locator("#axis-figure").scroll_into_view_if_needed()
    shoot(phone, "axis-april-2019-week-phone")

    article = Article.objects.exclude(url="").order_by("-url").first()
    event = Event.objects.get(value="2019-02")
    for path in ["/", "/?source=the-moscow-times&from=2019-04", "/?from=24/04/2019", f"/events/{event.pk}/",
                 f"/articles/{article.pk}/", "/sources/", "/no/such/page/"]:
        phone.goto(f"{site}{path}")
        phone.wait_for_load_state("networkidle")
        wide = phone.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{path} scrolls sideways: {wide} px wide"
    phone.goto(f"{site}/articles/{article.pk}/")
    shoot(phone, "article-phone", full_page=True)


def test_the_pages_pass_an_accessibility_scan(site, browser):
    from axe_playwright_python.sync_playwright import Axe

    from articles.models import Article
    from timeline.models import Event

    axe = Axe()
    event = Event.objects.get(value="2019-02")
    article = Article.objects.get(file_name__startswith="000")
    pages = {
        "timeline": "/",
        "timeline-with-a-bad-date": "/?from=24/04/2019",
        "event": f"/events/{event.pk}/",
        "article": f"/articles/{article.pk}/",
        "sources": "/sources/",
        "not-found": "/no/such/page/",
    }
    problems = []
    for size, options in [("desktop", DESKTOP), ("phone", PHONE)]:
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme, **options)
            page = context.new_page()
            for name, path in pages.items():
                page.goto(f"{site}{path}")
                page.wait_for_load_state("networkidle")
                if path == "/":
                    wait_for_axis(page)
                    page.get_by_role("link", name="Where this comes from").first.click()
                    page.locator(".provenance blockquote").first.wait_for()
                results = axe.run(page)
                for violation in results.response["violations"]:
                    if violation["impact"] in ("serious", "critical"):
                        targets = [node["target"] for node in violation["nodes"]][:3]
                        problems.append(f"{size}/{scheme} {name}: {violation['id']} ({violation['impact']}) at {targets}")
                if size == "desktop" and scheme == "dark" and name in ("timeline", "event"):
                    shoot(page, f"{name}-dark-desktop")
            context.close()
    assert not problems, "\n".join(problems)


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


def test_every_page_satisfies_the_content_security_policy(site, browser):
    """Pages, the timeline widget and the admin run under the policy with nothing blocked."""
    from timeline.management.commands.create_editor import create_member
    from timeline.models import Event
    from timeline.permissions import EDITOR

    create_member("cass", "a-long-and-unusual-passphrase-43", EDITOR)
    event = Event.objects.get(value="2019-02")
    article = event.mentions.first().article
    context = browser.new_context(viewport={"width": 1440, "height": 900})  # the policy in force
    context.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push("
        "e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')));"
    )
    page = context.new_page()
    blocked = []
    for path in ["/", "/?source=the-moscow-times&from=2019-04", f"/events/{event.pk}/", f"/articles/{article.pk}/",
                 "/sources/", "/no-such-page/"]:
        response = page.goto(f"{site}{path}")
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert "camera=()" in response.headers["permissions-policy"]
        if path == "/":
            wait_for_axis(page)
            page.get_by_role("link", name="Where this comes from").first.click()
            page.locator(".provenance blockquote").first.wait_for()
        blocked += [(path, v) for v in page.evaluate("window.cspViolations")]
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill("cass")
    page.get_by_label("Password").fill("a-long-and-unusual-passphrase-43")
    page.get_by_role("button", name="Log in").click()
    for path in ["/admin/", f"/admin/timeline/event/{event.pk}/change/", "/admin/timeline/event/",
                 f"/admin/articles/article/{article.pk}/change/", f"/admin/timeline/event/{event.pk}/history/"]:
        page.goto(f"{site}{path}")
        blocked += [(path, v) for v in page.evaluate("window.cspViolations")]
    context.close()
    assert blocked == []
