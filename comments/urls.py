"""The public comment form's address."""

from django.urls import path

from comments import views

app_name = "comments"
urlpatterns = [
    path("articles/<slug:slug>/comments/", views.post_comment, name="post"),
]
