from datetime import date

import pytest

from newsdates.timeml import Timex, load_corpus, load_document, score_document

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; \
killed dozens <TIMEX3 tid="t2" type="DURATION" value="P3D" mod="APPROX">about three days</TIMEX3> after.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml(tmp_path):
    path = tmp_path / "T1.tml"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_it_loads_text_dct_and_gold_offsets(tml):
    document = load_document(tml)
    assert document.dct == date(1998, 8, 7)
    assert "&amp;" not in document.text and "<EVENT" not in document.text
    friday, days = document.gold
    assert document.text[friday.start : friday.end] == "Friday"
    assert (friday.type, friday.value) == ("DATE", "1998-08-07")
    assert document.text[days.start : days.end] == "about three days"
    assert (days.type, days.value, days.mod) == ("DURATION", "P3D", "APPROX")


def test_it_refuses_a_document_without_a_dct(tmp_path):
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>Friday</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(ValueError, match="no <DCT>"):
        load_document(path)
    with pytest.raises(ValueError, match="no .tml files"):
        load_corpus(tmp_path / "nowhere")


def timex(start, end, value, type_="DATE"):
    return Timex(start, end, "", type_, value)


def test_the_scorer_counts_strict_relaxed_and_value_matches():
    gold = [timex(0, 6, "1998-08-07"), timex(10, 20, "P3D", "DURATION"), timex(30, 35, "1998")]
    system = [
        timex(0, 6, "1998-08-07"),  # exact span, right value
        timex(12, 20, "P4D", "DURATION"),  # overlapping span, wrong value
        timex(40, 45, "1999"),  # nothing in gold
    ]
    score = score_document(gold, system)
    tally = score.overall
    assert (tally.gold, tally.system) == (3, 3)
    assert (tally.strict_gold, tally.relaxed_gold, tally.value_gold) == (1, 2, 1)
    assert tally.value == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert tally.relaxed == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert score.by_type["DURATION"].relaxed == pytest.approx((1.0, 1.0, 1.0))
    assert score.by_type["DURATION"].value[2] == 0
    missed = [m for m in score.mistakes if m[2] is None]
    assert [m[1].value for m in missed] == ["1998"]


def test_the_scorer_pairs_each_gold_expression_once():
    gold = [timex(0, 20, "2019-04-24")]
    system = [timex(0, 8, "2019-04-24"), timex(9, 20, "2019-04-24")]
    tally = score_document(gold, system).overall
    assert tally.relaxed_gold == 1 and tally.relaxed_system == 1
    assert tally.relaxed[0] == pytest.approx(0.5)


def test_values_are_compared_as_written():
    score = score_document([timex(0, 5, "2000-W7")], [timex(0, 5, "2000-W07")])
    assert score.overall.value_gold == 0
