"""Arbitrary query strings never break the timeline: a page, a redirect to its clean URL, a readable 400 or a
404 past the last page; never a 500."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.filters import TimelineFilters

NAMES = ["source", "from", "to", "q", "min_sources", "granularity", "page", "within", "junk"]
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2019", "2019-04", "2019-04-24", "2019-13", "0000", "9999-12-31", "24/04/2019", "-1", "0", "1e9",
                     "the-moscow-times", "unknown", "day", "fortnight", "99999", "on", ""]),
)
queries = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=8)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])


@pytest.mark.django_db
@SETTINGS
@given(queries)
def test_the_filter_form_never_raises(pairs):
    from django.http import QueryDict

    form = TimelineFilters(QueryDict(urlencode(pairs)))
    if form.is_valid():
        assert set(form.canonical_query()) <= set(form.fields)
    else:
        assert form.errors


@pytest.mark.django_db
@SETTINGS
@given(queries)
def test_the_timeline_answers_every_query_with_a_page_or_a_400(client, pairs):
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client.get("/?" + urlencode(pairs), **headers)
        assert response.status_code in (200, 302, 400, 404), (pairs, response.status_code)
        if response.status_code == 302:  # empty parameters dropped: the same filters, a clean URL
            assert "=&" not in response["Location"] + "&" and not response["Location"].endswith("=")
