from django.urls import path

from . import newsroom, stories, views
from .exports import FORMATS

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("stories/", stories.story_list, name="stories"),
    path("stories/new/", newsroom.new_story, name="new-story"),
    path("stories/<slug:slug>/", views.timeline, name="story"),
    path("stories/<slug:slug>/add/", newsroom.add_articles, name="add-articles"),
    path("stories/<slug:slug>/rebuild/", newsroom.rebuild, name="rebuild"),
    *(path(f"stories/<slug:slug>/export/{f.file_name}", views.export, {"format": f.name}, name=f"story-export-{f.name}")
      for f in FORMATS.values()),
    path("jobs/<int:pk>/", newsroom.job, name="job"),
    path("events/<int:pk>/", views.event, name="event"),
    path("events/<int:pk>/quick/<str:action>/", newsroom.quick_action, name="quick-action"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("sources/", views.sources, name="sources"),
    path("axis.json", views.axis_data, name="axis-data"),
    path("stories/<slug:slug>/axis.json", views.axis_data, name="story-axis-data"),
    *(path(f"export/{f.file_name}", views.export, {"format": f.name}, name=f"export-{f.name}") for f in FORMATS.values()),
]
