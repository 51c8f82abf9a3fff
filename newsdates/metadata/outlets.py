"""Known news outlets and wire agencies: how their names, credits and web domains are written.

An outlet not listed here is still recognised from its URL (named after its domain); the table only
gives well-known ones their proper names and tells wire agencies from outlets.
"""

import re
from dataclasses import dataclass

KIND_OUTLET = "outlet"
KIND_WIRE = "wire"
KIND_BLOG = "blog"
KIND_UNKNOWN = "unknown"


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str
    domain: str = ""


# name, kind, domain, other ways it is written
_KNOWN = [
    ("Reuters", KIND_WIRE, "reuters.com", ["reuters", "thomson reuters"]),
    ("Bloomberg", KIND_WIRE, "bloomberg.com", ["bloomberg", "bloomberg news"]),
    ("Agence France-Presse", KIND_WIRE, "afp.com", ["afp", "agence france-presse", "agence france presse", "france presse"]),
    ("Xinhua", KIND_WIRE, "xinhuanet.com", ["xinhua", "xinhua news agency", "xinhuanet", "xinhau", "xinhu"]),
    ("Associated Press", KIND_WIRE, "apnews.com", ["ap", "associated press", "the associated press"]),
    ("Yonhap", KIND_WIRE, "yna.co.kr", ["yonhap", "yonhap news agency"]),
    ("TASS", KIND_WIRE, "tass.com", ["tass", "itar-tass"]),
    ("Kyodo News", KIND_WIRE, "kyodonews.net", ["kyodo", "kyodo news"]),
    ("Deutsche Presse-Agentur", KIND_WIRE, "dpa.com", ["dpa", "deutsche presse-agentur"]),
    ("United Press International", KIND_WIRE, "upi.com", ["upi", "united press international"]),
    ("Press Trust of India", KIND_WIRE, "ptinews.com", ["pti", "press trust of india"]),
    ("Interfax", KIND_WIRE, "interfax.com", ["interfax"]),
    ("RIA Novosti", KIND_WIRE, "ria.ru", ["ria novosti", "ria"]),
    ("EFE", KIND_WIRE, "efe.com", ["efe"]),
    ("ANSA", KIND_WIRE, "ansa.it", ["ansa"]),
    ("Anadolu Agency", KIND_WIRE, "aa.com.tr", ["anadolu", "anadolu agency"]),
    ("Bernama", KIND_WIRE, "bernama.com", ["bernama"]),
    ("The Moscow Times", KIND_OUTLET, "themoscowtimes.com", ["moscow times", "the moscow times"]),
    ("The Straits Times", KIND_OUTLET, "straitstimes.com", ["straits times", "the straits times"]),
    ("The New York Times", KIND_OUTLET, "nytimes.com", ["new york times", "the new york times"]),
    ("The Washington Post", KIND_OUTLET, "washingtonpost.com", ["washington post", "the washington post"]),
    ("The Guardian", KIND_OUTLET, "theguardian.com", ["the guardian", "guardian"]),
    ("BBC News", KIND_OUTLET, "bbc.co.uk", ["bbc", "bbc news"]),
    ("CNN", KIND_OUTLET, "cnn.com", ["cnn"]),
    ("CBS News", KIND_OUTLET, "cbsnews.com", ["cbs news", "cbs"]),
    ("NBC News", KIND_OUTLET, "nbcnews.com", ["nbc news"]),
    ("ABC News (Australia)", KIND_OUTLET, "abc.net.au", ["abc news australia"]),
    ("Al Jazeera", KIND_OUTLET, "aljazeera.com", ["al jazeera"]),
    ("South China Morning Post", KIND_OUTLET, "scmp.com", ["south china morning post", "scmp"]),
    ("The Korea Herald", KIND_OUTLET, "koreaherald.com", ["korea herald", "the korea herald"]),
    ("The Korea Times", KIND_OUTLET, "koreatimes.co.kr", ["korea times", "the korea times"]),
    ("The Japan Times", KIND_OUTLET, "japantimes.co.jp", ["japan times", "the japan times"]),
    ("NK News", KIND_OUTLET, "nknews.org", ["nk news"]),
    ("CNA", KIND_OUTLET, "channelnewsasia.com", ["channel newsasia", "channelnewsasia"]),
    ("The Wall Street Journal", KIND_OUTLET, "wsj.com", ["wall street journal", "the wall street journal"]),
    ("Financial Times", KIND_OUTLET, "ft.com", ["financial times", "the financial times"]),
    ("The Economist", KIND_OUTLET, "economist.com", ["the economist"]),
    ("The Gleaner", KIND_OUTLET, "jamaica-gleaner.com", ["the gleaner", "jamaica gleaner"]),
    ("Daily Herald", KIND_OUTLET, "dailyherald.com", ["daily herald", "the daily herald"]),
]

_BY_DOMAIN = {domain: Outlet(name, kind, domain) for name, kind, domain, _ in _KNOWN}
_BY_DOMAIN["bbc.com"] = _BY_DOMAIN["bbc.co.uk"]

_BY_ALIAS = {alias: Outlet(name, kind, domain) for name, kind, domain, aliases in _KNOWN for alias in aliases}
AGENCY_BY_ALIAS = {alias: outlet for alias, outlet in _BY_ALIAS.items() if outlet.kind == KIND_WIRE}

# LDC Gigaword document ids (AFP_ENG_19970401.0006) name the agency that filed the story.
DOCID_PREFIXES = {
    "AFP": _BY_ALIAS["afp"],
    "XIN": _BY_ALIAS["xinhua"],
    "APW": _BY_ALIAS["associated press"],
    "NYT": _BY_ALIAS["new york times"],
}


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip(" .,;:()").lower())


def agency_by_alias(text: str) -> Outlet | None:
    """A wire agency named by a credit such as "Reuters", "(AFP)" or "Xinhua News Agency"."""
    return AGENCY_BY_ALIAS.get(_key(text))


# Words that make an unlisted name read as a publication ("The Daily Star", "Channel News Asia").
_PUBLICATION_WORDS = re.compile(
    r"\b(?:times|post|news|herald|journal|daily|tribune|telegraph|gazette|chronicle|express|guardian|"
    r"observer|star|sun|mail|agency|press|wire|tv|television|radio|broadcasting|magazine|review|monitor|"
    r"standard|independent|inquirer|courier|record|today|online)\b",
    re.IGNORECASE,
)


def outlet_for_name(name: str) -> Outlet | None:
    """The outlet a credit names. An unlisted name counts only if it reads as a publication's name."""
    key = _key(name)
    if key in _BY_ALIAS:
        return _BY_ALIAS[key]
    if _PUBLICATION_WORDS.search(key):
        return Outlet(name.strip(" .,;:"), KIND_OUTLET)
    return None


def outlet_for_domain(host: str) -> Outlet | None:
    host = host.lower().removeprefix("www.").removeprefix("amp.").removeprefix("m.")
    if not host or host in ("twitter.com", "x.com", "t.co", "facebook.com", "youtube.com", "instagram.com"):
        return None
    parts = host.split(".")
    for start in range(len(parts) - 1):
        candidate = ".".join(parts[start:])
        if candidate in _BY_DOMAIN:
            return _BY_DOMAIN[candidate]
    return Outlet(host, KIND_OUTLET, host)
