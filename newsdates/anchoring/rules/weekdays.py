"""Weekdays: "on Thursday", "last Tuesday", "Wednesday's ruling", "late Wednesday afternoon"."""

from datetime import date, timedelta

from ...lexicon import MOD_WORDS, WEEKDAYS
from ..patterns import PART_OF_DAY, WEEKDAY, WEEKDAY_SHORT, I, meaning, relative
from ..provenance import Cue, CueKind, Direction, Reason
from ..rule import Example, Rule
from ..spans import NARRATIVE, WEEKDAY_OF_SAYING, Context, in_part_of_day, make, publication, waiting
from ..tense import direction, saying_before

# "Wednesday's ruling" names an event; a modal alone is too weak to move it ahead.
_TOO_WEAK_FOR_A_POSSESSIVE = ("may", "might", "should", "can", "would")


def resolve_weekday(target: int, word: str, context: Context, start: int, end: int) -> tuple[date, Direction, Reason, date]:
    """The day a weekday name points to, the direction, why, and the date it was counted from."""
    base = context.published if context.kind != NARRATIVE else (context.story_day.day if context.story_day else context.published)
    back = (base.weekday() - target) % 7
    ahead = (target - base.weekday()) % 7
    relative_word = meaning(word) if word else None  # "past Monday", like "last Monday", is behind
    if relative_word and relative_word.steps < 0:
        return base - timedelta(days=back or 7), Direction.PAST, Reason(Cue(Direction.PAST, CueKind.RELATIVE_WORD, "last")), base
    if relative_word and relative_word.steps > 0:
        return base + timedelta(days=ahead or 7), Direction.FUTURE, Reason(Cue(Direction.FUTURE, CueKind.RELATIVE_WORD, word)), base
    if back == 0 and not relative_word:
        return base, Direction.PRESENT, Reason("same weekday as the publication date"), base
    cue = direction(context.text, start, end)
    way = cue.direction
    if relative_word:  # "this Friday"
        return (base - timedelta(days=back) if way is Direction.PAST else base + timedelta(days=ahead)), way, Reason(cue), base
    if way is Direction.FUTURE and cue.weak and back < ahead:
        return base - timedelta(days=back), Direction.PAST, Reason(cue, ": the nearer one"), base
    if way is Direction.FUTURE or (way is Direction.PRESENT and ahead <= 4):
        return base + timedelta(days=ahead), way, Reason(cue), base
    if way is not Direction.PAST:
        return base - timedelta(days=back), Direction.PAST, Reason(cue, ": news reports the past by default"), base
    return base - timedelta(days=back), Direction.PAST, Reason(cue), base


def weekday(match, context):
    target = WEEKDAYS[match.group("weekday").lower()]
    word = (match.group("relative") or "").lower()
    part = (match.group("part") or "").lower()
    mod = MOD_WORDS.get((match.group("mod") or "").lower(), "")
    if missing := waiting(match, context):
        return missing
    day, way, reason, base = resolve_weekday(target, word, context, match.start(), match.end())
    cue = reason.cue
    if (match.group(0).endswith(("'s", "’s")) and way is Direction.FUTURE and not word
            and cue.kind is CueKind.MODAL and cue.word in _TOO_WEAK_FOR_A_POSSESSIVE):
        # "Wednesday's ruling": a possessive weekday names an event; only a firm future cue moves it ahead
        day, way, reason = day - timedelta(days=7), Direction.PAST, reason + " is too weak for a possessive weekday"
    # "Friday night" is 2000-01-07TNI, as the TIMEX3 guidelines write it (the development set's
    # annotators mostly wrote the plain day); the span's first and last day stay that day.
    if part:
        reason = reason + f"; {part}"
    anchor = publication(context) if base == context.published else context.story_day
    # "the agency said Thursday": the day of the reporting, which leaves the story where it was
    rule = WEEKDAY_OF_SAYING if saying_before(context.text, match.start()) else ""
    span = make(match, context, "DATE", day.isoformat(), mod=mod, origin=anchor, heading=way, why=reason, rule=rule)
    span.first = span.last = day
    return in_part_of_day(span, part)


RULES = [
    Rule(
        "weekday", 290,
        rf"(?:(?P<mod>{I(r'early|late')})\s+)?(?:{relative('last', 'next', 'this', 'coming', 'past')}\s+)?(?P<weekday>{WEEKDAY})(?:['’]s)?(?:\s+(?P<part>{I(PART_OF_DAY)}))?\b"
        # "this Sat", "next fri", "on Mon": a short name where a word before it says it is a day
        rf"|(?:{relative('last', 'next', 'this', 'coming')}\s+|(?<=\b{I(r'on|every')}\s))(?P<weekday>{WEEKDAY_SHORT})\.?(?:\s+(?P<part>{I(PART_OF_DAY)}))?\b",
        weekday,
        examples=(
            Example("Kim crossed the border into Russia on Wednesday.", date(2019, 4, 24), "2019-04-24", matched="Wednesday"),
            Example("The leader will meet Putin in Vladivostok on Thursday.", date(2019, 4, 24), "2019-04-25", matched="Thursday"),
            Example("The two leaders met on Thursday.", date(2019, 4, 26), "2019-04-25", matched="Thursday"),
            Example("They talked last Tuesday.", date(2019, 4, 24), "2019-04-23", matched="last Tuesday"),
            Example("Kim arrived aboard his train early Wednesday evening.", date(2019, 4, 25), "2019-04-24TEV", matched="early Wednesday evening"),
        ),
    ),
]
