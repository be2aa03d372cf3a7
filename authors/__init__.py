"""Correspondents: the people behind the bylines."""
