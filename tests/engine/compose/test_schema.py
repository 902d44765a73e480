"""Schema validation: every error at its own position, with a readable message."""

from dockwright.compose.parser import parse_compose
from dockwright.compose.schema import compose_schema, schema_errors


def _errors(text: str, env: str | None = None) -> list[tuple[int, int, str]]:
    document = parse_compose(text, env)
    return [(e.span.start_line, e.span.start_column, e.message) for e in schema_errors(document)]


def test_the_schema_is_the_one_check_jsonschema_vendors() -> None:
    schema = compose_schema()
    assert schema["title"] == "Compose Specification"
    assert "services" in schema["properties"]


def test_every_error_is_reported_at_its_key_or_value() -> None:
    text = (
        "services:\n"
        "  web:\n"
        "    image: nginx:1.27\n"
        "    enviroment: {}\n"
        "    ports: 80\n"
        "  db:\n"
        "    image: 17\n"
        "    restart: [always]\n"
        "unknown: 1\n"
    )
    assert _errors(text) == [
        (4, 5, "services.web.enviroment: unknown key 'enviroment'"),
        (5, 12, "services.web.ports: expected a list, got the number 80"),
        (7, 12, "services.db.image: expected a string, got the number 17"),
        (8, 14, "services.db.restart: expected a string, got a list"),
        (9, 1, "unknown: unknown key 'unknown'"),
    ]


def test_valid_keys_next_to_an_invalid_one_are_not_reported() -> None:
    errors = _errors("services:\n  web:\n    image: nginx:1.27\n    build: .\n    bogus: 1\n")
    assert errors == [(5, 5, "services.web.bogus: unknown key 'bogus'")]


def test_a_mapping_entry_missing_a_required_key_is_reported_at_the_entry() -> None:
    errors = _errors(
        "services:\n  web:\n    image: x:1\n    depends_on:\n      db: {restart: true}\n  db:\n    image: x:1\n"
    )
    assert errors == [(5, 7, "services.web.depends_on.db: 'condition' is a required property")]


def test_values_are_validated_after_interpolation() -> None:
    text = "services:\n  web:\n    image: x:1\n    restart: ${RESTART:-always}\n    ports: ['${PORT}:80']\n"
    assert _errors(text) == []


def test_a_valid_file_has_no_errors() -> None:
    text = (
        "name: shop\n"
        "x-env: &env\n  TZ: UTC\n"
        "services:\n"
        "  web:\n"
        "    image: nginx:1.27\n"
        "    environment:\n      <<: *env\n      MODE: prod\n"
        "    ports: ['127.0.0.1:8080:80', {target: 443, published: '8443', protocol: tcp}]\n"
        "    healthcheck: {test: [CMD, curl, -f, http://localhost], interval: 10s}\n"
        "    deploy: {replicas: 2, resources: {limits: {cpus: '0.5', memory: 128M}}}\n"
        "volumes:\n  data:\n"
    )
    assert _errors(text) == []
