"""The service under stress: the database gone, compressed pages, throttled logins."""

import logging
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError
from django.urls import reverse

from dateline.tests.test_settings import run_manage


def test_it_answers_503_with_a_branded_page_and_one_log_line_when_the_database_is_gone(db, client, caplog):
    lost = OperationalError("connection to server at \"127.0.0.1\", port 5432 failed: Connection refused\n\tIs the server running?")
    with mock.patch("timeline.views.only_story", side_effect=lost), caplog.at_level(logging.ERROR, logger="dateline"):
        response = client.get(reverse("timeline:timeline"))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Dateline is back shortly" in response.content.decode()
    [record] = [r for r in caplog.records if r.name == "dateline"]
    assert "database unavailable" in record.getMessage() and "\n" not in record.getMessage()
    assert record.exc_info is None  # a line, not a traceback


def test_a_query_failing_for_another_reason_is_still_a_server_error(db, client):
    with mock.patch("timeline.views.only_story", side_effect=OperationalError("canceling statement due to lock timeout")):
        with pytest.raises(OperationalError):
            client.get(reverse("timeline:timeline"))  # the test client re-raises what a real server turns into a 500


def test_a_command_says_in_one_line_that_the_database_cannot_be_reached():
    result = run_manage("migrate", DJANGO_DEBUG="1", DATABASE_URL="postgres://nobody@127.0.0.1:9/none")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "The database cannot be reached" in result.stderr and "Traceback" not in result.stderr


def test_dynamic_pages_are_compressed(built, client):
    response = client.get(reverse("timeline:timeline"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"


def test_admin_logins_are_throttled_after_repeated_failures(db, client):
    User.objects.create_user("alice", password="right-horse-battery-staple", is_staff=True)
    login = reverse("admin:login")
    for _ in range(4):
        response = client.post(login, {"username": "alice", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post(login, {"username": "alice", "password": "wrong"}).status_code == 429  # the fifth locks
    locked = client.post(login, {"username": "alice", "password": "right-horse-battery-staple"})
    assert locked.status_code == 429
    assert not client.session.get("_auth_user_id")


def test_public_pages_answer_head_as_get_without_a_body(built, client):
    from timeline.models import Event

    event = Event.objects.get(value="2019-02")
    for path in ["/", f"/events/{event.pk}/", "/sources/", "/export/timeline.json"]:
        response = client.head(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body == b""


def test_every_response_carries_the_security_policies(built, client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "geolocation=()" in response["Permissions-Policy"]
