"""The events a build matches statements against, held in memory.

A build asks for the events around a date; the index reads those of the date's month from the database
once (with the mentions they cite) and keeps them, and the events the build creates, current as mentions
join, move or go: matching a statement costs no query, and what a build changed is written in a few
bulk queries per article (`save`). An event's date and what it says follow its mentions as
`Event.summarise` has them; what it says is kept as a weighted sum of its mentions' terms, updated
term by term as a mention joins, so that a happening cited a thousand times costs no more to match
than one cited once.
"""

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from articles.models import Story
from newsdates.statements import kinds

from .models import DatedBy, Event, Mention, Reporter, precision
from .vocabulary import Vocabulary

MONTH_DAYS = 31
LONG_GRANULARITIES = ("decade", "century")  # longer than any month's neighbourhood: looked at for every date
LONGEST_SHORT_SPAN = timedelta(days=366)  # the longest interval of any other granularity (a year)
BATCH = 500
HELD_EVENTS = 10_000  # events the index holds between batches (a batch of news looks at 4,000–7,000); see `shed`
TERMS_A_QUERY = 40
EVENT_FIELDS = ["value", "start", "end", "granularity", "mod", "dated_by", "headline", "summary", "terms",
                "source_count", "merge_evidence", "updated_at"]


class _Tally:
    """The terms a set of mentions says, summed, and the one that dates them best."""

    def __init__(self):
        self.terms: Counter = Counter()
        self.count = 0
        self.best: Mention | None = None

    def add(self, mention: Mention) -> None:
        self.terms.update(mention.terms)
        self.count += 1
        if self.best is None or precision(mention) < precision(self.best):
            self.best = mention


@dataclass(eq=False)
class Candidate:
    """An event as the build sees it: its date and what its live mentions say."""

    event: Event
    vocabulary: Vocabulary
    loader: Callable[["Candidate"], None] | None = None  # reads its live mentions, when first needed
    months: set[tuple[int, int] | date] = field(default_factory=set)  # where the index files it
    born: int = field(default_factory=itertools.count().__next__)  # the order candidates were made in
    used: int = 0  # the index's batch in which the build last looked at it
    saved: tuple = ()  # the event's fields as last read or written
    _members: list[Mention] | None = None
    _core: _Tally = field(default_factory=_Tally)  # statements that report the happening
    _every: _Tally = field(default_factory=_Tally)  # and the supporting quotes
    _weights: dict[str, float] = field(default_factory=dict)
    _norm2: float = 0.0
    _from_core: bool | None = None  # which tally the weights are of
    _kinds: set[str] | None = None

    def __post_init__(self):
        if self.loader is None and self._members is None:
            self._members = []
        # Until its mentions are read, an event says what its stored terms (their mean) say.
        self._weights = self.vocabulary.weigh(self.event.terms)
        self._norm2 = sum(weight * weight for weight in self._weights.values())

    @property
    def pk(self) -> int | None:
        return self.event.pk

    @property
    def members(self) -> list[Mention]:
        """Its live mentions (read from the database the first time they are asked for)."""
        if self._members is None:
            self.loader(self)
        return self._members

    @property
    def reported_news(self) -> bool:
        """Whether it is an article's news dated by the day it was reported (its lead gave no time)."""
        if self.event.dated_by != DatedBy.REPORT:
            return False
        best = self._core.best if self.members and self._core.count else self._every.best
        return best is not None and best.lead

    @property
    def emptied(self) -> bool:
        """Left without mentions by this build (deleted at the next save, if automatic)."""
        return self._members is not None and not self._members

    @property
    def terms(self) -> dict:
        """What the event says: its stems, summed over its mentions (`Event.terms` is their mean)."""
        if not self.event.is_automatic or self._members is None:
            return self.event.terms
        return self._core.terms if self._core.count else self._every.terms

    @property
    def articles(self) -> set[int]:
        return {mention.article_id for mention in self.members}

    @property
    def kinds(self) -> set[str]:
        if self._kinds is None:
            self._kinds = kinds(self.terms)
        return self._kinds

    def reported_only(self) -> bool:
        """Whether every mention dates someone saying something."""
        return all(mention.reported for mention in self.members)

    def similarity(self, wanted: dict[str, float], norm: float) -> float:
        """Cosine of a weighted statement with what this event says."""
        if not norm or not self._norm2:
            return 0.0
        weights = self._weights
        common = wanted.keys() & weights.keys()
        if not common:
            return 0.0
        dot = sum(wanted[term] * weights[term] for term in common)
        return dot / (norm * math.sqrt(self._norm2))

    def join(self, mention: Mention) -> bool:
        """A mention joins; whether the event's date changed."""
        self.members.append(mention)
        self._kinds = None
        self._every.add(mention)
        if not mention.is_supporting:
            self._core.add(mention)
        if not self.event.is_automatic:
            return False
        if self._from_core != (self._core.count > 0):
            self._reweigh()
        elif not (self._from_core and mention.is_supporting):
            self._fold(mention.terms)
        return self._redate()

    def leave(self, mention: Mention) -> bool:
        """A mention leaves (the same row, or this very object if not saved); whether the event's date changed."""
        if mention.pk is None:
            self._members = [m for m in self.members if m is not mention]
        else:
            self._members = [m for m in self.members if m.pk != mention.pk]
        return self.recount()

    def recount(self) -> bool:
        """Count the mentions again, from scratch; whether the event's date changed."""
        self._core, self._every, self._kinds = _Tally(), _Tally(), None
        for mention in self.members:
            self._every.add(mention)
            if not mention.is_supporting:
                self._core.add(mention)
        if not self.event.is_automatic or not self.members:
            return False
        self._reweigh()
        return self._redate()

    def _reweigh(self) -> None:
        self._from_core = self._core.count > 0
        self._weights = self.vocabulary.weigh(self.terms)
        self._norm2 = sum(weight * weight for weight in self._weights.values())

    def _fold(self, terms: dict) -> None:
        weights = self.vocabulary.weigh(terms)
        for term, weight in weights.items():
            before = self._weights.get(term, 0.0)
            after = before + weight
            self._weights[term] = after
            self._norm2 += after * after - before * before

    def _redate(self) -> bool:
        best = self._core.best if self._core.count else self._every.best
        before = (self.event.value, self.event.start, self.event.end)
        self.event.set_value(best.value, best.mod, best.first, best.last)
        self.event.dated_by = best.dated_by
        return (self.event.value, self.event.start, self.event.end) != before


def _shifted(day: date, by: timedelta) -> date:
    try:
        return day + by
    except OverflowError:  # at the calendar's ends
        return day


def _month(day: date) -> tuple[int, int]:
    return (day.year, day.month)


def _months(first: date, last: date) -> Iterator[tuple[int, int]]:
    year, month = _month(first)
    while (year, month) <= _month(last):
        yield (year, month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _month_bounds(month: tuple[int, int]) -> tuple[date, date]:
    year, number = month
    following = date(year + 1, 1, 1) if number == 12 else date(year, number + 1, 1)
    return date(year, number, 1), following - timedelta(days=1)


class EventIndex:
    """Every event the build has looked at or made, by the months its interval covers."""

    def __init__(self, vocabulary: Vocabulary, story: Story):
        self.vocabulary = vocabulary
        self.story = story  # events are matched within one story
        self.by_pk: dict[int, Candidate] = {}
        # Events by the months their interval meets, a day's by that day (a day query looks at a week of days).
        self._buckets: dict[tuple[int, int] | date, list[Candidate]] = defaultdict(list)
        self._long: list[Candidate] = []
        self._loaded_months: set[tuple[int, int]] = set()
        self._long_loaded: set[int] = set()  # decades whose long events were read
        self._by_term: dict[str, list[Candidate]] = defaultdict(list)  # the events that say each stem
        self._told: set[tuple[str, tuple]] = set()  # (stem, months) whose events were read
        self._home: dict[int, Candidate] = {}  # id(mention) → its candidate, for mentions placed by this build
        self._batch = 0  # counted by `shed`
        self.touched: set[Candidate] = set()  # changed since the last save
        self.evidenced: set[Candidate] = set()  # whose merge evidence grew since the last save
        self.moved: dict[int, Mention] = {}  # id(mention) → mention whose event changed since the last save
        self.evidence: list[tuple[dict, Mention, Candidate]] = []  # merge evidence waiting for its mention's id
        self.new_mentions: list[Mention] = []  # to be created at the next save
        self.changed_mentions: list[Mention] = []  # re-anchored: to be written at the next save

    # ------------------------------------------------------------------ finding
    def around(self, first: date, last: date, reach: timedelta = timedelta(0)) -> list[Candidate]:
        """The events, not hidden, that may be compatible with the time from `first` to `last` (give or take
        `reach` days): those longer than a day that meet its months, and, for a month or less, the days
        inside it; with those emptied by this build, until it saves."""
        earliest, latest = _shifted(first, -reach), _shifted(last, reach)
        months = set(_months(earliest, latest)) if (latest - earliest).days <= 2 * MONTH_DAYS else {
            _month(first), _month(last), _month(earliest), _month(latest)}
        self._load_months(months)
        self._load_long(earliest, latest)
        found = {id(c): c for month in months for c in self._buckets.get(month, ())}
        if (last - first).days <= MONTH_DAYS:
            day = earliest
            while day <= latest:
                found.update((id(c), c) for c in self._buckets.get(day, ()))
                day += timedelta(days=1)
        return self._used([*found.values(), *(c for c in self._long if c.event.start <= last and first <= c.event.end)])

    def telling(self, terms: list[str], since: date, until: date) -> list[Candidate]:
        """The events, not hidden, that say any of these stems and begin between `since` and `until`. Of
        months not read yet, only the events that say one of the stems are read (see `read_telling`)."""
        self.read_telling(terms, since, until)
        self._load_long(since, until)
        found = {}
        for term in terms:
            for candidate in self._by_term.get(term, ()):
                if since <= candidate.event.start <= until and candidate.months:
                    found[id(candidate)] = candidate
        return self._used(list(found.values()))

    def read_telling(self, terms: Iterable[str], since: date, until: date) -> None:
        """Read the events that say any of these stems and begin between `since` and `until` in months not
        read yet, a few dozen stems a query; each stem once."""
        unread = [month for month in _months(since, until) if month not in self._loaded_months]
        if not unread:
            return
        window = (unread[0], unread[-1])
        wanted = sorted({term for term in terms if (term, window) not in self._told})
        first, last = _month_bounds(unread[0])[0], _month_bounds(unread[-1])[1]
        for start in range(0, len(wanted), TERMS_A_QUERY):
            saying = Q()
            for term in wanted[start : start + TERMS_A_QUERY]:
                saying |= Q(terms__has_key=term)
                self._told.add((term, window))
            self._load_new(self._events().filter(saying, start__range=(first, last)))

    def of(self, mention: Mention) -> Candidate | None:
        """The candidate a mention sits in, if any."""
        if id(mention) in self._home:
            return self._home[id(mention)]
        if mention.event_id is None:
            return None
        return self.get(mention.event_id)

    def get(self, pk: int) -> Candidate | None:
        if pk not in self.by_pk:
            self._load(self._events().filter(pk=pk))
        candidate = self.by_pk.get(pk)
        if candidate is not None:
            candidate.used = self._batch
        return candidate

    # ------------------------------------------------------------------ changing
    def create(self, mention: Mention) -> Candidate:
        """A new automatic event for a mention."""
        event = Event(story=self.story, headline=mention.headline, summary=mention.quote, terms=dict(mention.terms),
                      dated_by=mention.dated_by)
        event.set_value(mention.value, mention.mod, mention.first, mention.last)
        candidate = Candidate(event, self.vocabulary, _members=[])
        self.add(candidate, mention)
        return candidate

    def add(self, candidate: Candidate, mention: Mention) -> None:
        """Place a mention in an event (out of the one it was in)."""
        current = self.of(mention)
        if current is candidate:
            return
        if current is not None:
            self.remove(mention)
        candidate.used = self._batch
        redated = candidate.join(mention)
        self._post(candidate, mention.terms)
        self._home[id(mention)] = candidate
        self.moved[id(mention)] = mention
        self.touched.add(candidate)
        if redated or not candidate.months:
            self._register(candidate)

    def remove(self, mention: Mention) -> None:
        """Take a mention out of its event (it is deleted, or waits, or moves)."""
        current = self.of(mention)
        if current is None:
            return
        self._home.pop(id(mention), None)
        redated = current.leave(mention)
        self.touched.add(current)
        self.moved[id(mention)] = mention
        if redated:
            self._register(current)

    def discard(self, mention: Mention) -> None:
        """A mention is deleted: out of its event, and nothing of it to write."""
        self.remove(mention)
        self.moved.pop(id(mention), None)

    def merge(self, candidate: Candidate, target: Candidate, evidence: dict) -> None:
        """Move every mention of `candidate` to `target`, keep the evidence of both; the emptied event goes."""
        moved = [mention.pk for mention in candidate.members]
        for mention in list(candidate.members):
            self.add(target, mention)
        if target.event.is_automatic:
            self.evidenced.add(target)
            target.event.merge_evidence = [
                *target.event.merge_evidence,
                *candidate.event.merge_evidence,
                {"merged_event": candidate.pk, "headline": candidate.event.headline, "value": candidate.event.value,
                 "mentions": moved, **evidence},
            ]

    def shed(self, most: int = HELD_EVENTS) -> None:
        """Between batches, with everything saved: once more than `most` events are held, let go of those
        the build has not looked at in this batch or the one before, so that its memory stays bounded
        however many articles it reads (they are read again from the database if a later article asks
        for their dates or words; which months and words were read is forgotten, to be asked again)."""
        self._batch += 1
        if len(self.by_pk) <= most:
            return
        assert not (self.touched or self.moved or self.evidence or self.new_mentions or self.changed_mentions), "unsaved changes"
        recent = self._batch - 2
        kept = {pk: c for pk, c in self.by_pk.items() if c.used >= recent}
        if len(kept) > most * 3 // 4:
            kept = {}
        gone = {id(c) for pk, c in self.by_pk.items() if pk not in kept}
        self.by_pk = kept
        self._home = {key: c for key, c in self._home.items() if id(c) not in gone}
        self._buckets = defaultdict(list, {key: held for key, cs in self._buckets.items() if (held := [c for c in cs if id(c) not in gone])})
        self._by_term = defaultdict(list, {term: held for term, cs in self._by_term.items() if (held := [c for c in cs if id(c) not in gone])})
        self._long = [c for c in self._long if id(c) not in gone]
        self._loaded_months, self._long_loaded, self._told = set(), set(), set()

    def _used(self, candidates: list[Candidate]) -> list[Candidate]:
        for candidate in candidates:
            candidate.used = self._batch
        return candidates

    # ------------------------------------------------------------------ saving
    def save(self) -> tuple[int, int]:
        """Write what changed since the last save (the build saves every few dozen articles, so that rows
        go in large batches): new events, new and changed mentions, then the events whose date, headline
        or counts changed; emptied automatic events are deleted. Returns (events created, events deleted)."""
        new_mentions, changed_mentions = self.new_mentions, self.changed_mentions
        now = timezone.now()
        touched = sorted(self.touched, key=lambda c: c.born)  # in the order they were made: ids as reproducible as the build
        kept = [c for c in touched if c.members or (c.pk is not None and not c.event.is_automatic)]
        emptied = [c for c in touched if c.pk is not None and not c.members and c.event.is_automatic]
        fresh = [c for c in kept if c.pk is None]
        updated: dict[int, Event] = {}
        for candidate in kept:
            candidate.event.summarise(candidate.members)
            if candidate.pk is not None and (_fields(candidate.event) != candidate.saved or candidate in self.evidenced):
                candidate.event.updated_at = now
                updated[id(candidate.event)] = candidate.event
            candidate.saved = _fields(candidate.event)
        if fresh:
            bulk_create_with_history([c.event for c in fresh], Event, batch_size=BATCH)
            self.by_pk.update((c.pk, c) for c in fresh)
        for mention in self.moved.values():
            candidate = self._home.get(id(mention))
            mention.event_id = candidate.pk if candidate is not None else None
            mention.updated_at = now
        if new_mentions:
            bulk_create_with_history(new_mentions, Mention, batch_size=BATCH)
        unsaved = {id(mention) for mention in new_mentions}
        changed = {id(m): m for m in [*changed_mentions, *self.moved.values()] if id(m) not in unsaved and m.pk is not None}
        # A mention's every move is kept in its history, as an editor's is: what an editor reverts to is
        # where the build had put it.
        if changed:
            _update(list(changed.values()), ["event", "updated_at", *(_MENTION_FIELDS if changed_mentions else ())])
        for evidence, mention, candidate in self.evidence:
            evidence["mention"] = mention.pk
            if candidate.pk is not None:
                updated[id(candidate.event)] = candidate.event
        if updated:
            # An automatic event's new date, headline and counts follow from its mentions, whose every move
            # is in their history: the event's own history keeps its creation and what editors did.
            _update(list(updated.values()), EVENT_FIELDS, history=False)
        Reporter.keep({c.pk: [m.article for m in c.members] for c in kept})
        for candidate in emptied:
            self._forget(candidate)
        if emptied:
            Event.objects.filter(pk__in=[c.pk for c in emptied]).delete()
        self.touched, self.moved, self.evidence, self.evidenced = set(), {}, [], set()
        self.new_mentions, self.changed_mentions = [], []
        return len(fresh), len(emptied)

    # ------------------------------------------------------------------ keeping the months
    def _register(self, candidate: Candidate) -> None:
        """File an event under the day it is, or under the months its interval meets."""
        for key in candidate.months:
            self._buckets[key] = [c for c in self._buckets[key] if c is not candidate]
        if candidate in self._long:
            self._long.remove(candidate)
        event = candidate.event
        if event.status == Event.Status.HIDDEN:
            candidate.months = set()  # never matched; reached by its id only
        elif event.granularity in LONG_GRANULARITIES:
            candidate.months = {(0, 0)}
            self._long.append(candidate)
        else:
            candidate.months = {event.start} if event.start == event.end else set(_months(event.start, event.end))
            for key in candidate.months:
                self._buckets[key].append(candidate)

    def _post(self, candidate: Candidate, terms: Iterable[str]) -> None:
        for term in terms:
            holders = self._by_term[term]
            if not holders or holders[-1] is not candidate:
                holders.append(candidate)

    def _forget(self, candidate: Candidate) -> None:
        for key in candidate.months:
            self._buckets[key] = [c for c in self._buckets[key] if c is not candidate]
        if candidate in self._long:
            self._long.remove(candidate)
        candidate.months = set()
        self.by_pk.pop(candidate.pk, None)

    def _load_months(self, months: set[tuple[int, int]]) -> None:
        for month in sorted(months - self._loaded_months):
            self._loaded_months.add(month)
            first, last = _month_bounds(month)
            self._load_new(
                self._events().exclude(granularity__in=LONG_GRANULARITIES).filter(
                    start__gte=first - LONGEST_SHORT_SPAN, start__lte=last, end__gte=first
                )
            )

    def _load_long(self, first: date, last: date) -> None:
        """Read the decades and centuries that may hold a time between `first` and `last`."""
        for decade in range(first.year // 10, last.year // 10 + 1):
            if decade in self._long_loaded:
                continue
            self._long_loaded.add(decade)
            start, end = date(max(1, decade * 10), 1, 1), date(min(9999, decade * 10 + 9), 12, 31)
            self._load_new(self._events().filter(
                Q(granularity="decade", start__range=(date(max(1, decade * 10 - 10), 1, 1), end))
                | Q(granularity="century", start__range=(date(max(1, decade * 10 - 100), 1, 1), end)),
                end__gte=start,
            ))

    def _events(self):
        return Event.objects.filter(story=self.story)

    def _load_new(self, events) -> None:
        """Read the events of a query that the index does not hold yet (their ids first: the build holds
        most of the events it asks about, and reading them all again costs memory)."""
        unknown = [pk for pk in events.values_list("pk", flat=True) if pk not in self.by_pk]
        for start in range(0, len(unknown), BATCH):
            self._load(Event.objects.filter(pk__in=unknown[start : start + BATCH]))

    def _load(self, events) -> None:
        """Read events into the index (those not in it yet); their mentions are read when first needed."""
        events = [event for event in events if event.pk not in self.by_pk]
        self.vocabulary.frequency({term for event in events for term in event.terms})
        for event in events:
            candidate = Candidate(event, self.vocabulary, loader=self._read_members)
            candidate.saved = _fields(event)
            self.by_pk[event.pk] = candidate
            self._register(candidate)
            self._post(candidate, event.terms)

    def prefetch(self, pks: Iterable[int]) -> None:
        """Read these events, and the mentions of each, in a few queries (for going through many by id)."""
        pks = list(pks)
        wanted = [pk for pk in pks if pk not in self.by_pk]
        for start in range(0, len(wanted), BATCH):
            self._load(self._events().filter(pk__in=wanted[start : start + BATCH]))
        unread = [self.by_pk[pk] for pk in set(pks) if pk in self.by_pk and self.by_pk[pk]._members is None]
        for start in range(0, len(unread), BATCH):
            self._read_members_of(unread[start : start + BATCH])

    def _read_members(self, candidate: Candidate) -> None:
        self._read_members_of([candidate])

    def _read_members_of(self, candidates: list[Candidate]) -> None:
        """Read the live mentions of these events, in one query."""
        mentions = list(
            Mention.objects.filter(event_id__in=[c.pk for c in candidates]).exclude(status=Mention.Status.REMOVED)
            .select_related("article").only(*_MEMBER_FIELDS).order_by("pk")
        )
        by_event = defaultdict(list)
        for mention in mentions:
            by_event[mention.event_id].append(mention)
        self.vocabulary.frequency({term for mention in mentions for term in mention.terms})
        for candidate in candidates:
            candidate._members = by_event[candidate.pk]
            if candidate.recount():
                self._register(candidate)

FEW = 20  # below this many rows, saving each costs less than one bulk update (a CASE per field and row)


def _update(objects: list, fields: list[str], history: bool = True) -> None:
    """Write these fields of these rows, with a history record of each (or none)."""
    if len(objects) < FEW:
        for item in objects:
            if history:
                item.save(update_fields=fields)
            else:
                item.save_without_historical_record(update_fields=fields)
    elif history:
        bulk_update_with_history(objects, type(objects[0]), fields, batch_size=BATCH)
    else:
        _write(objects, fields)


def _write(objects: list, fields: list[str]) -> None:
    """One UPDATE per row, sent at once: Django's bulk update builds a CASE per field and row, which cost
    more than the rest of a corpus build's writing."""
    meta = type(objects[0])._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    sql = (f"UPDATE {quote(meta.db_table)} SET {', '.join(f'{quote(c.column)} = %s' for c in columns)} "
           f"WHERE {quote(meta.pk.column)} = %s")
    rows = [[c.get_db_prep_save(getattr(item, c.attname), connection) for c in columns] + [item.pk] for item in objects]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _fields(event: Event) -> tuple:
    return tuple(getattr(event, name) for name in EVENT_FIELDS)


_MENTION_FIELDS = (
    "quote", "sentence_start", "sentence_end", "headline", "phrase", "phrase_start", "phrase_end", "value", "timex_type",
    "first", "last", "rule", "anchor", "direction", "reason", "terms", "reported", "mod", "dated_by", "lead",
)
_MEMBER_FIELDS = (
    "event", "article", "status", "quote", "sentence_start", "headline", "phrase_start", "phrase_end", "value", "first", "last",
    "terms", "reported", "mod", "dated_by", "lead", "article__source", "article__agency", "article__copy_of",
    "article__published", "article__ingested_at",
)
