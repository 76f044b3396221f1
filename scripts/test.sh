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
.venv/bin/goodpractice schema --check
.venv/bin/goodpractice issue-form --check
.venv/bin/goodpractice check
.venv/bin/python -m pytest "$@"
