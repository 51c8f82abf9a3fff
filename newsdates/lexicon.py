"""Calendar words of English news: month and weekday names with their abbreviations."""

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
