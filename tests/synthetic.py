"""Small synthetic disclosures for rule tests: each test builds a document with one planted
defect and its clean twin, so a rule is shown both to fire and to stay silent."""

from __future__ import annotations

from decimal import Decimal

from yusuan.model import (
    Disclosure,
    DocumentKind,
    Line,
    Location,
    Meta,
    PerformanceTarget,
    Project,
    Row,
    Source,
    Table,
    Unit,
)
from yusuan.recognize import understand
from yusuan.recognize.narrative import narrative_sections
from yusuan.recognize.segment import toc_entry

FILE = "synthetic.txt"


def row(label: str, line: int, role: str = "item", code: str | None = None, section: str | None = None,
        **values: str) -> Row:
    return Row(label=label, values={k: Decimal(v) for k, v in values.items()}, location=Location(FILE, line),
               code=code, section=section, role=role)


def table(kind: str, columns: list[str], rows: list[Row], line: int = 1, unit: Unit = Unit.WAN) -> Table:
    return Table(kind=kind, title=f"合成{kind}", location=Location(FILE, line), unit=unit, columns=columns, rows=rows)


def document(*tables: Table, narrative: list[str] = (), projects: list[Project] = (),
             performance: list[PerformanceTarget] = (), toc: list[str] = (), year: int = 2024,
             kind: DocumentKind = DocumentKind.BUDGET) -> Disclosure:
    d = Disclosure(source=Source(FILE, "0" * 64, "text"), meta=Meta(department="合成局", year=year, kind=kind))
    d.tables = list(tables)
    d.narrative = narrative_sections([Line(100 + i, text, file=FILE) for i, text in enumerate(narrative)])
    d.projects = list(projects)
    d.performance = list(performance)
    d.toc = [toc_entry(Line(10 + i, title, file=FILE)) for i, title in enumerate(toc)]
    return understand(d)


def project(name: str, amount: str, line: int = 50) -> Project:
    return Project(name=name, amount=Decimal(amount), unit=Unit.WAN, location=Location(FILE, line))


def target(name: str, amount: str, unit: Unit, line: int = 80) -> PerformanceTarget:
    return PerformanceTarget(name=name, location=Location(FILE, line), amount=Decimal(amount), unit=unit)
