"""Header rows → one canonical key per column.

Exports flatten merged header cells and often shift a spanning heading by a cell, so each column
is named from its lowest printed header cell, and only generic cells (小计/合计/金额) or items
without an intrinsic group borrow meaning from the headings above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalogue import HeaderToken, header_token
from ..model.text import compact

_YEAR = re.compile(r"(\d{4})年")
LABEL_KEYS = {"code", "code_l1", "code_l2", "code_l3", "name", "unit_code", "project_code",
              "project_type", "gov_econ_code", "gov_econ_name", "unit_name"}
# a heading over both the code and the name column, which Word exports print once
_QUALIFIER = re.compile(r"[（(][^（()）]*[)）]$")  # "项目（按功能分类）" is a 项目 column
_SPANS_CODE_AND_NAME = re.compile(r"(功能分类|经济分类)科目$")


@dataclass
class HeaderColumn:
    index: int
    key: str | None  # None: nothing printed above it
    role: str  # label / measure / skip / unknown
    header: str = ""


def _filled(rows: list[list[str]], r: int, j: int) -> str:
    """Cell text at (r, j), or the nearest printed cell to its left (a spanning heading) — but a
    span never reaches past a column where a heading higher up starts (merged cells nest)."""
    row = rows[r]
    for k in range(min(j, len(row) - 1), -1, -1):
        if row[k]:
            return row[k]
        if any(rows[up][k] for up in range(r)):
            return ""
    return ""


def name_columns(header_rows: list[list[str]], width: int, doc_year: int | None) -> list[HeaderColumn]:
    rows = []
    for raw in header_rows:
        row = [compact(c) for c in raw]
        if len(row) < width:
            for k, text in enumerate(row):
                if _SPANS_CODE_AND_NAME.search(text):
                    row.insert(k + 1, "")
                    break
        rows.append(row + [""] * (width - len(row)))
    columns: list[HeaderColumn] = []
    for j in range(width):
        printed = [r for r in range(len(rows)) if rows[r][j]]
        if not printed:
            columns.append(HeaderColumn(j, None, "unknown"))
            continue
        leaf_row = printed[-1]
        leaf_text = rows[leaf_row][j]
        leaf = header_token(leaf_text) or header_token(_QUALIFIER.sub("", leaf_text))  # 项目(按功能分类)
        if leaf is None:  # a heading wrapped over header rows: "因公出国" above "（境）费"
            for k in range(len(printed) - 2, -1, -1):
                joined = "".join(rows[r][j] for r in printed[k:])
                if header_token(joined) is not None:
                    leaf_row, leaf_text, leaf = printed[k], joined, header_token(joined)
                    break
        above = [_filled(rows, r, j) for r in range(leaf_row - 1, -1, -1)]
        above_tokens = [t for t in (header_token(a) for a in above if a) if t]
        prefix = ""
        for text in above:
            year = _YEAR.search(text)
            if year and doc_year and int(year.group(1)) < doc_year:
                prefix = "prev_"
        columns.append(_column(j, leaf_text, leaf, above_tokens, prefix))
    _budget_beside_final(columns)
    keys = {c.key for c in columns}
    if "total" not in keys and "current_total" in keys:
        for column in columns:
            if column.key == "current_total":
                column.key = "total"
    _dedupe(columns)
    return columns


def _column(j: int, text: str, leaf: HeaderToken | None, above: list[HeaderToken], prefix: str) -> HeaderColumn:
    if leaf is None:
        return HeaderColumn(j, f"col{j}", "unknown", text)
    if leaf.role == "skip":
        return HeaderColumn(j, leaf.key, "skip", text)
    if leaf.role == "label":
        key = leaf.key
        if any(t.key in ("gov_econ_code", "gov_econ_name") for t in above) and key.startswith("code"):
            key = "gov_econ_code"
        return HeaderColumn(j, key, "label", text)
    if leaf.role == "generic":
        for token in above:
            if token.role == "item":
                return HeaderColumn(j, prefix + token.key, "measure", text)
            if token.role == "group":
                return HeaderColumn(j, prefix + "current_total", "measure", text)
        return HeaderColumn(j, prefix + "total", "measure", text)
    if leaf.role == "group":
        return HeaderColumn(j, prefix + "current_total", "measure", text)
    key = leaf.key
    if leaf.fund_source and any(t.key == "carryover" for t in above):
        key = "carryover_" + key
    return HeaderColumn(j, prefix + key, "measure", text)


def _budget_beside_final(columns: list[HeaderColumn]) -> None:
    """Final accounts print 预算数 beside 决算数 under each item; the 决算数 is the item's value
    and the 预算数 becomes budget_<item>."""
    if not any(c.header == "决算数" for c in columns):
        return
    for column in columns:
        if column.header == "预算数" and column.role == "measure" and column.key:
            column.key = "budget_" + column.key


def _dedupe(columns: list[HeaderColumn]) -> None:
    seen: dict[str, int] = {}
    for column in columns:
        if column.key is None or column.role == "skip":
            continue
        if column.key in seen:
            if column.key.startswith("code"):
                column.key = "gov_econ_code"
            elif column.key == "name":
                column.key = "gov_econ_name"
            if column.key in seen:
                seen[column.key] += 1
                column.key = f"{column.key}_{seen[column.key]}"
        seen.setdefault(column.key, 1)
