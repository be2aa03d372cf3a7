"""Template tags for the admin's home page."""
