"""Failures that are the service's, not the reader's: say so in plain words, log one line."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("dateline")
RETRY_AFTER_SECONDS = 30


def database_unavailable_response() -> HttpResponse:
    # The page is rendered without the request's context: that context would ask the database for the user.
    response = HttpResponse(render_to_string("errors/503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """The database cannot be reached: a 503 page saying so, and one log line instead of a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) and is_connection_failure(exception):
            return self._unavailable(request, exception)
        return None

    def _unavailable(self, request, error: DatabaseError) -> HttpResponse:
        logger.error("database unavailable: %s %s: %s", request.method, request.path, first_line(error))
        return database_unavailable_response()


def is_connection_failure(error: DatabaseError) -> bool:
    """An OperationalError can also be a query's fault (a lock timeout); only a lost server is a 503."""
    text = str(error).lower()
    return any(words in text for words in (
        "connection", "could not connect", "server closed", "terminating", "database system is", "no such table",
        "unable to open database", "the database system is starting up",
    ))


def first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header (settings.PERMISSIONS_POLICY) on every response."""

    def __init__(self, get_response):
        from django.conf import settings

        self.policy = settings.PERMISSIONS_POLICY
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.policy)
        return response
