from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TimelineConfig(AppConfig):
    name = "timeline"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the timeline to the articles app's signals)
        from .permissions import ensure_groups

        post_migrate.connect(ensure_groups, sender=self)
