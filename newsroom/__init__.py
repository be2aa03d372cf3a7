"""The project: settings, URLs, server entry points and site-wide pages."""
