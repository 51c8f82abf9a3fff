"""Times of day: "10:35 a.m. today", "1500 local time Wednesday", "noon", "4 in the morning", and the day
each belongs to."""

from datetime import date, timedelta

import regex

from ... import sentences
from ...lexicon import DAY_OFFSETS, HOUR_WORDS, MILITARY_TIME_ZONES, NOT_AFTER_AN_HOUR, NUMBER_WORDS, WEEKDAYS
from ..patterns import WEEKDAY, I, longest_first, one_of
from ..provenance import Anchor, AnchorKind, Reason
from ..rule import Example, Rule
from ..spans import NARRATIVE, POST, Context, Span, make, publication
from .weekdays import resolve_weekday


def _time_day(match, context: Context) -> tuple[date | None, Anchor | None, bool]:
    """The day a clock time belongs to, how it was found, and whether a day was named with the time
    (the weekday or relative day beside it) rather than taken from the reference."""
    if context.published and (named := _named_day(match, context, match.start(), match.end())):
        return *named, True  # "9 a.m. EST Tuesday", "at noon today"
    if context.published and (after := _DAY_AFTER_TIME.match(context.text, match.end())):
        # "10:35 a.m. (0735 GMT) Friday", "midday on Sunday": the day named right after the time
        bounds = (after.start("weekday"), after.end("weekday")) if after.group("weekday") else (after.start(), after.end())
        return *_named_day(after, context, *bounds), True
    if context.published and _AS_OF.search(context.text, max(0, match.start() - 12), match.start()):
        return context.published, publication(context), False  # "As of 10 a.m., the storm was…": the time of the report
    # the time just before, or the start of a range: "10 a.m. (0800 GMT) to 2 p.m."
    before = context.spans[-1] if context.spans and _JUST_AFTER.fullmatch(context.text, context.spans[-1].end, match.start()) else None
    if before and before.first and before.first == before.last:
        dayless = any(before is time for time in context.dayless_times)
        return before.first, before.origin if dayless else Anchor(AnchorKind.NAMED_DAY, before.first, before.text), not dayless
    if context.kind != NARRATIVE and context.published and context.story_day_end < _previous_sentence_start(context.text, match.start()):
        # a day named two sentences back no longer holds: "…from Thursday's close. At 15:40, gold was quoted…"
        return context.published, publication(context), False
    return (context.story_day.day, context.story_day, False) if context.story_day else (None, None, False)


def _named_day(found, context: Context, start: int, end: int) -> tuple[date, Anchor] | None:
    """The day a weekday ("Friday", "last Sunday") or a day word ("tomorrow") in `found` names, and how."""
    if found.groupdict().get("weekday"):
        word = (found.groupdict().get("relative") or "").lower()
        day, _, reason, _ = resolve_weekday(WEEKDAYS[found.group("weekday").lower()], word, context, start, end)
        return day, Anchor(AnchorKind.NAMED_DAY, day, found.group("weekday"), reason=reason)
    if found.groupdict().get("dayword"):
        day = context.published + timedelta(days=DAY_OFFSETS[found.group("dayword").lower()])
        return day, Anchor(AnchorKind.NAMED_DAY, day, found.group("dayword"))
    return None


_DAY_WORD = rf"(?P<dayword>{I(longest_first(word for word in DAY_OFFSETS if ' ' not in word and word not in ('tonight', 'tonite', '2nite', 'tnite')))})"
_DAY_AFTER_TIME = regex.compile(
    rf"\)?\s*(?:\([^()]{{1,24}}\)\s*)?,?\s*(?:{I(r'on|of')}\s+)?(?:(?:(?P<relative>{I(r'last|next|this')})\s+)?(?P<weekday>{WEEKDAY})|{_DAY_WORD})\b"
    # "4 in the morning (4 a.m. EDT Thursday)"; but "8:30 a.m. (2330 GMT Thursday)" is Friday where it happened
    rf"|\s*\((?![^()]*\b(?:GMT|UTC)\b)[^()]{{0,20}}?\b(?P<weekday>{WEEKDAY})\)"
)
_JUST_AFTER = regex.compile(r"(?s:.{0,4})|\)?\s*(?:(?i:to|and|or|until|till|through)\s+|[-–]\s*)")
_AS_OF = regex.compile(r"\b(?i:as\s+of)\s+(?:(?i:about|around)\s+)?$")


def _previous_sentence_start(text: str, position: int) -> int:
    sentence_start, _ = sentences.around(text, position, position)
    return sentences.around(text, sentence_start - 1, sentence_start - 1)[0] if sentence_start > 1 else 0


def _clock(match, context: Context, hour: int, minute: int) -> Span:
    day, anchor, named = _time_day(match, context)
    if day is None:
        return make(match, context, "TIME", "", why="time of day: waits for a publication date")
    span = make(match, context, "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", origin=anchor,
                why="time of day" if named else "time of day; no day named with it")
    span.first = span.last = day
    if not named:
        context.dayless_times.append(span)
    return span


def date_times_by_a_later_day(context: Context) -> None:
    """ "The accident occurred at 6:40 p.m. at the colliery on Sunday": a time with no day named before
    it takes the single day named later in its sentence, before any other time."""
    spans, text = context.spans, context.text
    dayless = {id(time) for time in context.dayless_times}
    for i, span in enumerate(spans):
        if id(span) not in dayless:
            continue
        _, sentence_end = sentences.around(text, span.start, span.end)
        for j, later in enumerate(spans[i + 1 :], start=i + 1):
            if later.start >= sentence_end or (later.type == "TIME" and id(later) not in dayless):
                break
            following = spans[j + 1] if j + 1 < len(spans) else None
            if (later.type == "DATE" and later.first and later.first == later.last
                    and not regex.search(r"[,;]", text[span.end : later.start])  # the same clause
                    and regex.search(r"\b(?i:on)\s+$", text[max(0, later.start - 4) : later.start])
                    and not (following and following.start - later.end <= 4)):  # "on Friday at 5 p.m.": that time's day
                span.value = later.first.isoformat() + span.value[10:]
                span.first = span.last = later.first
                span.origin = Anchor(AnchorKind.PHRASE, later.first, later.text, later.value)
                span.why = Reason(f"time of day, on the day named later: '{later.text}'")
                break


def clock_time(match, context):
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if hour > 12:
        return None
    ampm = match.group("ampm").lower()
    if ampm.startswith("p") and hour != 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    return _clock(match, context, hour, minute)


def military_time(match, context):
    hhmm = match.group("hhmm")
    return _clock(match, context, int(hhmm[:2]), int(hhmm[2:]))


def hour_of_day(match, context):
    """ "4 in the morning", "10 at night", "five o'clock": an hour said in words."""
    word = match.group("hour").lower()
    hour = int(word) if word.isdigit() else NUMBER_WORDS[word]
    part = " ".join((match.group("part") or "").lower().split())
    if part.endswith(("afternoon", "evening")) or (part == "at night" and hour >= 6):
        hour = hour % 12 + 12
    elif part.endswith("morning") and hour == 12:
        hour = 0
    return _clock(match, context, hour, 0)


def named_time(match, context):
    span = _clock(match, context, 12, 0)
    if span.value and match.group("word").lower() == "midnight":
        span.value = span.value[:10] + "T24:00"
    return span


_WEEKDAY_OR_DAY_WORD_AFTER = rf"(?:,?\s+(?:on\s+)?(?P<weekday>{WEEKDAY})|\s+{_DAY_WORD})?"
_HOUR = rf"(?P<hour>1[012]|0?[1-9]|{I(one_of(HOUR_WORDS))})"
_O_CLOCK = I(r"o'clock|o’clock")

RULES = [
    Rule(
        "clock_time", 350,
        rf"(?P<hour>[01]?\d)(?:[:.]?(?P<minute>[0-5]\d))?\+?\s*(?P<ampm>{I(r'a\.m\.?|p\.m\.?|am|pm')})(?:\s+(?P<zone>[A-Z]{{2,4}}T?))?{_WEEKDAY_OR_DAY_WORD_AFTER}(?!\w)",
        clock_time,
        moves_story=False,
        examples=(
            Example("The vote starts at 10:35 a.m. today.", date(2019, 4, 25), "2019-04-25T10:35", matched="10:35 a.m. today"),
            Example("Starts work at 7.30am until now, finally can eat my breakfast", date(2012, 5, 15), "2012-05-15T07:30", matched="7.30am"),
            Example("Event starts at 430pm @ Vivo Amphitheater !", date(2014, 4, 26), "2014-04-26T16:30", matched="430pm"),
        ),
    ),
    # "left school at 1015", "came back at abt 2250": four digits as a time, in posts only (in news "by 2010" is a year)
    Rule(
        "post_military_time", 455,
        rf"(?<=\b{I(r'at|abt|about|by|till|until')}\s)(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?![\d:/%]|[.,]\d|\s*{I(r'[ap]\.?m\b|hrs|hours|percent')})",
        lambda match, context: _clock(match, context, int(match.group("hour")), int(match.group("minute"))) if context.kind == POST else None,
        moves_story=False,
        examples=(
            Example("Left school at 1015, havnt had dinner, so freqking tired, AND H3 ECONS ESSAY TO DO FML", date(2015, 1, 28),
                    "2015-01-28T10:15", matched="1015"),
            Example("Long day, left camp at 5+am and came back at abt 2250.Survived", date(2014, 10, 23), "2014-10-23T22:50", matched="2250"),
        ),
    ),
    # "at 8:45", "@ 10:30": a clock time without a.m. or p.m., as written
    Rule(
        "clock_at", 365,
        rf"(?<=(?:\b{I(r'at|by|until|till|from|before|after|around|about')}|@)\s)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:]|\s*(?:{I(r'[ap]\.?m\b|%|percent')}))",
        lambda match, context: _clock(match, context, int(match.group("hour")), int(match.group("minute"))),
        moves_story=False,
        examples=(
            Example("Left school at 8:45 Reach home 2 hours later", date(2015, 4, 20), "2015-04-20T08:45", matched="8:45"),
            Example("The shooting started at 10:30, police said.", date(2005, 11, 20), "2005-11-20T10:30", matched="10:30"),
        ),
    ),
    Rule(
        "military_time", 360,
        rf"(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)\s+(?P<zone>{I(one_of(MILITARY_TIME_ZONES))}){_WEEKDAY_OR_DAY_WORD_AFTER}\b",
        military_time,
        moves_story=False,
        examples=(
            Example("The platforms were closed after 1500 local time Wednesday.", date(2019, 4, 26), "2019-04-24T15:00",
                    matched="1500 local time Wednesday"),
        ),
    ),
    # "Midnight" after a capitalised word is a name ("AFR Midnight Rambler"), as "High Noon" is
    Rule(
        "named_time", 370,
        rf"(?<!{I(r'high')}\s)(?:(?P<word>noon|midday|midnight)|(?P<word>Noon|Midday|Midnight|NOON|MIDDAY|MIDNIGHT)(?<!\b[A-Z][\w.]*\s+\w+))\b",
        named_time,
        moves_story=False,
        examples=(Example("The shelling stopped at midday.", date(2019, 4, 25), "2019-04-25T12:00", matched="midday"),),
    ),
    Rule(
        "hour_of_day", 380,
        rf"{_HOUR}(?:\s+{_O_CLOCK})?\s+(?P<part>{I(r'in\s+the\s+(?:morning|afternoon|evening)|at\s+night')})\b(?!\s+(?:{one_of(NOT_AFTER_AN_HOUR)})\b)"
        rf"|{_HOUR}\s+{_O_CLOCK}",
        hour_of_day,
        examples=(Example("He was shot at 10 at night.", date(2000, 4, 5), "2000-04-05T22:00", matched="10 at night"),),
    ),
]
