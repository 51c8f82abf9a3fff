"""The words of English news that the date engine reads: calendar names, numbers, units, relative words,
modifiers, holidays, and the cue words of tense. Plain data; the patterns are built from it elsewhere."""

from typing import NamedTuple

MONTHS = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

# Longest first, so that a regex alternation prefers "September" over "Sep".
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_PATTERN = "|".join(sorted(WEEKDAYS, key=len, reverse=True))


def _spelled_out(names: dict[str, int]) -> list[str]:
    """The full name of each month or weekday: the longest of the names for one number."""
    return [max((name for name, n in names.items() if n == number), key=len) for number in sorted(set(names.values()))]


FULL_MONTHS = _spelled_out(MONTHS)  # "january" … "december"
FULL_WEEKDAYS = _spelled_out(WEEKDAYS)  # "monday" … "sunday"


# ---------------------------------------------------------------- dates and periods

# Written as abbreviations, with or without a full stop ("Jan.", "Sept").
ABBREVIATED_MONTHS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "overnight", "nite", "aft")  # "last nite", "this aft"
# The TIMEX3 code of each part of a day: "this morning" is 1998-02-06TMO.
PART_OF_DAY_CODES = {"morning": "MO", "afternoon": "AF", "aft": "AF", "evening": "EV", "night": "NI", "nite": "NI",
                     "overnight": "NI", "tonight": "NI"}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# The quarter an ordinal names: "the final quarter" is the fourth ("the last quarter" is a relative one).
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}

# Each unit of counted time: its TIMEX3 code, whether it is a time of day rather than a date ("PT"),
# and how many of the code it makes ("a fortnight" is two weeks).
UNIT_CODES = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("M", False, 3),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100), "centuries": ("Y", False, 100),
}
# The units a count can go with ("three weeks", "two centuries").
COUNTED_UNITS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century", "centuries")

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "half a": 0.5, "a half": 0.5, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}
# How posts and headlines shorten units: "5hrs", "30 mins", "6 YRS".
UNIT_SPELLINGS = {"hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second", "secs": "second",
                  "yr": "year", "yrs": "year", "wk": "week", "wks": "week", "mth": "month", "mths": "month"}
# Counts that name no number ("several years", "the past few months").
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "recent", "coming", "the past few", "the last few", "the next few", "the coming")

# The part of a period a modifier picks out, as TIMEX3 mods. "earlier" and "later" pick none.
MOD_WORDS = {
    "early": "START", "earlier": "", "the beginning of": "START", "the start of": "START", "beginning of": "START",
    "start of": "START", "the first days of": "START", "mid": "MID", "the middle of": "MID", "middle of": "MID",
    "late": "END", "later": "", "the end of": "END", "end of": "END", "the close of": "END", "the last days of": "END",
    **{f"the {edge} {part} of": "START" if edge == "first" else "END"
       for edge in ("first", "last", "final") for part in ("days", "week", "weeks")},
}
# How far a count is from exact ("about three years", "more than a decade").
APPROXIMATORS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX", "nearly": "APPROX",
    "almost": "APPROX", "approximately": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
}


class Relative(NamedTuple):
    """What a relative word ("last", "next", "that") means before a unit, a weekday, a month or a season."""

    steps: int  # how many units from the base: -1 back, +1 ahead, 0 the one the base is in
    from_story: bool  # counted from the last date the text gave ("the following year") rather than the publication date


RELATIVE_WORDS = {
    "last": Relative(-1, from_story=False),
    "past": Relative(-1, from_story=False),
    "latest": Relative(-1, from_story=False),  # "the latest 12 months"
    "previous": Relative(-1, from_story=True),
    "next": Relative(1, from_story=False),
    "coming": Relative(1, from_story=False),
    "upcoming": Relative(1, from_story=False),
    "following": Relative(1, from_story=True),
    "this": Relative(0, from_story=False),
    "current": Relative(0, from_story=False),
    "the": Relative(0, from_story=False),  # "the weekend", "the first quarter of the year"
    "that": Relative(0, from_story=True),
    "same": Relative(0, from_story=True),
}

# Days named from the publication date.
DAY_OFFSETS = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
# How posts spell them: "tmr", "2moro", "tonite", "tdy", "yday".
DAY_WORD_SPELLINGS = {
    "tmr": "tomorrow", "tmrw": "tomorrow", "tmw": "tomorrow", "trmw": "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow",
    "2mrw": "tomorrow", "tomoro": "tomorrow", "tomorow": "tomorrow", "tommorow": "tomorrow", "tommorrow": "tomorrow",
    "tomo": "tomorrow", "tomolo": "tomorrow", "tdy": "today", "2day": "today", "tonite": "tonight", "2nite": "tonight",
    "tnite": "tonight", "yday": "yesterday", "ystd": "yesterday", "yest": "yesterday",
}
DAY_OFFSETS.update({spelling: DAY_OFFSETS[word] for spelling, word in DAY_WORD_SPELLINGS.items()})

HOLIDAYS = (
    "Christmas Day", "Christmas Eve", "Christmas", "New Year's Day", "New Year's Eve", "New Year’s Day", "New Year’s Eve",
    "Thanksgiving Day", "Thanksgiving", "Easter Sunday", "Easter Monday", "Easter week", "Easter", "Good Friday",
    "Election Day", "Independence Day", "Valentine's Day", "Halloween", "Labor Day", "Memorial Day",
)
# Things and names after a holiday's name, which then names no day ("Christmas trees", "Easter Island").
THINGS_OF_A_HOLIDAY = (
    "tree", "trees", "carol", "carols", "commodities", "decoration", "decorations", "present", "presents", "gift", "gifts",
    "card", "cards", "shopping", "sales", "lights", "market", "markets", "music", "song", "songs", "spirit", "cheer",
    "channel", "bonus", "bonuses", "pudding", "cake", "cakes", "stocking", "stockings", "goods", "items", "products",
    "ornaments", "toys", "Island", "egg", "eggs", "bunny", "Rising",
)
HOLIDAY_GREETINGS = ("merry", "happy")

# Seasons followed by these are names: "the Spring Festival", "Winter Olympics", "summer time".
NAMES_AFTER_A_SEASON = ("festival", "session", "olympics", "games", "palace", "time", "solstice", "equinox")

# "a great day for Poland": the day the story is about.
DAY_OF_STORY_ADJECTIVES = (
    "great", "historic", "sad", "dark", "black", "proud", "big", "important", "special", "happy", "tragic", "momentous",
    "memorable", "landmark",
)

# Adverbs and adjectives that make a length of time of a count: "three more days", "five straight years".
DURATION_ADJECTIVES = ("more", "additional", "further", "full", "straight", "consecutive")

# Recurring: "daily", "every week".
FREQUENCY_ADVERBS = ("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly", "semiannually",
                     "semi-annually", "biannually", "biweekly", "fortnightly")

# ---------------------------------------------------------------- words that keep a pattern from matching

# A month named alone is a date only after words like these ("in March", "until May"): "March" and
# "May" are also a verb, a modal and names ("the March for Life").
BARE_MONTH_CONTEXT = (
    "in", "since", "until", "till", "by", "from", "to", "of", "during", "through", "throughout", "before", "after",
    "between", "and", "or", "early", "late", "mid", "last", "next", "this", "that", "each", "every", "since", "around",
    "about", "for", "at",
)
# "May be", "may have": the modal, not the month.
AFTER_THE_MODAL_MAY = ("be", "have", "not", "well", "also", "never", "still", "even", "need", "want", "seem")
# "the March on Rome", "the June against…": after "the", a month followed by these is a name or an event.
NOT_AFTER_THE_MONTH = ("of", "for", "on", "to", "against")
# "April 24 and 25 percent": after a second number, these say it is no day.
NOT_A_SECOND_DAY = ("percent", "per", "people", "others", "of", "times", "more", "other")

# Nouns that make "future" or "past" an adjective ("future talks"), not a time.
FOLLOWING_NOUNS = (
    "talks", "plan", "plans", "generation", "generations", "relations", "relationship", "status", "role", "course",
    "direction", "development", "growth", "president", "leader", "leaders", "government", "election", "elections",
    "negotiations", "cooperation", "ties", "prospects", "use", "path", "policy", "policies", "member", "members",
    "membership", "investment", "expansion", "deal", "deals", "work", "career", "event", "events", "war", "wars", "years",
    "months", "weeks", "days", "decades", "few", "two", "three", "several", "practice", "practices", "mistakes",
    "experience", "conflict", "conflicts", "behavior", "behaviour", "action", "actions", "attack", "attacks", "crime",
    "crimes",
)
# Counted things after "the past" or "the future" ("the past 12 matches", "the future 787"), besides numbers.
COUNTED_NOUNS = (
    "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "fifty", "hundred", "day", "half-century",
    "summer", "winter", "spring", "autumn", "mayor", "problem", "problems", "matches", "games", "season", "seasons",
    "edition", "editions", "tournament", "tournaments", "meeting", "meetings", "session", "sessions", "round", "rounds",
)
PRESENT_WORDS = ("now", "currently", "nowadays", "these days", "at present")
# Vague references as the TIMEX3 guidelines value them: "recently" PAST_REF, "the near term" FUTURE_REF.
# ("previously" and "soon" are left alone: annotators of TimeML and of TIMEX2 mark neither, 0 of 18 and
# 0 of 64 in the development sets, where "recently", "formerly" and "currently" are marked 5 times of 8.)
PAST_WORDS = ("recently", "lately", "formerly")
FUTURE_WORDS = ("the near term", "the short term")
# "the short term outlook", "the near term rates": the term is then an adjective, not a time.
TERM_NOUNS = ("outlook", "prospects", "goal", "goals", "target", "targets", "interest", "rate", "rates", "debt", "loan", "loans",
              "borrowing", "financing", "securities", "notes", "bills", "trend", "trends", "contract", "contracts", "paper")
FUTURE_ADJECTIVES = ("near", "foreseeable", "distant", "immediate", "uncertain", "bright")
# "its future", "in future", "Russia's future": the future as a time.
BEFORE_FUTURE = ("its", "his", "her", "their", "our", "my", "your", "in", "for")

# A year after these is a name or a number: "the Criminal Code Act 1995", "a Mirage 2000".
NAMES_BEFORE_A_NUMBER = ("Act", "Acts", "Code", "Ordinance", "Regulations", "Law", "Windows", "Mirage", "Boeing", "Airbus")
# A year followed by a plural is a count ("2000 troops"), unless it names what happened that year.
PLURALS_AFTER_A_YEAR = (
    "elections", "olympics", "games", "talks", "polls", "accords", "protests", "riots", "attacks", "floods", "sanctions",
    "levels", "figures", "prices", "results",
)
# Words before a year that make it one ("in 2000 troops were…"), rather than a count.
BEFORE_A_YEAR = (
    "in", "since", "by", "of", "until", "till", "from", "to", "before", "after", "during", "through", "between", "and",
    "or", "the", "a", "an", "early", "late", "mid", "year", "years", "since", "around", "circa", "fiscal", "season", "class",
    "spring", "summer", "autumn", "fall", "winter",
)
# Hours said in words: "five o'clock", "ten at night".
HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
# Time zones and words after a four-digit military time: "1500 GMT", "0800 local time".
MILITARY_TIME_ZONES = ("GMT", "UTC", "local time", "hours", "hrs", "IST", "EST", "EDT", "CET", "JST", "KST")
# "2 in the afternoon session": a session, not an hour.
NOT_AFTER_AN_HOUR = ("session", "sessions", "trading", "shift", "shifts", "news", "edition", "show")

# ---------------------------------------------------------------- tense

MODAL_VERBS = ("will", "would", "may", "might", "could", "can", "should", "shall")
# Words before "will" that make it the noun: "political will", "their own will".
BEFORE_THE_NOUN_WILL = (
    "the", "a", "political", "good", "free", "ill", "own", "popular", "public", "strong", "collective", "national",
    "his", "her", "their", "its", "our", "my", "your",
)
# Reporting verbs in the past, which can also date the saying ("said Thursday").
SAYING_VERBS = ("said", "announced", "reported", "confirmed", "stated", "added", "insisted", "warned", "noted")
OTHER_REPORTING_WORDS = (
    "told", "says", "tells", "reports", "quoted", "according", "claimed", "explained", "wrote", "argued", "suggested",
    "speculated", "citing",
)
IRREGULAR_PASTS = (
    "was", "were", "had", "did", "met", "went", "came", "took", "gave", "made", "left", "began", "held", "saw", "won",
    "lost", "fell", "rose", "struck", "sent", "spent", "paid", "brought", "bought", "thought", "fought", "caught",
    "taught", "ran", "broke", "spoke", "chose", "drove", "flew", "grew", "knew", "threw", "wrote", "hit", "cut", "shut",
    "quit", "led", "fled", "fed", "got", "found", "stood", "sat", "felt", "kept", "heard", "meant", "sold", "sought",
    "became", "underwent", "undertook", "overcame", "overthrew", "oversaw", "withdrew", "upheld", "understood", "forgot",
    "forgave", "swore", "tore", "wore", "shook", "woke", "rode", "swept", "slept", "dealt", "stuck", "sank", "sang",
    "swam", "rang", "drank", "built", "rebuilt", "lent", "bent", "shot", "misled", "spun", "bound", "stole", "froze",
    "arose", "strove", "bit", "hid", "slid", "spread", "split",
)
# Words that say the past without being a past tense ("ago", "previously").
PAST_ADVERBS = ("ago", "earlier", "previously", "since", "been", "yesterday")
PARTICIPLES = (
    "been", "met", "gone", "come", "taken", "given", "made", "left", "begun", "held", "seen", "risen", "fallen", "grown",
    "done", "shown", "known", "written", "spoken", "chosen", "driven", "flown", "thrown", "broken", "won", "lost", "paid",
    "sent", "spent", "built", "brought", "bought", "fought", "caught", "taught", "kept", "said", "told", "found", "stood",
    "become", "struck", "led", "fled", "hit", "cut", "put", "set", "run", "sold", "heard", "felt", "got", "gotten",
)
# -ed words that are not past-tense verbs, or that point ahead.
NOT_PAST_ED = {
    "expected", "scheduled", "proposed", "planned", "needed", "united", "limited", "based", "related", "armed",
    "interested", "concerned", "embed", "hundred", "red", "bed", "speed", "indeed", "need", "feed", "seed",
    "bloodshed", "watershed", "succeed", "exceed", "proceed", "bleed", "greed", "creed", "steed", "weed", "tweed",
    "misdeed", "hatred", "kindred", "beloved", "learned", "aged", "aimed",
    "breed", "deed", "reed", "shed", "wed", "sled", "bred", "fled", "led", "naked", "wicked", "sacred",
    "advanced", "detailed", "experienced", "qualified", "sophisticated", "talented", "alleged", "supposed",
    "so-called", "called", "named", "deadlocked", "armored", "armoured", "renowned", "skilled", "unprecedented",
    "unidentified", "unnamed", "undisclosed", "isolated", "increased", "reduced", "coordinated", "dedicated",
    "entitled", "titled",
}
