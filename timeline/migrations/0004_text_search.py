"""GIN indexes for the text filter's full-text search, on PostgreSQL only (timeline/search.py): the
expressions are exactly those the queries use, so that the planner uses them."""

from django.db import migrations

INDEXES = {
    "timeline_event_search": (
        "timeline_event",
        "to_tsvector('english'::regconfig, COALESCE(\"headline\", '') || ' ' || COALESCE(\"summary\", ''))",
    ),
    "timeline_mention_search": ("timeline_mention", "to_tsvector('english'::regconfig, COALESCE(\"quote\", ''))"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches with a plain match, which no index helps
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (({expression}))')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("timeline", "0003_how_dated_lead_and_mod")]
    operations = [migrations.RunPython(create, drop)]
