"""The summary of a batch: one row per input file (what it is, key figures, findings by family
and severity, status and reason) as a workbook and a CSV, and an HTML index linking each file's
report, ranked by errors. Document text never becomes a formula (spreadsheets) or markup (HTML)."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..api import STATUS_NAMES, Store, csv_bytes, rule_families, xlsx_bytes
from .inputs import Item

FIGURES = {"total_income": "收入总计", "total_expenditure": "支出总计", "basic_expenditure": "基本支出",
           "project_expenditure": "项目支出", "three_public_total": "“三公”经费", "running_cost": "机关运行经费"}
SEVERITIES = (("error", "错误"), ("warning", "警告"), ("notice", "提示"))
KINDS = {"budget": "预算", "final_account": "决算"}


def report_name(name: str, sha256: str) -> str:
    """The report file of an input: its stem made safe (any length, any characters in, a short
    ASCII-and-CJK name out) plus a digest of the full name and content, so same-named inputs
    never share one."""
    stem = re.sub(r"[^\w\u4e00-\u9fff.-]+", "_", Path(name).stem)[:60].strip("._") or "file"
    tag = hashlib.sha256(f"{name}\0{sha256}".encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{stem}-{tag}.audit.html"


def rows(store: Store, listed: list[tuple[Item, str]]) -> list[dict[str, Any]]:
    """One row per input, from the store (files skipped as already done included)."""
    by_sha = {}
    shas = sorted({sha for _, sha in listed if sha})
    for start in range(0, len(shas), 500):
        for entry in store.listing(sha256s=shas[start:start + 500], per_page=500):
            by_sha[entry.sha256] = entry
    found = []
    for item, sha in listed:
        entry = by_sha.get(sha)
        row: dict[str, Any] = {"文件": item.name, "报告": report_name(item.name, sha) if sha else ""}
        if entry is None:
            found.append({**row, "状态": "失败", "原因": item.problem or "未处理"})
            continue
        row.update({"部门": entry.department or "", "年度": entry.year or "", "类型": KINDS.get(entry.kind or "", ""),
                    "页数": entry.pages or "", "状态": STATUS_NAMES[entry.status], "原因": entry.reason,
                    "错误": entry.errors, "警告": entry.warnings, "提示": entry.notices})
        for key, title in FIGURES.items():
            value = entry.figures.get(key)
            row[f"{title}（万元）"] = value.normalize() if isinstance(value, Decimal) else ""
        for family in rule_families():
            for severity, title in SEVERITIES:
                row[f"{family}{title}"] = entry.by_family.get(family, {}).get(severity, 0)
        row["sha256"] = sha
        found.append(row)
    return found


def columns() -> list[str]:
    return (["文件", "部门", "年度", "类型", "页数", "状态", "原因", "错误", "警告", "提示"]
            + [f"{t}（万元）" for t in FIGURES.values()]
            + [f"{f}{t}" for f in rule_families() for _, t in SEVERITIES] + ["sha256", "报告"])


def write_summary(store: Store, listed: list[tuple[Item, str]], out: Path) -> list[Path]:
    table = rows(store, listed)
    out.mkdir(parents=True, exist_ok=True)
    written = [write_atomic(out / "summary.csv", csv_bytes(columns(), table)),
               write_atomic(out / "summary.xlsx", xlsx_bytes({"汇总": (columns(), table)})),
               write_atomic(out / "index.html", _index(table, out).encode("utf-8"))]
    return written


def _index(table: list[dict[str, Any]], out: Path) -> str:
    environment = Environment(loader=PackageLoader("yusuan.batch", "templates"), autoescape=select_autoescape(default=True))
    ranked = sorted(table, key=lambda r: (-(r.get("错误") or 0), -(r.get("警告") or 0), r["文件"]))
    for row in ranked:
        row["_link"] = f"reports/{row['报告']}" if row["报告"] and (out / "reports" / row["报告"]).exists() else ""
    totals = {s: sum(1 for r in table if r.get("状态") == s) for s in STATUS_NAMES.values()}
    return environment.get_template("index.html.j2").render(rows=ranked, totals=totals, count=len(table))


def write_atomic(target: Path, data: bytes) -> Path:
    """A file either complete or absent: written beside its place, then moved there."""
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)
    return target
