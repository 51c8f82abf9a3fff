from django.db import migrations, models


class Migration(migrations.Migration):
    """Articles already in the database were built when they were ingested: they wait for nothing. New ones
    wait for their build."""

    dependencies = [("articles", "0005_stories")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="needs_build",
            field=models.BooleanField(db_index=True, default=False, help_text="Its timeline has yet to be built."),
        ),
        migrations.AlterField(
            model_name="article",
            name="needs_build",
            field=models.BooleanField(db_index=True, default=True, help_text="Its timeline has yet to be built."),
        ),
    ]
