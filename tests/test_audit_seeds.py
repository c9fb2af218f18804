"""The audit on the five real seeds.

EXPECTED_ERRORS is the complete list of error-severity findings, each checked by hand against
the document (the comment says what the document prints). The test fails on any extra error (a
false alarm) as well as on a missing one.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest

from conftest import seed_path
from yusuan.api import audit_file

EXPECTED_ERRORS = {
    # 收支总表 line 195 "其中：财政拨款 5,577.50"; 收入表 line 239 and 财政拨款收支总表 line 315 say 5,962.10
    # (5,962.10 + 上级提前下达 3,424.50 = 一般公共预算 9,386.60, so 5,577.50 is the wrong one).
    "000": [("XTAB-001", 195)],
    # 目录 line 23 lists 一、部门收支总体情况表; the tables start at 预算02表 (收入). 30239 其他交通费用 and
    # 30229 福利费 (lines 351, 357, 375, 381) are printed under 人员经费; their 314.74 is exactly the
    # gap between 支出表 商品和服务支出 556.75 and 基本支出表 公用经费 242.01 (and likewise 人员经费).
    "001": [("COMP-001", 23), ("XTAB-001", 249), ("XTAB-001", 249), ("CLASS-001", 351), ("CLASS-001", 357),
            ("CLASS-001", 375), ("CLASS-001", 381)],
    # 项目支出表 (万元) vs the untitled performance tables (元), 年度资金总额: 信息化建设 38.50 vs 20000;
    # 公开招聘 2.00 vs 270,000; 技能运城 27.00 vs 120,000; 劳动关系和维权 10.00 vs 50,000;
    # 机关运行经费 5.00 vs 5000; 推动就业社保服务全覆盖 20.00 vs 100,000. 遗属补助 2.73 = 27,300 and
    # the two 5.00 = 50,000 projects agree.
    "002": [("PERF-001", 361), ("PERF-001", 364), ("PERF-001", 365), ("PERF-001", 366), ("PERF-001", 367),
            ("PERF-001", 368)],
    # line 2234 "被征地农民社会保障费4000元，高新区区级人才发展资金2800元": the performance tables say
    # 4000.00 and 2800.00 万元 (and the same sentence gives every other project in 万元).
    "003": [("UNIT-001", 2234), ("UNIT-001", 2234)],
    # 项目支出预算情况表 line 514 办公楼周边防水改造 113.40; its performance table (line 881) 113.7.
    "004": [("PERF-001", 514)],
}


@cache
def _report(seed: str):
    return audit_file(seed_path(seed))


@pytest.mark.parametrize("seed", sorted(EXPECTED_ERRORS))
def test_errors_are_exactly_the_genuine_defects(seed):
    report = _report(seed)
    errors = sorted((f.rule, f.first_line) for f in report.findings if f.severity == "error")
    assert errors == sorted(EXPECTED_ERRORS[seed])
    assert not [n for n in report.not_checked if "规则执行出错" in n.reason]


def test_000_fiscal_appropriation_numbers():
    finding = next(f for f in _report("000").findings if f.rule == "XTAB-001")
    assert (finding.expected, finding.actual, finding.difference) == (
        Decimal("5577.50"), Decimal("5962.10"), Decimal("384.60"))
    assert [e.location.line for e in finding.evidence] == [195, 315]
    assert "5,577.50" in finding.evidence[0].excerpt


def test_001_public_operating_across_tables():
    findings = [f for f in _report("001").findings if f.rule == "XTAB-001"]
    public = next(f for f in findings if "公用经费" in f.message)
    assert (public.expected, public.actual) == (Decimal("242.01"), Decimal("556.75"))
    classes = [f for f in _report("001").findings if f.rule == "CLASS-001"]
    assert sum(f.actual for f in classes) == Decimal("314.74")


def test_002_project_amounts_against_performance_tables_in_yuan():
    by_line = {f.first_line: f for f in _report("002").findings if f.rule == "PERF-001"}
    assert (by_line[361].expected, by_line[361].actual) == (Decimal("38.50"), Decimal("2"))
    assert (by_line[364].expected, by_line[364].actual) == (Decimal("2.00"), Decimal("27"))
    assert (by_line[368].expected, by_line[368].actual) == (Decimal("20.00"), Decimal("10"))


def test_003_yuan_written_for_wan():
    values = sorted(f.actual for f in _report("003").findings if f.rule == "UNIT-001")
    assert values == [Decimal("0.28"), Decimal("0.4")]


def test_004_waterproofing_project():
    finding = next(f for f in _report("004").findings if f.rule == "PERF-001")
    assert "办公楼周边防水改造" in finding.message
    assert (finding.expected, finding.actual) == (Decimal("113.40"), Decimal("113.7"))
    cost = [f for f in _report("004").findings if f.rule == "PERF-003" and "防水改造费用" in f.message]
    assert cost and cost[0].severity == "warning"
