from django.db import migrations


def recount(apps, schema_editor):
    # Irregular verbs now count as their base form ("underwent", "undergone": "undergo"): every article's
    # stems are counted again at the next build, as if its text had changed.
    apps.get_model("timeline", "ArticleWords").objects.update(content_hash="")


class Migration(migrations.Migration):

    dependencies = [
        ("timeline", "0007_event_granularity_index"),
    ]

    operations = [
        migrations.RunPython(recount, migrations.RunPython.noop),
    ]
