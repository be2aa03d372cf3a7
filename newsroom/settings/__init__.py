"""Newsroom settings, read from the environment: DJANGO_SETTINGS_MODULE is
this package, `newsroom.settings`, the only settings module (bench/settings.py
extends it). Each subject is a module of its own, read in this order:
base (environment, site, apps), product (reading, comments, API), security
and stores (databases, caches, e-mail, files).
"""

from newsroom.settings.base import *  # noqa: F403
from newsroom.settings.product import *  # noqa: F403
from newsroom.settings.security import *  # noqa: F403
from newsroom.settings.stores import *  # noqa: F403
