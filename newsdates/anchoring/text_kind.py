"""Whether a text reads as news, as a social-media post, (relative dates count from its publication date) or as narrative (they
count from the last date the text established): decided from the years the text itself names.

News names years near its publication date ("last year", "in 1997" in a 1998 story), with some
background further back; a history of a war or a biography names years decades before the date it was
published or downloaded. A text whose named years lie mostly well before its publication date reads as
narrative, unless it speaks as news does: it reports what people said ("said", "told") throughout, or
its opening names a day from the reader's own week ("said Thursday", "today").
"""

from datetime import date
from statistics import median

import regex

from .spans import NARRATIVE, NEWS, POST

# A year as a year: not inside a longer number, an amount or a time ("$1990", "1,990", "1990 GMT").
_YEAR = regex.compile(r"(?<![\d$£€¥#.,:/-])(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|:\d|\s*(?:GMT|UTC|hours|hrs)\b)")
_REPORTING = regex.compile(r"\b(?:said|says|told|according\s+to)\b")
_DAY_OF_THE_WEEK_OF_PUBLICATION = regex.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight)\b")
_OPENING = 1000  # characters: where news says what day it is about
_REPORTING_PER_THOUSAND = 0.3  # characters: how often news reports a saying, at the least
_LEAST_YEARS = 4  # fewer named years than this say too little: the text is read as news
_YEARS_BACK = 8  # how far before the publication date half of the named years must lie
_NEAR_SHARE = 0.25  # …with fewer than this share within two years of it


# A post is short and speaks as chat does: a handle, a hashtag, a link, an emoticon, "lol", "!!", or as a
# diary does; news is not that short.
_POST_LENGTH = 400
_CHAT = regex.compile(
    r"(?:^|\s)[@#]\w|https?://|(?<!\w)(?:[:;]-?[()DPp]|<3)|[!?]{2,}|\b(?i:lol|lmao|omg|haha\w*|hehe\w*|gonna|wanna|pls|plz|tmr|tmrw|tdy|abt|nvm|fml|wtf|idk|tbh|btw|smh|gg)\b|(?<![\w.])(?:u|ur)(?![\w.])"
    # …or as a diary does: in the first person singular, from a lowercase start, with "!" or "..."
    r"|\b(?:I|I'm|Im|im|my|me)\b|^\s*[a-z]|!|\.\.|\?\s*$"
)


def text_kind(text: str, published: date | None) -> str:
    if len(text) <= _POST_LENGTH and _CHAT.search(text):
        return POST
    if published is None:
        return NEWS
    years = [int(found) for found in _YEAR.findall(text)]
    years = [year for year in years if year <= published.year + 1]
    if len(years) < _LEAST_YEARS:
        return NEWS
    near = sum(1 for year in years if published.year - year <= 2)
    if median(years) > published.year - _YEARS_BACK or near / len(years) >= _NEAR_SHARE:
        return NEWS
    if _DAY_OF_THE_WEEK_OF_PUBLICATION.search(text, 0, _OPENING):
        return NEWS
    if len(_REPORTING.findall(text)) * 1000 / len(text) >= _REPORTING_PER_THOUSAND:
        return NEWS
    return NARRATIVE
