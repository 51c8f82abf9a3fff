"""From an article's text to its dated statements: which clause each date dates, and what it says.

Pure: text and a publication date in, plain data out. A sentence can hold several happenings, each
in its own clause ("Putin met Kim Jong Il in 2002, who also met Medvedev in 2011"); each clause with
a date that dates something becomes one statement, quoted with its whole sentence.
"""

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import regex
import snowballstemmer

from .anchoring import Span, annotate
from .anchoring.provenance import Anchor, AnchorKind, Reason
from .lexicon import FULL_MONTHS, FULL_WEEKDAYS, MONTHS, WEEKDAYS
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
_ATTRIBUTING = (r"(?:said|says|told\s+[\w ]{0,30}|reported|reports|added|noted|announced|confirmed|"
                r"quoted\s+[\w ]+\s+as\s+saying)(?:\s+on)?[,.]?\s*$")
_ATTRIBUTION_TAIL = regex.compile(r"[,;]?\s*(?:(?:the|a|an)\s+)?[\w.'’ -]{0,60}?\b" + _ATTRIBUTING, regex.IGNORECASE)
_ATTRIBUTION_VERB = regex.compile(r"\b(?:said|says|told|reported|reports|added|noted|announced|confirmed|quoted)\b", regex.IGNORECASE)
_ATTRIBUTION_END = regex.compile(_ATTRIBUTING, regex.IGNORECASE)
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
# Where a long headline may end: at a comma or a clause boundary, not before a preposition's object.
_NATURAL_CUT = regex.compile(r",\s|;\s|\s[—–]\s|\s(?:because|while|whereas|although|though|amid|after|before|which|who|where|but|and)\s")


# How a statement got its date.
DATED_BY_TEXT = "text"  # a temporal expression of its own clause
DATED_BY_NARRATIVE = "narrative"  # the reference time of the paragraph it belongs to
DATED_BY_REPORT = "report"  # the day of report: the article's publication date


@dataclass
class Statement:
    """A clause dated by one temporal expression (or by the time it narrates): the makings of a mention."""

    sentence: str
    sentence_start: int
    sentence_end: int
    clause: str
    span: Span
    headline: str
    terms: Counter = field(default_factory=Counter)
    reported: bool = False  # the date dates someone saying something ("officials said Monday …")
    dated_by: str = DATED_BY_TEXT
    lead: bool = False  # the article's own news: the happening its lead reports
    # For a statement without a date of its own: the key of the statement whose date it takes (the
    # paragraph's last dated statement, or the lead); its mention supports that statement's event.
    supports: tuple[int, int] | None = None
    noun_phrase: bool = False  # the date dates a thing named in the sentence, not the sentence's happening

    @property
    def key(self) -> tuple[int, int]:
        return (self.span.start, self.span.end)

    @property
    def of_the_past(self) -> bool:
        """Whether it tells of something done before it is told ("This was Jobs' third medical leave", "he
        stood in while the CEO underwent surgery"), not of what is or will be ("Cook will succeed him")."""
        return bool(_PAST_VERB.search(self.clause)) and not _FUTURE.search(self.clause)


_PAST_VERB = regex.compile(
    r"\b(?:was|were|had|did|(?!need|feed|seed|speed|proceed|succeed|exceed)[a-z]{2,}ed|took|made|became|began|won(?!['’]t)|lost|sold|"
    r"bought|fought|led|met|went|came|gave|held|kept|left|brought|sent|spent|built|wrote|ran|rose|fell|grew|saw|stood|"
    r"underwent|paid|struck|broke|chose|drove|flew|froze|hid|rode|shook|stole|swore|threw|woke|wore|began)\b"
)
_FUTURE = regex.compile(r"\b(?:will|would|shall|going\s+to|is\s+to|are\s+to|won['’]t)\b", regex.IGNORECASE)


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


# The stemmer leaves irregular verbs as they are: "underwent" and "undergone", "held" and "hold" would be
# different words, and a happening told as planned ("will hold talks") and as done ("held talks"), or by
# two articles in two tenses, would share less than it says. Each base, its past and its participle;
# forms that are as often other words ("found", "won", "saw", "lay", "born", "wound") are left out.
_IRREGULAR_VERBS = """arise arose arisen · begin began begun · bite bit bitten · blow blew blown · break broke broken ·
    bring brought · build built · buy bought · catch caught · choose chose chosen · come came · deal dealt ·
    draw drew drawn · drink drank drunk · drive drove driven · eat ate eaten · fall fell fallen · feed fed ·
    fight fought · flee fled · fly flew flown · forbid forbade forbidden · forget forgot forgotten ·
    forgive forgave forgiven · freeze froze frozen · give gave given · go went gone · grow grew grown ·
    hang hung · hear heard · hide hid hidden · hold held · keep kept · know knew known · lead led · leave left ·
    lend lent · lose lost · make made · mean meant · meet met · overcome overcame · overtake overtook overtaken ·
    pay paid · ride rode ridden · rise rose risen · run ran · seek sought · sell sold · send sent ·
    shake shook shaken · shoot shot · sing sang sung · sink sank sunk · sit sat · sleep slept · speak spoke spoken ·
    spend spent · stand stood · steal stole stolen · stick stuck · strike struck stricken · swear swore sworn ·
    take took taken · teach taught · tear tore torn · think thought · throw threw thrown · understand understood ·
    undergo underwent undergone · undertake undertook undertaken · uphold upheld · wake woke woken ·
    wear wore worn · withdraw withdrew withdrawn · write wrote written"""
_BASE_FORM = {form: forms.split()[0] for forms in _IRREGULAR_VERBS.split("·") for form in forms.split()[1:]}


def stems(text: str) -> Counter:
    words = [w.lower().replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]
    found = (_STEMMER.stemWord(_BASE_FORM.get(w, w)) for w in words if w not in _STOPWORDS and len(w) > 1)
    return Counter(_SAME_HAPPENING.get(stem, stem) for stem in found)


def dates_something(span: Span) -> bool:
    """DATE and TIME expressions date happenings; durations, sets and vague references do not."""
    return span.type in ("DATE", "TIME") and span.value not in VAGUE_VALUES


def find_statements(body: str, published: date | None) -> list[Statement]:
    """The statements dated by a temporal expression of their own."""
    return [statement for statement in read_article(body, published) if statement.dated_by == DATED_BY_TEXT]


def read_article(body: str, published: date | None, title: str = "") -> list[Statement]:
    """Every statement of an article, each with its date and how it got it.

    A clause with a temporal expression that dates it is a statement dated by the text. A sentence
    without one narrates the reference time of its paragraph (the last date the paragraph established)
    or, failing that, the article's own news: it becomes a statement that supports that dated one. The
    lead (the sentence that reports the article's news, see `find_lead`) is always a statement: dated
    by the text when its own clause names a time, else by the day of report."""
    spans = [span for span in annotate(body, published) if dates_something(span)]
    sentences = split(body)
    lead_index = find_lead(sentences, title)
    statements: list[Statement] = []
    lead_key: tuple[int, int] | None = None
    paragraph_of = _paragraphs(body, sentences)
    reference: Statement | None = None
    pending: list[Statement] = []  # undated statements read before the lead, waiting for its key
    cursor = 0
    for index, sentence in enumerate(sentences):
        if index and paragraph_of[index] != paragraph_of[index - 1]:
            reference = None
        inside = []
        while cursor < len(spans) and spans[cursor].start < sentence.end:
            if spans[cursor].start >= sentence.start:
                inside.append(spans[cursor])
            cursor += 1
        previous = sentences[index - 1] if index and paragraph_of[index] == paragraph_of[index - 1] else None
        dated = _statements_of(sentence.text, sentence.start, _dating(sentence.text, sentence.start, inside, spans, previous))
        own = [statement for statement in dated if not statement.noun_phrase]
        if index == lead_index:
            if own:
                own[0].lead = True
                lead_key = own[0].key
            else:
                lead = _undated(sentence, None, published, lead=True)
                dated.insert(0, lead)
                lead_key = lead.key
            for waiting in pending:
                waiting.supports = lead_key
            pending = []
        else:
            saying = _undated_saying(sentence, own)
            if not own or saying is not None:
                undated = _undated(sentence, reference, published, at=saying)
                if reference is None:
                    undated.supports = lead_key
                    if lead_key is None:
                        pending.append(undated)
                dated.append(undated)
        statements.extend(dated)
        if own and not own[-1].reported:
            reference = own[-1]
    for statement in statements:
        named = _named_subject(statement.headline, body, statement.sentence_start, statement.sentence)
        if named != statement.headline:
            statement.headline = _balance_quotes(_shorten(named))
    lead = next((statement for statement in statements if statement.lead), None)
    if lead is not None and lead.dated_by == DATED_BY_TEXT:
        for statement in statements:
            if statement.supports == lead.key and statement.dated_by == DATED_BY_REPORT:
                statement.span = replace(
                    lead.span, start=statement.sentence_start, end=statement.sentence_start, text="", rule="lead_time",
                    origin=Anchor(AnchorKind.LEAD, lead.span.first, lead.span.text, lead.span.value),
                    why=Reason("no time of its own: the article's news, dated by its lead"),
                )
    return statements


_SAYING = regex.compile(
    r"\b(?:said|says|announced|announces|claims|claimed|stated|states|told|reported|reports|noted|added|confirmed|"
    r"revealed|explained|acknowledged|admitted|insisted|argued|warned)\b"
)


def _undated_saying(sentence, own: list[Statement]) -> int | None:
    """Where a sentence reports a saying whose own time is not given, while its dates belong to what is
    said ("Steve announced that Leopard would be released in 2007", "Jobs said that his company sold 13.7
    million Macs last year"): the offset of the saying verb, which is a statement of its own."""
    if not own or any(statement.reported for statement in own):
        return None
    first_date = min(statement.span.start for statement in own) - sentence.start
    verb = _SAYING.search(sentence.text, 0, first_date)
    if verb is None or len(sentence.text[verb.end() : first_date].split()) <= 2:
        return None  # "reported earlier on Wednesday that…": the date is the saying's own
    return sentence.start + verb.start()


_PERSON = regex.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]+|[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z][a-z][\w'’-]*|[A-Z]\.)){1,2})"
    r"(?=\s+(?:has|had|have|is|was|will|would|said|told|[a-z]+ed|[a-z]+s)\b)"
)
_ORGANISATION_SUBJECT = regex.compile(
    r"(?:^|(?<=[.!?]\s))(?P<subject>(?:The|the)\s+(?:[\w-]+\s+){0,3}[\w-]+)\s+(?:has|had|have|is|was|will|would|said|[a-z]+ed)\b"
)
_SUBJECT_VERB = (r"(?:,[^,.;]{1,80},)?\s+(?:also\s+|then\s+|later\s+)?(?:has|had|have|is|are|was|were|will|would|could|"
                 r"said|says|told|[a-z]{2,}ed|[a-z]{3,}s|took|made|left|won|led|met|held|quit|became|began|gave|went|came|"
                 r"fled|rose|fell|spent|sold|bought|lost|faced)\b")
# Who or what a sentence is about: the words that open it, before its verb (an aside between commas allowed):
# "Rao, 75, was charged …", "Tshisekedi also dismissed …", "The aircraft carrier left …", "The rebels have …".
_SENTENCE_SUBJECT = regex.compile(
    r"(?:^|(?<=[.!?][\"”’]?\s+))(?P<subject>(?:The\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+)|(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
    + _SUBJECT_VERB
)
_NOT_A_NAME = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "a", "an", "but",
               "and", "in", "on", "at", "for", "after", "before", "when", "while", "if", "as", "his", "her", "its", "their",
               *FULL_MONTHS, *FULL_WEEKDAYS}
_BODIES = {"department", "ministry", "party", "union", "council", "committee", "agency", "company", "corp", "corporation",
           "bank", "government", "office", "army", "court", "nations", "group", "association", "commission", "board",
           "parliament", "assembly", "house", "senate", "congress", "police", "force", "forces", "news", "times", "post", "states",
           "kingdom", "republic", "aid", "organisation", "organization", "institute", "university", "airlines", "club"}
# "It is understood that …", "It seemed a task impossible": an "it" that stands for nothing.
_EXPLETIVE = regex.compile(
    r"^(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|seems|seemed|appears|appeared|remains|remained)\s+"
    r"(?:\w+\s+)?(?:that|to|whether|a|an|the|unclear|clear|likely|unlikely|possible|impossible|said|understood|expected|"
    r"believed|reported|known|hoped|feared|thought)\b"
)
_VERB_FIRST = regex.compile(
    r"^(?:has|had|have|is|was|were|are|will|would|took|made|left|won|led|met|held|quit|became|began|gave|went|came|fled|"
    r"rose|fell|spent|sold|bought|lost|[a-z]+ed(?!\s+[A-Z]))\b"
)
_LEADING_SUBJECT = regex.compile(r"^(?P<subject>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*),?\s")
_SUBJECT_REACH = 1500  # how far back a pronoun's referent is looked for


def _referent(pronoun: str, body: str, sentence_start: int) -> str | None:
    """Who or what a sentence-opening pronoun stands for: the last person named before ("He" ← "Mr Kim met
    …", "Rao, 75, was charged …"), the last thing a sentence was about ("It" ← "The aircraft carrier left …"),
    the last group ("They" ← "The rebels have …")."""
    window = max(0, sentence_start - _SUBJECT_REACH)
    found: list[tuple[int, str]] = []
    for match in _SENTENCE_SUBJECT.finditer(body, window, sentence_start):
        subject = match["subject"]
        words = subject.split()
        if words[0].lower() in _NOT_A_NAME:
            continue
        determined = words[0] == "The"
        plural = words[-1].endswith("s") and not words[-1].endswith("ss")
        person = not determined and len(words) <= 4 and _a_person(words, body, match.start("subject"))
        if (pronoun in ("he", "she") and person) or (pronoun == "it" and determined and not plural) or (
            pronoun == "they" and determined and plural
        ):
            found.append((match.start("subject"), subject))
    if pronoun in ("he", "she"):
        for match in _PERSON.finditer(body, window, sentence_start):
            words = match.group().split()
            if words[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr") or (
                words[0].lower() not in _NOT_A_NAME and _a_person(words, body, match.start())
            ):
                found.append((match.start(), match.group().strip()))
    return max(found)[1] if found else None


def _a_person(words: list[str], body: str, at: int) -> bool:
    """Whether capitalised words name a person: not an acronym or a body ("State Department"), and one word
    alone only as the surname of someone named in full before ("Rao" after "P.V. Narasimha Rao")."""
    if not all(word[:1].isupper() for word in words) or any(word.isupper() and len(word) > 1 for word in words):
        return False
    if any(word.endswith(("'s", "’s")) for word in words):
        return False
    if words[-1].lower().strip("'’s") in _BODIES:
        return False
    if len(words) > 1:
        return True
    return regex.search(r"[A-Z][\w.'’-]*\s+" + regex.escape(words[0]) + r"\b", body, 0, at) is not None


def _named_subject(headline: str, body: str, sentence_start: int, sentence: str) -> str:
    """A headline whose subject is a bare pronoun names who or what the article said it was (see
    `_referent`); one that starts at its verb ("Has not met the Russian leader") gets the sentence's
    subject, itself named if a pronoun."""
    first, _, rest = headline.partition(" ")
    pronoun = first.lower()
    if pronoun in ("he", "she", "it", "they") and rest and not (pronoun == "it" and _EXPLETIVE.match(rest)):
        referent = _referent(pronoun, body, sentence_start)
        if referent:
            return f"{referent[0].upper()}{referent[1:]} {rest}"
    if _VERB_FIRST.match(headline[:1].lower() + headline[1:]) and headline[:1].isupper():
        subject = _LEADING_SUBJECT.match(sentence)
        if subject and subject["subject"].split()[0].lower() in ("he", "she", "it", "they"):
            referent = _referent(subject["subject"].split()[0].lower(), body, sentence_start)
            if referent:
                return f"{referent} {headline[:1].lower()}{headline[1:]}"
        elif subject and subject["subject"].split()[0].lower() not in _DANGLING:
            return f"{subject['subject']} {headline[:1].lower()}{headline[1:]}"
    return headline


def _undated(sentence, reference: Statement | None, published: date | None, lead: bool = False, at: int | None = None) -> Statement:
    """A statement without a date of its own, dated by the time it narrates: the paragraph's reference
    time, else the day of report (the publication date; the lead's event where the lead has a date).
    Its empty phrase sits at the start of the sentence, or at `at`, the verb of the saying it reports."""
    at = sentence.start if at is None else at
    if reference is not None:
        span = Span(
            at, at, "", "DATE", reference.span.value, reference.span.mod,
            reference.span.first, reference.span.last, rule="narrative_time",
            origin=Anchor(AnchorKind.PARAGRAPH, reference.span.first, reference.span.text, reference.span.value),
            why=Reason("no time of its own: the reference time of what it narrates"),
        )
        dated_by, supports = DATED_BY_NARRATIVE, reference.key
    else:
        value = published.isoformat() if published else ""
        span = Span(
            at, at, "", "DATE", value, "", published, published, rule="day_of_report",
            origin=Anchor(AnchorKind.REPORT_DAY, published) if published else None,
            why=Reason("day of report: the article's publication date, no time in the lead" if lead
                       else "no time of its own: the article's news, reported that day"),
        )
        dated_by, supports = DATED_BY_REPORT, None
    return Statement(
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        clause=sentence.text,
        span=span,
        headline=make_headline(sentence.text, []),
        terms=stems(sentence.text),
        dated_by=dated_by,
        lead=lead,
        supports=supports,
    )


def _paragraphs(body: str, sentences) -> list[int]:
    """The paragraph number of each sentence: a line break ends a paragraph."""
    numbers, paragraph, previous_end = [], 0, 0
    for sentence in sentences:
        if "\n" in body[previous_end : sentence.start]:
            paragraph += 1
        numbers.append(paragraph)
        previous_end = sentence.end
    return numbers


_LEAD_REACH = 4  # the lead is among the first sentences: a caption or a kicker may come before it


def find_lead(sentences, title: str = "") -> int | None:
    """Which sentence reports the article's news: of the first few full sentences, the one saying most
    of what the title says (a photo caption or a quote may open the body); the first when the title
    says nothing."""
    candidates = [i for i, s in enumerate(sentences[: _LEAD_REACH * 2]) if _is_full_sentence(s.text)][:_LEAD_REACH]
    # A lead reports a happening: an analyst's "is probably looking to…" is not one, when another sentence is.
    candidates = [i for i in candidates if not _UNREAL.search(sentences[i].text)] or candidates
    if not candidates:
        return 0 if sentences else None
    wanted = stems(title)
    if not wanted:
        return candidates[0]

    def overlap(i: int) -> float:
        said = stems(sentences[i].text)
        return sum(min(count, said[term]) for term, count in wanted.items() if term in said) / math.sqrt(1 + sum(said.values()))

    best = max(candidates, key=lambda i: (round(overlap(i), 2), -i))
    return best if overlap(best) > overlap(candidates[0]) * 1.25 else candidates[0]


_CAPTION = regex.compile(r"(?i)\b(?:photo|picture|file photo|credit|getty|afp|reuters|ap)\s*(?:[:/]|$)|^\W*$")


def _is_full_sentence(text: str) -> bool:
    """A sentence of the story, not a caption, credit or heading: some words and an end."""
    words = text.split()
    return len(words) >= 6 and text.rstrip("\"”’')").endswith((".", "!", "?")) and not _CAPTION.search(text)


# What makes a date date nothing. Speculation, conditions and hopes say what may happen: the date of a
# thing that may never be is no happening's date ("Kim is likely to seek help … by the end of the year",
# "as long as the US offers terms by year end"). Lowercase modals only: "May" is a month.
_UNREAL = regex.compile(
    r"\b(?:(?i:likely|unlikely|probably|possibly|perhaps|maybe|if|unless|whether|as\s+long\s+as|provided\s+that|"
    r"hopes?|hoped|hoping|wish(?:es|ed)?|would\s+like|speculat\w+|predict\w*|forecasts?)|may|might|could)\b"
)
# A clause boundary past which the modality of what came before no longer holds.
_CLAUSE_BOUNDARY = regex.compile(r";|\s[—–]\s|,\s*(?:but|while|whereas|although|though)\b|\.\s")
# Generic uses of a day word: "the cars of tomorrow", "the world of today".
_GENERIC_BEFORE = regex.compile(r"(?i)\bof\s+$")
_GENERIC_WORDS = {"today", "tomorrow", "yesterday", "tonight"}
# A comparison baseline: "the worst fall since 1987", "the lowest level since October 1997", "the first
# time since 2003" date the baseline, not a happening.
_BASELINE_BEFORE = regex.compile(
    r"(?i)\b(?:\w+est|most|least|first|highest|lowest|best|worst|biggest|largest|strongest|weakest|record)\b"
    r"[^,;:.]{0,60}\bsince\s+(?:(?:early|mid|late|the\s+(?:start|end|beginning)\s+of)\s+)?$"
)
_CLOSED_QUOTATION = regex.compile(r'"[^"]*"|“[^”]*”')
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_QUOTES_OPEN = "\"“"


def _dating(sentence: str, offset: int, inside: list[Span], every: list[Span], previous) -> list[Span]:
    """The spans of a sentence that date something there: speculation, conditions, hopes, generic uses
    and comparison baselines date nothing; a quoted 'today' counts from the day of the saying."""
    kept = []
    for span in inside:
        start = span.start - offset
        before = sentence[:start]
        word = span.text.lower()
        if word in _GENERIC_WORDS and _GENERIC_BEFORE.search(before):
            continue
        if _BASELINE_BEFORE.search(before):
            continue
        boundary = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(before)), default=0)
        # A hope inside a closed quotation does not reach the attribution after it ('"I hope…," he said Wednesday').
        unquoted = before if _quoted(before) else _CLOSED_QUOTATION.sub(lambda m: " " * len(m.group()), before)
        if _UNREAL.search(unquoted, boundary):
            continue
        kept.append(_quoted_day(span, sentence, offset, inside, previous) if word in _DAY_WORDS and _quoted(before) else span)
    return kept


def _quoted(before: str) -> bool:
    """Whether a point of the sentence is inside a quotation (more quotes opened than closed before it)."""
    straight = before.count('"')
    return straight % 2 == 1 or before.count("“") > before.count("”")


def _quoted_day(span: Span, sentence: str, offset: int, inside: list[Span], previous) -> Span:
    """'"Today is a great day," Jobs said on Monday': a quoted day word counts from the day of the
    saying when the sentence (or the one before it in the paragraph) gives it."""
    saying = next((other for other in inside if other is not span and other.rule == "weekday_of_saying" and other.first), None)
    if saying is None:
        for other in inside:
            if other is not span and other.first and other.first == other.last and _dates_a_report(
                sentence, other.start - offset, other.end - offset
            ):
                saying = other
                break
    if saying is None:
        return span
    day = saying.first + timedelta(days=_DAY_WORDS[span.text.lower()])
    return replace(
        span, value=day.isoformat(), first=day, last=day, rule="quoted_day_word",
        origin=Anchor(AnchorKind.SAYING_DAY, saying.first, saying.text, saying.value),
        why=Reason(f"'{span.text}' inside the quotation counts from the day it was said"),
    )


_RELATIVE_START = regex.compile(r"(?:who|which)\s+")
_ANTECEDENT = regex.compile(r"(?:(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*|\b(?i:the|a|an)\s+(?:[\w-]+\s+){0,3}[\w-]+)\s*$")


def _relative_clause(sentence: str, bounds, index: int, date_start: int) -> tuple[str, int] | None:
    """A date in a relative clause dates what the clause says of its antecedent: the antecedent and the
    clause without its pronoun, and where the date sits in that text."""
    start, end = bounds[index]
    opener = _RELATIVE_START.match(sentence, start)
    if not opener or index == 0:
        return None
    antecedent = _ANTECEDENT.search(sentence, *bounds[index - 1])
    if not antecedent:
        return None
    text = f"{antecedent.group().strip()} {sentence[opener.end() : end]}"
    return text, len(antecedent.group().strip()) + 1 + date_start - opener.end()


_POSSESSIVE = regex.compile(r"['’]s\b")


def _statements_of(sentence: str, offset: int, spans: list[Span]) -> list[Statement]:
    """One statement per clause holding a date; a clause's first date governs it, unless it is the date
    of a saying and the clause gives another ("said earlier today that the phone ships on June 1st").
    A sentence with one dated clause is its own clause: what it says is the whole sentence."""
    by_segment: dict[int, Span] = {}
    values_seen = set()
    possessive = [span for span in spans if _POSSESSIVE.match(sentence, span.end - offset)]
    if len(possessive) < len(spans):
        spans = [span for span in spans if span not in possessive]  # "this year's conference" dates the conference
    bounds, walls = _coordinated(sentence, _segments(sentence, _DATING_BREAK), [span.start - offset for span in spans])
    for span in spans:
        if span.value and span.value in values_seen:
            continue  # "on Thursday (April 25)": one date said twice
        values_seen.add(span.value)
        index = next((i for i, (s, e) in enumerate(bounds) if s <= span.start - offset < e), len(bounds) - 1)
        held = by_segment.get(index)
        if held is None or (
            _dates_a_report(sentence, held.start - offset, held.end - offset)
            and not _dates_a_report(sentence, span.start - offset, span.end - offset)
        ):
            by_segment[index] = span
    found = []
    for index, span in sorted(by_segment.items()):
        if len(by_segment) > 1:
            clause_start, clause_end = _clause(sentence, bounds, index, walls)
        else:  # the independent clause holding the date: "It was his first visit; his father visited in 2011"
            clause_start = sentence.rfind(";", 0, span.start - offset) + 1
            following = sentence.find(";", span.end - offset)
            clause_end = following if following >= 0 else len(sentence)
            while clause_start < clause_end and sentence[clause_start].isspace():
                clause_start += 1
        local_start = span.start - offset - clause_start
        clause = sentence[clause_start:clause_end]
        noun_phrase = _dated_noun_phrase(clause, local_start, local_start + span.end - span.start)
        relative = _relative_clause(sentence, bounds, index, span.start - offset)
        if relative:  # "…by Kim Il Sung who died in 1994": "Kim Il Sung died"
            focus, at = relative
            dates_in_focus = [(at, at + span.end - span.start)]
        elif noun_phrase:
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
                noun_phrase=bool(noun_phrase) or bool(_POSSESSIVE.match(sentence, span.end - offset)),
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


_SUBORDINATOR = regex.compile(r"\b(?i:after|before|when|once|because|as|while|until|since)\s+(?=(?i:his|her|its|their|the|a|an)\b|[A-Z])")


def _focus(clause: str, date_start: int) -> int:
    """Where the happening a date dates begins: past a subordinator before the date ("… after his
    second summit broke down in February …" dates the summit), else the clause's start."""
    segment_start = max((m.end() for m in _SEGMENT_BREAK.finditer(clause, 0, date_start)), default=0)
    candidates = [m for m in _SUBORDINATOR.finditer(clause, segment_start, date_start)]
    if not candidates:  # "…, and the first since his late father, Kim Jong Il, visited in 2011": past an aside
        candidates = [m for m in _SUBORDINATOR.finditer(clause, 0, date_start) if ";" not in clause[m.end() : date_start]]
        segment_start = 0
    if candidates and len(clause[segment_start : candidates[-1].start()].split()) >= 3:
        return candidates[-1].end()
    return 0


_DETERMINER_BEFORE = regex.compile(r"(?i)\b(?:a|an|the|his|her|its|their|our|[\w.-]+['’]s)\s+(?:[a-z][\w-]*\s+)?$")
_NOUN_AFTER = regex.compile(r"\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*")
_NOUN_PHRASE_END = regex.compile(r"(?i),|;|\s[—–-]{1,2}\s|\s(?:who|which|that|where|when|as|but|and\s+(?:was|were|is|are|has|had))\b|\.?$")
_PARTICIPLE_START = regex.compile(
    r"(?i)^(?:(?:last|first|once|previously|originally|also|later|since)\s+)?"
    r"(?:[a-z]{3,}ed|held|built|made|signed|founded|won|begun|written|taken|given|seen|known|set\s+up|torn\s+down|"
    r"(?:set|due|scheduled|slated|expected)\s+to)\b"
)
_NOUN_THEN_DAY = regex.compile(r"(?i)\b(?:a|an|the|his|her|its|their|our)\s+(?:[a-z][\w-]*\s+){0,2}(?P<word>[a-z][\w-]*)\s+$")
_BARE_DAY = regex.compile(
    r"(?:\d|" + "|".join(name.capitalize() + (r"\b" if name == "may" else "") for name in [*FULL_WEEKDAYS, *FULL_MONTHS]) + ")"
)
_NOT_NOUNS = set("""on in at by for from to of since until till during before after this that next last early late
    said says told is was are were be been will would can could may might has have had and or but than as""".split())
_HEAD_NOUN_PHRASE = regex.compile(r"(?i)\b(?:the|a|an|its|his|their)\s+((?:[\w-]+\s+){0,3}[\w-]+)\s*$")


def _dated_noun_phrase(clause: str, date_start: int, date_end: int) -> tuple[str, list[tuple[int, int]]] | None:
    """A date that dates a thing named inside the sentence, not the sentence's own happening: "a 1986 visit
    by Kim Il Sung" (the visit), "the six-party talks — which … — last held in 2008" (the talks).
    Returns that phrase and where the date sits in it, or None."""
    determiner = _DETERMINER_BEFORE.search(clause, 0, date_start)
    if regex.fullmatch(r"(?:1[6-9]|20)\d\d", clause[date_start:date_end]) and determiner and _NOUN_AFTER.match(clause, date_end):
        end = _NOUN_PHRASE_END.search(clause, date_end).start()
        return clause[determiner.start() : end], [(date_start - determiner.start(), date_end - determiner.start())]
    # "travelling on to Vladivostok for a summit Thursday with Putin": a bare day right after a noun
    # that a determiner opens dates that noun, not the clause's verb.
    noun = _NOUN_THEN_DAY.search(clause, 0, date_start)
    if (
        noun and noun.end() == date_start and noun["word"].lower() not in _NOT_NOUNS and not noun["word"].endswith("ed")
        and _BARE_DAY.match(clause, date_start)
    ):
        end = _NOUN_PHRASE_END.search(clause, date_end).start()
        return clause[noun.start() : end], [(date_start - noun.start(), date_end - noun.start())]
    earlier = _segments(clause[:date_start])
    if len(earlier) < 2 or not _PARTICIPLE_START.match(clause[slice(*earlier[-1])]):
        return None
    # The noun is at the end of the segment before, or before an aside about it ("— which involved …, … —").
    asides = [i for i, (start, end) in enumerate(earlier[:-1]) if _RELATIVE.match(clause, start, end)]
    index = asides[-1] - 1 if asides else len(earlier) - 2
    head = _HEAD_NOUN_PHRASE.search(clause, *earlier[index]) if index >= 0 else None
    if head:
        head_text = head[1]
    elif index >= 0 and len(clause[slice(*earlier[index])].split()) <= 4:  # "– North Korean guest workers – set to …"
        head_text = clause[slice(*earlier[index])].strip()
    else:
        return None
    text = f"{head_text} {clause[earlier[-1][0] : date_end]}"
    return text, [(len(text) - (date_end - date_start), len(text))]


# What a date dates ends at a relative pronoun too: "a 1986 visit by Kim Il Sung who died in 1994".
_DATING_BREAK = regex.compile(_SEGMENT_BREAK.pattern + r"|\s(?=(?:who|which)\s)")


def _segments(sentence: str, breaks=_SEGMENT_BREAK) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in breaks.finditer(sentence):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(sentence):
        bounds.append((start, len(sentence)))
    return bounds or [(0, len(sentence))]


def _content_words(text: str) -> int:
    return sum(stems(text).values())


_RELATIVE = regex.compile(r"(?i)\s*(?:who|which|where|whose)\b\s*")


def _clause(sentence: str, bounds: list[tuple[int, int]], index: int, walls: set[int] = frozenset()) -> tuple[int, int]:
    """The date's segment, grown into its neighbours until it says something: an opening adverbial
    ("In February, …") belongs to what follows it, a trailing one (", in 2002") and a relative clause
    ("…, who arrived on Wednesday") to what precedes it. It never grows past a wall (after segment i
    when i is in `walls`): two coordinated happenings are two clauses ("fought cancer in 2004 and took
    six months off in early 2009")."""
    start, end = bounds[index]
    first, last = index, index
    forward_first = index == 0
    while _content_words(sentence[start:end]) < 4:
        forward = last < len(bounds) - 1 and last not in walls
        backward = first > 0 and first - 1 not in walls
        if not (forward or backward):
            break
        if forward and (forward_first or not backward):
            last += 1
            end = bounds[last][1]
        else:
            first -= 1
            while first > 0 and first - 1 not in walls and _content_words(sentence[slice(*bounds[first])]) == 0:
                first -= 1  # a segment that is only another date says nothing about this one
            start = bounds[first][0]
    return start, end


# "fought cancer in 2004 and took six months off in early 2009": two happenings, each with its date.
_COORDINATED_VERB = regex.compile(
    r"\s(?:and|but)\s+(?=(?:then\s+|later\s+)?(?:[a-z]{3,}ed|has|had|have|was|were|is|are|will|took|made|became|began|won|"
    r"lost|sold|bought|fought|led|met|went|came|gave|held|kept|left|brought|sent|spent|built|wrote|ran|rose|fell|grew|saw|"
    r"quit|joined)\b)"
)


def _coordinated(sentence: str, bounds: list[tuple[int, int]], dates: list[int]) -> tuple[list[tuple[int, int]], set[int]]:
    """Segments split where a verb coordinated by "and" starts a second happening between two dates, and
    the walls between the parts so split."""
    split, walls = [], set()
    for start, end in bounds:
        inside = sorted(at for at in dates if start <= at < end)
        cut = None
        if len(inside) >= 2:
            cut = next((m for m in _COORDINATED_VERB.finditer(sentence, inside[0], inside[-1])), None)
        if cut is None:
            split.append((start, end))
        else:
            walls.add(len(split))
            split += [(start, cut.start()), (cut.start() + 1, end)]
    return split, walls


def make_headline(clause: str, dates: list[tuple[int, int]]) -> str:
    """A short, readable form of the clause: without its dates, attribution and connectives, cut at a
    clause boundary when long, never ending on a word that needs another after it, quotes balanced."""
    text = clause
    for date_start, date_end in sorted(dates, reverse=True):
        before = text[:date_start]
        lead_in = _DATE_LEAD_IN.search(before)
        text = before[: lead_in.start()].rstrip(" ,") + regex.sub(r"^['’]s\b", "", text[date_end:])
    text = regex.sub(r"[(\[]\s*[)\]]", "", text)
    text = regex.sub(r"\s+([,.;:])", r"\1", regex.sub(r"\s{2,}", " ", text)).strip(" ,;:-—–")
    text = regex.sub(r"^(?:[,;]\s*)+", "", text)
    text = _without_attribution_tail(text)
    text = _ATTRIBUTION_HEAD.sub("", text)
    # "After the failed Hanoi summit, Mr Kim is …": an opening subordinate phrase is not the happening.
    opening = _OPENING_PHRASE.match(text)
    if opening and len(text[opening.end() :].split()) >= 4:
        text = text[opening.end() :]
    text = _LEADING_WORDS.sub("", text).strip(" ,;:")
    text = regex.sub(r"(?i),?\s+(?:who|which)\s+(?=(?:also\s+)?[a-z]+ed\b|(?:also\s+)?(?:met|went|came|took|made|held|had|was|were|left|gave)\b)", " ", text)
    text = text.strip().rstrip(".")
    if len(text) > HEADLINE_LENGTH:
        cuts = [m.start() for m in _NATURAL_CUT.finditer(text) if 40 <= m.start() <= HEADLINE_LENGTH]
        text = text[: cuts[-1]] if cuts else text[: text.rfind(" ", 0, HEADLINE_LENGTH)]
    text = _tidy_end(text)
    if len(text.split()) < 4 and dates:  # "It was signed": too little left without its date
        text = _tidy_end(_LEADING_WORDS.sub("", regex.sub(r"\s{2,}", " ", clause).strip()).rstrip("."))
        if len(text) > HEADLINE_LENGTH:
            text = _tidy_end(text[: text.rfind(" ", 0, HEADLINE_LENGTH)])
    text = _balance_quotes(text)
    return text[:1].upper() + text[1:] if text else clause.strip()[:HEADLINE_LENGTH]


_TAIL_REACH = 90  # how far before its verb an attribution tail may start ("the official Xinhua news agency said")


def _without_attribution_tail(text: str) -> str:
    """The text without a closing attribution (", the agency said"). Found from its verb: trying the
    whole pattern at every position of every sentence was half the cost of reading an article."""
    verb = next((v for v in _ATTRIBUTION_VERB.finditer(text) if _ATTRIBUTION_END.match(text, v.start())), None)
    tail = _ATTRIBUTION_TAIL.search(text, max(0, verb.start() - _TAIL_REACH)) if verb else None
    return (text[: tail.start()] if tail else text).strip(" ,;:")


_OPENING_PHRASE = regex.compile(
    r"(?i)^(?:after|before|since|following|despite|amid|during|while|although|though|when|as|because|in|on|at|for|with)\b[^,;:\"“”]{2,80},\s+(?=[A-Z\"“])"
)
# Words a headline cannot end on: they need what follows (prepositions, articles, conjunctions, auxiliaries).
_DANGLING = set("""a an the and or but nor so yet for to of in on at by from with without into onto over under about
    after before since until as than that which who whom whose where when while because although though if whether
    amid among between through during against toward towards per via including like is are was were be been being
    has have had will would can could may might must shall should do does did his her its their our your my
    this these those such also not""".split())


def _shorten(text: str) -> str:
    """Cut a long headline at the last clause boundary within HEADLINE_LENGTH (else a word boundary)."""
    if len(text) > HEADLINE_LENGTH:
        cuts = [m.start() for m in _NATURAL_CUT.finditer(text) if 40 <= m.start() <= HEADLINE_LENGTH]
        text = text[: cuts[-1]] if cuts else text[: text.rfind(" ", 0, HEADLINE_LENGTH)]
    return _tidy_end(text)


def _tidy_end(text: str) -> str:
    """Drop trailing punctuation and words that need a continuation ("…lasted throughout" once its date
    is gone); a verb's particle ("wound up", "went off") ends a clause well and stays."""
    while True:
        text = text.rstrip(" ,;:-—–(\"“‘'")
        words = text.split()
        last = words[-1].lower().strip(".,") if words else ""
        if len(words) > 3 and (last in _DANGLING or last in PREPOSITIONS) and not is_particle(words[-2], last):
            text = text[: text.rfind(" ")]
            continue
        return text


PREPOSITIONS = set("""about above across after against along amid among around as at before behind below beneath beside
    between beyond by despite down during except for from in inside into like near of off on onto out outside over past
    per since than through throughout till to toward towards under until up upon via with within without""".split())
_PARTICLES = {"up", "down", "out", "off", "over", "back", "away", "around", "in", "on", "through"}
_IRREGULAR_PAST = set("""went came took set put got broke ran gave made held kept let left brought cut shut sent spoke
    fell struck threw wound turned""".split())


def is_particle(previous: str, word: str) -> bool:
    """'wound up', 'voted out', 'went off': an adverb particle right after a verb, not a preposition."""
    previous = previous.lower().strip(".,")
    return word in _PARTICLES and (previous.endswith(("ed", "ing", "en")) or previous in _IRREGULAR_PAST)


def _balance_quotes(text: str) -> str:
    """A headline taken from inside a quotation gets back the quote mark it lost; one cut inside a
    quotation gets its closing mark."""
    if text.count('"') % 2:
        first = text.index('"')
        closing = first > 0 and (first == len(text) - 1 or not text[first + 1].isalnum()) and text[first - 1] not in " ("
        text = f'"{text}' if closing else f'{text}"'
    opened, closed = text.count("“"), text.count("”")
    if opened > closed:
        text += "”" * (opened - closed)
    elif closed > opened:
        text = "“" * (closed - opened) + text
    return text


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


