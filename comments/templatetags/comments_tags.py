from django import template

from comments import thread

register = template.Library()


@register.filter
def comment_body(text):
    return thread.render_body(text)
