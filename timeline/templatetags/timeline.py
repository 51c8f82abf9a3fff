"""How the pages show events and mentions: display helpers for templates, so views hand over records."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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


_DATETIME_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@register.filter
def machine_date(event) -> str:
    """The event's date for `<time datetime>`, no more precise than it is known: 2019-04-24, 2019-W16, 2019-04,
    2019; empty for a quarter, a season or longer, which HTML cannot say."""
    if event.granularity == "week" and "-W" in event.value:
        year, week = event.value.split("-W")
        return f"{year}-W{int(week):02d}"
    pattern = _DATETIME_FORMATS.get(event.granularity)
    return f"{event.start:{pattern}}" if pattern else ""


@register.simple_tag
def field_error(form, name: str, oob: bool = False) -> str:
    """The slot next to a filter where its error shows (`aria-describedby` points at it); with `oob`, the
    same slot for an htmx out-of-band swap, empty when the field is fine, so an old message goes away."""
    errors = form.errors.get(name, []) if form.is_bound else []
    return format_html(
        '<p class="field-error" id="error-{}" aria-live="polite"{}>{}</p>',
        name,
        mark_safe(' hx-swap-oob="innerHTML"') if oob else "",
        " ".join(errors),
    )


FILTER_FIELDS = ("from", "to", "q", "min_sources", "source", "granularity", "page")


@register.simple_tag
def filter_errors(form) -> str:
    """Every filter's error slot, for one htmx response to set or clear them all."""
    return format_html_join("\n", "{}", ((field_error(form, name, oob=True),) for name in FILTER_FIELDS))
