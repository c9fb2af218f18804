"""NARR-006: the per-line explanations (…（类）…（款）…（项） X 万元) against the table line."""

from __future__ import annotations

import re

from ...catalogue import data
from ...model import DocumentKind, Row, Severity, Table
from ...model.text import compact
from ...model.tolerance import half_unit
from ..context import Context, Skip, cell, claim_evidence, in_wan, place, table_name, unit_slip
from ..engine import rule
from ..subjects import claim_wan, money_claims


@rule("NARR-006")
def classification_lines(ctx: Context) -> None:
    d = ctx.disclosure
    spec = data("narrative.toml")["classification_claim"]
    amount = re.compile(spec["amount"])
    rows = _rows_by_code([t for k in spec["tables"] for t in d.tables_of(k)])
    fiscal = _rows_by_code([t for k in spec["fiscal_tables"] for t in d.tables_of(k)])
    general = _rows_by_code([t for k in spec["general_tables"] for t in d.tables_of(k)])
    scope, general_scope = re.compile(spec["fiscal_scope"]), re.compile(spec["general_scope"])
    final = d.meta.kind == DocumentKind.FINAL_ACCOUNT
    headings = {id(c): s.heading for s, c in d.claims()}
    linked = [c for c in money_claims(d) if c.classification]
    if not linked:
        raise Skip("情况说明中没有逐项列出功能分类科目金额的表述")
    compared = 0
    for claim in linked:
        subject = re.sub(r"^.*[（(](类|款|项)[)）]", "", compact(claim.subject))  # words after the path
        if claim.other_year or (final and "决算" not in subject):
            continue  # another year's figure, or a final account's budget beside its 决算
        # a section about 一般公共预算 or 财政拨款 spending is read against those tables only,
        # never against spending from all funds
        heading = headings.get(id(claim), "")
        lines = general if general_scope.search(heading) else fiscal if scope.search(heading) else rows
        if not amount.match(subject) or claim.code not in lines:
            continue
        table, row = lines[claim.code]
        column = "total" if "total" in row.values else next((c for c in table.columns if c in row.values), None)
        if column is None or unit_slip(claim_wan(claim), in_wan(cell(table, row, column))):
            continue
        compared += 1
        path = (f"{claim.classification[0]}（{claim.code}）" if len(claim.classification) == 1 else
                "".join(f"{name}（{level}）" for name, level in zip(claim.classification, "类款项", strict=False)))
        expected = cell(table, row, column)
        # less than one unit of the last printed digit: cut off instead of rounded — worth a
        # look, not an error
        truncated = abs(claim_wan(claim) - in_wan(expected)) < 2 * half_unit(claim.value)
        ctx.compare(expected, claim_evidence(claim, f"情况说明 · {path}"),
                    lambda e, a, diff, c=claim, p=path, t=table, cut=truncated: (
                        f"情况说明{place(c.location)}“{p}”为 {a} 万元，{table_name(t)}科目 {c.code} 为 {e} 万元，相差 {diff} 万元"
                        + ("（差额不到末位一个单位，疑为截尾而非四舍五入）" if cut else "")),
                    severity=Severity.NOTICE if truncated else None)
    if not compared:
        raise Skip("说明中列出的功能分类科目在表中找不到对应行")


def _rows_by_code(tables: list[Table]) -> dict[str, tuple[Table, Row]]:
    found: dict[str, tuple[Table, Row]] = {}
    for table in tables:
        for row in table.rows:
            if row.code and row.values:
                found.setdefault(row.code, (table, row))
    return found
