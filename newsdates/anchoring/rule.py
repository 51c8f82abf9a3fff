"""A rule of the engine as one record: its pattern, the normaliser that values a match, its place in the
order, and examples of real usage that show what it finds (they are run as tests)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .spans import Span


@dataclass(frozen=True)
class Example:
    text: str
    published: date | None
    value: str  # the TIMEX3 value the rule gives
    matched: str = ""  # the text of the span, where it is not the whole example


Normaliser = Callable[..., Span | list[Span] | None]  # (match, context) -> the spans of one match, or None


@dataclass(frozen=True)
class Rule:
    name: str
    # Where the rule is tried among the others: at one position the first rule that matches wins, so a
    # longer form comes before the shorter one it starts with ("March 5, 1946" before "March 5").
    order: int
    pattern: str  # a `regex` pattern, case-sensitive unless it says otherwise
    normalise: Normaliser
    examples: tuple[Example, ...]
    # Whether a date it finds becomes the story's date, from which "the next day" counts. Times and
    # "today" do not: they are the report's, not the story's.
    moves_story: bool = True

