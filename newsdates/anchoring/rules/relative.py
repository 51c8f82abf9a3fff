"""Periods counted from the publication date or the story: "last week", "next year", "that month",
"the end of this year", "earlier this month", "year end", "three years ago", "two days later"."""

from datetime import date

import regex

from ... import calendar as cal
from ... import sentences
from ...lexicon import APPROXIMATORS, MOD_WORDS
from ..patterns import APPROX_WORDS, MOD, NUMBER, UNIT, I, meaning, relative
from ..periods_of_business import period_in_view, shifted
from ..provenance import Anchor, AnchorKind, Direction, Reason
from ..rule import Example, Rule
from ..spans import NARRATIVE, OFFSET_FROM_STORY, make, publication, waiting
from ..tense import direction
from ..units import duration_value, is_time_of_day, number, shift, step, unit_key, unit_value, value_at


def ago(match, context):
    amount = number(match.group("number"))
    unit = match.group("unit")
    relation = " ".join(match.group("relation").lower().split())
    if amount is None:
        return None
    approx = APPROXIMATORS.get(" ".join((match.group("approx") or "").lower().split()), "")
    if is_time_of_day(unit) and relation not in ("ago", "from now", "hence"):
        # "an hour later": counted from a moment of the story, which a day-level anchor cannot place;
        # what the text gives for certain is the length of time.
        span = make(match, context, "DURATION", duration_value(amount, unit), mod=approx, why="length of time")
        span.end = match.end("unit") + (1 if context.text[match.end("unit"):match.end("unit") + 1] == "s" else 0)
        span.text = context.text[span.start : span.end]
        return span
    sign = -1 if relation in ("ago", "earlier", "before", "back") else 1
    from_story = relation not in ("ago", "from now", "hence", "back")
    coarse = unit_key(unit) in ("month", "year", "decade", "century")
    if context.published is None:
        return waiting(match, context)
    if unit_key(unit) == "year" and amount == int(amount) and (period := period_in_view(context, match.start())):
        # "net profit rose in the third quarter … from a year earlier": that quarter, a year back
        return make(match, context, "DATE", shifted(period.value, -int(amount)), mod=approx, rule=OFFSET_FROM_STORY,
                    origin=Anchor(AnchorKind.PHRASE, period.first, period.text, period.value), heading=Direction.PAST,
                    why=f"{match.group('number')} {unit} {relation}: the period the text is about, '{period.text}', a year back")
    if not from_story or (sign < 0 and coarse and context.kind != NARRATIVE and context.story_counted_back):
        # "a year earlier" after "a year ago" is a comparison's baseline, counted from the publication date
        anchor = publication(context)
    elif coarse:  # "Four years later" after "the 1994 summit": from the last date of any granularity
        anchor = context.story_date
    else:
        anchor = context.story_day
    day = shift(anchor.day, sign * amount, unit)
    if day is None:
        return make(match, context, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=approx, why="beyond the calendar")
    # "Four years later" leaves the story where it was: financial news writes "a year earlier" for the
    # baseline of each comparison ("profits fell 60 percent from a year earlier"), and counting the
    # second one from the first would put it a year further back
    rule = OFFSET_FROM_STORY if from_story and coarse else ""
    return make(match, context, "DATE", value_at(day, unit), mod=approx, origin=anchor, rule=rule,
                heading=Direction.PAST if sign < 0 else Direction.FUTURE, why=f"{match.group('number')} {unit} {relation}")


def relative_unit(match, context, mod=""):
    word = match.group("relative").lower()
    unit = match.group("unit").lower()
    the_last = word == "last" and regex.match(r"(?i:the)\s+(?i:last)\b", match.group(0)) is not None
    if (word == "past" or the_last) and unit in ("week", "month", "year", "decade", "century"):
        # "over the last year", like "the past year", is the stretch of time up to now, not the calendar year before
        return make(match, context, "DURATION", duration_value(1, unit), why=f"'the {word} {unit}'")
    relative_word = meaning(word)
    if context.published is None:
        return waiting(match, context)
    anchor = context.story_date if relative_word.from_story else publication(context)
    if unit == "year" and relative_word.steps == -1 and not relative_word.from_story and (compared := _compared_period(match, context)):
        return compared
    # "the past quarter" is the one before this; "the past weekend" the one just gone
    steps = relative_word.steps
    if word == "past" and unit == "weekend" and anchor.day.weekday() >= 5:
        steps = 0
    way = Direction.PAST if steps < 0 else Direction.FUTURE if steps > 0 else Direction.NONE
    if unit == "weekend" and steps == 0 and word != "past":
        way = direction(context.text, match.start(), match.end()).direction
        if way is Direction.PAST and anchor.day.weekday() < 5:
            steps = -1
    day = step(anchor.day, unit, steps)
    # "growing 14.8 percent in the previous month": counted from the story, which it leaves where it was
    rule = OFFSET_FROM_STORY if relative_word.from_story and word != "same" and unit != "weekend" else ""
    return make(match, context, "DATE", unit_value(day, unit), mod=mod, origin=anchor, heading=way,
                why=f"'{word} {unit}'", rule=rule)


_COMPARED_WITH = regex.compile(r"\b(?i:from|than|over|compared\s+(?:with|to)|against|versus|vs\.?|on)\b[^.;]{0,30}$")


def _compared_period(match, context):
    """ "profit rose in the third quarter from $3 million last year": that quarter, last year."""
    period = period_in_view(context, match.start())
    sentence_start, _ = sentences.around(context.text, match.start(), match.end())
    if period is None or period.start < sentence_start or not _COMPARED_WITH.search(context.text, max(0, match.start() - 40), match.start()):
        return None
    return make(match, context, "DATE", shifted(period.value, -1), rule=OFFSET_FROM_STORY, heading=Direction.PAST,
                origin=Anchor(AnchorKind.PHRASE, period.first, period.text, period.value),
                why=f"'{match.group(0)}' in a comparison: '{period.text}' a year back")


def edge_of_unit(match, context):
    mod = MOD_WORDS.get(" ".join(match.group("mod").lower().split()), "")
    word = match.group("relative").lower()
    unit = match.group("unit").lower()
    if word == "the":
        if context.published is None:
            return waiting(match, context)
        way = direction(context.text, match.start(), match.end()).direction
        return make(match, context, "DATE", unit_value(context.published, unit), mod=mod, origin=publication(context),
                    heading=way, why=f"'{match.group(0)}': the current {unit}")
    return relative_unit(match, context, mod=mod)


def earlier_this(match, context):
    span = relative_unit(match, context)
    if span and span.value:
        span.why = Reason(f"'{match.group(0)}'")
        published, unit = context.published, match.group("unit")
        if match.group("shift").lower() == "earlier" and published and span.value == unit_value(published, unit):
            span.first = cal.interval(span.value)[0] if cal.interval(span.value) else None
            span.last = published if span.first else None
        elif match.group("shift").lower() == "later" and published and span.value == unit_value(published, unit):
            bounds = cal.interval(span.value)
            if bounds:
                span.first, span.last = published, bounds[1]
    return span


def in_the_unit(match, context):
    """ "later in the year", "late in the month": the unit of the story's date (of the publication date in news),
    its end for "late", its start for "early". ("later in the day" is left alone: the dev set's news
    annotators did not mark it.)"""
    if context.published is None:
        return waiting(match, context)
    unit = match.group("unit").lower()
    anchor = context.story_day if unit == "day" else context.story_date
    mod = {"early": "START", "late": "END"}.get(match.group("edge").lower(), "")
    value = anchor.day.isoformat() if unit == "day" else unit_value(anchor.day, unit)
    return make(match, context, "DATE", value, mod=mod, origin=anchor, why=f"'{match.group(0)}': the {unit} of the story")


def year_end(match, context):
    if context.published is None:
        return waiting(match, context)
    unit = match.group("unit").lower()
    return make(match, context, "DATE", unit_value(context.published, unit), mod="END", origin=publication(context),
                why=f"'{unit} end'")


_NOT_A_FINAL = rf"(?![\s-]*{I(r'finals?')}\b)"  # "the quarter-finals": a round of a cup

RULES = [
    Rule(
        "ago", 210,
        rf"(?:(?P<approx>{I(APPROX_WORDS)})\s+)?(?P<number>{I(NUMBER)})[\s-]+(?P<unit>{UNIT})[sS]?\s+"
        rf"(?P<relation>{I(r'ago|earlier|later|from\s+now|hence|back')}\b|{I(r'before|after')}(?=\s*[.,;:!?)]|\s*$))",
        ago,
        examples=(
            Example("Russia extended the invitation almost a year ago.", date(2019, 4, 25), "2018", matched="almost a year ago"),
            Example("The rifle was found 11 days ago.", date(1999, 4, 19), "1999-04-08", matched="11 days ago"),
            Example("It happened six weeks ago.", date(2000, 1, 6), "1999-W47", matched="six weeks ago"),
            Example("The first summit was held in December 1994 in Miami. Four years later, the second met in Santiago.",
                    date(2005, 11, 4), "1998", matched="Four years later"),
            Example("Korean Air suffered a net loss in the second quarter to June but in the third quarter, net profit jumped 59 percent "
                    "from a year earlier to 154.2 billion won.", date(2005, 11, 1), "2004-Q3", matched="a year earlier"),
        ),
    ),
    Rule(
        "edge_of_unit", 240,
        rf"(?P<mod>{I(MOD)})\s+(?:{I(r'the')}\s+)?(?:{relative('this', 'last', 'next', 'that', 'the', 'current', 'previous', 'coming')}\s+)"
        rf"(?P<unit>{I(r'year|month|week|decade|century|quarter')})\b{_NOT_A_FINAL}",
        edge_of_unit,
        examples=(
            Example("Workers are to be sent home by the end of the year.", date(2019, 4, 25), "2019", matched="the end of the year"),
        ),
    ),
    Rule(
        "edge_of_relative", 250,
        rf"(?P<mod>{I(r'early|late|mid')})[\s-]+{relative('last', 'next', 'this')}\s+(?P<unit>{I(r'year|month|week|decade|century')})\b",
        edge_of_unit,
        examples=(
            # found in none of the corpora ("late last year" is edge_of_unit's): a made-up sentence
            Example("The plant is due to open in mid-next year.", date(2005, 11, 10), "2006", matched="mid-next year"),
        ),
    ),
    Rule(
        "in_the_unit", 255,
        rf"(?P<edge>{I(r'earlier|later|early|late')})\s+{I(r'in')}\s+{I(r'the')}\s+(?P<unit>{I(r'week|month|year')})\b(?![\s-]*{I(r'of|before|after|when|that')}\b)",
        in_the_unit,
        examples=(
            Example("The 700,000 Japanese troops stationed in the region surrendered in 1945. Later in the year, Chiang Kai-shek realized "
                    "that he lacked the resources.", date(2009, 12, 19), "1945", matched="Later in the year"),
            Example("In 1947 the Viet Minh disappeared wherever the French went. Late in the year the French launched Operation Lea.",
                    date(2009, 12, 19), "1947", matched="Late in the year"),
        ),
    ),
    Rule(
        "year_end", 260,
        rf"(?:{I(r'the')}\s+)?(?P<unit>{I(r'year|month|week')})[\s-]+{I(r'end')}\b",
        year_end,
        examples=(Example("A deal is wanted by year end.", date(2019, 4, 25), "2019", matched="year end"),),
    ),
    Rule(
        "earlier_this", 270,
        rf"(?P<shift>{I(r'earlier|later')})\s+{relative('this', 'last', 'next', 'that')}\s+(?P<unit>{I(r'year|month|week|decade|century|quarter|season')})\b",
        earlier_this,
        examples=(
            Example("Kim's aides were spotted earlier this week.", date(2019, 4, 24), "2019-W17", matched="earlier this week"),
            Example("A third summit may come later this year.", date(2019, 4, 26), "2019", matched="later this year"),
        ),
    ),
    # "the last year of his term", "the last year covered by the rules": the final one of something, not last year
    Rule(
        "relative_unit", 280,
        rf"(?!(?:{I(r'the')}\s+|(?<={I(r'the')}\s))(?i:last|final)\s+\w+\s+(?i:of|covered|before|in\s+which|when|that)\b)"
        rf"(?:{I(r'the|this')}\s+)?{relative('last', 'next', 'this', 'coming', 'upcoming', 'past', 'previous', 'following', 'current', 'same', 'that')}\s+"
        rf"(?P<unit>{I(r'year|month|week|weekend|decade|century|quarter')})\b{_NOT_A_FINAL}"
        rf"|{relative('the')}\s+(?P<unit>{I(r'weekend')})\b",
        relative_unit,
        examples=(
            Example("Biegun visited Moscow last week.", date(2019, 4, 24), "2019-W16", matched="last week"),
            Example("Trade fell last year.", date(2019, 4, 25), "2018", matched="last year"),
            Example("Over the last year, producer prices have risen.", date(2006, 12, 19), "P1Y", matched="the last year"),
        ),
    ),
]
