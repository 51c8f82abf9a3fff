"""One build at a time, across processes: a build reads and writes the archive's word statistics and a
story's events, and two at once would count words twice or create one mention twice. Ingests run side
by side (each article is its own transaction); their builds wait their turn.

PostgreSQL: a session advisory lock. Elsewhere (SQLite): an exclusive lock on a file named after the
database, in the system's temporary folder. Reentrant within a thread.
"""

import fcntl
import hashlib
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ADVISORY_KEY = 4_212_019  # the timeline's builds, among whatever else takes advisory locks in the database
_held = threading.local()


@contextmanager
def building():
    depth = getattr(_held, "depth", 0)
    if depth:
        _held.depth = depth + 1
        try:
            yield
        finally:
            _held.depth = depth
        return
    release = _acquire()
    _held.depth = 1
    try:
        yield
    finally:
        _held.depth = 0
        release()


def _acquire():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_KEY])

        def release():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])

        return release
    name = str(connection.settings_dict["NAME"])
    path = Path(tempfile.gettempdir()) / f"dateline-build-{hashlib.sha256(name.encode()).hexdigest()[:16]}.lock"
    handle = open(path, "a+b")  # noqa: SIM115  (held until released)
    fcntl.flock(handle, fcntl.LOCK_EX)

    def release():
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()

    return release
