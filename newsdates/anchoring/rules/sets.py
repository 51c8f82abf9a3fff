"""Recurring times: "daily", "every Monday", "twice a week", "every two years"."""

from datetime import date

from ...lexicon import FREQUENCY_ADVERBS, WEEKDAYS
from ..patterns import NUMBER, UNIT, WEEKDAY, I, one_of
from ..rule import Example, Rule
from ..spans import make
from ..units import duration_value, number


def recurring(match, context):
    word = " ".join(match.group("set").lower().split())
    unit = next((u for u in ("hour", "day", "week", "month", "year", "morning", "evening", "night", "weekend") if u in word), "day")
    if word in ("annually", "yearly"):
        unit = "year"
    if word in ("quarterly", "semiannually", "semi-annually", "biannually", "biweekly", "fortnightly"):
        return make(match, context, "SET", {"quarterly": "P3M", "biweekly": "P2W", "fortnightly": "P2W"}.get(word, "P6M"), why="recurring")
    if word == "nightly":
        unit = "night"
    codes = {"hour": "PT1H", "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "morning": "TMO",
             "evening": "TEV", "night": "TNI", "weekend": "P1WE"}
    value = codes[unit]
    if "other" in word:
        value = value.replace("1", "2")
    return make(match, context, "SET", value, why="recurring")


def every_weekday(match, context):
    return make(match, context, "SET", f"XXXX-WXX-{WEEKDAYS[match.group('weekday').lower()] + 1}", why="recurring weekday")


def every_n_units(match, context):
    amount = number(match.group("number"))
    if amount is None:
        return None
    return make(match, context, "SET", duration_value(amount, match.group("unit")), why="recurring")


RULES = [
    Rule(
        "set", 390,
        rf"(?P<set>{one_of(FREQUENCY_ADVERBS)}|{I(r'every\s+(?:other\s+)?(?:day|week|month|year|morning|evening|night|weekend)|each\s+(?:day|week|month|year)|(?:once|twice|\d+\s+times|three\s+times)\s+(?:a|per)\s+(?:day|week|month|year)|per\s+(?:day|week|month|year)')})\b",
        recurring,
        examples=(Example("Flights leave daily.", date(2019, 4, 25), "P1D", matched="daily"),),
    ),
    Rule(
        "every_weekday", 400,
        rf"{I(r'every|each')}\s+(?P<weekday>{WEEKDAY})",
        every_weekday,
        examples=(Example("They meet every Monday.", date(2019, 4, 25), "XXXX-WXX-1", matched="every Monday"),),
    ),
    Rule(
        "every_n_units", 410,
        rf"{I(r'every')}\s+(?P<number>{I(NUMBER)})\s+(?P<unit>{UNIT})s?\b",
        every_n_units,
        examples=(Example("They report every two years.", date(2019, 4, 25), "P2Y", matched="every two years"),),
    ),
]
