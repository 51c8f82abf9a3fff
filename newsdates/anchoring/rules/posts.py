"""What social-media posts date that news does not: a part of the day, a season, a month or the weekend
named alone ("Goood morning!!", "Spring's florals", "Hello February", "long weekend"), all of the day
the post was written. Only in posts (the text kind POST): in news these words alone rarely date anything."""

from datetime import date, timedelta

from ... import calendar as cal
from ...lexicon import FULL_MONTHS
from ..patterns import I, longest_first, month_number
from ..provenance import Direction, Reason
from ..rule import Example, Rule
from ..spans import POST, in_part_of_day, make, publication, waiting
from ..tense import direction
from ..years import pick_year


def part_of_day_alone(match, context):
    if context.kind != POST:
        return None
    if missing := waiting(match, context, "TIME"):
        return missing
    day = context.published
    span = make(match, context, "DATE", day.isoformat(), origin=publication(context), why="a part of the day the post was written")
    span.first = span.last = day
    return in_part_of_day(span, match.group("part").lower().rstrip("s"))


def month_named_alone(match, context):
    if context.kind != POST:
        return None
    if missing := waiting(match, context):
        return missing
    month = month_number(match.group("month_word"))
    year, way, reason = pick_year(month, None, context, match)
    return make(match, context, "DATE", f"{year:04d}-{month:02d}", origin=publication(context), heading=way,
                why=Reason("a month named alone in a post: ", reason))


def weekend_alone(match, context):
    if context.kind != POST:
        return None
    if missing := waiting(match, context):
        return missing
    day = context.published
    way = direction(context.text, match.start(), match.end()).direction
    if day.weekday() < 5 and (way is Direction.PAST or (day.weekday() == 0 and way is not Direction.FUTURE)):
        day -= timedelta(weeks=1)  # "after a long weekend", written on a Tuesday; "long weekend … is all over" on a Monday
    return make(match, context, "DATE", cal.week_value(day) + "-WE", origin=publication(context), why="the weekend of the post")


def week_alone(match, context):
    if context.kind != POST:
        return None
    if missing := waiting(match, context):
        return missing
    return make(match, context, "DATE", cal.week_value(context.published), origin=publication(context), why="the week of the post")


# "March" and "May" alone are a verb and a modal as often as months; the others are months in any case.
_MONTH_ALONE = I(longest_first(month for month in FULL_MONTHS if month not in ("may", "march")))

RULES = [
    Rule(
        "part_of_day_alone", 480,
        rf"(?:{I(r'the|a|an|late|whole|this')}\s+)?(?P<part>{I(r'mornings?|afternoons?|evenings?|nights?|nites?')})\b(?![\s-]*{I(r'club|life|shift|owl|mare')})",
        part_of_day_alone,
        examples=(
            Example("Goood morning!! #authentic http://t.co/dD4pNbQrR2", date(2014, 12, 17), "2014-12-17TMO", matched="morning"),
            Example("I beg all drivers to drive cautiously, even at night please. I beg you :(", date(2015, 4, 8), "2015-04-08TNI",
                    matched="night"),
        ),
    ),
    Rule(
        "month_named_alone", 490,
        rf"(?P<month_word>{_MONTH_ALONE})\b",
        month_named_alone,
        examples=(
            Example("Hello February, and hello to a brand new collection on our site! #fashion", date(2015, 2, 1), "2015-02",
                    matched="February"),
            Example("Cepatlah november , im waiting for my fav movie ! Hungergames :)", date(2013, 10, 20), "2013-11", matched="november"),
        ),
    ),
    Rule(
        "weekend_alone", 500,
        rf"{I(r'weekend')}(?!s)\b",
        weekend_alone,
        examples=(
            Example("long weekend over marsiling is all over. #sad", date(2015, 4, 6), "2015-W14-WE", matched="weekend"),
            Example("Take some time off this long weekend with Capital Malls and ShopGuru! http://t.co/x", date(2014, 1, 30), "2014-W05-WE",
                    matched="weekend"),
        ),
    ),
    Rule(
        "week_alone", 510,
        rf"{I(r'the\s+week')}\b(?![-\u2019']|\s+(?:{I(r'of|before|after|ending|ended')})\b)",
        week_alone,
        examples=(
            Example("Enjoying some Japanese Mini Fruit Tarts to end off the week! #toogood", date(2014, 5, 23), "2014-W21", matched="the week"),
            Example("#HiCollage @fotorusofficial THE WEEK THAT WAS. MY KIND OF GAME", date(2014, 7, 6), "2014-W27", matched="THE WEEK"),
        ),
    ),
]
