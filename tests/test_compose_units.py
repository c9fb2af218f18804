"""One budget unit's own budget (单位预算) from the department's input: composed in both families,
read back from every format as the same tables and figures, called a 单位预算 throughout, and
passed by the audit without an error or a warning; the CLI writes one document per unit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from composed_pdf import assert_says_the_same
from yusuan.api import audit_file, parse_file
from yusuan.cli import app
from yusuan.compose import compose, load
from yusuan.compose.output import write
from yusuan.compose.units import UnknownUnit, unit_budget
from yusuan.model import DocumentScope

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "示例市人力资源和社会保障局2025年预算.yaml"
FORMATS = ["pdf", "docx", "xlsx", "html"]


@pytest.fixture(scope="module", params=["national", "shanghai"])
def unit_document(request, tmp_path_factory):
    data = unit_budget(load(EXAMPLE), "118002")  # 示例市就业服务中心, a 事业单位
    doc = compose(data, request.param)
    paths = write(doc, tmp_path_factory.mktemp(f"unit-{request.param}"), FORMATS)
    return doc, {p.suffix[1:]: p for p in paths}



def test_only_the_units_own_money(unit_document):
    doc, _ = unit_document
    d = doc.disclosure
    assert d.meta.scope == DocumentScope.UNIT and d.meta.department == "示例市就业服务中心"
    assert doc.title == "示例市就业服务中心2025年单位预算"
    # the example's 118002 lines (支出明细): 3,255,061.15 元 of basic spending and two projects
    expected = Decimal("1286200.00") + Decimal("342150.00") + Decimal("968400.00") + Decimal("64300.00") + \
        Decimal("12840.75") + Decimal("48960.00") + Decimal("26000.00") + Decimal("185000.00") + \
        Decimal("412355.20") + Decimal("198660.40") + Decimal("308650.00") + Decimal("1860000.00") + \
        Decimal("720000.00")
    assert sum(i.amount for i in unit_budget(load(EXAMPLE), "118002").items) == expected
    assert all("部门预算" not in line.text for line in doc.contents)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_unit_budget_reads_back_as_composed(unit_document, fmt):
    doc, paths = unit_document
    parsed = parse_file(paths[fmt])
    composed = doc.disclosure
    assert parsed.meta.scope == DocumentScope.UNIT and parsed.meta.department == composed.meta.department
    assert_says_the_same(parsed, composed)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_audit_passes_the_unit_budget(unit_document, fmt):
    _, paths = unit_document
    report = audit_file(paths[fmt])
    assert [f"{f.rule} {f.message}" for f in report.findings if f.severity in ("error", "warning")] == []


def test_a_unit_without_its_own_duties_or_spending_is_refused():
    data = load(EXAMPLE)
    with pytest.raises(UnknownUnit, match="没有代码 999"):
        unit_budget(data, "999")


def test_the_cli_writes_one_budget_per_unit(tmp_path):
    result = CliRunner().invoke(app, ["compose", str(EXAMPLE), "--out", str(tmp_path), "--format", "html",
                                      "--unit", "all"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{name}2025年单位预算.html" for name in ("示例市人力资源和社会保障局（本级）", "示例市就业服务中心", "示例市劳动人事争议仲裁院"))
    refused = CliRunner().invoke(app, ["compose", str(EXAMPLE), "--out", str(tmp_path / "x"), "--unit", "999"])
    assert refused.exit_code == 2 and "没有代码 999" in refused.output and not (tmp_path / "x").exists()
