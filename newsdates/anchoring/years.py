"""The year of a date named without one, or with a relative one ("in March", "in March that year")."""

from datetime import date

from .. import calendar as cal
from .patterns import meaning
from .provenance import PAST_BY_DEFAULT, Anchor, AnchorKind, Cue, CueKind, Direction, Reason
from .spans import NARRATIVE, POST, Context, publication
from .tense import direction, past_verb_right_before


def pick_year(month: int, day: int | None, context: Context, match, forced: Cue | None = None) -> tuple[int, Direction, Reason] | None:
    """The year of a month (and day) named without one, or None when no year has that day ("February 30").

    News mostly speaks of dates near its own: the nearest such date wins, unless the tense (or a
    relative word, `forced`) says otherwise and the nearest is months away ("in January" said in
    October of something done).
    """
    if context.kind == NARRATIVE and context.story_date is not None and context.story_date.kind is AnchorKind.PHRASE:
        return _year_in_the_story(month, day, context.story_date)
    published = context.published
    candidates = _dates(range(published.year - 4, published.year + 5), month, day)  # four years each way reach a February 29
    if not candidates:
        return None
    cue = forced or direction(context.text, match.start(), match.end())
    way = cue.direction
    if day is None and month == published.month:
        return published.year, way, Reason(cue, "; the current month")
    tolerance = 0 if forced or day is None else past_tolerance(context, match) if way is Direction.PAST else 92
    if day is None and way is Direction.NONE and context.kind == POST:
        cue = Cue(Direction.NONE, CueKind.NO_CUE)  # posts speak of the month to come as often as of the one gone: the nearest
    elif day is None and way is Direction.NONE:
        # news reports the past, but the month after the publication date is more likely next month
        # than eleven months ago ("then we have the Gulf Cup in January", said in December)
        cue, way, tolerance = PAST_BY_DEFAULT, Direction.PAST, 45
    if way is Direction.FUTURE and cue.weak:
        way = Direction.NONE  # "analysts had expected the deficit to reach 63 billion in October": ahead of the expecting only
    nearest = min(candidates, key=lambda c: abs((c - published).days))
    distance = (nearest - published).days
    if way is Direction.PAST and distance > tolerance:
        earlier = [c for c in candidates if c < nearest]
        if earlier:
            return earlier[-1].year, way, Reason(cue)
    if way is Direction.FUTURE and distance < -tolerance:
        later = [c for c in candidates if c > nearest]
        if later:
            return later[0].year, way, Reason(cue)
    return nearest.year, way, Reason(cue, "; nearest to the publication date")


def _dates(years, month: int, day: int | None) -> list[date]:
    """The date of this month and day (the middle of the month, without a day) in each year that has it."""
    found = []
    for year in years:
        try:
            found.append(date(year, month, day or 15))
        except ValueError:
            continue
    return found


def _year_in_the_story(month: int, day: int | None, story: Anchor) -> tuple[int, Direction, Reason] | None:
    """A narrative's "On July 14" is in the year the story has reached: that very year after a year
    ("In 1940 … On July 14"), the nearest such date after a month or a day ("In November 1940 … In March")."""
    if cal.granularity(story.shown) not in ("day", "week", "month", "quarter", "season", "half"):
        year = story.day.year
        try:
            date(year, month, day or 1)
        except ValueError:
            return None
        return year, Direction.NONE, Reason(f"the year of the story's date '{story.phrase}'")
    candidates = _dates((story.day.year - 1, story.day.year, story.day.year + 1), month, day)
    if not candidates:
        return None
    nearest = min(candidates, key=lambda c: abs((c - story.day).days))
    return nearest.year, Direction.NONE, Reason(f"nearest to the story's date '{story.phrase}'")


def past_tolerance(context: Context, match) -> int:
    """How many days ahead the nearest date may lie and still be taken, though the tense points back: news
    often reports what is coming in the past tense ("said the vote was set for May 1"), but a past verb
    right before the date ("crashed on Jan. 9", "died on Christmas Day") leaves little doubt."""
    return 14 if past_verb_right_before(context.text, match.start()) else 92


def year_of(match, context: Context) -> tuple[int | None, Anchor | None]:
    """The year a `year` group names, or the one a relative `which` group counts to ("last year", "that year")."""
    if match.groupdict().get("year"):
        return int(match.group("year")), None
    if context.published is None:
        return None, None
    relative = meaning(match.group("which") or "this")
    if relative.from_story:  # "in March that year": the story's year
        return context.story_date.day.year + relative.steps, context.story_date
    return context.published.year + relative.steps, publication(context)
