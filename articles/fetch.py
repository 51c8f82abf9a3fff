"""Fetching an article from a URL an editor gave: only public web addresses, within a size and a time limit.

A URL typed into a form must not make the server reach its own network: loopback, private, link-local and
other non-public addresses are refused (every address the name resolves to, at every redirect) unless
INGEST_FETCH_PRIVATE allows them, as the tests do for the page server they start. The connection is made to
the address that was checked, never to a second lookup of the name: a name that resolves to a public address
when checked and to a private one a moment later (DNS rebinding) cannot reach the private one.
"""

import hashlib
import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

from .ingest import Document, IngestError

MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "Dateline/1.0 (newsroom article fetcher)"


def fetch(url: str, max_bytes: int | None = None, timeout: float | None = None) -> Document:
    """The page at `url` as a Document named after the URL, or an IngestError saying why not."""
    max_bytes = max_bytes or settings.INGEST_MAX_BYTES
    timeout = timeout or settings.INGEST_FETCH_TIMEOUT
    deadline = time.monotonic() + timeout
    address = url
    for _ in range(MAX_REDIRECTS + 1):
        checked = check_address(address)
        left = deadline - time.monotonic()
        if left <= 0:
            raise IngestError(f"gave no answer within {timeout:g} seconds")
        try:
            response = _get(address, checked, urllib3.Timeout(connect=min(left, timeout), read=min(left, timeout)))
        except urllib3.exceptions.HTTPError as error:
            raise IngestError(f"could not be fetched: {_reason(error)}") from None
        try:
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                address = urljoin(address, response.headers["Location"])
                continue
            if response.status != 200:
                raise IngestError(f"the server answered {response.status} {response.reason or ''}".rstrip())
            kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if kind and not (kind.startswith("text/") or kind in ("application/xhtml+xml", "application/xml")):
                raise IngestError(f"is not a web page or a text ({kind})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(f"is {int(declared):,} bytes, over the {max_bytes:,}-byte limit (INGEST_MAX_BYTES)")
            data = _read(response, max_bytes, deadline, timeout)
        finally:
            response.release_conn()
        suffix = ".txt" if kind == "text/plain" else ".html"
        return Document(name=file_name_for(url, suffix), data=data, display=url, url=url)
    raise IngestError(f"redirected more than {MAX_REDIRECTS} times")


def _read(response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    data = bytearray()
    try:
        for chunk in response.stream(CHUNK):
            data += chunk
            if len(data) > max_bytes:
                raise IngestError(f"is over the {max_bytes:,}-byte limit (INGEST_MAX_BYTES)")
            if time.monotonic() > deadline:
                raise IngestError(f"took longer than {timeout:g} seconds")
    except urllib3.exceptions.HTTPError as error:
        raise IngestError(f"could not be read: {_reason(error)}") from None
    return bytes(data)


def _get(url: str, address: str, timeout: urllib3.Timeout):
    """GET the URL from this address (the one checked): the name is kept for the Host header and for TLS
    (its certificate is verified against the name, not the address)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    options = {"port": port, "retries": False, "timeout": timeout, "maxsize": 1}
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(address, server_hostname=parts.hostname, assert_hostname=parts.hostname, **options)
    else:
        pool = urllib3.HTTPConnectionPool(address, **options)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9"}
    return pool.urlopen("GET", target, headers=headers, redirect=False, preload_content=False, release_conn=True)


def check_address(url: str) -> str:
    """Refuse what is not an http(s) URL of a public host (unless INGEST_FETCH_PRIVATE); the address to
    connect to."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError("is not a web address (http:// or https://)")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, ValueError, UnicodeError):
        raise IngestError(f"its host {parts.hostname!r} could not be found") from None
    if not infos:
        raise IngestError(f"its host {parts.hostname!r} could not be found")
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not settings.INGEST_FETCH_PRIVATE and (not address.is_global or address.is_multicast):
            raise IngestError(f"points to a {_kind(address)} address ({address}), which is not fetched")
    return infos[0][4][0]


def _kind(address) -> str:
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private:
        return "private"
    return "non-public"


def file_name_for(url: str, suffix: str) -> str:
    """The article's key for a fetched page: readable, unique to the URL, within the 255 characters a name has."""
    parts = urlsplit(url)
    stem = f"{parts.hostname}{parts.path}".rstrip("/").replace("/", "_")
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    return f"{stem[:200]}_{digest}{suffix}"


def _reason(error: Exception) -> str:
    reason = getattr(error, "reason", None) or error
    text = str(reason)
    if "timed out" in text.lower():
        return "no answer in time"
    return text.split(": ", 1)[-1][:200]
