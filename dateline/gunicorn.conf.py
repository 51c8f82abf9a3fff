"""Gunicorn's settings for `make serve`, sized to the machine; each can be overridden from the environment.

Database connections are bounded: at most WEB_WORKERS × WEB_THREADS are open at once (each thread keeps
one for DATABASE_CONN_MAX_AGE seconds), well under PostgreSQL's default max_connections of 100.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One process per core and one more, 8 threads each: measured on 2 cores at 25,000 articles, as fast as
# 2 × cores + 1 processes of 4 threads (p95 within 10%), in two thirds of the memory (316 against 492 MiB
# with 32 clients downloading the full export), since each process holds its own copy of the app.
workers = int(os.environ.get("WEB_WORKERS", min(multiprocessing.cpu_count() + 1, 9)))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", 8))
# Requests past what the threads can take wait in the listen queue instead of failing.
backlog = 2048
timeout = int(os.environ.get("WEB_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, so that a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-" if os.environ.get("WEB_ACCESS_LOG") else None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
