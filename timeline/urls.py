from django.urls import path

from . import views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<int:pk>/", views.event, name="event"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("sources/", views.sources, name="sources"),
    path("export/timeline.json", views.export, {"format": "json"}, name="export-json"),
    path("export/timelinejs.json", views.export, {"format": "timelinejs"}, name="export-timelinejs"),
    path("export/timeline.csv", views.export, {"format": "csv"}, name="export-csv"),
    path("export/timeline.ics", views.export, {"format": "ics"}, name="export-ics"),
]
