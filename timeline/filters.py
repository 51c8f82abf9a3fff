"""The timeline's filters: query-string parameters, validated, and the querysets they select."""

import re
from calendar import monthrange
from datetime import date

from django import forms
from django.db.models import Count, Exists, OuterRef, Q
from django.http import QueryDict

from articles.models import Article, Source

from . import search
from .models import Event, Granularity, Reporter

UNKNOWN_SOURCE = "unknown"
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(text: str) -> tuple[date, date]:
    """'2019' → the year, '2019-04' → the month, '2019-04-24' → the day: its first and last day."""
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        raise ValueError
    year, month, day = int(match[1]), match[2], match[3]
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    month_number = int(month)
    if day is None:
        return date(year, month_number, 1), date(year, month_number, monthrange(year, month_number)[1])
    single = date(year, month_number, int(day))
    return single, single


class PartialDateField(forms.CharField):
    widget = forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"})

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=10, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_partial_date(value)
        except ValueError:
            raise forms.ValidationError(f"“{value}” is not a date: write a year (2019), a month (2019-04) or a day (2019-04-24).") from None


class TimelineFilters(forms.Form):
    """Every filter the timeline page, its fragments and its exports accept."""

    source = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple,
                                       error_messages={"invalid_choice": "There is no source “%(value)s” on this timeline."})
    q = forms.CharField(required=False, max_length=200, strip=True, label="Words in headlines and quotes",
                        widget=forms.SearchInput)
    min_sources = forms.IntegerField(
        required=False, min_value=1, max_value=1000, label="Reported by at least",
        error_messages={"invalid": "Give the number of sources as a whole number, such as 2.",
                        "min_value": "The number of sources must be at least 1.",
                        "max_value": "The number of sources can be at most 1,000."},
        widget=forms.Select(choices=[("", "any number of sources"), *((n, f"{n} sources") for n in range(2, 6))]),
    )
    granularity = forms.MultipleChoiceField(
        required=False, choices=Granularity.choices, widget=forms.CheckboxSelectMultiple, label="Precision",
        error_messages={"invalid_choice": "“%(value)s” is not a precision this timeline knows (day, week, month, year…)."})
    within = forms.BooleanField(required=False, label="Only events wholly inside these dates")
    page = forms.IntegerField(required=False, min_value=1,
                              error_messages={"invalid": "The page must be a whole number, such as 2.",
                                              "min_value": "Pages are numbered from 1."})

    def __init__(self, *args, story=None, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        # "from" is a Python keyword: these two fields are added by name.
        self.fields["from"] = PartialDateField(label="From")
        self.fields["to"] = PartialDateField(label="To")
        self.sources = list(story_sources(story).values_list("slug", "name"))  # read once: the view lists them too
        self.fields["source"].choices = [(UNKNOWN_SOURCE, "Unknown source"), *self.sources]

    def show_counts(self, counts: dict[str, int]) -> None:
        """Label each source choice with how many of the shown events it reports."""
        self.fields["source"].choices = [
            (slug, f"{name} ({counts.get(slug, 0)})") for slug, name in self.fields["source"].choices
        ]

    def canonical_query(self) -> QueryDict:
        """The filters as given, without empty or unknown parameters: what links and shared URLs carry."""
        query = QueryDict(mutable=True)
        for name in self.fields:
            values = [value for value in self.data.getlist(name) if value.strip()] if hasattr(self.data, "getlist") else []
            if values:
                query.setlist(name, values)
        return query

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start[0] > end[1]:
            self.add_error("to", "“To” is before “From”: the dates are the wrong way round.")
        return cleaned

    def error_text(self) -> str:
        """Every error in plain words, each led by its field's label ("From: “24/04/2019” is not a date…")."""
        parts = []
        for field, errors in self.errors.items():
            label = self.fields[field].label if field in self.fields else "Filters"
            parts.append(f"{label}: {' '.join(errors)}")
        return " ".join(parts)

    def valid_part(self) -> dict:
        """After a failed validation, the filters that were valid: what the page shows meanwhile."""
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}


def without_source(cleaned: dict) -> dict:
    return {**cleaned, "source": []}


def story_sources(story=None):
    """The outlets and agencies of the story's articles (every source when no story is given)."""
    if story is None:
        return Source.objects.order_by("name")
    # Whether each source has an article in the story (found at its first), not every article's source:
    # a story has tens of thousands of articles and a few dozen sources.
    articles = Article.objects.filter(stories=story)
    return Source.objects.filter(
        Exists(articles.filter(source=OuterRef("pk"))) | Exists(articles.filter(agency=OuterRef("pk")))
    ).order_by("name")


def filter_events(cleaned: dict, story=None):
    """The story's events (every story's when none is given) matching the filters; an event shows when its
    interval overlaps [from, to], or, with `within`, only when it lies wholly inside."""
    events = Event.objects.exclude(status=Event.Status.HIDDEN)
    if story is not None:
        events = events.filter(story=story)
    sources = cleaned.get("source") or []
    if sources:
        # A wire agency's stories are its own wherever they were printed ("By Reuters" in The Moscow Times).
        wanted = Q(source__slug__in=[s for s in sources if s != UNKNOWN_SOURCE])
        if UNKNOWN_SOURCE in sources:
            wanted |= Q(source__isnull=True)
        events = events.filter(pk__in=Reporter.objects.filter(wanted).values("event_id"))
    if cleaned.get("from"):
        events = events.filter(end__gte=cleaned["from"][0])
    if cleaned.get("to"):
        events = events.filter(start__lte=cleaned["to"][1])
    if cleaned.get("within"):
        if cleaned.get("from"):
            events = events.filter(start__gte=cleaned["from"][0])
        if cleaned.get("to"):
            events = events.filter(end__lte=cleaned["to"][1])
    if cleaned.get("min_sources"):
        events = events.filter(source_count__gte=cleaned["min_sources"])
    if cleaned.get("granularity"):
        events = events.filter(granularity__in=cleaned["granularity"])
    events = events.order_by("start", "end", "pk")
    if cleaned.get("q"):
        events = search.matching(events, cleaned["q"])
    return events


def source_counts(events) -> dict[str, int]:
    """For each source, how many of these events it reports, as outlet or as the wire agency of the story;
    articles known by neither together, under "unknown"."""
    rows = Reporter.objects.filter(event__in=events.order_by()).values("source__slug").annotate(events=Count("event"))
    return {row["source__slug"] or UNKNOWN_SOURCE: row["events"] for row in rows.order_by()}
