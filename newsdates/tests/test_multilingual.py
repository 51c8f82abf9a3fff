"""Articles not in English: the language is detected, the date line read, and the temporal expressions found
and anchored by dateparser. The texts are this project's own short test set (`multilingual/`)."""

import json
from datetime import date
from pathlib import Path

import pytest

from newsdates.anchoring import annotate
from newsdates.language import detect
from newsdates.metadata import extract

HERE = Path(__file__).parent / "multilingual"
EXPECTED = {code: case for code, case in json.loads((HERE / "expected.json").read_text(encoding="utf-8")).items() if code != "_about"}


def measure(code: str) -> tuple[int, int, int, int]:
    """(expected, found, anchored, right) for one text: an expected expression is found when a span overlaps
    it, anchored when that span has a value, right when the value is the expected one."""
    raw = (HERE / f"{code}.txt").read_text(encoding="utf-8")
    article = extract(raw, f"{code}.txt")
    spans = annotate(article.body, article.published.value)
    found = anchored = right = 0
    for phrase, value in EXPECTED[code]["expected"].items():
        start = article.body.find(phrase)
        overlapping = [span for span in spans if span.start < start + len(phrase) and start < span.end]
        found += bool(overlapping)
        anchored += any(span.value for span in overlapping)
        right += any(span.value == value for span in overlapping)
    return len(EXPECTED[code]["expected"]), found, anchored, right


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_it_detects_the_language_and_reads_the_date_line(code):
    raw = (HERE / f"{code}.txt").read_text(encoding="utf-8")
    article = extract(raw, f"{code}.txt")
    assert detect(article.body) == code
    assert article.published.value == date.fromisoformat(EXPECTED[code]["published"])


# What dateparser finds of each text today (expected, found, anchored, right); a drop is a regression.
FLOOR = {"ru": (6, 4, 4, 4), "ko": (4, 3, 3, 3), "fr": (5, 5, 5, 5), "de": (5, 5, 5, 5), "es": (5, 4, 4, 4),
         "it": (4, 4, 4, 4), "pt": (4, 4, 4, 4), "ja": (3, 3, 3, 3)}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_it_finds_and_anchors_relative_dates_in_other_languages(code):
    expected, found, anchored, right = measure(code)
    assert (found, anchored, right) >= FLOOR[code][1:], (expected, found, anchored, right)


def test_a_weekday_and_a_day_without_a_year_take_the_reading_nearest_the_publication_date():
    spans = annotate("Переговоры пройдут в четверг, а 26 апреля Ким посетит Океанариум.", date(2019, 4, 25), language="ru")
    assert [span.value for span in spans] == ["2019-04-25", "2019-04-26"]


def test_without_a_publication_date_only_what_needs_none_is_valued():
    spans = annotate("Le 26 avril 2019, il a déposé une gerbe. Hier, il est parti.", None, language="fr")
    assert [(span.text, span.value) for span in spans] == [("26 avril 2019", "2019-04-26"), ("Hier", "")]


def test_english_stays_with_the_engine():
    assert detect("Kim Jong Un arrived in Vladivostok on Wednesday, the Kremlin said.") == "en"
    assert annotate("Kim arrived on Wednesday.", date(2019, 4, 25))[0].rule == "weekday"


def test_english_lists_of_foreign_names_are_not_taken_for_another_language():
    # A results table in English: long, plain ASCII, almost all of it Spanish and Italian names.
    names = ("Alvaro Mendoza", "Rodrigo Salazar", "Joaquin Barrera", "Emiliano Cortes", "Matteo Rinaldi", "Gianluca Ferraro",
             "Lorenzo Bellucci", "Santiago Fuentes", "Federico Moretti", "Ignacio Villalobos", "Esteban Paredes", "Marco Gentile")
    table = "Top scorers after Sunday's matches\n\nROME, Nov. 12 (Wire)\n\n" + "\n\n".join(
        f"{10 - n // 2} {name} ({club})" for n, (name, club) in enumerate(zip(
            names * 2, ("Real Murcia", "Deportivo Toluca", "Sampdoria", "Fiorentina", "Atletico Rosario", "Palermo") * 4, strict=True)))
    assert detect(table) == "en"
    assert detect("Officieel bericht. " + "De minister heeft gisteren in Den Haag gezegd dat de regering het plan steunt. " * 6) == "nl"


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Лидер КНДР прибыл в среду. Вчера его поезд пересёк границу.", ["Лидер КНДР прибыл в среду.", "Вчера его поезд пересёк границу."]),
        ("김정은 위원장이 어제 도착했다. 정상회담은 오늘 열린다.", ["김정은 위원장이 어제 도착했다.", "정상회담은 오늘 열린다."]),
        ("昨日到着した。今日会談する。", ["昨日到着した。", "今日会談する。"]),
    ],
)
def test_sentences_end_in_any_script(text, sentences):
    from newsdates.sentences import split

    assert [sentence.text for sentence in split(text)] == sentences
