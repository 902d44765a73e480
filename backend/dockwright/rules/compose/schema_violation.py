from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import verbatim
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class SchemaViolation(ComposeRule):
    id = "DC003"
    slug = "schema-violation"
    severity = Severity.ERROR
    title = "The file does not match the Compose specification"
    rationale = (
        "Compose validates every file against the compose-spec JSON schema and refuses unknown keys and "
        "wrongly typed values; a typo such as `enviroment:` would otherwise be silently meaningless."
    )
    bad = "services:\n  web:\n    image: nginx:1.27\n    enviroment:\n      DEBUG: '1'"
    good = "services:\n  web:\n    image: nginx:1.27\n    environment:\n      DEBUG: '1'"
    fix_title = "Correct the key or value to what the Compose specification expects"
    equivalents = {"dclint": "invalid-schema"}
    notes = "dclint stops at the first schema error and reports it on line 1; we report every error where it is."

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        # Imported here: jsonschema costs ~50 ms at start-up, wasted when only Dockerfiles are linted.
        from dockwright.compose.schema import schema_errors

        for error in schema_errors(document):
            yield self.finding(error.span, verbatim(error.message))
