"""Building the timeline: articles' dated statements become mentions, and mentions of the same happening
become one event citing every article that reports it.

Two mentions are of the same happening when their dates are compatible (the same interval, or one
inside the other) and they say the same thing (their words, weighted by rarity, are alike). Sharing a
date is never enough. Re-running changes nothing that did not change, and never touches what an
editor did: edited and hidden events keep their fields, and mentions an editor placed or removed stay
as the editor left them.
"""

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F, Q

from articles.models import Article, Story
from newsdates import syndication
from newsdates.calendar import without_part_of_day
from newsdates.statements import (
    DATED_BY_TEXT,
    HAPPENING_KINDS,
    Statement,
    cosine,
    different_kinds,
    find_statements,
    kinds,
    read_article,
    stems,
    weighted,
)

from .models import Event, Mention

MERGE_THRESHOLD = 0.2  # weighted cosine of what two statements say, at or above which they are one happening
# Merging a date into another that holds it ("earlier this week" and "Thursday") moves it to the finer
# date, so it takes stronger evidence than a merge of equal dates.
NESTED_MERGE_THRESHOLD = 0.4
INFERENCE_MINIMUM = 2  # matching happenings needed before an unknown publication date is inferred
INFERENCE_WINDOW = 3  # days around similar articles' dates that are tried as the unknown date
# Two statements of the same day, from articles telling the same story, that name the same kind of
# happening and no other, and share a word besides ("Kim departed for Russia accompanied by …", "state
# media confirmed Kim's departure aboard …"), are most likely one happening told in different words:
# they need only half the evidence. Across stories a wire corpus has many same-day killings and meetings.
SAME_DAY_SAME_KIND_THRESHOLD = MERGE_THRESHOLD / 2
SAME_STORY_THRESHOLD = 0.5  # weighted cosine of two articles' whole texts (the seeds: 0.52 to 0.83)
STORY_CACHE_SIZE = 256
MONTH_DAYS = 31
KIND_WEIGHT = 1.5


@dataclass
class Vocabulary:
    """How many articles use each word stem: rare words say more about what a sentence reports."""

    document_frequency: Counter = field(default_factory=Counter)
    documents: int = 0
    story: Story | None = None  # the story being built: its articles' words, and the events mentions may join
    stories: dict[int, dict[str, float]] = field(default_factory=dict, repr=False)  # article id → its words, weighed

    @classmethod
    def of_articles(cls, story: Story) -> "Vocabulary":
        vocabulary = cls(story=story)
        for body in story.articles.values_list("body", flat=True).iterator(chunk_size=200):
            vocabulary.document_frequency.update(set(stems(body)))
            vocabulary.documents += 1
        return vocabulary

    def same_story(self, articles: Iterable[int], others: Iterable[int]) -> bool:
        """Whether one of `articles` and one of `others` tell the same story (their whole texts are alike)."""
        others = list(others)
        return any(a == b or cosine(self._story(a), self._story(b)) >= SAME_STORY_THRESHOLD for a in articles for b in others)

    def _story(self, article_id: int) -> dict[str, float]:
        if article_id not in self.stories:
            if len(self.stories) >= STORY_CACHE_SIZE:
                self.stories.pop(next(iter(self.stories)))
            body = Article.objects.filter(pk=article_id).values_list("body", flat=True).first() or ""
            self.stories[article_id] = self.weigh(stems(body))
        return self.stories[article_id]

    def weigh(self, terms: dict) -> dict[str, float]:
        weights = weighted(terms, self.document_frequency, max(1, self.documents))
        # The kind of happening (arrive, depart, meet…) is what a report is about: it weighs most.
        return {term: weight * KIND_WEIGHT if term in HAPPENING_KINDS else weight for term, weight in weights.items()}


@dataclass
class BuildReport:
    articles: int = 0
    mentions_added: int = 0
    mentions_updated: int = 0
    mentions_unchanged: int = 0
    mentions_removed: int = 0
    mentions_waiting: int = 0
    events_created: int = 0
    mentions_merged: int = 0
    events_deleted: int = 0
    inferred: list[str] = field(default_factory=list)
    copies: int = 0
    seconds: float = 0.0
    touched_events: set[int] = field(default_factory=set, repr=False)

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0
        lines = [
            f"Timeline: {self.articles} articles in {self.seconds:.1f}s ({rate:.1f} articles/s)",
            f"  mentions: {self.mentions_added} added, {self.mentions_updated} re-anchored, "
            f"{self.mentions_unchanged} unchanged, {self.mentions_removed} removed, {self.mentions_waiting} waiting for a date",
            f"  events: {self.events_created} created, {self.mentions_merged} mentions merged into existing events, "
            f"{self.events_deleted} emptied and deleted",
            f"  reports: {self.copies} articles are syndicated copies of another (counted as one report with it)",
        ]
        lines += [f"  inferred: {line}" for line in self.inferred]
        return "\n".join(lines)


def build_timeline(
    articles: Iterable[int] | None = None, progress: Callable[[int, int], None] | None = None, story: Story | None = None
) -> BuildReport:
    """(Re)build the mentions and events of some articles (all by default) in `story` (by default every story
    they belong to), oldest first; articles with no publication date last, so that theirs can be inferred
    from what the others report. Events are built and merged within a story."""
    started = time.perf_counter()
    report = BuildReport()
    mark_copies(report)
    chosen = Article.objects.all() if articles is None else Article.objects.filter(pk__in=list(articles))
    stories = [story] if story else list(Story.objects.filter(articles__in=chosen).distinct().order_by("pk"))
    total = sum(chosen.filter(stories=each).count() for each in stories)
    for each in stories:
        vocabulary = Vocabulary.of_articles(each)
        in_story = chosen.filter(stories=each)
        known = in_story.filter(published__isnull=False).order_by("published", "pk")
        for article in known.iterator(chunk_size=100):
            build_article(article, vocabulary, report)
            _tick(report, total, progress)
        for article in in_story.filter(published__isnull=True).order_by("pk").iterator(chunk_size=100):
            inferred = infer_publication_date(article, vocabulary)
            if inferred:
                report.inferred.append(f"{article.file_name}: {inferred}")
            build_article(article, vocabulary, report)
            _tick(report, total, progress)
        consolidate(report.touched_events, vocabulary, report)
        report.touched_events.clear()
    report.seconds = time.perf_counter() - started
    return report


def mark_copies(report: BuildReport) -> None:
    """Find syndicated copies (the same wire story printed by several outlets) among all the articles and
    record each one's original, earliest first: corroboration counts independent reports."""
    articles = list(Article.objects.order_by(F("published").asc(nulls_last=True), "pk").values_list("pk", "body", "copy_of_id"))
    copies = syndication.find_copies({pk: body for pk, body, _ in articles}, order=[pk for pk, _, _ in articles])
    original_of = syndication.groups(copies)
    score_of = {pair.copy: pair.score for pair in copies}
    for pk, _, copy_of in articles:
        wanted = original_of.get(pk)
        if wanted != copy_of:
            Article.objects.filter(pk=pk).update(copy_of=wanted, copy_score=score_of.get(pk))
            for event in Event.objects.filter(mentions__article_id=pk).distinct():
                event.refresh_from_mentions()
    report.copies = len(original_of)


def consolidate(event_ids: Iterable[int], vocabulary: Vocabulary, report: BuildReport) -> None:
    """Merge automatic events that turned out to report the same happening: a mention joins the best
    event there is when it is built, and an event that grew later can be closer to another than any
    single mention was. Looks at the events this build touched; an event that absorbs another is
    looked at again."""
    queue = sorted(set(event_ids))
    while queue:
        event = Event.objects.filter(pk=queue.pop(0), status=Event.Status.AUTOMATIC).first()
        if event is None:
            continue
        reported = not event.mentions.filter(reported=False).exists()
        other, score = best_match(
            event.terms, event.value, event.start, event.end, vocabulary, exclude=event.pk, reported=reported, finer_only=True,
            articles=event.mentions.values_list("article_id", flat=True).distinct(),
        )
        if other is not None:
            target = Event.objects.get(pk=other.pk)
            event.merge_into(target, _evidence(event.terms, target, score, event.value, vocabulary))
            report.events_deleted += 1
            if target.is_automatic and target.pk not in queue:
                queue.append(target.pk)


def _tick(report: BuildReport, total: int, progress) -> None:
    report.articles += 1
    if progress:
        progress(report.articles, total)


def rebuild_article(article: Article) -> BuildReport:
    """Re-anchor one article, in each of its stories, after its publication date or text changed."""
    report = BuildReport()
    for story in article.stories.all():
        build_article(article, Vocabulary.of_articles(story), report)
    report.articles = 1
    return report


def refresh_article_events(article: Article) -> None:
    """After an article's source changed: the source counts of the events it is cited by."""
    for event in Event.objects.filter(mentions__article=article).distinct():
        event.refresh_from_mentions()


@transaction.atomic
def build_article(article: Article, vocabulary: Vocabulary, report: BuildReport) -> None:
    """Turn an article's statements into mentions. A statement dated by its own text, and the lead,
    join the event that says the same (or start one); a statement without a date of its own is quoted
    in support of the event of the statement whose time it narrates."""
    statements = read_article(article.body, article.published, article.title)
    story = vocabulary.story
    existing = {(m.phrase_start, m.phrase_end): m for m in article.mentions.filter(story=story)}
    # What an editor placed or removed stays so, even if an edit of the file moved it in the text.
    editors = {(m.phrase, m.quote) for m in existing.values() if m.status != Mention.Status.AUTOMATIC}
    touched: set[int] = set()
    seen: set[tuple[int, int]] = set()
    supporting: list[tuple[Statement, Mention]] = []
    for statement in statements:
        seen.add(statement.key)
        mention = existing.get(statement.key)
        if (mention is not None and mention.status != Mention.Status.AUTOMATIC) or (
            (statement.span.text, statement.sentence) in editors
        ):
            continue
        fields = _mention_fields(statement)
        makes_event = statement.dated_by == DATED_BY_TEXT or statement.lead
        if mention is not None and all(getattr(mention, name) == value for name, value in fields.items()):
            report.mentions_unchanged += 1
            if not makes_event:
                supporting.append((statement, mention))
            elif mention.event_id is None and mention.value:
                _attach(mention, vocabulary, touched, report)
            continue
        if mention is None:
            mention = Mention(article=article, story=story, **fields)
            report.mentions_added += 1
        else:
            touched.add(mention.event_id)
            for name, value in fields.items():
                setattr(mention, name, value)
            mention.event = None
            report.mentions_updated += 1
        mention.save()
        if not makes_event:
            supporting.append((statement, mention))
        elif mention.value:
            _attach(mention, vocabulary, touched, report)
        else:
            report.mentions_waiting += 1
    for key, mention in existing.items():
        if key not in seen and mention.status == Mention.Status.AUTOMATIC:
            touched.add(mention.event_id)
            mention.delete()
            report.mentions_removed += 1
    _support(article, story, supporting, touched)
    _settle(touched, report)
    report.touched_events.update(pk for pk in touched if pk)


def _support(article: Article, story: Story, supporting: list[tuple[Statement, Mention]], touched: set) -> None:
    """Quote each statement without a date of its own in the event whose time it narrates: that of the
    statement it takes its date from, else the lead's (an editor's removal of that one sends it there)."""
    mentions = article.mentions.filter(story=story)
    live = {
        (m.phrase_start, m.phrase_end): m.event_id
        for m in mentions.exclude(status=Mention.Status.REMOVED).filter(event__isnull=False)
    }
    lead = mentions.filter(lead=True).exclude(status=Mention.Status.REMOVED).values_list("event_id", flat=True).first()
    for statement, mention in supporting:
        target = live.get(statement.supports) if statement.supports else None
        target = target or lead
        if not mention.value:
            target = None
        if mention.event_id != target:
            touched.update({mention.event_id, target})
            mention.event_id = target
            mention.save(update_fields=["event", "updated_at"])


def _settle(event_ids: set[int | None], report: BuildReport) -> None:
    for event in Event.objects.filter(pk__in=[pk for pk in event_ids if pk]):
        if event.is_automatic and not event.live_mentions().exists():
            event.delete()
            report.events_deleted += 1
        else:
            event.refresh_from_mentions()


def _mention_fields(statement: Statement) -> dict:
    span = statement.span
    return {
        "quote": statement.sentence,
        "sentence_start": statement.sentence_start,
        "sentence_end": statement.sentence_end,
        "headline": statement.headline[:300],
        "phrase": span.text[:200],
        "phrase_start": span.start,
        "phrase_end": span.end,
        "value": without_part_of_day(span.value),  # "early Wednesday evening" dates the day
        "timex_type": span.type,
        "first": span.first,
        "last": span.last,
        "rule": span.rule,
        "anchor": span.anchor[:200],
        "direction": span.direction,
        "reason": span.reason[:300],
        "terms": dict(statement.terms),
        "reported": statement.reported,
        "mod": span.mod or "",
        "dated_by": statement.dated_by,
        "lead": statement.lead,
    }


def compatible_events(first: date, last: date, value: str, finer_only: bool = False, story: Story | None = None):
    """Events of the story of the same date, or whose interval holds this one, or (for a month or less) lies
    inside it. With `finer_only`, only the same date or finer ones."""
    same = Q(value=value)
    holds = Q(start__lte=first, end__gte=last)
    inside = Q(start__gte=first, end__lte=last)
    short = (last - first).days <= MONTH_DAYS  # a longer interval would gather every day inside it
    finer = inside if short else Q(pk__in=[])
    wanted = same | finer if finer_only else same | holds | finer
    return Event.objects.filter(wanted, story=story).exclude(status=Event.Status.HIDDEN)


def best_match(
    terms: dict,
    value: str,
    first: date,
    last: date,
    vocabulary: Vocabulary,
    exclude: int | None = None,
    reported: bool = False,
    finer_only: bool = False,
    articles: Iterable[int] = (),
) -> tuple[Event | None, float]:
    """The compatible event that says most nearly the same, if it says it closely enough; else (None, 0).
    A date of someone saying something ("officials said earlier this month that Putin will meet Kim")
    joins only an event of that very date: the saying is not the meeting it announces."""
    wanted = vocabulary.weigh(terms)
    best, best_score, best_needed = None, 0.0, 0.0
    for event in compatible_events(first, last, value, finer_only, vocabulary.story).exclude(pk=exclude).only("pk", "terms", "value", "status"):
        if different_kinds(terms, event.terms) or (reported and event.value != value):
            continue
        score = cosine(wanted, vocabulary.weigh(event.terms))
        needed = _needed(terms, value, first == last, event, articles, vocabulary)
        if score >= needed and (best is None or score - needed > best_score - best_needed):
            best, best_score, best_needed = event, score, needed
    return best, best_score


def _needed(terms: dict, value: str, one_day: bool, event: Event, articles: Iterable[int], vocabulary: Vocabulary) -> float:
    """The similarity a statement from `articles` needs to join `event`."""
    if event.value != value:
        return NESTED_MERGE_THRESHOLD
    shared_kinds = kinds(terms)
    if (
        one_day
        and shared_kinds
        and shared_kinds == kinds(event.terms)
        and set(terms) & set(event.terms) - shared_kinds  # someone or something else in common, not just "killed"
        and vocabulary.same_story(articles, event.mentions.values_list("article_id", flat=True).distinct())
    ):
        return SAME_DAY_SAME_KIND_THRESHOLD
    return MERGE_THRESHOLD


def _attach(mention: Mention, vocabulary: Vocabulary, touched: set, report: BuildReport) -> None:
    event, score = best_match(
        mention.terms, mention.value, mention.first, mention.last, vocabulary, reported=mention.reported, articles=[mention.article_id]
    )
    if event is not None:
        event = Event.objects.get(pk=event.pk)
        evidence = {"mention": mention.pk, "article": mention.article_id, **_evidence(mention.terms, event, score, mention.value, vocabulary)}
        event.merge_evidence = [*event.merge_evidence, evidence]
        event.save(update_fields=["merge_evidence"])
        report.mentions_merged += 1
    else:
        event = Event(story=vocabulary.story, headline=mention.headline, summary=mention.quote, terms=dict(mention.terms),
                      dated_by=mention.dated_by)
        event.set_value(mention.value, mention.mod, mention.first, mention.last)
        event.save()
        report.events_created += 1
    mention.event = event
    mention.save(update_fields=["event"])
    touched.add(event.pk)


def _evidence(terms: dict, event: Event, score: float, value: str, vocabulary: Vocabulary) -> dict:
    """Why a merge happened, for an editor: the score, the rarest words both say, and how the dates agree."""
    shared = sorted(set(terms) & set(event.terms), key=lambda term: -vocabulary.weigh({term: 1})[term])[:8]
    dates = f"both {value}" if value == event.value else f"{value} and {event.value}: one holds the other"
    evidence = {"score": round(score, 3), "shared": shared, "dates": dates}
    if score < MERGE_THRESHOLD:
        evidence["why"] = "the same kind of happening on the same day, in articles telling the same story"
    return evidence


def infer_publication_date(article: Article, vocabulary: Vocabulary) -> str:
    """Give an undated article the date under which most of what it reports matches happenings other
    articles report on known dates; the earliest such date, since an article cannot report the past
    before it happens. Records the method and a confidence. Returns a line for the report, or ""."""
    candidates = _candidate_dates(article, vocabulary)
    best: tuple[int, date, int] | None = None
    for candidate in candidates:
        statements = [s for s in find_statements(article.body, candidate) if s.span.value and s.span.anchor]
        matched = 0
        for statement in statements:
            event, _ = best_match(
                statement.terms, without_part_of_day(statement.span.value), statement.span.first, statement.span.last, vocabulary,
                reported=statement.reported, articles=[article.pk],
            )
            matched += event is not None
        if best is None or matched > best[0]:
            best = (matched, candidate, len(statements))
    if best is None or best[0] < INFERENCE_MINIMUM:
        return ""
    matched, chosen, relative = best
    confidence = round(matched / relative, 2) if relative else 0.0
    article.published = chosen
    article.published_how = Article.PublishedHow.INFERRED
    article.published_precision = Article.Precision.DAY
    article.published_confidence = confidence
    article.published_evidence = (
        f"Inferred: dated {chosen:%-d %b %Y}, {matched} of its {relative} relative dates fall on happenings "
        f"other articles report on known dates; the earliest date that fits best."
    )
    article.save(update_fields=["published", "published_how", "published_precision", "published_confidence", "published_evidence"])
    return f"{chosen.isoformat()} (confidence {confidence}, {matched}/{relative} statements match)"


def _candidate_dates(article: Article, vocabulary: Vocabulary) -> list[date]:
    """Dates near those of the articles most like this one."""
    mine = vocabulary.weigh(stems(article.body))
    scored = []
    for body, published in (
        vocabulary.story.articles.exclude(pk=article.pk).filter(published__isnull=False).values_list("body", "published").iterator()
    ):
        scored.append((cosine(mine, vocabulary.weigh(stems(body))), published))
    scored.sort(reverse=True)
    dates = set()
    for similarity, published in scored[:10]:
        if similarity < 0.1:
            break
        dates.update(published + timedelta(days=offset) for offset in range(-INFERENCE_WINDOW, INFERENCE_WINDOW + 1))
    return sorted(dates)
