"""Every rule of the engine, in the order they are tried. A family module holds the rules of one kind of
expression, each with its pattern, normaliser and examples; to add a rule, add one record to a family's
RULES (or a new family, listed below) with an `order` that places it before the rules it must beat."""

from ..rule import Rule
from . import business, clock, days, durations, explicit, holidays, months, periods, posts, relative, seasons, sets, vague, weekdays

_FAMILIES = (explicit, months, periods, business, seasons, holidays, relative, durations, weekdays, days, clock, sets, vague, posts)


def _in_order(rules: list[Rule]) -> list[Rule]:
    for attribute in ("name", "order"):
        seen: dict = {}
        for rule in rules:
            key = getattr(rule, attribute)
            if key in seen:
                raise ValueError(f"rules {seen[key]!r} and {rule.name!r} share the {attribute} {key!r}")
            seen[key] = rule.name
    return sorted(rules, key=lambda rule: rule.order)


RULES: list[Rule] = _in_order([rule for family in _FAMILIES for rule in family.RULES])
