"""The project defines no models; this module makes Django treat it as an app
with models, so post_migrate is sent for it (newsroom/cache.py starts a new
page generation on that signal). Standing pages live in articles/pages.py."""
