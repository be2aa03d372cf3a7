"""Building blocks below the apps: image checks and renditions, slug links,
rate limits, client addresses and page markup. Imports no app."""
