"""The timeline follows what editors change in the articles app (articles/signals.py)."""

from django.dispatch import receiver

from articles.signals import article_redated, article_refiled

from .build import rebuild_article, refresh_article_events


@receiver(article_redated)
def reanchor(sender, article, **kwargs) -> str:
    report = rebuild_article(article)
    return (f"Re-anchored: {report.mentions_updated} mention(s) changed date, "
            f"{report.mentions_added} added, {report.mentions_waiting} waiting for a date.")


@receiver(article_refiled)
def recount_sources(sender, article, **kwargs) -> None:
    refresh_article_events(article)
