"""The newsroom's roles as groups, with the permissions each needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Journalist": [
        "articles.add_article", "articles.change_article", "articles.view_article",
        "articles.add_byline", "articles.change_byline", "articles.delete_byline",
        "articles.view_byline", "articles.view_section", "articles.add_tag",
        "articles.view_tag", "articles.view_revision", "articles.view_correction",
        "articles.view_articleevent", "authors.view_correspondent",
    ],
    "Editor": [
        "articles.add_article", "articles.change_article", "articles.view_article",
        "articles.delete_article", "articles.publish_article",
        "articles.schedule_article", "articles.withdraw_article",
        "articles.correct_article", "articles.edit_any_article",
        "articles.add_byline", "articles.change_byline", "articles.delete_byline",
        "articles.view_byline", "articles.add_section", "articles.change_section",
        "articles.view_section", "articles.add_tag", "articles.change_tag",
        "articles.delete_tag", "articles.view_tag", "articles.view_revision",
        "articles.add_correction", "articles.view_correction",
        "articles.view_articleevent", "authors.add_correspondent",
        "authors.change_correspondent", "authors.view_correspondent",
        "authors.add_profilelink", "authors.change_profilelink",
        "authors.delete_profilelink", "authors.view_profilelink",
        "comments.view_comment", "comments.change_comment",
        "comments.moderate_comment", "comments.view_blockedterm",
        "comments.add_blockedterm", "comments.change_blockedterm",
        "comments.delete_blockedterm", "articles.view_page", "articles.change_page",
    ],
    "Moderator": [
        "comments.view_comment", "comments.change_comment",
        "comments.moderate_comment", "comments.view_blockedterm",
        "comments.add_blockedterm", "comments.change_blockedterm",
        "comments.delete_blockedterm",
    ],
}


def create_roles(apps, schema_editor):
    # create_permissions reads the installed models, not this migration's
    # state, so the codenames above name each model's app as it is today
    # (pages moved from newsroom to articles in articles/0008_page).
    for app_config in apps.get_app_configs():
        # create_permissions skips apps without a models module; historical
        # app configs have none, so lend one for the call.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("articles", "0001_initial"),
        ("authors", "0001_initial"),
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
