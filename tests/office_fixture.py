"""A hand-written disclosure (fictional department) and builders that print it as Word, Excel
and HTML the way real offices do: merged header cells, a table split across two Word tables
(page break, header repeated), 元 and 万元 side by side, hidden Excel rows/columns, cached
formula values, a GBK-encoded web page with rowspan/colspan.

The readers must hand back exactly the cells written here (merged cells as their top-left text,
covered positions empty), and the parsed disclosure must carry the figures below.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from yusuan.readers.grid import Span, to_grid

DEPARTMENT = "青川县文化和旅游局"
TITLE = f"{DEPARTMENT}2025年部门预算"
NARRATIVE = [
    "一、收支预算总体情况",
    f"2025年{DEPARTMENT}收入预算1,250.00万元，支出预算1,250.00万元。",
    "二、“三公”经费预算情况",
    "2025年“三公”经费预算8.50万元，与上年持平。",
]


@dataclass
class FixtureTable:
    title: str
    unit: str
    header: list[list[Span]]
    rows: list[list[str]]
    split_at: int | None = None  # Word: continue in a second table from this data row

    def grid(self) -> list[list[str]]:
        return to_grid(self.header) + self.rows


SUMMARY = FixtureTable(
    "收支总表", "万元",
    [[Span("收入", 2), Span("支出", 2)], [Span("项目"), Span("预算数"), Span("项目"), Span("预算数")]],
    [
        ["一、一般公共预算拨款收入", "1,250.00", "一、文化旅游体育与传媒支出", "1,100.00"],
        ["二、政府性基金预算拨款收入", "0.00", "二、社会保障和就业支出", "100.00"],
        ["三、事业收入", "0.00", "三、卫生健康支出", "50.00"],
        ["本年收入合计", "1,250.00", "本年支出合计", "1,250.00"],
        ["收入总计", "1,250.00", "支出总计", "1,250.00"],
    ],
)
EXPENDITURE = FixtureTable(
    "支出总表", "万元",
    [[Span("功能分类科目", 2), Span("合计", 1, 2), Span("基本支出", 1, 2), Span("项目支出", 1, 2)],
     [Span("科目编码"), Span("科目名称")]],
    [
        ["", "合计", "1,250.00", "800.00", "450.00"],
        ["207", "文化旅游体育与传媒支出", "1,100.00", "650.00", "450.00"],
        ["20701", "文化和旅游", "1,100.00", "650.00", "450.00"],
        ["2070101", "行政运行", "650.00", "650.00", ""],
        ["2070108", "文化活动", "450.00", "", "450.00"],
        ["208", "社会保障和就业支出", "100.00", "100.00", ""],
        ["20805", "行政事业单位养老支出", "100.00", "100.00", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "100.00", "100.00", ""],
        ["210", "卫生健康支出", "50.00", "50.00", ""],
        ["21011", "行政事业单位医疗", "50.00", "50.00", ""],
        ["2101101", "行政单位医疗", "50.00", "50.00", ""],
    ],
    split_at=6,
)
THREE_PUBLIC = FixtureTable(
    "“三公”经费支出预算表", "元",
    [[Span("“三公”经费合计", 1, 2), Span("因公出国（境）费", 1, 2), Span("公务用车购置及运行费", 3),
      Span("公务接待费", 1, 2)],
     [Span("小计"), Span("公务用车购置费"), Span("公务用车运行费")]],
    [["85,000.00", "0.00", "60,000.00", "0.00", "60,000.00", "25,000.00"]],
)
TABLES = [SUMMARY, EXPENDITURE, THREE_PUBLIC]
FIGURES = {  # 万元, as the document states them
    "total_income": Decimal("1250.00"),
    "total_expenditure": Decimal("1250.00"),
    "basic_expenditure": Decimal("800.00"),
    "project_expenditure": Decimal("450.00"),
    "three_public_total": Decimal("8.5"),
    "three_public_reception": Decimal("2.5"),
}


def expected_rows(table: FixtureTable) -> list[list[str]]:
    """What a reader must return for a table: its grid (a split table repeats its header)."""
    grid = table.grid()
    if table.split_at is None:
        return grid
    header = to_grid(table.header)
    cut = len(header) + table.split_at
    return grid[:cut] + header + grid[cut:]


def _number(text: str) -> float | None:
    return float(text.replace(",", "")) if re.fullmatch(r"[\d,]+\.\d+", text) else None


# ---- Word ----------------------------------------------------------------------------------

def build_docx(path: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for text in NARRATIVE:
        document.add_paragraph(text)
    for table in TABLES:
        document.add_paragraph(table.title)
        document.add_paragraph(f"单位：{table.unit}")
        parts = [table.rows] if table.split_at is None else [table.rows[:table.split_at], table.rows[table.split_at:]]
        for index, rows in enumerate(parts):
            if index:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _word_table(document, table.header, rows)
    document.save(path)
    return path


def _word_table(document, header: list[list[Span]], rows: list[list[str]]) -> None:
    grid = to_grid(header)
    width = len(grid[0])
    word = document.add_table(rows=len(grid) + len(rows), cols=width)
    placed: set[tuple[int, int]] = set()
    for r, spans in enumerate(header):
        c = 0
        for span in spans:
            while (r, c) in placed:
                c += 1
            cell = word.cell(r, c)
            if span.colspan > 1 or span.rowspan > 1:
                cell = cell.merge(word.cell(r + span.rowspan - 1, c + span.colspan - 1))
            cell.text = span.text
            for dr in range(span.rowspan):
                for dc in range(span.colspan):
                    placed.add((r + dr, c + dc))
            c += span.colspan
    for r, cells in enumerate(rows, start=len(grid)):
        for c, text in enumerate(cells):
            word.cell(r, c).text = text


# ---- Excel ---------------------------------------------------------------------------------

def build_xlsx(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    cached: dict[str, dict[str, float]] = {}
    notes = book.create_sheet("情况说明")
    notes.append([TITLE])
    for text in NARRATIVE:
        notes.append([text])
    for index, table in enumerate(TABLES):
        sheet = book.create_sheet(f"表{index + 1}")
        sheet.append([table.title])
        sheet.append([f"单位：{table.unit}"])
        top = 3
        for r, spans in enumerate(table.header):
            c = 1
            for span in spans:
                while sheet.cell(top + r, c).coordinate in _covered(sheet):
                    c += 1
                sheet.cell(top + r, c, span.text)
                if span.colspan > 1 or span.rowspan > 1:
                    sheet.merge_cells(start_row=top + r, start_column=c,
                                      end_row=top + r + span.rowspan - 1, end_column=c + span.colspan - 1)
                c += span.colspan
        first = top + len(table.header)
        for r, cells in enumerate(table.rows):
            for c, text in enumerate(cells, start=1):
                number = _number(text)
                cell = sheet.cell(first + r, c, number if number is not None else (text or None))
                if number is not None:
                    cell.number_format = "#,##0.00"
        # noise a reader must not see: a hidden row and a hidden column
        hidden_row = first + len(table.rows)
        sheet.cell(hidden_row, 1, "草稿行（隐藏）")
        sheet.row_dimensions[hidden_row].hidden = True
        hidden_column = len(table.grid()[0]) + 1
        sheet.cell(first, hidden_column, "内部备注（隐藏列）")
        sheet.column_dimensions[openpyxl.utils.get_column_letter(hidden_column)].hidden = True
        if table is EXPENDITURE:  # the 合计 row as formulas, with the values Excel cached
            for c in range(3, 6):
                letter = openpyxl.utils.get_column_letter(c)
                coordinate = f"{letter}{first}"
                sheet[coordinate] = f"=SUM({letter}{first + 1},{letter}{first + 5},{letter}{first + 8})"
                sheet[coordinate].number_format = "#,##0.00"
                cached.setdefault(sheet.title, {})[coordinate] = _number(table.rows[0][c - 1])
    book.create_sheet("隐藏的工作表").append(["这张表不应读到"])
    book["隐藏的工作表"].sheet_state = "hidden"
    book.save(path)
    _cache_formula_values(path, book, cached)
    return path


def _covered(sheet) -> set[str]:
    return {cell.coordinate for merged in sheet.merged_cells.ranges for row in sheet[merged.coord] for cell in row}


def _cache_formula_values(path: Path, book, cached: dict[str, dict[str, float]]) -> None:
    """openpyxl writes formulas without results; put in the <v> Excel would have saved."""
    index = {name: i + 1 for i, name in enumerate(book.sheetnames)}
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for title, values in cached.items():
        member = f"xl/worksheets/sheet{index[title]}.xml"
        xml = members[member].decode("utf-8")
        for coordinate, value in values.items():
            xml = re.sub(rf'(<c r="{coordinate}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
                         lambda m, v=value: f"{m.group(1)}{m.group(2)}<v>{v}</v>", xml)
        members[member] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)


# ---- HTML (GBK) ----------------------------------------------------------------------------

def build_html(path: Path, *, declare: bool = True) -> Path:
    parts = ["<!DOCTYPE html><html><head>"]
    if declare:
        parts.append('<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    parts.append(f"<title>{TITLE}</title><style>td{{border:1px solid}}</style></head><body>")
    parts.append(f"<h1>{TITLE}</h1>")
    parts.extend(f"<p>{text}</p>" for text in NARRATIVE)
    parts.append('<div style="display:none">隐藏内容不应读到</div>')
    for table in TABLES:
        parts.append(f"<p><b>{table.title}</b></p><p>单位：{table.unit}</p><table>")
        for spans in table.header:
            parts.append("<tr>" + "".join(
                f'<th colspan="{s.colspan}" rowspan="{s.rowspan}">{s.text}</th>' for s in spans) + "</tr>")
        for cells in table.rows:
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path.write_bytes("".join(parts).encode("gbk"))
    return path
