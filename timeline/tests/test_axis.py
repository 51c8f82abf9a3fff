from datetime import date

from timeline.axis import densest_window


def test_it_opens_on_the_busy_week_not_on_a_stray_old_event():
    week = [(date(2019, 4, day), date(2019, 4, day)) for day in (20, 21, 22, 24, 24, 25, 26)]
    stray = [(date(1949, 3, 17), date(1949, 3, 17)), (date(1986, 1, 1), date(1986, 12, 31)), (date(2011, 12, 17), date(2011, 12, 17))]
    start, end = densest_window(stray + week)
    assert date(2019, 4, 17) <= start <= date(2019, 4, 20) and date(2019, 4, 26) < end <= date(2019, 4, 30)


def test_year_long_events_do_not_pull_the_frame_to_january():
    events = [(date(2019, 1, 1), date(2019, 12, 31))] * 10 + [(date(2019, 4, 24), date(2019, 4, 24))] * 2
    start, end = densest_window(events)
    assert start.month == 4 and end.month == 4


def test_evenly_spread_events_open_on_a_window_wide_enough_to_hold_the_share_asked_for():
    events = [(date(1997 + year, 6, 1), date(1997 + year, 6, 1)) for year in range(10)]
    start, end = densest_window(events, share=1 / 3)
    assert (end - start).days >= 3 * 365
    start, end = densest_window(events)  # a tenth: one of them
    assert (end - start).days <= 7


def test_no_events_no_window():
    assert densest_window([]) is None
