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
from . import final_narrative, final_tables, narrative, tables  # noqa: F401 (final_*: they register builders)
from .document import Cell, ComposedDocument, ContentsLine, Grid, file_stem
from .figures import key_figures
from .final import final_input
from .inputs import load
from .ledger import Ledger
from .schema import BudgetInput, InputError

__all__ = ["compose", "load", "layouts", "InputError", "ComposedDocument"]


def layouts() -> dict[str, dict]:
    return catalogue.data("compose_layouts.toml")["layout"]


def compose(data: BudgetInput, layout: str = "national") -> ComposedDocument:
    """Compose the department's disclosure in a family's layout: its cover, its 目录, its parts
    in order (texts, 情况说明 and tables). Every figure is a sum over the line items rounded once
    per printed unit (a ledger per unit: the tables' and the sentences'), so what a table and a
    sentence say agree by construction."""
    spec = layouts().get(layout)
    if spec is None:
        raise ValueError(f"未知的模板：{layout}（可选：{'、'.join(layouts())}）")
    kind = DocumentKind(spec.get("kind", DocumentKind.BUDGET))
    if kind == DocumentKind.FINAL_ACCOUNT:
        data = final_input(data)  # the line items' 决算数; their budgeted amounts become the 年初预算
    unit = Unit(spec["unit"])
    ledgers: dict[Unit, Ledger] = {}

    def ledger_in(wanted: Unit) -> Ledger:
        if wanted not in ledgers:
            ledgers[wanted] = Ledger(data, wanted, grouped=spec.get("figures") == "grouped")
        return ledgers[wanted]

    ledger, sentences = ledger_in(unit), ledger_in(Unit(spec["narrative_unit"]))
    fill = {"department": data.department, "year": data.year, "region": data.region or ""}
    words = _wording(spec, data)
    title = words(spec["title"].format(**fill))
    # what a reader needs to know, in the words departments print (how the rounding residue is
    # allocated is compose's business, documented in README and compose/rounding.py)
    note = "注：本表金额由元换算为万元，保留两位小数。" if unit is Unit.WAN else ""
    disclosure = Disclosure(_source(data, layout, title),
                            Meta(department=data.department, year=data.year, kind=kind,
                                 scope=DocumentScope.UNIT if data.parent else DocumentScope.DEPARTMENT,
                                 region=data.region, unit=unit))
    doc = ComposedDocument(disclosure, title, note, cover=[words(line.format(**fill)) for line in spec["cover"]],
                           landscape=spec.get("landscape", False))

    builders: dict[str, tuple[Ledger, dict, TableKind]] = {}  # builder → its table's ledger, options and kind
    writers: list[str] = []
    for part in spec["parts"]:
        heading = words(part["heading"].format(**fill))
        start = len(doc.order)
        if heading:
            own = part["content"] in ("duties", "organisation")
            doc.add_section(heading, _texts(part["content"], data) if own else [], level=1)
        if part["content"] == "sections":
            for section in part["sections"]:
                if section["content"] == "final_units":
                    paragraphs, grid = _final_units(data)
                    doc.add_section(words(section["heading"]), paragraphs, level=2)
                    doc.section_grids[len(doc.disclosure.narrative) - 1] = grid
                else:
                    doc.add_section(words(section["heading"]), _texts(section["content"], data), level=2)
        elif part["content"] == "glossary":
            doc.extend_section(_glossary(data, spec["glossary_numbering"]))
        elif part["content"] == "narrative":
            items = narrative.write(sentences, part["items"], fill, numbered=part.get("numbered", True))
            writers += [item if isinstance(item, str) else item["writer"] for item in part["items"]]
            if part.get("numbered", True):
                for item_heading, paragraphs in items:
                    doc.add_section(item_heading, paragraphs, level=2)
            else:
                doc.extend_section([p for _, paragraphs in items for p in paragraphs])
        elif part["content"] == "explanations":
            for explanation in data.explanations:
                if explanation.title:
                    doc.add_section(explanation.title, [], level=2)
                for n, (name, text) in enumerate(explanation.parts, start=1):
                    doc.add_section(f"{tables.numeral(n)}、{name}", _lines(text), level=3)
        elif part["content"] == "tables":
            for entry in spec["table"]:
                table_ledger = ledger_in(Unit(entry["unit"])) if "unit" in entry else ledger
                tables.BUILDERS[entry["builder"]](table_ledger, words(entry["title"].replace("{year}", str(data.year))),
                                                  doc, entry)
                builders[entry["builder"]] = (table_ledger, entry, doc.disclosure.tables[-1].kind)
        first = _first_heading(doc, start)
        doc.contents.append(ContentsLine(words(part["toc"].format(**fill)), 0, heading or first))
        if part["content"] == "tables":
            doc.contents += _table_lines(doc, start, spec["toc_table"])
    disclosure.toc = [TocEntry(line.text, doc.where, line.kind) for line in doc.contents]
    disclosure.figures = key_figures(builders, sentences, writers, doc.where)
    return doc


def _source(data: BudgetInput, layout: str, title: str) -> Source:
    """Named like the files it is written to; identified by what it was composed from, so the
    same budget composed with the same layout has the same digest."""
    digest = hashlib.sha256(repr((layout, data)).encode("utf-8")).hexdigest()
    return Source(file_stem(title), digest, SourceFormat.COMPOSED)


def _wording(spec: dict, data: BudgetInput):
    """The family's words as printed: for one unit's own budget, its `unit_words` replacements
    (部门预算 → 单位预算 …) applied to titles, headings and the 目录."""
    replacements = list(spec.get("unit_words", {}).items()) if data.parent else []

    def words(text: str) -> str:
        for old, new in replacements:
            text = text.replace(old, new)
        return text
    return words


def _final_units(data: BudgetInput) -> tuple[list[str], Grid]:
    """概况's 决算单位构成: what the final account covers, and the units as a numbered table."""
    name, year = data.department, data.year
    if data.parent:  # one unit's own final account
        paragraphs = [f"{name}是{data.parent}所属{data.units[0].kind}，本决算为{name}的单位决算，编制范围为："]
    else:
        paragraphs = [f"从预算单位构成看，{name}部门决算包括：{name}本级决算、下属行政事业单位决算。",
                      f"纳入{name}{year}年度部门决算编制范围的单位包括："]
    grid = Grid([[Cell("序号", bold=True), Cell("单位名称", bold=True), Cell("备注", bold=True)]],
                [[Cell(str(n)), Cell(unit.name), Cell(unit.kind)] for n, unit in enumerate(data.units, start=1)])
    return paragraphs, grid


def _lines(text: str) -> list[str]:
    """A typed text's paragraphs: one per non-empty line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _texts(content: str, data: BudgetInput) -> list[str]:
    """The paragraphs of a department's own text (职责, 机构)."""
    return _lines({"duties": data.duties, "organisation": data.organisation}[content])


def _glossary(data: BudgetInput, numbering: str) -> list[str]:
    """The department's 名词解释, or the family's when it gives none, numbered the family's way."""
    terms = data.glossary or [(g["term"], g["text"]) for g in catalogue.data("compose_layouts.toml")["glossary"]]
    return [numbering.format(numeral=tables.numeral(n)) + f"{term}：{text}" for n, (term, text) in enumerate(terms, start=1)]


def _first_heading(doc: ComposedDocument, start: int) -> str:
    """The first heading printed from block `start` on: a section's heading or a table's title."""
    for block in doc.order[start:]:
        if block.table:
            return doc.disclosure.tables[block.index].title
        return doc.disclosure.narrative[block.index].heading
    return ""


def _table_lines(doc: ComposedDocument, start: int, pattern: str) -> list[ContentsLine]:
    """The 目录 lines of the tables added from block `start` on (performance forms once, as a group)."""
    lines: list[ContentsLine] = []
    seen_forms = False
    for block in doc.order[start:]:
        if not block.table:
            continue
        table = doc.disclosure.tables[block.index]
        if table.kind == TableKind.PROJECT_PERFORMANCE:
            if seen_forms:
                continue
            seen_forms = True
        n = len(lines) + 1
        lines.append(ContentsLine(pattern.format(n=n, numeral=tables.numeral(n), title=table.title), 1, table.title,
                                  table.kind))
    return lines

