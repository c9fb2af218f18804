"""The input workbook template (`yusuan template`): one sheet per input table, headers from the
catalogue, drop-down lists for choices, and a 填写说明 sheet — optionally pre-filled from a
YAML/JSON file (the bundled example, or a budget system's export converted to that shape)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .render.xlsx import defuse
from .schema import sheets

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TYPES = {"text": "文字", "code": "科目编码", "money": "金额（元）", "count": "整数", "choice": "下拉选择", "bool": "是/否"}


def write_template(path: Path, records: dict[str, list[tuple[int, dict[str, Any]]]] | None = None) -> None:
    book = Workbook()
    guide = book.active
    guide.title = "填写说明"
    guide.append(["工作表", "列", "类型", "必填", "说明"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for spec in sheets():
        guide.append([spec.name, "", "", "", spec.help])
        for column in spec.columns:
            note = "、".join(column.choices) if column.choices else ""
            guide.append(["", column.header, _TYPES[column.type], "是" if column.required else "", note])
    for letter, width in zip("ABCDE", (16, 22, 12, 6, 90), strict=True):
        guide.column_dimensions[letter].width = width

    for spec in sheets():
        sheet = book.create_sheet(spec.name)
        rows = (records or {}).get(spec.key, [])
        if spec.form == "fields":
            values = rows[0][1] if rows else {}
            sheet.append(["项目", "内容"])
            for column in spec.columns:
                sheet.append([column.header, values.get(column.header)])
            sheet.column_dimensions["A"].width = 14
            sheet.column_dimensions["B"].width = 100
            for row in sheet.iter_rows(min_row=2):
                row[1].alignment = Alignment(wrap_text=True, vertical="top")
        else:
            sheet.append([c.header for c in spec.columns])
            for _, values in rows:
                sheet.append([_cell(values.get(c.header)) for c in spec.columns])
            for index, column in enumerate(spec.columns, start=1):
                letter = get_column_letter(index)
                sheet.column_dimensions[letter].width = max(12, len(column.header) * 2 + 4)
                if column.choices:
                    choice = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"',
                                            allow_blank=not column.required)
                    choice.error = f"请从下拉列表中选择：{'、'.join(column.choices)}"
                    sheet.add_data_validation(choice)
                    choice.add(f"{letter}2:{letter}5000")
                if column.type in ("code", "text"):
                    for row in range(2, max(len(rows) + 2, 3)):
                        sheet.cell(row, index).number_format = "@"  # codes keep their leading zeros
                if column.type == "money":
                    for row in range(2, len(rows) + 2):
                        sheet.cell(row, index).number_format = "#,##0.00"
            sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
    defuse(book)
    book.save(str(path))


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    return value
