"""Days named from the publication date or the story: "yesterday", "this morning", "the next day",
"the day before last Tuesday", "a great day for Poland"."""

from datetime import date, timedelta

import regex

from ... import sentences
from ...lexicon import DAY_OF_STORY_ADJECTIVES, DAY_OFFSETS, DAY_WORD_SPELLINGS, WEEKDAYS
from ..patterns import DAY, MONTH, PART_OF_DAY, WEEKDAY, I, one_of
from ..provenance import Anchor, AnchorKind, Direction, Reason
from ..rule import Example, Rule
from ..spans import Span, in_part_of_day, make, publication, waiting


def relative_day(match, context):
    word = " ".join(match.group("word").lower().split())
    word = DAY_WORD_SPELLINGS.get(word, word)  # "tmr", "tonite"
    part = (match.group("part") or "").lower()
    if missing := waiting(match, context):
        return missing
    # "this morning"; "last night" and "last evening" are the ones before the publication day
    offset = {**DAY_OFFSETS, "this": 0, "last": -1 if part in ("night", "nite", "evening") else 0}[word]
    base, origin = day_of_the_speech(match, context) or (context.published, publication(context))
    day = base + timedelta(days=offset)
    span = make(match, context, "DATE", day.isoformat(), origin=origin,
                heading=Direction.PAST if offset < 0 else Direction.FUTURE if offset > 0 else Direction.PRESENT,
                why=f"'{word}{' ' + part if part else ''}'")
    span.first = span.last = day
    span.mod = {"late": "END", "early": "START"}.get((match.groupdict().get("edge") or "").lower(), "")  # "late yesterday"
    return in_part_of_day(span, part or ("night" if word == "tonight" else ""))


_SAYING = r"(?:said|says|told|added|declared|announced|insisted|stressed|warned|explained)"
# '"…," he said on Monday.'   '"…," Lavrov told reporters Monday.'
_SPEECH_DAY_AFTER = regex.compile(
    rf"[^\"“”]*[\"”]\s*,?\s*(?:[\w.'’-]+\s+){{0,4}}?{_SAYING}(?:\s+[\w.'’-]+){{0,3}}?\s+(?:on\s+)?(?P<weekday>{WEEKDAY})\b"
)
# 'On Monday, he said: "…'   'He told reporters Monday: "…'
_SPEECH_DAY_BEFORE = regex.compile(
    rf"(?:\b(?:on\s+)?(?P<weekday>{WEEKDAY})\b[^\"“”.]{{0,60}}?{_SAYING}|{_SAYING}(?:\s+[\w.'’-]+){{0,3}}?\s+(?:on\s+)?(?P<weekday>{WEEKDAY}))"
    r"[^\"“”.]{0,30}?[:,]?\s*[\"“][^\"“”]*$"
)


def day_of_the_speech(match, context) -> tuple[date, Anchor] | None:
    """The day a quotation was spoken, where the text names it: in '"We met yesterday," he said on Monday',
    "yesterday" is the Sunday before that Monday, whatever day the story was published."""
    sentence_start, sentence_end = sentences.around(context.text, match.start(), match.end())
    opening = context.text[sentence_start : match.start()]
    if not (opening.count('"') % 2 == 1 or opening.rfind("\u201c") > opening.rfind("\u201d")):
        return None  # not inside a quotation
    said = (_SPEECH_DAY_AFTER.match(context.text, match.end(), sentence_end)
            or _SPEECH_DAY_BEFORE.search(context.text, sentence_start, match.start()))
    if not said:
        return None
    # the saying is past: the last such weekday up to the publication date
    day = context.published - timedelta(days=(context.published.weekday() - WEEKDAYS[said.group("weekday").lower()]) % 7)
    if day == context.published:
        return None
    return day, Anchor(AnchorKind.NAMED_DAY, day, f"the day of the speech, {said.group('weekday')}")


def anaphoric_day(match, context):
    word = " ".join(match.group("word").lower().split())
    if context.story_day is None:
        return waiting(match, context)
    offset = (1 if any(w in word for w in ("next", "following", "after", "later")) and "later that" not in word
              else -1 if any(w in word for w in ("previous", "before", "earlier")) and "earlier that" not in word else 0)
    day = context.story_day.day + timedelta(days=offset)
    span = make(match, context, "DATE", day.isoformat(), origin=context.story_day,
                why=f"'{word}': counted from the last date the text gave")
    span.first = span.last = day
    return in_part_of_day(span, word.rsplit(" ", 1)[-1])


def day_of_story(match, context):
    """ "a great day for Poland": the day the story is about."""
    if context.story_day is None:
        return waiting(match, context)
    day = context.story_day.day
    span = make(match, context, "DATE", day.isoformat(), origin=context.story_day, why="the day the story is about")
    span.first = span.last = day
    return span


def day_around(match, context):
    """"the day before last Tuesday": the day expression that follows, shifted; one span for both."""
    found = context.expression_at(regex.match(r"\s*", context.text[match.end() :]).end() + match.end())[:1]
    found = found[0] if found else None
    if not found or not found.first or found.first != found.last:
        return None
    days = {"day": 1, "two days": 2, "three days": 3}[" ".join(match.group("count").lower().split())]
    relation = match.group("relation").lower()
    day = found.first + timedelta(days=days if relation == "after" else -days)
    span = Span(match.start(), found.end, context.text[match.start() : found.end], "DATE", day.isoformat(),
                origin=Anchor(AnchorKind.PHRASE, found.first, found.text, found.value), heading=found.heading,
                why=Reason(f"{days} day(s) {relation} '{found.text}', itself ", found.why if found.reason else found.rule))
    span.first = span.last = day
    return span


def part_of_a_date(match, context):
    """ "the night of April 18, 1775", "the early morning hours of 30 April": that day, in that part of it."""
    found = context.expression_at(regex.match(r"\s*", context.text[match.end() :]).end() + match.end())[:1]
    found = found[0] if found else None
    if not found or found.type != "DATE" or len(found.value) != 10:
        return None  # not a single day
    found.first = found.last = found.first or date.fromisoformat(found.value)
    span = Span(match.start(), found.end, context.text[match.start() : found.end], "DATE", found.value,
                origin=Anchor(AnchorKind.PHRASE, found.first, found.text, found.value), heading=found.heading,
                why=Reason(f"the {match.group('part').lower()} of '{found.text}', itself ", found.why if found.reason else found.rule))
    span.first = span.last = found.first
    return in_part_of_day(span, match.group("part"))


_CLAUSE_GOES_ON = r"(?=\s*(?:[.,;:!?)—–]|$|\s(?:and|but|or|when|as|while)\b))"

RULES = [
    Rule(
        "relative_day", 300,
        rf"(?:(?P<edge>{I(r'late|early|earlier|later')})\s+)?(?P<word>{I(one_of(DAY_OFFSETS))})(?:\s+(?P<part>{I(PART_OF_DAY)}))?\b",
        relative_day,
        moves_story=False,
        examples=(
            Example("He smiled as he left the station yesterday.", date(2019, 4, 25), "2019-04-24", matched="yesterday"),
            Example("He leaves tomorrow.", date(2019, 4, 25), "2019-04-26", matched="tomorrow"),
            Example("A dinner is planned tonight.", date(2019, 4, 24), "2019-04-24TNI", matched="tonight"),
            Example("Prices fell late yesterday, dealers said.", date(1997, 4, 10), "1997-04-09", matched="late yesterday"),
            # a quotation dated by its speech: Saturday, the day before publication
            Example('"Today what we have heard from Abu Mazen is a call for a civil war," Yussef said earlier Saturday.',
                    date(2006, 12, 17), "2006-12-16", matched="Today"),
        ),
    ),
    Rule(
        "this_part", 310,
        rf"(?P<word>{I(r'this|last|tomorrow|yesterday')})\s+(?P<part>{I(PART_OF_DAY)})\b",
        relative_day,
        examples=(
            Example('"At some stage this afternoon we will put down a negotiating box," said spokesman Tom Kelly.',
                    date(2005, 12, 16), "2005-12-16TAF", matched="this afternoon"),
        ),
    ),
    Rule(
        "day_around", 320,
        rf"(?:{I(r'the')}\s+)?(?P<count>{I(r'day|two\s+days|three\s+days')})\s+(?P<relation>{I(r'before|after')})"
        rf"(?=\s+(?:(?:(?:{I(r'last|next|this')})\s+)?{WEEKDAY}\b|{MONTH}\s+{DAY}\b|{I(r'yesterday|today|tomorrow|Christmas|Thanksgiving|Easter|New\s+Year')}\b))",
        day_around,
        examples=(
            Example("The day before last Tuesday's hearing, Manuel went to Lazaro's home.", date(2000, 2, 24), "2000-02-21",
                    matched="The day before last Tuesday's"),
        ),
    ),
    Rule(
        "part_of_a_date", 325,
        rf"{I(r'the')}\s+(?:{I(r'early|late')}\s+)?(?P<part>{I(r'morning|afternoon|evening|night')})(?:\s+{I(r'hours')})?\s+{I(r'of')}"
        rf"(?=\s+(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAY}|{DAY}\s+(?:of\s+)?{MONTH}))",
        part_of_a_date,
        examples=(
            Example("On the night of April 18, 1775, General Gage sent 700 men to seize munitions.", date(2009, 12, 19),
                    "1775-04-18TNI", matched="the night of April 18, 1775"),
            Example("In the early morning hours of 30 April 1975, the last U.S. Marines evacuated the embassy.", date(2009, 12, 19),
                    "1975-04-30TMO", matched="the early morning hours of 30 April 1975"),
        ),
    ),
    Rule(
        "anaphoric_day", 330,
        rf"(?P<word>{I(rf'(?:earlier|later)\s+that\s+(?:day|morning|afternoon|evening|night)|that\s+same\s+day|the\s+same\s+day|that\s+day|that\s+night|the\s+(?:next|following|previous)\s+(?:day|morning|afternoon|evening|night)|the\s+day\s+(?:before|after){_CLAUSE_GOES_ON}|the\s+night\s+before(?=\s*(?:[.,;:!?)—–]|$))|a\s+day\s+(?:earlier|later)')})\b",
        anaphoric_day,
        examples=(
            Example("On March 5, 1946, Churchill spoke at Fulton. The next day, Stalin answered.", date(1999, 3, 12), "1946-03-06",
                    matched="The next day"),
            Example("He had left the day before.", date(1998, 8, 17), "1998-08-16", matched="the day before"),
        ),
    ),
    Rule(
        "day_of_story", 340,
        rf"(?<!{I(r'today\s+is')}\s)(?P<word>{I(rf'(?:a|an|this)\s+(?:{one_of(DAY_OF_STORY_ADJECTIVES)})\s+day')})(?=\s+(?:{I(r'for|in|of')})\b)",
        day_of_story,
        examples=(
            Example('On Friday, Poland joined NATO. Geremek said it was "a great day for Poland and for the world."',
                    date(1999, 3, 13), "1999-03-12", matched="a great day"),
        ),
    ),
]
