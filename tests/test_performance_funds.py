"""Fund sources in performance-target tables (其中：财政拨款 / 其他资金 / 中央…市县财政资金 / 单位自筹)
read from the seeds, and PERF-005 on them. Expected values are read by hand from the seed texts
(line numbers given); planted defects edit a copy of the real text."""

from __future__ import annotations

from decimal import Decimal

from conftest import seed_path
from yusuan.api import parse_file
from yusuan.audit import audit
from yusuan.model import Severity


def _funds(target, period=False):
    return [(f.name, f.amount) for f in target.funds if f.period == period]


def test_key_value_tables_with_the_period_and_the_year_side_by_side(parsed):
    # seed 002 lines 503-508: 实施期资金总额 27,300 | 年度资金总额 27,300, then 中央/省级/市县（区）财政资金,
    # 单位自筹, 其他资金 in both columns
    target = next(t for t in parsed("002").performance if t.name == "遗属补助及取暖费")
    assert (target.amount, target.period_amount) == (Decimal("27300"), Decimal("27300"))
    want = [("中央财政资金", Decimal("0")), ("省级财政资金", Decimal("0")), ("市县（区）财政资金", Decimal("27300")),
            ("单位自筹", Decimal("0")), ("其他资金", None)]
    assert _funds(target) == want and _funds(target, period=True) == want


def test_key_value_tables_with_the_year_only(parsed):
    # seed 004 lines 699-701: 年度预算资金总额 90, 其中:财政拨款 90, 其他资金 (empty)
    target = next(t for t in parsed("004").performance if t.name == "聊城市首席技师政府津贴")
    assert target.amount == Decimal("90") and _funds(target) == [("财政拨款", Decimal("90")), ("其他资金", None)]


def test_tables_listing_many_projects_with_fund_columns(parsed):
    # seed 000 lines 727-730: 资金总额 | 政府预算资金 | 财政专户管理资金 | 单位资金; 驻村帮扶… 10.00 | 10.00 | |
    target = parsed("000").performance[0]
    assert target.name == "驻村帮扶工作经费专项-驻村帮扶工作经费"
    assert _funds(target) == [("政府预算资金", Decimal("10.00")), ("财政专户管理资金", None), ("单位资金", None)]


def _planted(tmp_path, seed: str, old: str, new: str):
    text = seed_path(seed).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / f"{seed}.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return [f for f in audit(parse_file(path), select=["PERF-005"]).findings]


def test_sources_against_the_total(parsed, tmp_path):
    for seed in ("000", "002", "004"):
        assert [f for f in audit(parsed(seed), select=["PERF-005"]).findings] == []
    # 当年财政拨款 larger than the 资金总额: an error
    over = _planted(tmp_path, "004", "\t\t其中:财政拨款\t90\t", "\t\t其中:财政拨款\t95\t")
    assert [(f.severity, f.expected, f.actual) for f in over] == [(Severity.ERROR, Decimal("90"), Decimal("95"))]
    assert "财政拨款 95" in over[0].message and {e.location.line for e in over[0].evidence} >= {700}
    # sources adding up to less than the total: a warning (a source may be missing)
    under = _planted(tmp_path, "004", "\t\t其中:财政拨款\t90\t", "\t\t其中:财政拨款\t80\t")
    assert [(f.severity, f.actual) for f in under] == [(Severity.WARNING, Decimal("80"))]


def test_department_level_target_tables_state_the_budget(parsed):
    # seed 000 lines 659-664 and seed 001 lines 537-542, read by hand
    (org,) = parsed("000").org_targets
    assert (org.total.name, org.total.value, org.total.location.line) == ("部门预算总额", Decimal("11844.10"), 659)
    assert [(s.name, s.value) for s in org.structure] == [("基本支出", Decimal("4033.20")), ("项目支出", Decimal("7810.90"))]
    (org,) = parsed("001").org_targets
    assert org.total.value == Decimal("7563.33")
    assert [s.value for s in org.structure] == [Decimal("7130.19"), Decimal("433.15")]


def test_department_level_budget_against_the_budget_tables(parsed, tmp_path):
    assert [f for f in audit(parsed("000"), select=["PERF-007"]).findings] == []
    text = seed_path("000").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "(2)项目支出" in x and "7,810.90" in x)
    path = tmp_path / "000.txt"
    path.write_text(text.replace(line, line.replace("7,810.90", "7,710.90")), encoding="utf-8")
    found = audit(parse_file(path), select=["PERF-007"]).findings
    assert sorted((f.expected, f.actual) for f in found) == [(Decimal("7810.90"), Decimal("7710.90")),
                                                             (Decimal("11844.10"), Decimal("11744.10"))]
    assert all(f.severity == Severity.WARNING and any(e.location.line == 664 for e in f.evidence) for f in found)


def test_special_fund_target_tables_are_read_but_not_paired_with_projects(parsed):
    # seed 004 lines 609-631: 专项资金名称 职业教育发展专项资金, 年度预算资金（万元） 1410, 13 indicators
    fund = next(t for t in parsed("004").performance if t.name == "职业教育发展专项资金")
    assert (fund.source_table, fund.amount, fund.project) == ("special_fund_performance", Decimal("1410"), None)
    assert ("学校、学生满意度", "≤", Decimal("98")) in [(i.name, i.operator, i.number) for i in fund.indicators]
    coverage = [f.message for f in audit(parsed("004"), select=["PERF-002"]).findings]
    assert not [m for m in coverage if "职业教育发展专项资金" in m]  # a fund needs no project row


def test_the_target_count_amount_and_coverage_stated_against_the_tables(tmp_path):
    """Seed 002 line 441: 公开项目绩效目标 9 个，涉及项目金额 115.23 万元，占本单位项目支出总额的 100%
    (the 项目支出 table, line 173: 115.23; nine projects with targets)."""
    sentence = "公开项目绩效目标 9 个，涉及项目金额 115.23 万元，占本单位项目支出总额的 100%"

    def planted(new: str) -> set[str]:
        text = seed_path("002").read_text(encoding="utf-8")
        assert text.count(sentence) == 1
        path = tmp_path / "002.txt"
        path.write_text(text.replace(sentence, new), encoding="utf-8")
        return {f.rule for f in audit(parse_file(path), select=["NARR-003", "NARR-012"]).findings}

    assert planted(sentence) == set()
    assert planted(sentence.replace("100%", "90%")) == {"NARR-003"}  # coverage: 115.23 / 115.23
    assert "NARR-012" in planted(sentence.replace("绩效目标 9 个", "绩效目标 8 个"))
