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
from docx.shared import Cm, Pt, RGBColor

from ...model import Table, TocEntry
from ..document import Cell, ComposedDocument, Grid, positions

_FONT = "宋体"
_HEADING_FONT = "黑体"


def render_docx(doc: ComposedDocument, path: Path) -> None:
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    _page_numbers(section)
    title = document.add_heading(doc.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_heading("目录", level=1)
    _toc(document, doc.disclosure.toc)
    for section, level in doc.sections():
        document.add_heading(section.heading, level=level).paragraph_format.keep_with_next = True
        for text in section.paragraphs:
            paragraph = document.add_paragraph(text.text)
            paragraph.paragraph_format.first_line_indent = Pt(22)
    for table, grid in doc.printed_tables():
        _table(document, doc, table, grid)
    _update_fields_on_open(document)
    document.save(str(path))


def _styles(document) -> None:
    """Fonts by role, and black headings: the default template's headings take the theme's blue,
    which no department prints."""
    for name, font in (("Normal", _FONT), ("Title", _HEADING_FONT), ("Heading 1", _HEADING_FONT),
                       ("Heading 2", _HEADING_FONT), ("Heading 3", _HEADING_FONT)):
        style = document.styles[name]
        style.font.name = font
        rpr = style.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)
        fonts = rpr.get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # they override the names
            fonts.attrib.pop(qn(attribute), None)
        if name != "Normal":
            style.font.color.rgb = RGBColor(0, 0, 0)
            for color in rpr.findall(qn("w:color")):
                for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
                    color.attrib.pop(qn(attribute), None)
            ppr = style.element.find(qn("w:pPr"))
            for border in (ppr.findall(qn("w:pBdr")) if ppr is not None else []):
                ppr.remove(border)  # the Title's blue rule
    document.styles["Normal"].font.size = Pt(11)


def _page_numbers(section) -> None:
    """"— N —" centred in the footer (a PAGE field), none on the section's first page (the
    title page); later sections share this footer."""
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    _field_start(paragraph, " PAGE ")
    paragraph.add_run("1")
    _field_char(paragraph, "end")
    paragraph.add_run(" —")


def _toc(document, entries: list[TocEntry]) -> None:
    """A TOC field whose cached result already lists the parts and tables, so the document reads
    right before Word refreshes it (Word asks to update fields on opening)."""
    for index, entry in enumerate(entries):
        paragraph = document.add_paragraph()
        if index == 0:
            _field_start(paragraph, 'TOC \\o "1-2" \\h \\z \\u')
        paragraph.add_run(entry.title)
        if entry.kind:  # a table, under its part
            paragraph.paragraph_format.left_indent = Pt(22)
        if index == len(entries) - 1:
            _field_char(paragraph, "end")


def _run_with(element):
    run = OxmlElement("w:r")
    run.append(element)
    return run


def _field_start(paragraph, instruction_text: str) -> None:
    """A field's begin, instruction and separator; its cached result and end follow."""
    _field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = instruction_text
    paragraph._p.append(_run_with(instruction))
    _field_char(paragraph, "separate")


def _field_char(paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph._p.append(_run_with(char))


def _update_fields_on_open(document) -> None:
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _table(document, doc: ComposedDocument, table: Table, grid: Grid) -> None:
    wide = grid.width > 7
    if grid.key_value:  # a small table (a 绩效目标表): it follows the one before on the same page
        document.add_paragraph().paragraph_format.keep_with_next = True
    else:
        section = document.add_section()
        section.different_first_page_header_footer = False  # numbered from its first page (only the title page is not)
        if wide:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Cm(21), Cm(29.7)
    heading = document.add_heading(table.title, level=2)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.keep_with_next = True
    for line in (f"部门名称：{doc.disclosure.meta.department}", f"单位：{table.unit.value}"):
        document.add_paragraph(line).paragraph_format.keep_with_next = True  # the table's head stays with it
    printed = document.add_table(rows=0, cols=grid.width)
    printed.style = "Table Grid"
    printed.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fill(printed._tbl, grid.header + grid.body, len(grid.header))
    for note in table.notes:
        document.add_paragraph(note)
    if doc.rounding_note and not grid.key_value:
        document.add_paragraph(doc.rounding_note)


def _fill(tbl, rows: list[list[Cell]], header_rows: int) -> None:
    """Write the rows as WordprocessingML directly: gridSpan for merges across, vMerge for merges
    down. (python-docx's cell()/merge() rebuild the whole cell map on every call — quadratic, and
    minutes for a department with hundreds of performance tables.)"""
    for r, row in enumerate(positions(rows)):
        tr = OxmlElement("w:tr")
        if r < header_rows:
            properties = OxmlElement("w:trPr")
            marker = OxmlElement("w:tblHeader")
            marker.set(qn("w:val"), "true")
            properties.append(marker)
            tr.append(properties)
        for c in sorted(row):
            cell, continued = row[c]
            tr.append(_tc(cell, continued, centred=r < header_rows))
        tbl.append(tr)


def _tc(cell: Cell, continued: bool, centred: bool):
    tc = OxmlElement("w:tc")
    properties = OxmlElement("w:tcPr")
    if cell.colspan > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(cell.colspan))
        properties.append(span)
    if cell.rowspan > 1:
        merge = OxmlElement("w:vMerge")
        if not continued:
            merge.set(qn("w:val"), "restart")
        properties.append(merge)
    if centred:
        align = OxmlElement("w:vAlign")
        align.set(qn("w:val"), "center")
        properties.append(align)
    tc.append(properties)
    paragraph = OxmlElement("w:p")
    justify = "right" if cell.numeric else "center" if centred else None
    if justify:
        paragraph_properties = OxmlElement("w:pPr")
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), justify)
        paragraph_properties.append(jc)
        paragraph.append(paragraph_properties)
    if cell.text and not continued:
        run = OxmlElement("w:r")
        run_properties = OxmlElement("w:rPr")
        if cell.bold:
            run_properties.append(OxmlElement("w:b"))
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "18")  # 9 pt
        run_properties.append(size)
        run.append(run_properties)
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = cell.text
        run.append(text)
        paragraph.append(run)
    tc.append(paragraph)
    return tc
