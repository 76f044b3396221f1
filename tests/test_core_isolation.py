"""The core never imports MkDocs, so the platform can move to another static site generator."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "src" / "goodpractice" / "core"
FRAMEWORKS = ("mkdocs", "material", "mkdocs_static_i18n")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_mkdocs() -> None:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) > 10
    offenders = {
        path.name: sorted(_imports(path) & set(FRAMEWORKS))
        for path in modules
        if _imports(path) & set(FRAMEWORKS)
    }
    assert offenders == {}
