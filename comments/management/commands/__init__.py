"""The comments app's management commands."""
