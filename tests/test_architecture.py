"""The package's shape: layers and cycles are held by import-linter (pyproject.toml, run by
scripts/test.sh); what it cannot see is checked here."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "goodpractice"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_from(path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def test_no_private_name_is_imported_from_another_module() -> None:
    """A name starting with '_' belongs to its module: another module that needs it gets a
    public name, so a reader can tell what a module offers from what it keeps."""
    offenders = []
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 40
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            source = _imported_from(path, node)
            if not source.startswith("goodpractice") or source == _module_name(path):
                continue
            offenders += [
                f"{_module_name(path)} imports {alias.name} from {source}"
                for alias in node.names
                if alias.name.startswith("_") and not alias.name.startswith("__")
            ]
    assert offenders == []


def test_every_package_says_what_it_holds() -> None:
    """Each subpackage opens with a docstring: ARCHITECTURE.md's map, in the code."""
    for init in sorted(PACKAGE.rglob("__init__.py")):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{init.relative_to(SRC)} has no docstring"
