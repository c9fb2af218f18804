"""The closed vocabularies of the model, as enumerations.

They are StrEnums so that a value compares equal to its JSON spelling ("item" == RowRole.ITEM)
and serialises as that spelling; what each member means is said once, here.
"""

from __future__ import annotations

from enum import StrEnum


class TableKind(StrEnum):
    """A standard table's canonical key. The catalogue (tables.toml) says how each is titled; a
    test keeps the two lists equal."""

    SUMMARY = "summary"  # 部门收支总表 / 收支预算总表
    INCOME = "income"  # 部门收入总表
    EXPENDITURE = "expenditure"  # 部门支出总表
    FISCAL_SUMMARY = "fiscal_summary"  # 财政拨款收支总表
    GPB_EXPENDITURE = "gpb_expenditure"  # 一般公共预算支出表
    GPB_BASIC_ECON = "gpb_basic_econ"  # 一般公共预算基本支出表（经济分类）
    FISCAL_EXPENDITURE = "fiscal_expenditure"  # 财政拨款支出表（功能分类，全部财政拨款）
    FISCAL_BASIC_ECON = "fiscal_basic_econ"  # 财政拨款基本支出表（经济分类）
    BASIC_ECON = "basic_econ"  # 基本支出表（经济分类，全部资金）
    ECON_SUMMARY = "econ_summary"  # 支出经济分类汇总表
    THREE_PUBLIC = "three_public"  # “三公”经费表
    GOV_FUND = "gov_fund"  # 政府性基金预算支出表
    GOV_FUND_INCOME = "gov_fund_income"  # 政府性基金收入表
    SOE_CAPITAL = "soe_capital"  # 国有资本经营预算支出表
    PROJECTS = "projects"  # 项目支出表
    PROJECTS_CARRYOVER = "projects_carryover"  # 上年结转项目支出表
    RUNNING_COST = "running_cost"  # 机关运行经费表
    PROCUREMENT = "procurement"  # 政府采购预算表
    FIXED_ASSETS = "fixed_assets"  # 固定资产占用情况表
    ORG_PERFORMANCE = "org_performance"  # 部门整体绩效目标表
    PROJECT_PERFORMANCE = "project_performance"  # 项目绩效目标表
    SPECIAL_FUND_PERFORMANCE = "special_fund_performance"  # 专项资金绩效目标表


class RowRole(StrEnum):
    ITEM = "item"  # a line item (a classification line, a project, a unit's line)
    TOTAL = "total"  # the table's 合计 / 总计
    SUBTOTAL = "subtotal"  # 人员经费合计 closing a block of a side-by-side table
    UNIT = "unit"  # a budget unit's subtotal row (单位编码 | 单位名称)
    HEADING = "heading"  # a row that only groups the rows under it (compose: 一、 …)


class RowFlag(StrEnum):
    """What the recogniser had to do to a row's cells."""

    REALIGNED = "realigned"  # values moved back under their columns, proven by the row identities
    AMBIGUOUS = "ambiguous"  # several placements fit: left as printed, not certain
    UNBALANCED = "unbalanced"  # no placement makes the row add up


class Alignment(StrEnum):
    """Outcome of realigning one row: OK, or the flag the row gets."""

    OK = "ok"
    REALIGNED = "realigned"
    AMBIGUOUS = "ambiguous"
    UNBALANCED = "unbalanced"


class Side(StrEnum):
    """The block of a two-sided table a row belongs to: 收入 on the left, 支出 on the right — and,
    where a summary prints spending twice side by side, 支出 by use (基本支出/项目支出 or economic
    class) beside 支出 by function class."""

    INCOME = "income"
    EXPENDITURE = "expenditure"
    EXPENDITURE_USE = "expenditure_use"


class ClaimKind(StrEnum):
    AMOUNT = "amount"  # 1,234.56万元
    SHARE = "share"  # 占 12.3%
    PERCENT = "percent"  # another percentage (完成率 …)
    CHANGE_AMOUNT = "change_amount"  # 比上年增加 12万元
    CHANGE_RATE = "change_rate"  # 增长 3.4%
    COUNT = "count"  # 12 个 / 3 辆 / 5 人


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    FLAT = "flat"


class DocumentKind(StrEnum):
    BUDGET = "budget"  # 部门预算
    FINAL_ACCOUNT = "final_account"  # 部门决算


class DocumentScope(StrEnum):
    """Whose budget the document is: a department's (部门预算, its units together) or one budget
    unit's (单位预算)."""

    DEPARTMENT = "department"
    UNIT = "unit"


class Severity(StrEnum):
    ERROR = "error"  # a definite inconsistency
    WARNING = "warning"  # probable
    NOTICE = "notice"  # worth a look


class Pairing(StrEnum):
    """How a performance-target table was tied to its project."""

    CODE = "code"  # the same project code
    NAME = "name"  # the same normalised name
    SIMILAR = "similar"  # clearly the most similar name


class SourceFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    DOC = "doc"  # Word 97–2003 or WPS text (.doc, .wps), read after LibreOffice converts it to .docx
    XLS = "xls"  # Excel 97–2003 or WPS spreadsheet (.xls, .et)
    HTML = "html"
    TEXT = "text"
    COMPOSED = "composed"  # built by yusuan compose, not read from a file
