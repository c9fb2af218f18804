"""The canonical model every reader and recogniser hands over.

Every value keeps the place it came from (Location) so that any later finding can point at the
exact line, cell or box of the source. Money is Decimal in the table's printed unit; key figures
are converted to 万元 explicitly and say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from .money import Unit


@dataclass(frozen=True)
class Location:
    """Where something stands in the source: line numbers (1-based, unique in the document) for
    every format, plus page/bbox for PDF and sheet/row for Excel and Word tables."""

    file: str
    line: int | None = None
    end_line: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    column: int | None = None
    sheet: str | None = None  # worksheet name (Excel)
    row: int | None = None  # the row number the source itself shows (Excel row; Word table row)

    def with_column(self, column: int) -> Location:
        return replace(self, column=column)


@dataclass
class Row:
    """One table row: label, optional code, and values keyed by canonical measure."""

    label: str
    values: dict[str, Decimal]
    location: Location
    code: str | None = None
    unit_code: str | None = None
    section: str | None = None  # "income" / "expenditure" for two-sided tables
    role: str = "item"  # "item", "total", "unit" (a budget unit's subtotal), "heading"
    texts: dict[str, str] = field(default_factory=dict)  # non-numeric cells (项目类型 …)
    cell_columns: dict[str, int] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A recognised standard table."""

    kind: str
    title: str
    location: Location
    unit: Unit | None
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    empty_by_design: bool = False
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Claim:
    """A numeric statement in the narrative (amount, share, change, count)."""

    text: str
    kind: str  # "amount", "share", "change_amount", "change_rate", "count"
    value: Decimal
    unit: str | None
    subject: str
    location: Location
    direction: str | None = None  # "increase" / "decrease" / "flat" for changes
    offset: int | None = None  # where the number starts in its printed line (Paragraph.text)
    # the function classification the sentence names ("…（类）…（款）…（项）"), and its code
    # once resolved against the function-classification table
    classification: tuple[str, ...] = ()
    code: str | None = None


@dataclass
class Paragraph:
    """One printed line of narrative, kept so text checks can point at its line."""

    text: str
    location: Location


@dataclass
class NarrativeSection:
    heading: str
    location: Location
    text: str = ""
    claims: list[Claim] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Project:
    """A project line from a project table."""

    name: str
    amount: Decimal | None
    unit: Unit | None
    location: Location
    code: str | None = None
    unit_code: str | None = None
    project_type: str | None = None
    values: dict[str, Decimal] = field(default_factory=dict)
    source_table: str = "projects"


@dataclass
class Indicator:
    level1: str | None
    level2: str | None
    name: str
    value_text: str
    location: Location
    operator: str | None = None
    number: Decimal | None = None
    unit: str | None = None


@dataclass
class PerformanceTarget:
    """A project's performance-target table (项目绩效目标表)."""

    name: str
    location: Location
    code: str | None = None
    amount: Decimal | None = None
    unit: Unit | None = None
    template: bool = False  # an unfilled template: the name or many figures are placeholders (XX)
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Figure:
    """A key figure in 万元 with where it was read."""

    key: str
    value: Decimal
    source: str  # table kind or "narrative"
    location: Location
    unit: Unit | None = Unit.WAN  # None for counts


@dataclass
class Source:
    path: str
    sha256: str
    format: str


@dataclass
class Meta:
    department: str | None = None
    year: int | None = None
    kind: str = "budget"  # "budget" or "final_account"
    region: str | None = None
    unit: Unit | None = None


@dataclass
class Disclosure:
    source: Source
    meta: Meta
    tables: list[Table] = field(default_factory=list)
    narrative: list[NarrativeSection] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    performance: list[PerformanceTarget] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)
    toc: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]

    def table(self, kind: str) -> Table | None:
        found = self.tables_of(kind)
        return found[0] if found else None
