"""Defects the audit v2 rules find in the shared corpus, each confirmed by reading the page (the
rendered PDF page or the text export's line) — not taken from yusuan's output. Each must be
reported by its rule, at its place, with its severity."""

from __future__ import annotations

import pytest

from conftest import CORPUS, parse_cached
from yusuan.audit import audit
from yusuan.model import Severity

W, E = Severity.WARNING, Severity.ERROR
SH_WANLI = "pdf/上海市普陀区人民政府万里街道办事处2024年部门预算.pdf"
SH_FIN_2024 = "pdf/上海市普陀区财政局2024年度部门决算.pdf"
SH_FIN_2025 = "pdf/上海市普陀区财政局2025年部门预算.pdf"
SEED_000 = "seeds/000_b0546a12a1f11c2e.txt"
SEED_001 = "seeds/001_86ad43cc5f0b9a4c.txt"

# (file, rule, page or line of the first evidence, severity, what the page shows)
DEFECTS = [
    (SH_FIN_2024, "LAYOUT-001", 14, W, "p14 prints only the ruled frame of an empty table row"),
    (SH_FIN_2025, "LAYOUT-003", 8, W, "p8 carries 705 characters above the page: p7's text again, invisible"),
    (SH_WANLI, "TEXT-009", 31, W, "the 三公 table prints 47.91 万元 under “故本表为空表”"),
    (SH_FIN_2025, "TEXT-009", 18, W, "the 国有资本经营 table's note speaks of 政府性基金"),
    (SH_WANLI, "NARR-008", 6, W, "宣传事务（款）一般行政管理事务（项）: 减少2.98%。主要原因是：…经费增加"),
    (SH_WANLI, "NARR-007", 7, W, "执行数为0.00万元, 预算安排25.00万元, 增加100.00%"),
    (SEED_000, "CLASS-004", 322, W, "line 322: （九）医疗卫生与计划生育支出 in a 2024 budget"),
    (SEED_001, "CLASS-004", 285, W, "line 285: （九）医疗卫生与计划生育支出 in a 2023 budget"),
    (SEED_001, "TEXT-013", 218, W, "line 218: 部门名称： 三门峡市人力资源和社会保障 — every other table prints …社会保障局"),
    ("seeds/004_db2ff66d22e413a4.txt", "PERF-004", 622, W,
     "lines 622 and 631: 专项资金绩效目标表 职业教育发展专项资金, 学校、学生满意度 ≤98% — a satisfaction capped from above"),
    ("seeds/004_db2ff66d22e413a4.txt", "PERF-006", 986, W,
     "line 986: 产出指标 | 数量指标 | 聘请第三方扫描业务档案 | ≤60 万元 — a quantity measured in money"),
    (SEED_001, "NARR-012", 172, W, "line 172: 支出项目共12个, 支出总额433.15万元 — 22 projects sum to 433.15"),
    ("more/js-highcourt-2017-dept-budget.pdf", "TEXT-011", 10, W, "p10: …提出司法建议 runs into heading 四、 without 。"),
    ("pdf/上海市普陀区商务委员会2025年部门预算.pdf", "TEXT-011", 24, W, "p24: …按程序落实专项资金拨付 runs into 五、实施周期"),
    ("more/js-highcourt-2019-dept-budget.pdf", "TEXT-007", 10, W,
     "pp10-14: 注：“科目编码”和“科目名称”为必填项。 — the template's fill-in instruction under five tables"),
    (SH_WANLI, "TEXT-012", 5, Severity.NOTICE, "p5 名词解释: 市级预算主管部门…, 与市级财政有经费领拨关系 in a 普陀区 document"),
]


GROUPS = sorted({(name, rule) for name, rule, *_ in DEFECTS})


@pytest.mark.parametrize(("name", "rule"), GROUPS, ids=[f"{r}-{n.split('/')[-1][:12]}" for n, r in GROUPS])
def test_confirmed_defects_are_reported_and_nothing_else(name, rule):
    """Exactly the confirmed places, for each file and rule listed: a new finding of the same
    rule in these files fails the test until someone has looked at the page."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus not found at {path}")
    report = audit(parse_cached(path), select=[rule])
    found = sorted((f.severity.value, f.evidence[0].location.page or f.evidence[0].location.line)
                   for f in report.findings)
    expected = sorted((severity.value, where) for n, r, where, severity, _ in DEFECTS if (n, r) == (name, rule))
    assert found == expected, [why for n, r, _, _, why in DEFECTS if (n, r) == (name, rule)]
