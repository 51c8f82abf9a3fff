from collections import OrderedDict

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from articles.models import Article, Source, Story
from newsdates import granularity
from newsdates.anchoring import annotate

from . import axis
from .exports import FORMATS
from .exports.records import with_mentions
from .filters import UNKNOWN_SOURCE, TimelineFilters, filter_events, source_counts, without_source
from .models import Event, Mention
from .newsroom import DateForm
from .permissions import is_editor
from .stories import only_story, story_list

PAGE_SIZE = 50
DENSE_YEAR = 8  # more events than this in a year on one page: group them by month too


def _bad_request(request, form: TimelineFilters) -> HttpResponse:
    html = render_to_string("timeline/bad_request.html", {"message": form.error_text()}, request)
    return HttpResponseBadRequest(html)


@require_GET
@vary_on_headers("HX-Request")
def timeline(request, slug: str | None = None):
    """A story's timeline at /stories/<slug>/; at / the only story's, or the list of stories when there are several."""
    if slug is None:
        story = only_story()
        if story is None:
            return story_list(request)
    else:
        story = get_object_or_404(Story, slug=slug)
    form = TimelineFilters(request.GET, story=story)
    if not form.is_valid():
        return _bad_request(request, form)
    cleaned = form.cleaned_data
    events = filter_events(cleaned, story)
    page = Paginator(events, PAGE_SIZE).get_page(cleaned.get("page") or 1)
    shown = list(with_mentions(Event.objects.filter(pk__in=[e.pk for e in page.object_list]).order_by("start", "end", "pk")))
    counts = source_counts(filter_events(without_source(cleaned), story))
    chosen = set(cleaned.get("source") or [])
    sources = [
        {"slug": source_slug, "name": name, "events": counts.get(source_slug, 0), "checked": source_slug in chosen}
        for source_slug, name in [*story_sources(story).values_list("slug", "name"), (UNKNOWN_SOURCE, "Unknown source")]
    ]
    form.fields["source"].choices = [(source["slug"], source["name"]) for source in sources]
    form.show_counts(counts)
    first = cleaned["from"][0] if cleaned.get("from") else None
    last = cleaned["to"][1] if cleaned.get("to") else None
    unit, slots = axis.density(events, first, last)
    context = {
        "form": form,
        "page": page,
        "groups": _group(shown),
        "sources": sources,
        "unit": unit,
        "slots": axis.layout(unit, slots),
        "axis_width": axis.WIDTH,
        "axis_height": axis.HEIGHT,
        "filters_query": form.canonical_query(),
        "story": story,
        "timeline_url": reverse("timeline:timeline") if slug is None else reverse("timeline:story", args=[story.slug]),
        "export_links": [
            {"label": f.label, "url": reverse(f.url_name) if slug is None else reverse(f"timeline:story-export-{f.name}", args=[story.slug])}
            for f in FORMATS.values()
        ],
        "can_edit": is_editor(request.user),
    }
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "timeline/page.html#results" if partial else "timeline/page.html", context)


def story_sources(story: Story):
    """The outlets and agencies of the story's articles."""
    return Source.objects.filter(Q(articles__stories=story) | Q(agency_articles__stories=story)).distinct().order_by("name")


def _group(events: list[Event]) -> list[dict]:
    """Events by year, and by month within a year dense enough to need it."""
    years: OrderedDict[int, list[Event]] = OrderedDict()
    for event in events:
        years.setdefault(event.start.year, []).append(event)
    groups = []
    for year, items in years.items():
        if len(items) > DENSE_YEAR:
            months: OrderedDict[str, list[Event]] = OrderedDict()
            for event in items:
                key = f"{event.start:%B %Y}" if granularity.at_most(event.granularity, "month") else f"{year}, the whole year or longer"
                months.setdefault(key, []).append(event)
            groups.append({"label": str(year), "months": [{"label": k, "events": v} for k, v in months.items()]})
        else:
            groups.append({"label": str(year), "months": [{"label": "", "events": items}]})
    return groups


@require_GET
@vary_on_headers("HX-Request")
def event(request, pk: int):
    event = get_object_or_404(Event.objects.exclude(status=Event.Status.HIDDEN), pk=pk)
    [event] = with_mentions(Event.objects.filter(pk=event.pk).select_related("story"))
    context = {
        "event": event,
        "evidence": _readable_evidence(event, {m.pk: m for m in event.cited}),
        "can_edit": is_editor(request.user),
        "date_form": DateForm(initial={"value": event.value}),
    }
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "timeline/event.html#provenance" if partial else "timeline/event.html", context)


def _readable_evidence(event: Event, mentions: dict) -> list[str]:
    lines = []
    for item in event.merge_evidence:
        shared = ", ".join(item.get("shared", []))
        if "mention" in item and item["mention"] in mentions:
            mention = mentions[item["mention"]]
            lines.append(f"{mention.article.source_label}’s “{mention.phrase}” joined: {item.get('dates', '')}; "
                         f"alike at {item.get('score', 0):.2f}, sharing {shared}.")
        elif "merged_event" in item:
            lines.append(f"Merged with “{item.get('headline', '')}” ({item.get('value', '')}): {item.get('dates', '')}; "
                         f"alike at {item.get('score', 0):.2f}, sharing {shared}.".replace(" at 0.00", ""))
    return lines


@require_GET
def article(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("source", "agency"), pk=pk)
    mentions = {(m.phrase_start, m.phrase_end): m for m in article.mentions.exclude(status=Mention.Status.REMOVED)}
    spans = annotate(article.body, article.published)
    return render(request, "articles/article.html", {"article": article, "body": highlighted_body(article.body, spans, mentions)})


def highlighted_body(body: str, spans, mentions: dict) -> str:
    """The body as paragraphs, each temporal expression marked and, where it dates an event, linked to it."""
    paragraphs, cursor = [], 0
    for block in body.split("\n\n"):
        start = body.find(block, cursor)
        end = start + len(block)
        cursor = end
        pieces, position = [], start
        for span in spans:
            if span.start < start or span.end > end:
                continue
            pieces.append(format_html("{}", body[position : span.start]))
            title = f"{span.type} {span.value or 'waiting for a publication date'}"
            mention = mentions.get((span.start, span.end))
            if mention and mention.event_id:
                pieces.append(format_html('<a class="timex" href="/events/{}/" title="{}">{}</a>', mention.event_id, title, span.text))
            else:
                pieces.append(format_html('<mark class="timex" title="{}">{}</mark>', title, span.text))
            position = span.end
        pieces.append(format_html("{}", body[position:end]))
        paragraphs.append(format_html("<p>{}</p>", format_html_join("", "{}", ((p,) for p in pieces))))
    return format_html_join("\n", "{}", ((p,) for p in paragraphs))


@require_GET
def sources(request):
    rows = list(
        Source.objects.order_by("name").values("pk", "slug", "name", "kind", "domain")
    )
    articles = list(Article.objects.select_related("source").order_by("published", "file_name").only(
        "pk", "title", "published", "source_id", "source__name", "file_name"))
    event_counts = {
        row["article__source_id"]: row["n"]
        for row in Mention.objects.exclude(status=Mention.Status.REMOVED).exclude(event=None).exclude(
            event__status=Event.Status.HIDDEN).values("article__source_id").annotate(n=Count("event", distinct=True))
    }
    by_source: dict = {}
    for item in articles:
        by_source.setdefault(item.source_id, []).append(item)
    listed = [
        {**row, "articles": by_source.get(row["pk"], []), "events": event_counts.get(row["pk"], 0)}
        for row in rows
    ]
    listed.append({"pk": None, "slug": UNKNOWN_SOURCE, "name": "Unknown source", "kind": "unknown", "domain": "",
                   "articles": by_source.get(None, []), "events": event_counts.get(None, 0)})
    return render(request, "timeline/sources.html", {"sources": [s for s in listed if s["articles"]]})


@require_GET
def export(request, format: str, slug: str | None = None):
    """A story's timeline as a file; the old /export/… URLs answer for the only story, or lead to the list."""
    if format not in FORMATS:
        raise Http404
    if slug is None:
        story = only_story()
        if story is None and Story.objects.exists():
            return redirect("timeline:stories")
    else:
        story = get_object_or_404(Story, slug=slug)
    form = TimelineFilters(request.GET, story=story)
    if not form.is_valid():
        return _bad_request(request, form)
    events = filter_events(form.cleaned_data, story)
    articles = Article.objects.filter(pk__in=Mention.objects.filter(event__in=events.order_by()).values("article_id")).order_by(
        "published", "file_name")
    export_format = FORMATS[format]
    response = HttpResponse(export_format.render(articles, events), content_type=export_format.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export_format.file_name}"'
    return response
