"""Editors' work on sources."""

from .models import Article, Source
from .signals import article_refiled


def merge_sources(kept: Source, others: list[Source]) -> Source:
    """Re-file every article of `others` (as source or as agency) under `kept`, then delete `others`.
    Saved article by article, so each article's history shows the change."""
    for other in others:
        for article in Article.objects.filter(source=other):
            article.source = kept
            article.save()
            article_refiled.send(sender=Article, article=article)
        for article in Article.objects.filter(agency=other):
            article.agency = kept
            article.save()
        if not kept.domain and other.domain:
            kept.domain, kept.home_url = other.domain, other.home_url
            kept.save()
        other.delete()
    return kept
