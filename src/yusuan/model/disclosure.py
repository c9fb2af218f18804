"""The canonical model every stage shares: what a disclosure says and what the recogniser
understood of it.

Every value keeps the place it came from (Location) so that any later finding can point at the
exact line, cell or box of the source. Money is Decimal in the table's printed unit; key figures
are converted to 万元 explicitly and say so. What the recogniser worked out — how rows nest, which
rows it is sure of, what a narrative claim is about, which performance table belongs to which
project, the 目录 — is written here once, so that the audit (and the store, the web app, a
reloaded JSON file) reads it instead of working it out again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .enums import (
    ClaimKind,
    Direction,
    DocumentKind,
    DocumentScope,
    Pairing,
    RowFlag,
    RowRole,
    Side,
    SourceFormat,
    TableKind,
)
from .layout import PageFacts
from .location import Location
from .money import Unit


@dataclass
class Row:
    """One table row: label, optional code, and values keyed by canonical measure.

    `parent`/`depth` place the row in the table's tree (budget units by unit code, 类/款/项 by
    code prefix); rows outside the tree (totals, a two-sided table's rows, tables that are not
    lists of amounts) have depth None. `enumerator` is the label's numbering depth (一、 → 1,
    （一） → 2, 其中 → 3). `certain` is False when the recogniser could not be sure every value
    sits under its column — rules never accuse such a row."""

    label: str
    values: dict[str, Decimal]
    location: Location
    code: str | None = None
    unit_code: str | None = None
    section: Side | None = None  # the half of a two-sided table
    role: RowRole = RowRole.ITEM
    texts: dict[str, str] = field(default_factory=dict)  # non-numeric cells (项目类型 …)
    cell_columns: dict[str, int] = field(default_factory=dict)  # measure → printed cell index
    # measures whose cell the row prints empty (or "—"): stated as nothing, i.e. zero — unlike a
    # measure the table has no column for
    blank: list[str] = field(default_factory=list)
    flags: list[RowFlag] = field(default_factory=list)
    exact: bool = False  # read from cells that stand where the source put them (not realigned)
    certain: bool = True
    parent: int | None = None  # index in Table.rows of the row this one belongs to
    depth: int | None = None  # 0 = top of the tree
    enumerator: int | None = None


@dataclass
class Table:
    """A recognised standard table."""

    kind: TableKind
    title: str
    location: Location
    unit: Unit | None
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    empty_by_design: bool = False
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # why the recogniser is unsure what this table says (Chinese): columns it could not name, rows
    # that mostly do not add up, a kind read from the content alone. No error is ever raised from
    # a doubtful table.
    doubts: list[str] = field(default_factory=list)
    kind_inferred: bool = False  # no recognisable title: the kind was read from headers and rows

    @property
    def certain(self) -> bool:
        return not self.doubts and all(r.certain for r in self.rows)

    def total_row(self) -> Row | None:
        """The one-sided table's 合计 row."""
        return next((r for r in self.rows if r.role == RowRole.TOTAL and not r.section), None)

    def top_rows(self) -> list[Row]:
        return [r for r in self.rows if r.depth == 0]

    def children(self, row: Row) -> list[Row]:
        index = self.rows.index(row)
        return [r for r in self.rows if r.parent == index]

    def side(self, section: Side) -> list[Row]:
        return [r for r in self.rows if r.section == section]


@dataclass
class Claim:
    """A numeric statement in the narrative (amount, share, change, count), with what the
    recogniser decided it is about."""

    text: str
    kind: ClaimKind
    value: Decimal
    unit: str | None  # 万元 / 元 / % / 个 …
    subject: str
    location: Location
    direction: Direction | None = None  # for changes
    offset: int | None = None  # where the number starts in its printed line (Paragraph.text)
    # the function classification the sentence names ("…（类）…（款）…（项）"), and its code
    # once resolved against the function-classification table
    classification: tuple[str, ...] = ()
    code: str | None = None
    other_year: bool = False  # about another year than the document's ("2024年预算…", "上年…")
    figure: str | None = None  # the key figure (figures.toml key) the subject names
    projects: list[int] = field(default_factory=list)  # Disclosure.projects the subject names
    targets: list[int] = field(default_factory=list)  # Disclosure.performance the subject names
    base: int | None = None  # for a change: index in its section's claims of the amount it changes


@dataclass
class Paragraph:
    """One printed line of narrative, kept so text checks can point at its line."""

    text: str
    location: Location


@dataclass
class NarrativeSection:
    """A section of the 情况说明 under one heading: its lines and the numeric claims in them."""

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
    source_table: TableKind = TableKind.PROJECTS


# the tables whose projects must each have a performance-target table
PAIRED_TABLES = (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER)


@dataclass
class Indicator:
    """One performance indicator (一级/二级/三级指标 and its 指标值)."""

    level1: str | None
    level2: str | None
    name: str
    value_text: str
    location: Location
    operator: str | None = None
    number: Decimal | None = None
    unit: str | None = None


@dataclass
class FundLine:
    """One source of a project's money as its target table prints it under the 资金总额 (其中：财政
    拨款, 其他资金, 单位自筹 …). `amount` is None when the cell is printed empty; `period` marks the
    实施期 column of a table that prints the whole period beside the year."""

    name: str
    amount: Decimal | None
    location: Location
    period: bool = False


@dataclass
class PerformanceTarget:
    """A project's performance-target table (项目绩效目标表), tied to its project when found."""

    name: str
    location: Location
    code: str | None = None
    amount: Decimal | None = None
    unit: Unit | None = None
    template: bool = False  # an unfilled template: the name or many figures are placeholders (XX)
    indicators: list[Indicator] = field(default_factory=list)
    project: int | None = None  # index in Disclosure.projects
    paired_by: Pairing | None = None
    period_amount: Decimal | None = None  # 实施期资金总额, when printed beside the year's
    funds: list[FundLine] = field(default_factory=list)
    # the table it was read from: a project's (paired with the project table) or a special
    # fund's (专项资金绩效目标表: a fund, not a project)
    source_table: TableKind = TableKind.PROJECT_PERFORMANCE


@dataclass
class StatedAmount:
    """An amount a table states beside its printed name (a key-value table's cell)."""

    name: str
    value: Decimal
    location: Location


@dataclass
class OrgTarget:
    """A department's or unit's overall performance-target table (部门（单位）整体绩效目标表) and
    the budget it states: 部门预算总额 and its 资金结构 (基本支出, 项目支出)."""

    title: str
    location: Location
    unit: Unit | None = None
    total: StatedAmount | None = None
    structure: list[StatedAmount] = field(default_factory=list)


@dataclass
class Figure:
    """A key figure in 万元 with where it was read."""

    key: str
    value: Decimal
    source: str  # table kind, or "narrative"
    location: Location
    unit: Unit | None = Unit.WAN  # None for counts
    blank: bool = False  # the document's cell for it is empty: a stated zero, printed as nothing


@dataclass
class TocEntry:
    """One line of the 目录, with the table kind it names (None for parts and sections)."""

    title: str
    location: Location
    kind: TableKind | None = None


@dataclass
class PrintedName:
    """The department's name as a table header prints it (部门名称：…, 编制部门：…), and where —
    so the audit can see a name that differs from the document's."""

    name: str
    location: Location


@dataclass
class Source:
    """The file a disclosure was read from (or, for composed ones, written to)."""

    path: str
    sha256: str
    format: SourceFormat


@dataclass
class Meta:
    """What the document is: whose, which year, budget or final account. Unknown stays None."""

    department: str | None = None
    year: int | None = None
    kind: DocumentKind = DocumentKind.BUDGET
    scope: DocumentScope | None = None  # 部门 or 单位 document, when its title says so
    region: str | None = None
    unit: Unit | None = None  # the unit most of the document prints
    template: bool = False  # an unfilled template (上海市XX局…): placeholders are not defects


@dataclass
class Disclosure:
    """One disclosure (部门预算/决算公开): its tables, narrative, projects, performance targets,
    key figures and 目录, with what the recogniser understood of them."""

    source: Source
    meta: Meta
    tables: list[Table] = field(default_factory=list)
    narrative: list[NarrativeSection] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    performance: list[PerformanceTarget] = field(default_factory=list)
    org_targets: list[OrgTarget] = field(default_factory=list)  # 部门（单位）整体绩效目标表
    figures: dict[str, Figure] = field(default_factory=dict)
    toc: list[TocEntry] = field(default_factory=list)
    printed_names: list[PrintedName] = field(default_factory=list)  # header names, as printed
    warnings: list[str] = field(default_factory=list)
    pages: list[PageFacts] = field(default_factory=list)  # what each page of a PDF holds
    # the printed source line (cells joined by │) of every line a located value stands on, by
    # file and line, so a finding can quote its source even when loaded from JSON
    excerpts: dict[str, dict[int, str]] = field(default_factory=dict)
    # the files of a disclosure published in parts (narrative and tables apart), read as one
    parts: list[Source] = field(default_factory=list)

    def excerpt(self, location: Location) -> str | None:
        """The printed line a location points at, if the disclosure kept it."""
        if location.line is None:
            return None
        return self.excerpts.get(location.file, {}).get(location.line)

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]

    def table(self, kind: str) -> Table | None:
        found = self.tables_of(kind)
        return found[0] if found else None

    def claims(self):
        """Every claim with its section, in reading order."""
        for section in self.narrative:
            for claim in section.claims:
                yield section, claim
