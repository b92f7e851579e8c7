"""The tree keeps one room per concern: the apps do not import each other, modules stay small."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 300
# Long by nature: the demo content is data written as code, and the settings are one module
# (STYLE.md: no settings split into many modules).
LONG_ALLOWED = {"campaigns/demo.py", "config/settings.py"}


def python_files(*folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


@pytest.mark.parametrize(("app", "other"), [("campaigns", "petitions"), ("petitions", "campaigns")])
def test_an_app_never_imports_the_other(app, other):
    imports = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in python_files(app)
        for module in imported_modules(path)
        if module == other or module.startswith(f"{other}.")
    ]
    assert imports == []


def test_no_module_passes_300_lines():
    long = [
        f"{path.relative_to(ROOT)}: {lines}"
        for path in python_files("config", "sitewide", "campaigns", "petitions", "tests")
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
        and str(path.relative_to(ROOT)) not in LONG_ALLOWED
    ]
    assert long == []
