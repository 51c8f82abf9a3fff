"""The seeds against a hand-checked gold (seeds_gold.json): every dated statement on the timeline at its
right date, every seed's own news on the timeline, and the two copies of one AP story counted once."""

import json
from pathlib import Path

from articles.models import Article
from timeline.models import Event, Mention

GOLD = json.loads((Path(__file__).parent / "seeds_gold.json").read_text(encoding="utf-8"))


def on_the_timeline(seed: str, words: str, phrase: str) -> Mention:
    return Mention.objects.select_related("event").get(
        article__file_name__startswith=seed, quote__contains=words, phrase=phrase
    )


def right_date(event: Event, value: str) -> bool:
    """The event's date says the gold's, at the gold's granularity (a time of day is its day)."""
    return event.value == value or event.value.startswith(f"{value}T") or (
        len(value) == 10 and event.start.isoformat() == value == event.end.isoformat()
    )


def test_it_dates_every_hand_checked_statement_of_the_seeds_right(built):
    wrong = []
    for seed, words, phrase, value in GOLD["statements"]:
        mention = on_the_timeline(seed, words, phrase)
        if mention.event is None or not right_date(mention.event, value):
            wrong.append((seed, words, value, mention.event and mention.event.value))
    assert wrong == []
    assert len(GOLD["statements"]) == 49


def test_speculation_dates_nothing_in_the_seeds(built):
    for seed, words, phrase, _why in GOLD["date_nothing"]:
        assert not Mention.objects.filter(article__file_name__startswith=seed, quote__contains=words, phrase=phrase).exists()


def test_every_seed_has_its_own_news_on_the_timeline(built):
    for article in Article.objects.all():
        [lead] = Mention.objects.filter(article=article, lead=True)
        assert lead.event is not None and lead.event.status == Event.Status.AUTOMATIC, article.file_name
    # A lead with no time of its own is dated by the day of report, and says so.
    [undated] = Mention.objects.filter(article__file_name__startswith="002", lead=True)
    assert undated.dated_by == "report" and undated.event.value == "2019-04-26"
    assert "day of report" in undated.provenance


def test_the_two_copies_of_one_ap_story_count_as_one_report(built):
    original = Article.objects.get(file_name__startswith="001")
    copy = Article.objects.get(file_name__startswith="003")
    assert copy.copy_of == original and copy.copy_score >= 0.3
    assert not Article.objects.exclude(pk=copy.pk).filter(copy_of__isnull=False).exists()
    february = Event.objects.get(value="2019-02")
    assert {m.article.file_name[:3] for m in february.mentions.all()} == {"000", "001", "002", "003", "004"}
    assert february.source_count == 4


def test_planned_and_reported_forms_of_the_summit_are_one_event(built):
    summit = on_the_timeline("004", "met Russian President Vladimir Putin for the first time", "Thursday").event
    for seed, words in [("000", "will meet with Putin"), ("001", "for a summit Thursday"), ("003", "set to begin on Thursday")]:
        assert on_the_timeline(seed, words, "Thursday").event == summit, seed


def test_copies_are_found_month_by_month_when_many_articles_are_built_at_once(seeded, monkeypatch):
    """A large ingest looks for copies a month (and a week either side) at a time, never among every text at once."""
    from newsdates import syndication
    from timeline import build

    monkeypatch.setattr(build, "FEW_ARTICLES", 0)
    pools, find = [], syndication.find_copies
    monkeypatch.setattr(syndication, "find_copies", lambda texts, **kw: pools.append(len(texts)) or find(texts, **kw))
    build.build_timeline(list(Article.objects.values_list("pk", flat=True)))
    assert pools == [5]  # the seeds' one month
    original, copy = Article.objects.get(file_name__startswith="001"), Article.objects.get(file_name__startswith="003")
    assert copy.copy_of == original
