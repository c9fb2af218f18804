#!/usr/bin/env bash
# Set up a virtual environment with yusuan and its dev tools, then parse the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
[ -d .venv ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
.venv/bin/yusuan parse "examples/示例区人力资源局2025年部门预算.txt"
.venv/bin/yusuan audit "examples/示例区人力资源局2025年部门预算.txt"
