import pytest

from dockwright.dockerignore import excluding_pattern, parse_dockerignore

IGNORE = """
# comment
node_modules
**/*.pyc
.env*
!.env.example
docs/
/build
tmp/**/cache
a?c
[xy].txt
"""


@pytest.mark.parametrize(
    ("path", "pattern"),
    [
        ("node_modules", "node_modules"),
        ("node_modules/x/y.js", "node_modules"),
        ("a/b/c.pyc", "**/*.pyc"),
        ("c.pyc", "**/*.pyc"),
        (".env", ".env*"),
        (".env.local", ".env*"),
        ("docs/a.md", "docs"),
        ("./build/x", "build"),
        ("/build", "build"),
        ("tmp/cache", "tmp/**/cache"),
        ("tmp/a/b/cache/f", "tmp/**/cache"),
        ("abc", "a?c"),
        ("x.txt", "[xy].txt"),
    ],
)
def test_excluded_paths_name_the_pattern_that_excludes_them(path: str, pattern: str) -> None:
    found = excluding_pattern(parse_dockerignore(IGNORE), path)
    assert found is not None and found.text == pattern


@pytest.mark.parametrize("path", [".env.example", "src/build", "src/app.py", "a/c", "abbc", "z.txt", "tmpx/cache"])
def test_kept_paths_are_not_excluded(path: str) -> None:
    assert excluding_pattern(parse_dockerignore(IGNORE), path) is None


def test_patterns_keep_their_line_numbers() -> None:
    assert [p.line for p in parse_dockerignore("a\n\n# c\n!b\n")] == [1, 4]
