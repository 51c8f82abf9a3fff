"""What a well-formed TIMEX3 value looks like (TimeML 1.2.1), to check what the engine writes."""

import re

_DATE = (
    r"(?:BC)?(?:\d{4}|\d{3}X?|\d{2}|XXXX)"  # a year, a decade ("197", "197X"), a century ("19"); "BC0490" as TIMEX2 writes it
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?"  # month, day
    r"|-W(?:\d{1,2}|XX)(?:-(?:[1-7]|WE))?"  # ISO week, its day or weekend
    r"|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?"
)
_CLOCK = r"(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?"
_TIME = rf"(?:T(?:{_CLOCK}|MO|MI|AF|EV|NI|DT))?"
_DURATION = r"P(?=[\dXT])(?:(?:\d+(?:\.\d+)?|X)[YMWDE]|(?:\d+(?:\.\d+)?|X)WE)*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?|PX|P\d+"
VALUE = re.compile(rf"^(?:{_DATE}{_TIME}|T(?:{_CLOCK}|MO|MI|AF|EV|NI|DT)|{_DURATION}|PAST_REF|PRESENT_REF|FUTURE_REF)$")
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {"", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
        "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}


def is_valid_value(value: str) -> bool:
    return bool(VALUE.match(value))
