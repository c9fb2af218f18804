#!/usr/bin/env bash
# Set up everything (system packages, virtual environment with yusuan and its dev tools), then
# run the main job on the bundled example: compose the fictional department's disclosure in all
# four formats and audit each file.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-system.sh
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
[ -d .venv ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev,ocr]'
EXAMPLE="examples/示例市人力资源和社会保障局2025年预算.yaml"
.venv/bin/yusuan compose "$EXAMPLE" --out out/example
.venv/bin/yusuan audit out/example/*.docx out/example/*.xlsx out/example/*.pdf out/example/*.html
echo "网页应用：.venv/bin/yusuan serve --example（浏览器打开 http://127.0.0.1:8000/）"
