from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from dockwright.context import LintContext
from dockwright.data.images import facts_for
from dockwright.dockerfile.image import ImageRef
from dockwright.dockerfile.model import Dockerfile, Instruction, Stage
from dockwright.dockerfile.scopes import PREDEFINED_ARGS
from dockwright.dockerfile.variables import references
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Instructions whose arguments BuildKit expands (RUN, CMD and ENTRYPOINT are left to the shell).
EXPANDED = ("ADD", "COPY", "ENV", "EXPOSE", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ARG")
# Variables official base images set; BuildKit reads them from the image config, which a linter without
# the image cannot, so these (and names ending in _VERSION or _HOME) are assumed to come from the base.
IMAGE_ENV = frozenset(
    [
        "PATH",
        "HOME",
        "HOSTNAME",
        "TERM",
        "LANG",
        "LANGUAGE",
        "LC_ALL",
        "USER",
        "PWD",
        "SHELL",
        "JAVA_HOME",
        "GOPATH",
        "GOROOT",
        "GOTOOLCHAIN",
        "CARGO_HOME",
        "RUSTUP_HOME",
        "GPG_KEY",
        "GPG_KEYS",
        "GEM_HOME",
        "BUNDLE_PATH",
        "BUNDLE_APP_CONFIG",
        "BUNDLE_SILENCE_ROOT_WARNING",
        "PHP_INI_DIR",
        "PHPIZE_DEPS",
        "PHP_CFLAGS",
        "PHP_CPPFLAGS",
        "PHP_LDFLAGS",
        "PHP_URL",
        "PHP_ASC_URL",
        "PHP_SHA256",
        "PYTHON_SHA256",
        "LD_LIBRARY_PATH",
        "CATALINA_HOME",
        "MAVEN_CONFIG",
        "NODE_ENV",
        "PIP_NO_CACHE_DIR",
        "DOTNET_RUNNING_IN_CONTAINER",
        "ASPNETCORE_HTTP_PORTS",
        "NGINX_VERSION",
        "NJS_VERSION",
        "PKG_RELEASE",
    ]
)


@register
class UndefinedVar(Rule):
    id = "DF105"
    slug = "undefined-var"
    severity = Severity.WARNING
    title = "Variable is used but never defined"
    rationale = (
        "BuildKit replaces an undefined `$NAME` with an empty string, so `COPY app $APP_DIR/` copies to `/` "
        "and `WORKDIR $HOME_DIR` goes to the root: usually a typo or a missing ARG."
    )
    bad = "FROM alpine:3.20\nARG APP_DIR=/srv/app\nCOPY app.py $APP_DRI/\n"
    good = "FROM alpine:3.20\nARG APP_DIR=/srv/app\nCOPY app.py $APP_DIR/\n"
    fix_title = "Define the variable with ARG or ENV, or fix its name"
    equivalents = {"buildkit": "UndefinedVar"}
    notes = (
        "BuildKit reads the base image's configuration for the variables it sets; Dockwright knows them for "
        "the images of its image table (those it gives a value, such as postgres' PGDATA) and assumes common "
        "ones (PATH, HOME, JAVA_HOME...) and names ending in _VERSION or _HOME come from any base image, "
        "except scratch. A name left undefined is a warning when the base image is known (or scratch), and "
        "info when it is not (`FROM ${IMAGE}`, an image outside the table), since that image may set it. "
        "References with a default (`${NAME:-x}`) are never reported."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            base: _Base | None = None  # read when a name is not defined in the file
            for instruction in stage.instructions:
                if instruction.keyword not in EXPANDED or instruction.is_exec_form:
                    continue
                for name, span in _references(instruction):
                    if name in instruction.scope or name in PREDEFINED_ARGS:
                        continue
                    base = base or _base_image(stage)
                    if base.sets(name):
                        continue
                    close = difflib.get_close_matches(name, list(instruction.scope), n=1, cutoff=0.75)
                    hint = Message(" (did you mean `{close}`?)", close=close[0]) if close else ""
                    if base.known:
                        yield self.finding(
                            span, Message("`{name}` is not defined at this point{hint}", name=name, hint=hint)
                        )
                    else:
                        yield Finding(
                            self.id,
                            Severity.INFO,
                            Message(
                                "`{name}` is not defined at this point{hint}, unless {shown} sets it",
                                name=name,
                                hint=hint,
                                shown=base.shown,
                            ),
                            span,
                        )


@dataclass(frozen=True)
class _Base:
    """What a stage's base image is known to set."""

    known: bool  # scratch, or an image of the image table
    scratch: bool
    environment: frozenset[str]  # the variables the image table gives a value
    shown: str  # the image, as a message names it

    def sets(self, name: str) -> bool:
        if self.scratch:
            return False
        return name in self.environment or name in IMAGE_ENV or name.endswith(("_VERSION", "_HOME"))


def _base_image(stage: Stage) -> _Base:
    root = stage.lineage[-1]
    image = root.image
    if image is None:
        return _Base(False, False, frozenset(), f"the base image `{root.image_text}` (known at build time only)")
    if image.is_scratch:
        return _Base(True, True, frozenset(), "`scratch`")
    environment = _image_environment(image)
    if environment is None:
        return _Base(False, False, frozenset(), f"the base image `{image.raw}`")
    return _Base(True, False, environment, f"`{image.raw}`")


@functools.lru_cache(maxsize=512)
def _image_environment(image: ImageRef) -> frozenset[str] | None:
    """The variables the image table gives a value in ``image``; None when the table does not know it."""
    facts = facts_for(image)
    return None if facts is None else frozenset(v.name for v in facts.environment if v.default is not None)


def _references(instruction: Instruction) -> Iterator[tuple[str, Span]]:
    """Plain `$NAME` / `${NAME}` references (no default), in the arguments and in one-line flag values."""
    for reference in references(instruction.arguments, instruction.escape):
        if reference.plain:
            yield reference.name, instruction.span_of(reference.start, reference.end)
    for flag in instruction.flags:
        span = flag.value_span
        if flag.value and span and span.start_line == span.end_line:
            for reference in references(flag.value, instruction.escape):
                if reference.plain:
                    start = span.start_column + reference.start
                    yield (
                        reference.name,
                        Span(span.start_line, start, span.start_line, start + reference.end - reference.start),
                    )
