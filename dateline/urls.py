from django.contrib import admin
from django.urls import include, path

admin.site.site_header = admin.site.site_title = "Dateline"
admin.site.index_title = "Stories, articles and their timelines"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("timeline.urls")),
]

handler500 = "dateline.views.server_error"
