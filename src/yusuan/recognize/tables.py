"""Table blocks → Tables: header naming, data rows, codes, units, realignment."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..catalogue import header_token, identities
from ..model import Alignment, Row, RowFlag, RowRole, Side, Table
from ..model.codes import join_code_parts, parse_code
from ..model.layout import Line
from ..model.money import EMPTY_MARKS, Unit, normalize_number_text, parse_amount, parse_unit
from ..model.text import ENUMERATOR, compact, normalize_label
from . import realign as realigner
from .columns import LABEL_KEYS, HeaderColumn, name_columns
from .geometry import snap_to_header
from .segment import TableBlock, is_meta, says_empty
from .sidebyside import unfold

_WHOLE = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"\d\.\d|\d,\d{3}")
_CODE_CELL = re.compile(r"^[235]\d{2}(\s?\d{2}){0,2}$")
_TOTAL_LABEL = re.compile(r"^(合计|总计|单位合计|收入合计|支出合计|收入总计|支出总计)[:：]?$")
_SUBTOTAL_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,8}合计$")


def build_table(block: TableBlock, doc_year: int | None, doc_unit: Unit | None) -> Table:
    unit = _table_unit(block) or doc_unit
    rows = [r for r in block.rows if not is_meta(r)]
    if not block.kind.two_sided:
        rows = unfold(rows)
    header_rows: list[Line] = []
    data_rows: list[Line] = []
    for line in rows:
        if compact(line.cells[0] if line.cells else "") == "栏次":
            continue
        if not data_rows and not _is_data_row(line):
            header_rows.append(line)
        else:
            data_rows.append(line)
    if data_rows and header_rows:
        split = _header_cells_in_data(data_rows[0])
        if split is not None:
            header_rows.append(split[0])
            data_rows[0] = split[1]
    data_rows = snap_to_header(header_rows, data_rows)
    width = max((len(r.cells or []) for r in header_rows + data_rows), default=0)
    columns = name_columns([r.cells or [] for r in header_rows], width, doc_year)
    title_loc = block.title_line.location
    table = Table(
        kind=block.kind.key,
        title=block.title,
        location=title_loc,
        unit=unit,
        columns=_measure_keys(columns, block.kind.two_sided),
        notes=[n.text for n in block.notes],
    )
    header_texts = {compact(c) for r in header_rows for c in (r.cells or []) if c.strip()}
    if block.kind.two_sided:
        table.rows = _two_sided_rows(data_rows, columns, header_rows, header_texts)
    else:
        table.rows = _rows(data_rows, columns, header_texts)
    if not any(any(r.values.values()) for r in table.rows):  # nothing, or only 0.00 (a 合计 of nothing)
        labelled = [r for r in table.rows if r.label and r.role != RowRole.TOTAL]
        table.empty_by_design = says_empty(table.notes) or not labelled
    if not block.kind.two_sided:
        # a row printing every cell of its header lost none: if no placement makes it add up,
        # the imbalance is the document's, not a collapse of empty cells
        whole = {line.line for line in data_rows if line.cells is not None and len(line.cells) >= len(columns)}
        _realign(table, whole)
    return table


def _header_cells_in_data(line: Line) -> tuple[Line, Line] | None:
    """"类 | 款 | 项 | 合计 | 2,946.25 …": the last header row printed in the 合计 row (final-account
    PDFs). The label headings become a header row of their own; the rest stays data."""
    cells = line.cells or []
    heads = [i for i, c in enumerate(cells[:4]) if compact(c) in ("类", "款", "项")]
    if len(heads) < 2:
        return None
    header = [c if i in heads else "" for i, c in enumerate(cells)]
    data = ["" if i in heads else c for i, c in enumerate(cells)]
    return (replace(line, cells=header, text="\t".join(header)), replace(line, cells=data, text="\t".join(data)))


def _table_unit(block: TableBlock) -> Unit | None:
    for line in [block.title_line, *block.preamble, *block.rows[:6]]:
        texts = [line.text] if line.cells is None else line.cells
        for text in texts:
            unit = parse_unit(text)
            if unit:
                return unit
    # "单位：" and "万元" on separate lines
    joined = "".join(compact(line.text) for line in block.preamble)
    return parse_unit(joined)


_ENUMERATED = re.compile(r"^[一二三四五六七八九十]+、\S")


def _is_data_row(line: Line) -> bool:
    cells = line.cells or []
    texts = [compact(c) for c in cells]
    if any(_DECIMAL.search(t) and parse_amount(t) is not None for t in texts):
        return True
    if any(_CODE_CELL.match(c.strip()) for c in cells[:4]):
        return True
    printed = [t for t in texts if t]
    # a 合计 row with nothing else printed is the total row of an empty table, not a header
    if len(printed) == 1 and _TOTAL_LABEL.match(printed[0]):
        return True
    # an enumerated line label ("一、一般公共服务支出") is a row, amounts or not: an unfilled
    # template prints its rows empty, and a heading is never enumerated
    if printed and _ENUMERATED.match(printed[0]) and header_token(printed[0]) is None:
        return True
    # whole numbers ("公务接待费 | 2", "190 | 100 | 0 | 90") — not a 栏次 row "1 | 2 | 3", not a
    # heading row
    labelled = bool(printed) and not _WHOLE.fullmatch(printed[0])
    if labelled and header_token(printed[0]) is not None and not _TOTAL_LABEL.match(printed[0]):
        return False  # a heading over a numbered column, not a row
    numbers = [int(t) for t in printed[1 if labelled else 0:] if _WHOLE.fullmatch(t)]
    numbering = len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))
    return len(numbers) >= (1 if labelled else 2) and not numbering


def _is_repeated_header(cells: list[str], header_texts: set[str]) -> bool:
    printed = [compact(c) for c in cells if c.strip()]
    if not printed or any(parse_amount(p) is not None for p in printed):
        return False
    return all(p in header_texts or header_token(p) is not None for p in printed)


def _rows(lines: list[Line], columns: list[HeaderColumn], header_texts: set[str]) -> list[Row]:
    by_key = {c.key: c for c in columns if c.key}
    code_parts = [by_key.get(k) for k in ("code_l1", "code_l2", "code_l3")]
    has_parts = any(code_parts)
    state: list[str] = []
    rows: list[Row] = []
    for line in lines:
        cells = (line.cells or []) + [""] * (len(columns) - len(line.cells or []))
        if _is_repeated_header(cells, header_texts):
            continue
        location = line.location
        values: dict[str, Decimal] = {}
        texts: dict[str, str] = {}
        cell_columns: dict[str, int] = {}
        blank: list[str] = []
        for column in columns:
            cell = cells[column.index] if column.index < len(cells) else ""
            if _is_blank(cell):
                if line.exact and column.role == "measure" and column.key and column.index not in line.covered:
                    blank.append(column.key)  # a cell the source leaves empty (or "—"): a stated zero
                continue
            if column.role == "skip":
                continue
            if column.role == "label":
                texts[column.key] = normalize_label(cell)
                continue
            amount = parse_amount(cell)
            key = column.key or f"col{column.index}"
            if amount is not None and column.role in ("measure", "unknown"):
                values[key] = amount
                cell_columns[key] = column.index
            else:
                texts[key] = normalize_label(cell)
        code = None
        if has_parts:
            parts = [cells[c.index] if c else "" for c in code_parts]
            if any(_is_code_text(p) for p in parts):
                code, state = join_code_parts(parts, state)
        elif "code" in texts and _is_code_text(texts["code"]):
            code = parse_code(texts["code"])
        label = texts.get("name") or _fallback_label(texts)
        if _is_code_text(label) and not texts.get("unit_code"):
            texts["unit_code"], label = label, texts.get("unit_name", "")
        if _wraps(line) and _is_continuation(values, texts, code, rows):
            _append_continuation(rows[-1], texts)
            continue
        unit_code = texts.get("unit_code")
        row = Row(label=label, values=values, location=location, code=code,
                  unit_code=unit_code if unit_code and unit_code.isdigit() else None,
                  texts={k: v for k, v in texts.items() if k not in ("name",)},
                  cell_columns=cell_columns, blank=blank, exact=line.exact)
        row.role = _role(row, texts)
        if not rows and not label and values and not code:
            row.role = RowRole.TOTAL  # an unlabelled first row is the table's 合计
        rows.append(row)
    return rows


def _is_blank(cell: str) -> bool:
    """A cell the document leaves empty or marks as nothing (—, -)."""
    text = cell.strip()
    return not text or (len(text) <= 3 and normalize_number_text(text) in EMPTY_MARKS)


def _is_code_text(text: str) -> bool:
    return bool(re.fullmatch(r"\d{2,7}", compact(text)))


def _fallback_label(texts: dict[str, str]) -> str:
    """A label printed outside the name column (合计 under 项目类型, say)."""
    for value in texts.values():
        if value and not _is_code_text(value):
            return value
    return ""


def _role(row: Row, texts: dict[str, str]) -> RowRole:
    if _TOTAL_LABEL.match(compact(row.label)):
        return RowRole.TOTAL
    if _SUBTOTAL_LABEL.match(compact(row.label)) and not row.code:
        return RowRole.SUBTOTAL  # 人员经费合计 / 公用经费合计 closing a block of a side-by-side table
    if row.unit_code and not row.code and not texts.get("project_type"):
        return RowRole.UNIT
    return RowRole.ITEM


def _wraps(line: Line) -> bool:
    """Whether a cell's text can have wrapped onto this row: not in a Word, Excel or HTML table,
    whose cells hold all their text (a PDF grid may rule a wrapped line as a row of its own)."""
    return not (line.exact and line.cell_boxes is None)


def _is_continuation(values: dict, texts: dict, code: str | None, rows: list[Row]) -> bool:
    """A row holding only a wrapped remainder of the previous row's text."""
    if values or code or not rows:
        return False
    printed = [v for v in texts.values() if v]
    if len(printed) != 1:
        return False
    text = compact(printed[0])
    if ENUMERATOR.match(text) or _TOTAL_LABEL.match(text) or text.startswith("其中") or text.endswith("费"):
        return False
    return len(text) <= 30


def _append_continuation(row: Row, texts: dict[str, str]) -> None:
    for key, value in texts.items():
        if key == "name":
            row.label = normalize_label(row.label + value)
        else:
            row.texts[key] = normalize_label(row.texts.get(key, "") + value)


def _two_sided_rows(lines: list[Line], columns: list[HeaderColumn], header_rows: list[Line],
                    header_texts: set[str]) -> list[Row]:
    """Rows of a table printed as label | amount blocks side by side: 收入 on the left, then one
    or two 支出 blocks (by function class, and by purpose or economic class), each its own side,
    so that no block is added to another."""
    names = [c.index for c in columns if _is_name(c.key)]
    if len(names) < 2:
        return _rows(lines, columns, header_texts)
    starts = [0, *names[1:]]
    spans = [range(start, end) for start, end in zip(starts, [*starts[1:], len(columns)], strict=True)]
    sides = _block_sides(spans, header_rows, lines, columns)
    rows: list[Row] = []
    for line in lines:
        cells = (line.cells or []) + [""] * len(columns)
        if _is_repeated_header(cells, header_texts):
            continue
        blocks = [(side, *_block_cells(cells, columns, span, line)) for side, span in zip(sides, spans, strict=True)]
        for index, (side, label, values, cell_columns, blank) in enumerate(blocks):
            last = next((r for r in reversed(rows) if r.section == side), None)
            if (values or blank) and not label and index > 1:
                # a label merged across both 支出 blocks ("当年支出小计", "结转下年资金") owns the
                # cell printed under the next block: its label cell covers this block's label
                # column (or, where the reader cannot say, it is a total)
                host = blocks[index - 1]
                merged = (_reaches(line, spans[index - 1].start, spans[index].start) if line.exact and line.cell_boxes
                          else bool(_SUMS.search(compact(host[1]))))
                if host[1] and not host[2] and merged:
                    host[2].update(values)
                    host[3].update(cell_columns)
                    host[4][:] = [b for b in dict.fromkeys(host[4] + blank) if b not in host[2]]
                    continue
            if label and not values and last is not None and _wraps(line) and _wrapped_remainder(label, last, line):
                last.label = normalize_label(last.label + label)
                continue
            if label:
                row = Row(label=label, values=values, location=line.location, section=side, cell_columns=cell_columns,
                          blank=blank, exact=line.exact)
                row.role = RowRole.TOTAL if re.search(r"(合计|总计)", compact(label)) else RowRole.ITEM
                rows.append(row)
            elif last is not None and values and not last.values:
                last.values.update(values)
                last.cell_columns.update(cell_columns)
                last.blank = [b for b in last.blank if b not in values]
    return rows


_SUMS = re.compile(r"(合计|小计|总计)$")


def _reaches(line: Line, label_column: int, next_block: int) -> bool:
    """The label cell of one block stretches over the next block's label column (a merged cell):
    its box ends where the next printed cell begins."""
    boxes = line.cell_boxes or []
    box = boxes[label_column] if label_column < len(boxes) else None
    following = next((b for b in boxes[next_block:] if b is not None), None)
    return box is not None and following is not None and box[2] >= following[0] - 1


def _wrapped_remainder(label: str, previous: Row, line: Line) -> bool:
    """A few characters that wrapped out of the label above ("九、医疗卫生与计划生育支" / "出")."""
    text = compact(label)
    return (len(text) <= 3 and not ENUMERATOR.match(text) and not _SUMS.search(text)
            and previous.location.line is not None and line.line - previous.location.line <= 2
            and ENUMERATOR.match(compact(previous.label)) is not None)


def _block_cells(cells: list[str], columns: list[HeaderColumn], span: range, line: Line
                 ) -> tuple[str, dict[str, Decimal], dict[str, int], list[str]]:
    label = ""
    values: dict[str, Decimal] = {}
    cell_columns: dict[str, int] = {}
    blank: list[str] = []
    for j in span:
        column, cell = columns[j], cells[j]
        if _is_blank(cell):
            if line.exact and column.role == "measure" and column.key and j not in line.covered:
                blank.append(re.sub(r"_\d+$", "", column.key))
            continue
        if column.role == "skip" or column.key is None:
            continue  # (a column no heading names holds nothing this row can be sure of)
        if _is_name(column.key):
            label = normalize_label(cell)
            continue
        amount = parse_amount(cell)
        if amount is not None:
            key = re.sub(r"_\d+$", "", column.key) if column.key not in LABEL_KEYS else f"col{j}"
            values[key] = amount
            cell_columns[key] = j
    return label, values, cell_columns, [b for b in blank if b not in values]


def _is_name(key: str | None) -> bool:
    """A label column of a two-sided table (deduplicated names carry a _2, _3 suffix)."""
    return re.sub(r"_\d+$", "", key or "") in ("name", "gov_econ_name")


_USE_LABEL = re.compile(r"(基本支出|项目支出|机动经费|工资福利|商品和服务|对个人和家庭|资本性支出|人员经费|公用经费)")
_BY_USE = re.compile(r"(用途|经济分类|支出性质|按经济)")


def _block_sides(spans: list[range], header_rows: list[Line], lines: list[Line], columns: list[HeaderColumn]
                 ) -> list[Side]:
    """收入 first; of two 支出 blocks, the one whose rows name uses (基本支出, 项目支出, 工资福利 …)
    rather than function classes lists spending by use — or, failing that, the one headed
    支出用途/经济分类."""
    sides = [Side.INCOME] + [Side.EXPENDITURE] * (len(spans) - 1)
    if len(spans) != 3:
        return sides
    labels = [[compact(line.cells[j]) for line in lines for j in span
               if line.cells and j < len(line.cells) and _is_name(columns[j].key)] for span in spans[1:]]
    uses = [sum(1 for label in block if _USE_LABEL.search(label)) for block in labels]
    if uses[0] != uses[1]:
        use = 0 if uses[0] > uses[1] else 1
    else:
        headings = ["".join(compact(r.cells[j]) for r in header_rows for j in span if r.cells and j < len(r.cells))
                    for span in spans[1:]]
        use = next((i for i, h in enumerate(headings) if _BY_USE.search(h)), 1)
    sides[1 + use] = Side.EXPENDITURE_USE
    return sides


def _realign(table: Table, whole: set[int]) -> None:
    keys = table.columns
    rules = realigner.applicable(identities(), keys)
    if not rules or not table.rows:
        return
    items = [r for r in table.rows if r.values or r.role != RowRole.ITEM]
    vectors = [tuple(r.values.get(k) for k in keys) for r in items]
    totals_row = next((r for r in items if r.role == RowRole.TOTAL), None)
    totals = tuple(totals_row.values.get(k) for k in keys) if totals_row else None
    leaves = _leaf_indexes(items)
    outcomes = realigner.realign(vectors, rules, totals, leaves)
    trusted = _header_proven(items, outcomes, whole)
    for row, outcome in zip(items, outcomes, strict=True):
        if outcome.status == Alignment.OK or row.exact:
            continue  # exact cells are never moved: a row that does not add up is the document's
        if outcome.status == Alignment.UNBALANCED and trusted and row.location.line in whole:
            continue  # printed whole, the header proven by its neighbours: the document's own imbalance
        row.flags.append(RowFlag(outcome.status.value))
        if outcome.status == Alignment.REALIGNED:
            row.values = {k: v for k, v in zip(keys, outcome.vector, strict=True) if v is not None}
            row.cell_columns = {}
            row.blank = []  # which of the lost cells were blank is not proven
            table.warnings.append(f"第 {row.location.line} 行空单元格缺失，已按表内勾稽关系重新对齐")
        elif outcome.status == Alignment.AMBIGUOUS:
            table.warnings.append(f"第 {row.location.line} 行空单元格缺失且无法唯一对齐，保留原样")


# whole rows that must add up before a whole row that does not is taken as printed
PROVEN_ROWS = 3


def _header_proven(items: list[Row], outcomes: list, whole: set[int]) -> bool:
    """Whether the columns are read right: several rows printed whole add up under them, and at
    most one does not (a document errs in a row; a misread header makes most rows fail)."""
    statuses = [o.status for r, o in zip(items, outcomes, strict=True) if r.location.line in whole]
    return statuses.count(Alignment.OK) >= PROVEN_ROWS and statuses.count(Alignment.UNBALANCED) <= 1


def _leaf_indexes(rows: list[Row]) -> set[int]:
    """Rows that add up to the 合计 row: the deepest-coded item rows (or all items)."""
    coded = [r for r in rows if r.role == RowRole.ITEM and r.code]
    if coded:
        depth = max(len(r.code) for r in coded)
        return {i for i, r in enumerate(rows) if r.role == RowRole.ITEM and r.code and len(r.code) == depth}
    return {i for i, r in enumerate(rows) if r.role == RowRole.ITEM}


def _measure_keys(columns: list[HeaderColumn], two_sided: bool) -> list[str]:
    keys = [c.key for c in columns if c.role == "measure" and c.key]
    if two_sided:
        keys = list(dict.fromkeys(re.sub(r"_\d+$", "", k) for k in keys))
    return keys
