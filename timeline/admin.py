from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Source
from newsdates import granularity

from .editing import (
    EditRefused,
    date_value_problem,
    hide_events,
    merge_events,
    move_to_new_event,
    preview_merge,
    review_events,
    show_refusal,
    unhide_events,
    unmerge,
)
from .models import Event, Job, Mention

BOTH = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]  # the list's actions menu and each event's own page
PRECISIONS = [("", "— or choose a precision and a day —"),
              *((g.name, "that day" if g.name == "day" else f"its {g.label}") for g in granularity.GRANULARITIES if g.editable)]


class EventForm(forms.ModelForm):
    """An event's date as a TIMEX3 value, or as a day and a precision that make one."""

    value = forms.CharField(
        required=False,
        help_text="TIMEX3 value: 2019-04-24 (day), 2019-W16 (week), 2019-02 (month), 2019-Q2, 2019-SU, 2019, 199X.",
    )
    precision = forms.ChoiceField(choices=PRECISIONS, required=False, label="Or: precision")
    day = forms.DateField(required=False, label="and a day in it", widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Event
        fields = ["value", "headline", "summary", "status", "reviewed"]
        widgets = {"headline": forms.TextInput(attrs={"size": 90})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved = (self.instance.value, self.instance.headline)
        if self.instance.pk:
            self.initial.setdefault("value", self.instance.value)

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            # A rejected edit leaves the event as it was: the error page names the event in its title and
            # breadcrumb, and must not echo the value it refused.
            self.instance.value, self.instance.headline = self.saved

    def clean(self):
        cleaned = super().clean()
        precision, day, value = cleaned.get("precision"), cleaned.get("day"), (cleaned.get("value") or "").strip()
        if precision or day:
            if not (precision and day):
                raise forms.ValidationError("Give both a precision and a day, or a TIMEX3 value.")
            value = granularity.value_of(precision, day)
        if not value:
            raise forms.ValidationError("The event needs a date: a TIMEX3 value, or a precision and a day.")
        if problem := date_value_problem(value):
            self.add_error("value", problem)
        cleaned["value"] = value
        if self.instance.pk and self.instance.status == Event.Status.HIDDEN and cleaned.get("status") != Event.Status.HIDDEN:
            if reason := show_refusal(self.instance):
                self.add_error("status", f"It cannot be shown again: {reason}")
        return cleaned

    def save(self, commit=True):
        event = super().save(commit=False)
        event.set_value(self.cleaned_data["value"])
        if commit:
            event.save()
        return event


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    can_delete = False
    fields = ["article_link", "quote_with_phrase", "value", "provenance_text", "status"]
    readonly_fields = ["article_link", "quote_with_phrase", "value", "provenance_text"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article__source")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="article")
    def article_link(self, mention):
        url = reverse("admin:articles_article_change", args=[mention.article_id])
        return format_html('<a href="{}">{}</a><br><small>{}</small>', url, mention.article.title, mention.article.source_label)

    @admin.display(description="quote")
    def quote_with_phrase(self, mention):
        start = mention.phrase_start - mention.sentence_start
        end = mention.phrase_end - mention.sentence_start
        return format_html("{}<mark>{}</mark>{}", mention.quote[:start], mention.quote[start:end], mention.quote[end:])

    @admin.display(description="how it was anchored")
    def provenance_text(self, mention):
        return mention.provenance


class SourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [*Source.objects.values_list("slug", "name"), ("unknown", "Unknown source")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        cited = Mention.objects.exclude(status=Mention.Status.REMOVED)
        wanted = Q(article__source__isnull=True) if self.value() == "unknown" else Q(article__source__slug=self.value())
        return queryset.filter(pk__in=cited.filter(wanted).values("event_id"))


class NeedsReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        doubtful = Mention.objects.filter(event=OuterRef("pk")).filter(
            Q(article__published_how="inferred") | Q(article__source__isnull=True)
        )
        flagged = Q(reviewed=False) & (Q(Exists(doubtful)) | Q(source_count__lte=1, status=Event.Status.AUTOMATIC))
        if self.value() == "yes":
            return queryset.filter(flagged)
        if self.value() == "no":
            return queryset.exclude(flagged)
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        return [(str(day.year), str(day.year)) for day in Event.objects.dates("start", "year", order="DESC")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            year = int(self.value())
            return queryset.filter(start__year__lte=year, end__year__gte=year)
        return queryset


class HistoryFitsTheScreen:
    """History pages that fit a laptop's screen (long quotes and merge evidence are cut short), whose
    breadcrumb leads back to the record."""

    object_history_list_template = "admin/history/object_history_list.html"
    object_history_form_template = "admin/history/object_history_form.html"


def _without_bulk_delete(actions: dict) -> dict:
    """Hiding is how events and articles leave the timeline: no deleting many at once from a list."""
    actions.pop("delete_selected", None)
    return actions


@admin.register(Event)
class EventAdmin(HistoryFitsTheScreen, SimpleHistoryAdmin):
    form = EventForm
    list_display = ["date_shown", "granularity", "headline", "source_count", "status", "reviewed", "story"]
    list_display_links = ["headline"]
    list_select_related = ["story"]
    list_filter = [NeedsReviewFilter, "story", SourceFilter, "granularity", "status", "reviewed", YearFilter]
    search_fields = ["headline", "summary", "mentions__quote", "mentions__phrase"]
    date_hierarchy = "start"
    inlines = [MentionInline]
    readonly_fields = ["story", "start", "end", "granularity", "source_count", "merges", "evidence"]
    fieldsets = [
        ("Date", {"fields": ["value", ("precision", "day"), ("start", "end", "granularity")]}),
        (None, {"fields": ["story", "headline", "summary", "status", "reviewed", "source_count", "merges"]}),
        ("Why its mentions were merged", {"classes": ["collapse"], "fields": ["evidence"]}),
    ]
    actions = ["merge_selected", "unmerge_selected", "hide_selected", "unhide_selected", "mark_reviewed"]
    history_list_display = ["status", "reviewed"]  # the record's name already gives its date and headline
    delete_confirmation_template = "admin/delete_with_consequences.html"

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        return _without_bulk_delete(super().get_actions(request, action_location))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("story", "merged_into")

    @admin.display(description="merges by editors")
    def merges(self, event):
        if event.merged_into_id:
            url = reverse("admin:timeline_event_change", args=[event.merged_into_id])
            return format_html('Merged into <a href="{}">{}</a>. Select this event in the list and choose “Unmerge” to undo it.',
                               url, event.merged_into.headline)
        merged = list(event.merged_events.all())
        if merged:
            return format_html("Holds the mentions of {}. Select it in the list and choose “Unmerge” to undo.", format_html_join(
                ", ", '<a href="{}">{}</a>', ((reverse("admin:timeline_event_change", args=[e.pk]), e.headline) for e in merged)))
        return "—"

    def delete_view(self, request, object_id, extra_context=None):
        event = self.get_object(request, object_id)
        consequences = []
        if event is not None:
            mentions = event.mentions.count()
            consequences = [
                f"Its {mentions} mention(s) lose their event: they leave the timeline, and the next build puts the "
                "automatic ones into new events of their own, undoing your work on this one.",
                "Its history stays, but the event cannot be restored from a list of events any more.",
                "Hiding it instead keeps everything and can be undone.",
            ]
        return super().delete_view(request, object_id, {**(extra_context or {}), "consequences": consequences})

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        return found.distinct() if search_term else found, False

    @admin.display(description="date", ordering="start")
    def date_shown(self, event):
        return event.when

    @admin.display(description="merge evidence")
    def evidence(self, event):
        lines = [
            (f"{item.get('dates', '')} · score {item.get('score', '—')} · shared: {', '.join(item.get('shared', []))}"
             + (f" · {item['why']}" if item.get("why") else "")
             + (f" · merged by {item['by']}" if item.get("by") else ""),)
            for item in event.merge_evidence
        ]
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", lines)) if lines else "—"

    def save_model(self, request, event, form, change):
        # An event an editor saved is the editor's: the timeline build will not change it again.
        if change and form.changed_data and event.status == Event.Status.AUTOMATIC and "status" not in form.changed_data:
            event.status = Event.Status.EDITED
        super().save_model(request, event, form, change)

    @admin.action(description="Merge the selected events into one (you choose which survives, and see it first)", permissions=["change"])
    def merge_selected(self, request, queryset):
        events = list(queryset.select_related("story").order_by("start", "pk"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        if len({event.story_id for event in events}) > 1:
            self.message_user(request, "These events belong to different stories: only events of one story can be merged.", messages.ERROR)
            return None
        by_pk = {str(event.pk): event for event in events}
        survivor = by_pk.get(request.POST.get("survivor", ""), events[0])
        others = [event for event in events if event.pk != survivor.pk]
        if request.POST.get("confirm") == "merge" and request.POST.get("survivor") in by_pk:
            try:
                target = merge_events(survivor, others, by=request.user.get_username())
            except EditRefused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return None
            self.message_user(request, f"Merged {len(others)} event(s) into “{target.headline}”. "
                                       "To undo it, select that event and choose “Unmerge”.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events: choose the one that survives",
            "opts": self.model._meta,
            "preview": preview_merge(survivor, others),
            "events": events,
            "survivor": survivor,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/event/merge_preview.html", context)

    @admin.action(description="Unmerge: undo editors' merges of the selected events (every moved mention goes back)", permissions=["change"],
                  location=BOTH)
    def unmerge_selected(self, request, queryset):
        restored, refusals = [], []
        with transaction.atomic():
            for event in queryset.select_related("merged_into"):
                try:
                    restored += unmerge(event, by=request.user.get_username())
                except EditRefused as refusal:
                    refusals.append(str(refusal))
        if restored:
            self.message_user(request, f"Unmerged: {', '.join(f'“{e.headline}”' for e in restored)} show(s) again with their mentions.")
        for refusal in refusals:
            self.message_user(request, refusal, messages.WARNING)

    @admin.action(description="Hide the selected events", permissions=["change"], location=BOTH)
    def hide_selected(self, request, queryset):
        self.message_user(request, f"Hid {hide_events(queryset)} event(s).")

    @admin.action(description="Show the selected hidden events again", permissions=["change"], location=BOTH)
    def unhide_selected(self, request, queryset):
        shown, refusals = unhide_events(queryset)
        if shown or not refusals:
            self.message_user(request, f"Showed {shown} event(s) again.")
        for refusal in refusals:
            self.message_user(request, f"Not shown: {refusal}", messages.ERROR)

    @admin.action(description="Mark the selected events as reviewed", permissions=["change"], location=BOTH)
    def mark_reviewed(self, request, queryset):
        self.message_user(request, f"Marked {review_events(queryset)} event(s) as reviewed.")


@admin.register(Mention)
class MentionAdmin(HistoryFitsTheScreen, SimpleHistoryAdmin):
    list_display = ["phrase", "value", "event", "article", "status"]
    list_filter = ["status", "rule", "timex_type"]
    search_fields = ["phrase", "quote", "article__title"]
    list_select_related = ["event", "article"]
    autocomplete_fields = ["event"]
    readonly_fields = ["article", "quote", "phrase", "value", "first", "last", "rule", "anchor", "direction", "reason",
                       "sentence_start", "sentence_end", "phrase_start", "phrase_end", "headline", "timex_type", "reported"]
    fields = ["event", "status", "article", "quote", "phrase", "value", "first", "last", "rule", "anchor", "direction", "reason", "headline"]
    actions = ["split_out"]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        return _without_bulk_delete(super().get_actions(request, action_location))

    def save_model(self, request, mention, form, change):
        # A mention an editor moved or removed stays so: the timeline build leaves it alone.
        if change and ("event" in form.changed_data) and mention.status == Mention.Status.AUTOMATIC:
            mention.status = Mention.Status.PINNED
        if mention.status == Mention.Status.REMOVED:
            mention.event = None
        previous = Mention.objects.filter(pk=mention.pk).values_list("event_id", flat=True).first()
        super().save_model(request, mention, form, change)
        for event in Event.objects.filter(pk__in=[pk for pk in (previous, mention.event_id) if pk]):
            event.refresh_from_mentions()

    @admin.action(description="Move each selected mention out into a new event of its own", permissions=["change"])
    def split_out(self, request, queryset):
        with transaction.atomic():
            created = [move_to_new_event(mention, by=request.user.get_username()) for mention in queryset]
        self.message_user(request, f"Created {len(created)} new event(s).")


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "story", "state", "done", "total", "created_by"]
    list_filter = ["kind", "state", "story"]
    readonly_fields = ["story", "kind", "state", "created_by", "task_id", "total", "done", "current", "failures", "counts",
                       "summary", "created_at", "started_at", "finished_at"]

    def has_add_permission(self, request):
        return False
