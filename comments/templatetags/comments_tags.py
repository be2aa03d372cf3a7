from django import template

from comments import thread
from comments.forms import CommentForm

register = template.Library()


@register.inclusion_tag("includes/comment_thread.html", takes_context=True)
def comment_thread(context, article):
    request = context["request"]
    own = (
        request.session.get(thread.SESSION_KEY, [])
        if hasattr(request, "session")
        else []
    )
    form = context.get("comment_form") or CommentForm(initial=_remembered(request))
    reply_to = form["parent"].value() or request.GET.get("reply_to")
    nodes = thread.visible_tree(article, own)
    return {
        "article": article,
        "nodes": nodes,
        "form": form,
        "reply_to": _find(nodes, reply_to),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


def _remembered(request):
    return {
        "name": request.COOKIES.get("comment_name", ""),
        "email": request.COOKIES.get("comment_email", ""),
    }


def _find(nodes, comment_id):
    try:
        wanted = int(comment_id)
    except (TypeError, ValueError):
        return None
    for node in nodes:
        if node.comment.pk == wanted:
            return node if node.can_reply else None
        found = _find(node.replies, wanted)
        if found:
            return found
    return None


@register.filter
def comment_body(text):
    return thread.render_body(text)
