"""The language an article is written in, as an ISO 639-1 code ("en", "ru", "ko"…), or "" when the text says
too little to tell.

English news is recognised by its commonest words without asking a model (most of what this project
reads is English, and the engine's speed counts); any other text goes to lingua, a detector of 75
languages that is accurate on short texts, restricted here to the languages dateparser reads dates in
and built once, on first use. A long text in plain ASCII is read among the few languages commonly written
without a letter outside it (Spanish, French, German, Italian… put an accent or an umlaut in any
paragraph): English tables of scores and lists of names are no longer taken for Spanish, and the models
of thirty-odd languages (about 100 MB) are loaded only when a text needs them.
"""

from functools import cache

import regex

ENGLISH = "en"

# The languages the detector chooses among (ISO 639-1 codes, each one that dateparser reads).
LANGUAGES = (
    "en", "ru", "uk", "be", "bg", "ko", "ja", "zh", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr",
    "sr", "ro", "hu", "fi", "sv", "da", "nb", "tr", "ar", "fa", "he", "el", "id", "ms", "vi", "th", "hi", "ca",
)
# The languages a long text in plain ASCII is read among.
PLAIN_ASCII = ("en", "nl", "id", "ms")
_ENGLISH_WORDS = regex.compile(r"\b(?i:the|and|of|to|in|is|was|were|for|on|that|with|said|has|have|at|by|from|it|will)\b")
_WORD = regex.compile(r"\p{L}+")
_LEAST_LETTERS = 20  # a shorter text tells no language reliably
_SAMPLE = 3000  # characters: enough to tell, however long the article
_ENGLISH_SHARE = 0.12  # of the words: the commonest English words make up a fifth or so of English prose
_LEAST_CONFIDENCE = 0.5
_SHORT = 400
_OPENING = 200  # characters at most of the first line


def detect(text: str) -> str:
    sample = text[:_SAMPLE]
    if len(sample) < _SHORT and sample.isascii():
        return ENGLISH  # a short text in plain ASCII (a headline, a post): read as English, without a model
    words = _WORD.findall(sample)
    if sum(len(word) for word in words) < _LEAST_LETTERS:
        return ""
    opening = sample.lstrip().split("\n", 1)[0][:_OPENING]
    for part in (sample, opening):  # the opening alone, for an article that is mostly a list of names
        if len(_ENGLISH_WORDS.findall(part)) >= max(3, _ENGLISH_SHARE * len(_WORD.findall(part))):
            return ENGLISH
    confidences = _detector(PLAIN_ASCII if sample.isascii() else LANGUAGES).compute_language_confidence_values(sample)
    best = confidences[0] if confidences else None
    if best is None or best.value < _LEAST_CONFIDENCE:
        return ""
    return best.language.iso_code_639_1.name.lower()


@cache
def _detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()
