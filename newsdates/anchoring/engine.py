"""Find temporal expressions in English news text and anchor them to the calendar, TIMEX3-style.

One compiled pattern, made of every rule's pattern in the rules' order, finds every candidate in a
single pass; only candidates are normalised. Relative expressions are anchored to the publication date;
in narrative text, and for anaphoric phrases such as "the next day" in any text, to the last date the
text itself established (the story's day).
"""

from datetime import date

import regex

from .. import calendar as cal
from ..language import ENGLISH, detect
from .provenance import Anchor, AnchorKind, Direction
from .rule import Rule
from .rules import RULES
from .rules.business import FISCAL_YEAR
from .rules.clock import date_times_by_a_later_day
from .spans import AUTO, NARRATIVE, NEWS, OFFSET_FROM_STORY, POST, WEEKDAY_OF_SAYING, Context, Span
from .text_kind import text_kind
from .triggers import ANYTHING, APOSTROPHE, DIGIT, first_words

__all__ = ["AUTO", "NARRATIVE", "NEWS", "POST", "Span", "annotate", "text_kind"]


def _starts(rules: list[Rule]) -> set[str]:
    return set().union(*(first_words(rule.pattern) for rule in rules))


def _trigger(starts: set[str]) -> str:
    """A lookahead for the start of any rule: one of the words the rules can start with, a digit or an
    apostrophe; no lookahead at all if some rule can start with anything else."""
    if ANYTHING in starts:
        return ""
    words = sorted(starts - {DIGIT, APOSTROPHE}, key=lambda word: (-len(word), word))
    alternatives = [rf"(?i:{'|'.join(regex.escape(word) for word in words)})\b"] if words else []
    alternatives += [r"\d"] if DIGIT in starts else []
    alternatives += [r"['’]"] if APOSTROPHE in starts else []
    return f"(?={'|'.join(alternatives)})"


# The words any rule can start with ("last", "march", "q1"…), and whether one can start with a digit,
# an apostrophe or anything at all (DIGIT, APOSTROPHE, ANYTHING).
TRIGGER_STARTS = _starts(RULES)
TRIGGER_WORDS = sorted(TRIGGER_STARTS - {DIGIT, APOSTROPHE, ANYTHING})
_MASTER = regex.compile(
    rf"(?<![\w$£€¥#@/-])(?<!\d[,.]){_trigger(TRIGGER_STARTS)}(?:"
    + "|".join(rf"(?P<rule_{rule.name}>{rule.pattern}(?!\w))" for rule in RULES)
    + ")"
)
_RULE_GROUPS = [(rule, _MASTER.groupindex[f"rule_{rule.name}"]) for rule in RULES]
# Spans that leave the story's day where it was, whatever rule found them.
_LEAVE_THE_STORY = {OFFSET_FROM_STORY, WEEKDAY_OF_SAYING}
_EARLIEST_REFERENCE, _LATEST_REFERENCE = date(1000, 1, 1), date(2999, 12, 31)


def annotate(text: str, published: date | None, kind: str = AUTO, language: str | None = None) -> list[Span]:
    """Every temporal expression in `text`, with its TIMEX3 value relative to `published` (the publication date).

    `language` is the text's ISO 639-1 code, detected when not given (`newsdates.language`): English
    is read by this engine, any other language by dateparser (`newsdates.multilingual`).

    `kind` says what relative expressions count from: NEWS the publication date, NARRATIVE the last
    date the text established; AUTO (the default) decides from the text's own dates (`text_kind`).
    A publication date outside the years 1000–2999 is no reference: relative expressions then wait
    for one, as they do when there is no date at all.
    """
    if published and not (_EARLIEST_REFERENCE <= published <= _LATEST_REFERENCE):
        published = None
    language = detect(text) if language is None else language
    if language and language != ENGLISH:
        from .multilingual import annotate_foreign

        return annotate_foreign(text, published, language)
    if kind == AUTO:
        kind = text_kind(text, published)
    start_of_story = Anchor(AnchorKind.STORY_START, published) if published else None
    context = Context(text=text, published=published, kind=kind, publication_date=published,
                      story_day=start_of_story, story_date=start_of_story)
    context.expression_at = lambda position: _expression_at(position, context)
    for match in _MASTER.finditer(text):
        if context.spans and match.start() < context.spans[-1].end:
            continue  # inside an expression a rule already extended past its match ("the day before last Tuesday")
        if kind == NARRATIVE and published and context.story_date.kind is AnchorKind.PHRASE:
            context.published = context.story_date.day  # a history counts from the date it has reached
        try:
            rule, found = _normalise(match, context)
        except (ValueError, OverflowError):
            continue  # a value beyond the calendar (a publication date in year 1): no expression, rather than no answer
        for span in found:
            _record(span, rule, context)
    date_times_by_a_later_day(context)
    return context.spans


def _normalise(match, context: Context) -> tuple[Rule, list[Span]]:
    """The rule a match of the master pattern belongs to, and the spans its normaliser makes of it."""
    rule = next(rule for rule, index in _RULE_GROUPS if match.start(index) >= 0)
    found = rule.normalise(match, context)
    return rule, found if isinstance(found, list) else [found] if found else []


def _expression_at(position: int, context: Context) -> list[Span]:
    """The spans of the expression that starts at `position`, not recorded: for "the day before <it>"."""
    match = _MASTER.match(context.text, position)
    return _normalise(match, context)[1] if match else []


def _record(span: Span, rule: Rule, context: Context) -> None:
    span.rule = span.rule or rule.name
    span.matched_by = rule.name
    if span.value and not span.first and span.type in ("DATE", "TIME"):
        bounds = cal.interval(span.value, span.mod)
        if bounds:
            span.first, span.last = bounds
    if span.type == "DATE" and span.rule not in _LEAVE_THE_STORY and (cal.granularity(span.value) in ("quarter", "half") or span.rule == FISCAL_YEAR):
        context.period = span
    if (span.first and span.type in ("DATE", "TIME") and rule.moves_story and span.rule not in _LEAVE_THE_STORY
            and cal.granularity(span.value[:10] if "T" in span.value else span.value)):  # "now" dates no story
        context.story_date = Anchor(AnchorKind.PHRASE, span.first, span.text, span.value)
        context.story_counted_back = span.rule == "ago" and span.heading is Direction.PAST
        if span.first == span.last:
            context.story_day = Anchor(AnchorKind.PHRASE, span.first, span.text, span.first.isoformat())
            context.story_day_end = span.end
    context.spans.append(span)
