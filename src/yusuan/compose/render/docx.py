"""Word: headings with outline levels, a real TOC field, and proper tables — merged header
cells, header rows repeated on every page, numbers right-aligned."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..document import Cell, ComposedTable, Composition

_FONT = "宋体"
_HEADING_FONT = "黑体"


def render_docx(doc: Composition, path: Path) -> None:
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    title = document.add_heading(doc.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_heading("目录", level=1)
    _toc(document, doc.contents())
    for part in doc.sections:
        document.add_heading(part.heading, level=part.level)
        for text in part.paragraphs:
            paragraph = document.add_paragraph(text)
            paragraph.paragraph_format.first_line_indent = Pt(22)
    for table in doc.tables:
        _table(document, doc, table)
    _update_fields_on_open(document)
    document.save(str(path))


def _styles(document) -> None:
    for name, font in (("Normal", _FONT), ("Title", _HEADING_FONT), ("Heading 1", _HEADING_FONT),
                       ("Heading 2", _HEADING_FONT), ("Heading 3", _HEADING_FONT)):
        style = document.styles[name]
        style.font.name = font
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    document.styles["Normal"].font.size = Pt(11)


def _toc(document, entries: list[str]) -> None:
    """A TOC field whose cached result already lists the parts and tables, so the document reads
    right before Word refreshes it (Word asks to update fields on opening)."""
    for index, entry in enumerate(entries):
        paragraph = document.add_paragraph()
        if index == 0:
            _field_char(paragraph, "begin")
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = 'TOC \\o "1-2" \\h \\z \\u'
            paragraph._p.append(_run_with(instruction))
            _field_char(paragraph, "separate")
        paragraph.add_run(entry)
        if not entry.startswith("第"):
            paragraph.paragraph_format.left_indent = Pt(22)
        if index == len(entries) - 1:
            _field_char(paragraph, "end")


def _run_with(element):
    run = OxmlElement("w:r")
    run.append(element)
    return run


def _field_char(paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph._p.append(_run_with(char))


def _update_fields_on_open(document) -> None:
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _table(document, doc: Composition, table: ComposedTable) -> None:
    wide = table.width > 7
    section = document.add_section()
    if wide:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
    heading = document.add_heading(table.title, level=2)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(f"部门名称：{doc.department}")
    document.add_paragraph(f"单位：{table.unit.value}")
    rows = table.header + table.body
    grid = document.add_table(rows=len(rows), cols=table.width)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fill(grid, rows, len(table.header))
    for index in range(len(table.header)):
        _repeat_header(grid.rows[index])
    if table.note:
        document.add_paragraph(table.note)
    if doc.rounding_note and not table.key_value:
        document.add_paragraph(doc.rounding_note)


def _fill(grid, rows: list[list[Cell]], header_rows: int) -> None:
    """Place each cell at its grid position (skipping positions covered by merges) and merge."""
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            if cell.rowspan == 0:  # a position the merge above already covers
                c += cell.colspan
                continue
            while (r, c) in covered:
                c += 1
            target = grid.cell(r, c)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(grid.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                covered.update((rr, cc) for rr in range(r, r + cell.rowspan) for cc in range(c, c + cell.colspan))
            _write(target, cell, centred=r < header_rows)
            c += cell.colspan


def _write(target, cell: Cell, centred: bool) -> None:
    paragraph = target.paragraphs[0]
    run = paragraph.add_run(cell.text)
    run.font.size = Pt(9)
    run.bold = cell.bold
    if cell.numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)
