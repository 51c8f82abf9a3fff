"""Times that name no date: "now", "the past", "the near future", "years ago"."""

from datetime import date

from ...lexicon import BEFORE_FUTURE, COUNTED_NOUNS, FOLLOWING_NOUNS, FUTURE_ADJECTIVES, FUTURE_WORDS, PAST_WORDS, PRESENT_WORDS, TERM_NOUNS
from ..patterns import I, one_of
from ..rule import Example, Rule
from ..spans import make


def vague_ago(match, context):
    word = match.group(0).lower()
    return make(match, context, "DATE", "PAST_REF" if word.endswith(("ago", "earlier")) else "FUTURE_REF", why="vague")


def reference(match, context):
    word = " ".join(match.group("word").lower().split())
    if word in PRESENT_WORDS or word == "the present":
        value = "PRESENT_REF"
    elif word.endswith("future") or word in FUTURE_WORDS:
        value = "FUTURE_REF"
    else:
        value = "PAST_REF"
    span = make(match, context, "DATE", value, why="vague reference")
    if value == "PRESENT_REF" and context.published:
        span.first = span.last = context.published
    return span


_FOLLOWING_NOUN = one_of(FOLLOWING_NOUNS)
_COUNTED_NOUN = rf"\d[\d,-]*\w*|{one_of(COUNTED_NOUNS)}"

RULES = [
    Rule(
        "vague_ago", 220,
        rf"(?P<number>{I(r'years|months|weeks|days|decades')})\s+{I(r'ago|earlier|later')}"
        rf"|{I(r'several|a\s+few|few|many|some')}\s+(?P<number>{I(r'years|months|weeks|days|decades')})\s+{I(r'ago')}",
        vague_ago,
        examples=(Example("Until several years ago, the market was closed.", date(2019, 4, 25), "PAST_REF", matched="several years ago"),),
    ),
    # "the past 12 matches", "the present 22-member council", "the future 787": modifiers, not times
    Rule(
        "reference", 460,
        rf"(?P<word>{I(one_of(PRESENT_WORDS))})\b(?!\s+(?:{_FOLLOWING_NOUN})\b)"
        # "recently", "formerly"; "in the near term"
        rf"|(?<!\b{I(r'as')}\s)(?P<word>{I(one_of(PAST_WORDS))})\b(?!\s+{I(r'as')}\b)"
        rf"|(?P<word>{I(r'the\s+(?:near|short)\s+term')})\b(?!-|\s+(?:{I(one_of(TERM_NOUNS))})\b)"
        rf"|(?P<word>{I(r'the\s+present|the\s+past')})\b(?!\s+(?:{_FOLLOWING_NOUN}|{_COUNTED_NOUN})\b)"
        rf"|(?P<word>(?:{I(r'the')}\s+|(?<=\b(?:{I(one_of(BEFORE_FUTURE))}|\w+[\x27\u2019]s)\s))(?:{I(one_of(FUTURE_ADJECTIVES))}\s+)?{I(r'future')})\b"
        rf"(?!\s+(?:{_FOLLOWING_NOUN}|{_COUNTED_NOUN})\b)",
        reference,
        examples=(
            Example("what Russia can do to support processes happening now", date(2019, 4, 25), "PRESENT_REF", matched="now"),
            Example("They may be in the future.", date(2019, 4, 25), "FUTURE_REF", matched="the future"),
            Example("@amyliaz I recently went to talk to someone from SGH and if successful, I will", date(2015, 4, 24), "PAST_REF",
                    matched="recently"),
            Example("Two Japanese battleships were lured into a recently laid Russian minefield off Port Arthur.", date(2009, 12, 19),
                    "PAST_REF", matched="recently"),
            Example("South Korean stocks are expected to fare well in the near term after rising 3 percent.", date(1997, 4, 5),
                    "FUTURE_REF", matched="the near term"),
            Example("The sudden emergence of so much fish had depressed prices in the short term, traders said.", date(1997, 4, 16),
                    "FUTURE_REF", matched="the short term"),
        ),
    ),
]
