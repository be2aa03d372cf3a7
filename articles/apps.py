"""The articles app's config."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
