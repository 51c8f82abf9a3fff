"""What every format reads: events with their cited mentions, loaded in a constant number of queries."""

from django.db.models import Prefetch

from articles.models import Article

from ..models import Event, Mention


def with_mentions(events):
    """Events with their live mentions and those mentions' articles and sources, in three queries."""
    mentions = Mention.objects.exclude(status=Mention.Status.REMOVED).select_related("article__source", "article__agency").order_by(
        "article__published", "article_id", "phrase_start"
    )
    return events.prefetch_related(Prefetch("mentions", queryset=mentions, to_attr="cited"))


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
        "published_confidence": article.published_confidence,
        "needs_review": article.needs_review,
        "copy_of": article.copy_of_id,
    }


def event_record(event: Event) -> dict:
    return {
        "id": event.pk,
        "value": event.value,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "granularity": event.granularity,
        "title": event.headline,
        "summary": event.summary,
        "status": event.status,
        "sources": event.source_count,
        "mod": event.mod or None,
        "dated_by": event.dated_by,
        "mentions": [
            {
                "article": mention.article_id,
                "quote": mention.quote,
                "phrase": mention.phrase,
                "start": mention.phrase_start,
                "end": mention.phrase_end,
                "value": mention.value,
                "rule": mention.rule,
                "anchor": mention.anchor,
                "reason": mention.reason,
                "dated_by": mention.dated_by,
                "lead": mention.lead,
                "supporting": mention.is_supporting,
            }
            for mention in event.cited
        ],
    }


def source_names(event: Event) -> list[str]:
    return sorted({mention.article.source_label for mention in event.cited})
