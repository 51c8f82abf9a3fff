"""Splitting news text into sentences, with their character offsets.

A full stop ends a sentence unless it closes an abbreviation ("U.S.", "Mr.", "Jan.", "a.m." before a
time zone or weekday) or a single initial; paragraphs and blank lines always end one, and so do "。",
"！" and "？".
"""

from dataclasses import dataclass

import regex

_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Rev|Prof|Pres|No|Nos|vs|etc|approx|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|Bros|Mt|Ft|Ave|Blvd|Dept|Univ|"
    "U\\.S|U\\.N|U\\.K|E\\.U|U\\.S\\.A|D\\.C|N\\.Y|L\\.A|Calif|Fla|Mass|Penn|Wash"
)
# After "a.m." or "p.m." a sentence goes on into a time zone, a weekday, a date or the same time in GMT.
_AFTER_CLOCK = r"(?:[A-Z]{2,4}T?\b|GMT|UTC|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday)"
_BREAK = regex.compile(
    rf"(?<!\b(?:{_ABBREVIATIONS}|[A-Z]))"  # not an abbreviation or an initial ("Kim J. Un")
    rf"(?<!\b[ap]\.m(?=\.\s+(?:\(\s*)?(?:{_AFTER_CLOCK}|\d{{1,4}}\b)))"  # "10 a.m. (0800 GMT)"
    r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(`'«„]*[\p{Lu}\p{Lo}0-9])"  # a capital in any script, or a script without case (Hangul)
    r"|[。！？]+[」』”）)]*\s*"  # Chinese and Japanese end sentences with no space after
    r"|\n\s*\n"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str) -> list[Sentence]:
    sentences, start = [], 0
    for match in _BREAK.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        _add(sentences, text, start, end)
        start = match.end()
    _add(sentences, text, start, len(text))
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + (len(piece) - len(piece.lstrip()))
        sentences.append(Sentence(offset, offset + len(stripped), stripped))


def around(text: str, start: int, end: int, reach: int = 400) -> tuple[int, int]:
    """The bounds of the sentence holding text[start:end], looking at most `reach` characters away."""
    window_start = max(0, start - reach)
    sentence_start = window_start
    for match in _BREAK.finditer(text, window_start, start):
        sentence_start = match.end()
    following = _BREAK.search(text, end, min(len(text), end + reach))
    return sentence_start, (following.start() + 1 if following else min(len(text), end + reach))
