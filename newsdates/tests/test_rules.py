"""Every rule of the date engine on its own examples, and the trigger derived from the rules' patterns."""

import re
from datetime import date

import pytest

from newsdates.anchoring import annotate
from newsdates.anchoring.engine import TRIGGER_STARTS, TRIGGER_WORDS
from newsdates.anchoring.patterns import relative
from newsdates.anchoring.provenance import CueKind, Direction
from newsdates.anchoring.rule import Rule
from newsdates.anchoring.rules import RULES, _in_order
from newsdates.anchoring.tense import direction
from newsdates.anchoring.triggers import ANYTHING, APOSTROPHE, DIGIT, first_words

EXAMPLES = [(rule, example) for rule in RULES for example in rule.examples]


def test_it_gives_every_rule_an_example():
    assert [rule.name for rule in RULES if not rule.examples] == []


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[f"{rule.name}:{example.matched or example.text}" for rule, example in EXAMPLES])
def test_it_finds_each_example_by_its_own_rule(rule, example):
    spans = annotate(example.text, example.published)
    phrase = example.matched or example.text
    found = [(span.text, span.value) for span in spans if span.matched_by == rule.name]
    assert (phrase, example.value) in found, [(span.text, span.value, span.matched_by) for span in spans]


def test_every_rule_fires_on_its_examples():
    fired = {span.matched_by for rule, example in EXAMPLES for span in annotate(example.text, example.published)}
    assert [rule.name for rule in RULES if rule.name not in fired] == []


def test_the_derived_trigger_covers_the_first_word_of_every_example():
    assert ANYTHING not in TRIGGER_STARTS  # else the engine would try every rule at every position
    for rule, example in EXAMPLES:
        phrase = example.matched or example.text
        first = phrase[0]
        if first.isdigit():
            assert DIGIT in TRIGGER_STARTS
        elif first in "'’":
            assert APOSTROPHE in TRIGGER_STARTS
        else:
            assert re.match(r"\w+", phrase)[0].lower() in TRIGGER_WORDS, (rule.name, phrase)


@pytest.mark.parametrize(
    "pattern, words",
    [
        (r"(?i:last|next)\s+week", {"last", "next"}),
        (r"(?:(?P<mod>early|late)[\s-]+)?(?P<year>19\d\d)", {"early", "late", DIGIT}),
        (r"(?P<quarter>Q[1-4])\s+2005", {"q1", "q2", "q3", "q4"}),
        (r"['’](?P<decade>\d0)s", {APOSTROPHE}),
        (r"(?<=\bthe\s)(?P<month>March)|(?P<month>May)(?!\s+be)", {"march", "may"}),  # lookarounds consume nothing
        (r"(?<!\bhigh\s+)noon", {"noon"}),  # a variable-width lookbehind, which only the regex module accepts
        (r"Valentine's\s+Day", {"valentine"}),  # the apostrophe ends the word
        (r"years?\b", {"year", "years"}),
        (r"c\.\s+\d{4}", {"c"}),
        (r"[a-z]+ago", {ANYTHING}),  # a word of any length: no filter is possible
        (r"(?:the\s+)?", {"the", ANYTHING}),  # a rule that can match nothing could start anywhere
    ],
)
def test_it_reads_the_words_a_pattern_can_start_with(pattern, words):
    assert first_words(pattern) == words


def test_it_keeps_rules_in_their_order_and_refuses_two_at_one_place():
    assert [rule.order for rule in RULES] == sorted(rule.order for rule in RULES)
    twin = Rule("twin", RULES[0].order, "x", RULES[0].normalise, ())
    with pytest.raises(ValueError, match="share the order"):
        _in_order([*RULES, twin])


def test_a_rule_accepts_only_relative_words_the_lexicon_defines():
    assert relative("last", "the following") == r"(?P<relative>(?i:last|the\s+following))"
    with pytest.raises(ValueError, match="yonder"):
        relative("last", "yonder")


def test_it_tells_a_weak_cue_by_its_kind_not_its_wording():
    text = "Analysts had expected the deficit to come to 63 billion dollars in October."
    cue = direction(text, text.index("October"), text.index("October") + len("October"))
    assert (cue.direction, cue.kind, cue.word, cue.weak) == (Direction.FUTURE, CueKind.FUTURE_IN_PAST, "expected", True)
    assert str(cue) == "future seen from the past 'expected'"
    text = "The leader will meet Putin on Thursday."
    cue = direction(text, text.index("Thursday"), len(text) - 1)
    assert (cue.direction, cue.kind, cue.word, cue.weak) == (Direction.FUTURE, CueKind.TENSE, "will", False)


def test_a_span_renders_its_provenance_as_it_always_read():
    span = annotate("The two leaders met on Thursday.", date(2019, 4, 26))[0]
    assert (span.anchor, span.direction, span.reason) == ("publication date 2019-04-26", "past", "past tense 'met'")
    assert span.why.cue.word == "met" and span.heading is Direction.PAST and span.origin.day.isoformat() == "2019-04-26"


def test_the_trigger_stays_a_short_list_of_words():
    # a pattern that glues a word to what follows ("two"+"hours" with no space between) multiplies the
    # spellings a rule can start with, and the single pass slows down with every one of them
    assert len(TRIGGER_WORDS) < 400
