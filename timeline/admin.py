from django.contrib import admin

from .models import Event, Mention


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["article", "phrase", "value", "quote", "status"]
    readonly_fields = ["article", "phrase", "value", "quote"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["value", "granularity", "headline", "source_count", "status"]
    inlines = [MentionInline]
