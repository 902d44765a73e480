import hashlib
import json

from django.conf import settings
from django.db import migrations, models

PREVIEW_CHARS = 80


# Frozen copies of analyses.services' identity and preview, as they were when this migration was written.
def identity(content_sha256, kind, config):
    from dockwright.config import LintConfig
    from dockwright.errors import ConfigError

    try:
        canonical = LintConfig.from_dict(config).to_dict()
    except ConfigError:
        canonical = config
    key = {"content": content_sha256, "kind": kind, "config": canonical}
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode("utf-8")).hexdigest()


def preview(content):
    for line in content.splitlines():
        text = line.strip()
        if text:
            return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
    return ""


def fill_identity_and_preview(apps, schema_editor):
    Analysis = apps.get_model("analyses", "Analysis")
    batch = []
    for analysis in Analysis.objects.only("id", "sha256", "kind", "config", "content").iterator(chunk_size=500):
        analysis.identity = identity(analysis.sha256, analysis.kind, analysis.config)
        analysis.preview = preview(analysis.content)
        batch.append(analysis)
        if len(batch) == 500:
            Analysis.objects.bulk_update(batch, ["identity", "preview"])
            batch = []
    Analysis.objects.bulk_update(batch, ["identity", "preview"])


class Migration(migrations.Migration):

    dependencies = [
        ('analyses', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AnalysisTombstone',
            fields=[
                ('id', models.CharField(editable=False, max_length=32, primary_key=True, serialize=False)),
                ('deleted_at', models.DateTimeField()),
                ('reason', models.CharField(choices=[('deleted', 'deleted by its owner or staff'), ('expired', 'expired')], max_length=16)),
            ],
            options={
                'ordering': ['-deleted_at'],
            },
        ),
        migrations.AddField(
            model_name='analysis',
            name='identity',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name='analysis',
            name='preview',
            field=models.CharField(blank=True, max_length=120),
        ),
        migrations.AddIndex(
            model_name='analysis',
            index=models.Index(fields=['owner', 'identity'], name='analysis_owner_identity'),
        ),
        migrations.RunPython(fill_identity_and_preview, migrations.RunPython.noop),
    ]
