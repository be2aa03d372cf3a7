"""Importing a WordPress site: the WXR importer and its old-URL redirects."""
