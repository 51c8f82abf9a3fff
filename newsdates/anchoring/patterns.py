"""Pieces of pattern that the rules compose, built from the lexicon, and the readers of what they match."""

import regex

from ..lexicon import (
    ABBREVIATED_MONTHS,
    APPROXIMATORS,
    COUNTED_UNITS,
    FULL_WEEKDAYS,
    MONTHS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    RELATIVE_WORDS,
    UNIT_SPELLINGS,
    WEEKDAYS,
    Relative,
)

I = "(?i:{})".format  # a case-insensitive piece in a case-sensitive pattern


def longest_first(words) -> str:
    """An alternation that prefers "September" over "Sep": at one position the first alternative wins."""
    return "|".join(sorted((regex.escape(w) for w in words), key=len, reverse=True))


def one_of(words) -> str:
    """An alternation of words or phrases in the order given; a space matches any run of spaces."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)


# "sept" counts among the long names, as four letters: "Sept" may end a sentence without a full stop.
_LONG_MONTHS = [m for m in MONTHS if len(m) > 3 or m == "may"]
MONTH_FULL = "(?:" + longest_first(m.capitalize() for m in _LONG_MONTHS if m != "may") + ")"
MONTH_ANY = "(?:" + longest_first([m.capitalize() for m in _LONG_MONTHS] + [m.capitalize() + "." for m in ABBREVIATED_MONTHS] + [m.capitalize() for m in ABBREVIATED_MONTHS]) + ")"
MONTH_ANY_UPPER = "(?:" + longest_first([m.upper() for m in _LONG_MONTHS] + [m.upper() + "." for m in ABBREVIATED_MONTHS]) + ")"
MONTH = rf"(?:{MONTH_ANY}|{MONTH_ANY_UPPER})"
MONTH_SHORT = "(?:" + longest_first([m.capitalize() + "." for m in ABBREVIATED_MONTHS] + [m.capitalize() for m in ABBREVIATED_MONTHS]) + ")"
# A weekday's full name in any case ("Friday", "friday", "FRIDAY": posts write all three), and the longer
# abbreviations ("Thurs"); "Mon", "Sat" and the like only where a word says they are days (`WEEKDAY_SHORT`).
WEEKDAY = ("(?:" + longest_first(w.capitalize() for w in WEEKDAYS if len(w) > 4 and w not in FULL_WEEKDAYS)
           + "|" + I(longest_first(FULL_WEEKDAYS)) + ")")
WEEKDAY_SHORT = I(longest_first(w for w in WEEKDAYS if len(w) <= 5 and w not in FULL_WEEKDAYS))
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
PART_OF_DAY = f"(?:{one_of(PARTS_OF_DAY)})"

NUMBER_WORD = longest_first(w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an"))
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+\d/\d)?|(?:{NUMBER_WORD})(?:-(?:{NUMBER_WORD}))?(?:\s+and\s+a\s+half)?|"
    r"a\s+couple\s+of|couple\s+of|half\s+an?|a\s+half|a\s+dozen|an?)"
)
# "hours", "HOURS", and as posts shorten them: "hrs", "mins" (longest first: "hrs" before "hr")
UNIT = I(longest_first(COUNTED_UNITS + tuple(UNIT_SPELLINGS)))
MOD = r"(?:the\s+(?:beginning|start|middle|end|close)\s+of|(?:beginning|start|middle|end)\s+of|the\s+(?:first|last|final)\s+(?:days|weeks?)\s+of|early|late|mid)"
APPROX_WORDS = longest_first(APPROXIMATORS)


def relative(*words: str, also: tuple[str, ...] = (), group: str = "relative") -> str:
    """A named group for the relative words a rule accepts ("last", "the following"…), in that order; `also`
    adds words with no meaning of their own that the rule reads itself (a season "in" or "by")."""
    for word in words:
        if word.removeprefix("the ") not in RELATIVE_WORDS:
            raise ValueError(f"{word!r} is not in the lexicon's RELATIVE_WORDS")
    return f"(?P<{group}>{I(one_of(words + also))})"


def meaning(word: str) -> Relative | None:
    """What the relative word a `relative()` group matched means; None for the rule's own extra words."""
    return RELATIVE_WORDS.get(" ".join(word.lower().split()).removeprefix("the "))


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def month_in(match) -> int:
    if match.groupdict().get("month_number"):
        return int(match.group("month_number"))
    return month_number(regex.search(MONTH, match.group(0)).group(0))


def day_in(match, group: str = "day") -> int:
    return int(match.group(group).rstrip("stndrh"))  # "7th", "21st"


def words_of(match, group: str) -> str:
    """The lower-cased text of a group with single spaces, "" when the group did not take part."""
    return " ".join((match.groupdict().get(group) or "").lower().split())
