"""One-off work done in gunicorn's master before it forks its workers.

Every worker would otherwise repeat it on its first requests (a reader
waiting a few hundred milliseconds for templates to compile), and each would
keep its own copy; done once before the fork, the result is shared.
Nothing here opens a database or cache connection: those must not cross a fork.
"""

from django.template import engines
from django.urls import reverse

from newsroom.jinja_env import static


def warm_up() -> None:
    jinja = engines["jinja2"].env
    for name in jinja.list_templates(extensions=["html"]):
        jinja.get_template(name)
    reverse("articles:home")  # builds the URL resolver's lookup tables
    static("css/site.css")  # reads the static files manifest
