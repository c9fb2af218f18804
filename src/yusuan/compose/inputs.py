"""Read the compose input (workbook, YAML or JSON) and check it row by row.

Every mistake is collected with its sheet, row and column, in Chinese, before anything is
composed: a department fixing its workbook wants the whole list at once, and a half-checked
input must never produce half a disclosure.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .. import catalogue
from ..model.limits import Limits, ReadError, open_zipped
from .schema import (
    BudgetInput,
    BudgetUnit,
    Carry,
    Explanation,
    InputColumn,
    InputError,
    LineItem,
    LineText,
    Prior,
    Problem,
    ProjectInfo,
    Purchase,
    Sheet,
    TargetInput,
    Where,
    comparisons,
    sheets,
    three_public_items,
)

RawRecord = tuple[int, dict[str, Any]]  # (row number the user sees, header → raw value)
_TRUE = {"是", "true", "True", "1", "Y", "y", "yes"}
_FALSE = {"否", "false", "False", "0", "N", "n", "no", ""}


def load(path: str | Path) -> BudgetInput:
    """Read and check an input file; raises InputError listing every problem found."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError([Problem(Where(path.name), "文件不存在")])
    if suffix in (".xlsx", ".xlsm"):
        raw = _read_workbook(path)
    elif suffix in (".yaml", ".yml", ".json"):
        raw = read_mapping(path)
    else:
        raise InputError([Problem(Where(path.name), "不支持的输入格式，请使用 .xlsx、.yaml 或 .json")])
    return check(raw)


def _read_workbook(path: Path) -> dict[str, list[RawRecord]]:
    import openpyxl

    try:
        book = open_zipped(path.name, path.read_bytes(), Limits(), "Excel ",
                           lambda data: openpyxl.load_workbook(data, data_only=True, read_only=True))
    except ReadError as error:
        raise InputError([Problem(Where(path.name), str(error))]) from error
    raw: dict[str, list[RawRecord]] = {}
    for spec in sheets():
        if spec.name not in book.sheetnames:
            raw[spec.key] = []
            continue
        rows = []
        for row in book[spec.name].iter_rows(values_only=True):
            rows.append(row)
            if len(rows) > MAX_ROWS:
                book.close()
                raise InputError([Problem(Where(spec.name), f"行数过多（超过 {MAX_ROWS} 行）")])
        raw[spec.key] = _records_from_rows(spec, rows)
    book.close()
    return raw


def _records_from_rows(spec: Sheet, rows: list[tuple]) -> list[RawRecord]:
    if spec.form == "fields":
        values = {str(r[0]).strip(): (r[1] if len(r) > 1 else None) for r in rows if r and r[0] is not None}
        return [(1, values)]
    if not rows:
        return []
    header = [str(c).strip() if c is not None else "" for c in rows[0]]
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if all(c is None or str(c).strip() == "" for c in row):
            continue
        records.append((number, {h: v for h, v in zip(header, row, strict=False) if h}))
    return records


def read_mapping(path: Path) -> dict[str, list[RawRecord]]:
    """YAML/JSON: sheet (Chinese name or key) → list of records keyed by header or column key."""
    import yaml

    data = path.read_bytes()
    if len(data) > MAX_INPUT_BYTES:
        raise InputError([Problem(Where(path.name), f"文件过大（{len(data)} 字节，上限 {MAX_INPUT_BYTES} 字节）")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")  # saved by a Chinese Windows editor
        except UnicodeDecodeError as error:
            raise InputError([Problem(Where(path.name), "无法识别文本编码（既不是 UTF-8 也不是 GB18030）")]) from error
    try:
        document = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError, RecursionError) as error:
        raise InputError([Problem(Where(path.name), f"无法解析：{str(error).splitlines()[0][:200]}")]) from error
    if _too_many_nodes(document):
        raise InputError([Problem(Where(path.name), f"数据项过多（超过 {MAX_NODES} 项，或 YAML 别名层层展开），疑似恶意文件")])
    if not isinstance(document, dict):
        raise InputError([Problem(Where(path.name), "顶层应为以工作表名为键的映射")])
    raw: dict[str, list[RawRecord]] = {}
    for spec in sheets():
        value = document.get(spec.name, document.get(spec.key))
        by_key = {c.key: c.header for c in spec.columns}
        if spec.form == "fields":
            fields = value or {}
            raw[spec.key] = [(1, {by_key.get(k, k): v for k, v in fields.items()})] if isinstance(fields, dict) else []
            continue
        records = []
        for number, item in enumerate(value or [], start=1):
            if isinstance(item, dict):
                records.append((number, {by_key.get(k, k): v for k, v in item.items()}))
            else:
                records.append((number, {}))
        raw[spec.key] = records
    return raw


def _too_many_nodes(document: Any) -> bool:
    """Whether the values, counted as a reader walking them would meet them (a YAML alias as
    often as it is used), exceed MAX_NODES: a "billion laughs" document is a few lines that
    expand to billions. Stops counting at the limit: linear in the limit, not the expansion."""
    count = 0
    stack = [document]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_NODES:
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


class _Checker:
    """Turns raw values into typed ones, noting each problem with its place."""

    def __init__(self, year: int | None):
        self.year = year
        self.problems: list[Problem] = []
        self.registry = catalogue.data("classification.toml")

    def problem(self, where: Where, message: str) -> None:
        self.problems.append(Problem(where, message))

    def value(self, spec: Sheet, column: InputColumn, number: int, raw: Any) -> Any:
        where = Where(spec.name, number if spec.form == "rows" else None, column.header)
        text = _text(raw)
        if text == "":
            if column.required:
                self.problem(where, "必填项为空")
            return None
        bad = _UNPRINTABLE.search(text)
        if bad is not None:
            self.problem(where, f"含有不可打印或无效的字符（U+{ord(bad.group()):04X}），请删除后再试")
            return None
        kind = column.type
        if kind == "text":
            return text
        if kind == "money":
            return self._money(where, raw, text)
        if kind == "count":
            if isinstance(raw, bool) or not re.fullmatch(r"\d+", text):
                self.problem(where, f"“{text}”不是非负整数")
                return None
            return int(float(text))
        if kind == "choice":
            if text not in column.choices:
                self.problem(where, f"“{text}”不是可选值（{'、'.join(column.choices)}）")
                return None
            return text
        if kind == "bool":
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            self.problem(where, f"“{text}”应填“是”或“否”")
            return None
        if kind == "code":
            return self._code(where, column, text)
        raise ValueError(f"unknown column type {kind}")

    def _money(self, where: Where, raw: Any, text: str) -> Decimal | None:
        if isinstance(raw, bool):
            self.problem(where, f"金额“{text}”不是数字")
            return None
        if isinstance(raw, float):
            text = repr(raw)
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            self.problem(where, f"金额“{text}”不是数字")
            return None
        if not value.is_finite():
            self.problem(where, f"金额“{text}”不是数字")
            return None
        if value < 0:
            self.problem(where, f"金额 {text} 为负数，预算金额不能为负")
            return None
        if value >= MAX_AMOUNT:
            self.problem(where, f"金额 {text} 超出范围（单位：元，应小于 {MAX_AMOUNT:,}）")
            return None
        if value != value.quantize(Decimal("0.01")):
            self.problem(where, f"金额 {text} 超过两位小数（单位：元）")
            return None
        return value.quantize(Decimal("0.01"))

    def _code(self, where: Where, column: InputColumn, text: str) -> str | None:
        names = {"function": "功能分类", "econ_dept": "部门经济分类", "econ_gov": "政府经济分类"}
        label = names[column.scheme or "function"]
        digits = re.sub(r"\s+", "", text)
        if digits.endswith(".0"):
            digits = digits[:-2]
        expected = {"function": {3: 7, 2: 5}, "econ_dept": {2: 5}, "econ_gov": {2: 5}}[column.scheme or "function"]
        length = expected.get(column.level or 0)
        if not digits.isdigit() or (length and len(digits) != length):
            self.problem(where, f"{label}科目编码“{text}”应为{length}位数字")
            return None
        if digits not in self.registry[column.scheme or "function"]:
            year = f"{self.year}年" if self.year else ""
            self.problem(where, f"{label}科目编码 {digits} 不在{year}科目表中（catalogue/classification.toml）")
            return None
        return digits


MAX_AMOUNT = 10**15  # 元: a thousand trillion, beyond any budget, within exact decimal sums
# control characters (tab and line breaks allowed in long texts) and unpaired surrogates
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_ROWS = 200_000  # rows of one input sheet
MAX_NODES = 2_000_000  # values a YAML/JSON input may hold, aliases counted each time they are used


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, (datetime, date)):
        return raw.strftime("%Y年%m月%d日")
    return str(raw).strip()


def _typed(checker: _Checker, spec: Sheet, records: list[RawRecord]) -> list[tuple[int, dict[str, Any]]]:
    """Each record as column key → typed value; unknown headers and duplicates reported."""
    headers = {c.header: c for c in spec.columns}
    typed = []
    seen: dict[str, dict[Any, int]] = {c.key: {} for c in spec.columns if c.unique}
    for number, record in records:
        for header in record:
            if header not in headers and spec.form == "rows":
                checker.problem(Where(spec.name, number, header), "无法识别的列（请按模板的列名填写）")
        values = {c.key: checker.value(spec, c, number, record.get(c.header)) for c in spec.columns}
        for key, first in seen.items():
            value = values.get(key)
            if value is None:
                continue
            if value in first:
                checker.problem(Where(spec.name, number, spec.column(key).header),
                                f"“{value}”与第 {first[value]} 行重复")
            else:
                first[value] = number
        typed.append((number, values))
    return typed


def check(raw: dict[str, list[RawRecord]]) -> BudgetInput:
    """Check raw sheet records and build the BudgetInput; raise InputError if anything is wrong."""
    by_key = {s.key: s for s in sheets()}
    year_raw = (raw.get("department") or [(1, {})])[0][1].get(by_key["department"].column("year").header)
    year = int(_text(year_raw)) if _text(year_raw).isdigit() else None
    checker = _Checker(year)
    registry_years = checker.registry["years"]
    typed = {key: _typed(checker, by_key[key], raw.get(key, [])) for key in by_key}

    department = typed["department"][0][1] if typed["department"] else {}
    if year is not None and year not in registry_years:
        checker.problem(Where(by_key["department"].name, None, "预算年度"),
                        f"没有 {year} 年的科目表（已有：{'、'.join(map(str, registry_years))}）")
    units = [BudgetUnit(v["code"], v["name"], v["kind"], v["duties"]) for _, v in typed["units"]
             if v["code"] and v["name"] and v["kind"]]
    if not typed["units"]:
        checker.problem(Where(by_key["units"].name), "至少需要一个预算单位")
    unit_codes = {u.code for u in units}
    items = _items(checker, by_key["items"], typed["items"], unit_codes)
    projects = {i.project for i in items if i.project}

    prior = {comparisons()[v["measure"]]: Prior(v["amount"], v["reason"], number)
             for number, v in typed["prior"] if v["measure"] and v["amount"] is not None}
    names = {t["name"]: t["key"] for t in three_public_items()}
    three_public_use = {names[v["item"]]: v["use"] for _, v in typed["three_public"] if v["item"] and v["use"]}
    procurement = []
    for number, v in typed["procurement"]:
        if v["unit"] and v["unit"] not in unit_codes:
            checker.problem(Where(by_key["procurement"].name, number, "单位代码"), f"单位代码 {v['unit']} 不在“预算单位”表中")
        elif None not in (v["unit"], v["name"], v["category"], v["amount"]):
            procurement.append(Purchase(v["unit"], v["name"], v["category"], v["amount"]))
    assets = {v["item"]: v["count"] for _, v in typed["assets"] if v["item"] and v["count"] is not None}
    asset_purchases = {v["item"]: v["purchase"] for _, v in typed["assets"] if v["item"] and v["purchase"] is not None}
    targets = []
    for number, v in typed["targets"]:
        if v["project"] and v["project"] not in projects:
            checker.problem(Where(by_key["targets"].name, number, "项目名称"),
                            f"项目“{v['project']}”不在“支出明细”中")
        elif None not in (v["project"], v["level1"], v["level2"], v["name"], v["value"]):
            targets.append(TargetInput(v["project"], v["level1"], v["level2"], v["name"], v["value"],
                                       v["nature"] or "", v["measure"] or ""))
    functions = {i.function for i in items}
    lines = {}
    for number, v in typed["lines"]:
        if v["code"] and v["code"] not in functions:
            checker.problem(Where(by_key["lines"].name, number, "功能分类科目编码"),
                            f"科目 {v['code']} 在“支出明细”中没有支出")
        elif v["code"] and v["use"]:
            lines[v["code"]] = LineText(v["use"], v["prior"], v["reason"])
    project_info = {}
    for number, v in typed["projects"]:
        if v["project"] and v["project"] not in projects:
            checker.problem(Where(by_key["projects"].name, number, "项目名称"),
                            f"项目“{v['project']}”不在“支出明细”中")
        elif v["project"]:
            project_info[v["project"]] = ProjectInfo(v["goal"], bool(v["has_targets"]))
    explanation_parts = [c for c in by_key["explanations"].columns if c.key != "title"]
    explanations = [Explanation(v["title"], tuple((c.header, v[c.key]) for c in explanation_parts if v[c.key]))
                    for _, v in typed["explanations"] if v["overview"]]
    glossary = [(v["term"], v["text"]) for _, v in typed["glossary"] if v["term"] and v["text"]]
    carries = []
    for number, v in typed["carry"]:
        if v["unit"] and v["unit"] not in unit_codes:
            checker.problem(Where(by_key["carry"].name, number, "单位代码"), f"单位代码 {v['unit']} 不在“预算单位”表中")
        elif v["unit"] and v["fund"] and v["function"]:
            carries.append(Carry(v["unit"], v["fund"], v["function"], v["opening"] or Decimal(0),
                                 v["closing"] or Decimal(0), number))

    if checker.problems:
        raise InputError(checker.problems)
    return BudgetInput(
        department=department["name"], year=year or 0, duties=department["duties"],
        organisation=department["organisation"], units=units, items=items,
        region=department.get("region"), code=department.get("code"), date=department.get("date"),
        prior=prior, three_public_use=three_public_use, procurement=procurement, assets=assets,
        targets=targets, asset_date=department.get("asset_date"), asset_purchases=asset_purchases, lines=lines,
        project_info=project_info, explanations=explanations, glossary=glossary, carries=carries,
    )


def _items(checker: _Checker, spec: Sheet, typed: list[tuple[int, dict[str, Any]]],
           unit_codes: set[str]) -> list[LineItem]:
    """Line items, with the checks that involve more than one cell or row."""
    mapping = checker.registry["econ_mapping"]
    items: list[LineItem] = []
    project_types: dict[str, tuple[str, int]] = {}
    if not typed:
        checker.problem(Where(spec.name), "没有支出明细")
    for number, v in typed:
        where = lambda header, n=number: Where(spec.name, n, header)  # noqa: E731
        if v["unit"] and v["unit"] not in unit_codes:
            checker.problem(where("单位代码"), f"单位代码 {v['unit']} 不在“预算单位”表中")
            continue
        if v["econ"] and v["gov_econ"] and v["gov_econ"][:3] not in mapping.get(v["econ"][:3], ()):
            allowed = "、".join(mapping.get(v["econ"][:3], ()))
            checker.problem(where("政府经济分类科目编码"),
                            f"{v['gov_econ']} 与部门经济分类 {v['econ']} 不对应（应属 {allowed} 类）")
        if v["category"] == "项目支出":
            if not v["project"]:
                checker.problem(where("项目名称"), "项目支出须填写项目名称")
            if not v["project_type"]:
                checker.problem(where("项目类型"), "项目支出须填写项目类型（其他运转类或特定目标类）")
            elif v["project"]:
                first = project_types.setdefault(v["project"], (v["project_type"], number))
                if first[0] != v["project_type"]:
                    checker.problem(where("项目类型"),
                                    f"项目“{v['project']}”在第 {first[1]} 行为{first[0]}，此处为{v['project_type']}")
        elif v["category"] == "基本支出" and (v["project"] or v["project_type"]):
            checker.problem(where("项目名称"), "基本支出不填项目名称和项目类型")
        if v["carryover"] and v["fund"] and v["fund"] not in ("一般公共预算", "政府性基金", "国有资本经营"):
            checker.problem(where("是否上年结转"), "上年结转只适用于财政拨款（一般公共预算、政府性基金、国有资本经营）")
        if any(v[k] is None for k in ("unit", "function", "econ", "gov_econ", "fund", "category", "amount")):
            continue
        items.append(LineItem(
            unit=v["unit"], function=v["function"], econ=v["econ"], gov_econ=v["gov_econ"], fund=v["fund"],
            carryover=bool(v["carryover"]), category=v["category"], project=v["project"],
            project_type=v["project_type"], amount=v["amount"], where=where(None), actual=v["actual"],
        ))
    return items
