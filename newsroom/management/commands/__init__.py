"""The project's management commands: demo, export and import."""
