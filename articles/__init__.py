"""Sections, tags, stories, standing pages and the editorial workflow."""
