from django.db import migrations, models


def keep_only_what_changes(apps, schema_editor):
    """A stored "on" for a rule that is on anyway, or the rule's own severity, changes nothing: store them as
    the rule's default, as the admin now does, so "overridden" means something changes."""
    from dockwright.rules import load_all, registry

    load_all()
    RulePolicy = apps.get_model("catalog", "RulePolicy")
    for policy in RulePolicy.objects.all():
        rule = registry.get(policy.rule_id)
        if rule is None:
            continue
        if policy.enabled is True and rule.enabled_by_default:
            policy.enabled = None
        if policy.severity == rule.severity.value:
            policy.severity = ""
        policy.save(update_fields=["enabled", "severity"])


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='RulePolicyVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveBigIntegerField(default=0)),
                ('changed', models.DateTimeField(auto_now=True)),
            ],
            options={
                'verbose_name': 'rule policy version',
            },
        ),
        migrations.AlterField(
            model_name='rulepolicy',
            name='enabled',
            field=models.BooleanField(blank=True, help_text="Empty: the rule's own default (on, or off for opinionated rules).", null=True),
        ),
        migrations.RunPython(keep_only_what_changes, migrations.RunPython.noop),
    ]
