"""Word: a cover, a real TOC field showing its page numbers, headings with outline levels in the
style definition's faces and sizes, and proper tables — merged header cells, header rows
repeated on every page, numbers right-aligned."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ... import catalogue
from ...model import Table
from ..document import Cell, ComposedDocument, Grid, positions

_STYLE = catalogue.data("compose_style.toml")
_FACE = {role: faces[0] for role, faces in _STYLE["font"].items()}  # what a department's Word has
_SIZE = _STYLE["size"]
# paragraph style → (font role, size, centred); the same roles and sizes as the PDF's template
_ROLES = {"Normal": ("body", "body", False), "Title": ("title", "cover", True), "Heading 1": ("title", "part", True),
          "Heading 2": ("hei", "heading", False), "Heading 3": ("kai", "heading", False),
          "Heading 4": ("title", "table_title", True)}


def render_docx(doc: ComposedDocument, path: Path) -> None:
    document = Document()
    _styles(document)
    section = document.sections[0]
    _page(section, doc.landscape)
    _page_numbers(section)
    for index, line in enumerate(doc.cover):
        paragraph = document.add_paragraph(line, style="Title" if index == 0 else None)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(120 if index == 0 else 24)
        if index:
            _font(paragraph.runs[0], "kai", _SIZE["cover_line"])
    contents = document.add_paragraph("目　录")
    contents.alignment = WD_ALIGN_PARAGRAPH.CENTER
    contents.paragraph_format.page_break_before = True
    _font(contents.runs[0], "title", _SIZE["part"])
    _toc(document, doc, section)
    first = True
    bare_part = False  # the last thing printed is a part's heading with nothing under it yet
    for item, how in doc.body():
        if isinstance(how, int):
            heading = document.add_heading(item.heading, level=how)
            heading.paragraph_format.keep_with_next = True
            heading.paragraph_format.page_break_before = how == 1 or first
            _contents_marks(heading, doc, item.heading)
            first = False
            bare_part = how == 1 and not item.paragraphs
            for text in item.paragraphs:
                paragraph = document.add_paragraph(text.text)
                paragraph.paragraph_format.first_line_indent = Pt(2 * _SIZE["body"])
            own = doc.grid_of(item)
            if own is not None:  # 决算单位构成
                _grid_table(document, own, section.page_width - section.left_margin - section.right_margin)
        else:
            _table(document, doc, item, how, bare_part)
            first = bare_part = False
    document.save(str(path))


def _page(section, landscape: bool) -> None:
    page = _STYLE["page"]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Mm(page["margin_top_mm"]), Mm(page["margin_bottom_mm"])
    section.left_margin, section.right_margin = Mm(page["margin_left_mm"]), Mm(page["margin_right_mm"])
    section.footer_distance = Mm(page["footer_mm"])


def _font(run, role: str, size: float) -> None:
    run.font.name = _FACE[role]
    run.font.size = Pt(size)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _FACE[role])


def _styles(document) -> None:
    """Fonts and sizes by role from the one style definition (compose_style.toml), and black
    headings: the default template's headings take the theme's blue, which no department prints."""
    for name, (role, size, centred) in _ROLES.items():
        style = document.styles[name]
        font = _FACE[role]
        style.font.name = font
        style.font.size = Pt(_SIZE[size])
        style.font.bold = False
        style.font.italic = False
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # they override the names
            fonts.attrib.pop(qn(attribute), None)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        style.paragraph_format.line_spacing = Pt(_SIZE["line"] if size in ("body", "heading") else _SIZE[size] * 1.6)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(0)
        if centred:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif name != "Normal":
            style.paragraph_format.first_line_indent = Pt(2 * _SIZE["heading"])
        if name != "Normal":
            style.font.color.rgb = RGBColor(0, 0, 0)
            ppr = style.element.find(qn("w:pPr"))
            for border in (ppr.findall(qn("w:pBdr")) if ppr is not None else []):
                ppr.remove(border)  # the Title's blue rule
    for element in document.styles.element.iter():  # every style black, the unused ones too
        if qn("w:themeColor") in element.attrib:
            for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
                element.attrib.pop(qn(attribute), None)
            if element.tag == qn("w:color"):
                element.set(qn("w:val"), "000000")


def _page_numbers(section) -> None:
    """"— N —" centred in the footer (a PAGE field), none on the section's first page (the
    cover); later sections share this footer."""
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    _field_start(paragraph, " PAGE ")
    paragraph.add_run("1")
    _field_char(paragraph, "end")
    paragraph.add_run(" —")
    for run in paragraph.runs:
        _font(run, "number", _SIZE["page_number"])


def _contents_marks(paragraph, doc: ComposedDocument, heading: str) -> None:
    """A TC field for each 目录 line that points at this heading, in the 目录's own words and
    level: what Word's “更新域” rebuilds the TOC field from (the family's 目录 words may differ
    from the heading, as Shanghai's 一、部门主要职能 for “…主要职能”)."""
    for line in doc.contents:
        if line.target == heading:
            words = line.text.replace('"', "”")  # a straight quote would end the field's text
            _field_start(paragraph, f'TC "{words}" \\l {line.depth + 1}', result=False)
            _field_char(paragraph, "end")


def _toc(document, doc: ComposedDocument, section) -> None:
    """A TOC field built from the TC fields (\\f), whose cached result already lists every 目录
    line with its page (the pages the printed PDF found, which uses the same style definition and
    breaks pages in the same places), so Word shows a finished 目录 without asking to update fields."""
    width = section.page_width - section.left_margin - section.right_margin
    lines = doc.contents
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(_SIZE["toc_line"])  # as the PDF's 目录
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if line.depth:
            paragraph.paragraph_format.left_indent = Pt(2 * _SIZE["body"])
        if index == 0:
            _field_start(paragraph, 'TOC \\f \\h \\z')
        page = doc.pages.get(line.target)
        paragraph.add_run(line.text + ("\t" + str(page) if page else ""))
        if index == len(lines) - 1:
            _field_char(paragraph, "end")


def _run_with(element):
    run = OxmlElement("w:r")
    run.append(element)
    return run


def _field_start(paragraph, instruction_text: str, result: bool = True) -> None:
    """A field's begin, instruction and (when it shows a result) separator; its cached result and
    end follow."""
    _field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = instruction_text
    paragraph._p.append(_run_with(instruction))
    if result:
        _field_char(paragraph, "separate")


def _field_char(paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph._p.append(_run_with(char))


def _table(document, doc: ComposedDocument, table: Table, grid: Grid, under_part: bool) -> None:
    wide = grid.width > 7 or doc.landscape
    same_page = under_part and (document.sections[-1].orientation == WD_ORIENT.LANDSCAPE) == wide
    if grid.key_value or same_page:  # a small table (a 绩效目标表), or the first under its part's heading
        document.add_paragraph().paragraph_format.keep_with_next = True  # (as the PDF prints them)
    else:
        section = document.add_section()
        section.different_first_page_header_footer = False  # numbered from its first page (only the cover is not)
        _page(section, wide)
    heading = document.add_heading(table.title, level=4)
    heading.paragraph_format.keep_with_next = True
    _contents_marks(heading, doc, table.title)
    meta = document.add_paragraph()
    meta.paragraph_format.first_line_indent = Pt(0)
    meta.paragraph_format.line_spacing = Pt(_SIZE["table"] * 1.6)
    meta.paragraph_format.keep_with_next = True  # the table's head stays with it
    section = document.sections[-1]
    meta.paragraph_format.tab_stops.add_tab_stop(section.page_width - section.left_margin - section.right_margin,
                                                 WD_TAB_ALIGNMENT.RIGHT)
    _font(meta.add_run(f"编制部门：{doc.disclosure.meta.department}\t单位：{table.unit.value}"), "table", _SIZE["table"])
    _grid_table(document, grid, section.page_width - section.left_margin - section.right_margin)
    notes = [*table.notes, *([doc.rounding_note] if doc.rounding_note and not grid.key_value
                             and table.unit.value == "万元" else [])]
    for note in notes:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(_SIZE["note"] * 1.5)
        _font(paragraph.add_run(note), "table", _SIZE["note"])


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


def _grid_table(document, grid: Grid, width: int) -> None:
    """A printed grid as a Word table: ruled, centred, padded and sized like the PDF's."""
    printed = document.add_table(rows=0, cols=grid.width)
    printed.style = "Table Grid"
    printed.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_margins(printed._tbl)
    _column_widths(printed, grid, width)
    _fill(printed._tbl, grid.header + grid.body, len(grid.header))


def _column_widths(printed, grid: Grid, width: int) -> None:
    """Columns as wide as their longest single cell (an ideograph counts as 2, a digit 1.25), so a
    name column is not squeezed into lines the PDF's automatic layout does not wrap."""
    need = [4.0] * grid.width
    for row in positions(grid.header + grid.body):
        for c, (cell, continued) in row.items():
            if cell.colspan == 1 and not continued:
                need[c] = max(need[c], min(40, sum(2 if ord(ch) > 0x2E80 else 1.25 for ch in cell.text)) + 3)  # + padding
    total = sum(need)
    for column, units in zip(printed.columns, need, strict=True):
        column.width = int(width * units / total)


def _cell_margins(tbl) -> None:
    """Cell padding as the PDF's (2 px above and below, 4 px beside), so rows are as tall."""
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 30), ("left", 60), ("bottom", 30), ("right", 60)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl.tblPr.append(margins)


def _cell_paragraph(justify: str | None):
    """A table cell's paragraph: the table's own line height (not the narrative's 28 pt, which
    would make every row twice as tall as the PDF's), no indent, aligned as asked."""
    properties = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:line"), str(round(_SIZE["table_line"] * 20)))  # twentieths of a point
    spacing.set(qn("w:lineRule"), "exact")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    properties.append(spacing)
    indent = OxmlElement("w:ind")
    indent.set(qn("w:firstLine"), "0")
    properties.append(indent)
    if justify:
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), justify)
        properties.append(jc)
    return properties


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
    paragraph.append(_cell_paragraph("right" if cell.numeric else "center" if centred else None))
    if cell.text and not continued:
        run = OxmlElement("w:r")
        run_properties = OxmlElement("w:rPr")
        face = _FACE["hei" if cell.bold or centred else "table"]  # emphasis is the 黑体 face, as in the PDF
        fonts = OxmlElement("w:rFonts")
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(attribute), face)
        run_properties.append(fonts)
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), str(round(_SIZE["table"] * 2)))  # half-points
        run_properties.append(size)
        run.append(run_properties)
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = cell.text
        run.append(text)
        paragraph.append(run)
    tc.append(paragraph)
    return tc
