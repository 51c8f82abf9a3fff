"""The timeline follows what editors change in the articles app (articles/signals.py)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from articles.signals import article_redated, article_refiled

from .build import rebuild_article, refresh_article_events
from .models import ArticleWords
from .vocabulary import forget_words


@receiver(article_redated)
def reanchor(sender, article, **kwargs) -> str:
    report = rebuild_article(article)
    return (f"Re-anchored: {report.mentions_updated} mention(s) changed date, "
            f"{report.mentions_added} added, {report.mentions_waiting} waiting for a date.")


@receiver(article_refiled)
def recount_sources(sender, article, **kwargs) -> None:
    refresh_article_events(article)


@receiver(post_delete, sender=ArticleWords)
def forget_article_words(sender, instance, **kwargs) -> None:
    forget_words(instance)
