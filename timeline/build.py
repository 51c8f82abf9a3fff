"""Building the timeline: articles' dated statements become mentions, and mentions of the same happening
become one event citing every article that reports it.

Two mentions are of the same happening when their dates are compatible (the same interval, or one
inside the other) and they say the same thing (their words, weighted by rarity, are alike). Sharing a
date is never enough. Re-running changes nothing that did not change, and never touches what an
editor did: edited and hidden events keep their fields, and mentions an editor placed or removed stay
as the editor left them.
"""

import itertools
import math
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import reset_queries, transaction
from django.db.models import F, Q

from articles.models import Article, Story
from newsdates import syndication
from newsdates.calendar import without_part_of_day
from newsdates.statements import (
    DATED_BY_TEXT,
    Statement,
    cosine,
    find_statements,
    kinds,
    read_article,
)

from .candidates import Candidate, EventIndex
from .locks import building
from .models import ArticleWords, DatedBy, Event, Mention
from .vocabulary import Vocabulary, count_words

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
MONTH_DAYS = 31
# A statement without a date of its own that tells of the past joins an earlier event it says again, found
# among those of the last few years that say its rarest words.
RECALL_THRESHOLD = 0.35
REACH_BACK = timedelta(days=3 * 366)
RARE_TERMS = 3
REPORT_LAG = timedelta(days=3)  # how long before the day it is reported a happening told without a time may be
CONSOLIDATE_BATCH = 500  # events looked at between saves when consolidating
BUILD_BATCH = 50  # articles written in one transaction: a commit each was a third of a build's time on SQLite
FEW_ARTICLES = 200  # given articles compared with their neighbours in one pool; more go month by month
COPY_WINDOW = timedelta(days=7)  # syndicated copies of a story are printed within days of each other


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
    touched: set[Candidate] = field(default_factory=set, repr=False)  # events this build changed

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
    articles: Iterable[int] | None = None, progress: Callable[..., None] | None = None, story: Story | None = None
) -> BuildReport:
    """(Re)build the mentions and events of some articles (all by default) in `story` (by default every story
    they belong to), oldest first; articles with no publication date last, so that theirs can be inferred
    from what the others report. Events are built and merged within a story. `progress(done, total, unit)`
    hears of each article read ("articles"), then of the events compared again ("events")."""
    started = time.perf_counter()
    report = BuildReport()
    articles = None if articles is None else list(articles)
    with building():
        count_words(articles)
        vocabulary = Vocabulary()
        if articles is None:
            vocabulary.load_all()
        mark_copies(report, articles)
        chosen = Article.objects.all() if articles is None else Article.objects.filter(pk__in=articles)
        stories = [story] if story else list(Story.objects.filter(articles__in=chosen).distinct().order_by("pk"))
        total = sum(chosen.filter(stories=each).count() for each in stories)
        for each in stories:
            _build_story(chosen.filter(stories=each), EventIndex(vocabulary, each), report, total, progress, stories)
    report.seconds = time.perf_counter() - started
    return report


def _build_story(chosen, index: EventIndex, report: BuildReport, total: int, progress, stories: list[Story]) -> None:
    known = chosen.filter(published__isnull=False).order_by("published", "pk")
    unknown = chosen.filter(published__isnull=True).order_by("pk")
    touched: set[int] = set()  # the events this build changed, by id: the index may let go of them meanwhile
    for dated, articles in ((True, known), (False, unknown)):
        for batch in itertools.batched(articles.iterator(chunk_size=BUILD_BATCH), BUILD_BATCH):
            with transaction.atomic():
                for article in batch:
                    if not dated:
                        inferred = infer_publication_date(article, index)
                        if inferred:
                            report.inferred.append(f"{article.file_name}: {inferred}")
                    build_article(article, index, report)
                    _tick(report, total, progress)
                _save(index, report)
                _built(batch, stories)
            touched |= {candidate.pk for candidate in report.touched if candidate.pk is not None}
            report.touched.clear()
            index.shed()
            reset_queries()  # in debug, Django keeps every query's SQL: a large build's bulk writes held hundreds of MB
    with transaction.atomic():
        consolidate(touched, index, report, progress)
    index.story.touch()  # what was built shows in the story's version (exports kept as files are written anew)


def mark_copies(report: BuildReport, articles: list[int] | None = None) -> None:
    """Find syndicated copies (the same wire story printed by several outlets) and record each one's
    original, earliest first: corroboration counts independent reports. Copies are printed within days of
    each other: they are looked for month by month (with a week either side, and the articles of unknown
    date), all of them or those published near the given ones."""
    order = Article.objects.order_by(F("published").asc(nulls_last=True), "pk")
    rank = {pk: i for i, pk in enumerate(order.values_list("pk", flat=True))}
    copies: dict[object, syndication.Copy] = {}
    for pool in _copy_pools(articles):
        rows = list(pool.values_list("pk", "body"))
        # An article another ingest added since `rank` was read is left to that ingest's own build.
        texts = {pk: body for pk, body in rows if pk in rank}
        for pair in syndication.find_copies(texts, order=sorted(texts, key=rank.__getitem__)):
            copies[(pair.original, pair.copy)] = pair
    original_of = syndication.groups(sorted(copies.values(), key=lambda pair: (rank[pair.original], rank[pair.copy])))
    score_of = {pair.copy: pair.score for pair in copies.values()}
    given = None if articles is None else set(articles)
    current = dict(Article.objects.filter(copy_of__isnull=False).values_list("pk", "copy_of_id"))
    for pk in sorted(set(original_of) | set(current), key=lambda pk: rank.get(pk, len(rank))):
        wanted, copy_of = original_of.get(pk), current.get(pk)
        if given is not None and not {pk, copy_of, wanted} & given:
            continue  # a pair outside what changed: its original may lie outside the window
        if wanted != copy_of:
            Article.objects.filter(pk=pk).update(copy_of=wanted, copy_score=score_of.get(pk))
            for event in Event.objects.filter(mentions__article_id=pk).distinct():
                event.refresh_from_mentions()
    report.copies = len(original_of)


def _copy_pools(articles: list[int] | None) -> Iterator:
    """The sets of articles among which copies are looked for: for a few given articles, those published
    within a week of them; else (all, many, or one of unknown date) a month's, a week either side, with
    those of unknown date, month by month, so that no more than a month of texts is held at once."""
    given = Article.objects.filter(pk__in=articles) if articles is not None else None
    if given is not None and not given.filter(published__isnull=True).exists():
        if len(articles) <= FEW_ARTICLES:
            near = Q(pk__in=articles)
            for day in set(given.values_list("published", flat=True)):
                near |= Q(published__range=(day - COPY_WINDOW, day + COPY_WINDOW))
            yield Article.objects.filter(near)
            return
        months = list(given.dates("published", "month"))  # each pool reaches a week into the months either side
    else:
        months = list(Article.objects.filter(published__isnull=False).dates("published", "month"))
    undated = Q(published__isnull=True)
    for month in months:
        following = (month + timedelta(days=32)).replace(day=1)
        yield Article.objects.filter(undated | Q(published__range=(month - COPY_WINDOW, following + COPY_WINDOW)))
    if not months:
        yield Article.objects.filter(undated)


def consolidate(events: Iterable[int], index: EventIndex, report: BuildReport, progress=None) -> None:
    """Merge automatic events that turned out to report the same happening: a mention joins the best
    event there is when it is built, and an event that grew later can be closer to another than any
    single mention was. Looks at the events this build touched (by id, in order); an event that absorbs
    another is looked at again. Saved every batch of events, so that the index can let go of them;
    `progress(done, total, "events")` hears of each batch."""
    queue = deque(sorted(set(events)))
    waiting = set(queue)
    looked = 0
    if progress and len(queue) >= CONSOLIDATE_BATCH:
        progress(0, len(queue), "events")
    while queue:
        pk = queue.popleft()
        waiting.discard(pk)
        if pk not in index.by_pk:
            index.prefetch([pk, *itertools.islice(queue, CONSOLIDATE_BATCH)])
        candidate = index.get(pk)
        if candidate is None or not candidate.event.is_automatic or not candidate.members:
            continue
        if all(mention.is_supporting for mention in candidate.members):
            continue  # undated statements were placed when their article was read (see `_support`)
        event = candidate.event
        other, score = best_match(
            candidate.terms, event.value, event.start, event.end, index, exclude=candidate,
            reported=candidate.reported_only(), finer_only=True, articles=candidate.articles,
            by_report=candidate.reported_news, others_only=True,
        )
        if other is not None:
            index.merge(candidate, other, _evidence(candidate.terms, other, score, event.value, index.vocabulary))
            if other.event.is_automatic and other.pk not in waiting:
                queue.append(other.pk)
                waiting.add(other.pk)
        looked += 1
        if looked % CONSOLIDATE_BATCH == 0:
            _save(index, report)
            index.shed()
            reset_queries()
            if progress:
                progress(looked, looked + len(queue), "events")
    _save(index, report)
    if progress and looked >= CONSOLIDATE_BATCH:
        progress(looked, looked, "events")


def _built(batch: tuple[Article, ...], stories: list[Story]) -> None:
    """Articles built in every story they belong to no longer wait for a build (in the batch's transaction,
    so that a build cut short leaves exactly the unbuilt ones waiting)."""
    waiting = [article.pk for article in batch if article.needs_build]
    if waiting:
        elsewhere = Story.articles.through.objects.filter(article_id__in=waiting).exclude(story__in=stories)
        Article.objects.filter(pk__in=waiting).exclude(pk__in=elsewhere.values("article_id")).update(needs_build=False)


def _save(index: EventIndex, report: BuildReport) -> None:
    created, deleted = index.save()
    report.events_created += created
    report.events_deleted += deleted


def _tick(report: BuildReport, total: int, progress) -> None:
    report.articles += 1
    if progress:
        progress(report.articles, total)


def rebuild_article(article: Article) -> BuildReport:
    """Re-anchor one article, in each of its stories, after its publication date or text changed."""
    report = BuildReport()
    with building():
        count_words([article.pk])
        vocabulary = Vocabulary()
        for story in article.stories.all():
            index = EventIndex(vocabulary, story)
            with transaction.atomic():
                build_article(article, index, report)
                _save(index, report)
            story.touch()
        Article.objects.filter(pk=article.pk).update(needs_build=False)
    report.articles = 1
    return report


def refresh_article_events(article: Article) -> None:
    """After an article's source changed: the source counts of the events it is cited by."""
    refresh_events(Event.objects.filter(mentions__article=article).distinct().values_list("pk", flat=True))


def refresh_events(pks) -> None:
    """After their mentions changed outside a build: what follows from them. An automatic event left
    without mentions is deleted, as a build deletes it; an editor's stays."""
    for event in Event.objects.filter(pk__in=list(pks)):
        if event.is_automatic and not event.live_mentions().exists():
            event.delete()
        else:
            event.refresh_from_mentions()


def build_article(article: Article, index: EventIndex, report: BuildReport) -> None:
    """Turn an article's statements into mentions. A statement dated by its own text, and the lead,
    join the event that says the same (or start one); a statement without a date of its own is quoted
    in support of the event of the statement whose time it narrates. What changed is written at the
    index's next save."""
    statements = read_article(article.body, article.published, article.title)
    index.vocabulary.frequency({term for statement in statements for term in statement.terms})
    stub = _light(article)
    existing = {(m.phrase_start, m.phrase_end): m for m in article.mentions.filter(story=index.story)}
    for mention in existing.values():
        mention.article = stub
    # What an editor placed or removed stays so, even if an edit of the file moved it in the text.
    editors = {(m.phrase, m.quote) for m in existing.values() if m.status != Mention.Status.AUTOMATIC}
    seen: set[tuple[int, int]] = set()
    fresh: list[Mention] = []
    changed: list[Mention] = []
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
            elif mention.event_id is None and _placeable(mention):
                _attach(mention, index, report)
            continue
        if mention is None:
            mention = Mention(article=stub, story=index.story, **fields)
            fresh.append(mention)
            report.mentions_added += 1
        else:
            index.remove(mention)
            for name, value in fields.items():
                setattr(mention, name, value)
            changed.append(mention)
            report.mentions_updated += 1
        if not makes_event:
            supporting.append((statement, mention))
        elif _placeable(mention):
            _attach(mention, index, report)
        elif not mention.value:
            report.mentions_waiting += 1
    gone = [m for key, m in existing.items() if key not in seen and m.status == Mention.Status.AUTOMATIC]
    for mention in gone:
        index.discard(mention)
    going = {id(m) for m in gone}
    kept = [m for m in existing.values() if id(m) not in going]
    _support(kept + fresh, supporting, index, report)
    report.touched.update(index.touched)
    if gone:
        Mention.objects.filter(pk__in=[m.pk for m in gone]).delete()
        report.mentions_removed += len(gone)
    index.new_mentions.extend(fresh)
    index.changed_mentions.extend(changed)


def _placeable(mention: Mention) -> bool:
    """Whether a mention's date is on the calendar the timeline shows ("221 B.C." is not, yet)."""
    return bool(mention.value and mention.first and mention.last)


def _light(article: Article) -> Article:
    """The article as its mentions need it (to count sources and order reports), without its texts."""
    return Article(pk=article.pk, source_id=article.source_id, agency_id=article.agency_id, copy_of_id=article.copy_of_id,
                   published=article.published, ingested_at=article.ingested_at)


def _support(
    mentions: list[Mention], supporting: list[tuple[Statement, Mention]], index: EventIndex, report: BuildReport
) -> None:
    """Place each statement without a date of its own: it supports the event whose time it narrates (that of
    the dated statement of its paragraph, else the article's lead), and never becomes a timeline event of its
    own: a sentence without a time of its own is as often background, a quotation or an opinion as a
    happening, and the day it was reported would date a background fact wrongly ("The Soviet Union installed
    Kim Il-sung as leader"). One that tells of the past again what another article told before joins that
    event instead ("This was Jobs' third period of medical leave"). Once placed, it stays."""
    live = [m for m in mentions if m.status != Mention.Status.REMOVED]
    placed = {(m.phrase_start, m.phrase_end): index.of(m) for m in live}
    leads = [m for m in sorted(live, key=lambda m: m.phrase_start) if m.lead]
    lead = placed[(leads[0].phrase_start, leads[0].phrase_end)] if leads else None
    news_ends = leads[0].sentence_end if leads else 0  # what comes up to the lead is the news, not a recollection
    recollections = [(s, m) for s, m in supporting if s.sentence_start >= news_ends and s.of_the_past and _placeable(m)]
    for since, until in {(_earlier(m.last, REACH_BACK), m.last) for _, m in recollections}:
        index.read_telling({t for _, m in recollections for t in _rarest(m.terms, index.vocabulary)}, since, until)
    for statement, mention in supporting:
        narrated = placed.get(statement.supports) if statement.supports else None
        narrated = narrated or lead
        if not _placeable(mention) or narrated is None:
            index.remove(mention)
        elif index.of(mention) is None:
            recalled = _recalled(statement, mention, index) if statement.sentence_start >= news_ends else None
            index.add(recalled or narrated, mention)


def _recalled(statement: Statement, mention: Mention, index: EventIndex) -> Candidate | None:
    """The event another article told before that a statement about the past says again, if it says it
    closely enough; looked for among the events that say its rarest words."""
    if not statement.of_the_past:
        return None
    wanted = index.vocabulary.weigh(mention.terms)
    norm = math.sqrt(sum(weight * weight for weight in wanted.values()))
    rarest = _rarest(mention.terms, index.vocabulary)
    best, best_score = None, RECALL_THRESHOLD
    mine = kinds(mention.terms)
    for candidate in index.telling(rarest, _earlier(mention.last, REACH_BACK), mention.last):
        if candidate.emptied or (mine and candidate.kinds and not mine & candidate.kinds):
            continue
        score = candidate.similarity(wanted, norm)
        if score < best_score or candidate.articles == {mention.article_id}:
            continue  # what its own article told is what it narrates, not a recollection
        if score > best_score or best is None or _order(candidate) < _order(best):
            best, best_score = candidate, score
    return best


def _earlier(day: date, by: timedelta) -> date:
    return day - by if day - date.min > by else date.min


def _rarest(terms: dict, vocabulary: Vocabulary) -> list[str]:
    """The statement's rarest words that some other article uses too: what may find the event it recalls."""
    frequency = vocabulary.frequency(terms)
    shared = [term for term in terms if frequency.get(term, 0) >= 2]
    return sorted(shared, key=lambda term: (frequency[term], term))[:RARE_TERMS]


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


def compatible(first: date, last: date, value: str, candidate: Candidate, finer_only: bool = False, by_report: bool = False) -> bool:
    """An event of the same date, or whose interval holds this one, or (for a month or less) lies inside it,
    or a day that the one dated by its day of report may have been (see `reported_after`). With
    `finer_only`, only the same date or finer ones."""
    event = candidate.event
    if event.value == value or (not finer_only and event.start <= first and last <= event.end):
        return True
    if (last - first).days <= MONTH_DAYS and first <= event.start and event.end <= last:
        return True  # a longer interval would gather every day inside it
    return reported_after(first, last, by_report, candidate)


def reported_after(first: date, last: date, by_report: bool, candidate: Candidate) -> bool:
    """An article's news told with no time of its own, dated by the day it was reported (`by_report`, or
    the event's), happened that day or shortly before: "Steve Jobs has chosen to step down" (reported
    August 25) may be "On August 24, Jobs resigned"."""
    if first != last or candidate.event.start != candidate.event.end:
        return False
    event = candidate.event
    if not by_report and event.dated_by == DatedBy.REPORT and timedelta(0) < event.start - first <= REPORT_LAG:
        return candidate.reported_news
    return by_report and event.dated_by == DatedBy.TEXT and timedelta(0) < first - event.start <= REPORT_LAG


def best_match(
    terms: dict,
    value: str,
    first: date,
    last: date,
    index: EventIndex,
    exclude: Candidate | None = None,
    reported: bool = False,
    finer_only: bool = False,
    articles: Iterable[int] = (),
    by_report: bool = False,
    others_only: bool = False,
) -> tuple[Candidate | None, float]:
    """The compatible event that says most nearly the same, if it says it closely enough; else (None, 0).
    A date of someone saying something ("officials said earlier this month that Putin will meet Kim")
    joins only an event of that very date: the saying is not the meeting it announces. With `others_only`,
    only events that other articles report too: an article's own happenings were told apart when it was read."""
    wanted = index.vocabulary.weigh(terms)
    norm = math.sqrt(sum(weight * weight for weight in wanted.values()))
    mine = kinds(terms)
    best, best_score, best_margin = None, 0.0, 0.0
    for candidate in index.around(first, last, REPORT_LAG if first == last else timedelta(0)):
        event = candidate.event
        if candidate is exclude or (reported and event.value != value) or not compatible(first, last, value, candidate, finer_only, by_report):
            continue
        if candidate.emptied and event.is_automatic:  # deleted at the next save
            continue
        score = candidate.similarity(wanted, norm)
        if score < SAME_DAY_SAME_KIND_THRESHOLD:
            continue  # below any threshold
        if mine and candidate.kinds and not mine & candidate.kinds:
            continue  # different kinds of happening
        needed = _needed(terms, value, first, last, by_report, candidate, articles, index.vocabulary)
        if score < needed or (others_only and candidate.articles <= set(articles)):
            continue
        # The widest margin wins; of two as wide, the event first by date, then the oldest.
        margin = score - needed
        if best is None or margin > best_margin or (margin == best_margin and _order(candidate) < _order(best)):
            best, best_score, best_margin = candidate, score, margin
    return best, best_score


def _order(candidate: Candidate) -> tuple:
    """Events by date, then in the order they were made: of two as good, the first wins."""
    return (candidate.event.start, candidate.event.end, candidate.pk is None, candidate.pk or 0, candidate.born)


def _needed(
    terms: dict, value: str, first: date, last: date, by_report: bool, candidate: Candidate, articles: Iterable[int],
    vocabulary: Vocabulary,
) -> float:
    """The similarity a statement from `articles` needs to join an event."""
    one_day = first == last
    if candidate.event.value != value:
        return MERGE_THRESHOLD if reported_after(first, last, by_report, candidate) else NESTED_MERGE_THRESHOLD
    shared_kinds = kinds(terms)
    if (
        one_day
        and shared_kinds
        and shared_kinds == candidate.kinds
        and set(terms) & set(candidate.terms) - shared_kinds  # someone or something else in common, not just "killed"
        and vocabulary.same_story(articles, candidate.articles)
    ):
        return SAME_DAY_SAME_KIND_THRESHOLD
    return MERGE_THRESHOLD


def _attach(mention: Mention, index: EventIndex, report: BuildReport, besides: Candidate | None = None) -> None:
    """A mention joins the event that says the same on a compatible date (but `besides`), or starts one."""
    candidate, score = best_match(
        mention.terms, mention.value, mention.first, mention.last, index, exclude=besides, reported=mention.reported,
        articles=[mention.article_id], by_report=mention.lead and mention.dated_by == DatedBy.REPORT,
    )
    if candidate is None:
        index.create(mention)
        return
    if candidate.event.is_automatic:
        evidence = {"mention": mention.pk, "article": mention.article_id,
                    **_evidence(mention.terms, candidate, score, mention.value, index.vocabulary)}
        candidate.event.merge_evidence = [*candidate.event.merge_evidence, evidence]
        index.evidence.append((evidence, mention, candidate))
    index.add(candidate, mention)
    report.mentions_merged += 1


def _evidence(terms: dict, candidate: Candidate, score: float, value: str, vocabulary: Vocabulary) -> dict:
    """Why a merge happened, for an editor: the score, the rarest words both say, and how the dates agree."""
    shared = sorted(set(terms) & set(candidate.terms), key=lambda term: -vocabulary.weight(term))[:8]
    event_value = candidate.event.value
    if value == event_value:
        dates = f"both {value}"
    elif candidate.event.dated_by == DatedBy.REPORT or len(value) == len(event_value) == 10:
        dates = f"{value} and {event_value}: told without a time, reported within days after"
    else:
        dates = f"{value} and {event_value}: one holds the other"
    evidence = {"score": round(score, 3), "shared": shared, "dates": dates}
    if score < MERGE_THRESHOLD:
        evidence["why"] = "the same kind of happening on the same day, in articles telling the same story"
    return evidence


def infer_publication_date(article: Article, index: EventIndex) -> str:
    """Give an undated article the date under which most of what it reports matches happenings other
    articles report on known dates; the earliest such date, since an article cannot report the past
    before it happens. Records the method and a confidence. Returns a line for the report, or ""."""
    candidates = _candidate_dates(article, index.vocabulary, index.story)
    best: tuple[int, date, int] | None = None
    for candidate in candidates:
        statements = [s for s in find_statements(article.body, candidate) if s.span.value and s.span.anchor]
        matched = 0
        for statement in statements:
            event, _ = best_match(
                statement.terms, without_part_of_day(statement.span.value), statement.span.first, statement.span.last, index,
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


def _candidate_dates(article: Article, vocabulary: Vocabulary, story: Story) -> list[date]:
    """Dates near those of the articles of the story most like this one."""
    mine = vocabulary.story(article.pk)
    scored = []
    others = ArticleWords.objects.exclude(pk=article.pk).filter(article__published__isnull=False, article__stories=story)
    for words, published in others.values_list("stems", "article__published").iterator(chunk_size=500):
        scored.append((cosine(mine, vocabulary.weigh(words)), published))
    scored.sort(reverse=True)
    dates = set()
    for similarity, published in scored[:10]:
        if similarity < 0.1:
            break
        dates.update(published + timedelta(days=offset) for offset in range(-INFERENCE_WINDOW, INFERENCE_WINDOW + 1))
    return sorted(dates)
