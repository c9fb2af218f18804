"""The final account (部门决算) composed from the line items' 决算数, their budgets as the 年初预算
and the 结转结余 sheet: the 2024 template's parts and nine tables, read back from every format as
composed, passed by the audit without an error or a warning — for the department and for a unit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from composed_pdf import assert_says_the_same, check_pdf
from yusuan.api import audit_file, parse_file, preflight
from yusuan.compose import InputError, compose, load
from yusuan.compose.output import write
from yusuan.compose.units import unit_budget
from yusuan.model import DocumentKind, DocumentScope, Side

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "示例市人力资源和社会保障局2024年度决算.yaml"
BUDGET = REPO / "examples" / "示例市人力资源和社会保障局2025年预算.yaml"
FORMATS = ["pdf", "docx", "xlsx", "html"]
# the template's nine tables, in its order (部门决算模板2024.pdf, 目录 on p.2)
TEMPLATE_TABLES = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
                   "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
                   "国有资本经营预算财政拨款收入支出决算表"]


@pytest.fixture(scope="module", params=["department", "unit"])
def final(request, tmp_path_factory):
    data = load(EXAMPLE)
    if request.param == "unit":
        data = unit_budget(data, "118002")  # 示例市就业服务中心: no carries of its own
    doc = compose(data, "final")
    paths = write(doc, tmp_path_factory.mktemp(f"final-{request.param}"), FORMATS)
    return doc, {p.suffix[1:]: p for p in paths}



def test_the_template_skeleton(final):
    doc, _ = final
    d = doc.disclosure
    assert d.meta.kind == DocumentKind.FINAL_ACCOUNT and d.meta.year == 2024
    assert [t.title for t in d.tables] == TEMPLATE_TABLES
    parts = [s.heading for s, level in doc.sections() if level == 1]
    who = d.meta.department
    own = "单位" if d.meta.scope == DocumentScope.UNIT else "部门"
    assert parts == [f"第一部分 {who}概况", f"第二部分 {who}2024年度{own}决算表", f"第三部分 {who}2024年度{own}决算情况说明",
                     "第四部分 名词解释"]
    items = [s.heading for s, level in doc.sections() if level == 2]
    assert items[:2] == ["一、主要职能", f"二、{own}决算单位构成"] and items[-1] == "十一、其他重要事项说明"


def test_income_is_spending_plus_the_carries():
    """The example's 结转结余 sheet, read by hand: 2080702 一般公共预算 年初 300,000 / 年末 196,000;
    2120899 政府性基金 年末 96,000; its 政府性基金 line item's 决算数 is 1,200,000."""
    d = compose(load(EXAMPLE), "final").disclosure
    summary = {(r.label, r.section): r.values["total"] for r in d.table("summary").rows}
    assert summary[("年初结转和结余", Side.INCOME)] == Decimal("30.00")
    assert summary[("年末结转和结余", Side.EXPENDITURE)] == Decimal("29.20")
    assert summary[("本年收入合计", Side.INCOME)] + Decimal("30.00") == \
        summary[("本年支出合计", Side.EXPENDITURE)] + Decimal("29.20") == summary[("总计", Side.INCOME)]
    # a unit's final account carries only its own money: 118002 has no 结转结余 line
    unit = compose(unit_budget(load(EXAMPLE), "118002"), "final").disclosure
    unit_summary = {(r.label, r.section): r.values["total"] for r in unit.table("summary").rows}
    assert unit_summary[("年初结转和结余", Side.INCOME)] == unit_summary[("年末结转和结余", Side.EXPENDITURE)] == 0
    assert unit.table("gov_fund").empty_by_design
    fund = d.table("gov_fund").rows[-1]
    assert fund.code == "2120899"
    assert (fund.values["current_total"], fund.values["total"], fund.values["carry_forward"]) == \
        (Decimal("129.60"), Decimal("120.00"), Decimal("9.60"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_final_account_reads_back_as_composed(final, fmt):
    doc, paths = final
    composed = doc.disclosure
    parsed = parse_file(paths[fmt])
    assert (parsed.meta.kind, parsed.meta.scope, parsed.meta.year, parsed.meta.department) == \
        (composed.meta.kind, composed.meta.scope, composed.meta.year, composed.meta.department)
    assert len(composed.figures) >= 15
    assert_says_the_same(parsed, composed)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_audit_passes_the_final_account(final, fmt):
    _, paths = final
    report = audit_file(paths[fmt])
    assert [f"{f.rule} {f.message}" for f in report.findings if f.severity in ("error", "warning")] == []


def test_the_final_account_pdf_prints_cover_contents_and_page_numbers(final):
    doc, paths = final
    check_pdf(doc, paths["pdf"])
    assert preflight(paths.values(), doc) == []


def test_a_carry_that_makes_the_income_negative_is_refused(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("年初结转和结余（元）: 300000.00", "年初结转和结余（元）: 9000000.00")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="本年收入将为负数"):
        compose(load(broken), "final")


def test_a_final_account_needs_every_line_items_actual():
    with pytest.raises(InputError) as raised:
        compose(load(BUDGET), "final")  # the budget example gives no 决算数
    problems = raised.value.problems
    assert len(problems) == len(load(BUDGET).items)
    assert str(problems[0]) == "工作表「支出明细」第 1 行「决算数（元）」：编制决算须填写每笔支出的决算数"
