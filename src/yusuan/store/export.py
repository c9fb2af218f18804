"""Rows out of the store: every document's key figures, every finding of their latest runs
(written out by `tabular`)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from .database import FIGURE_COLUMNS, Store, in_regions, latest_runs
from .schema import DisclosureRow, DocumentRow, FindingRow

FIGURE_TITLES = {"total_income": "收入总计（万元）", "total_expenditure": "支出总计（万元）",
                 "basic_expenditure": "基本支出（万元）", "project_expenditure": "项目支出（万元）",
                 "three_public_total": "“三公”经费（万元）", "running_cost": "机关运行经费（万元）"}
DOCUMENT_COLUMNS = ["文件", "sha256", "部门", "地区", "年度", "类型", "状态", "原因", "错误", "警告", "提示",
                    *FIGURE_TITLES.values()]
FINDING_COLUMNS = ["文件", "部门", "年度", "规则", "级别", "说明", "应为", "实为", "单位", "位置"]
KINDS = {"budget": "预算", "final_account": "决算"}
SEVERITIES = {"error": "错误", "warning": "警告", "notice": "提示"}


def exported(store: Store, *, region: str | None = None, department: str | None = None, year: int | None = None,
             kind: str | None = None, regions: tuple[str, ...] | list[str] = ()
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(documents, findings) of the latest run of every document matching the filters (and
    in `regions`, when an account is limited to some)."""
    query = latest_runs().order_by(DisclosureRow.department, DisclosureRow.year, DocumentRow.name)
    for column, value in {DisclosureRow.region: region, DisclosureRow.department: department,
                          DisclosureRow.year: year, DisclosureRow.kind: kind}.items():
        if value is not None:
            query = query.where(column == value)
    if regions:
        query = query.where(in_regions(regions))
    documents, findings = [], []
    with store.session() as session:
        chosen = list(session.execute(query))
        for document, disclosure, run in chosen:
            documents.append({
                "文件": document.name, "sha256": document.sha256,
                "部门": disclosure.department if disclosure else None, "地区": disclosure.region if disclosure else None,
                "年度": disclosure.year if disclosure else None,
                "类型": KINDS.get(disclosure.kind, disclosure.kind) if disclosure else None,
                "状态": run.status, "原因": run.reason, "错误": run.errors, "警告": run.warnings, "提示": run.notices,
                **{FIGURE_TITLES[key]: getattr(disclosure, key) if disclosure else None for key in FIGURE_COLUMNS},
            })
        runs = {run.id: (document, disclosure) for document, disclosure, run in chosen}
        for start in range(0, len(runs), 500):
            ids = list(runs)[start:start + 500]
            for row in session.scalars(select(FindingRow).where(FindingRow.run_id.in_(ids))
                                       .order_by(FindingRow.run_id, FindingRow.ordinal)):
                document, disclosure = runs[row.run_id]
                findings.append({
                    "文件": document.name, "部门": disclosure.department if disclosure else None,
                    "年度": disclosure.year if disclosure else None, "规则": row.rule,
                    "级别": SEVERITIES.get(row.severity, row.severity), "说明": row.message,
                    "应为": row.expected, "实为": row.actual, "单位": row.unit,
                    "位置": _places(json.loads(row.evidence)),
                })
    return documents, findings


def _places(evidence: list[dict[str, Any]]) -> str:
    places = []
    for item in evidence:
        location = item.get("location", {})
        if location.get("page"):
            places.append(f"第{location['page']}页")
        elif location.get("sheet"):
            places.append(f"{location['sheet']}!{location.get('row', '')}")
        elif location.get("line"):
            places.append(f"第{location['line']}行")
    return "、".join(dict.fromkeys(places))
