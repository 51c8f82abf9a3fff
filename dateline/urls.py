from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("timeline.urls")),
]

handler500 = "dateline.views.server_error"
