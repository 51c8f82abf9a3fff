import contextlib
import json
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from newsdates.anchoring import AUTO, NARRATIVE, NEWS, POST, annotate

JSONL_FIELDS = ("start", "end", "text", "type", "value", "mod", "first", "last", "rule")


def parse_dct(raw, where: str) -> date | None:
    if raw in (None, ""):
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        raise ValueError(f"{where}: the reference date must be YYYY-MM-DD, not {raw!r}") from None


def marked_text(text: str, spans) -> str:
    """The text with each expression marked: [[on Wednesday]]{DATE 2019-04-24}."""
    pieces, cursor = [], 0
    for span in spans:
        value = " ".join(part for part in (span.type, span.value or "(waits for a date)", span.mod) if part)
        pieces += [text[cursor : span.start], f"[[{span.text}]]{{{value}}}"]
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


class Command(BaseCommand):
    help = "Print the temporal expressions of a text (or of a batch of JSON lines) with their TIMEX3 values."

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="FILE", help="a text file, or - for standard input")
        parser.add_argument("--dct", help="reference (publication) date, YYYY-MM-DD; without it relative dates stay unanchored")
        parser.add_argument("--kind", choices=[AUTO, NEWS, NARRATIVE, POST], default=AUTO,
                            help="what relative dates count from; auto (the default) decides per text")
        parser.add_argument("--language", help="the text's ISO 639-1 code (en, ru, ko…); detected when not given")
        parser.add_argument("--format", choices=["text", "jsonl"], default="text")
        parser.add_argument("--batch", action="store_true",
                            help='read JSON lines {"id", "dct", "text"[, "language"]}; write one JSON line per expression')

    def handle(self, *args, source, dct, kind, format, batch, language, **options):
        stream = contextlib.nullcontext(sys.stdin) if source == "-" else self._open(source)
        with stream as stream:
            if batch:
                if format != "jsonl":
                    raise CommandError("--batch writes JSON lines: use --format jsonl")
                failures = self._batch(stream, kind, language)
                if failures:
                    raise CommandError(f"{failures} line(s) could not be read; see above.", returncode=1)
                return
            try:
                reference = parse_dct(dct, "--dct")
            except ValueError as error:
                raise CommandError(str(error)) from None
            text = stream.read()
        spans = annotate(text, reference, kind, language)
        if format == "jsonl":
            for span in spans:
                self.stdout.write(json.dumps(span.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(marked_text(text, spans))

    def _open(self, path: str):
        try:
            return open(path, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None

    def _batch(self, stream, kind: str, language: str | None) -> int:
        failures = 0
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError('expected an object with a "text" string')
                reference = parse_dct(record.get("dct"), "dct")
            except ValueError as error:  # json.JSONDecodeError is a ValueError
                failures += 1
                self.stderr.write(f"line {number}: skipped: {error}")
                continue
            for span in annotate(record["text"], reference, kind, record.get("language") or language):
                data = span.as_dict()
                out = {"id": record.get("id"), **{name: data[name] for name in JSONL_FIELDS}}
                self.stdout.write(json.dumps(out, ensure_ascii=False))
        return failures
