"""An article page being read: its lines, the candidates found for each field, and the notes."""

from dataclasses import dataclass, field

from .boilerplate import plain
from .fields import Found, choose


@dataclass
class Page:
    raw_text: str
    file_name: str = ""
    lines: list[str] = field(default_factory=list)  # as a reader sees them
    candidates: dict[str, list[Found]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    byline: str = ""
    header_lines: set[int] = field(default_factory=set)  # metadata, left out of the body
    dateline_line: int | None = None
    dateline_rest: str | None = None  # the story's first words, after the dateline on its line
    body_lines: list[str] = field(default_factory=list)
    body: str = ""

    @classmethod
    def read(cls, raw_text: str, file_name: str = "") -> "Page":
        return cls(raw_text, file_name, [plain(line) for line in raw_text.splitlines()])

    def offer(self, field_name: str, found: Found) -> None:
        self.candidates.setdefault(field_name, []).append(found)

    def has(self, field_name: str, how: str | None = None) -> bool:
        return any(c.value is not None and (how is None or c.how == how) for c in self.candidates.get(field_name, []))

    def best(self, field_name: str) -> Found:
        return choose(field_name, self.candidates.get(field_name, []))
