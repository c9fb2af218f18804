"""The yusuan command on the bundled example and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from yusuan.cli import app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "示例区人力资源局2025年部门预算.txt"
runner = CliRunner()


def test_parse_text_output():
    result = runner.invoke(app, ["parse", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "示例区人力资源局" in result.output
    assert "expenditure" in result.output and "1230.00" in result.output


def test_parse_json_contract(tmp_path):
    result = runner.invoke(app, ["parse", str(EXAMPLE), "--format", "json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / (EXAMPLE.stem + ".json")).read_text(encoding="utf-8"))
    assert data["schema"] == "yusuan.disclosure/2"
    assert data["meta"] == {"department": "示例区人力资源局", "year": 2025, "kind": "budget", "scope": "department",
                            "unit": "万元"}  # title: "示例区人力资源局2025年部门预算公开"
    figure = data["figures"]["total_income"]
    assert (figure["value"], figure["unit"], figure["source"]) == ("1230.00", "万元", "summary")
    assert figure["location"] == {"file": str(EXAMPLE), "line": 33, "end_line": 33, "column": 1}
    expenditure = next(t for t in data["tables"] if t["kind"] == "expenditure")
    row = next(r for r in expenditure["rows"] if r["code"] == "2080106")
    assert row["values"] == {"total": "400.00", "project": "400.00"}
    assert row["location"]["line"] == 45
    assert len(data["source"]["sha256"]) == 64
    assert not list(tmp_path.glob("*.part"))


def test_unreadable_files_exit_2_with_chinese_reason(tmp_path):
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02garbage")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    pdf = tmp_path / "x.txt"
    pdf.write_bytes(b"%PDF-1.7 ...")
    for path, reason in [(binary, "二进制"), (empty, "文件为空"), (pdf, "PDF"), (tmp_path / "missing.txt", "无法打开")]:
        proc = subprocess.run([sys.executable, "-m", "yusuan", "parse", str(path)], capture_output=True, text=True)
        assert proc.returncode == 2
        assert reason in proc.stderr and str(path) in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1


def test_bad_file_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00")
    result = subprocess.run([sys.executable, "-m", "yusuan", "parse", str(bad), str(EXAMPLE)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "示例区人力资源局" in result.stdout
