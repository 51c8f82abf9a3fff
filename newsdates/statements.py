"""From an article's text to its dated statements: which clause each date dates, and what it says.

Pure: text and a publication date in, plain data out. A sentence can hold several happenings, each
in its own clause ("Putin met Kim Jong Il in 2002, who also met Medvedev in 2011"); each clause with
a date that dates something becomes one statement, quoted with its whole sentence.
"""

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import regex
import snowballstemmer

from .anchoring import Span, annotate
from .lexicon import MONTHS, WEEKDAYS
from .sentences import split

# Values that place nothing on a calendar: they date no happening.
VAGUE_VALUES = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
HEADLINE_LENGTH = 120

_STEMMER = snowballstemmer.stemmer("english")
_WORD = regex.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_SEGMENT_BREAK = regex.compile(r"\s*(?:[,;:()\[\]]|\s[—–-]{1,2}\s)\s*")
_STOPWORDS = set(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
    not now of off on once only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself yourselves said says
    say told tell tells reported report reports according added mr mrs ms dr earlier later last next ago year
    years month months week weeks day days today yesterday tomorrow tonight morning afternoon evening night time
    may might must shall us also since around still even already one two three four five six seven eight nine ten
    new per cent percent it's he's she's""".split()
) | set(MONTHS) | set(WEEKDAYS)
_ATTRIBUTION_TAIL = regex.compile(
    r"[,;]?\s*(?:(?:the|a|an)\s+)?[\w.'’ -]{0,60}?\b(?:said|says|told\s+[\w ]{0,30}|reported|reports|added|noted|"
    r"announced|confirmed|quoted\s+[\w ]+\s+as\s+saying)(?:\s+on)?[,.]?\s*$",
    regex.IGNORECASE,
)
_ATTRIBUTION_HEAD = regex.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){0,6}?(?:said|says|told\s+\w+|reported|announced|confirmed)(?:\s+that)?\s+(?=[a-zA-Z])"
)
_LEADING_WORDS = regex.compile(
    r"^(?:(?:but|and|so|however|meanwhile|also|still|then|yet|now|instead|moreover|thus|while|although|though|"
    r"after|before|when|as|because|since|until|which|who|that|where)\b[\s,]*)+",
    regex.IGNORECASE,
)
_DATE_LEAD_IN = regex.compile(
    r"(?:\b(?:on|in|at|during|by|since|from|until|till|of|for|after|before|as\s+early\s+as|as\s+of|earlier|later|late|early|"
    r"around|about)\s+)?$",
    regex.IGNORECASE,
)
_NATURAL_CUT = regex.compile(
    r",\s|;\s|\s(?:because|while|whereas|although|though|as|amid|after|before|which|who|where|but|and|with|over|"
    r"for|to|in|on|at|by|from|that)\s"
)


@dataclass
class Statement:
    """A clause dated by one temporal expression: the makings of a mention."""

    sentence: str
    sentence_start: int
    sentence_end: int
    clause: str
    span: Span
    headline: str
    terms: Counter = field(default_factory=Counter)
    reported: bool = False  # the date dates someone saying something ("officials said Monday …")

    @property
    def key(self) -> tuple[int, int]:
        return (self.span.start, self.span.end)


# News reports one happening in many words: these stems are counted as one ("the summit broke down" is
# "the meeting collapsed"). A short list of the commonest news predicates, not a thesaurus.
_SAME_HAPPENING = {
    stem: group
    for group, words in {
        "meet": "meet met meeting meetings summit summits talks talk",
        "collapse": "collapse collapsed broke break breakdown fail failed failure",
        "arrive": "arrive arrived arrival arrives reach reached land landed enter entered cross crossed crossing",
        "depart": "depart departed departure departs leave left",
        "die": "die died dead death deaths kill killed killing",
        "elect": "elect elected election elections vote voted",
        "sign": "sign signed signing",
        "announce": "announce announced announcement",
        "attack": "attack attacked attacks strike struck",
        "resign": "resign resigned resignation quit",
    }.items()
    for stem in {snowballstemmer.stemmer("english").stemWord(word) for word in words.split()}
}


HAPPENING_KINDS = set(_SAME_HAPPENING.values())


def kinds(terms: dict) -> set[str]:
    """The kinds of happening a statement names (arrive, depart, meet…)."""
    return {term for term in terms if term in HAPPENING_KINDS}


def different_kinds(a: dict, b: dict) -> bool:
    """Two statements that name kinds of happening, none in common, report different happenings:
    an arrival is not a departure, whatever else they share."""
    mine, theirs = kinds(a), kinds(b)
    return bool(mine and theirs and not mine & theirs)


def stems(text: str) -> Counter:
    words = [w.lower().replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]
    found = (_STEMMER.stemWord(w) for w in words if w not in _STOPWORDS and len(w) > 1)
    return Counter(_SAME_HAPPENING.get(stem, stem) for stem in found)


def dates_something(span: Span) -> bool:
    """DATE and TIME expressions date happenings; durations, sets and vague references do not."""
    return span.type in ("DATE", "TIME") and span.value not in VAGUE_VALUES


def find_statements(body: str, published: date | None) -> list[Statement]:
    spans = [span for span in annotate(body, published) if dates_something(span)]
    statements: list[Statement] = []
    cursor = 0
    for sentence in split(body):
        inside = []
        while cursor < len(spans) and spans[cursor].start < sentence.end:
            if spans[cursor].start >= sentence.start:
                inside.append(spans[cursor])
            cursor += 1
        if inside:
            statements.extend(_statements_of(sentence.text, sentence.start, inside))
    return statements


def _statements_of(sentence: str, offset: int, spans: list[Span]) -> list[Statement]:
    """One statement per clause holding a date; a clause's first date governs it. A sentence with one
    dated clause is its own clause: what it says is the whole sentence."""
    bounds = _segments(sentence)
    by_segment: dict[int, Span] = {}
    values_seen = set()
    for span in spans:
        if span.value and span.value in values_seen:
            continue  # "on Thursday (April 25)": one date said twice
        values_seen.add(span.value)
        index = next((i for i, (s, e) in enumerate(bounds) if s <= span.start - offset < e), len(bounds) - 1)
        by_segment.setdefault(index, span)
    found = []
    for index, span in sorted(by_segment.items()):
        clause_start, clause_end = _clause(sentence, bounds, index) if len(by_segment) > 1 else (0, len(sentence))
        local_start = span.start - offset - clause_start
        clause = sentence[clause_start:clause_end]
        noun_phrase = _dated_noun_phrase(clause, local_start, local_start + span.end - span.start)
        if noun_phrase:
            focus, dates_in_focus = noun_phrase
        else:
            focus_start = _focus(clause, local_start)
            focus = clause[focus_start:]
            dates_in_focus = [
                (other.start - offset - clause_start - focus_start, other.end - offset - clause_start - focus_start)
                for other in spans
                if other.start - offset >= clause_start + focus_start and other.end - offset <= clause_end
            ]
        found.append(
            Statement(
                sentence=sentence,
                sentence_start=offset,
                sentence_end=offset + len(sentence),
                clause=clause,
                span=span,
                headline=make_headline(focus, dates_in_focus),
                terms=stems(focus),
                reported=_dates_a_report(sentence, span.start - offset, span.end - offset),
            )
        )
    return found


_REPORTING_VERB = regex.compile(
    r"\b(?:said|says|say|told|announced|confirmed|reported|stated|added|noted|warned|insisted|claimed|declared)\b",
    regex.IGNORECASE,
)


def _dates_a_report(sentence: str, start: int, end: int) -> bool:
    """"Officials earlier this month said Putin will meet Kim", "Harris said Monday": the date is that of
    the saying, right next to the reporting verb."""
    before = sentence[max(0, start - 25) : start].split()[-2:]
    after = sentence[end : end + 25].split()[:2]
    return any(_REPORTING_VERB.fullmatch(word.strip(",.;:\"'")) for word in before + after)


_SUBORDINATOR = regex.compile(r"\b(?i:after|before|when|once|because|as|while|until)\s+(?=(?i:his|her|its|their|the|a|an)\b|[A-Z])")


def _focus(clause: str, date_start: int) -> int:
    """Where the happening a date dates begins: past a subordinator before the date ("… after his
    second summit broke down in February …" dates the summit), else the clause's start."""
    segment_start = max((m.end() for m in _SEGMENT_BREAK.finditer(clause, 0, date_start)), default=0)
    candidates = [m for m in _SUBORDINATOR.finditer(clause, segment_start, date_start)]
    if candidates and len(clause[segment_start : candidates[-1].start()].split()) >= 3:
        return candidates[-1].end()
    return 0


_DETERMINER_BEFORE = regex.compile(r"(?i)\b(?:a|an|the|his|her|its|their|our|[\w.-]+['’]s)\s+(?:[a-z][\w-]*\s+)?$")
_NOUN_AFTER = regex.compile(r"\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*")
_NOUN_PHRASE_END = regex.compile(r"(?i),|;|\s[—–-]{1,2}\s|\s(?:who|which|that|where|when|as|but|and\s+(?:was|were|is|are|has|had))\b|\.?$")
_PARTICIPLE_START = regex.compile(
    r"(?i)^(?:(?:last|first|once|previously|originally|also|later|since)\s+)?"
    r"(?:[a-z]{3,}ed|held|built|made|signed|founded|won|begun|written|taken|given|seen|known|set\s+up|torn\s+down)\b"
)
_HEAD_NOUN_PHRASE = regex.compile(r"(?i)\b(?:the|a|an|its|his|their)\s+((?:[\w-]+\s+){0,3}[\w-]+)\s*$")


def _dated_noun_phrase(clause: str, date_start: int, date_end: int) -> tuple[str, list[tuple[int, int]]] | None:
    """A date that dates a thing named inside the sentence, not the sentence's own happening: "a 1986 visit
    by Kim Il Sung" (the visit), "the six-party talks — which … — last held in 2008" (the talks).
    Returns that phrase and where the date sits in it, or None."""
    determiner = _DETERMINER_BEFORE.search(clause, 0, date_start)
    if regex.fullmatch(r"(?:1[6-9]|20)\d\d", clause[date_start:date_end]) and determiner and _NOUN_AFTER.match(clause, date_end):
        end = _NOUN_PHRASE_END.search(clause, date_end).start()
        return clause[determiner.start() : end], [(date_start - determiner.start(), date_end - determiner.start())]
    earlier = _segments(clause[:date_start])
    if len(earlier) < 2 or not _PARTICIPLE_START.match(clause[slice(*earlier[-1])]):
        return None
    # The noun is at the end of the segment before, or before an aside about it ("— which involved …, … —").
    asides = [i for i, (start, end) in enumerate(earlier[:-1]) if _RELATIVE.match(clause, start, end)]
    index = asides[-1] - 1 if asides else len(earlier) - 2
    head = _HEAD_NOUN_PHRASE.search(clause, *earlier[index]) if index >= 0 else None
    if not head:
        return None
    text = f"{head[1]} {clause[earlier[-1][0] : date_end]}"
    return text, [(len(text) - (date_end - date_start), len(text))]


def _segments(sentence: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SEGMENT_BREAK.finditer(sentence):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(sentence):
        bounds.append((start, len(sentence)))
    return bounds or [(0, len(sentence))]


def _content_words(text: str) -> int:
    return sum(stems(text).values())


_RELATIVE = regex.compile(r"(?i)\s*(?:who|which|where|whose)\b\s*")


def _clause(sentence: str, bounds: list[tuple[int, int]], index: int) -> tuple[int, int]:
    """The date's segment, grown into its neighbours until it says something: an opening adverbial
    ("In February, …") belongs to what follows it, a trailing one (", in 2002") and a relative clause
    ("…, who arrived on Wednesday") to what precedes it."""
    start, end = bounds[index]
    first, last = index, index
    forward_first = index == 0
    while _content_words(sentence[start:end]) < 4 and (first > 0 or last < len(bounds) - 1):
        if (forward_first or first == 0) and last < len(bounds) - 1:
            last += 1
            end = bounds[last][1]
        else:
            first -= 1
            while first > 0 and _content_words(sentence[slice(*bounds[first])]) == 0:
                first -= 1  # a segment that is only another date says nothing about this one
            start = bounds[first][0]
    return start, end


def make_headline(clause: str, dates: list[tuple[int, int]]) -> str:
    """A short, readable form of the clause: without its dates, attribution and connectives, cut at a
    natural boundary when long."""
    text = clause
    for date_start, date_end in sorted(dates, reverse=True):
        before = text[:date_start]
        lead_in = _DATE_LEAD_IN.search(before)
        text = before[: lead_in.start()].rstrip(" ,") + text[date_end:]
    text = regex.sub(r"[(\[]\s*[)\]]", "", text)
    text = regex.sub(r"\s+([,.;:])", r"\1", regex.sub(r"\s{2,}", " ", text)).strip(" ,;:-—–")
    text = regex.sub(r"^(?:[,;]\s*)+", "", text)
    text = _ATTRIBUTION_TAIL.sub("", text).strip(" ,;:")
    text = _ATTRIBUTION_HEAD.sub("", text)
    text = _LEADING_WORDS.sub("", text).strip(" ,;:\"“”'")
    text = regex.sub(r"(?i),?\s+(?:who|which)\s+(?=(?:also\s+)?[a-z]+ed\b|(?:also\s+)?(?:met|went|came|took|made|held|had|was|were|left|gave)\b)", " ", text)
    text = text.strip().rstrip(".")
    if len(text) > HEADLINE_LENGTH:
        cuts = [m.start() for m in _NATURAL_CUT.finditer(text) if 40 <= m.start() <= HEADLINE_LENGTH]
        if cuts:
            text = text[: cuts[-1]]
        else:
            text = text[: text.rfind(" ", 0, HEADLINE_LENGTH)] + "…"
    text = text.strip(" ,;:\"“”'")
    return text[:1].upper() + text[1:] if text else clause.strip()[:HEADLINE_LENGTH]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(weight * b.get(term, 0.0) for term, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def weighted(terms: dict[str, float], document_frequency: dict[str, int], documents: int) -> dict[str, float]:
    """Terms weighted by how rare they are across the articles: a name every article shares says little."""
    return {
        term: count * math.log(1 + documents / (1 + document_frequency.get(term, 0)))
        for term, count in terms.items()
    }


