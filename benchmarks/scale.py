"""Write a corpus N times over, as new articles: each copy under new file names, its years shifted.

    .venv/bin/python benchmarks/scale.py ../shared/corpus/news-1997-2006 /tmp/corpus-25k --copies 10

Copy k (0 is the corpus itself) moves every year written in the text (1900–2099) and in an LDC
document id forward by 10·k years, so that the copies are distinct articles about distinct dates with
the same statistics as the original: what a ten-times larger newsroom archive would look like.
"""

import argparse
import re
from pathlib import Path

YEAR = re.compile(r"(?<![\d.,])(19\d\d|20\d\d)(?![\d])")
DOCUMENT_ID = re.compile(r"^([A-Z]{3}_[A-Z]{3}_)(\d{4})(\d{4}\.\d+)")
YEARS_PER_COPY = 10
LATEST_YEAR = 2099


def shifted(text: str, years: int) -> str:
    return YEAR.sub(lambda m: str(int(m[1]) + years) if int(m[1]) + years <= LATEST_YEAR else m[1], text)


def copy_name(name: str, copy: int) -> str:
    if copy == 0:
        return name
    if match := DOCUMENT_ID.match(name):
        return f"{match[1]}{int(match[2]) + YEARS_PER_COPY * copy}{match[3]}{name[match.end():]}"
    return f"copy{copy:02d}_{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--copies", type=int, default=10)
    options = parser.parse_args()
    sources = sorted(p for p in Path(options.corpus).iterdir() if p.suffix in (".txt", ".md", ".text"))
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for copy in range(options.copies):
        for path in sources:
            text = path.read_text(encoding="utf-8")
            (out / copy_name(path.name, copy)).write_text(shifted(text, YEARS_PER_COPY * copy) if copy else text, encoding="utf-8")
            written += 1
    print(f"{written} articles in {out} ({options.copies} copies of {len(sources)})")


if __name__ == "__main__":
    main()
