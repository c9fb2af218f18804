"""`yusuan audit` and `yusuan rules`: exit codes, formats, written reports."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from conftest import REPO, seed_path
from yusuan.cli import app

runner = CliRunner()
EXAMPLE = REPO / "examples" / "示例区人力资源局2025年部门预算.txt"


def test_exit_codes(tmp_path):
    assert runner.invoke(app, ["audit", str(EXAMPLE)]).exit_code == 0
    assert runner.invoke(app, ["audit", str(seed_path("000"))]).exit_code == 1
    missing = runner.invoke(app, ["audit", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2
    assert runner.invoke(app, ["audit", str(EXAMPLE), "--select", "NOPE"]).exit_code == 2


def test_json_report_schema():
    result = runner.invoke(app, ["audit", str(seed_path("003")), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["schema"] == "yusuan.audit/2"
    assert data["summary"]["errors"] == 2
    assert set(data["summary"]) == {"errors", "warnings", "notices", "rules_run", "rules_not_checked"}
    assert data["disclosure"]["schema"] == "yusuan.disclosure/2"
    unit = [f for f in data["findings"] if f["rule"] == "UNIT-001"][0]
    assert unit["evidence"][0]["location"]["line"] == 2234 and "4000元" in unit["evidence"][0]["excerpt"]


def test_html_report_written_with_highlighted_numbers(tmp_path):
    result = runner.invoke(app, ["audit", str(seed_path("000")), "--format", "html", "--out", str(tmp_path)])
    assert result.exit_code == 1
    page = (tmp_path / f"{seed_path('000').stem}.audit.html").read_text(encoding="utf-8")
    assert "<mark>5,577.50</mark>" in page and "XTAB-001" in page
    assert not list(tmp_path.glob("*.part"))


def test_ignore_turns_off_the_rule():
    result = runner.invoke(app, ["audit", str(seed_path("000")), "--ignore", "XTAB", "--format", "json"])
    assert result.exit_code == 0
    assert not [f for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("XTAB")]


def test_rules_listing_and_docs_in_sync():
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0 and "PERF-001" in listing.stdout
    detail = runner.invoke(app, ["rules", "UNIT-001"])
    assert "被征地农民社会保障费4000元" in detail.stdout
    markdown = runner.invoke(app, ["rules", "--markdown"]).stdout
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8").strip() == markdown.strip()


def test_several_files_go_on_past_a_bad_one_and_keep_same_named_outputs_apart(tmp_path):
    first, second = tmp_path / "a" / "预算.txt", tmp_path / "b" / "预算.txt"
    for path, seed in ((first, "000"), (second, "001")):
        path.parent.mkdir()
        path.write_bytes(seed_path(seed).read_bytes())
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"<html><body>" + b"<div>" * 20_000)
    out = tmp_path / "out"
    result = runner.invoke(app, ["audit", str(first), str(broken), str(second), "--out", str(out)])
    assert result.exit_code == 2  # a file could not be read; the others were audited
    reports = sorted(p.name for p in out.iterdir())
    assert reports == ["预算.audit.txt", "预算（2）.audit.txt"]
    assert "济源" in (out / "预算.audit.txt").read_text(encoding="utf-8")
    assert "三门峡" in (out / "预算（2）.audit.txt").read_text(encoding="utf-8")


def test_out_naming_an_existing_file_is_refused_before_any_work(tmp_path):
    taken = tmp_path / "report.txt"
    taken.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["audit", str(EXAMPLE), "--out", str(taken)])
    assert result.exit_code == 2 and "不是目录" in result.output
    assert taken.read_text(encoding="utf-8") == "keep me"
