"""Seasons: "last fall", "this summer", "the summer of 2019", "2005 spring"."""

from datetime import date

import regex

from ... import calendar as cal
from ...lexicon import MOD_WORDS, NAMES_AFTER_A_SEASON, SEASONS
from ..patterns import MOD, YEAR, I, meaning, one_of, relative
from ..provenance import AnchorKind, Cue, CueKind, Direction, Reason
from ..rule import Example, Rule
from ..spans import NARRATIVE, POST, make, publication, waiting
from ..tense import direction

_NAME_AFTER_SEASON = regex.compile(rf"[\s-]+(?:(?-i:[A-Z])|(?i:{one_of(NAMES_AFTER_A_SEASON)})\b)")


def season(match, context):
    code = SEASONS[match.group("season").lower()]
    word = (match.group("relative") or "").lower()
    mod = MOD_WORDS.get((match.group("mod") or "").lower(), "")
    start = match.start()
    if word in ("in", "during", "since", "by", "the"):
        start = match.start("season") if not match.group("mod") else start
        if word == "the" and not match.group("mod"):
            start = match.start("relative")
    if match.group("season").lower() == "fall" and not word and not match.group("year") and not match.group("mod"):
        return None  # "prices fall": the verb
    if not match.group("year") and match.group(0).lower().endswith("of"):
        return None  # "the fall of Saddam Hussein", "the summer of love": no season of a calendar
    if not match.group("year") and _NAME_AFTER_SEASON.match(context.text, match.end()):
        return None  # "the Spring Festival", "Winter Olympics", "summer time": names, not the season
    if not word and not match.group("year") and not match.group("mod") and context.kind != POST:
        return None  # in news a bare season word is usually not a date ("spring rains"); posts mean the season ("Spring's florals")
    if match.group("year"):
        return make(match, context, "DATE", f"{match.group('year')}-{code}", mod=mod, why="season", start=start)
    if missing := waiting(match, context):
        return missing
    story = context.story_date
    if (context.kind == NARRATIVE and story is not None and story.kind is AnchorKind.PHRASE
            and cal.granularity(story.shown) in ("year", "decade", "century")):
        # "In 1941 … During the summer": the summer of the year the story has reached
        return make(match, context, "DATE", f"{story.day.year:04d}-{code}", mod=mod, origin=story,
                    why=f"season: the year of the story's date '{story.phrase}'", start=start)
    published = context.published
    # The seasons around the publication date, each with its calendar interval.
    seasons = [(year, cal.interval(f"{year:04d}-{code}")) for year in (published.year - 2, published.year - 1, published.year, published.year + 1)]
    finished = [year for year, (first, last) in seasons if last < published]
    under_way = [year for year, (first, last) in seasons if first <= published <= last]
    upcoming = [year for year, (first, last) in seasons if first > published]
    relative_word = meaning(word) if word else None  # "in", "by" and the like mean nothing of their own
    steps = relative_word.steps if relative_word else 0
    if steps < 0:
        year, way, reason = finished[-1], Direction.PAST, Reason(Cue(Direction.PAST, CueKind.RELATIVE_WORD, "last"))
    elif steps > 0:
        year, way, reason = upcoming[0], Direction.FUTURE, Reason(Cue(Direction.FUTURE, CueKind.RELATIVE_WORD, word))
    elif under_way:
        year, way, reason = under_way[0], Direction.NONE, Reason("the season under way")
    else:  # "this summer" said in November is the one just gone, unless the tense says it is ahead
        cue = direction(context.text, match.start(), match.end())
        way, reason = cue.direction, Reason(cue)
        if way is Direction.FUTURE and cue.weak:
            way = Direction.NONE  # "preparations for the summer war": the nearer summer
        gone, coming = finished[-1], upcoming[0]
        ended, starts = dict(seasons)[gone][1], dict(seasons)[coming][0]
        if word == "this" and way is Direction.PAST and (published - ended).days > 183:
            way = Direction.NONE  # "supplies this winter", said in November: the winter about to start, not one long gone
        year = (gone if way is Direction.PAST else coming if way is Direction.FUTURE
                else gone if (published - ended).days < (starts - published).days else coming)
    return make(match, context, "DATE", f"{year:04d}-{code}", mod=mod, origin=publication(context),
                heading=way, why=Reason("season: ", reason), start=start)


def year_season(match, context):
    code = SEASONS[match.group("season").lower()]
    return make(match, context, "DATE", f"{match.group('year')}-{code}", why="season")


_SEASON = I(one_of(SEASONS))

RULES = [
    Rule(
        "season", 180,
        rf"(?:(?P<mod>{I(MOD)})[\s-]+)?(?:{relative('last', 'next', 'this', 'coming', 'past', 'the', also=('in', 'during', 'since', 'by'))}\s+)?"
        rf"(?P<season>{_SEASON})(?:\s+{I(r'of')})?(?:\s+(?P<year>{YEAR}))?\b",
        season,
        examples=(
            Example("The plan was drawn up last fall.", date(1999, 4, 10), "1998-FA", matched="last fall"),
            Example("Talks are expected in the summer of 2019.", date(2019, 4, 25), "2019-SU", matched="the summer of 2019"),
            Example("We will go there this summer.", date(2006, 11, 27), "2007-SU", matched="this summer"),
        ),
    ),
    Rule(
        "year_season", 190,
        rf"(?P<year>{YEAR})\s+(?P<season>{_SEASON})\b",
        year_season,
        examples=(
            Example("They were unveiled as mascots of the 2008 summer Olympiad to be held in Beijing.", date(2005, 11, 14), "2008-SU",
                    matched="2008 summer"),
        ),
    ),
]
