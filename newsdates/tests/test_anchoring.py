"""The anchoring engine on phrases of English news, each with its reference date and expected value."""

from datetime import date

import pytest

from newsdates.anchoring import NARRATIVE, annotate

WED = date(2019, 4, 24)  # a Wednesday: the day Kim Jong Un crossed into Russia
THU = date(2019, 4, 25)
FRI = date(2019, 4, 26)


def only(text: str, dct: date | None, kind: str = "news"):
    spans = annotate(text, dct, kind)
    assert len(spans) == 1, [(s.text, s.value) for s in spans]
    return spans[0]


def values(text: str, dct: date | None) -> list[tuple[str, str]]:
    return [(span.text, span.value) for span in annotate(text, dct)]


@pytest.mark.parametrize(
    "text, dct, phrase, type_, value, mod",
    [
        # explicit dates in news formats
        ("It was signed on March 17, 1949.", FRI, "March 17, 1949", "DATE", "1949-03-17", ""),
        ("on Thursday, April 25, 2019, in Vladivostok", THU, "Thursday, April 25, 2019", "DATE", "2019-04-25", ""),
        ("They met on 25 April 2019.", FRI, "25 April 2019", "DATE", "2019-04-25", ""),
        ("The deal was struck Aug. 7, 1998.", FRI, "Aug. 7, 1998", "DATE", "1998-08-07", ""),
        ("Filed 2019-04-24 by the court.", FRI, "2019-04-24", "DATE", "2019-04-24", ""),
        ("In July 1997, the alliance grew.", FRI, "July 1997", "DATE", "1997-07", ""),
        ("first Putin-Kim summit to take place on April 25", WED, "April 25", "DATE", "2019-04-25", ""),
        # years alone
        ("He visited Russia in 2011.", THU, "2011", "DATE", "2011", ""),
        ("built ahead of a 1986 visit by his grandfather", WED, "1986", "DATE", "1986", ""),
        ("talks have stalled since 2002", WED, "2002", "DATE", "2002", ""),
        # weekdays: tense and cues decide the direction
        ("Kim crossed the border into Russia on Wednesday.", WED, "Wednesday", "DATE", "2019-04-24", ""),
        ("The leader will meet Putin in Vladivostok on Thursday.", WED, "Thursday", "DATE", "2019-04-25", ""),
        ("The two leaders met on Thursday.", FRI, "Thursday", "DATE", "2019-04-25", ""),
        ("The campus was closed on Tuesday.", WED, "Tuesday", "DATE", "2019-04-23", ""),
        ("Kim may tour facilities before departing for home on Friday.", THU, "Friday", "DATE", "2019-04-26", ""),
        ("Harris said Monday the deal was bad.", FRI, "Monday", "DATE", "2019-04-22", ""),
        ("They will talk again next Tuesday.", WED, "next Tuesday", "DATE", "2019-04-30", ""),
        ("They talked last Tuesday.", WED, "last Tuesday", "DATE", "2019-04-23", ""),
        ("Officials postponed any action until Tuesday.", THU, "Tuesday", "DATE", "2019-04-30", ""),
        # yesterday, today, tomorrow, tonight
        ("He smiled as he left the station yesterday.", THU, "yesterday", "DATE", "2019-04-24", ""),
        ("The talks open today.", THU, "today", "DATE", "2019-04-25", ""),
        ("He leaves tomorrow.", THU, "tomorrow", "DATE", "2019-04-26", ""),
        ("A dinner is planned tonight.", WED, "tonight", "TIME", "2019-04-24TNI", ""),
        # last / next / this / earlier this / later this
        ("Biegun visited Moscow last week.", WED, "last week", "DATE", "2019-W16", ""),
        ("The summit takes place this week.", WED, "this week", "DATE", "2019-W17", ""),
        ("Kim's aides were spotted earlier this week.", WED, "earlier this week", "DATE", "2019-W17", ""),
        ("Officials said earlier this month that Putin would meet Kim.", FRI, "earlier this month", "DATE", "2019-04", ""),
        ("A third summit may come later this year.", FRI, "later this year", "DATE", "2019", ""),
        ("Trade fell last year.", THU, "last year", "DATE", "2018", ""),
        ("Talks resume next month.", THU, "next month", "DATE", "2019-05", ""),
        ("The ban takes effect next year.", THU, "next year", "DATE", "2020", ""),
        # months with and without a year; the year chosen by tense
        ("In February, Kim's second summit with Trump ended without agreement.", THU, "February", "DATE", "2019-02", ""),
        ("The summit collapsed in February.", date(2019, 1, 10), "February", "DATE", "2018-02", ""),
        ("The ceremony will be held in March.", date(1999, 2, 10), "March", "DATE", "1999-03", ""),
        ("The case is heard in May in the appeals court.", date(2000, 3, 29), "May", "DATE", "2000-05", ""),
        ("The ratification began in February this year.", date(1998, 12, 3), "February this year", "DATE", "1998-02", ""),
        ("Trade collapsed last October.", date(1999, 2, 6), "last October", "DATE", "1998-10", ""),
        # seasons, quarters, halves
        ("The plan was drawn up last fall.", date(1999, 4, 10), "last fall", "DATE", "1998-FA", ""),
        ("Talks are expected in the summer of 2019.", THU, "the summer of 2019", "DATE", "2019-SU", ""),
        ("Growth slowed in the first quarter.", THU, "the first quarter", "DATE", "2019-Q1", ""),
        ("Sales rose in the third quarter of 2018.", THU, "the third quarter of 2018", "DATE", "2018-Q3", ""),
        ("Exports fell in the first half of the year.", THU, "the first half of the year", "DATE", "2019-H1", ""),
        # N units ago / earlier / later
        ("Russia extended the invitation almost a year ago.", THU, "almost a year ago", "DATE", "2018", "APPROX"),
        ("The building went up 50 years ago.", date(1999, 2, 16), "50 years ago", "DATE", "1949", ""),
        ("The rifle was found 11 days ago.", date(1999, 4, 19), "11 days ago", "DATE", "1999-04-08", ""),
        ("It happened six weeks ago.", date(2000, 1, 6), "six weeks ago", "DATE", "1999-W47", ""),
        ("Prices peaked two months ago.", date(2000, 1, 28), "two months ago", "DATE", "1999-11", ""),
        # the end of the year, by year end, mid-April, early 2019
        ("Workers are to be sent home by the end of the year.", THU, "the end of the year", "DATE", "2019", "END"),
        ("A deal is wanted by year end.", THU, "year end", "DATE", "2019", "END"),
        ("The talks are due in mid-April.", date(2019, 3, 1), "mid-April", "DATE", "2019-04", "MID"),
        ("The plant opened in early 2019.", THU, "early 2019", "DATE", "2019", "START"),
        ("Rains came in late November.", date(2000, 1, 6), "late November", "DATE", "1999-11", "END"),
        # decades and centuries
        ("Ties were strong in the 1990s.", THU, "the 1990s", "DATE", "199", ""),
        ("Prices rose in the early 1980s.", THU, "early 1980s", "DATE", "198", "START"),
        ("the 20th century", THU, "the 20th century", "DATE", "19", ""),
        # durations
        ("In the last few months the situation has stabilised.", WED, "the last few months", "DURATION", "PXM", ""),
        ("Prices doubled over the past three months.", THU, "the past three months", "DURATION", "P3M", ""),
        ("It's been seven years since I took the helm.", THU, "seven years", "DURATION", "P7Y", ""),
        ("The flight took 5 1/2 hours.", THU, "5 1/2 hours", "DURATION", "PT5H30M", ""),
        ("after a 16-hour flight", THU, "16-hour", "DURATION", "PT16H", ""),
        ("for at least 72 hours", THU, "at least 72 hours", "DURATION", "PT72H", "EQUAL_OR_MORE"),
        ("a day-long meeting", THU, "a day-long", "DURATION", "P1D", ""),
        # times of day
        ("The platforms were closed after 1500 local time Wednesday.", FRI, "1500 local time Wednesday", "TIME", "2019-04-24T15:00", ""),
        ("The vote starts at 10:35 a.m. today.", THU, "10:35 a.m. today", "TIME", "2019-04-25T10:35", ""),
        ("Kim was expected to arrive around late Wednesday afternoon.", WED, "late Wednesday afternoon", "TIME", "2019-04-24TAF", "END"),
        ("Kim arrived aboard his train early Wednesday evening.", THU, "early Wednesday evening", "TIME", "2019-04-24TEV", "START"),
        ("The shelling stopped at midday.", THU, "midday", "TIME", "2019-04-25T12:00", ""),
        # sets and vague references
        ("Flights leave daily.", THU, "daily", "SET", "P1D", ""),
        ("more than US$500 million a year in foreign currency", THU, "a year", "SET", "P1Y", ""),
        ("They meet every Monday.", THU, "every Monday", "SET", "XXXX-WXX-1", ""),
        ("They report every two years.", THU, "every two years", "SET", "P2Y", ""),
        ("Half the people live on less than two dollars a day.", THU, "a day", "SET", "P1D", ""),
        ("Players find two matches a day too hard.", THU, "a day", "SET", "P1D", ""),
        ("Until several years ago, the market was closed.", THU, "several years ago", "DATE", "PAST_REF", ""),
        ("He hopes township children will one day fly the colours.", THU, "one day", "DATE", "FUTURE_REF", ""),
        ("One day the debris around it could form planets.", THU, "One day", "DATE", "FUTURE_REF", ""),
        ("The bill passed one day after the vote.", THU, "one day", "DURATION", "P1D", ""),
        ("what Russia can do to support processes happening now", THU, "now", "DATE", "PRESENT_REF", ""),
        ("They may be in the future.", THU, "the future", "DATE", "FUTURE_REF", ""),
        # holidays
        # a day of a year named relative to the publication date
        ("Stuchiner was arrested on July 15 last year.", date(1997, 4, 25), "July 15 last year", "DATE", "1996-07-15", ""),
        ("The exercise ends on November 20 this year.", date(2005, 11, 12), "November 20 this year", "DATE", "2005-11-20", ""),
        # the start, middle or end of a year, and the first or last weeks of a month
        ("Russia agreed to phase out the charges by the end of 2013.", date(2006, 11, 24), "the end of 2013", "DATE", "2013", "END"),
        ("The project is due for completion at the beginning of 2008.", date(2005, 11, 25), "the beginning of 2008", "DATE", "2008", "START"),
        ("The festival is held in the last week of March.", date(2006, 11, 9), "the last week of March", "DATE", "2007-03", "END"),
        # "over the last year" is the stretch up to now, as "the past year" is; "last year" is the calendar year
        ("Over the last year, producer prices have risen.", date(2006, 12, 19), "the last year", "DURATION", "P1Y", ""),
        ("Greece made progress during the last decade.", date(2005, 11, 15), "the last decade", "DURATION", "P10Y", ""),
        # "last" as a verb is no edge of a period
        ("The campaign will last 16 days.", date(2005, 11, 26), "16 days", "DURATION", "P16D", ""),
        ("The boy arrived on Thanksgiving Day.", date(2000, 1, 6), "Thanksgiving Day", "DATE", "1999-11-25", ""),
        ("Protesters gathered as Easter week began.", date(2000, 4, 17), "Easter week", "DATE", "2000-W16", ""),
    ],
)
def test_it_anchors_the_phrase(text, dct, phrase, type_, value, mod):
    span = only(text, dct)
    assert (span.text, span.type, span.value, span.mod) == (phrase, type_, value, mod)
    assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text, dct",
    [
        ("Kim may tour neighbouring facilities.", THU),  # the modal
        ("May I ask a question?", THU),
        ("Kim's second summit with Trump broke down.", THU),  # an ordinal
        ("Protesters March on the capital.", THU),  # the verb, capitalised in a headline
        ("They joined the March for Life on Capitol Hill.", THU),
        ("Russia's trade with North Korea is minuscule at just US $34 million.", THU),  # money
        ("The index fell below the 1,200 support level.", THU),  # counts
        ("The index closed at 1189.42 points.", THU),
        ("He made four trips to China and two summits with Trump.", THU),
        ("Some 2000 troops were deployed.", THU),
        ("The Daily Herald reported it.", THU),  # a name, not a set
        ("The poster showed Gary Cooper in High Noon.", THU),
        ("A 6-year-old boy was rescued.", THU),  # an age dates nothing
        ("#### Embed:", THU),
        ("Prices fall when supply rises.", THU),
        ("future talks are planned", THU),
        ("That is the last year covered by the Kyoto rules.", THU),
        ("Liverpool play Arsenal in the quarter-finals.", THU),  # a round of a cup, not a quarter of the year
        ("Ed Psaltis, skipper of AFR Midnight Rambler, spoke.", THU),  # a boat's name
        ("Flights run during the Spring Festival and the Mid-Autumn Festival.", THU),  # festivals, not seasons
        ("Some areas do not join the summer time.", THU),
        ("In the past 12 matches against the Azzurri, Turkey won three.", THU),  # modifiers, not times
        ("The King reshuffled the present 22-member council.", THU),
        ("Airbus will compete with the future 787 Dreamliner.", THU),
        ("Airport staff removed 14 plastic Christmas trees.", THU),  # things of a holiday, and greetings
        ("Is it OK to say Merry Christmas?", THU),  # the final year of something, not last year
        ("It was the last year of his term.", THU),
        ("A French Mirage 2000-D warplane crashed.", THU),
        ("They were charged under the Criminal Code Act 1995.", THU),
        ("The euro was quoted at 1.1700-1702 dollars and sterling at 11.2023.", FRI),
    ],
)
def test_it_finds_nothing_in_the_traps(text, dct):
    assert values(text, dct) == []


def test_it_keeps_money_out_but_still_dates_last_year():
    assert values("Trade is minuscule at just US $34 million last year.", THU) == [("last year", "2018")]


def test_it_gives_offsets_into_the_text_and_an_interval():
    text = "Biegun visited Moscow last week for talks."
    span = only(text, WED)
    assert (span.start, span.end) == (22, 31)
    assert (span.first, span.last) == (date(2019, 4, 15), date(2019, 4, 21))


def test_it_says_how_each_value_was_decided():
    span = only("The leader will meet Putin on Thursday.", WED)
    assert span.rule == "weekday"
    assert span.direction == "future"
    assert "will" in span.reason
    assert "2019-04-24" in span.anchor


def test_it_waits_for_a_reference_date_rather_than_guessing():
    spans = annotate("Kim arrived on Wednesday. It was signed on March 17, 1949.", None)
    assert [(s.text, s.value) for s in spans] == [("Wednesday", ""), ("March 17, 1949", "1949-03-17")]
    assert "waits" in spans[0].reason


def test_narrative_text_counts_from_the_last_date_it_gave():
    text = "On March 5, 1946, Churchill spoke at Fulton. The next day, Stalin answered. Two days later, nothing."
    spans = annotate(text, date(1999, 3, 12), NARRATIVE)
    assert [(s.text, s.value) for s in spans] == [
        ("March 5, 1946", "1946-03-05"),
        ("The next day", "1946-03-06"),
        ("Two days later", "1946-03-08"),
    ]


def test_a_range_of_days_gives_each_day():
    assert values("The summit runs April 24-25 in Vladivostok.", date(2019, 4, 1)) == [
        ("April 24", "2019-04-24"),
        ("25", "2019-04-25"),
    ]


def test_a_range_of_days_before_the_month_gives_each_day():
    assert values("Kasuri will visit Kabul from 7th to 9th December.", date(2006, 11, 21)) == [("7th", "2006-12-07"), ("9th December", "2006-12-09")]
    assert values("The summit runs 15-16 November.", date(2006, 11, 10)) == [("15", "2006-11-15"), ("16 November", "2006-11-16")]


def test_days_named_with_one_month_each_get_that_month():
    assert values("a ceremony at the summit on April 24 and 25, and 4 other events", date(1999, 2, 10)) == [
        ("April 24", "1999-04-24"),
        ("25", "1999-04-25"),
    ]
    assert values("Sales rose on May 3 and 4 percent in June.", date(1999, 5, 10)) == [("May 3", "1999-05-03"), ("June", "1998-06")]


def test_the_day_before_a_named_day_is_counted_from_that_day():
    text = "The day before last Tuesday's hearing, Manuel went to Lazaro's home."
    assert values(text, date(2000, 2, 24)) == [("The day before last Tuesday's", "2000-02-21")]
    assert only(text, date(2000, 2, 24)).anchor == "'last Tuesday's' (2000-02-22)"


def test_the_day_before_an_event_is_not_dated_from_the_publication_date():
    assert values("He was last seen Nov. 3, the day before authorities issued a warrant.", date(1998, 11, 5)) == [
        ("Nov. 3", "1998-11-03"),
    ]
    assert values("Kim spent the day in Nairobi, later in the day before returning home.", date(1998, 8, 17)) == []
    assert values("He had left the day before.", date(1998, 8, 17)) == [("the day before", "1998-08-16")]


def test_a_tense_in_a_later_coordinated_clause_does_not_decide():
    text = "Protesters planned a demonstration on Saturday and were planning to drive to the airport."
    assert values(text, date(2000, 1, 7)) == [("Saturday", "2000-01-08")]


def test_weeks_are_written_as_timex3_annotators_write_them():
    assert values("The talks resume this week.", date(2000, 2, 16)) == [("this week", "2000-W07")]
    assert only("The talks resume this week.", date(2000, 2, 16)).first == date(2000, 2, 14)


@pytest.mark.parametrize(
    "text",
    [
        "Trade picked up in the spring.",  # season, tense decides
        "They plan to meet at the end of the year.",
        "The boy arrived on Thanksgiving Day.",
        "They met over the weekend.",
        "This Friday they meet.",
    ],
)
def test_every_span_has_text_fields_never_none(text):
    for span in annotate(text, THU):
        assert all(isinstance(getattr(span, name), str) for name in ("value", "mod", "rule", "anchor", "direction", "reason"))


def test_years_later_counts_from_the_last_year_the_story_gave():
    text = "The first summit was held in December 1994 in Miami. Four years later, the second met in Santiago."
    assert values(text, date(2005, 11, 4)) == [("December 1994", "1994-12"), ("Four years later", "1998")]


def test_a_year_earlier_in_comparisons_does_not_move_the_story():
    text = ("Daiwa reported a loss on Thursday, reversing a net profit a year earlier. "
            "Pre-tax earnings plunged 60 percent from a year earlier.")
    assert values(text, date(1997, 4, 25)) == [("Thursday", "1997-04-24"), ("a year earlier", "1996"), ("a year earlier", "1996")]


@pytest.mark.parametrize(
    "text, dct, phrase, value",
    [
        # "no earlier than" bounds a time ahead; it is not the past-tense cue "earlier"
        ("Preliminary results are expected no earlier than Monday.", date(2005, 11, 27), "Monday", "2005-11-28"),
        # the simple present of a scheduled happening points ahead
        ("The trial of Saddam Hussein resumes on Monday with mounting pressure.", date(2005, 12, 4), "Monday", "2005-12-05"),
        ("All urged de Larosiere, whose term expires in September, to stay on.", date(1997, 4, 15), "September", "1997-09"),
        ("A new weekly starts publication in Beijing on Sunday.", date(2006, 11, 11), "Sunday", "2006-11-12"),
        # what was said is a later clause: "told … Thursday that forces will" dates the telling
        ("Maliki told ABC television Thursday that Iraqi forces will be ready.", date(2006, 12, 1), "Thursday", "2006-11-30"),
        # expected from the past: ahead of the expecting, not of the publication date
        ("Analysts had expected the deficit to come to 63 billion dollars in October.", date(2006, 12, 12), "October", "2006-10"),
        ("The dialogue was last scheduled for July 25, but war broke out.", date(2006, 11, 6), "July 25", "2006-07-25"),
        ("A first batch of refugees was supposed to be airlifted out on Friday, but rebels blocked it.", date(1997, 4, 21), "Friday", "1997-04-18"),
        ("Martin is widely expected to dissolve Parliament on Tuesday.", date(2005, 11, 24), "Tuesday", "2005-11-29"),
        # a bound holds in the past too
        ("The volcano had calmed down by September and residents went home.", date(2006, 12, 1), "September", "2006-09"),
        ("By Sunday afternoon, nearly half of the pictures had gone.", date(2005, 11, 14), "Sunday afternoon", "2005-11-13TAF"),
        # past participles, and verbs that look like adjectives when an amount follows
        ("Core inflation would have risen by 0.1 percent in October.", date(2006, 11, 14), "October", "2006-10"),
        ("Leading indicators increased 0.2 percent in October, suggesting slow growth will continue.", date(2006, 11, 20), "October", "2006-10"),
        ("Michalak, who underwent knee surgery in November, will not play.", date(2006, 12, 28), "November", "2006-11"),
        # a relative clause after the expression is another clause
        ("Turkey started entry talks with the EU in October which is expected to last a decade.", date(2005, 11, 22), "October", "2005-10"),
        # a day right after a reporting verb is the day of the saying
        ("Ericsson said Saturday it will invest one billion dollars.", date(2005, 11, 20), "Saturday", "2005-11-19"),
        ("The Academy said on Wednesday he will be presented with the award.", date(2006, 12, 14), "Wednesday", "2006-12-13"),
        # "was to", "is threatening to", "the next match", "ends", "for Monday"
        ("Black pearls were to be put on show in Papeete on Saturday.", date(1997, 4, 4), "Saturday", "1997-04-05"),
        ("Gazprom is threatening to switch off gas supplies on Monday.", date(2006, 12, 29), "Monday", "2007-01-01"),
        ("The next match is a day-night match in Durban on Wednesday afternoon.", date(2006, 11, 19), "Wednesday afternoon", "2006-11-22TAF"),
        ("The conference, which ends Sunday, calls for more aid.", date(2005, 12, 17), "Sunday", "2005-12-18"),
        ("The opposition has called a mass strike for Monday.", date(1997, 4, 13), "Monday", "1997-04-14"),
        ("He described Israeli preparations for the summer war in Lebanon.", date(2006, 12, 29), "the summer", "2006-SU"),
        # nor does a subordinate clause after the expression
        ("Kim will meet Putin on Thursday after he met Lavrov on Tuesday.", WED, "Thursday", "2019-04-25"),
        # a coordinated clause after a comma does not decide either
        ("Bush will meet with Democratic leaders on Tuesday, and was expected to make proposals.", date(2006, 11, 13), "Tuesday", "2006-11-14"),
        # -ed nouns are not past tenses
        ("Measures will be imposed to limit bloodshed during Thursday's main event.", date(2005, 12, 12), "Thursday's", "2005-12-15"),
        # what is traded for delivery is ahead
        ("Light sweet crude for delivery in January rose 47 cents.", date(2005, 12, 12), "January", "2006-01"),
        ("Brent North Sea crude for January delivery was steady.", date(2006, 12, 15), "January", "2007-01"),
        # "ahead of", "looking forward to", "on course to", "ready to", "need to"
        ("Tribal leaders gathered in a final campaign bid ahead of Thursday's election.", date(2005, 12, 13), "Thursday's", "2005-12-15"),
        ("Beijing was looking forward to Chirac's visit in May.", date(1997, 4, 7), "May", "1997-05"),
        ("Kadima was on course to emerge as the largest party after the March 28 election.", date(2005, 12, 7), "March 28", "2006-03-28"),
        ("We need to add new players in January.", date(2006, 12, 22), "January", "2007-01"),
        # "the need to" is a noun, and a noun gives no tense
        ("The bomb highlighted the need to cooperate in the probe of February's killing of Hariri.", date(2005, 12, 12), "February's", "2005-02"),
        ("Mueller spoke in an interview to be published on Wednesday.", date(2005, 12, 13), "Wednesday", "2005-12-14"),
        ("Parties are hitting the roads in the run-up to Sunday's elections.", date(1997, 4, 7), "Sunday's", "1997-04-13"),
        ("The championships, to kick off here on Tuesday, draw 300 gymnasts.", date(2005, 11, 19), "Tuesday", "2005-11-22"),
        # the present tense of a day up to four days ahead is a schedule
        ("On Wednesday, Ford's remains are finally laid to rest in Michigan.", date(2006, 12, 30), "Wednesday", "2007-01-03"),
        ("Bayern now turn their attention to Tuesday's match with Inter Milan.", date(2006, 12, 2), "Tuesday's", "2006-12-05"),
        # with no tense at all, next month is nearer than eleven months ago; a modal after the expression is another verb's
        ("Then we have the Gulf Cup in the UAE in January.", date(2006, 12, 14), "January", "2007-01"),
        ("Between January and October, exports rose.", date(2006, 11, 22), "January", "2006-01"),
        ("The pledge by G8 leaders at Gleneagles in July may not result in a deal.", date(2005, 11, 14), "July", "2005-07"),
        # "former" says what someone was, not when the clause happens
        ("The former Warsaw Pact states are expected to be offered membership at a summit in July.", date(1997, 4, 28), "July", "1997-07"),
        # a cue inside the same comma-bounded clause beats one across the comma
        ("Kadima is on course to win 41 seats in the March 28 election, 20 more than its rival, a poll found.", date(2005, 12, 12), "March 28", "2006-03-28"),
        # a plain verb after "to" or a modal is no past tense, though "cut" and "shut" look the same
        ("The cartel was ready to cut production at a meeting at the end of January.", date(2005, 12, 12), "the end of January", "2006-01"),
        ("Airports and borders will shut from Wednesday.", date(2005, 12, 12), "Wednesday", "2005-12-14"),
        # the noun "will" is no future
        ("Opening the summit on Wednesday, Annan called on nations to show political will.", date(2005, 11, 18), "Wednesday", "2005-11-16"),
        # an -ed word after an article or a preposition is an adjective
        ("Palestinians in occupied east Jerusalem vote in January.", date(2005, 12, 21), "January", "2006-01"),
        # "due on", and "starting" or "beginning" right before a day, point ahead
        ("He referred to the board meeting due on Thursday.", date(2005, 11, 18), "Thursday", "2005-11-24"),
        ("The team which faces India in a four-day match starting Thursday includes Hayward.", date(2006, 12, 5), "Thursday", "2006-12-07"),
        # "entitled" names a title; "to be broadcast" is ahead like "to be published"
        ("CCTV will show the documentary, entitled \"Kyushu\" on Saturday afternoon.", date(2006, 11, 3), "Saturday afternoon", "2006-11-04TAF"),
        ("Annan told the BBC in an interview to be broadcast Monday.", date(2006, 12, 3), "Monday", "2006-12-04"),
        # matches that "kick off" are scheduled; "third-placed" is an adjective, "re-elected" a verb
        ("Other matches kick off on Wednesday when Parma host Inter.", date(2005, 11, 29), "Wednesday", "2005-11-30"),
        ("Juventus is expected to meet third-placed Fiorentina on Thursday.", date(2005, 11, 29), "Thursday", "2005-12-01"),
        ("The council on Monday re-elected Bashir as chairman.", date(2005, 11, 23), "Monday", "2005-11-21"),
        # "this summer" said in November is the summer just gone, unless the tense looks ahead
        ("Graduates faced the job market this summer.", date(2006, 11, 27), "this summer", "2006-SU"),
        ("We will go there this summer.", date(2006, 11, 27), "this summer", "2007-SU"),
        ("Inventories helped to offset concerns about heating fuel supplies this winter.", date(2005, 11, 23), "this winter", "2005-WI"),
        # "ahead of", "play host to", "to meet", and a second day that is no second clause
        ("The family receive condolences ahead of his funeral Wednesday, while schools are closed.", date(2005, 12, 13), "Wednesday", "2005-12-14"),
        ("The Spanish champions play host to Recreativo Huelva on Wednesday.", date(2006, 12, 18), "Wednesday", "2006-12-20"),
        ("Wen told his French hosts Tuesday that more effort was needed.", date(2005, 12, 7), "Tuesday", "2005-12-06"),
        ("A key step is the election for the parliament to meet on Monday.", date(2005, 12, 16), "Monday", "2005-12-19"),
        ("Members are to hold a special session Tuesday on the talks.", date(1997, 4, 24), "Tuesday", "1997-04-29"),
        ("The APEC summit on Friday and Saturday will bring together leaders.", date(2005, 11, 13), "Friday", "2005-11-18"),
        ("With six-party talks set to resume Monday, Noland spoke.", date(2006, 12, 14), "Monday", "2006-12-18"),
        # the main clause after a relative one counts for less; "closed-door" is an adjective
        ("NATO membership, which will be put to voters in a referendum in May, was not directed against Russia.", date(1997, 4, 28), "May", "1997-05"),
        ("The theme of the talks, which include closed-door sessions and continue until midday on Sunday, is youth.", date(2005, 12, 3), "Sunday", "2005-12-04"),
        # inside a quotation, the attribution after it ("he added") does not decide; nor does a passive participle
        ('"We will go back to Baidoa to present our laws to the parliament on Sunday," he added.', date(2006, 12, 29), "Sunday", "2006-12-31"),
        ("The facsimile will be officially presented and played by Birsak on Friday, it said.", date(2006, 12, 27), "Friday", "2006-12-29"),
        # a past verb right before a day dates it in the past even when the next one is nearer; a supposition does not
        ("The first case in humans was announced on March 18.", date(2006, 12, 23), "March 18", "2006-03-18"),
        ("If the government fell on Dec. 8, a vote would take place in January.", date(2005, 11, 7), "Dec. 8", "2005-12-08"),
        ("Brown, the singer, died on Christmas Day.", date(2006, 11, 29), "Christmas Day", "2005-12-25"),
        # what is adjourned or postponed is put off to a time ahead
        ("The case was adjourned to February to await a decision.", date(2005, 12, 17), "February", "2006-02"),
        ("Officials postponed until Tuesday morning any action on the boy.", date(2000, 3, 30), "Tuesday morning", "2000-04-04TMO"),
    ],
)
def test_the_clause_around_the_expression_sets_its_direction(text, dct, phrase, value):
    assert (phrase, value) in values(text, dct)


def test_a_month_of_that_year_takes_the_story_year():
    text = "The pound fell in 1976. In September that year, Callaghan went to the IMF. In March of the following year he left."
    assert values(text, date(2006, 12, 29)) == [
        ("1976", "1976"), ("September that year", "1976-09"), ("March of the following year", "1977-03"),
    ]
    assert values("about 40 attacks since mid-March of last year", date(2006, 11, 4)) == [("mid-March of last year", "2005-03")]


def test_a_time_takes_the_day_named_after_it():
    text = "The blast in Nairobi occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building."
    assert values(text, date(1998, 8, 8)) == [
        ("10:35 a.m.", "1998-08-07T10:35"), ("0735 GMT", "1998-08-07T07:35"), ("Friday", "1998-08-07"),
    ]
    # "am" after a clock time is not the present tense of "be"
    text = "Gas supplies will be turned off at 10:00 am in Moscow (0700 GMT) on Monday if Belarus does not agree."
    assert values(text, date(2006, 12, 28))[1:] == [("0700 GMT", "2007-01-01T07:00"), ("Monday", "2007-01-01")]


def test_a_day_named_with_gmt_is_the_day_in_gmt_only():
    found = values("The quake, which occurred at 8:30 a.m. (2330 GMT Thursday), was felt in Tokyo.", date(1997, 4, 11))
    assert found == [("8:30 a.m.", "1997-04-11T08:30"), ("2330 GMT Thursday", "1997-04-10T23:30")]


def test_a_time_takes_the_day_named_just_before_it():
    assert values("We call all Croatians to be in Split tomorrow at noon.", date(2005, 12, 10)) == [("tomorrow", "2005-12-11"), ("noon", "2005-12-11T12:00")]


def test_a_time_takes_a_relative_day_named_after_it():
    text = "Harbin shut its water supply from the early morning last Wednesday to 6 p.m. of last Sunday."
    assert values(text, date(2005, 11, 29))[1] == ("6 p.m.", "2005-11-27T18:00")


def test_a_time_takes_the_day_named_later_in_its_clause():
    found = values("The accident occurred at 6:40 p.m. (1040 GMT) at the colliery on Sunday.", date(2006, 11, 28))
    assert ("6:40 p.m.", "2006-11-26T18:40") in found and ("1040 GMT", "2006-11-26T10:40") in found
    found = values("The quake struck at 1:24 p.m., a week after a quake on March 26.", date(2006, 11, 28))
    assert ("1:24 p.m.", "2006-11-28T13:24") in found  # another clause, another event
    assert values("At 5 p.m., the dollar was quoted against Friday's 5 p.m. quotes.", date(2006, 11, 28))[0] == ("5 p.m.", "2006-11-28T17:00")


def test_a_range_of_times_shares_its_first_day():
    text = "Ballots were late Sunday and Monday, a spokesman said. The station was open from 10 a.m. (0800 GMT) to 2 p.m. (1200 GMT)."
    found = values(text, date(1997, 4, 15))
    assert [value for _, value in found[2:]] == ["1997-04-14T10:00", "1997-04-14T08:00", "1997-04-14T14:00", "1997-04-14T12:00"]


def test_a_time_as_of_which_a_report_speaks_is_on_the_publication_day():
    text = "The storm will reach Manila by Friday, PAGASA said Tuesday. As of 10:00 a.m., it was 870 km away."
    assert ("10:00 a.m.", "2006-11-28T10:00") in values(text, date(2006, 11, 28))


def test_a_time_two_sentences_after_a_named_day_is_on_the_publication_day():
    text = "The rand was bid at 6.51 from Thursday's close. Traders said gold would help. At 15:40 (1340 GMT), gold was quoted at 495 dollars."
    assert values(text, date(2005, 11, 28))[-1] == ("1340 GMT", "2005-11-28T13:40")


def test_a_period_before_an_offset_is_not_a_rate():
    assert values("Pinochet died Sunday at age 91 a week after a heart attack.", date(2006, 12, 11)) == [
        ("Sunday", "2006-12-10"), ("a week", "P1W"),
    ]


def test_an_hour_said_in_words_is_a_time():
    text = "The father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said."
    assert values(text, date(2000, 4, 5))[0] == ("4 in the morning", "2000-04-06T04:00")
    assert values("He was shot at 10 at night.", date(2000, 4, 5)) == [("10 at night", "2000-04-05T22:00")]
    assert values("Shares rose 2 in the afternoon session.", date(2000, 4, 5)) == []


def test_the_fall_of_a_dictator_is_no_season():
    assert values("Some Iraqis might regret the fall of Saddam Hussein.", date(2006, 12, 5)) == []
    assert values("They met in the fall of 2005.", date(2006, 12, 5)) == [("the fall of 2005", "2005-FA")]


def test_the_day_of_the_saying_and_comparisons_leave_the_story_where_it_was():
    text = ("Machinery orders in February rose 9.9 percent, after growing 14.8 percent in the previous month, "
            "the agency said Thursday. Compared with the previous month, the February orders dropped.")
    assert [v for _, v in values(text, date(1997, 4, 10))] == ["1997-02", "1997-01", "1997-04-10", "1997-01", "1997-02"]


def test_numbers_with_thousands_separators_are_read_whole():
    assert values("Muoi stressed the 4,000 year history of the country.", THU) == [("4,000 year", "P4000Y")]
    assert values("the journey made more than 1,400 years ago", THU) == [("more than 1,400 years ago", "0619")]


def test_dates_beyond_the_calendar_never_break_the_engine():
    assert values("They met on February 30 in Rome.", THU) == []
    assert values("They met on Feb. 29 in Rome.", date(2022, 3, 10)) == [("Feb. 29", "2020-02-29")]
    assert values("Humans arrived 40,000 years ago.", THU) == [("40,000 years ago", "PAST_REF")]
    spans = annotate("They met last summer, on Monday.", date(1, 1, 2))
    assert [span.value for span in spans] == ["", ""]  # a publication date in year 1 is no reference


def test_random_runs_of_date_words_never_break_the_engine():
    import random

    from newsdates.anchoring.engine import TRIGGER_WORDS

    words = TRIGGER_WORDS + ["a couple of", "at least", "more than", "up to", "half a", "the past few", "Monday", "March", "1999", "9999", "0", "31", "99,999,999", "1.5", "'s", ",", "ago", "later",
                              "week", "weekend", "Q4", "1600s", "'90s", "a.m.", "GMT", "2400", "February 30", "Feb. 29", "(", ")"]
    rng = random.Random(7)
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        for dct in (THU, date(1000, 1, 1), date(2999, 12, 31), None):
            for span in annotate(text, dct):
                assert text[span.start : span.end] == span.text


def test_a_great_day_is_the_day_the_story_is_about():
    text = 'On Friday, Poland joined NATO. Geremek said it was "a great day for Poland and for the world."'
    assert values(text, date(1999, 3, 13)) == [("Friday", "1999-03-12"), ("a great day", "1999-03-12")]
    assert values("Today is a sad day for the US Constitution.", date(2000, 1, 5)) == [("Today", "2000-01-05")]


HISTORY = (
    "The war began in 1914 when Austria-Hungary invaded Serbia. In 1915 Italy joined the Allies. "
    "By 1916 the front had barely moved, and in 1917 the United States entered the war. "
    "On 11 November an armistice was signed. In March the last prisoners came home."
)


def test_it_reads_a_history_as_narrative_without_being_told():
    from newsdates.anchoring import text_kind

    assert text_kind(HISTORY, date(2009, 12, 19)) == NARRATIVE
    assert text_kind("The minister said on Thursday that the 1994 summit and the 1995 accord still held.", THU) == "news"
    spans = {s.text: s.value for s in annotate(HISTORY, date(2009, 12, 19))}
    assert spans["11 November"] == "1917-11-11"
    assert spans["March"] == "1918-03"  # the nearest March to the story's November: the next one


def test_it_keeps_news_with_a_historical_background_as_news():
    text = ("NATO admitted Poland on Friday. The alliance was founded in 1949; Poland joined the Warsaw Pact in 1955, "
            "rose in 1956 and 1968, and saw martial law in 1981. It said Friday's ceremony closed that era.")
    assert values(text, date(1999, 3, 13))[0] == ("Friday", "1999-03-12")


def test_business_periods_take_their_unit_from_the_period_the_text_is_about():
    text = ("Net income in the third quarter rose 12% to $45 million from $40 million a year earlier. Revenue in the latest "
            "quarter fell 3% from the year-earlier period. Sales in fiscal 1990 are expected to rise. Profit for the quarter "
            "was $3 million, up from $2 million last year. Retail sales in October rose 4% from a year ago. A year earlier, "
            "it had made $2 million.")
    assert values(text, date(1989, 11, 2)) == [
        ("the third quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
        ("the latest quarter", "1989-Q3"),
        ("the year-earlier period", "1988-Q3"),
        ("fiscal 1990", "1990"),
        ("the quarter", "1989-Q3"),
        ("last year", "1988-Q3"),
        ("October", "1989-10"),
        ("a year ago", "1988"),
        ("A year earlier", "1988"),  # after "a year ago": from the publication date, not from 1988
    ]


@pytest.mark.parametrize(
    "text, dct, expected",
    [
        ("Profit rose in the fourth quarter.", date(1990, 2, 10), "1989-Q4"),  # the latest quarter begun
        ("Growth will slow from the third quarter.", date(2006, 12, 13), "2006-Q3"),  # ahead: the nearest
        ("They expect to start in the first quarter of the next year.", date(2005, 11, 30), "2006-Q1"),
    ],
)
def test_a_quarter_without_a_year_is_the_one_the_tense_points_to(text, dct, expected):
    assert [value for phrase, value in values(text, dct) if "quarter" in phrase] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We met yesterday," he said on Monday.', "2019-04-21"),  # the Sunday before the Monday of the speech
        ('"The talks start today," Lavrov told reporters Monday.', "2019-04-22"),
        ('"We met yesterday," he said.', "2019-04-23"),  # no day of the speech: from the publication date
    ],
)
def test_a_quoted_day_counts_from_the_day_of_the_speech_when_the_text_gives_it(text, expected):
    assert annotate(text, WED)[0].value == expected
