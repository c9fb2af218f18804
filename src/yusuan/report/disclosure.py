"""A recognised disclosure as a short text summary (`yusuan parse`) and as JSON documents."""

from __future__ import annotations

import json
from typing import Any

from ..catalogue import figure_name
from ..model import Disclosure, DocumentKind


def render_text(disclosure: Disclosure) -> str:
    meta = disclosure.meta
    kind = "部门决算" if meta.kind == DocumentKind.FINAL_ACCOUNT else "部门预算"
    lines = [f"文件：{disclosure.source.path}",
             f"部门：{meta.department or '未识别'}　年度：{meta.year or '未识别'}　类型：{kind}", "",
             f"识别到的表格（{len(disclosure.tables)} 张）："]
    for table in disclosure.tables:
        state = "（空表）" if table.empty_by_design else f"{len(table.rows)} 行"
        unit = table.unit.value if table.unit else "?"
        lines.append(f"  第 {table.location.line or 0:>5} 行  {table.kind:<24} {table.title}　[{unit}] {state}")
    lines += ["", "关键数字（万元）："]
    for key, figure in disclosure.figures.items():
        where = f"第 {figure.location.line} 行" if figure.location.line else ""
        lines.append(f"  {figure_name(key):<12} {figure.value:>14}   来源：{figure.source} {where}")
    claims = sum(len(s.claims) for s in disclosure.narrative)
    lines += ["", f"情况说明：{len(disclosure.narrative)} 节，{claims} 处数字表述；项目 {len(disclosure.projects)} 个，"
                  f"绩效目标表 {len(disclosure.performance)} 张"]
    if disclosure.warnings:
        lines += ["", f"提示（{len(disclosure.warnings)} 条）："]
        lines += [f"  {w}" for w in disclosure.warnings]
    return "\n".join(lines)


def json_documents(documents: list[dict[str, Any]], *, lines: bool) -> str:
    """Several JSON results on stdout: one JSON array (pretty) or JSON Lines (one compact
    document per line); a single result stays a single object."""
    if lines:
        return "\n".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in documents)
    body = documents[0] if len(documents) == 1 else documents
    return json.dumps(body, ensure_ascii=False, indent=2)
