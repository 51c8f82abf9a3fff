"""Date anchoring: text and a reference date in, temporal expressions with TIMEX3 values out. No Django."""

from .engine import NARRATIVE, NEWS, Span, annotate

__all__ = ["NARRATIVE", "NEWS", "Span", "annotate"]
