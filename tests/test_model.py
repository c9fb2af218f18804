"""The model's own promises: enumerations agree with the catalogues, every field survives JSON,
Decimal amounts keep their printed digits."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from yusuan.catalogue import rules, table_kinds
from yusuan.model import (
    Claim,
    ClaimKind,
    Direction,
    Disclosure,
    DocumentKind,
    DocumentScope,
    Figure,
    FundLine,
    Indicator,
    Location,
    Meta,
    NarrativeSection,
    OrgTarget,
    Pairing,
    Paragraph,
    PerformanceTarget,
    Project,
    Row,
    RowFlag,
    RowRole,
    Severity,
    Side,
    Source,
    SourceFormat,
    StatedAmount,
    Table,
    TableKind,
    TocEntry,
    Unit,
)
from yusuan.model.money import format_decimal
from yusuan.model.serialize import dumps, loads
from yusuan.recognize.meta import region_of


def test_table_kinds_are_the_catalogue_kinds():
    assert {k.key for k in table_kinds()} == set(TableKind)
    assert {r.severity for r in rules().values()} <= set(Severity)


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decimal_text_keeps_every_digit(value):
    assert Decimal(format_decimal(value)).as_tuple() == value.as_tuple()


def test_every_field_survives_json():
    """A disclosure with every field away from its default reads back equal (a field the
    serialiser forgot would come back as its default)."""
    here = Location("甲.pdf", 12, 13, 4, (10.5, 20.0, 300.25, 32.0), 2, "表1", 7)
    row = Row("行政运行", {"total": Decimal("1.50"), "basic": Decimal("1E+2")}, here, code="2010101", unit_code="101",
              section=Side.EXPENDITURE, role=RowRole.SUBTOTAL, texts={"project_type": "其他运转类"},
              cell_columns={"total": 3}, flags=[RowFlag.REALIGNED], certain=False, parent=0, depth=1, enumerator=2)
    claim = Claim("12.5万元", ClaimKind.CHANGE_AMOUNT, Decimal("12.5"), "万元", "比上年增加", here,
                  Direction.INCREASE, 8, ("一般公共服务支出", "财政事务"), "20106", True, "total_income", [0], [0], 1)
    target = PerformanceTarget("信息化建设", here, "P1", Decimal("20000"), Unit.YUAN, True,
                               [Indicator("产出指标", "数量指标", "系统数", "≥2个", here, "≥", Decimal(2), "个")], 0,
                               Pairing.SIMILAR, Decimal("30000"), [FundLine("财政拨款", Decimal("20000"), here, True)])
    d = Disclosure(
        Source("甲.pdf", "0" * 64, SourceFormat.PDF),
        Meta(department="甲局", year=2025, kind=DocumentKind.FINAL_ACCOUNT, scope=DocumentScope.UNIT,
             region="上海市", unit=Unit.YUAN, template=True),
        tables=[Table(TableKind.EXPENDITURE, "支出表", here, None, ["total", "basic"], [row], True, ["注"], ["警告"])],
        narrative=[NarrativeSection("一、概况", here, "正文", [claim], [Paragraph("正文", here)])],
        projects=[Project("信息化建设", None, Unit.WAN, here, "P1", "101", "特定目标类", {"total": Decimal("2.00")},
                          TableKind.PROJECTS_CARRYOVER)],
        performance=[target],
        org_targets=[OrgTarget("整体绩效目标表", here, Unit.WAN, StatedAmount("部门预算总额", Decimal("1.5"), here),
                               [StatedAmount("基本支出", Decimal("1.5"), here)])],
        figures={"total_income": Figure("total_income", Decimal("1.5"), "summary", here, None)},
        toc=[TocEntry("支出表", here, TableKind.EXPENDITURE)],
        warnings=["提示"],
        excerpts={"甲.pdf": {12: "行政运行 │ 1.50", 3: "标题"}, "乙.pdf": {1: "表一"}},
        parts=[Source("甲.pdf", "1" * 64, SourceFormat.PDF), Source("乙.pdf", "2" * 64, SourceFormat.PDF)],
    )
    assert loads(dumps(d)) == d


def test_region_from_the_department_name():
    assert region_of("上海市普陀区人民政府万里街道办事处") == "上海市普陀区"
    assert region_of("江苏省高级人民法院") == "江苏省"
    assert region_of("河南省郑州市金水区财政局") == "河南省郑州市金水区"
    assert region_of("上海市城市管理行政执法局") == "上海市"
    assert region_of("湖南省市场监督管理局") == "湖南省"
    assert region_of("中共上海市普陀区委社会工作部") == "上海市普陀区"
    assert region_of("西南大学") is None  # unknown stays unknown
