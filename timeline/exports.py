"""The timeline as data: the JSON export's schema, shared by the command and the download views."""

from articles.models import Article


def article_record(article: Article) -> dict:
    return {
        "id": article.pk,
        "file": article.file_name,
        "title": article.title,
        "url": article.url or None,
        "source": {"name": article.source.name, "slug": article.source.slug} if article.source_id else None,
        "source_how": article.source_how,
        "agency": {"name": article.agency.name, "slug": article.agency.slug} if article.agency_id else None,
        "byline": article.byline or None,
        "published": article.published.isoformat() if article.published else None,
        "published_how": article.published_how,
        "published_precision": article.published_precision or None,
        "needs_review": article.needs_review,
    }


def timeline_json(articles) -> dict:
    return {
        "articles": [article_record(article) for article in articles.select_related("source", "agency")],
        "events": [],
    }
