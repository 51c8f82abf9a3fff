"""Arbitrary text never breaks the library: no exception escapes, spans lie inside the text, values are
well-formed TIMEX3 or empty."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdates.anchoring import annotate
from newsdates.metadata import extract
from newsdates.statements import find_statements
from newsdates.timex3 import MODS, TYPES, is_valid_value

# Text made of the words dates are made of, so that the rules fire, mixed with anything at all.
DATE_WORDS = [
    "Monday", "last", "next", "week", "month", "year", "ago", "later", "earlier", "the", "of", "in", "on", "since",
    "April", "May", "March", "24", "1999", "2019", "31", "0", "99,999", "1.5", "a.m.", "p.m.", "GMT", "noon", "today",
    "yesterday", "tomorrow", "Christmas", "summer", "quarter", "third", "fiscal", "decade", "'90s", "1990s", "century",
    "early", "late", "mid-", "end", "every", "twice", "a", "two", "days", "hours", "said", "will", "met", ",", ".", "\n",
    "\"", "(", ")", "-", "—", "'s", "Q3", "W16", "2019-04-24", "4/24/2019", "24th", "between", "and", "from", "to",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(DATE_WORDS), st.text(max_size=6)), max_size=40).map(" ".join),
)
published = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, published)
def test_annotate_never_breaks_and_writes_valid_values(text, day):
    for span in annotate(text, day):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.type in TYPES and span.mod in MODS
        assert span.value == "" or is_valid_value(span.value), span.value
        if span.first or span.last:
            assert span.first and span.last and span.first <= span.last


@SETTINGS
@given(texts, published)
def test_statements_never_break_and_quote_their_text(text, day):
    for statement in find_statements(text, day):
        assert text[statement.sentence_start : statement.sentence_end] == statement.sentence
        assert statement.sentence_start <= statement.span.start < statement.span.end <= statement.sentence_end


@SETTINGS
@given(st.text(max_size=2000), st.text(max_size=40))
def test_metadata_extraction_never_breaks(text, file_name):
    found = extract(text, file_name)
    assert isinstance(found.body, str)
    assert found.published.value is None or isinstance(found.published.value, date)


def test_the_value_checker_tells_good_from_bad():
    good = ["2019-04-24", "2019-W16", "2019-W16-WE", "2019-04", "2019", "197", "197X", "19", "2019-Q2", "2019-H1",
            "2019-SU", "2019-04-24T13:05", "2019-04-24TMO", "P3M", "PT2H30M", "P1WE", "XXXX-WXX-1", "PAST_REF", "P2D"]
    bad = ["", "April", "2019-4-24", "P", "24/04/2019", "2019-W", "T25"]
    assert all(is_valid_value(v) for v in good), [v for v in good if not is_valid_value(v)]
    assert not any(is_valid_value(v) for v in bad if v), [v for v in bad if v and is_valid_value(v)]
