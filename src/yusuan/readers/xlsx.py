"""Excel (.xlsx) reader on openpyxl: every visible sheet, row by row.

Formulas are read as the values Excel cached when it last saved (data_only); a formula cell
that was never calculated has no value and reads as empty, with a warning. Hidden sheets, rows
and columns are skipped: what a reader of the workbook does not see is not part of the
disclosure. Numbers are written back with the decimals of their number format, so 1234.5
formatted "#,##0.00" reads as 1234.50, as printed. The unit (元/万元) stays in the title or unit
rows, where the recogniser finds it as for every other format.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from ..model.layout import Layout, Line
from ..model.limits import Limits, ReadError, open_zipped
from .text import clean_cell

_DECIMALS = re.compile(r"0\.(0+)")


def read_xlsx(data: bytes, layout: Layout, limits: Limits) -> None:
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = open_zipped(layout.path, data, limits, "Excel ",
                       lambda stream: openpyxl.load_workbook(stream, data_only=True))
    formulas = _formula_cells(data)
    counter = 0
    cells_read = 0
    uncached = 0
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        limits.check_time(layout.path, f"工作表「{sheet.title}」")
        hidden_columns = {c for c in range(1, sheet.max_column + 1)
                          if sheet.column_dimensions[get_column_letter(c)].hidden}
        rows = []
        for row in sheet.iter_rows():
            if not row or sheet.row_dimensions[row[0].row].hidden:
                continue
            cells_read += len(row)
            if cells_read > limits.max_cells:
                raise ReadError(f"{layout.path}：单元格超过 {limits.max_cells} 个，已停止读取")
            shown = [cell for cell in row if cell.column not in hidden_columns]
            texts = [_text(cell) for cell in shown]
            unknown = [i for i, cell in enumerate(shown) if type(cell).__name__ == "MergedCell"
                       or (cell.value is None and (sheet.title, cell.coordinate) in formulas)]
            uncached += sum(1 for cell in shown if cell.value is None and (sheet.title, cell.coordinate) in formulas)
            rows.append((row[0].row, [clean_cell(t) for t in texts], unknown))
        counter = add_sheet(layout, counter, sheet.title, rows)
    if uncached:
        layout.warnings.append(f"有 {uncached} 个公式单元格没有保存计算结果（文件未在 Excel 中重新计算并保存），按空白处理")


def add_sheet(layout: Layout, counter: int, title: str, rows: list[tuple[int, list[str], list[int]]]) -> int:
    """A sheet's rows (its row number, cell texts, covered positions) as lines after line
    `counter`; the sheet's name as a title line when no row near the top titles the table.
    Returns the last line number. (Shared by the .xlsx and .xls readers.)"""
    width = max((max((i + 1 for i, t in enumerate(cells) if t), default=0) for _, cells, _ in rows), default=0)
    if not _titles_itself(rows):
        counter += 1
        layout.lines.append(Line(counter, title, end_line=counter, sheet=title))
    for number, cells, unknown in rows:
        cells = cells[:width]
        if not any(cells):
            continue
        counter += 1
        # a one-column sheet is prose (a narrative typed into column A), not a table
        layout.lines.append(Line(counter, "\t".join(cells), cells=cells if width > 1 else None, exact=True,
                                 covered=[i for i in unknown if i < width], end_line=counter, sheet=title, row=number))
    return counter


def _formula_cells(data: bytes) -> set[tuple[str, str]]:
    """(sheet, coordinate) of every formula cell: a formula whose result the file never saved
    reads as empty in the cached values, and must not pass for a blank cell."""
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return {(sheet.title, cell.coordinate) for sheet in book.worksheets for row in sheet.iter_rows()
                for cell in row if getattr(cell, "data_type", None) == "f"}
    finally:
        book.close()


def _titles_itself(rows: list[tuple[int, list[str], list[int]]]) -> bool:
    """A sheet whose first rows hold a table title; otherwise its name serves as the title."""
    return any(t.endswith("表") or "表（" in t for _, cells, _ in rows[:3] for t in cells if t)


def _text(cell) -> str:
    return cell_text(cell.value, cell.number_format or "General")


def cell_text(value: object, number_format: str | None) -> str:
    """A cell's value as printed: a number with its format's decimals (with no format known, the
    stored digits without float noise), a date as ISO, a boolean as 是/否. (.xlsx and .xls)"""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        if number_format is not None:
            return number_text(value, number_format)
        try:
            return format(Decimal(repr(value)).quantize(Decimal("1e-10")).normalize(), "f")
        except InvalidOperation:
            return repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    return str(value)


def number_text(value: int | float, number_format: str) -> str:
    """A number as its format prints it (decimals, thousands separators, per cent)."""
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return str(value)
    percent = "%" in number_format
    if percent:
        amount *= 100
    match = _DECIMALS.search(number_format)
    if match:
        amount = amount.quantize(Decimal(1).scaleb(-len(match.group(1))))
    elif number_format not in ("General", "@") and "." not in number_format:
        amount = amount.quantize(Decimal(1))
    text = format(amount, "f")
    if "," in number_format:
        whole, _, fraction = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        whole = f"{int(whole.lstrip('-')):,}"
        text = sign + whole + ("." + fraction if fraction else "")
    return text + ("%" if percent else "")
