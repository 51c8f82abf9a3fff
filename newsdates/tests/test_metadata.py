from datetime import date

import pytest

from conftest import SEEDS
from newsdates.metadata import clean_body, extract


def seed(number: str):
    path = next(SEEDS.glob(f"{number}_*.txt"))
    return extract(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize(
    "number, published, how",
    [
        ("000", date(2019, 4, 24), "byline"),
        ("001", date(2019, 4, 25), "header"),
        ("002", date(2019, 4, 26), "byline"),
        ("003", None, "unknown"),
        ("004", date(2019, 4, 25), "dateline"),
    ],
)
def test_it_finds_each_seeds_publication_date_and_says_how(number, published, how):
    article = seed(number)
    assert article.published.value == published
    assert article.published.how == how


def test_it_ignores_the_crawl_date_above_the_title():
    article = seed("001")
    assert article.published.value == date(2019, 4, 25)
    assert article.title.value == "An upbeat Kim arrives for Putin summit"
    assert any("Nov 29, 2021" in note for note in article.notes)


@pytest.mark.parametrize(
    "number, source, agency",
    [
        ("000", "The Moscow Times", "Reuters"),
        ("001", None, None),
        ("002", None, None),
        ("003", None, None),
        ("004", "The Straits Times", "Bloomberg"),
    ],
)
def test_it_finds_the_source_and_wire_agency_or_leaves_them_unknown(number, source, agency):
    article = seed(number)
    assert (article.source.value.name if article.source.value else None) == source
    assert (article.agency.value.name if article.agency.value else None) == agency
    if source is None:
        assert article.source.how == "unknown"
        assert any("names no outlet" in note for note in article.notes)


def test_it_reads_title_byline_and_url():
    article = seed("000")
    assert article.title.value == "North Korea's Kim Jong Un Arrives in Russia for Summit With Putin"
    assert article.byline == "Reuters"
    assert article.url.value.startswith("https://www.themoscowtimes.com/2019/04/24/")
    assert seed("002").byline == "Larry Hoffman"


def test_it_removes_page_furniture_from_the_body_but_keeps_the_story():
    body = seed("000").body
    for junk in ("Embed:", "pic.twitter.com", "@dimsmirnov175", "Related article", "Original url", "themoscowtimes.com", "Alexander Safronov / TASS"):
        assert junk not in body
    assert body.startswith("North Korean leader Kim Jong Un crossed the border into Russia on Wednesday")
    # a paragraph the page's markup cut in two is whole again
    assert "Kremlin aide Yury Ushakov said." in body
    assert "PHOTO: REUTERS" not in seed("004").body
    assert "Share it" not in seed("004").body and "Covid-19" not in seed("004").body
    tail = seed("002").body
    assert "Other reports by" not in tail and "Discuss This Article" not in tail
    assert seed("003").body.startswith("North Korean leader Kim Jong Un arrived in Russia by train on Wednesday")


@pytest.mark.parametrize(
    "text, published, agency",
    [
        ("Title here now\n\nMEXICO CITY, Nov. 30 , 2006 (Xinhua)\n\nBody text here.", date(2006, 11, 30), "Xinhua"),
        ("Title here now\n\nGENEVA, April 4 , 1997, (AFP)\n\nBody.", date(1997, 4, 4), "Agence France-Presse"),
        ("Title here now\n\nSARAJEVO April 13 , 1997 (AFP)\n\nBody.", date(1997, 4, 13), "Agence France-Presse"),
        ("Title here now\n\nSEOUL. April 11 , 1997 (AFP)\n\nBody.", date(1997, 4, 11), "Agence France-Presse"),
        ("Title here now\n\nBEIJING, Dec 1 , 2006, 2006\n\nBody.", date(2006, 12, 1), None),
        ("///\n\nBAMAKO, Dec 4 , 2005\n\nLeaders at a summit warned on Sunday.", date(2005, 12, 4), None),
        ("Title here now\n\nLONDON, 24 April 2019 (Reuters) - Body.", date(2019, 4, 24), "Reuters"),
    ],
)
def test_it_reads_wire_datelines(text, published, agency):
    article = extract(text)
    assert article.published.value == published
    assert article.published.how == "dateline"
    assert (article.agency.value.name if article.agency.value else None) == agency


def test_it_takes_the_agency_from_a_gigaword_document_id_when_the_dateline_names_none():
    article = extract("Some title words\n\nTOKYO, Dec 3 , 2006\n\nBody text.", "AFP_ENG_20061203.0085.txt")
    assert article.agency.value.name == "Agence France-Presse"
    assert article.agency.how == "filename"
    assert article.source.value.name == "Agence France-Presse"


def test_it_does_not_take_a_weekday_or_a_cited_agency_for_a_credit():
    lead = "Prosecutors opened a probe against a former army chief, the Interfax agency reported Tuesday."
    assert extract(f"Probe opened today\n\nMOSCOW, April 1 , 1997 (AFP)\n\n{lead}").source.value.name == "Agence France-Presse"
    cited = "Three suspected cases of bird flu were found, reported the Thai News Agency Saturday."
    assert extract(f"Bird flu cases\n\nBANGKOK, Nov. 19 , 2005 (Xinhua)\n\n{cited}").source.value.name == "Xinhua"


def test_it_dates_an_article_from_its_url_path_when_nothing_else_does():
    text = "A headline for the story\n\nThe story itself runs here for a while.\n\nOriginal url: https://news.example.org/2020/03/05/story-slug"
    article = extract(text)
    assert article.published.value == date(2020, 3, 5)
    assert article.published.how == "url"
    assert article.source.value.name == "news.example.org"
    assert article.source.how == "domain"


def test_it_never_takes_a_tweet_date_or_photo_credit_for_metadata():
    text = (
        "Leaders meet in the far east\n\nThe story starts here with a full sentence about the meeting.\n\n"
        "## Embed:\n\nSome tweet text pic.twitter.com/abc\n\n— Someone (@someone) April 24, 2019\n"
    )
    article = extract(text)
    assert article.published.value is None
    assert "pic.twitter.com" not in article.body and "@someone" not in article.body


def test_clean_body_keeps_subheadings_as_plain_paragraphs():
    assert clean_body(["## Positive progress", "", "A sentence."]) == "Positive progress\n\nA sentence."
