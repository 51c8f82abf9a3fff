"""What editors do to the timeline. Each change is saved record by record, so that the history of every
event and mention shows it, with who did it; a merge is undone as a whole by `unmerge`."""

import re

from django.db import transaction

from newsdates.calendar import interval

from .models import Event, Mention

# The time part of a TIMEX3 value: a clock time (hours 00–24, minutes and seconds 00–59; 24 only as 24:00)
# or a part of the day. The date part is checked by the calendar.
_TIME = re.compile(r"^(?:(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?|MO|MI|AF|EV|NI|DT)$")


class EditRefused(Exception):
    """An edit that would leave the timeline wrong; the message says why, for the editor."""


def date_value_problem(value: str) -> str:
    """Why `value` is not a TIMEX3 date this timeline can place, or "" when it is one."""
    example = "(e.g. 2019-04-24, 2019-04-24T10:30, 2019-W16, 2019-02, 2019)"
    if "T" in value:
        day, _, time = value.partition("T")
        match = _TIME.match(time)
        if not match or not re.match(r"^\d{4}-\d{2}-\d{2}$", day):
            return f"That is not a TIMEX3 date and time this timeline can place {example}."
        hour, minute, second = (int(match[name]) if match[name] else 0 for name in ("hour", "minute", "second"))
        if hour > 24 or minute > 59 or second > 59 or (hour == 24 and (minute or second)):
            return "The time of day is out of range: hours go from 00 to 23, minutes and seconds from 00 to 59."
    if interval(value) is None:
        return f"That is not a TIMEX3 date this timeline can place {example}."
    return ""


def preview_merge(survivor: Event, others: list[Event]) -> dict:
    """What a merge would give: the surviving event, and every event's date, headline and sources."""
    events = [survivor, *others]
    return {
        "survivor": survivor,
        "events": [
            {"event": event, "sources": sorted({m.article.source_label for m in event.live_mentions().select_related(
                "article__source", "article__agency")}), "mentions": event.live_mentions().count()}
            for event in events
        ],
        "mentions": sum(event.live_mentions().count() for event in others),
    }


@transaction.atomic
def merge_events(target: Event, others: list[Event], by: str = "") -> Event:
    """Move the mentions of `others` to `target` and hide the others. Each merged-away event records which
    mentions it gave and how they stood, so that `unmerge` puts everything back in one action."""
    for other in others:
        if other.pk == target.pk:
            continue
        if other.story_id != target.story_id:
            raise EditRefused(f"“{other.headline}” belongs to another story: only events of one story can be merged.")
        moved = []
        for mention in other.mentions.all():
            moved.append([mention.pk, mention.status])
            mention.event = target
            mention.status = Mention.Status.PINNED if mention.status == Mention.Status.AUTOMATIC else mention.status
            mention.save()
        target.merge_evidence = [
            *target.merge_evidence,
            {"merged_event": other.pk, "headline": other.headline, "value": other.value, "dates": f"{other.value} and {target.value}",
             "shared": [], "by": by or "an editor"},
        ]
        other.merge_evidence = [
            *other.merge_evidence,
            {"merged_into": target.pk, "moved": moved, "status": other.status, "by": by or "an editor"},
        ]
        other.merged_into = target
        other.status = Event.Status.HIDDEN
        other.save()
        other.refresh_from_mentions()
    target.status = Event.Status.EDITED
    target.save()
    target.refresh_from_mentions()
    return target


@transaction.atomic
def unmerge(event: Event, by: str = "") -> list[Event]:
    """Undo editors' merges: of `event` into another (when it was merged away), or of every event merged into
    it. The moved mentions go back as they were (those an editor has since moved elsewhere stay there), and
    each merged-away event shows again. Returns the events restored."""
    merged_away = [event] if event.merged_into_id else list(event.merged_events.all())
    if not merged_away:
        raise EditRefused(f"“{event.headline}” was not merged by an editor: there is no merge to undo.")
    restored = []
    for other in merged_away:
        target = other.merged_into
        record = next((item for item in reversed(other.merge_evidence) if item.get("merged_into") == target.pk), None)
        moved = dict(record["moved"]) if record else {}
        for mention in Mention.objects.filter(pk__in=moved, event=target):
            mention.event = other
            mention.status = moved[mention.pk]
            mention.save()
        other.status = record["status"] if record and record["status"] != Event.Status.HIDDEN else Event.Status.EDITED
        other.merged_into = None
        other.merge_evidence = [*other.merge_evidence, {"unmerged_from": target.pk, "by": by or "an editor"}]
        other.save()
        other.refresh_from_mentions()
        target.merge_evidence = [item for item in target.merge_evidence if item.get("merged_event") != other.pk]
        target.save()
        target.refresh_from_mentions()
        restored.append(other)
    return restored


def move_to_new_event(mention: Mention, by: str = "") -> Event:
    """Split: the mention leaves its event for a new one of its own, which the editor owns."""
    previous = mention.event
    event = Event(story_id=mention.story_id, headline=mention.headline, summary=mention.quote, terms=dict(mention.terms),
                  status=Event.Status.EDITED, merge_evidence=[{"split_from": previous.pk if previous else None, "by": by or "an editor"}])
    event.set_value(mention.value)
    event.save()
    mention.event = event
    mention.status = Mention.Status.PINNED
    mention.save()
    event.refresh_from_mentions()
    if previous is not None:
        previous.refresh_from_mentions()
    return event


def hide_events(events) -> int:
    changed = 0
    for event in events:
        if event.status != Event.Status.HIDDEN:
            event.status = Event.Status.HIDDEN
            event.save()
            changed += 1
    return changed


def show_refusal(event: Event) -> str:
    """Why a hidden event cannot be shown again as it stands, or "" when it can."""
    if event.merged_into_id:
        return (f"“{event.headline}” was merged into “{event.merged_into.headline}”, which now holds its sources: "
                f"unmerge it instead.")
    if not event.live_mentions().exists():
        return f"“{event.headline}” cites no article any more (its mentions are elsewhere or removed): it would show with 0 sources."
    return ""


def unhide_events(events) -> tuple[int, list[str]]:
    """Show hidden events again; those that would be wrong to show stay hidden, each with the reason."""
    shown, refusals = 0, []
    for event in events.filter(status=Event.Status.HIDDEN).select_related("merged_into"):
        if reason := show_refusal(event):
            refusals.append(reason)
            continue
        event.status = Event.Status.EDITED
        event.save()
        shown += 1
    return shown, refusals


def review_events(events) -> int:
    changed = 0
    for event in events.filter(reviewed=False):
        event.reviewed = True
        if event.status == Event.Status.AUTOMATIC:
            event.status = Event.Status.EDITED  # reviewed means an editor stands by it: the build keeps it
        event.save()
        changed += 1
    return changed


def set_date(event: Event, value: str) -> None:
    """An editor's date for the event: validated, then the interval and granularity follow; the event is the editor's."""
    if problem := date_value_problem(value):
        raise EditRefused(problem)
    event.set_value(value)
    if event.status == Event.Status.AUTOMATIC:
        event.status = Event.Status.EDITED
    event.save()
