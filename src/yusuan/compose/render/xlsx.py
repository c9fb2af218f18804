"""Excel: the narrative on the first sheet, then one sheet per table — numbers stored as numbers
with a #,##0.00 format, merged header cells, header rows frozen."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from ... import catalogue
from ...model import Table
from ...model.money import parse_amount
from ...model.text import FORMULA_START, spreadsheet_text
from ..document import Cell, ComposedDocument, Grid, positions

_NUMBER_FORMAT = "#,##0.00"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def render_xlsx(doc: ComposedDocument, path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "情况说明"
    sheet.column_dimensions["A"].width = 120
    row = 1
    sheet.cell(row, 1, doc.title).font = Font(bold=True, size=14)
    row += 2
    sheet.cell(row, 1, "目录").font = Font(bold=True)
    for entry in doc.disclosure.toc:
        row += 1
        sheet.cell(row, 1, entry.title)
    for section, level in doc.sections():
        row += 2 if level == 1 else 1
        sheet.cell(row, 1, section.heading).font = Font(bold=True)
        for paragraph in section.paragraphs:
            row += 1
            cell = sheet.cell(row, 1, paragraph.text)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        own = doc.grid_of(section)
        for line in ([*own.header, *own.body] if own else []):  # 决算单位构成, one line per unit
            row += 1
            sheet.cell(row, 1, "　".join(c.text for c in line))
    names = {k.key: k.name for k in catalogue.table_kinds()}
    used: set[str] = set()
    for table, grid in doc.printed_tables():
        _table_sheet(book, doc, table, grid, _sheet_name(names.get(table.kind, table.kind), used))
    defuse(book)
    book.save(str(path))


def _sheet_name(name: str, used: set[str]) -> str:
    name = name.replace("“", "").replace("”", "")[:28]
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name}({n})"
    used.add(candidate)
    return candidate


def _table_sheet(book: Workbook, doc: ComposedDocument, table: Table, grid: Grid, name: str) -> None:
    sheet = book.create_sheet(name)
    width = grid.width
    sheet.cell(1, 1, table.title).font = Font(bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.cell(2, 1, f"部门名称：{doc.disclosure.meta.department}")
    sheet.cell(3, 1, f"单位：{table.unit.value}")
    first = 4
    _place(sheet, grid.header, first, header=True)
    _place(sheet, grid.body, first + len(grid.header), header=False)
    last = first + len(grid.header) + len(grid.body)
    for note in (*table.notes, doc.rounding_note if not grid.key_value else None):
        if note:
            sheet.cell(last, 1, note)
            last += 1
    if grid.header:
        sheet.freeze_panes = sheet.cell(first + len(grid.header), 1)
    for column in range(1, width + 1):
        longest = max((len(str(c.value)) for c in sheet[get_column_letter(column)][first - 1:] if c.value), default=4)
        sheet.column_dimensions[get_column_letter(column)].width = min(max(10, longest * 1.6 + 2), 48)
    sheet.print_title_rows = f"{first}:{first + len(grid.header) - 1}" if grid.header else None


def _place(sheet, rows: list[list[Cell]], top: int, header: bool) -> None:
    for r, row in enumerate(positions(rows)):
        for column, (cell, continued) in row.items():
            if continued:
                continue
            target = sheet.cell(top + r, column + 1)
            if cell.numeric:
                number = parse_amount(cell.text)
                target.value = float(number) if number is not None else None
                target.number_format = _NUMBER_FORMAT
                target.alignment = Alignment(horizontal="right")
            else:
                target.value = cell.text or None
                if header:
                    target.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            target.font = Font(bold=cell.bold)
            if cell.colspan > 1 or cell.rowspan > 1:
                sheet.merge_cells(start_row=top + r, start_column=column + 1,
                                  end_row=top + r + cell.rowspan - 1, end_column=column + cell.colspan)
            for rr in range(cell.rowspan):
                for cc in range(cell.colspan):
                    sheet.cell(top + r + rr, column + cc + 1).border = _BOX


def defuse(book) -> None:
    """No cell of a workbook yusuan writes is a formula: text from the input or a document that
    starts like one ("=cmd|…", "+1", "@SUM") is stored as text with a leading apostrophe."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (cell.data_type == "f" or cell.value.startswith(FORMULA_START)):
                    cell.value = spreadsheet_text(cell.value)
                    cell.data_type = "s"
