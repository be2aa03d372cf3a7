"""Readers' comments: the public form, spam defences and moderation."""
