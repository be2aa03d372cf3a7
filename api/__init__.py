"""The content API (/api/v1/) and webhooks: published content for partners."""
