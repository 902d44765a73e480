from dockwright.lint import lint
from tests.engine.rule_table import TODAY, rule_table

TRIGGERS = [
    ("FROM alpine:3.20\nARG APP_DIR=/srv/app\nCOPY app.py $APP_DRI/\n", 3, 13),
    ("FROM alpine:3.20\nWORKDIR ${APP_ROOT}\n", 2, 9),
    ("FROM alpine:3.20\nCOPY --chown=$APP_USER:app a /a\n", 2, 14),
    ("FROM scratch\nENV PATH=/bin:$PATH\n", 2, 15),
    ("FROM alpine:3.20\nENV A=1\nLABEL version=$a\n", 3, 15),
    ("ARG GLOBAL=1\nFROM alpine:3.20\nRUN true\nUSER $GLOBAL\n", 4, 6),
    ('FROM alpine:3.20\nLABEL note="it\'s $APP_DRI"\n', 2, 18),
    # a variable the image reads but does not set
    ("FROM postgres:16\nCOPY x /$POSTGRES_PASSWORD\n", 2, 9),
    # a base image Dockwright does not know (reported as info, see below)
    ("FROM acme/base:1.0\nWORKDIR $APP_ROOT\n", 2, 9),
    ("ARG IMAGE=alpine:3.20\nARG OTHER\nFROM ${OTHER}\nWORKDIR $APP_ROOT\n", 4, 9),
]
NEAR_MISSES = [
    "FROM alpine:3.20\nARG APP_DIR=/srv/app\nCOPY app.py $APP_DIR/\n",
    "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n",
    "FROM alpine:3.20\nWORKDIR ${APP_ROOT:-/srv}\n",
    "FROM alpine:3.20\nRUN echo $UNDEFINED_IN_SHELL\n",
    "FROM alpine:3.20\nENV A='$NOT_EXPANDED'\n",
    "FROM alpine:3.20\nARG TAG\nLABEL tag=$TAG\n",
    "ARG GLOBAL=1\nFROM alpine:3.20\nARG GLOBAL\nUSER $GLOBAL\n",
    "FROM alpine:3.20\nENV NODE_VERSION=1\nFROM node:22-slim\nRUN true\nLABEL node=$NODE_VERSION\n",
    "FROM alpine:3.20\nCOPY a \\$LITERAL\n",
    "# check=skip=UndefinedVar\nFROM alpine:3.20\nWORKDIR $NOPE\n",
    "FROM alpine:3.20\nLABEL note=\"it's\" other='$NOT_EXPANDED'\n",
    # variables a known base image sets
    "FROM postgres:16\nCOPY init.sql $PGDATA/\n",
    "FROM postgres:16 AS db\nFROM db\nCOPY init.sql $PGDATA/\n",
]

test_triggers, test_near_misses = rule_table("DF105", TRIGGERS, NEAR_MISSES)


def severities(snippet: str) -> list[str]:
    result = lint(snippet, kind="dockerfile", config={"today": TODAY, "shellcheck": False})
    return [f.severity.value for f in result.findings if f.rule == "DF105"]


def test_certain_only_when_the_base_image_is_known() -> None:
    assert severities("FROM alpine:3.20\nWORKDIR $APP_ROOT\n") == ["warning"]
    assert severities("FROM scratch\nWORKDIR $APP_ROOT\n") == ["warning"]
    assert severities("FROM acme/base:1.0\nWORKDIR $APP_ROOT\n") == ["info"]
    assert severities("ARG IMAGE\nFROM $IMAGE\nWORKDIR $APP_ROOT\n") == ["info"]
