import cProfile
import pstats
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.ingest import ingest_text
from articles.models import Article
from timeline.build import build_timeline, rebuild_article
from timeline.models import Event, Mention


def event_quoting(words: str) -> Event:
    return Event.objects.filter(mentions__quote__contains=words).distinct().get()


def cited_seeds(event: Event) -> set[str]:
    return {m.article.file_name[:3] for m in event.mentions.select_related("article")}


def story(text: str, name: str, published: str | None = "2019-04-25") -> Article:
    outcome = ingest_text(text, name)
    article = Article.objects.get(pk=outcome.article_id)
    article.published = date.fromisoformat(published) if published else None
    article.published_how = "editor" if published else "unknown"
    article.save()
    return article


def test_it_merges_the_arrival_in_russia_across_every_seed_that_reports_it(built):
    arrival = event_quoting("crossed the border into Russia")
    assert "crossed the border into Russia" in " ".join(m.quote for m in arrival.mentions.all())
    assert cited_seeds(arrival) == {"000", "001", "003", "004"}
    assert arrival.source_count == 3  # Moscow Times, Straits Times, and one AP story printed by two unknown outlets
    assert arrival.granularity == "day" and arrival.start == arrival.end == date(2019, 4, 24)


def test_it_merges_the_collapse_of_the_hanoi_summit_citing_all_five(built):
    [february] = Event.objects.filter(value="2019-02")
    assert cited_seeds(february) == {"000", "001", "002", "003", "004"}
    assert february.granularity == "month"
    assert (february.start, february.end) == (date(2019, 2, 1), date(2019, 2, 28))
    assert february.merge_evidence and all("shared" in item for item in february.merge_evidence)


def test_it_keeps_different_happenings_of_one_date_apart(built):
    arrival = event_quoting("crossed the border into Russia")
    spokesman = event_quoting("Chinese Foreign Ministry spokesman")
    departure = event_quoting("KCNA news agency reported")
    assert len({arrival.pk, spokesman.pk, departure.pk}) == 3
    assert spokesman.value == arrival.value == "2019-04-24"


def test_it_merges_the_departure_for_russia_told_in_other_words(built):
    departure = event_quoting("KCNA news agency reported")
    assert departure == event_quoting("state media confirmed Kim's departure")
    assert {"000", "003"} <= cited_seeds(departure)
    assert departure.value == "2019-04-24"
    assert any("same story" in item.get("why", "") for item in departure.merge_evidence)


def test_one_kind_of_happening_on_one_day_is_not_enough_to_merge(db):
    story("Storm\n\nA storm killed three fishermen off the coast of Kerala on Monday.", "a.txt")
    story("Crash\n\nA bus crash killed twelve pilgrims in the hills of Nepal on Monday.", "b.txt")
    build_timeline()
    assert Event.objects.filter(value="2019-04-22").count() == 2


def test_it_never_merges_on_a_shared_date_alone(db):
    story("Floods hit the city\n\nFloods swept through the northern valley on Monday, drowning crops.", "a.txt")
    story("Markets rally\n\nShares of technology companies rallied on Monday after strong earnings.", "b.txt")
    build_timeline()
    assert Event.objects.filter(value="2019-04-22").count() == 2


def test_it_merges_the_same_happening_told_in_other_words(db):
    story("Quake\n\nA strong earthquake struck the coastal town of Palu on Monday, killing dozens.", "a.txt")
    story("Palu\n\nDozens were killed when a powerful earthquake hit Palu, a coastal town, on Monday.", "b.txt", "2019-04-24")
    build_timeline()
    [event] = Event.objects.all()
    assert event.mentions.count() == 2 and event.source_count == 2


def test_it_dates_the_sentence_not_a_date_it_only_mentions(built):
    announcement = Mention.objects.get(phrase="earlier this month", article__file_name__startswith="002")
    assert announcement.event.value == "2019-04"  # the officials spoke earlier in April, not on the summit day
    assert announcement.reported


def test_durations_sets_and_vague_references_date_nothing(built):
    assert not Mention.objects.filter(phrase__in=["seven years", "the last few months", "now"]).exists()


def test_rebuilding_is_idempotent(built):
    before = sorted(Event.objects.values_list("pk", "value", "headline", "source_count"))
    mentions_before = sorted(Mention.objects.values_list("pk", "event_id", "value"))
    report = build_timeline()
    assert report.mentions_added == report.mentions_updated == report.mentions_removed == 0
    assert report.events_created == 0
    assert sorted(Event.objects.values_list("pk", "value", "headline", "source_count")) == before
    assert sorted(Mention.objects.values_list("pk", "event_id", "value")) == mentions_before


def test_editors_changes_survive_a_rebuild(built):
    arrival = event_quoting("crossed the border into Russia")
    arrival.headline, arrival.status = "Kim arrives in Russia by armoured train", Event.Status.EDITED
    arrival.save()
    hidden = event_quoting("Chinese Foreign Ministry spokesman")
    hidden.status = Event.Status.HIDDEN
    hidden.save()
    removed = Mention.objects.get(phrase="Tuesday", article__file_name__startswith="000")
    removed.status, removed.event = Mention.Status.REMOVED, None
    removed.save()
    moved = Mention.objects.get(phrase="1986")
    new_home = Event.objects.create(story=moved.story, value="1986", start=date(1986, 1, 1), end=date(1986, 12, 31), granularity="year",
                                    headline="Kim Il Sung visits the Soviet Union", status=Event.Status.EDITED)
    moved.event, moved.status = new_home, Mention.Status.PINNED
    moved.save()
    arrival_mentions = set(arrival.mentions.values_list("pk", flat=True))

    build_timeline()

    arrival.refresh_from_db()
    assert (arrival.headline, arrival.status) == ("Kim arrives in Russia by armoured train", Event.Status.EDITED)
    assert arrival_mentions <= set(arrival.mentions.values_list("pk", flat=True))
    hidden.refresh_from_db()
    assert hidden.status == Event.Status.HIDDEN and hidden.mentions.exists()
    assert Mention.objects.get(pk=removed.pk).status == Mention.Status.REMOVED
    assert Mention.objects.filter(phrase="Tuesday", article__file_name__startswith="000").count() == 1
    assert Mention.objects.get(pk=moved.pk).event == new_home


def test_changing_the_publication_date_re_anchors_the_article(built):
    article = Article.objects.get(file_name__startswith="000")
    article.published = date(2019, 5, 2)  # a Thursday a week later
    article.published_how = "editor"
    article.save()
    report = rebuild_article(article)
    assert report.mentions_updated > 0
    crossing = Mention.objects.get(article=article, quote__contains="crossed the border")
    assert crossing.value == "2019-05-01"
    assert "2019-05-02" in crossing.anchor


def test_an_undated_article_waits_for_a_date(db):
    article = story("A lone report\n\nThe minister resigned on Tuesday. The bridge was built in 1986.", "lone.txt", None)
    report = build_timeline()
    waiting = Mention.objects.get(article=article, phrase="Tuesday")
    assert waiting.value == "" and waiting.event is None and report.mentions_waiting == 1
    assert Mention.objects.get(article=article, phrase="1986").event.value == "1986"
    article.refresh_from_db()
    assert article.published is None  # nothing to infer it from: not guessed


def test_an_undated_article_gets_its_date_inferred_from_the_others(built):
    seed_003 = Article.objects.get(file_name__startswith="003")
    assert seed_003.published == date(2019, 4, 24)
    assert seed_003.published_how == "inferred"
    assert 0.5 <= seed_003.published_confidence <= 1
    assert "other articles report" in seed_003.published_evidence
    assert "003" in cited_seeds(event_quoting("crossed the border into Russia"))


def test_build_timeline_command_reports_what_it_did(seeded, capsys):
    call_command("build_timeline")
    out = capsys.readouterr().out
    assert "Timeline: 5 articles" in out and "articles/s" in out and "inferred: 003_" in out


def test_the_ingest_command_builds_the_timeline(db, seeds_dir, capsys):
    call_command("ingest", str(seeds_dir))
    assert "Timeline: 5 articles" in capsys.readouterr().out
    assert Event.objects.filter(value="2019-02").exists()


@pytest.mark.parametrize("missing", [999])
def test_build_timeline_refuses_unknown_articles(db, missing):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="no article with id 999"):
        call_command("build_timeline", "--article", str(missing))


def long_report(paragraphs: int) -> str:
    """A long article that says one happening over and over (one event gathering every repeat) among
    happenings of many other days."""
    lines = ["Harbour plan approved", "", "March 10, 2005", ""]
    for number in range(paragraphs):
        lines += [
            f"On March 3, 2005, the council approved the harbour plan for Valletta by vote number {number}. "
            f"The port authority welcomed the decision. On February {1 + number % 28}, 2005, the dockers' union "
            f"met ministers about wages.",
            "",
        ]
    return "\n".join(lines)


def work_to_build(text: str) -> tuple[int, int, int]:
    """Python function calls, SQL queries and characters of SQL that building one article takes, in an
    empty timeline."""
    article = story(text, "long.txt", "2005-03-10")
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        profiler.enable()
        build_timeline([article.pk])
        profiler.disable()
    calls = pstats.Stats(profiler).total_calls
    Article.objects.all().delete()
    Event.objects.all().delete()
    return calls, len(queries), sum(len(query["sql"]) for query in queries.captured_queries)


def test_a_long_article_costs_in_proportion_to_its_length(db):
    # Work is counted, not timed: an article twice as long takes about twice the work, about as many
    # queries and about twice the SQL. A step quadratic in the number of mentions (comparing every mention
    # of an event with every other, saving an event and its growing evidence each time one joins, a
    # query per mention) would take four times as much, or twice the queries.
    calls, queries, sql = work_to_build(long_report(60))
    calls_doubled, queries_doubled, sql_doubled = work_to_build(long_report(120))
    assert Mention.objects.count() == 0 and calls > 50_000
    assert calls_doubled < 2.4 * calls
    assert queries_doubled <= queries + 10
    assert sql_doubled < 2.4 * sql


def test_a_recollection_without_a_date_joins_the_event_another_article_told(db):
    story("Jobs on leave\n\nSteve Jobs announced on Monday that he would take medical leave from Apple for an undetermined period.",
          "leave.txt", "2011-01-17")
    later = story("Jobs resigns\n\nSteve Jobs has resigned as chief executive of Apple, the company said on Wednesday.\n\n"
                  "Tim Cook will succeed him.\n\nThis was the third period of medical leave Jobs took from Apple.",
                  "resigns.txt", "2011-08-25")
    build_timeline()
    recollection = Mention.objects.get(article=later, quote__startswith="This was the third")
    assert recollection.dated_by == "report"
    assert recollection.event == event_quoting("would take medical leave")
    assert recollection.event.value == "2011-01-17"  # the event keeps the date the text gave


@pytest.mark.parametrize(("earlier", "later", "value"), [
    ("He took six months off in early 2009 and had undergone a liver transplant.",
     "He also stood in for the CEO while he underwent liver transplant surgery.", "2009"),
    ("The governor took leave in April 2010, and had undergone kidney surgery in Memphis.",
     "His deputy ran the state while the governor underwent kidney surgery.", "2010-04"),
])
def test_a_recollection_in_another_tense_joins_the_event_another_article_told(db, earlier, later, value):
    # "underwent" and "undergone" are one word: each article tells the operation in its own tense.
    story(f"On leave\n\nThe board met on Monday to discuss the succession.\n\n{earlier}", "leave.txt", "2011-01-17")
    recalling = story(f"Successor named\n\nThe board has chosen a successor.\n\n{later}", "successor.txt", "2011-08-25")
    build_timeline()
    recollection = Mention.objects.get(article=recalling, quote=later)
    assert recollection.dated_by == "report"
    assert recollection.event == event_quoting(earlier)
    assert recollection.event.value == value  # the event keeps the date the text gave


def test_a_sentence_without_a_time_of_its_own_supports_the_news_and_is_no_event_of_its_own(db):
    article = story("Free cases\n\nApple announced on Friday that it will give owners of the iPhone 4 a free case.\n\n"
                    "The board of directors approved a new share buyback programme.\n\n"
                    "The Soviet Union installed Kim Il-sung as North Korea's leader.", "cases.txt", "2010-07-17")
    build_timeline()
    news = Mention.objects.get(article=article, lead=True).event
    for words in ("buyback", "Soviet Union"):  # a detail, and background the day of report would date wrongly
        detail = Mention.objects.get(article=article, quote__contains=words)
        assert detail.event == news and detail.is_supporting
    assert Event.objects.filter(mentions__article=article).distinct().count() == 1


def test_news_dated_by_its_day_of_report_is_the_happening_another_article_dates_days_before(db):
    resigns = story("Jobs resigns\n\nSteve Jobs has chosen to step down from his post as chief executive of Apple.",
                    "resigns.txt", "2011-08-25")
    later = story("Jobs dies\n\nSteve Jobs has died.\n\nOn August 24, Jobs stepped down from his post as chief executive of Apple.",
                  "dies.txt", "2011-10-06")
    build_timeline()
    news = Mention.objects.get(article=resigns, lead=True)
    assert news.dated_by == "report" and news.value == "2011-08-25"
    assert news.event == Mention.objects.get(article=later, phrase="August 24").event
    assert news.event.value == "2011-08-24"  # the day the text gives


def test_an_index_that_lets_go_of_its_events_builds_the_same_timeline(seeded, monkeypatch):
    """The build's memory is bounded by re-reading events from the database (`EventIndex.shed`); what it
    builds does not depend on how much it holds."""
    from timeline import candidates
    from timeline.build import build_timeline

    def grouping():
        return sorted(sorted(Mention.objects.filter(event=event).values_list("article__file_name", "phrase_start"))
                      for event in Event.objects.all())

    build_timeline()
    held = grouping()
    Event.objects.all().delete()
    Mention.objects.all().delete()
    monkeypatch.setattr(candidates, "HELD_EVENTS", 0)
    shed, calls = candidates.EventIndex.shed, []
    monkeypatch.setattr(candidates.EventIndex, "shed", lambda self, most=0: calls.append(len(self.by_pk)) or shed(self, most))
    monkeypatch.setattr("timeline.build.BUILD_BATCH", 1)
    build_timeline()
    assert max(calls) > 0
    assert grouping() == held


def test_a_build_makes_its_events_in_the_same_order_every_time(seeded):
    """Event ids follow the order the build met the happenings, not where Python kept them in memory."""

    def made() -> list[tuple]:
        first = Event.objects.order_by("pk").values_list("pk", flat=True).first()
        return [(e.value, e.headline, sorted(e.mentions.values_list("phrase_start", flat=True)), e.pk - first)
                for e in Event.objects.order_by("pk")]

    build_timeline()  # the first build also marks the syndicated copies, which the next ones find marked
    orders = []
    for _ in range(3):
        Mention.objects.all().delete()
        Event.objects.all().delete()
        Article.objects.update(needs_build=True)
        build_timeline()
        orders.append(made())
    assert orders[0] == orders[1] == orders[2]


def test_an_article_added_by_another_ingest_while_copies_are_looked_for_is_left_for_later(seeded, monkeypatch):
    """Two ingests at once: one build reads the articles' order, then the other ingest adds an article."""
    import timeline.build

    pools = timeline.build._copy_pools

    def another_ingest_meanwhile(articles):
        ingest_text("Envoys meet\n\nVLADIVOSTOK, April 24, 2019 (Reuters)\n\nThe envoys met on Wednesday.\n", "late.txt")
        yield from pools(articles)

    monkeypatch.setattr(timeline.build, "_copy_pools", another_ingest_meanwhile)
    report = build_timeline()
    assert report.copies == 1 and Article.objects.filter(copy_of__isnull=False).count() == 1
