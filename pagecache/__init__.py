"""The page cache and its parts: whole pages, rendered parts and API answers,
each kept with the tags of what it shows and purged by them.

It sits below the apps and imports none: apps declare what a render shows
(depends_on), purge what a change touches (purge), and register what the
cache needs from them in their AppConfig.ready(). See tags.py first.
"""
