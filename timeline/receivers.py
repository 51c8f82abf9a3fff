"""The timeline follows what editors change in the articles app (articles/signals.py)."""

from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver

from articles.models import Article
from articles.signals import article_redated, article_refiled

from .build import rebuild_article, refresh_article_events, refresh_events
from .models import ArticleWords, Event
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


@receiver(pre_delete, sender=Article)
def remember_cited_events(sender, instance, **kwargs) -> None:
    instance.cited_events = list(Event.objects.filter(mentions__article=instance).distinct().values_list("pk", flat=True))


@receiver(post_delete, sender=Article)
def recount_cited_events(sender, instance, **kwargs) -> None:
    """A deleted article's mentions are gone: the events they were in count their sources again."""
    refresh_events(getattr(instance, "cited_events", ()))
