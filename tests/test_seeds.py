"""The five real seed documents: inventory, main expenditure table, key figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from expected_seeds import EMPTY_BY_DESIGN, EXPENDITURE, FIGURES, INVENTORY

SEEDS = ["000", "001", "002", "003", "004"]
PERFORMANCE_KINDS = {"project_performance", "special_fund_performance", "org_performance"}


def _amount(text: str) -> Decimal | None:
    return Decimal(text) if text else None


@pytest.mark.parametrize("seed", SEEDS)
def test_inventory(parsed, seed):
    disclosure = parsed(seed)
    expected = INVENTORY[seed]
    kinds_expected = {k for k, _ in expected}
    found = [(t.kind, t.location.line) for t in disclosure.tables
             if t.kind not in PERFORMANCE_KINDS or t.kind in kinds_expected]
    found = [f for f in found if f[0] not in PERFORMANCE_KINDS or f in expected]
    assert found == expected


@pytest.mark.parametrize("seed", SEEDS)
def test_empty_tables_are_present_and_empty(parsed, seed):
    disclosure = parsed(seed)
    empty = {t.kind for t in disclosure.tables if t.empty_by_design and t.kind not in PERFORMANCE_KINDS}
    assert empty == EMPTY_BY_DESIGN[seed]


@pytest.mark.parametrize("seed", SEEDS)
def test_main_expenditure_rows(parsed, seed):
    table = parsed(seed).table("expenditure")
    assert table is not None
    rows = [r for r in table.rows if r.role == "item" and r.code]
    got = [(r.code, r.label, r.values.get("total"), r.values.get("basic"), r.values.get("project"))
           for r in rows]
    want = [(code, name, _amount(total), _amount(basic), _amount(project))
            for code, name, total, basic, project in EXPENDITURE[seed]]
    assert got == want


@pytest.mark.parametrize("seed", SEEDS)
def test_key_figures(parsed, seed):
    figures = parsed(seed).figures
    got = {k: f.value for k, f in figures.items()}
    want = {k: Decimal(v) for k, v in FIGURES[seed].items()}
    assert got == want


@pytest.mark.parametrize("seed", SEEDS)
def test_figures_point_at_their_source(parsed, seed):
    for figure in parsed(seed).figures.values():
        assert figure.location.line and figure.location.line > 0
        assert figure.source


def test_rows_after_page_break_realigned(parsed):
    """000 lines 294-299 lost empty cells after a page break; they go back to 项目支出/特定目标类."""
    table = parsed("000").table("expenditure")
    by_line = {r.location.line: r for r in table.rows}
    row = by_line[294]  # 其他就业补助支出: basic 233.90 = wages; project 2.00 = 特定目标类
    assert row.values == {"total": Decimal("235.90"), "basic": Decimal("233.90"),
                          "wages": Decimal("233.90"), "project": Decimal("2.00"),
                          "specific_purpose": Decimal("2.00")}
    assert "realigned" in row.flags
    for line, amount in [(295, "121.00"), (296, "1573.00"), (297, "200.00"), (298, "1134.50"), (299, "242.00")]:
        assert by_line[line].values == {"total": Decimal(amount), "project": Decimal(amount),
                                        "specific_purpose": Decimal(amount)}
    # the clean row right after the break is untouched
    assert by_line[300].flags == []


def test_realigned_columns_add_up_to_the_total_row(parsed):
    for kind in ("expenditure", "gpb_expenditure"):
        table = parsed("000").table(kind)
        total = next(r for r in table.rows if r.role == "total")
        leaves = [r for r in table.rows if r.role == "item" and r.code]
        for column in table.columns:
            assert sum((r.values.get(column, Decimal(0)) for r in leaves), Decimal(0)) == total.values.get(column, Decimal(0))


def test_income_row_it_must_not_guess(parsed):
    """000 收入表 lines 239-241: 上年结转 884.50 slid one cell left. The table's own identities
    fit 上年结转/一般公共预算 and 上年结转/政府性基金 equally (only the 收支总表 tells), so the rows
    are kept as printed and marked, never silently moved."""
    table = parsed("000").table("income")
    rows = {r.location.line: r for r in table.rows}
    for line in (239, 240, 241):
        assert rows[line].flags == ["ambiguous"]
        assert rows[line].values["carryover"] == Decimal("884.50")
    assert rows[242].flags == []
    assert any("第 239 行" in w and "无法唯一对齐" in w for w in table.warnings)


def test_meta(parsed):
    assert parsed("000").meta.department == "济源产城融合示范区人力资源和社会保障局"
    assert parsed("001").meta.year == 2023
    assert parsed("003").meta.department == "唐山高新技术产业开发区人力资源和社会保障局"
    assert all(parsed(s).meta.kind == "budget" for s in SEEDS)


def test_narrative_claims(parsed):
    claims = [c for s in parsed("000").narrative for c in s.claims]
    change = next(c for c in claims if c.kind == "change_amount" and c.value == Decimal("4521.90"))
    assert change.direction == "decrease" and change.location.line == 94
    share = next(c for c in claims if c.kind == "share" and c.value == Decimal("34.05"))
    assert share.location.line == 102
    # 003 states 被征地农民社会保障费 "4000元" although the tables are in 万元
    yuan = [c for s in parsed("003").narrative for c in s.claims if c.unit == "元" and c.value == 4000]
    assert yuan and "被征地农民社会保障费" in yuan[0].subject


def test_projects_and_types(parsed):
    projects = parsed("000").projects
    assert len(projects) == 50
    assert projects[0].name == "人力资源综合业务管理-基层人社所运行费用"
    assert projects[0].project_type == "其他运转类" and projects[0].amount == Decimal("18.00")
    assert sum(p.amount for p in projects) == Decimal("7810.90")
    projects_004 = parsed("004").projects
    assert next(p for p in projects_004 if p.name == "办公楼周边防水改造").amount == Decimal("113.40")


def test_performance_targets(parsed):
    targets = {t.name: t for t in parsed("000").performance}
    target = targets["驻村帮扶工作经费专项-驻村帮扶工作经费"]
    assert target.code == "419001230000000106012" and target.amount == Decimal("10.00")
    assert any(i.name == "补助发放人数" and i.value_text == "3人" for i in target.indicators)
    kv = {t.name: t for t in parsed("003").performance}
    assert kv["党员档案集中管理经费"].amount == Decimal("50.00")


def test_unit_and_department_documents(parsed):
    # 002 line 5 "2024 年度单位预算"; 000 line 3 "…人力资源和社会保障局部门预算说明"
    assert parsed("002").meta.scope == "unit"
    assert parsed("000").meta.scope == "department"
