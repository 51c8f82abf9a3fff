import logging
from collections import OrderedDict
from urllib.parse import urlsplit

from django.core.paginator import EmptyPage, Paginator
from django.db.models import BooleanField, Case, Count, Q, Value, When
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html, format_html_join
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from articles.models import Article, Source, Story
from newsdates import granularity
from newsdates.anchoring import annotate

from . import axis
from .caching import shared_with_readers
from .exports import FORMATS, files
from .exports.records import with_mentions
from .filters import UNKNOWN_SOURCE, TimelineFilters, filter_events, source_counts, without_source
from .models import Event, Mention
from .newsroom import DateForm
from .permissions import is_editor
from .stories import only_story, story_list

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
ARTICLES_PAGE_SIZE = 50
DENSE_YEAR = 8  # more events than this in a year on one page: group them by month too


def _can_edit(request) -> bool:
    return is_editor(request.user)


def _story_or_list(slug: str | None):
    """The story a URL means: the one named, else the only one; None (the list of stories instead) when several."""
    if slug is None:
        return only_story()
    return get_object_or_404(Story, slug=slug)


def _timeline_url(story: Story, named: bool) -> str:
    """Where a story's timeline lives: / while it is the only story (and was reached so), else /stories/<slug>/."""
    return reverse("timeline:story", args=[story.slug]) if named else reverse("timeline:timeline")


def _is_partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def _has_blank_parameters(query) -> bool:
    return any(not value.strip() for values in query.lists() for value in values[1])


def _ordered(cleaned: dict, story: Story | None):
    """The story's events the filters select, in list order. With a date range, the events wholly inside it
    come first; those dated more broadly ("2019" for a week in April) follow, flagged `broader`."""
    events = filter_events(cleaned, story)
    first, last = cleaned.get("from"), cleaned.get("to")
    inside = Q()
    if first:
        inside &= Q(start__gte=first[0])
    if last:
        inside &= Q(end__lte=last[1])
    broader = Case(When(inside, then=Value(False)), default=Value(True), output_field=BooleanField()) if inside else Value(False)
    return events.annotate(broader=broader).order_by("broader", "start", "end", "pk")


@require_safe
@vary_on_headers("HX-Request")
@shared_with_readers
def timeline(request, slug: str | None = None):
    """A story's timeline at /stories/<slug>/; at / the only story's, or the list of stories when there are several."""
    story = _story_or_list(slug)
    if story is None:
        return story_list(request)
    timeline_url = _timeline_url(story, slug is not None)
    form = TimelineFilters(request.GET, story=story)
    if not _is_partial(request) and _has_blank_parameters(request.GET):
        # A form submitted without JavaScript sends its empty fields too: share the URL without them.
        query = form.canonical_query().urlencode()
        return redirect(f"{request.path}?{query}" if query else request.path)
    valid = form.is_valid()
    if not valid and _is_partial(request):
        # The last good results stay on screen; only the messages next to the fields change.
        response = render(request, "timeline/page.html#filter-errors", {"form": form}, status=400)
        response["HX-Reswap"] = "none"
        response["HX-Push-Url"] = "false"
        return response
    cleaned = form.cleaned_data if valid else form.valid_part()
    events = _ordered(cleaned, story)
    unit, slots = axis.density(events, cleaned["from"][0] if cleaned.get("from") else None, cleaned["to"][1] if cleaned.get("to") else None)
    paginator = Paginator(events, PAGE_SIZE)
    paginator.count = sum(slot.count for slot in slots)  # the axis has just counted the same events by period
    try:
        page = paginator.page(cleaned.get("page") or 1)
    except EmptyPage:
        last = timeline_url + _query(form.canonical_query(), page=paginator.num_pages)
        return render(request, "404.html", {
            "message": f"There is no page {cleaned['page']} of these results: they fill {paginator.num_pages} "
                       f"page{'s' if paginator.num_pages != 1 else ''}.",
            "link": last, "link_text": "Go to the last page"}, status=404)
    listed = list(page.object_list)
    broader_pks = {event.pk for event in listed if event.broader}
    shown = list(with_mentions(Event.objects.filter(pk__in=[e.pk for e in listed]).order_by("start", "end", "pk")))
    inside = [event for event in shown if event.pk not in broader_pks]
    broader = [event for event in shown if event.pk in broader_pks]

    others = filter_events(without_source(cleaned), story)
    counts = source_counts(others)
    chosen = set(cleaned.get("source") or [])
    sources = [
        {"slug": source_slug, "name": name, "events": counts.get(source_slug, 0), "checked": source_slug in chosen}
        for source_slug, name in [*form.sources, (UNKNOWN_SOURCE, "Unknown source")]
    ]
    slots, ticks = axis.overview(unit, slots)
    filters_query = cleaned_query(form)  # links carry the valid filters only
    for slot in slots:
        slot.href = _query(filters_query, **{"from": slot.period, "to": slot.period, "page": None})
    context = {
        "form": form,
        "page": page,
        "groups": _group(inside),
        "broader": broader,
        "sources": sources,
        "precisions": _precisions(cleaned, story),
        "unit": unit,
        "slots": slots,
        "ticks": ticks,
        "axis_height": axis.HEIGHT,
        "filters_query": filters_query,
        "event_query": _query(filters_query, page=None),
        "active_filters": _active_filters(cleaned),
        "range_text": _range_text(cleaned),
        "title": _title(cleaned, sources, story.title),
        "story": story,
        "timeline_url": timeline_url,
        "axis_url": reverse("timeline:story-axis-data", args=[story.slug]) if slug else reverse("timeline:axis-data"),
        "export_links": [
            {"label": f.label, "url": reverse(f"timeline:story-export-{f.name}", args=[story.slug]) if slug else reverse(f.url_name)}
            for f in FORMATS.values()
        ],
        "can_edit": _can_edit(request),
    }
    if _is_partial(request):
        response = render(request, "timeline/page.html#results-update", context)
        response["HX-Push-Url"] = timeline_url + _query(filters_query)
        return response
    return render(request, "timeline/page.html", context, status=200 if valid else 400)


def _query(query, **changes) -> str:
    """`?a=1&b=2` for a QueryDict with some parameters changed (None removes one); "" when none is left."""
    query = query.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def _precisions(cleaned: dict, story: Story) -> list[dict]:
    """The precisions events on this timeline have, each with how many match the other filters; a
    precision asked for in the URL stays offered even when no event has it, so that it can be unticked."""
    others = {**cleaned, "granularity": []}
    counts = dict(filter_events(others, story).order_by().values_list("granularity").annotate(n=Count("*")))
    if _active_filters(others):
        shown = Event.objects.filter(story=story).exclude(status=Event.Status.HIDDEN)
        present = set(shown.order_by().values_list("granularity", flat=True).distinct())
    else:
        present = set(counts)  # the same events: no second query
    chosen = set(cleaned.get("granularity") or [])
    return [
        {"name": g.name, "label": g.label, "events": counts.get(g.name, 0), "checked": g.name in chosen}
        for g in granularity.GRANULARITIES
        if g.name in present or g.name in chosen
    ]


def _active_filters(cleaned: dict) -> int:
    names = ("source", "from", "to", "q", "min_sources", "granularity", "within")
    return sum(1 for name in names if cleaned.get(name))


def _range_text(cleaned: dict) -> str:
    first, last = cleaned.get("from"), cleaned.get("to")
    if first and last:
        return f"{first[0]:%-d %B %Y} to {last[1]:%-d %B %Y}"
    if first:
        return f"from {first[0]:%-d %B %Y}"
    if last:
        return f"until {last[1]:%-d %B %Y}"
    return ""


def _title(cleaned: dict, sources: list[dict], name: str = "Timeline") -> str:
    """The tab's title names the filters, so that tabs and bookmarks tell the views apart."""
    parts = []
    names = [source["name"] for source in sources if source["checked"]]
    if names:
        parts.append(", ".join(names) if len(names) <= 2 else f"{len(names)} sources")
    if _range_text(cleaned):
        parts.append(_range_text(cleaned))
    if cleaned.get("q"):
        parts.append(f"“{cleaned['q']}”")
    if cleaned.get("min_sources"):
        parts.append(f"{cleaned['min_sources']}+ sources")
    if cleaned.get("granularity"):
        parts.append(", ".join(cleaned["granularity"]))
    if cleaned.get("page") and cleaned["page"] > 1:
        parts.append(f"page {cleaned['page']}")
    return f"{name}: {' · '.join(parts)}" if parts else name


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


@require_safe
@gzip_page
@shared_with_readers
def axis_data(request, slug: str | None = None):
    """The interactive axis's data for the current filters: compact, one row per event."""
    story = _story_or_list(slug)
    if story is None:
        return JsonResponse({"error": "There are several stories: ask for /stories/<slug>/axis.json."}, status=400)
    form = TimelineFilters(request.GET, story=story)
    if not form.is_valid():
        return JsonResponse({"error": form.error_text()}, status=400)
    return JsonResponse(axis.axis_data(_ordered(form.cleaned_data, story), PAGE_SIZE))


def _survivor_of(pk: int) -> Event | None:
    """The shown event that an event merged into: an editor's merge records it on the merged-away event;
    automatic ones record `{"merged_event": pk}` in the survivor's evidence. Only asked for events that are
    gone or hidden, so a text match on the JSON is cheap enough; the exact key is checked on the few candidates."""
    merged = Event.objects.filter(pk=pk, merged_into__isnull=False).select_related("merged_into").first()
    if merged is not None and merged.merged_into.status != Event.Status.HIDDEN:
        return merged.merged_into
    candidates = Event.objects.exclude(status=Event.Status.HIDDEN).filter(merge_evidence__icontains=f'"merged_event": {pk}')
    for candidate in candidates.order_by("-updated_at"):
        if any(isinstance(item, dict) and item.get("merged_event") == pk for item in candidate.merge_evidence):
            return candidate
    return None


@require_safe
@vary_on_headers("HX-Request")
@shared_with_readers
def event(request, pk: int):
    found = Event.objects.exclude(status=Event.Status.HIDDEN).filter(pk=pk).first()
    if found is None:
        survivor = _survivor_of(pk)
        if survivor is None:
            raise Http404("No event has this number: it may have been removed.")
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(survivor.get_absolute_url() + (f"?{query}" if query else ""))
    [event] = with_mentions(Event.objects.filter(pk=found.pk).select_related("story"))
    context = {
        "event": event,
        "evidence": _readable_evidence(event, {m.pk: m for m in event.cited}),
        "can_edit": _can_edit(request),
        "date_form": DateForm(initial={"value": event.value}),
    }
    if _is_partial(request):
        return render(request, "timeline/event.html#provenance", context)
    form = TimelineFilters(request.GET, story=event.story)
    cleaned = form.cleaned_data if form.is_valid() else form.valid_part()
    filters_query = cleaned_query(form)
    order = list(_ordered(cleaned, event.story).values_list("pk", flat=True))
    neighbours = {}
    several_stories = only_story() is None
    timeline_url = _timeline_url(event.story, several_stories)
    back = timeline_url + _query(filters_query, page=None)
    if event.pk in order:
        index = order.index(event.pk)
        page_number = index // PAGE_SIZE + 1
        back = timeline_url + _query(filters_query, page=page_number if page_number > 1 else None) + f"#event-{event.pk}"
        event_query = _query(filters_query, page=None)
        if index > 0:
            neighbours["previous"] = reverse("timeline:event", args=[order[index - 1]]) + event_query
        if index + 1 < len(order):
            neighbours["next"] = reverse("timeline:event", args=[order[index + 1]]) + event_query
    context.update({"back": back, "neighbours": neighbours, "filtered": bool(_active_filters(cleaned)),
                    "several_stories": several_stories})
    return render(request, "timeline/event.html", context)


def cleaned_query(form: TimelineFilters):
    """The form's query without the parameters that failed validation."""
    query = form.canonical_query()
    for name in form.errors:
        query.pop(name, None)
    return query


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


@require_safe
def article(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("source", "agency"), pk=pk)
    mentions = {(m.phrase_start, m.phrase_end): m for m in article.mentions.exclude(status=Mention.Status.REMOVED)}
    spans = annotate(article.body, article.published)
    review = []
    if article.needs_review:
        if not article.source_id:
            review.append("source unknown")
        if not article.published:
            review.append("publication date unknown")
        elif article.published_how == "inferred":
            review.append("publication date inferred")
    evidence = article.source_evidence
    if article.source_how == "domain" and evidence.startswith(("http://", "https://")):
        evidence = urlsplit(evidence).hostname or evidence  # the domain was read, not the whole address
    return render(request, "articles/article.html", {
        "article": article, "body": highlighted_body(article.body, spans, mentions), "review": review,
        "source_evidence": evidence,
    })


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


@require_safe
def sources(request):
    """Every source with its counts, and the articles, a page at a time (all of them, or one source's)."""
    event_counts = {
        row["article__source_id"]: row["n"]
        for row in Mention.objects.exclude(status=Mention.Status.REMOVED).exclude(event=None).exclude(
            event__status=Event.Status.HIDDEN).values("article__source_id").annotate(n=Count("event", distinct=True))
    }
    article_counts = dict(Article.objects.order_by().values_list("source_id").annotate(n=Count("id")))
    listed = [
        {**row, "articles": article_counts.get(row["pk"], 0), "events": event_counts.get(row["pk"], 0)}
        for row in Source.objects.order_by("name").values("pk", "slug", "name", "kind", "domain")
    ]
    listed.append({"pk": None, "slug": UNKNOWN_SOURCE, "name": "Unknown source", "kind": "unknown", "domain": "",
                   "articles": article_counts.get(None, 0), "events": event_counts.get(None, 0)})
    listed = [source for source in listed if source["articles"]]
    by_slug = {source["slug"]: source for source in listed}
    chosen_slug = request.GET.get("source", "")
    if chosen_slug and chosen_slug not in by_slug:
        raise Http404("There is no such source.")
    articles = Article.objects.select_related("source").order_by("published", "file_name").only(
        "pk", "title", "published", "source_id", "source__name", "file_name")
    if chosen_slug == UNKNOWN_SOURCE:
        articles = articles.filter(source__isnull=True)
    elif chosen_slug:
        articles = articles.filter(source__slug=chosen_slug)
    try:
        number = int(request.GET.get("page") or 1)
        page = Paginator(articles, ARTICLES_PAGE_SIZE).page(number)
    except (ValueError, EmptyPage):
        raise Http404("There is no such page of articles.") from None
    return render(request, "timeline/sources.html", {
        "sources": listed, "chosen": by_slug.get(chosen_slug), "page": page,
        "query": {"source": chosen_slug} if chosen_slug else {},
    })


@require_safe
def export(request, format: str, slug: str | None = None):
    """A story's timeline as a file; the old /export/… URLs answer for the only story, or lead to the list."""
    if format not in FORMATS:
        raise Http404
    story = _story_or_list(slug)
    if story is None and Story.objects.exists():
        return redirect("timeline:stories")
    form = TimelineFilters(request.GET, story=story)
    if not form.is_valid():
        back = _timeline_url(story, slug is not None) if story else reverse("timeline:timeline")
        return render(request, "timeline/bad_request.html", {"form": form, "back": back + _query(cleaned_query(form))}, status=400)
    events = filter_events(form.cleaned_data, story)
    articles = Article.objects.filter(pk__in=Mention.objects.filter(event__in=events.order_by()).values("article_id")).order_by(
        "published", "file_name")
    export_format = FORMATS[format]
    kept, compressed = None, "gzip" in request.headers.get("Accept-Encoding", "")
    if story is not None and files.folder() is not None:
        try:
            path = files.kept(export_format, story, cleaned_query(form).urlencode(), articles, events)
            kept = open(files.gzipped(path) if compressed else path, "rb")
        except OSError as error:  # a full disk, a folder it may not write, a file just pruned: still sent
            logger.warning("export files: %s; the export is written for this request only", error)
    if kept is None:
        response = StreamingHttpResponse(export_format.stream(articles, events), content_type=export_format.content_type)
    else:
        response = FileResponse(kept, content_type=export_format.content_type)
        if compressed:
            response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ["Accept-Encoding"])
    response["Content-Disposition"] = f'attachment; filename="{export_format.file_name}"'
    return response
