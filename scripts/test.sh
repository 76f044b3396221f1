#!/usr/bin/env bash
# Quick start, step 2: every check the project has. Run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "No .venv yet: run scripts/setup.sh first." >&2
  exit 2
fi
.venv/bin/ruff check src tests scripts
.venv/bin/ruff format --check src tests scripts
.venv/bin/mypy
# The layers of the package, no import cycles, and no MkDocs in the core (pyproject.toml).
.venv/bin/lint-imports --no-cache
.venv/bin/goodpractice schema --check
.venv/bin/goodpractice issue-form --check
.venv/bin/goodpractice template --check
.venv/bin/goodpractice check
# On every core (pytest-xdist); pass -n 0 to run in one process, -m "not browser" for speed.
.venv/bin/python -m pytest -n auto "$@"
