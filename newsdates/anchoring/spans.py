"""What the engine finds (spans) and what it knows while reading a text (the context)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .provenance import Anchor, AnchorKind, Direction, Reason

NEWS = "news"  # relative expressions count from the publication date
NARRATIVE = "narrative"  # …from the last date the text established (a history, a biography)
POST = "post"  # a social-media post: news's reference, and the bare "morning", "winter", "February" of chat
AUTO = "auto"  # decided per document by what the text's own dates say (`text_kind`)

# Rule names a normaliser gives a span that must leave the story's date where it was: "the agency said
# Thursday" dates the saying, and "a year earlier" in a comparison is the baseline, not the story.
OFFSET_FROM_STORY = "offset_from_story"
WEEKDAY_OF_SAYING = "weekday_of_saying"


@dataclass
class Span:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value; "" while the expression waits for a reference date
    mod: str = ""
    first: date | None = None
    last: date | None = None
    rule: str = ""  # the rule that found it, or what its normaliser called it (OFFSET_FROM_STORY…)
    origin: Anchor | None = None  # what a relative value was counted from
    heading: Direction = Direction.NONE  # past / future / present, where the tense or a relative word decided
    why: Reason = field(default_factory=Reason)
    matched_by: str = ""  # the rule whose pattern matched, whatever the span is called

    @property
    def anchor(self) -> str:
        return str(self.origin) if self.origin is not None else ""

    @property
    def direction(self) -> str:
        return self.heading.value

    @property
    def reason(self) -> str:
        return str(self.why)

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "rule": self.rule,
            "anchor": self.anchor,
            "direction": self.direction,
            "reason": self.reason,
        }


@dataclass
class Context:
    text: str
    # The date relative expressions count from: the publication date in news; in narrative text the
    # last date the text established, moved as the engine reads (the publication date stays in `publication_date`).
    published: date | None
    kind: str
    publication_date: date | None = None
    # What the story has said so far, for expressions counted from it ("the next day", "that year"):
    story_day: Anchor | None = None  # the last single day the text established
    story_day_end: int = 0  # where the text established it
    story_date: Anchor | None = None  # the start of the last date of any granularity ("in 1976"…)
    story_counted_back: bool = False  # whether that date was counted back from the publication date ("a year ago")
    # The business period the text is about: the last quarter, half or fiscal year it named ("the third
    # quarter"), from which "a year earlier", "the year-ago period" and "the latest quarter" take their unit.
    period: Span | None = None
    spans: list[Span] = field(default_factory=list)
    dayless_times: list[Span] = field(default_factory=list)  # times dated by a fallback, no day named with them
    # The spans the expression at a position makes, for rules that read the expression after their own.
    expression_at: Callable[[int], list[Span]] = lambda position: []


def make(match, context: Context, type_: str, value: str, mod: str = "", origin: Anchor | None = None,
         heading: Direction = Direction.NONE, why: Reason | str = "", rule: str = "", start: int | None = None) -> Span:
    start = match.start() if start is None else start
    return Span(start, match.end(), context.text[start : match.end()], type_, value, mod or "", rule=rule,
                origin=origin, heading=heading, why=why if isinstance(why, Reason) else Reason(why))


def in_part_of_day(span: Span, part: str) -> Span:
    """A day's span narrowed to the part of the day the text names ("this morning": 1998-02-06TMO), a TIME
    as the TIMEX3 guidelines write it."""
    from ..lexicon import PART_OF_DAY_CODES

    code = PART_OF_DAY_CODES.get(" ".join(part.lower().split()).removeprefix("the ")) if part else None
    if code and span.value and len(span.value) == 10:
        span.value, span.type = f"{span.value}T{code}", "TIME"
    return span


def waiting(match, context: Context, type_: str = "DATE") -> Span | None:
    """A span that waits for a publication date, when the text has none; None when it has one."""
    if context.published is None:
        return make(match, context, type_, "", why="relative: waits for a publication date")
    return None


def publication(context: Context) -> Anchor:
    """What a relative expression counts from: the publication date, or in narrative text the story's date."""
    if context.kind == NARRATIVE and context.story_date is not None and context.story_date.kind is AnchorKind.PHRASE:
        return context.story_date
    return Anchor(AnchorKind.PUBLICATION, context.published)
