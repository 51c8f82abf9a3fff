"""Which way a temporal expression points: the tense and cues of the clause around it.

"The leader will meet Putin on Thursday" points ahead; "met Putin on Thursday" points back. The
nearest tense cue wins; reporting verbs ("said", "told") are weak, because what is said can be
about the future ("Ushakov said Kim will meet Putin on Thursday"), except right before the day
("said Thursday it will…": the day of the saying). Cues in a later clause ("…, and were", "that
forces will", "which is expected") do not count. Some cues point ahead only weakly: a plan seen
from the past ("was scheduled for July 25") or a bound ("had calmed down by September"); the caller
then takes the nearer date.
"""

import regex

from .. import sentences
from ..lexicon import (
    BEFORE_THE_NOUN_WILL,
    FULL_MONTHS,
    FULL_WEEKDAYS,
    IRREGULAR_PASTS,
    NOT_PAST_ED,
    OTHER_REPORTING_WORDS,
    PARTICIPLES,
    PAST_ADVERBS,
    SAYING_VERBS,
)
from .provenance import NO_CUE, Cue, CueKind, Direction

# Candidates are compared as tuples, so their directions and labels stay strings that sort as they always have.
_FUTURE = "future"
_PAST = "past"
_PRESENT = "present"
_DIRECTIONS = {_FUTURE: Direction.FUTURE, _PAST: Direction.PAST, _PRESENT: Direction.PRESENT}
_FUTURE_IN_PAST = CueKind.FUTURE_IN_PAST.value
_BOUND = CueKind.BOUND.value
_SAYING = CueKind.SAYING.value

_WEEKDAY_WORDS = "|".join(day.capitalize() for day in FULL_WEEKDAYS)
_CALENDAR_WORD = rf"(?:{_WEEKDAY_WORDS}|{'|'.join(month.capitalize() for month in FULL_MONTHS)})"
_MEETING_A_SIDE = r"(?:hosts?|plays?\s+host\s+to|takes?\s+on|faces?|meets?)"
_FUTURE_CUES = regex.compile(
    rf"\b(?:will(?<!\b(?:{'|'.join(BEFORE_THE_NOUN_WILL)})\s+will)"
    r"(?<![\x27\u2019]s\s+will)|"  # not the noun: "political will", "the people's will"
    r"won't|wo|shall|'ll|’ll|gonna|upcoming|forthcoming|tomorrow|as\s+(?:early|soon)\s+as|"
    r"(?:is|are|am)\s+(?:\w+ly\s+)?(?:due|set|scheduled|slated|expected|going|planning|poised|likely|supposed|threatening|preparing)\s+to|"
    r"(?:is|are|am)\s+to|plans?\s+to|intends?\s+to|to\s+be\s+held|in\s+the\s+coming|"
    r"(?:adjourned|postponed|delayed|deferred|rescheduled|put\s+off)\s+(?:(?:it|them|the\s+\w+)\s+)?(?:to|until|till)|"  # put off to a time ahead
    r"due\s+(?:on|for|in|by|at)(?<!\b(?:was|were|been)\s+due\s+\w+)|set\s+to(?<!\b(?:was|were|been|had)\s+set\s+to))\b",
    regex.IGNORECASE,
)
# Future seen from the past ("planned to leave on Thursday", "was expected to arrive Friday"): ahead
# of the planning, so they point ahead only for what follows them; "On Friday, X planned to…" is past.
_FUTURE_IN_PAST_CUES = regex.compile(
    r"\b(?:(?:was|were|be|been)\s+(?:\w+ly\s+)?(?:due|set|scheduled|slated|expected|going|planning|poised|likely|supposed)\s+to|(?:was|were)\s+to|"
    r"planned|planning|intended\s+to|(?:decided|agreed|promised|vowed|pledged|threatened|offered|asked)\s+to|hoped\s+to|aimed\s+to|wanted\s+to|"
    r"scheduled|expected|slated|due\s+(?:to|on|for|in|by|at)|"
    r"hopes?\s+to|aims?\s+to|wants?\s+to|(?<!\b(?:the|a|an)\s)needs?\s+to|ready\s+to|on\s+(?:course|track)\s+to|look(?:s|ed|ing)?\s+forward\s+to|"
    # "the parliament to meet on Monday", unless a firmer cue holds the "to" ("are to hold")
    r"to\s+(?:meet|convene|hold|sign|vote|visit|attend|play|face|host)\b"
    r"(?<!\b(?:is|are|am|was|were|be|been|going|due|set|scheduled|slated|expected|likely|poised|planning|plans?|intends?|hopes?|wants?|ready|needs?|agreed|decided)\s+to\s+\w+)|"
    r"to\s+be\s+(?:\w+ed|broadcast|shown|held|given|made|sent|built|sold|run|set|put|signed|taken|chosen|seen|known|read|cut)|"
    r"to\s+(?:kick\s+off|start|begin|open|take\s+place|resume|end|close)|"
    r"(?:starting|beginning)(?=\s+(?:on\s+|from\s+|next\s+)?(?-i:[A-Z0-9])))\b",  # "a four-day match starting Thursday"
    regex.IGNORECASE,
)
# The simple present of a scheduled happening points ahead: "the forum opens Tuesday", "starts
# publication in Beijing on Sunday", "Liverpool host Watford on Saturday".
_SCHEDULED_CUES = regex.compile(
    r"\b(?:starts|begins|opens|resumes|convenes|departs|arrives|kicks?\s+off|takes?\s+place|gets\s+under\s+way|expires?|ends|closes|concludes|"
    r"next\s+(?!to\b|door\b)\w+|ahead\s+of|"  # "the next match is on Wednesday"
    rf"{_MEETING_A_SIDE}(?<!\b(?:will|would|to|can|could|may|might|shall|should|must|not)\s+{_MEETING_A_SIDE})"
    rf"(?=\s+(?!{_CALENDAR_WORD})(?-i:[A-Z])))\b",  # a team or a person follows, not a date
    regex.IGNORECASE,
)
_MODAL_CUES = regex.compile(r"\b(?:may|might|should|can)\b")
# "would" is the future seen from the past: it points ahead only for what follows it.
_WOULD = regex.compile(r"\b(?:would|'d)\b")
# Reporting verbs in the past, which can also date the saying ("said Thursday"), and the rest.
_SAID = "|".join(SAYING_VERBS)
_REPORTING = regex.compile(rf"\b(?:{_SAID}|{'|'.join(OTHER_REPORTING_WORDS)})\b", regex.IGNORECASE)
# "no earlier than" bounds a time ahead: there "earlier" is no past
_IRREGULAR_PAST = "|".join(IRREGULAR_PASTS + tuple(rf"{w}(?!\s+than)" if w == "earlier" else w for w in PAST_ADVERBS))
_PAST_CUES = regex.compile(rf"\b(?:{_IRREGULAR_PAST}|[a-z]{{2,}}ed)\b")
_AMOUNT_AFTER = regex.compile(r"\s+(?:by\s+|to\s+)?[$€£¥]?\d")
_PASSIVE_AUXILIARY = regex.compile(r"\b(?:is|are|am|be|being)\s+(?:\w+ly\s+)?$", regex.IGNORECASE)
_COMPOUND_BEFORE = regex.compile(r"(?<!\b(?i:re|co|pre|de|un|mis|over|under|out))-$")
_ADJECTIVE_SLOT = regex.compile(r"\b(?:the|a|an|in|of|from|into|with|its|their|his|her|our|this|these|those)\s+$", regex.IGNORECASE)
_PASSIVE_PAIR = regex.compile(r"\b(?:is|are|am|be|being|been)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\s+(?:and|or)\s+$", regex.IGNORECASE)
_QUOTE_MARK = regex.compile("[\"\u201c\u201d]")
_BASE_FORM_BEFORE = regex.compile(r"(?:\b(?:to|will|would|can|could|may|might|must|should|shall|did|does|do|not)|n[\x27\u2019]t)\s+$", regex.IGNORECASE)
_PRESENT_CUES = regex.compile(r"\b(?:is|are|(?<!\d\s?)am|now|currently|today)\b", regex.IGNORECASE)  # not "10:00 am"
_PARTICIPLES = "|".join(PARTICIPLES)
# "has risen", and "would have risen": what would have happened is past too
_PERFECT = regex.compile(rf"\b(?:has|have)\s+(?:\w+ed|{_PARTICIPLES})\b", regex.IGNORECASE)


_DELIVERY_BEFORE = regex.compile(r"\b(?:delivery|settlement)\s+(?:in\s+)?$", regex.IGNORECASE)
_DELIVERY_AFTER = regex.compile(r"\s+(?:delivery|contract|futures)\b", regex.IGNORECASE)
_REPORTED_ON = regex.compile(
    rf"\b({_SAID}|declared|told\s+\w+)\s+(?:on\s+)?$",
    regex.IGNORECASE,
)
# "on Friday and Saturday will bring": a second day, not a second clause
_ANOTHER_DAY = regex.compile(rf"\s*(?:and|or|to|through)\s+(?:on\s+)?(?:{_WEEKDAY_WORDS})(?:['\u2019]s)?\s*")
_INSIDE_RELATIVE = regex.compile(r",\s*(?:which|who)\b[^,;]*$", regex.IGNORECASE)
_THAT = regex.compile(r"\b(?:that|which|who|whom|whose)\b", regex.IGNORECASE)  # what follows is another clause
_NEW_CLAUSE = regex.compile(r"[\s,;]*(?:and|but|while|whereas|although|though|because|so|after|before|when|once|if|unless|until|since|as)\b", regex.IGNORECASE)


def direction(text: str, start: int, end: int) -> Cue:
    """The cue that decides which way the expression at text[start:end] points (NO_CUE when none does)."""
    sentence_start, sentence_end = sentences.around(text, start, end)
    # (distance, direction, cue word, label for the reason, kind of cue): the nearest wins, ties as they always fell
    candidates: list[tuple[float, str, str, str, str]] = []

    opening = text[sentence_start:start]
    quoted = opening.count('"') % 2 == 1 or opening.rfind("\u201c") > opening.rfind("\u201d")  # inside a quotation

    def consider(pattern: regex.Pattern, kind: str, cue_kind: CueKind, penalty: float, only_before: bool = False, label: str = "") -> None:
        for match in pattern.finditer(text, sentence_start, sentence_end):
            if start <= match.start() < end or (only_before and match.start() >= start):
                continue
            word = match.group(0)
            if kind == _PAST and word.endswith("ed") and (
                word.lower() in NOT_PAST_ED or word[:1].isupper() or word.lower().startswith("un")
            ) and not _AMOUNT_AFTER.match(text, match.end()):
                continue  # an adjective ("increased tension"), unless an amount follows ("increased 0.2 percent")
            if kind == _PAST and word.endswith("ed") and (
                _COMPOUND_BEFORE.search(text, max(0, match.start() - 20), match.start()) or text[match.end() : match.end() + 1] == "-"
            ):
                continue  # "third-placed", "US-led", "closed-door": a compound adjective ("re-elected" stays a verb)
            if kind == _PAST and word.endswith("ed") and _ADJECTIVE_SLOT.search(text, max(0, match.start() - 8), match.start()):
                continue  # "in occupied east Jerusalem", "the disputed region": an adjective
            if kind == _PAST and (_PASSIVE_AUXILIARY.search(text, max(0, match.start() - 24), match.start())
                                 or _PASSIVE_PAIR.search(text, max(0, match.start() - 50), match.start())):
                continue  # "when the case is heard in May", "will be presented and played": participles, not past tenses
            if kind == _PAST and pattern is _PAST_CUES and _BASE_FORM_BEFORE.search(text, max(0, match.start() - 8), match.start()):
                continue  # "ready to cut production", "will hit": the plain verb, whose past looks the same
            gap = text[match.end() : start] if match.end() <= start else text[end : match.start()]
            if quoted and match.start() >= end and _QUOTE_MARK.search(gap):
                continue  # '"We will go back on Sunday," he added': the attribution is outside the quotation
            distance = len(gap.split()) + penalty
            if match.start() >= end and (_NEW_CLAUSE.match(gap) or _THAT.search(gap)) and not _ANOTHER_DAY.fullmatch(gap):
                continue  # a later clause: "planned a rally on Saturday and were planning to…", "told ABC Thursday that forces will…"
            if match.start() >= end and "," in gap and _INSIDE_RELATIVE.search(text, sentence_start, start):
                distance += 5  # "…, which will be put to voters in May, was not…": the main clause's verb counts for less
            if "," in gap or ";" in gap or "—" in gap:
                distance += 5  # another clause
            if match.end() <= start:
                distance -= 0.5  # the verb usually comes before its time adverbial
            candidates.append((distance, kind, word, label, cue_kind.value))

    consider(_FUTURE_CUES, _FUTURE, CueKind.TENSE, 0)
    consider(_FUTURE_IN_PAST_CUES, _FUTURE, CueKind.FUTURE_IN_PAST, 0, only_before=True, label=_FUTURE_IN_PAST)
    consider(_SCHEDULED_CUES, _FUTURE, CueKind.SCHEDULE, 1)
    consider(_MODAL_CUES, _FUTURE, CueKind.MODAL, 3, only_before=True)
    consider(_WOULD, _FUTURE, CueKind.MODAL, 3, only_before=True)
    consider(_PERFECT, _PAST, CueKind.TENSE, 0)
    consider(_PAST_CUES, _PAST, CueKind.TENSE, 0)
    consider(_PRESENT_CUES, _PRESENT, CueKind.TENSE, 2)
    consider(_REPORTING, _PAST, CueKind.REPORTING, 8)
    # A preposition right before the expression says the most: "until Tuesday", "since March".
    preceding = regex.search(r"\b(until|till|by|before|since|after|from|for|ahead\s+of|run-up\s+to|eve\s+of)\s+(?:the\s+)?$", text[max(0, start - 14) : start], regex.IGNORECASE)
    if preceding and text[sentence_start:start].strip().lower() != preceding.group(0).strip().lower():
        word = preceding[1].lower()  # (a sentence that opens "Until Thursday, …" is about its main clause)
        if word in ("until", "till", "ahead of", "run-up to", "eve of"):
            candidates.append((0, _FUTURE, word, "", CueKind.PREPOSITION.value))
        elif word in ("by", "before", "for"):  # a bound, also of the past: "had calmed down by September"; "called a strike for Monday"
            candidates.append((2, _FUTURE, word, _BOUND, CueKind.BOUND.value))
        elif word == "since":
            candidates.append((0, _PAST, word, "", CueKind.PREPOSITION.value))
    # "crude for delivery in January", "the February contract": what is traded is ahead
    if _DELIVERY_BEFORE.search(text, max(0, start - 24), start) or _DELIVERY_AFTER.match(text, end):
        candidates.append((0, _FUTURE, "delivery", "", CueKind.DELIVERY.value))
    # "said Saturday it will invest": a day right after a reporting verb is the day of the saying
    if reported := saying_before(text, start):
        candidates.append((0, _PAST, reported, _SAYING, CueKind.SAYING.value))
    if not candidates:
        return NO_CUE
    distance, kind, word, label, cue_kind = min(candidates)
    if kind == _FUTURE and label == _FUTURE_IN_PAST:
        # "talks set to resume Monday": the firm cue a word before the weak one decides
        firm = [c for c in candidates if c[1] == _FUTURE and not c[3] and c[0] <= distance + 1.5]
        if firm:
            distance, kind, word, label, cue_kind = min(firm)
    return Cue(_DIRECTIONS[kind], CueKind(cue_kind), word)


_CONDITION_BEFORE = regex.compile(r"\b(?i:if|unless|once|should|whether)\b[^.;:,]*$")
_PAST_VERB_RIGHT_BEFORE = regex.compile(
    rf"(?<!\b(?:has|have|had|is|are|am|be|being|to|will|would)\s+)\b(?P<verb>{_IRREGULAR_PAST}|[a-z]{{2,}}ed)\s+(?:(?:on|in)\s+)?$"
)


def past_verb_right_before(text: str, start: int) -> str | None:
    """A past-tense verb right before the expression ("crashed on Jan. 9", "was announced on March 18"),
    which dates it firmly in the past; perfects and plans ("has taken place", "slated for") do not."""
    found = _PAST_VERB_RIGHT_BEFORE.search(text[max(0, start - 30) : start])
    if not found:
        return None
    verb = found["verb"]
    if verb.lower() in NOT_PAST_ED or verb in PAST_ADVERBS:
        return None
    if _FUTURE_IN_PAST_CUES.fullmatch(verb) or _CONDITION_BEFORE.search(text[max(0, start - 80) : start]):
        return None  # "if the government fell on Dec. 8": a supposition, not a past
    return verb


def saying_before(text: str, start: int) -> str | None:
    """The reporting verb right before text[start:] ("said Thursday", "told reporters on Monday"), if any."""
    reported = _REPORTED_ON.search(text[max(0, start - 24) : start])
    return reported[1] if reported else None
