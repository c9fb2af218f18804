"""Projects (项目支出表) and their performance targets (绩效目标表)."""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import (
    FundLine,
    Indicator,
    Location,
    OrgTarget,
    PerformanceTarget,
    Project,
    RowRole,
    StatedAmount,
    Table,
)
from ..model.layout import Line
from ..model.money import Unit, parse_amount, parse_unit
from ..model.text import compact, normalize_label
from .segment import TableBlock

_LEVEL1 = re.compile(r"^(成本指标|产出指标|效益指标|满意度指标)$")
_LEVEL2 = re.compile(r".*(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|经济成本|社会成本|生态环境成本)(指标)?$")
_VALUE = re.compile(r"^\s*(≥|≤|>|<|=|＞|＜|大于等于|小于等于|不低于|不高于|不超过)?\s*(\d[\d,]*(?:\.\d+)?)\s*(.*)$")
_OPERATORS = {"＞": ">", "＜": "<", "大于等于": "≥", "不低于": "≥", "小于等于": "≤", "不高于": "≤", "不超过": "≤"}
_AMOUNT_LABEL = re.compile(r"(年度(预算)?资金总额|预算数|项目金额|资金总额|年度预算资金)")
_TARGET_TABLES = ("project_performance", "special_fund_performance")
_NAME_LABELS = ("项目名称", "专项资金名称")
# a source of the project's money listed under its 资金总额 (其中：财政拨款, 其他资金, 单位自筹 …)
_FUND_LABEL = re.compile(r"^(其中[:：]?)?(?P<name>[^:：\d]{0,14}(资金|拨款|自筹))[:：]?$")


def projects(tables: list[Table]) -> list[Project]:
    found: list[Project] = []
    for table in tables:
        if table.kind not in ("projects", "projects_carryover") or table.doubts:
            continue
        for row in table.rows:
            if row.role != RowRole.ITEM or not row.label or not row.certain:
                continue
            found.append(Project(
                name=row.label, amount=row.values.get("total"), unit=table.unit, location=row.location,
                unit_code=row.unit_code, project_type=row.texts.get("project_type"),
                values=dict(row.values), source_table=table.kind,
            ))
    return found


def performance_targets(blocks: list[TableBlock], tables: list[Table]) -> list[PerformanceTarget]:
    targets: list[PerformanceTarget] = []
    for block, table in zip(blocks, tables, strict=True):
        if table.kind not in _TARGET_TABLES:
            continue
        if any(_is_key_value(r.cells or []) for r in block.rows[:4]):
            read = [_key_value_target(block.rows, table.location, table.unit, table.title)]
        else:
            read = _summary_targets(block.rows, table)
        for target in read:
            target.source_table = table.kind
        targets += read
    return [t for t in targets if t.name]


def _is_key_value(cells: list[str]) -> bool:
    return any(compact(c) in (*_NAME_LABELS, "项目编码") for c in cells)


def _next_value(cells: list[str], index: int) -> str:
    for cell in cells[index + 1 :]:
        if cell.strip():
            return cell.strip()
    return ""


def untitled_targets(lines: list[Line]) -> tuple[list[PerformanceTarget], list[Line]]:
    """Performance-target tables printed without a title (a "项目名称 | X" row, then 主管部门,
    项目资金 …): found among the lines left after segmentation, returned with those lines removed
    so that they are not read as narrative."""
    targets: list[PerformanceTarget] = []
    rest: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        ahead = [compact("".join(x.cells or [])) for x in lines[i + 1: i + 8]]
        if not (line.cells and _is_key_value(line.cells) and any(("项目资金" in a or "主管部门" in a) for a in ahead)):
            rest.append(line)
            i += 1
            continue
        block = [line]
        i += 1
        while i < len(lines) and (lines[i].cells is not None or not lines[i].text.strip()):
            if lines[i].cells is not None and _is_key_value(lines[i].cells or []) and compact((lines[i].cells or [""])[0]) == "项目名称":
                break
            if lines[i].cells is not None:
                block.append(lines[i])
            i += 1
        location = line.location_to(block[-1].end_line or block[-1].line)
        targets.append(_key_value_target(block, location, None, ""))
    return [t for t in targets if t.name], rest


def _key_value_target(rows: list[Line], location: Location, unit: Unit | None, title: str) -> PerformanceTarget:
    target = PerformanceTarget(name="", location=location, unit=unit)
    level1 = level2 = None
    period_amount = None
    fund_columns: list[bool] | None = None  # the 资金总额 row's columns: 实施期 (True) or the year
    for line in rows:
        cells = line.cells or []
        texts = [compact(c) for c in cells]
        if fund_columns is not None:
            funds = _fund_lines(cells, texts, fund_columns, line.location)
            if funds is None:
                fund_columns = None
            else:
                target.funds.extend(funds)
        totals = [t for t in texts if _AMOUNT_LABEL.search(t) and "总额" in t]
        if totals:
            fund_columns = ["实施期" in t for t in totals]
        for i, text in enumerate(texts):
            if text in _NAME_LABELS and not target.name:
                target.name = normalize_label(_next_value(cells, i))
            elif text == "项目编码" and not target.code:
                target.code = compact(_next_value(cells, i))
            elif _AMOUNT_LABEL.search(text) and "实施期" in text and period_amount is None:
                period_amount = parse_amount(_next_value(cells, i))  # the whole multi-year period
                target.unit = parse_unit("".join(texts)) or target.unit
            elif _AMOUNT_LABEL.search(text) and target.amount is None:
                target.amount = parse_amount(_next_value(cells, i))
                target.unit = parse_unit("".join(texts)) or target.unit
        if any(parse_unit(t) for t in texts[:1]):
            target.unit = parse_unit(texts[0]) or target.unit
        printed = [normalize_label(c) for c in cells if c.strip()]
        for text in printed:
            if _LEVEL1.match(compact(text)):
                level1 = compact(text)
        level2_cells = [t for t in printed if _LEVEL2.match(compact(t)) and not _LEVEL1.match(compact(t))]
        if level2_cells:
            level2 = compact(level2_cells[0])
        rest = [t for t in printed if not _LEVEL1.match(compact(t)) and t not in level2_cells
                and compact(t) not in ("绩效指标", "年度绩效指标")]
        if level1 and len(rest) >= 2 and not any(compact(t) in ("一级指标", "三级指标") for t in printed):
            target.indicators.append(_indicator(level1, level2, rest[0], rest[-2] if len(rest) > 3 else rest[1],
                                                line.location))
    target.period_amount = period_amount
    if target.amount is None:
        target.amount = period_amount
    if title and not target.name:
        target.name = re.sub(r"^\d+、|绩效目标表$", "", title)
    return target


def _fund_lines(cells: list[str], texts: list[str], columns: list[bool], location: Location) -> list[FundLine] | None:
    """The fund sources a row of a key-value target table lists under the 资金总额 row, one per
    column that row opened ("其中：财政拨款 | 90 | 其中：财政拨款 | 90"); None when the row is not
    such a row (the list has ended) or its labels do not line up with those columns."""
    labels = [i for i, text in enumerate(texts) if _FUND_LABEL.match(text) and "总额" not in text]
    if not labels or len(labels) != len(columns):
        return None
    found = []
    for j, i in enumerate(labels):
        end = labels[j + 1] if j + 1 < len(labels) else len(cells)
        value = next((c for c in cells[i + 1:end] if c.strip()), "")
        match = _FUND_LABEL.match(texts[i])
        assert match is not None
        found.append(FundLine(match.group("name"), parse_amount(value) if value else None, location, columns[j]))
    return found


def _summary_fund_columns(lines) -> dict[int, str]:
    """A many-project table's fund-source columns: those after its 资金总额 column in the header."""
    for line in lines:
        texts = [compact(c) for c in line.cells or []]
        if "资金总额" in texts:
            columns = {}
            for k in range(texts.index("资金总额") + 1, len(texts)):
                if not _FUND_LABEL.match(texts[k]):
                    break
                columns[k] = texts[k]
            return columns
    return {}


def _summary_targets(lines, table: Table) -> list[PerformanceTarget]:
    """Tables listing many projects: a row with a project code, name and amount starts one."""
    targets: list[PerformanceTarget] = []
    fund_columns = _summary_fund_columns(lines)
    for line in lines:
        cells = line.cells or []
        code = compact(cells[0]) if cells else ""
        location = line.location
        amount = parse_amount(cells[2]) if len(cells) > 2 else None
        if len(code) >= 12 and code.isdigit() and len(cells) > 1 and cells[1].strip():
            targets.append(PerformanceTarget(name=normalize_label(cells[1]), location=location, code=code,
                                             amount=amount, unit=table.unit or Unit.WAN))
            targets[-1].funds = [FundLine(name, parse_amount(cells[k]) if cells[k].strip() else None, location)
                                 for k, name in fund_columns.items() if k < len(cells)]
        if not targets:
            continue
        pairs = [c for c in cells[6:] if c.strip()]
        for name, value in zip(pairs[0::2], pairs[1::2], strict=False):
            targets[-1].indicators.append(_indicator(None, None, name, value, location))
    return targets


def _indicator(level1: str | None, level2: str | None, name: str, value: str, location: Location) -> Indicator:
    indicator = Indicator(level1=level1, level2=level2, name=normalize_label(name),
                          value_text=value.strip(), location=location)
    match = _VALUE.match(value.replace("$", "").replace("\\geq", "≥").replace("\\leq", "≤").replace("\\%", "%"))
    if match:
        indicator.operator = _OPERATORS.get(match.group(1) or "", match.group(1))
        indicator.number = Decimal(match.group(2).replace(",", ""))
        indicator.unit = match.group(3).strip() or None
    return indicator


_ORG_TOTAL = re.compile(r"(部门|单位)?(预算|资金)总额")
_ORG_STRUCTURE = re.compile(r"^(\d[、.．])?(资金结构[:：]?)?([（(]\d[)）])?(?P<name>基本支出|项目支出)$")


def org_targets(blocks: list[TableBlock], tables: list[Table]) -> list[OrgTarget]:
    """The budget each 部门（单位）整体绩效目标表 states: its 部门预算总额 and, under 资金结构, 基本支出
    and 项目支出 — each the amount printed in the cells after its name. Names merged with
    others in one cell (a wrapped "(1)…(2)…(3)…" list) are not read: the amount beside them
    is not certainly theirs."""
    found = []
    for block, table in zip(blocks, tables, strict=True):
        if table.kind != "org_performance":
            continue
        target = OrgTarget(title=table.title, location=table.location, unit=table.unit)
        for line in block.rows:
            cells = line.cells or []
            texts = [compact(c) for c in cells]
            for i, text in enumerate(texts):
                if _ORG_TOTAL.search(text) and target.total is None:
                    amount = _amount_after(cells, i)
                    if amount is not None:
                        target.unit = parse_unit(text) or target.unit
                        target.total = StatedAmount(_ORG_TOTAL.search(text).group(0), amount, line.location)
                    break
                match = _ORG_STRUCTURE.match(text)
                if match:
                    amount = _amount_after(cells, i)
                    if amount is not None:
                        target.structure.append(StatedAmount(match.group("name"), amount, line.location))
                    break
        if target.total is not None or target.structure:
            target.unit = target.unit or Unit.WAN
            found.append(target)
    return found


def _amount_after(cells: list[str], index: int) -> Decimal | None:
    """The first non-empty cell after `index`, as an amount (None if it is not one)."""
    following = next((c for c in cells[index + 1:] if c.strip()), "")
    return parse_amount(following) if following else None
