"""Stories side by side: separate timelines, the list at /, the old URLs, and the commands' --story."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, Story
from timeline.models import Event, Mention


def test_it_keeps_the_old_single_timeline_when_there_is_one_story(built, client):
    assert list(Story.objects.values_list("slug", flat=True)) == ["timeline"]
    page = client.get("/")
    assert page.status_code == 200 and page.context["story"].slug == "timeline"
    assert 'id="results"' in page.content.decode()
    export = client.get("/export/timeline.json")
    assert export.status_code == 200 and len(json.loads(b"".join(export.streaming_content))["events"]) == Event.objects.exclude(status="hidden").count()


def test_two_stories_have_separate_timelines(two_stories, client):
    seeds, wire = two_stories
    assert seeds.articles.count() == 5 and wire.articles.count() == 2
    assert set(Event.objects.filter(story=wire).values_list("start__year", flat=True)) == {1997}
    assert not Event.objects.filter(story=seeds, start__year=1997).exists()
    assert not Mention.objects.filter(story=wire, article__in=seeds.articles.all()).exists()
    page = client.get(reverse("timeline:story", args=["malaysian-shares"]))
    content = page.content.decode()
    assert page.status_code == 200 and "Malaysian shares, April 1997" in content and "Kim" not in content
    assert [s["slug"] for s in page.context["sources"]] == ["agence-france-presse", "unknown"]  # only its own sources
    seeds_page = client.get(reverse("timeline:story", args=["timeline"]))
    assert "Malaysia" not in seeds_page.content.decode() and "Vladivostok" in seeds_page.content.decode()


def test_the_root_lists_the_stories_when_there_are_several(two_stories, client, django_assert_max_num_queries):
    seeds, wire = two_stories
    with django_assert_max_num_queries(6):
        response = client.get("/")
    content = response.content.decode()
    assert response.status_code == 200 and "<h1>Stories</h1>" in content
    rows = {story.slug: story for story in response.context["stories"]}
    assert rows["timeline"].article_count == 5 and rows["malaysian-shares"].article_count == 2
    assert rows["timeline"].event_count == Event.objects.filter(story=seeds).exclude(status="hidden").count()
    assert rows["malaysian-shares"].first_day.year == 1997 and rows["timeline"].last_day.year == 2019
    assert reverse("timeline:story", args=["malaysian-shares"]) in content
    assert response.context["stories"][0].slug == "malaysian-shares"  # the last updated first


def test_the_old_export_urls_lead_to_the_list_when_there_are_several(two_stories, client):
    response = client.get("/export/timeline.csv")
    assert response.status_code == 302 and response["Location"] == reverse("timeline:stories")
    story = client.get(reverse("timeline:story-export-json", args=["malaysian-shares"]))
    data = json.loads(b"".join(story.streaming_content))
    assert {a["file"] for a in data["articles"]} == {"AFP_ENG_19970401.0006.txt", "AFP_ENG_19970402.0010.txt"}
    assert data["events"] and all(e["start"].startswith("1997") for e in data["events"])


def test_an_unknown_story_is_a_404_and_bad_filters_a_400(two_stories, client):
    assert client.get("/stories/no-such-story/").status_code == 404
    assert client.get("/stories/no-such-story/export/timeline.json").status_code == 404
    assert client.get("/stories/malaysian-shares/", {"from": "April"}).status_code == 400


def test_an_article_can_belong_to_two_stories_with_events_in_each(built, client):
    shared = Article.objects.get(file_name__startswith="004")
    call_command("ingest", "--story", "putin", str(_seed_path(shared)), verbosity=0)
    putin = Story.objects.get(slug="putin")
    assert list(putin.articles.all()) == [shared] and shared.stories.count() == 2
    assert Mention.objects.filter(story=putin, article=shared).count() == Mention.objects.filter(story__slug="timeline", article=shared).count()
    assert Event.objects.filter(story=putin).exists()


def _seed_path(article):
    from conftest import SEEDS

    return SEEDS / article.file_name


def test_export_timeline_needs_no_story_while_there_is_one_and_a_name_when_there_are_more(built, wire_folder, capsys):
    call_command("export_timeline", "--format", "json")
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 5
    call_command("ingest", "--story", "wire", str(wire_folder), verbosity=0)
    capsys.readouterr()
    with pytest.raises(CommandError, match="several stories"):
        call_command("export_timeline")
    call_command("export_timeline", "--story", "wire")
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 2
    with pytest.raises(CommandError, match="no story 'nope'"):
        call_command("export_timeline", "--story", "nope")


def test_ingest_creates_the_story_on_first_use_and_refuses_a_bad_slug(db, wire_folder, capsys):
    call_command("ingest", "--story", "wire", "--title", "The wire", str(wire_folder))
    out = capsys.readouterr().out
    assert "Story: The wire (wire)" in out and "2 added" in out
    assert Story.objects.get(slug="wire").title == "The wire"
    call_command("ingest", "--story", "wire", str(wire_folder))
    assert "2 unchanged" in capsys.readouterr().out
    with pytest.raises(CommandError, match="must be a slug"):
        call_command("ingest", "--story", "The Wire!", str(wire_folder))


def test_build_timeline_builds_one_story_or_all(two_stories, capsys):
    call_command("build_timeline", "--story", "malaysian-shares")
    assert "Timeline: 2 articles" in capsys.readouterr().out
    call_command("build_timeline")
    assert "Timeline: 7 articles" in capsys.readouterr().out
    with pytest.raises(CommandError, match="no story"):
        call_command("build_timeline", "--story", "nope")


def test_progress_is_plain_lines_when_not_on_a_terminal(db, tmp_path, capsys):
    for index in range(120):
        (tmp_path / f"AFP_ENG_19970401.{index:04d}.txt").write_text(
            f"Story {index}\n\nKUALA LUMPUR, April 1 , 1997 (AFP)\n\nShares number {index} rose on Tuesday.\n", encoding="utf-8")
    call_command("ingest", "--no-build", str(tmp_path))
    err = capsys.readouterr().err
    assert "100/120 files" in err and "120/120 files" in err and "left)" in err and "\r" not in err


def test_progress_draws_a_bar_on_a_terminal():
    import io

    from timeline.progress import TerminalProgress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    progress = TerminalProgress(screen, "files")
    for done in range(1, 6):
        progress(done, 5, f"file-{done}.txt")
    assert "5/5" in screen.getvalue() and "files" in screen.getvalue() and "file-5.txt" in screen.getvalue()


def test_the_build_tells_how_far_it_has_compared_events_again(seeded, monkeypatch):
    """The build's last step (minutes on a large archive) shows its progress too, on lines of its own."""
    import timeline.build

    monkeypatch.setattr(timeline.build, "CONSOLIDATE_BATCH", 5)
    heard = []
    timeline.build.build_timeline(progress=lambda done, total, unit="articles": heard.append((unit, done, total)))
    events = [(done, total) for unit, done, total in heard if unit == "events"]
    assert [unit for unit, _, _ in heard].index("events") == 5  # after the five articles
    assert events[0][0] == 0  # the step's start: its rate and time left are counted from there
    assert all(0 < done <= total for done, total in events[1:]) and events[-1][0] == events[-1][1]


def test_the_build_command_shows_the_comparing_of_events_on_lines_of_its_own(seeded, monkeypatch, capsys):
    import timeline.build

    monkeypatch.setattr(timeline.build, "CONSOLIDATE_BATCH", 5)
    call_command("build_timeline")
    assert "events compared again (" in capsys.readouterr().err
