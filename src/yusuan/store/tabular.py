"""Plain tabular writers (CSV, XLSX, JSON) for exports and the batch summary. Text from
documents never becomes a spreadsheet formula: cells starting with = + - @ are written as text
with a leading apostrophe, and characters a workbook cannot hold are dropped."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from ..model.text import spreadsheet_text


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def csv_bytes(columns: list[str], rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: spreadsheet_text(v) if isinstance(v, str) else _plain(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 with the byte-order mark


def xlsx_bytes(sheets: dict[str, tuple[list[str], list[dict[str, Any]]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    book.remove(book.active)
    for title, (columns, rows) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(columns)
        for row in rows:
            values = []
            for column in columns:
                value = row.get(column)
                if isinstance(value, Decimal):
                    value = float(value) if value == value.quantize(Decimal("0.0001")) else format(value, "f")
                elif isinstance(value, str):
                    value = spreadsheet_text(ILLEGAL_CHARACTERS_RE.sub("", value))
                values.append(value)
            sheet.append(values)
        sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def json_bytes(documents: list[dict[str, Any]], findings: list[dict[str, Any]]) -> bytes:
    payload = {"schema": "yusuan.export/1", "documents": documents, "findings": findings}
    return json.dumps(payload, ensure_ascii=False, indent=1, default=_plain).encode("utf-8")
