"""Date anchoring: text and a reference date in, temporal expressions with TIMEX3 values out. No Django."""

from .engine import AUTO, NARRATIVE, NEWS, POST, Span, annotate, text_kind

__all__ = ["AUTO", "NARRATIVE", "NEWS", "POST", "Span", "annotate", "text_kind"]
