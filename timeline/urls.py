from django.urls import path

from . import views
from .exports import FORMATS

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<int:pk>/", views.event, name="event"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("sources/", views.sources, name="sources"),
    path("axis.json", views.axis_data, name="axis-data"),
    *(path(f"export/{f.file_name}", views.export, {"format": f.name}, name=f"export-{f.name}") for f in FORMATS.values()),
]
