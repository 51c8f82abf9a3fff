"""What editors do to the timeline. Each change is saved record by record, so that the history of every
event and mention shows it, with who did it, and can be reverted from the admin."""

from .models import Event, Mention


def merge_events(target: Event, others: list[Event], by: str = "") -> Event:
    """Move the mentions of `others` to `target` and hide the others (kept, so the merge can be undone:
    revert the mentions from their history and show the events again)."""
    for other in others:
        for mention in other.mentions.all():
            mention.event = target
            mention.status = Mention.Status.PINNED if mention.status == Mention.Status.AUTOMATIC else mention.status
            mention.save()
        target.merge_evidence = [
            *target.merge_evidence,
            {"merged_event": other.pk, "headline": other.headline, "value": other.value, "dates": f"{other.value} and {target.value}",
             "shared": [], "by": by or "an editor"},
        ]
        other.status = Event.Status.HIDDEN
        other.save()
        other.refresh_from_mentions()
    target.status = Event.Status.EDITED
    target.save()
    target.refresh_from_mentions()
    return target


def move_to_new_event(mention: Mention, by: str = "") -> Event:
    """Split: the mention leaves its event for a new one of its own, which the editor owns."""
    previous = mention.event
    event = Event(headline=mention.headline, summary=mention.quote, terms=dict(mention.terms), status=Event.Status.EDITED,
                  merge_evidence=[{"split_from": previous.pk if previous else None, "by": by or "an editor"}])
    event.set_value(mention.value)
    event.save()
    mention.event = event
    mention.status = Mention.Status.PINNED
    mention.save()
    event.refresh_from_mentions()
    if previous is not None:
        previous.refresh_from_mentions()
    return event


def _set_status(events, status: str) -> int:
    changed = 0
    for event in events:
        if event.status != status:
            event.status = status
            event.save()
            changed += 1
    return changed


def hide_events(events) -> int:
    return _set_status(events, Event.Status.HIDDEN)


def unhide_events(events) -> int:
    return _set_status(events.filter(status=Event.Status.HIDDEN), Event.Status.EDITED)


def review_events(events) -> int:
    changed = 0
    for event in events.filter(reviewed=False):
        event.reviewed = True
        if event.status == Event.Status.AUTOMATIC:
            event.status = Event.Status.EDITED  # reviewed means an editor stands by it: the build keeps it
        event.save()
        changed += 1
    return changed
