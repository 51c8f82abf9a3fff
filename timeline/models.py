import math
from collections import Counter

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.models import Article, Story
from newsdates import granularity
from newsdates.calendar import granularity as granularity_of
from newsdates.calendar import interval

# The vocabulary is newsdates.granularity's, shared with the engine, the pages and the exports.
Granularity = models.TextChoices("Granularity", [(g.name.upper(), (g.name, g.label)) for g in granularity.GRANULARITIES])


class DatedBy(models.TextChoices):
    """How a mention (and an event) got its date."""

    TEXT = "text", "a time its own text names"
    NARRATIVE = "narrative", "the time its paragraph narrates"
    REPORT = "report", "day of report: the article's publication date"


STEM_LENGTH = 100  # longer "words" (runs of hyphenated words) are counted as never seen elsewhere

MOD_WORDS = {"START": "early", "MID": "mid", "END": "end of", "APPROX": "about", "BEFORE": "before", "AFTER": "after",
             "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from"}


class Event(models.Model):
    """One happening, dated at the granularity its sources support, citing every article that reports it."""

    class Status(models.TextChoices):
        AUTOMATIC = "auto", "automatic"
        EDITED = "edited", "edited by an editor"
        HIDDEN = "hidden", "hidden"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="events")
    value = models.CharField(max_length=40, help_text="TIMEX3 value, e.g. 2019-04-24, 2019-W16, 2019-02, 1986")
    start = models.DateField(help_text="First day of the interval the value covers.")
    end = models.DateField(help_text="Last day of the interval the value covers.")
    granularity = models.CharField(max_length=10, choices=Granularity.choices)
    mod = models.CharField(max_length=12, blank=True, help_text="TIMEX3 mod: START, MID, END… (\u201cby the end of the year\u201d).")
    dated_by = models.CharField(
        max_length=10, choices=DatedBy.choices, default=DatedBy.TEXT,
        help_text="Whether its date is one the text names, or the day an article reported it.",
    )
    headline = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AUTOMATIC)
    reviewed = models.BooleanField(default=False, help_text="An editor has checked this event.")
    terms = models.JSONField(default=dict, blank=True, help_text="What its mentions say, as word stems; used to merge.")
    merge_evidence = models.JSONField(default=list, blank=True, help_text="Why each mention was merged into it.")
    source_count = models.PositiveIntegerField(default=0, help_text="Distinct sources citing it.")
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_events",
        help_text="The event an editor merged this one into (this one is hidden until the merge is undone).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["terms"])

    class Meta:
        ordering = ["start", "end", "id"]
        indexes = [
            # The timeline's counts (by year, by precision, by source) read only this index (PostgreSQL).
            models.Index(fields=["story", "start", "end"], include=["status", "granularity", "source_count", "id"],
                         name="event_story_dates_covering"),
            models.Index(fields=["status", "start"]),
            models.Index(fields=["source_count"]),
            models.Index(fields=["granularity", "start"]),  # the decades and centuries around a date, for the build
        ]

    def __str__(self):
        return f"{self.value}: {self.headline}"

    def get_absolute_url(self):
        return reverse("timeline:event", args=[self.pk])

    @property
    def when(self) -> str:
        """The date as a reader should see it, at its true granularity."""
        return granularity.describe(self.granularity, self.start, self.end)

    @property
    def is_automatic(self) -> bool:
        return self.status == self.Status.AUTOMATIC

    def set_value(self, value: str, mod: str = "", first=None, last=None) -> None:
        """Set the TIMEX3 value with the interval and granularity that follow from it. A `mod` ("the end
        of the year": 2019, END) narrows the interval to the part it names, given as `first`/`last`."""
        bounds = interval(value)
        if bounds is None:
            raise ValueError(f"{value!r} is not a TIMEX3 date value this timeline can place (e.g. 2019-04-24, 2019-W16, 2019-02, 2019)")
        self.value = value
        self.start, self.end = bounds
        self.mod = mod if mod in MOD_WORDS else ""
        if self.mod and first and last and bounds[0] <= first <= last <= bounds[1]:
            self.start, self.end = first, last
        self.granularity = granularity_of(value)

    @property
    def is_day_of_report(self) -> bool:
        return self.dated_by == DatedBy.REPORT

    @property
    def mod_words(self) -> str:
        return MOD_WORDS.get(self.mod, "")

    def live_mentions(self):
        return self.mentions.exclude(status=Mention.Status.REMOVED)

    def refresh_from_mentions(self) -> None:
        """Recompute what follows from the mentions (see `summarise`) and save."""
        mentions = list(self.live_mentions().select_related("article"))
        self.summarise(mentions)
        self.save()
        Reporter.keep({self.pk: [m.article for m in mentions]})

    def summarise(self, mentions: list["Mention"]) -> None:
        """Set what follows from these live mentions: always the source count; for an automatic event also
        its date, headline, summary and terms. An editor's event keeps the fields the editor set."""
        self.source_count = count_sources(m.article for m in mentions)
        # Supporting quotes (statements without a date of their own) are cited, but the date, the
        # headline and what the event says come from the statements that report the happening.
        mentions = [m for m in mentions if not m.is_supporting] or mentions
        if self.is_automatic and mentions:
            # A date the text names is preferred to a day of report, then the finest.
            precise = min(mentions, key=precision)
            self.set_value(precise.value, precise.mod, precise.first, precise.last)
            self.dated_by = precise.dated_by
            representative = _medoid(mentions)
            self.headline = representative.headline[:300]
            self.summary = representative.quote
            terms = Counter()
            for mention in mentions:
                terms.update(mention.terms)
            self.terms = {term: count / len(mentions) for term, count in terms.items()}

    @transaction.atomic
    def merge_into(self, other: "Event", evidence: dict | None = None) -> "Event":
        """Move every mention of this event to `other`, keep the evidence of both, and delete this one."""
        if other.pk == self.pk:
            return other
        moved = []
        for mention in self.mentions.all():  # one by one, so that each mention's history shows the move
            mention.event = other
            mention.save(update_fields=["event", "updated_at"])
            moved.append(mention.pk)
        other.merge_evidence = [
            *other.merge_evidence,
            *self.merge_evidence,
            {"merged_event": self.pk, "headline": self.headline, "value": self.value, "mentions": moved, **(evidence or {})},
        ]
        self.delete()
        other.refresh_from_mentions()
        return other


def precision(mention: "Mention") -> tuple:
    """How well a mention dates its event, best first: a date the text names, the finest, the earliest
    report, then the first said (by place, not id, so that a mention not saved yet ranks as it will)."""
    return (mention.dated_by != DatedBy.TEXT, mention.span_days,
            mention.article.published or mention.article.ingested_at.date(), mention.article_id, mention.phrase_start,
            mention.phrase_end)


def _medoid(mentions: list["Mention"]) -> "Mention":
    """The mention that stands best for the event: one whose date is an adverbial of its own clause
    ("met Putin on Thursday", not "left for a summit Thursday"), and among those the most like the others."""
    # The sum of a mention's cosines with all the others is its unit vector's dot product with the sum of
    # all the unit vectors, less one: one pass, not one per pair.
    units = [_unit(mention.terms) for mention in mentions]
    total: Counter = Counter()
    for unit in units:
        total.update(unit)

    def adverbial(mention) -> bool:
        before = mention.quote[: mention.phrase_start - mention.sentence_start].rstrip().lower()
        return before.endswith((" on", " in", " at", " during")) or before == ""

    def centrality(index: int) -> float:
        itself = 1.0 if units[index] else 0.0
        return round(sum(weight * total[term] for term, weight in units[index].items()) - itself, 9)

    # An article's lead states its news best; then a date in the clause's own adverbial.
    def first_said(mention) -> tuple:
        return (-mention.article_id, -mention.phrase_start, -mention.phrase_end)

    best = max(range(len(mentions)), key=lambda i: (mentions[i].lead, adverbial(mentions[i]), centrality(i), first_said(mentions[i])))
    return mentions[best]


def _unit(terms: dict) -> dict[str, float]:
    norm = math.sqrt(sum(weight * weight for weight in terms.values()))
    return {term: weight / norm for term, weight in terms.items()} if norm else {}


class Reporter(models.Model):
    """A source that reports an event: the outlet of an article citing it, or the wire agency of that
    article's story; no source for an article known by neither. Kept beside the mentions by the build and by
    every edit (`keep`), so that the timeline filters and counts sources without reading every mention's article."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reporters", db_index=False)
    source = models.ForeignKey("articles.Source", null=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["source", "event"]), models.Index(fields=["event", "source"])]

    def __str__(self):
        return f"{self.source or 'unknown source'} reports event {self.event_id}"

    @classmethod
    def keep(cls, cited: dict[int, list[Article]]) -> None:
        """Set the reporters of these events (by id) from the articles of their live mentions."""
        rows = []
        for event_id, articles in cited.items():
            sources = set()
            for article in articles:
                known = {article.source_id, article.agency_id} - {None}
                sources |= known or {None}
            rows += [cls(event_id=event_id, source_id=source) for source in sources]
        ids = list(cited)
        for start in range(0, len(ids), 500):
            cls.objects.filter(event_id__in=ids[start : start + 500]).delete()
        cls.objects.bulk_create(rows, batch_size=1000)


def is_supporting(dated_by: str, lead: bool) -> bool:
    """A statement without a date of its own, quoted in support of the event whose time it narrates."""
    return dated_by != DatedBy.TEXT and not lead


def count_sources(articles) -> int:
    """Independent reports: articles of one source count once, and so do syndicated copies of one story
    (each article whose source is unknown counts as a source of its own unless it is such a copy)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for article in {article.pk: article for article in articles}.values():
        keys = [f"article-{article.copy_of_id or article.pk}"]
        if article.source_id:
            keys.append(f"source-{article.source_id}")
        for key in keys[1:]:
            parent[find(key)] = find(keys[0])
        find(keys[0])
    return len({find(key) for key in parent})


class Mention(models.Model):
    """One article's statement of a happening: the sentence, its temporal phrase, and how it was anchored."""

    class Status(models.TextChoices):
        AUTOMATIC = "auto", "automatic"
        PINNED = "pinned", "placed by an editor"
        REMOVED = "removed", "removed by an editor"

    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions")
    # An article of several stories is read once for each: its mentions join that story's events.
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AUTOMATIC)
    quote = models.TextField(help_text="The sentence, as it stands in the article.")
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    headline = models.CharField(max_length=300)
    phrase = models.CharField(max_length=200)
    phrase_start = models.PositiveIntegerField(help_text="Offset of the temporal phrase in the article's body.")
    phrase_end = models.PositiveIntegerField()
    value = models.CharField(max_length=40, blank=True, help_text="TIMEX3 value; empty while waiting for a publication date.")
    timex_type = models.CharField(max_length=10, default="DATE")
    first = models.DateField(null=True, blank=True)
    last = models.DateField(null=True, blank=True)
    rule = models.CharField(max_length=40)
    anchor = models.CharField(max_length=200, blank=True, help_text="What a relative date was counted from.")
    direction = models.CharField(max_length=10, blank=True)
    reason = models.CharField(max_length=300, blank=True, help_text="Why it was anchored so.")
    terms = models.JSONField(default=dict, blank=True)
    reported = models.BooleanField(default=False, help_text="The date is that of someone saying something.")
    mod = models.CharField(max_length=12, blank=True, help_text="TIMEX3 mod of the phrase (START, MID, END…).")
    dated_by = models.CharField(max_length=10, choices=DatedBy.choices, default=DatedBy.TEXT)
    lead = models.BooleanField(default=False, help_text="The article's own news: the happening its lead reports.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["terms"])

    class Meta:
        ordering = ["article_id", "phrase_start"]
        constraints = [
            models.UniqueConstraint(fields=["story", "article", "phrase_start", "phrase_end"], name="one_mention_per_phrase_and_story"),
        ]
        indexes = [models.Index(fields=["first", "last"]), models.Index(fields=["article", "story", "status"])]

    def __str__(self):
        return f"{self.phrase} ({self.value or 'waiting'}) in {self.article}"

    @property
    def span_days(self) -> int:
        return (self.last - self.first).days if self.first and self.last else 10**6

    @property
    def is_supporting(self) -> bool:
        return is_supporting(self.dated_by, self.lead)

    @property
    def provenance(self) -> str:
        """How the phrase was anchored, in words: "'last week' → 2019-W16 (counted from publication date …)"."""
        if self.dated_by != DatedBy.TEXT:
            if not self.value:
                return "no time of its own; waits for the article's publication date"
            parts = [f"{self.value}: {self.reason}" if self.reason else self.value]
            if self.anchor:
                parts.append(f"from {self.anchor}")
            return "; ".join(parts)
        if not self.value:
            return f"'{self.phrase}' waits for the article's publication date"
        parts = [f"'{self.phrase}' → {self.value}"]
        if self.anchor:
            parts.append(f"counted from {self.anchor}")
        if self.reason:
            parts.append(self.reason)
        return "; ".join(parts)


class Job(models.Model):
    """Work started from the browser and done by a background task (an ingest or a rebuild), with the
    progress its page shows: Django's tasks framework reports a task's status and result, not how far
    along it is."""

    class Kind(models.TextChoices):
        INGEST = "ingest", "adding articles"
        REBUILD = "rebuild", "rebuilding the timeline"

    class State(models.TextChoices):
        QUEUED = "queued", "waiting for a worker"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "stopped by an error"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    task_id = models.CharField(max_length=64, blank=True, help_text="The id of the task's result in the tasks backend.")
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    current = models.CharField(max_length=300, blank=True, help_text="What the task is working on now.")
    failures = models.JSONField(default=list, blank=True, help_text="[{name, reason}] for each input that failed.")
    counts = models.JSONField(default=dict, blank=True, help_text="Outcomes so far: added, updated, unchanged, duplicate, failed.")
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} in {self.story} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("timeline:job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    OUTCOMES = ("added", "updated", "unchanged", "duplicate", "failed")

    @property
    def outcome_counts(self) -> list[tuple[str, int]]:
        """The outcomes so far in a fixed order (PostgreSQL's JSON keeps no key order)."""
        return [(status, self.counts[status]) for status in self.OUTCOMES if self.counts.get(status)]

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else (100 if self.finished else 0)


class JobInput(models.Model):
    """One thing to ingest, kept until the task has read it: an uploaded file, a pasted text, or a URL to fetch."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="inputs")
    name = models.CharField(max_length=255)
    data = models.BinaryField(blank=True)
    url = models.URLField(max_length=1000, blank=True)
    refused = models.CharField(max_length=300, blank=True, help_text="Why it was refused on arrival (too large), if it was.")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.url or self.name


class ArticleWords(models.Model):
    """An article's word stems, counted once when its text changes: the build weighs what a statement says
    by how many articles use each word, without reading the other articles again."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="words")
    content_hash = models.CharField(max_length=64, help_text="The article's content hash when its stems were counted.")
    stems = models.JSONField(default=dict, help_text="Each word stem of the body and how often it occurs.")

    def __str__(self):
        return f"words of {self.article_id}"


class WordFrequency(models.Model):
    """How many articles use a word stem (their stems are counted in ArticleWords)."""

    stem = models.CharField(max_length=STEM_LENGTH, primary_key=True)
    articles = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.stem}: {self.articles}"
