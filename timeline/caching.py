"""Readers' pages, kept for a few seconds: a front-page link sends thousands of readers to the same URL.

Only what an anonymous reader asks for is kept, and only a complete 200 response without cookies; an
editor (anyone signed in) always gets a fresh page. A build or an edit shows to readers within
settings.PAGE_CACHE_SECONDS (0 turns this off).
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import caches


def shared_with_readers(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        variant = f"{request.method}|{bool(getattr(request, 'htmx', False))}|{request.get_full_path()}"
        key = "reader-page:" + hashlib.sha256(variant.encode()).hexdigest()
        cache = caches["pages"]
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                cache.set(key, response, seconds)
        return response

    return wrapper
