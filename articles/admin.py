from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.db import transaction
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from newsdates import metadata

from .models import Article, Source, Story
from .signals import article_redated, article_refiled
from .sources import merge_sources


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "domain", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "domain", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_sources"]

    @admin.action(description="Merge the selected sources into the first one created", permissions=["change", "delete"])
    def merge_sources(self, request, queryset):
        sources = list(queryset.order_by("pk"))
        if len(sources) < 2:
            self.message_user(request, "Select at least two sources to merge.", messages.WARNING)
            return
        with transaction.atomic():
            kept = merge_sources(sources[0], sources[1:])
        self.message_user(request, f"Merged {len(sources) - 1} source(s) into {kept.name}.")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, source):
        return source.article_total


class NeedsReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", "Yes: unknown source or date, or an inferred date"), ("no", "No")]

    def queryset(self, request, queryset):
        flagged = (
            queryset.filter(source__isnull=True)
            | queryset.filter(published__isnull=True)
            | queryset.filter(published_how=Article.PublishedHow.INFERRED)
        )
        if self.value() == "yes":
            return flagged
        if self.value() == "no":
            return queryset.exclude(pk__in=flagged.values("pk"))
        return queryset


class PublishedYearFilter(admin.SimpleListFilter):
    title = "year published"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Article.objects.dates("published", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years] + [("unknown", "unknown")]

    def queryset(self, request, queryset):
        if self.value() == "unknown":
            return queryset.filter(published__isnull=True)
        if self.value() and self.value().isdigit():
            return queryset.filter(published__year=int(self.value()))
        return queryset


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "article_count", "updated_at"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "description"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, story):
        return story.article_total

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "source_or_unknown", "agency", "published", "published_how", "file_name", "flagged"]
    list_filter = [NeedsReviewFilter, "stories", "source", "published_how", "source_how", PublishedYearFilter]
    delete_confirmation_template = "admin/delete_with_consequences.html"
    object_history_list_template = "admin/history/object_history_list.html"
    object_history_form_template = "admin/history/object_history_form.html"
    search_fields = ["title", "file_name", "byline", "url", "body"]
    list_select_related = ["source", "agency"]
    autocomplete_fields = ["source", "agency"]

    class Media:
        css = {"all": ["admin-dateline/admin.css"]}
    readonly_fields = ["texts_side_by_side", "notes_list", "content_hash", "ingested_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "byline", "url"]}),
        ("Publication date", {"fields": ["published", "published_how", "published_precision", "published_evidence"]}),
        ("Source", {"fields": ["source", "source_how", "source_evidence", "agency"]}),
        ("Text", {"fields": ["texts_side_by_side", "notes_list"]}),
        ("File", {"classes": ["collapse"], "fields": ["file_name", "content_hash", "ingested_at", "updated_at"]}),
    ]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Hiding its events is how an article leaves the timeline: no deleting many at once from the list.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        consequences = [
            "Every mention read from this article goes, in every story it belongs to: the events it alone reports "
            "lose their source, and the others count one source fewer.",
            "Ingesting the same file again brings it back as a new article, without an editor's corrections.",
        ]
        return super().delete_view(request, object_id, {**(extra_context or {}), "consequences": consequences})

    @admin.display(description="source", ordering="source__name")
    def source_or_unknown(self, article):
        return article.source_label

    @admin.display(description="needs review", boolean=True)
    def flagged(self, article):
        return article.needs_review

    @admin.display(description="raw text (as ingested) and cleaned body")
    def texts_side_by_side(self, article):
        return format_html(
            '<div class="texts-side-by-side"><pre>{}</pre><pre>{}</pre></div>',
            article.raw_text,
            article.body,
        )

    @admin.display(description="what ingestion noticed")
    def notes_list(self, article):
        if not article.notes:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((note,) for note in article.notes)))

    def save_model(self, request, article, form, change):
        # A field an editor touched is the editor's from now on: re-ingesting the file will not undo it.
        if "published" in form.changed_data or "published_precision" in form.changed_data:
            article.published_how = Article.PublishedHow.EDITOR
            article.published_evidence = f"set by {request.user.get_username()}"
        if "source" in form.changed_data or "agency" in form.changed_data:
            article.source_how = Article.SourceHow.EDITOR
            article.source_evidence = f"set by {request.user.get_username()}"
        if "title" in form.changed_data:
            article.title_how = metadata.HOW_EDITOR
        if "published_how" in form.changed_data and article.published_how == Article.PublishedHow.UNKNOWN:
            article.published = None
        super().save_model(request, article, form, change)
        if {"published", "published_precision", "published_how"} & set(form.changed_data):
            # its relative dates are counted from the new date
            for _, summary in article_redated.send(sender=Article, article=article):
                if summary:
                    self.message_user(request, summary)
        elif {"source", "agency"} & set(form.changed_data):
            article_refiled.send(sender=Article, article=article)  # its events' source counts follow the new source
