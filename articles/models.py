from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from newsdates import metadata
from newsdates.metadata import outlets


class Source(models.Model):
    """An outlet or agency that publishes stories."""

    class Kind(models.TextChoices):
        OUTLET = outlets.KIND_OUTLET, "news outlet"
        WIRE = outlets.KIND_WIRE, "wire agency"
        BLOG = outlets.KIND_BLOG, "blog"
        UNKNOWN = outlets.KIND_UNKNOWN, "unknown"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.UNKNOWN)
    domain = models.CharField(max_length=200, blank=True, help_text="Web domain, e.g. themoscowtimes.com")
    home_url = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def for_outlet(cls, outlet: outlets.Outlet) -> "Source":
        slug = slugify(outlet.name)[:200] or "source"
        source, created = cls.objects.get_or_create(
            slug=slug,
            defaults={
                "name": outlet.name,
                "kind": outlet.kind,
                "domain": outlet.domain,
                "home_url": f"https://{outlet.domain}/" if outlet.domain else "",
            },
        )
        if not created and outlet.domain and not source.domain:
            source.domain = outlet.domain
            source.home_url = source.home_url or f"https://{outlet.domain}/"
            source.save(update_fields=["domain", "home_url"])
        return source


def how_choices(name: str, field_name: str) -> type[models.TextChoices]:
    return models.TextChoices(name, [(how.upper(), (how, label)) for how, label in metadata.choices(field_name)])


class Article(models.Model):
    # How each value was found: the vocabulary and its precedence are newsdates.metadata's.
    PublishedHow = how_choices("PublishedHow", "published")
    SourceHow = how_choices("SourceHow", "source")

    class Precision(models.TextChoices):
        DAY = "day", "day"
        MONTH = "month", "month"
        YEAR = "year", "year"
        NONE = "", "unknown"

    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="articles")
    source_how = models.CharField(max_length=10, choices=SourceHow.choices, default=SourceHow.UNKNOWN)
    source_evidence = models.TextField(blank=True, help_text="The words the source was read from.")
    agency = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agency_articles",
        help_text="Wire agency credited with the story, where one is.",
    )
    title = models.CharField(max_length=500)
    title_how = models.CharField(max_length=10, default=metadata.HOW_TEXT)
    byline = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    published_how = models.CharField(max_length=10, choices=PublishedHow.choices, default=PublishedHow.UNKNOWN)
    published_precision = models.CharField(max_length=5, choices=Precision.choices, blank=True)
    published_evidence = models.TextField(blank=True, help_text="The words the date was read from.")
    published_confidence = models.FloatField(
        null=True, blank=True, help_text="For inferred dates: how sure the inference is, 0–1."
    )
    copy_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text="The article this one is a syndicated copy of (the same wire story): together they are one report.",
    )
    copy_score = models.FloatField(null=True, blank=True, help_text="Share of this text's word runs found in the original.")
    raw_text = models.TextField(help_text="The text exactly as ingested.")
    body = models.TextField(help_text="The story without page furniture.")
    notes = models.JSONField(default=list, blank=True, help_text="What ingestion noticed while reading the text.")
    content_hash = models.CharField(max_length=64, unique=True)
    # Set with every change of the article or of its stories, in the same transaction; cleared by the build
    # that reads it in every story: a build cut short (a crash, kill -9) leaves what it did not finish waiting.
    needs_build = models.BooleanField(default=True, db_index=True, help_text="Its timeline has yet to be built.")
    file_name = models.CharField(max_length=255, unique=True, help_text="Original file name; the article's key.")
    ingested_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The texts are the file's, restored by re-ingesting it; history keeps what editors change.
    history = HistoricalRecords(excluded_fields=["raw_text", "body", "notes", "needs_build"])

    class Meta:
        ordering = ["published", "file_name"]
        indexes = [
            models.Index(fields=["published"]),
            models.Index(fields=["source", "published"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("timeline:article", args=[self.pk])

    @property
    def needs_review(self) -> bool:
        return self.source_id is None or self.published is None or self.published_how == self.PublishedHow.INFERRED

    @property
    def source_label(self) -> str:
        """The outlet; else the wire agency; else what identifies the article (its byline or title)."""
        if self.source_id:
            return self.source.name
        if self.agency_id:
            return self.agency.name
        if self.byline:
            return f"{self.byline} (outlet unknown)"
        title = self.title if len(self.title) <= 60 else self.title[:57].rsplit(" ", 1)[0] + "…"
        return f"“{title}” (outlet unknown)"


class Story(models.Model):
    """A timeline of its own: the articles about one story, and (in the timeline app) the events built from them."""

    DEFAULT_SLUG = "timeline"  # where articles go when no story is named, as before stories existed
    DEFAULT_TITLE = "Timeline"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    articles = models.ManyToManyField(Article, related_name="stories", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "stories"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("timeline:story", args=[self.slug])

    @classmethod
    def named(cls, slug: str, title: str = "") -> "Story":
        """The story of this slug, created on first use (titled `title`, else after the slug)."""
        story, _ = cls.objects.get_or_create(slug=slug, defaults={"title": title or slug.replace("-", " ").capitalize()})
        return story

    @classmethod
    def default(cls) -> "Story":
        return cls.named(cls.DEFAULT_SLUG, cls.DEFAULT_TITLE)

    def touch(self) -> None:
        self.save(update_fields=["updated_at"])
