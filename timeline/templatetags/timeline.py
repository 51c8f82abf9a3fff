"""How the pages show events and mentions: display helpers for templates, so views hand over records."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def source_names(event) -> list[str]:
    """The names of the sources citing an event loaded with its mentions (`cited`)."""
    return sorted({mention.article.source_label for mention in event.cited})


@register.filter
def highlighted(mention) -> str:
    """The mention's sentence with its temporal phrase marked."""
    start = mention.phrase_start - mention.sentence_start
    end = mention.phrase_end - mention.sentence_start
    quote = mention.quote
    if not (0 <= start < end <= len(quote)):
        return format_html("{}", quote)
    return format_html("{}<mark>{}</mark>{}", quote[:start], quote[start:end], quote[end:])
