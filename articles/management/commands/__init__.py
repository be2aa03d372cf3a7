"""The articles app's management commands."""
