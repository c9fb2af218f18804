"""Comparisons of stored disclosures for analysts: key figures side by side with the change on
the same department's previous year, basic/project shares, spending by function class; and two
comparisons within one year — a department's 预算 against its 决算, and a 部门预算 against the
单位预算 of its units — with the differences computed (the page highlights them)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .. import api
from ..api import Status
from .context import KIND_NAMES, SCOPE_NAMES

COMPARED: dict[str, str] = api.FIGURE_TITLES  # key → Chinese title with its unit
MAX_COMPARED = 500  # documents in one comparison
MAX_COMPOSED = 60  # documents whose function-class composition is read (each reads its stored disclosure)


def _share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"))


def _chosen(store: Any, user: Any, departments: list[str], years: list[int]) -> list[Any]:
    found: dict[int, Any] = {}
    for department in departments or [None]:
        for year in years or [None]:  # filtered in the query: a page of the newest would miss older years
            for entry in store.listing(department=department, year=year, status=Status.DONE, per_page=MAX_COMPARED,
                                       order="year", regions=user.regions):
                found[entry.document_id] = entry
    return sorted(found.values(), key=lambda e: (e.region or "", e.department or "", e.kind or "", e.year or 0,
                                                 e.scope or ""))


def key_figures(store: Any, user: Any, departments: list[str], years: list[int]) -> list[dict[str, Any]]:
    """Key figures of the chosen departments and years, each with its change on the same
    department's document of the same kind for the year before (when that one is chosen too)."""
    chosen = _chosen(store, user, departments, years)
    rows: list[dict[str, Any]] = []
    for entry in chosen:
        figures = {k: entry.figures.get(k) for k in COMPARED}
        spent = figures.get("total_expenditure")
        row = {"document_id": entry.document_id, "department": entry.department, "region": entry.region,
               "year": entry.year, "kind_key": entry.kind, "kind": KIND_NAMES.get(entry.kind or "", ""),
               "scope_key": entry.scope, "scope": SCOPE_NAMES.get(entry.scope or "", ""), **figures,
               "basic_share": _share(figures.get("basic_expenditure"), spent),
               "project_share": _share(figures.get("project_expenditure"), spent), "classes": None}
        previous = rows[-1] if rows else None
        same_series = (previous is not None and previous["department"] == entry.department
                       and previous["region"] == entry.region
                       and previous["kind_key"] == entry.kind
                       and (previous["scope_key"] == entry.scope or not previous["scope_key"] or not entry.scope)
                       and entry.year is not None and previous["year"] == entry.year - 1)
        for key in COMPARED:
            now, before = figures.get(key), previous.get(key) if same_series and previous else None
            row[f"{key}_change"] = (now - before) if now is not None and before is not None else None
        rows.append(row)
    if len(rows) <= MAX_COMPOSED:
        for row in rows:
            body = store.disclosure_body(row["document_id"])
            composition = api.class_composition(body) if body else None
            row["classes"] = composition["classes"] if composition else None
            row["classes_source"] = composition["table"] if composition else None
    return rows


def budget_vs_final(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each department and year with both a 预算 and a 决算 chosen: each key figure's
    budget, final amount, difference (决算 − 预算) and completion rate (决算 ÷ 预算)."""
    by_year: dict[tuple[Any, Any, Any, Any], dict[str, dict[str, Any]]] = {}
    for row in rows:
        by_year.setdefault((row["region"], row["department"], row["scope_key"], row["year"]), {}).setdefault(
            row["kind_key"], row)
    compared = []
    for (_, department, _, year), kinds in by_year.items():
        budget, final = kinds.get("budget"), kinds.get("final_account")
        if budget is None or final is None:
            continue
        lines = []
        for key, name in COMPARED.items():
            planned, spent = budget.get(key), final.get(key)
            difference = spent - planned if planned is not None and spent is not None else None
            lines.append({"figure": key, "name": name, "budget": planned, "final": spent, "difference": difference,
                          "rate": _share(spent, planned), "differs": bool(difference)})
        compared.append({"department": department, "year": year, "budget_id": budget["document_id"],
                         "final_id": final["document_id"], "lines": lines})
    return compared


def department_vs_units(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each chosen 部门 document: the chosen 单位 documents of the same year and kind (and
    region, when both name one), their sum, and what the department holds beyond them (its own
    本级 and units not chosen). Units summing to more than their department cannot be right."""
    compared = []
    for department in (r for r in rows if r["scope_key"] == "department"):
        units = [r for r in rows if r["scope_key"] == "unit" and r["year"] == department["year"]
                 and r["kind_key"] == department["kind_key"]
                 and (not r["region"] or not department["region"] or r["region"] == department["region"])]
        if not units:
            continue
        lines = []
        for key, name in COMPARED.items():
            whole = department.get(key)
            known = [u[key] for u in units if u.get(key) is not None]
            summed = sum(known, Decimal(0)) if len(known) == len(units) else None
            rest = whole - summed if whole is not None and summed is not None else None
            lines.append({"figure": key, "name": name, "department": whole, "units": [u.get(key) for u in units],
                          "units_total": summed, "rest": rest, "exceeds": rest is not None and rest < 0})
        compared.append({"department": department["department"], "year": department["year"], "kind": department["kind"],
                         "department_id": department["document_id"],
                         "units": [{"name": u["department"], "document_id": u["document_id"]} for u in units],
                         "lines": lines})
    return compared


def comparison(store: Any, user: Any, departments: list[str], years: list[int]) -> dict[str, Any]:
    rows = key_figures(store, user, departments, years)
    return {"figures": COMPARED, "rows": rows, "budget_vs_final": budget_vs_final(rows),
            "department_vs_units": department_vs_units(rows)}


def sheets(result: dict[str, Any]) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """The comparison as tables to download: key figures, function-class composition, 预算与决算,
    部门与单位 (each a worksheet of the XLSX download; the CSV download is the first)."""
    figure_titles = list(COMPARED.values())
    main_columns = ["部门", "年度", "类型", "范围", *figure_titles, *(f"{t[:-4]}比上年（万元）" for t in figure_titles),
                    "基本支出占比（%）", "项目支出占比（%）"]
    main = [{"部门": r["department"], "年度": r["year"], "类型": r["kind"], "范围": r["scope"],
             "基本支出占比（%）": r["basic_share"], "项目支出占比（%）": r["project_share"],
             **{title: r[key] for key, title in COMPARED.items()},
             **{f"{title[:-4]}比上年（万元）": r[f"{key}_change"] for key, title in COMPARED.items()}}
            for r in result["rows"]]
    composition = [{"部门": r["department"], "年度": r["year"], "类型": r["kind"], "科目编码": c["code"],
                    "科目名称": c["name"], "金额（万元）": Decimal(c["amount"]), "来源表": r.get("classes_source")}
                   for r in result["rows"] for c in (r["classes"] or [])]
    final = [{"部门": b["department"], "年度": b["year"], "项目": line["name"], "预算数": line["budget"],
              "决算数": line["final"], "差额（决算－预算）": line["difference"], "完成率（%）": line["rate"]}
             for b in result["budget_vs_final"] for line in b["lines"]]
    units = [{"部门": d["department"], "年度": d["year"], "项目": line["name"], "部门数": line["department"],
              "所选单位合计": line["units_total"], "部门减单位合计": line["rest"],
              "所选单位": "、".join(u["name"] or "" for u in d["units"])}
             for d in result["department_vs_units"] for line in d["lines"]]
    return {"关键数字": (main_columns, main),
            "功能分类构成": (["部门", "年度", "类型", "科目编码", "科目名称", "金额（万元）", "来源表"], composition),
            "预算与决算": (["部门", "年度", "项目", "预算数", "决算数", "差额（决算－预算）", "完成率（%）"], final),
            "部门与单位": (["部门", "年度", "项目", "部门数", "所选单位合计", "部门减单位合计", "所选单位"], units)}
