"""The compose input's shape, read from catalogue/compose_input.toml, and the checked records.

The workbook template, the loaders and the validator all follow the same sheet/column list, so
a column added to the catalogue appears in the template and is read and checked without code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from .. import catalogue


@dataclass(frozen=True)
class InputColumn:
    """One column of an input sheet: its header, type and checks."""

    key: str
    header: str
    type: str
    required: bool = False
    unique: bool = False
    choices: tuple[str, ...] = ()
    scheme: str | None = None  # for type "code": function / econ_dept / econ_gov
    level: int | None = None  # for type "code": the level a line item must be coded at
    ref: str | None = None  # "sheet.column" the value must appear in


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str
    help: str
    columns: tuple[InputColumn, ...]
    form: str = "rows"  # "rows" (a header row, one record per row) or "fields" (项目 | 内容)

    def column(self, key: str) -> InputColumn:
        return next(c for c in self.columns if c.key == key)


@cache
def sheets() -> tuple[Sheet, ...]:
    spec = catalogue.data("compose_input.toml")
    result = []
    for sheet in spec["sheet"]:
        columns = []
        for col in sheet["columns"]:
            choices = tuple(col.get("choices", ()))
            if "choices_from" in col:  # the names of one of this catalogue's lists ([[fund]] …)
                choices = tuple(c["name"] for c in spec[col["choices_from"]])
            columns.append(InputColumn(col["key"], col["header"], col["type"], col.get("required", False),
                                       col.get("unique", False), choices, col.get("scheme"), col.get("level"),
                                       col.get("ref")))
        result.append(Sheet(sheet["key"], sheet["name"], sheet.get("help", ""), tuple(columns),
                            sheet.get("form", "rows")))
    return tuple(result)


def sheet(key: str) -> Sheet:
    return next(s for s in sheets() if s.key == key)


@cache
def comparisons() -> dict[str, str]:
    """Chinese name → comparison key (收支总计 → total)."""
    return {c["name"]: c["key"] for c in catalogue.data("compose_input.toml")["comparison"]}


@cache
def funds() -> tuple[dict, ...]:
    return tuple(catalogue.data("compose_input.toml")["fund"])


@cache
def asset_items() -> tuple[dict, ...]:
    return tuple(catalogue.data("compose_input.toml")["asset"])


@cache
def three_public_items() -> tuple[dict, ...]:
    return tuple(catalogue.data("compose_input.toml")["three_public"])


@dataclass(frozen=True)
class Where:
    """A place in the input: sheet, the row number the user sees, and the column header."""

    sheet: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        text = f"工作表「{self.sheet}」"
        if self.row is not None:
            text += f"第 {self.row} 行"
        if self.column:
            text += f"「{self.column}」"
        return text


@dataclass(frozen=True)
class Problem:
    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}：{self.message}"


class InputError(Exception):
    """The input has mistakes; nothing is composed. Every problem says where it is."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class BudgetUnit:
    code: str
    name: str
    kind: str  # 行政单位 / 参公事业单位 / 事业单位
    duties: str | None = None  # the unit's own 职能, printed in its own budget (单位预算)


@dataclass(frozen=True)
class LineItem:
    unit: str
    function: str
    econ: str
    gov_econ: str
    fund: str
    carryover: bool
    category: str  # 基本支出 / 项目支出
    project: str | None
    project_type: str | None
    amount: Decimal  # 元
    where: Where
    actual: Decimal | None = field(default=None, compare=False)  # 决算数, 元 (final accounts only)


@dataclass(frozen=True)
class Carry:
    """Money carried into and out of the year (年初 / 年末结转和结余) of one fund on one 功能分类 项:
    a final account's income is its spending plus what it carries out less what it carried in."""

    unit: str
    fund: str
    function: str
    opening: Decimal  # 元
    closing: Decimal  # 元
    row: int | None = field(default=None, compare=False)  # its row in the 结转结余 sheet, for messages


@dataclass(frozen=True)
class Prior:
    amount: Decimal  # 元
    reason: str | None
    row: int | None = field(default=None, compare=False)  # its row in the input ("上年数及变动原因"), for messages


@dataclass(frozen=True)
class Purchase:
    unit: str
    name: str
    category: str
    amount: Decimal  # 元


@dataclass(frozen=True)
class TargetInput:
    """One performance indicator the user gave for a project."""

    project: str
    level1: str
    level2: str
    name: str
    value: str
    nature: str = ""  # 指标性质: ≥ ≤ = ＞ ＜ 定性 ("" when not given)
    measure: str = ""  # 度量单位


@dataclass(frozen=True)
class LineText:
    """What a department says about one 功能分类 项: what the money is for and, when it gives the
    previous year's amount, why it changed."""

    use: str
    prior: Decimal | None = None  # 元
    reason: str | None = None


@dataclass(frozen=True)
class ProjectInfo:
    goal: str | None = None  # 年度目标
    has_targets: bool = False  # targets set (the forms may be published elsewhere)


@dataclass(frozen=True)
class Explanation:
    """One 项目经费情况说明: the seven parts departments write for a major project."""

    title: str | None
    parts: tuple[tuple[str, str], ...]  # (part name, text), in print order, empty parts left out


@dataclass
class BudgetInput:
    """A department's budget data, checked: every code known, every amount a Decimal in 元."""

    department: str
    year: int
    duties: str
    organisation: str
    units: list[BudgetUnit]
    items: list[LineItem]
    region: str | None = None
    code: str | None = None
    date: str | None = None
    prior: dict[str, Prior] = field(default_factory=dict)  # comparison key → previous year
    three_public_use: dict[str, str] = field(default_factory=dict)  # item key → what it pays for
    procurement: list[Purchase] = field(default_factory=list)
    assets: dict[str, int] = field(default_factory=dict)
    targets: list[TargetInput] = field(default_factory=list)
    asset_date: str | None = None  # 资产统计截止日期
    asset_purchases: dict[str, int] = field(default_factory=dict)  # category → planned purchases this year
    lines: dict[str, LineText] = field(default_factory=dict)  # 功能分类 项 code → its texts
    project_info: dict[str, ProjectInfo] = field(default_factory=dict)
    explanations: list[Explanation] = field(default_factory=list)
    glossary: list[tuple[str, str]] = field(default_factory=list)  # (term, text); empty: the family's own
    parent: str | None = None  # the department, when this is one budget unit's own budget (单位预算)
    carries: list[Carry] = field(default_factory=list)  # 结转结余 (final accounts)
    budget_items: list[LineItem] = field(default_factory=list)  # a final account's 年初预算, by line item

    @property
    def own(self) -> str:
        """How the document names whose budget it is: 部门, or 单位 for one unit's budget."""
        return "单位" if self.parent else "部门"

    def targets_set(self, project: str) -> bool:
        """Whether the project has performance targets: indicators given here, or marked as set."""
        info = self.project_info.get(project)
        return (info is not None and info.has_targets) or any(t.project == project for t in self.targets)
