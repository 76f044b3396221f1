#!/usr/bin/env bash
# Quick start, step 1: an isolated environment in .venv, then the complete site in site/.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/goodpractice build
echo
echo "The site is in site/. Preview it with live reload: .venv/bin/goodpractice serve"
echo "(then open http://127.0.0.1:8000/ for Romanian, http://127.0.0.1:8000/en/ for English)."
