from datetime import date

import pytest
from django.urls import reverse

from articles.models import Article


@pytest.fixture
def admin_client_(client, django_user_model):
    user = django_user_model.objects.create_superuser("ed", "ed@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def test_it_lists_articles_with_filters_and_search(seeded, admin_client_):
    url = reverse("admin:articles_article_changelist")
    response = admin_client_.get(url, {"needs_review": "yes"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
    assert admin_client_.get(url, {"q": "Straits"}).context["cl"].result_count == 1
    assert admin_client_.get(url, {"year": "unknown"}).context["cl"].result_count == 1
    assert admin_client_.get(url, {"published_how__exact": "dateline"}).context["cl"].result_count == 1


def test_it_shows_raw_and_cleaned_text_side_by_side(seeded, admin_client_):
    article = Article.objects.get(file_name__startswith="000")
    response = admin_client_.get(reverse("admin:articles_article_change", args=[article.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "pic.twitter.com" in content  # the raw side keeps everything
    assert "&lt;u&gt;Reuters&lt;/u&gt;" in content  # and shows raw HTML as text, never as markup


def test_an_editors_date_is_marked_as_the_editors(seeded, admin_client_):
    article = Article.objects.get(file_name__startswith="003")
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = admin_client_.get(url).context["adminform"].form
    data = {name: field.value() if field.value() is not None else "" for name, field in ((n, form[n]) for n in form.fields)}
    data.update(published="2019-04-24", published_precision="day")
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article.refresh_from_db()
    assert (article.published, article.published_how) == (date(2019, 4, 24), "editor")


def test_anonymous_users_are_sent_to_login(seeded, client):
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
