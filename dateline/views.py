"""Site-wide error views."""

import sys

from django.db import InterfaceError, OperationalError
from django.views.defaults import server_error as default_server_error

from .middleware import database_unavailable_response, first_line, is_connection_failure, logger


def server_error(request):
    """A 500, unless the database is down (a middleware or a template reached it): then the 503 page."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)) and is_connection_failure(error):
        logger.error("database unavailable: %s %s: %s", request.method, request.path, first_line(error))
        return database_unavailable_response()
    return default_server_error(request)
