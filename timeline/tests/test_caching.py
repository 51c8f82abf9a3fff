"""Readers' pages are kept a few seconds; editors' never are."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches

from timeline.management.commands.create_editor import create_member
from timeline.models import Event
from timeline.permissions import EDITOR


@pytest.fixture
def keeping(settings):
    settings.PAGE_CACHE_SECONDS = 30
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_a_readers_page_is_served_again_without_reading_the_database(built, client, keeping, django_assert_num_queries):
    first = client.get("/?source=the-moscow-times")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get("/?source=the-moscow-times")
    assert again.content == first.content
    fragment = client.get("/?source=the-moscow-times", HTTP_HX_REQUEST="true")  # the fragment: an entry of its own
    assert fragment.content != first.content
    with django_assert_num_queries(0):
        assert client.get("/?source=the-moscow-times", HTTP_HX_REQUEST="true").content == fragment.content


def test_an_editor_always_gets_a_fresh_page(built, client, keeping):
    create_member("edna", "a-long-and-unusual-passphrase-44", EDITOR)
    client.get("/")  # kept for readers
    event = Event.objects.get(value="2019-02")
    event.headline = "An edited headline"
    event.save()
    client.force_login(get_user_model().objects.get(username="edna"))
    assert "An edited headline" in client.get("/").content.decode()


def test_errors_and_bad_filters_are_never_kept(built, client, keeping):
    assert client.get("/?from=notadate").status_code == 400
    assert len(caches["pages"]._cache) == 0
