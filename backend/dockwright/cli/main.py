"""`dockwright lint` and `dockwright rules` (and `rules --gaps`): the command-line interface.

Exit codes: 0 when nothing is at or above the failure threshold, 1 when something is, 2 on usage or I/O
errors (a file that cannot be read or decoded, an invalid config, YAML named on the command line that is
not a Compose file) and when a Dockwright server asked with --server or --upload cannot answer.

`lint --server URL --project SLUG` has the files analysed by the server under the project's policy
(dockwright.cli.remote) and prints and judges them here with the same code as a local run's.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from dockwright import __version__
from dockwright.cli.batch import BatchFile, lint_batch
from dockwright.cli.hadolint_env import hadolint_environment
from dockwright.cli.sarif import sarif_log
from dockwright.cli.sources import sources
from dockwright.config import LintConfig
from dockwright.dockerfile.build import BuildOptions, parse_build_arg
from dockwright.errors import InputError
from dockwright.findings import Finding, Severity
from dockwright.fixes import fix_until_stable
from dockwright.i18n import ENGLISH, LANGUAGES, Message, error_text, language, localize, render
from dockwright.lint import lint
from dockwright.rules import load_all, registry
from dockwright.rules.peer_gaps import peer_gaps
from dockwright.shellcheck import runner as shellcheck
from dockwright.workspace.config_file import Settings, expand_rule_names, find_config_files, load_settings

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_SEVERITIES = [s.value for s in Severity]
_CI_FORMATS = ("github", "gitlab", "checkstyle", "junit", "sonarqube")  # see dockwright.cli.reports


# Messages, fix titles and rule texts in this language (English unless asked: CI logs and scripts read the
# output, so it does not change with the machine's locale).
_LANG_ARGS = ("--lang",)
_LANG_OPTIONS: dict[str, Any] = {
    "default": ENGLISH,
    "type": language,
    "metavar": "LANG",
    "help": f"language of messages and rule texts: {', '.join(LANGUAGES)} (default: en)",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dockwright", description="Review Dockerfiles and Compose files.")
    parser.add_argument("--version", action="version", version=f"dockwright {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    lint_cmd = commands.add_parser("lint", help="lint files or folders (- reads stdin)")
    lint_cmd.add_argument("paths", nargs="*", metavar="PATH", help="file, folder or - for stdin")
    lint_cmd.add_argument(*_LANG_ARGS, **_LANG_OPTIONS)
    lint_cmd.add_argument(
        "-f",
        "--file",
        dest="compose_files",
        action="append",
        default=[],
        metavar="FILE",
        help="a compose file of one project, merged over the ones before it as `docker compose -f` does; repeatable",
    )
    lint_cmd.add_argument(
        "--env-file",
        dest="env_files",
        action="append",
        default=[],
        metavar="FILE",
        help="variables for compose files instead of the .env beside them, as `docker compose --env-file`; repeatable",
    )
    lint_cmd.add_argument(
        "--format",
        choices=("text", "json", "sarif", *_CI_FORMATS),
        help="text (the default, or a hadolint config's format); github: Actions annotations; gitlab: Code Quality "
        "report; checkstyle: XML for Jenkins and others; junit: test report XML (Jenkins, GitLab, Azure DevOps); "
        "sonarqube: generic external issues JSON",
    )
    lint_cmd.add_argument(
        "--config",
        metavar="FILE",
        help="a .dockwright.yaml, .hadolint.yaml or .dclintrc (default: ./.dockwright.yaml, else ./.hadolint.yaml "
        "and ./.dclintrc, those present)",
    )
    lint_cmd.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="ID",
        help="rule id to skip (ours, or a hadolint/BuildKit/dclint id); repeatable",
    )
    lint_cmd.add_argument(
        "--enable",
        action="append",
        default=[],
        metavar="ID",
        help="rule to switch on that is off by default (an id, a peer's id, or `style` for the style profile); "
        "repeatable",
    )
    lint_cmd.add_argument(
        "--failure-threshold",
        choices=_SEVERITIES,
        metavar="LEVEL",
        help=f"lowest severity that fails the run ({', '.join(_SEVERITIES)}; default info)",
    )
    lint_cmd.add_argument("--kind", choices=("dockerfile", "compose"), help="skip detection (useful with -)")
    lint_cmd.add_argument(
        "--build-arg",
        dest="build_args",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a build arg, as `docker build --build-arg`: the value of an ARG the Dockerfile declares "
        "(a bare NAME takes the environment's value); repeatable",
    )
    lint_cmd.add_argument(
        "--target",
        metavar="STAGE",
        help="the stage built, as `docker build --target`: the rules about the shipped image look at it, not at the "
        "last stage",
    )
    lint_cmd.add_argument("--no-shellcheck", action="store_true", help="do not run ShellCheck on RUN scripts")
    lint_cmd.add_argument(
        "--no-fail", action="store_true", help="exit 0 even when findings reach the failure threshold (hadolint's)"
    )
    lint_cmd.add_argument(
        "--no-color", action="store_true", help="accepted for hadolint's users: output has no colours"
    )
    lint_cmd.add_argument(
        "--disable-ignore-pragma",
        action="store_true",
        help="ignore the files' inline ignore comments (ours, hadolint's, dclint's), as hadolint's option",
    )
    lint_cmd.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write ShellCheck results in $DOCKWRIGHT_CACHE_DIR (default ~/.cache/dockwright)",
    )
    lint_cmd.add_argument("--fix", action="store_true", help="apply safe fixes to the files in place")
    lint_cmd.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix, also apply fixes that may change behaviour (ShellCheck's suggestions); review the diff",
    )

    upload = lint_cmd.add_argument_group(
        "a Dockwright server (the token comes from DOCKWRIGHT_TOKEN)",
        "--server URL --project SLUG: the server analyses the files with the project's policy (in place of config "
        "files; the options above go over it) and they are printed and judged as a local run's, nothing stored. "
        "With --upload: they are stored as one scan of the project. A server that cannot answer is exit 2, never a "
        "local run instead.",
    )
    upload.add_argument(
        "--upload", action="store_true", help="send the files as one scan of --project to --server instead of linting"
    )
    upload.add_argument("--server", metavar="URL", help="the Dockwright server, e.g. https://dockwright.example.com")
    upload.add_argument("--project", metavar="SLUG", help="the project whose policy applies (and a scan belongs to)")
    upload.add_argument(
        "--fail-on",
        choices=("all", "new"),
        default="all",
        help="with --upload, fail on every finding at the failure threshold, or only on new ones (default: all)",
    )
    upload.add_argument("--repository", help="the repository (default: the CI's variables, then git's origin)")
    upload.add_argument("--commit", help="the commit (default: the CI's variables, then git's HEAD)")
    upload.add_argument("--branch", help="the branch (default: the CI's variables, then git's current branch)")
    upload.add_argument(
        "--wait", type=float, default=600, metavar="SECONDS", help="how long to wait for the server's analysis"
    )

    rules_cmd = commands.add_parser("rules", help="list every rule, then the peer checks without a rule")
    rules_cmd.add_argument("--format", choices=("text", "json"), default="text")
    rules_cmd.add_argument(*_LANG_ARGS, **_LANG_OPTIONS)
    rules_cmd.add_argument(
        "--gaps", action="store_true", help="list only the hadolint/BuildKit checks without a rule of ours, and why"
    )
    commands.add_parser("lsp", help="run the language server on stdin/stdout (for editors)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "lsp":
        from dockwright.lsp.server import serve  # here: only the language server needs pygls

        return serve()
    if args.command == "rules":
        load_all()
        return _gaps(args.format, sys.stdout, args.lang) if args.gaps else _rules(args.format, sys.stdout, args.lang)
    return _lint(args, sys.stdout, sys.stderr)


def run() -> None:
    """The console script: :func:`main` tuned for a short-lived process.

    Everything imported so far lives until exit, so it is moved out of the collector's sight, and the
    collector runs rarely: a lint run allocates many small objects and few cycles, and the default
    thresholds spend a tenth of the run scanning them. At the end the process leaves without tearing down
    its heap, which for a large batch takes longer than printing the results."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    code = EXIT_ERROR
    try:
        code = main()
    except SystemExit as exc:  # argparse's usage errors, --help and --version
        code = exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_ERROR)
    except BrokenPipeError:  # `dockwright lint ... | head`: the reader left before the results were out
        pass
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):
            stream.flush()
    os._exit(code)


def _rules(output_format: str, out: TextIO, lang: str = ENGLISH) -> int:
    rules = [rule.metadata(lang) for rule in registry]
    if output_format == "json":
        # A plain list of rules, as scripts expect; the gaps have their own listing (`rules --gaps`).
        _write_json(rules, out)
        return EXIT_OK
    for meta in rules:
        equivalents = ", ".join(f"{peer} {rid}" for peer, rid in meta["equivalents"].items())
        off = "" if meta["enabled_by_default"] else " " + render(Message("(off by default)"), lang)
        if meta["profile"] != "default":
            off = " " + render(Message("({profile} profile, off by default)", profile=meta["profile"]), lang)
        out.write(f"{meta['id']}  {meta['slug']:<36} {meta['severity']:<8} {meta['title']}{off}")
        out.write(f"  [{equivalents}]\n" if equivalents else "\n")
    out.write("\n" + render(Message("Peer checks without a rule of their own:"), lang) + "\n")
    _write_gaps_text(out, lang)
    return EXIT_OK


def _gaps(output_format: str, out: TextIO, lang: str = ENGLISH) -> int:
    if output_format == "json":
        _write_json(peer_gaps(lang), out)
    else:
        _write_gaps_text(out, lang)
    return EXIT_OK


def _write_gaps_text(out: TextIO, lang: str) -> None:
    for gap in peer_gaps(lang):
        out.write(f"{gap['peer']:<9} {gap['peer_id']:<25} {gap['reason']}")
        covered = render(Message("covered by {rule}", rule=gap["covered_by"]), lang) if gap["covered_by"] else ""
        out.write(f"  [{covered}]\n" if covered else "\n")


def _say(err: TextIO, problem: Message | BaseException | str, lang: str) -> None:
    """A problem of the run on stderr, in ``lang`` when the catalogue has it."""
    if isinstance(problem, BaseException):
        problem = error_text(problem, lang)
    elif isinstance(problem, Message):
        problem = render(problem, lang)
    err.write(f"dockwright: {problem}\n")


def _write_json(data: object, out: TextIO) -> None:
    # One write: json.dump() with an indent writes each token on its own, ten times slower.
    out.write(json.dumps(data, indent=2) + "\n")


def _settings(args: argparse.Namespace) -> Settings:
    """The run's settings: hadolint's environment variables, then the config files, then the command line, each
    over the one before (hadolint's order)."""
    paths = [args.config] if args.config else find_config_files(Path.cwd())
    settings = load_settings(paths, hadolint_environment(os.environ))
    config = settings.config
    changes: dict[str, Any] = _command_line_config(args)
    if "ignore" in changes:
        changes["ignore"] = config.ignore | set(changes["ignore"])
    if "enable" in changes:
        changes["enable"] = config.enable | set(changes["enable"])
    if "failure_threshold" in changes:
        changes["failure_threshold"] = Severity(changes["failure_threshold"])
    # hadolint's verbose names the configuration file used; the notes are printed before the run.
    used = tuple(Message("configuration file used: {path}", path=str(path)) for path in paths if settings.verbose)
    return replace(
        settings,
        config=config.merged(**changes),
        notes=(*settings.notes, *used),
        no_fail=settings.no_fail or args.no_fail,
        output_format=args.format or settings.output_format or "text",
    )


def _command_line_config(args: argparse.Namespace) -> dict[str, Any]:
    """What the command line sets of the lint configuration, as a config dict: rule names as our ids."""
    config: dict[str, Any] = {}
    if args.ignore:
        load_all()  # an ignored id may name a compose rule or a peer's id for one
        ids = {rid for name in args.ignore for rid in (registry.resolve_id(name) or [name.upper()])}
        config["ignore"] = sorted(ids)
    if args.enable:
        enable = expand_rule_names({"enable": args.enable})["enable"]
        config["enable"] = sorted({str(rule_id).upper() for rule_id in enable})
    if args.failure_threshold:
        config["failure_threshold"] = args.failure_threshold
    if args.no_shellcheck:
        config["shellcheck"] = False
    if args.disable_ignore_pragma:
        config["disable_ignore_pragma"] = True
    return config


def _lint(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.unsafe_fixes and not args.fix:
        _say(err, Message("--unsafe-fixes goes with --fix"), args.lang)
        return EXIT_ERROR
    if args.server and not args.upload:
        return _lint_on_server(args, out, err)
    if args.project and not args.upload:
        _say(err, Message("--project goes with --server"), args.lang)
        return EXIT_ERROR
    try:
        settings = _settings(args)
    except InputError as exc:
        _say(err, exc, args.lang)
        return EXIT_ERROR
    for note in settings.notes:
        _say(err, note, args.lang)
    config = settings.config
    if args.upload:
        from dockwright.cli.upload import upload_main  # here: only an upload needs urllib and git

        return upload_main(args, config.failure_threshold, out, err, os.environ)
    args.format = settings.output_format
    if config.shellcheck and not args.no_cache:
        shellcheck.use_disk_cache(shellcheck.default_cache_root())
    try:
        code = _lint_files(args, out, err, _here(config), config, settings.exclude)
        # hadolint's no-fail: findings never fail the run; an error still does.
        return EXIT_OK if settings.no_fail and code == EXIT_FINDINGS else code
    finally:
        shellcheck.use_disk_cache(None)


def _lint_on_server(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The run with the files analysed by a Dockwright server under the project's policy (dockwright.cli.remote),
    printed and judged as a local run; exit 2 with the reason when the server cannot do it."""
    from dockwright.cli.remote import ServerLint, refusal  # here: only a run on a server needs urllib
    from dockwright.server_client import ServerError

    problem = refusal(args)
    if problem is not None:
        _say(err, problem, args.lang)
        return EXIT_ERROR
    args.format = args.format or "text"
    try:
        server = ServerLint.from_environment(args, _command_line_config(args), os.environ)
        code = _lint_files(args, out, err, server.analyse)
    except (ServerError, InputError) as exc:
        _say(err, exc, args.lang)
        return EXIT_ERROR
    return EXIT_OK if args.no_fail and code == EXIT_FINDINGS else code


# Analyses a batch of files: here, or on a Dockwright server. The files with their findings, and the failure
# threshold they are judged by.
Analyse = Callable[[list[BatchFile]], tuple[list[BatchFile], Severity]]


def _here(config: LintConfig) -> Analyse:
    return lambda batch: (lint_batch(batch, config), config.failure_threshold)


def _lint_files(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    analyse: Analyse,
    config: LintConfig | None = None,
    exclude: tuple[str, ...] = (),
) -> int:
    """Lint the command line's files with ``analyse``, print the findings in the asked format and return the exit
    code. ``config`` is what --fix lints the fixed files with (a run on a server has none: it refuses --fix)."""
    if not args.paths and not args.compose_files:
        _say(err, Message("nothing to lint: give a PATH or -f FILE"), args.lang)
        return EXIT_ERROR
    try:
        build = _build_options(args)
    except InputError as exc:
        _say(err, exc, args.lang)
        return EXIT_ERROR
    stdin = sys.stdin.buffer.read() if "-" in args.paths else None
    results: list[tuple[str, Finding]] = []
    errors = 0
    fixed = 0
    batch: list[BatchFile] = []
    try:
        linted = list(sources(args.paths, args.compose_files, args.env_files, stdin, exclude, os.environ))
    except InputError as exc:
        _say(err, exc, args.lang)
        return EXIT_ERROR
    explicit: set[str] = set()
    for entry in linted:
        for note in entry.notes:
            _say(err, note, args.lang)
        if not entry.to_lint:
            continue
        if entry.error is not None:
            _say(err, entry.error, args.lang)
            errors += 1
            continue
        if entry.explicit:
            explicit.add(entry.source.path)
        kind = args.kind or ("compose" if entry.source.path in args.compose_files else None)
        own = entry.build.with_args(build.args if build else {}) if entry.build else build
        batch.append(BatchFile(entry.source.path, entry.source.content, kind, entry.files, own))
    fixed_paths: set[str] = set()
    reported: set[tuple[str, Finding]] = set()
    analysed, failing = analyse(batch)
    for item in analysed:
        if item.error is not None:
            _say(err, f"{item.path}: {item.error}", args.lang)
            errors += 1
            continue
        foreign = item.foreign or getattr(item.document, "foreign", None)
        if foreign is not None and item.path not in explicit:
            skipped = Message("skipped {path}: not a Compose file (looks like {kind})", path=item.path, kind=foreign)
            _say(err, skipped, args.lang)
            continue
        errors += foreign is not None  # named on the command line: refused (its one finding says why)
        findings = item.findings
        # A Dockerfile that several bake targets build is linted once per build: fixed once, and each finding
        # reported once.
        if args.fix and config is not None and item.path != "-" and item.path not in fixed_paths:
            applied, findings = _fix(item, findings, config, safe_only=not args.unsafe_fixes)
            fixed += applied
            fixed_paths.add(item.path)
        for finding in findings:
            if (item.path, finding) not in reported:
                reported.add((item.path, finding))
                results.append((item.path, finding))
    _write(args.format, [(path, localize(finding, args.lang)) for path, finding in results], out, args.lang)
    if args.fix:
        _say(err, Message("applied {count} fix(es)", count=fixed), args.lang)
    if errors:
        return EXIT_ERROR
    if failing is not Severity.NONE and any(f.severity.rank >= failing.rank for _, f in results):
        return EXIT_FINDINGS
    return EXIT_OK


def _build_options(args: argparse.Namespace) -> BuildOptions | None:
    """The build the command line describes (`--build-arg`, `--target`), or None."""
    pairs = [parse_build_arg(text, os.environ) for text in args.build_args]
    build_args = dict(pair for pair in pairs if pair is not None)
    if not build_args and args.target is None:
        return None
    return BuildOptions(build_args, args.target)


def _fix(item: BatchFile, findings: list[Finding], config: LintConfig, safe_only: bool) -> tuple[int, list[Finding]]:
    """Apply the fixes (the safe ones only, unless told) to the file in place; the findings of the fixed
    file are returned."""

    def relint(text: str) -> list[Finding]:
        return lint(
            text, kind=item.kind, filename=item.path, config=config, files=item.files, build=item.build
        ).findings

    new_content, applied = fix_until_stable(item.content, findings, relint, safe_only=safe_only)
    if not applied:
        return 0, findings
    Path(item.path).write_text(new_content, encoding="utf-8")
    return applied, relint(new_content)


def _write(output_format: str, results: list[tuple[str, Finding]], out: TextIO, lang: str = ENGLISH) -> None:
    if output_format == "json":
        _write_json([{"file": path, **finding.to_dict()} for path, finding in results], out)
    elif output_format == "sarif":
        _write_json(sarif_log(results, lang), out)
    elif output_format in _CI_FORMATS:
        from dockwright.cli.reports import WRITERS  # here: most runs never need XML or hashing

        WRITERS[output_format](results, out)
    else:
        for path, f in results:
            out.write(f"{path}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}\n")
        files = len({path for path, _ in results})
        summary = Message("{count} finding(s) in {files} file(s)", count=len(results), files=files)
        out.write(render(summary if results else Message("no findings"), lang) + "\n")


if __name__ == "__main__":
    run()
