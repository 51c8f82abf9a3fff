"""Lengths of time: "seven years", "5 1/2 hours", "at least 72 hours", "a day-long meeting", "the past three
months", "for years"."""

from datetime import date

import regex

from ...lexicon import APPROXIMATORS, DURATION_ADJECTIVES, MODAL_VERBS, VAGUE_QUANTITIES
from ..patterns import APPROX_WORDS, NUMBER, NUMBER_WORD, UNIT, I, meaning, one_of, relative
from ..provenance import Anchor, AnchorKind, Direction
from ..rule import Example, Rule
from ..spans import make
from ..units import duration_value, number, shift, unit_key


def anchored_duration(match, context):
    edge = match.group("edge").lower()
    amount = number(match.group("number")) if match.group("number").lower() not in ("few", "several", "many") else None
    unit = match.group("unit")
    span = make(match, context, "DURATION", duration_value(amount, unit), why=f"'{edge}' {match.group('number')} {unit}")
    relative_word = meaning(edge)  # None for "the first three days"
    published = context.published
    # A stretch back from now ends at the publication date, "the previous three months" too; one ahead starts
    # there, but "the following three months" follow the story, whose day a duration does not take.
    if published and amount and relative_word and relative_word.steps < 0 and (first := shift(published, -amount, unit)):
        span.first, span.last = first, published
        span.origin, span.heading = Anchor(AnchorKind.UP_TO_PUBLICATION, published), Direction.PAST
    elif published and amount and relative_word and relative_word.steps > 0 and not relative_word.from_story and (last := shift(published, amount, unit)):
        span.first, span.last = published, last
        span.origin, span.heading = Anchor(AnchorKind.FROM_PUBLICATION, published), Direction.FUTURE
    return span


# "children will one day fly", "one day the debris could…": some day ahead, not a length of time
_MODAL_BEFORE = regex.compile(rf"\b(?i:{one_of(MODAL_VERBS)})\s+$")
_MODAL_AFTER = regex.compile(rf"(?:\s+(?!(?i:after|before|ago|later|earlier|of|in)\b)[\w'-]+){{0,4}}?\s+(?i:{one_of(MODAL_VERBS)})\b")
# "a day" after an amount is a rate: "three meals a day", "less than two dollars a day", "$5 million a year"
_RATE_BEFORE = regex.compile(rf"(?:[\d$]|million|billion|times|once|twice|percent|per\s+cent|%)\W*$|(?:\d|\b(?i:{NUMBER_WORD}))\S*\s+(?:[a-z]+\s+)?[a-z]+s\s+$")
_OFFSET_AFTER = regex.compile(r"\s+(?i:after|before|later|earlier|ago)\b")  # "died at 91 a week after…"


def duration(match, context):
    amount = number(match.group("number"))
    unit = match.group("unit")
    if amount is None:
        return None
    text_before = context.text[max(0, match.start() - 30) : match.start()]
    text_after = context.text[match.end() : match.end() + 12]
    if match.group("number").lower() in ("a", "an") and _RATE_BEFORE.search(text_before) and not _OFFSET_AFTER.match(text_after):
        return make(match, context, "SET", duration_value(1, unit), why="rate: once per " + unit.lower())
    if match.group("number").lower() in ("a", "an") and unit_key(unit) in ("second", "minute") and not regex.search(r"(?i)\b(?:for|in|within|than|about)\s*$", text_before):
        return None  # "a second" is rarely a duration on its own
    if match.group("age"):
        return None  # "a 6-year-old boy": an age describes a person and dates nothing
    if match.group(0).lower() == "one day" and (_MODAL_BEFORE.search(text_before) or _MODAL_AFTER.match(context.text, match.end())):
        return make(match, context, "DATE", "FUTURE_REF", why="'one day' with a modal: some day ahead")
    approx = APPROXIMATORS.get(" ".join((match.group("approx") or "").lower().split()), "")
    return make(match, context, "DURATION", duration_value(amount, unit), mod=approx, why="length of time")


def unit_long(match, context):
    return make(match, context, "DURATION", duration_value(1, match.group("unit")), why="length of time")


def vague_duration(match, context):
    unit = match.group("unit")
    quantity = (match.group("quantity") or "").lower()
    span = make(match, context, "DURATION", duration_value(None, unit), why="vague length of time")
    if quantity in ("for", "over"):
        span.start = match.start("unit")
        span.text = context.text[span.start : span.end]
    return span


RULES = [
    Rule(
        "anchored_duration", 230,
        rf"(?:{I(r'the')}\s+|(?<!\b{I(r'will|would|to|could|can|may|might|should|must|shall|not')}\s))"
        rf"{relative('past', 'last', 'latest', 'next', 'coming', 'previous', 'following', also=('first',), group='edge')}\s+"
        rf"(?:(?P<number>{I(NUMBER)}|{I(r'few|several|many')})\s+)(?P<unit>{UNIT})[sS]?\b",
        anchored_duration,
        examples=(
            Example("Prices doubled over the past three months.", date(2019, 4, 25), "P3M", matched="the past three months"),
            Example("In the last few months the situation has stabilised.", date(2019, 4, 24), "PXM", matched="the last few months"),
        ),
    ),
    Rule(
        "unit_long", 420,
        rf"(?P<unit>{I(r'day|week|month|year|hour')})-long\b",
        unit_long,
        examples=(
            Example("Their badges were destroyed during the week-long pilgrimage in Saudi Arabia.", date(1997, 4, 19), "P1W", matched="week-long"),
        ),
    ),
    Rule(
        "duration", 430,
        rf"(?:(?P<approx>{I(APPROX_WORDS)})\s+)?(?:(?P<number>{I(NUMBER)})[\s-]+|(?P<number>\d+(?:\.\d+)?)(?=[^\W\d]))(?:{I(one_of(DURATION_ADJECTIVES))}\s+)?"
        rf"(?P<unit>{UNIT})[sS]?(?P<age>-old|[\s-]old)?(?:[\s-]long)?\b",
        duration,
        examples=(
            Example("It's been seven years since I took the helm.", date(2019, 4, 25), "P7Y", matched="seven years"),
            Example("The flight took 5 1/2 hours.", date(2019, 4, 25), "PT5H30M", matched="5 1/2 hours"),
            Example("a day-long meeting", date(2019, 4, 25), "P1D", matched="a day-long"),
            Example("Half the people live on less than two dollars a day.", date(2019, 4, 25), "P1D", matched="a day"),
            Example("He hopes township children will one day fly the colours.", date(2019, 4, 25), "FUTURE_REF", matched="one day"),
        ),
    ),
    Rule(
        "vague_duration", 440,
        rf"(?P<quantity>{I(one_of(VAGUE_QUANTITIES))})\s+(?P<unit>{I(r'years|months|weeks|days|hours|decades|minutes')})\b"
        rf"|(?P<quantity>{I(r'for|over')})\s+(?P<unit>{I(r'years|months|weeks|days|hours|decades')})\b"
        rf"|(?P<unit>{I(r'years|months|weeks|days|decades')})-long\b",
        vague_duration,
        examples=(
            Example("Turkes in recent months had criticised efforts to introduce Islamic practices.", date(1997, 4, 5), "PXM",
                    matched="recent months"),
            Example("Cremating a body takes several hours.", date(1997, 4, 2), "PTXH", matched="several hours"),
        ),
    ),
]
