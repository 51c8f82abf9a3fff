from datetime import date

from newsdates.sentences import split
from newsdates.statements import cosine, different_kinds, find_statements, make_headline, read_article, stems


def test_sentences_survive_abbreviations_quotes_and_times():
    text = (
        'The abortive U.S. -North Korea summit failed, U.S. Ambassador Harry Harris said Monday. '
        'Mr. Trump said another meeting "would be good." He leaves at 4 a.m. EDT Thursday. It ended at 4 a.m. '
        "Then he slept.\n\nA new paragraph"
    )
    sentences = split(text)
    assert [s.text for s in sentences] == [
        "The abortive U.S. -North Korea summit failed, U.S. Ambassador Harry Harris said Monday.",
        'Mr. Trump said another meeting "would be good."',
        "He leaves at 4 a.m. EDT Thursday.",
        "It ended at 4 a.m.",
        "Then he slept.",
        "A new paragraph",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_each_dated_clause_is_a_statement_and_its_first_date_governs_it():
    body = ("Putin previously held a summit with Kim Jong Il in 2002, who also met in 2011 with Dmitry Medvedev. "
            "The summit opened on Thursday (April 25).")
    statements = find_statements(body, date(2019, 4, 26))
    assert [(s.span.text, s.span.value) for s in statements] == [("2002", "2002"), ("2011", "2011"), ("Thursday", "2019-04-25")]
    assert statements[0].sentence == statements[1].sentence
    assert "Medvedev" in statements[1].headline and "2002" not in statements[1].headline


def test_durations_sets_and_vague_references_are_not_statements():
    body = "It's been seven years since I took the helm. Flights leave daily. The situation is calm now."
    assert find_statements(body, date(2019, 4, 25)) == []


def test_headlines_are_short_readable_forms_without_the_date_or_attribution():
    sentence = "North Korean leader Kim Jong Un crossed the border into Russia on Wednesday by train, Russian media reported."
    start = sentence.index("Wednesday")
    assert make_headline(sentence, [(start, start + 9)]) == "North Korean leader Kim Jong Un crossed the border into Russia by train"
    long = ("Kim is seeking to rally support from Moscow after his second meeting with U.S. President Donald Trump in "
            "Vietnam in February broke down over differences about demands for Pyongyang to denuclearize and for "
            "Washington to drop sanctions.")
    [statement] = find_statements(long, date(2019, 4, 24))
    assert statement.headline.startswith("His second meeting with U.S. President Donald Trump in Vietnam broke down")
    assert len(statement.headline) <= 120 and not statement.headline.endswith(("…", " and", " for"))


def test_a_date_inside_a_noun_phrase_dates_that_thing_not_the_sentence():
    published = date(2019, 4, 24)
    [visit, death] = find_statements(
        "He then toured the Friendship House, built ahead of a 1986 visit by his grandfather Kim Il Sung who died in 1994.",
        published,
    )
    assert visit.headline == "A visit by his grandfather Kim Il Sung"
    assert (death.span.value, death.headline) == ("1994", "Kim Il Sung died")  # the relative clause dates its antecedent
    assert "tour" not in visit.terms
    [talks] = find_statements(
        "NHK reported that Putin could propose a restart of the six-party talks — which involved the "
        "United States, China and Japan — last held in 2008.",
        published,
    )
    assert talks.headline == "Six-party talks last held"
    [met] = find_statements("Kim met Putin in April and left.", published)
    assert met.headline == "Kim met Putin and left"


def test_the_date_of_a_saying_is_marked_as_such():
    [statement] = find_statements("Russian officials earlier this month said Putin will meet Kim.", date(2019, 4, 26))
    assert statement.reported
    [statement] = find_statements("Putin met Kim on Thursday.", date(2019, 4, 26))
    assert not statement.reported


def test_similarity_sees_the_same_happening_in_other_words_but_not_opposites():
    a = stems("Kim's second summit with Trump in Hanoi ended without agreement")
    b = stems("his second meeting with Trump broke down without an agreement")
    assert cosine(a, b) > 0.4
    assert different_kinds(stems("Kim departed for Russia by train"), stems("Kim arrived in Russia by train"))
    assert not different_kinds(stems("the summit collapsed"), stems("talks broke down at the summit"))


def test_it_counts_the_tenses_of_an_irregular_verb_as_one_word():
    # One happening, told by two articles in two tenses, or as planned and as done.
    assert set(stems("the CEO underwent liver transplant surgery")) >= set(stems("he had undergone a liver transplant"))
    assert stems("the two ministers will hold talks in Geneva") == stems("the two ministers held talks in Geneva")
    assert stems("Nokia sold its phone unit") == stems("Nokia will sell its phone unit")
    assert stems("the rebels took the town") == stems("the town was taken by the rebels")
    # Forms as often other words are left as they are: "won" is also Korea's currency.
    assert "won" in stems("a loan of 10,000 won")


def test_two_happenings_coordinated_in_one_clause_each_get_their_date():
    body = "He fought pancreatic cancer in 2004 and took six months off in early 2009, later revealing he had undergone a liver transplant."
    cancer, leave = find_statements(body, date(2011, 1, 17))
    assert (cancer.span.value, cancer.clause) == ("2004", "He fought pancreatic cancer in 2004")
    assert leave.span.value == "2009" and "liver transplant" in leave.headline and "cancer" not in leave.headline
    # "and" between two people is no second happening: one date, one clause.
    [started] = find_statements("Apple was started by Steve Jobs and Steve Wozniak in 1976.", date(2006, 3, 28))
    assert started.span.value == "1976" and "Wozniak" in started.headline


def test_a_statement_knows_whether_it_tells_of_the_past():
    said = {s.sentence: s.of_the_past for s in read_article(
        "Jobs resigned on Wednesday.\n\nThis was his third period of medical leave. Tim Cook will succeed him. "
        "The two leaders won't sign any agreements.", date(2011, 8, 25))}
    assert said == {"Jobs resigned on Wednesday.": True, "This was his third period of medical leave.": True,
                    "Tim Cook will succeed him.": False, "The two leaders won't sign any agreements.": False}
