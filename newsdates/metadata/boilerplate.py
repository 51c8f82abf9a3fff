"""Page furniture: what a saved or copied web page holds besides the story, and how to leave it out."""

import re
from html.parser import HTMLParser

URL = re.compile(r"https?://[^\s<>\"')]+")
_SPACES = re.compile(r"[ \t\u00a0]+")
ORIGINAL_URL = re.compile(r"^(?:original\s+url|source\s+url|url|link|source)\s*:\s*(?P<url>\S*)\s*$", re.IGNORECASE)
MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<text>.*)$")

# Paragraphs that are page furniture, never article text.
_BOILERPLATE = re.compile(
    r"^(?:#+\s*)?(?:embed:?|share it|share this( article| story)?|share|tweet|discuss this article|"
    r"other reports by.*|related articles?:.*|related:.*|read more:.*|see also:.*|advertisement|"
    r"subscribe\b.*|sign up\b.*|follow us on\b.*|click here\b.*|comments?|print|email)$",
    re.IGNORECASE,
)
# Markers after which a page has only furniture left (promotions, comment boxes).
_END_OF_ARTICLE = re.compile(r"^(?:share it|share this( article| story)?|discuss this article|other reports by.*)$", re.IGNORECASE)
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*.+\(@\w{1,15}\)")
PHOTO_CREDIT_SUFFIX = re.compile(r"\s*(?:PHOTO|PHOTOS|FILE PHOTO|IMAGE)\s*:\s*[A-Z][A-Z .,/&'-]*$")
TERMINAL = re.compile(r"[.!?:;\"”’')\]]$")


class _Text(HTMLParser):
    """The text of a piece of HTML, as a browser would show it: markup read by a real parser, so that an
    escaped "&lt;script&gt;" is the text "<script>" and never becomes markup by being unescaped after a strip."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


def plain(line: str) -> str:
    """A line as a reader sees it: HTML tags and entities resolved, spaces folded."""
    if "<" not in line and "&" not in line:
        return _SPACES.sub(" ", line).strip()
    reader = _Text()
    reader.feed(line)
    reader.close()
    return _SPACES.sub(" ", "".join(reader.pieces)).strip()


def clean_body(lines: list[str]) -> str:
    """The story's paragraphs without page furniture: embeds, tweets, share buttons, link lists."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.extend(current)
            paragraphs.append("")
            current = []

    kept: list[str] = []
    skip_url_after_marker = False
    for index, block in enumerate(paragraphs):
        if not block:
            continue
        heading = MARKDOWN_HEADING.match(block)
        if heading:
            if len(heading["hashes"]) >= 4:
                continue
            block = heading["text"].strip()
        if skip_url_after_marker and URL.fullmatch(block):
            skip_url_after_marker = False
            continue
        if ORIGINAL_URL.match(block):
            skip_url_after_marker = True
            continue
        if _END_OF_ARTICLE.match(block):
            rest = " ".join(b for b in paragraphs[index + 1 :] if b)
            if len(rest) < 300:
                break
            continue
        if _BOILERPLATE.match(block) or URL.fullmatch(block):
            continue
        if "pic.twitter.com" in block or _TWEET_SIGNATURE.match(block):
            continue
        block = PHOTO_CREDIT_SUFFIX.sub("", block)
        if not block:
            continue
        if kept and _continues(kept[-1], block):
            kept[-1] = f"{kept[-1]} {block}"
        else:
            kept.append(block)
    return "\n\n".join(kept)


def _continues(previous: str, block: str) -> bool:
    """A paragraph cut mid-sentence by the page's markup: join it to the next block."""
    return len(previous) >= 60 and previous[-1:].isalnum() and not TERMINAL.search(previous) and len(block) > 1
