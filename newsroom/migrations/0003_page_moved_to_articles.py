"""Standing pages now belong to articles (articles/0008_page); the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_roles"),
        ("articles", "0008_page"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Page")],
        ),
    ]
