"""How a value was decided, as values: what it was counted from, which way it points, and the cue that said so.

Spans keep these and render the user-facing `anchor`, `direction` and `reason` strings from them, so
code that needs to know (is this cue weak? which word was it?) asks the values, never the wording.
"""

from dataclasses import dataclass
from datetime import date
from enum import Enum


class Direction(Enum):
    PAST = "past"
    FUTURE = "future"
    PRESENT = "present"
    NONE = ""  # no cue decided, or the cue was too weak to


class CueKind(Enum):
    TENSE = "tense"  # a verb form or a time word: "met", "will", "has risen", "now"
    MODAL = "modal"  # "may", "might", "should", "can", "would": ahead, but only for what follows
    SCHEDULE = "schedule"  # the simple present of a scheduled happening: "opens", "host", "ahead of"
    REPORTING = "reporting"  # "said", "told": what is said can be about the future
    FUTURE_IN_PAST = "future seen from the past"  # "was expected to", "planned": ahead of the planning only
    BOUND = "a bound"  # "by", "before", "for": a limit, which the past has too
    PREPOSITION = "preposition"  # "until", "ahead of", "since": the word right before the expression
    DELIVERY = "delivery"  # "crude for delivery in January": what is traded is ahead
    SAYING = "the day of the saying"  # "said Thursday": the day something was said
    RELATIVE_WORD = "relative word"  # "last", "next", "coming" in the expression itself
    DEFAULT = "default"  # no cue at all: news reports the past
    NO_CUE = "no cue"


# Kinds whose name the reason shows in place of the direction ("future seen from the past 'planned'").
_NAMED_IN_THE_REASON = (CueKind.FUTURE_IN_PAST, CueKind.BOUND, CueKind.SAYING)
_DIRECTION_WORDS = {Direction.FUTURE: "future", Direction.PAST: "past tense", Direction.PRESENT: "present tense"}


@dataclass(frozen=True)
class Cue:
    """The word that decided which way an expression points."""

    direction: Direction
    kind: CueKind
    word: str = ""

    @property
    def weak(self) -> bool:
        """Points ahead only from a past moment ("was expected to … in October") or only as a bound that the
        past has too ("had calmed down by September"): the caller takes the nearer date."""
        return self.kind in (CueKind.FUTURE_IN_PAST, CueKind.BOUND)

    def __str__(self) -> str:
        if self.kind is CueKind.NO_CUE:
            return "no tense cue in the sentence"
        if self.kind is CueKind.DEFAULT:
            return "no tense cue: news reports the past by default"
        if self.kind is CueKind.RELATIVE_WORD:
            return f"'{self.word}'"
        label = self.kind.value if self.kind in _NAMED_IN_THE_REASON else _DIRECTION_WORDS[self.direction]
        return f"{label} '{self.word}'"


NO_CUE = Cue(Direction.NONE, CueKind.NO_CUE)
PAST_BY_DEFAULT = Cue(Direction.PAST, CueKind.DEFAULT)


class Reason:
    """Why a value is what it is: prose around the cue that decided its direction, if a cue did."""

    __slots__ = ("parts",)

    def __init__(self, *parts: "str | Cue | Reason"):
        self.parts = parts

    @property
    def cue(self) -> Cue | None:
        for part in self.parts:
            found = part if isinstance(part, Cue) else part.cue if isinstance(part, Reason) else None
            if found:
                return found
        return None

    def __add__(self, more: str) -> "Reason":
        return Reason(*self.parts, more)

    def __str__(self) -> str:
        return "".join(str(part) for part in self.parts)

    def __repr__(self) -> str:
        return f"Reason({str(self)!r})"


class AnchorKind(Enum):
    PUBLICATION = "publication"  # counted from the publication date
    STORY_START = "story start"  # the publication date, standing as the first date of the story
    PHRASE = "phrase"  # a date the text gave: "'March 5, 1946' (1946-03-05)"
    UP_TO_PUBLICATION = "up to publication"  # a stretch ending at the publication date ("the past three months")
    FROM_PUBLICATION = "from publication"  # a stretch starting at it ("the next two weeks")
    NAMED_DAY = "named day"  # the day named beside a time: "Friday ('next')", "tomorrow"
    # What the statements step dates a sentence by when it has no time of its own, or a quoted day word by:
    PARAGRAPH = "paragraph"  # the last date its paragraph established
    LEAD = "lead"  # the date of the article's lead
    SAYING_DAY = "saying day"  # the day the quotation was said
    REPORT_DAY = "report day"  # the article's publication date: the day it reports


@dataclass(frozen=True)
class Anchor:
    """What a relative value was counted from: a day, and the phrase of the text that gave it, if one did."""

    kind: AnchorKind
    day: date
    phrase: str = ""
    shown: str = ""  # the phrase's value as it is shown: "1946-03-05", "1994-12"
    reason: Reason | None = None  # how a named day was found

    def __str__(self) -> str:
        if self.kind is AnchorKind.PUBLICATION:
            return f"publication date {self.day}"
        if self.kind is AnchorKind.STORY_START:
            return f"the publication date ({self.day})"
        if self.kind is AnchorKind.UP_TO_PUBLICATION:
            return f"ending at the publication date {self.day}"
        if self.kind is AnchorKind.FROM_PUBLICATION:
            return f"starting at the publication date {self.day}"
        if self.kind is AnchorKind.PHRASE:
            return f"'{self.phrase}' ({self.shown})"
        if self.kind is AnchorKind.PARAGRAPH:
            return f"'{self.phrase}' ({self.shown}), the date the paragraph established"
        if self.kind is AnchorKind.LEAD:
            return f"'{self.phrase}' ({self.shown}), the date of the article's lead"
        if self.kind is AnchorKind.SAYING_DAY:
            return f"the day of the saying, '{self.phrase}' ({self.shown})"
        if self.kind is AnchorKind.REPORT_DAY:
            return f"the article's publication date ({self.day})"
        return f"{self.phrase} ({self.reason})" if self.reason is not None else self.phrase
