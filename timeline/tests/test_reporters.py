"""Each event's reporters (the sources the timeline filters and counts by) follow its mentions."""

from collections import defaultdict

from articles.models import Article, Source
from articles.signals import article_refiled
from timeline.editing import merge_events, move_to_new_event, unmerge
from timeline.filters import UNKNOWN_SOURCE
from timeline.models import Event, Mention, Reporter


def from_mentions() -> dict[int, set[str]]:
    """What each event's live mentions say of its sources: outlets and agencies, or unknown."""
    said = defaultdict(set)
    cited = Mention.objects.exclude(status=Mention.Status.REMOVED).exclude(event=None)
    for event, outlet, agency in cited.values_list("event_id", "article__source__slug", "article__agency__slug"):
        said[event] |= {outlet, agency} - {None} or {UNKNOWN_SOURCE}
    return dict(said)


def kept() -> dict[int, set[str]]:
    rows = defaultdict(set)
    for event, slug in Reporter.objects.values_list("event_id", "source__slug"):
        rows[event].add(slug or UNKNOWN_SOURCE)
    return dict(rows)


def test_the_build_keeps_each_events_reporters(built):
    assert kept() == from_mentions()
    # The wire agencies are there as well as the outlets.
    assert {"reuters", "bloomberg"} <= set().union(*kept().values())


def test_edits_keep_the_reporters(built):
    first, second = Event.objects.filter(source_count=1)[:2]
    merge_events(first, [second])
    assert kept() == from_mentions()
    unmerge(first)
    assert kept() == from_mentions()
    mention = Event.objects.filter(source_count__gte=2).first().live_mentions().first()
    move_to_new_event(mention)
    assert kept() == from_mentions()


def test_a_new_outlet_for_an_article_shows_in_its_events_reporters(built):
    article = Article.objects.filter(agency__isnull=False).first()
    article.source = Source.objects.create(name="The Refiled Herald", slug="the-refiled-herald")
    article.save()
    article_refiled.send(sender=Article, article=article)
    assert kept() == from_mentions()
    assert any("the-refiled-herald" in sources for sources in kept().values())


def test_deleting_an_article_recounts_the_events_it_was_cited_by(built):
    article = Article.objects.filter(agency__isnull=False).first()
    cited = set(Event.objects.filter(mentions__article=article).values_list("pk", flat=True))
    alone = {pk for pk in cited if not Mention.objects.filter(event_id=pk).exclude(article=article).exists()}
    assert cited - alone and alone
    article.delete()
    assert kept() == from_mentions()
    assert not Event.objects.filter(pk__in=alone).exists()  # nothing left to say they happened
    for event in Event.objects.filter(pk__in=cited):
        counted = event.source_count
        event.refresh_from_mentions()
        assert event.source_count == counted, event  # already counted without the deleted article
