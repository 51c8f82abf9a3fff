"""Saved web pages and fetched URLs take the command line's path: trafilatura reads the text, htmldate the date."""

from pathlib import Path

import pytest

from articles.fetch import check_address, fetch, file_name_for
from articles.ingest import IngestError, ingest_documents, ingest_paths
from articles.models import Article

PAGES = Path(__file__).resolve().parent / "pages"


def test_the_command_line_ingests_saved_pages_with_the_pages_metadata(db):
    report = ingest_paths([str(PAGES)])
    assert report.count("added") == 5 and not report.failed
    moscow = Article.objects.get(file_name="000_4f19a5d74cae05c1.html")
    assert moscow.title == "North Korea's Kim Jong Un Arrives in Russia for Summit With Putin"
    assert (moscow.published.isoformat(), moscow.published_how) == ("2019-04-24", "page")
    assert (moscow.source.name, moscow.source_how) == ("The Moscow Times", "page")
    assert moscow.agency.name == "Reuters" and moscow.byline == "Reuters"
    assert moscow.url.startswith("https://www.themoscowtimes.com/2019/04/24/")
    assert "read from a web page (HTML) by trafilatura" in moscow.notes[0]
    for furniture in ("Accept all", "Most read", "All rights reserved", "Share on", "Advertisement", "dataLayer", "Subscribe"):
        assert furniture not in moscow.body
    assert "crossed the border into Russia" in moscow.body


def test_a_saved_page_ingested_twice_is_unchanged(db):
    ingest_paths([str(PAGES / "001_1b0a4ceec9b4fdad.html")])
    assert ingest_paths([str(PAGES / "001_1b0a4ceec9b4fdad.html")]).count("unchanged") == 1


def test_a_fetched_page_becomes_an_article_with_its_url(db, page_server):
    url = f"{page_server}/kim.html"
    report = ingest_documents([fetch(url)])
    assert report.count("added") == 1
    article = Article.objects.get()
    assert article.url == url and article.title.startswith("North Korea leader Kim Jong Un")
    assert article.published.isoformat() == "2019-04-24" and article.source.name == "CBS News"
    assert article.file_name == file_name_for(url, ".html")


def test_redirects_are_followed_and_plain_text_is_read_as_text(page_server):
    assert fetch(f"{page_server}/moved").data.startswith(b"<!DOCTYPE html>")
    document = fetch(f"{page_server}/plain.txt")
    assert document.name.endswith(".txt") and b"Shares fell" in document.data


@pytest.mark.parametrize("path, reason", [
    ("/missing", "the server answered 404"),
    ("/image.png", "is not a web page or a text (image/png)"),
    ("/big.html", "over the 1,000-byte limit"),
])
def test_what_cannot_be_fetched_says_why(page_server, settings, path, reason):
    settings.INGEST_MAX_BYTES = 1000
    with pytest.raises(IngestError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        fetch(f"{page_server}{path}")


def test_a_slow_server_runs_out_of_time(settings):
    settings.INGEST_FETCH_PRIVATE = True
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    try:
        with pytest.raises(IngestError, match="no answer in time|gave no answer|took longer"):
            fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/", timeout=1)
    finally:
        listener.close()


@pytest.mark.parametrize("url, reason", [
    ("http://127.0.0.1:8000/admin/", "loopback address (127.0.0.1)"),
    ("http://localhost/", "loopback address"),
    ("http://10.1.2.3/", "private address (10.1.2.3)"),
    ("http://192.168.0.1/", "private address"),
    ("http://169.254.169.254/latest/meta-data/", "link-local address (169.254.169.254)"),
    ("http://[::1]/", "loopback address (::1)"),
    ("file:///etc/passwd", "is not a web address"),
    ("gopher://example.org/", "is not a web address"),
])
def test_loopback_private_and_link_local_addresses_are_refused(settings, url, reason):
    settings.INGEST_FETCH_PRIVATE = False
    with pytest.raises(IngestError, match=reason.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        check_address(url)


def test_a_redirect_to_a_private_address_is_refused(page_server, settings):
    settings.INGEST_FETCH_PRIVATE = False
    with pytest.raises(IngestError, match="loopback"):
        fetch(f"{page_server}/moved")


def test_a_name_that_changes_address_after_the_check_is_not_followed_there(page_server, settings, monkeypatch):
    """DNS rebinding: the name is public when checked, and loopback (the page server) when looked up again."""
    import ipaddress
    import socket

    settings.INGEST_FETCH_PRIVATE = False
    port = int(page_server.rsplit(":", 1)[1])
    looked_up = []

    def rebinding(host, *args, **kwargs):
        try:
            address = str(ipaddress.ip_address(host))  # an address is its own answer
        except ValueError:
            looked_up.append(host)
            address = "93.184.216.34" if len(looked_up) == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(IngestError, match="could not be fetched|gave no answer|no answer in time"):
        fetch(f"http://news.example:{port}/kim.html", timeout=1)
    assert looked_up == ["news.example"]  # looked up once, when checked
