"""The wordpress app's management commands."""
