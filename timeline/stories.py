"""The newsroom's stories: the list at / (when there are several) and /stories/, and which story a URL without one means."""

from django.db.models import Count, Max, Min, OuterRef, Subquery
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles.models import Story

from .models import Event
from .permissions import is_editor


def only_story() -> Story | None:
    """The one story, when there is exactly one: URLs that name no story (/, /export/…) mean it."""
    stories = list(Story.objects.order_by("pk")[:2])
    return stories[0] if len(stories) == 1 else None


def stories_with_counts():
    """Every story with its article and event counts, its events' date span and its last change, in one query."""
    shown = Event.objects.filter(story=OuterRef("pk")).exclude(status=Event.Status.HIDDEN).order_by()
    return Story.objects.annotate(
        article_count=Count("articles", distinct=True),
        event_count=Subquery(shown.values("story").annotate(n=Count("pk")).values("n")[:1]),
        first_day=Subquery(shown.values("story").annotate(d=Min("start")).values("d")[:1]),
        last_day=Subquery(shown.values("story").annotate(d=Max("end")).values("d")[:1]),
        last_event_change=Subquery(Event.objects.filter(story=OuterRef("pk")).order_by().values("story").annotate(
            d=Max("updated_at")).values("d")[:1]),
    ).order_by("-updated_at", "title")


@require_GET
def story_list(request):
    stories = list(stories_with_counts())
    for story in stories:
        story.last_update = max(filter(None, [story.updated_at, story.last_event_change]))
        story.event_count = story.event_count or 0
    return render(request, "timeline/stories.html", {"stories": stories, "can_edit": is_editor(request.user)})

