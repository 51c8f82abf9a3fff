"""The words a pattern can start with, read from its parse tree.

The engine checks, before trying any rule at a position, that a word some rule can start with is there:
most words of a text start no rule, and the check keeps the single pass fast. Deriving those words from
the patterns keeps the check true to the rules: a new rule needs no word added by hand.
"""

import re._constants as sre
import re._parser as sre_parse

DIGIT = "<digit>"  # a rule can start with any digit
APOSTROPHE = "<apostrophe>"  # …or with an apostrophe ("the '90s")
ANYTHING = "<anything>"  # …or with something no word list describes: no filter may be applied

_APOSTROPHES = "'’"
_MOST_SPELLINGS = 5000  # beyond this many spellings of a first word (or a word of unbounded length): ANYTHING
_SMALL_CLASS = 100  # character classes up to this size are spelled out


class _State(sre_parse.State):
    """Parser state that accepts a group name twice, as the `regex` module does ("(?P<word>…)|(?P<word>…)")."""

    def opengroup(self, name=None):
        return super().opengroup(None if name in self.groupdict else name)


def first_words(pattern: str) -> set[str]:
    """The lower-cased words a match of `pattern` can start with, and DIGIT, APOSTROPHE or ANYTHING.

    A word ends where a character that is no letter, digit or underscore follows, or where the pattern
    ends (the engine lets no rule stop inside a word). Zero-width assertions (lookarounds, the `regex`
    module's variable-width lookbehinds among them) consume nothing and are skipped.
    """
    state = _State()
    state.str = pattern
    tree = sre_parse._parse_sub(sre_parse.Tokenizer(pattern), state, 0, 0)
    found: set[str] = set()
    unfinished = _walk(list(tree), {""}, found)
    found.update(word or ANYTHING for word in unfinished)  # "" here: the rule can match nothing at all
    return found


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _consume(prefixes: set[str], characters, found: set[str]) -> set[str]:
    """The word prefixes after one more character out of `characters`; finished words go to `found`."""
    longer = set()
    for prefix in prefixes:
        for character in characters:
            if _is_word_character(character):
                if not prefix and character.isdigit():
                    found.add(DIGIT)
                else:
                    longer.add(prefix + character.lower())
            elif prefix:
                found.add(prefix)
            else:
                found.add(APOSTROPHE if character in _APOSTROPHES else ANYTHING)
    if len(longer) > _MOST_SPELLINGS:
        found.add(ANYTHING)
        return set()
    return longer


def _characters(items) -> set[str] | None:
    """The characters a class ("[a-c\\d]") matches, or None when there are too many to spell out."""
    characters: set[str] = set()
    for op, argument in items:
        if op is sre.LITERAL:
            characters.add(chr(argument))
        elif op is sre.RANGE and argument[1] - argument[0] <= _SMALL_CLASS:
            characters.update(chr(code) for code in range(argument[0], argument[1] + 1))
        elif op is sre.CATEGORY and argument is sre.CATEGORY_DIGIT:
            characters.update("0123456789")
        elif op is sre.CATEGORY and argument is sre.CATEGORY_SPACE:
            characters.add(" ")  # any space ends a word alike
        else:
            return None
    return characters


def _walk(items, prefixes: set[str], found: set[str]) -> set[str]:
    """Follow a sequence of the parse tree from the word prefixes it can start with; return the prefixes
    still unfinished at its end."""
    for op, argument in items:
        if not prefixes or ANYTHING in found:
            return set()  # nothing left to follow, or no filter possible whatever follows
        if op is sre.LITERAL:
            prefixes = _consume(prefixes, chr(argument), found)
        elif op is sre.IN:
            characters = _characters(argument)
            if characters is None:
                found.add(ANYTHING)
                return set()
            prefixes = _consume(prefixes, characters, found)
        elif op is sre.SUBPATTERN:
            prefixes = _walk(argument[-1], prefixes, found)
        elif op is sre.BRANCH:
            prefixes = set().union(*(_walk(branch, set(prefixes), found) for branch in argument[1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            least, most, body = argument
            after = set(prefixes) if least == 0 else set()
            current = prefixes
            for times in range(1, _SMALL_CLASS):
                current = _walk(body, current, found)
                if times >= least:
                    after |= current
                if not current or times == most:
                    break
            else:  # a word that can grow without end
                found.add(ANYTHING)
                return set()
            prefixes = after
        elif op is sre.AT:
            if argument is sre.AT_BOUNDARY:  # "\b" right after letters ends the word there
                found.update(prefix for prefix in prefixes if prefix)
                prefixes = {prefix for prefix in prefixes if not prefix}
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # lookarounds consume nothing
        else:  # ".", a negated class, a back-reference: could be anything
            found.add(ANYTHING)
            return set()
    return prefixes
