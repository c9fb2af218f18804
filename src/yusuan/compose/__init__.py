"""Compose a disclosure from budget data: tables and narrative from one set of rounded figures.

    data = load("budget.xlsx")            # checked input (InputError lists every mistake)
    doc = compose(data, "national")       # ComposedDocument: a model Disclosure + how to print it
    write(doc, "out/", ["docx", "xlsx", "html", "pdf"])

Compose builds on the model and the catalogue only; it never reads a disclosure, so it does not
depend on the readers, the recogniser or the audit.
"""

from __future__ import annotations

import hashlib

from .. import catalogue
from ..model import (
    Disclosure,
    DocumentKind,
    DocumentScope,
    Meta,
    Source,
    SourceFormat,
    TableKind,
    TocEntry,
)
from ..model.money import Unit
from . import narrative, tables
from .document import ComposedDocument, file_stem
from .figures import key_figures
from .inputs import load
from .ledger import Ledger
from .schema import BudgetInput, InputError

__all__ = ["compose", "load", "layouts", "InputError", "ComposedDocument"]


def layouts() -> dict[str, dict]:
    return catalogue.data("compose_layouts.toml")["layout"]


def compose(data: BudgetInput, layout: str = "national") -> ComposedDocument:
    spec = layouts().get(layout)
    if spec is None:
        raise ValueError(f"未知的模板：{layout}（可选：{'、'.join(layouts())}）")
    unit = Unit(spec["unit"])
    ledger = Ledger(data, unit)
    words = ledger if spec["narrative_unit"] == spec["unit"] else Ledger(data, Unit(spec["narrative_unit"]))
    title = spec["title"].format(department=data.department, year=data.year)
    # what a reader needs to know, in the words departments print (how the rounding residue is
    # allocated is compose's business, documented in README and compose/rounding.py)
    note = "注：本表金额由元换算为万元，保留两位小数。" if unit is Unit.WAN else ""
    disclosure = Disclosure(_source(data, layout, title),
                            Meta(department=data.department, year=data.year, kind=DocumentKind.BUDGET,
                                 scope=DocumentScope.DEPARTMENT, region=data.region, unit=unit))
    doc = ComposedDocument(disclosure, title, note)

    doc.add_section("第一部分 部门概况", [], level=1)
    doc.add_section("一、主要职责", [data.duties], level=2)
    doc.add_section("二、机构设置", [data.organisation], level=2)
    doc.add_section(f"第二部分 {data.department}{data.year}年部门预算情况说明", [], level=1)
    for heading, paragraphs in narrative.write(words, spec["narrative"]):
        doc.add_section(heading, paragraphs, level=2)
    glossary = catalogue.data("compose_layouts.toml")["glossary"]
    doc.add_section("第三部分 名词解释", [f"{tables.numeral(n)}、{g['term']}：{g['text']}"
                                        for n, g in enumerate(glossary, start=1)], level=1)
    doc.add_section(f"第四部分 {data.department}{data.year}年部门预算表", [], level=1)

    builders = [entry["builder"] for entry in spec["tables"]]
    for entry in spec["tables"]:
        tables.BUILDERS[entry["builder"]](ledger, entry["title"].replace("{year}", str(data.year)), doc)
    disclosure.toc = _contents(doc)
    disclosure.figures = key_figures(ledger, words, builders, spec["narrative"], doc.where)
    return doc


def _source(data: BudgetInput, layout: str, title: str) -> Source:
    """Named like the files it is written to; identified by what it was composed from, so the
    same budget composed with the same layout has the same digest."""
    digest = hashlib.sha256(repr((layout, data)).encode("utf-8")).hexdigest()
    return Source(file_stem(title), digest, SourceFormat.COMPOSED)


def _contents(doc: ComposedDocument) -> list[TocEntry]:
    """The 目录: the parts, then the tables by title (performance forms once, as a group)."""
    entries = [TocEntry(section.heading, doc.where) for section, level in doc.sections() if level == 1]
    seen_forms = False
    for table in doc.disclosure.tables:
        if table.kind == TableKind.PROJECT_PERFORMANCE:
            if seen_forms:
                continue
            seen_forms = True
        entries.append(TocEntry(table.title, doc.where, table.kind))
    return entries
