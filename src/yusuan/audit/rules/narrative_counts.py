"""NARR-012: how many projects, or project performance-target tables, the narrative says there
are, against the tables."""

from __future__ import annotations

import re
from decimal import Decimal

from ...catalogue import data
from ...model import ClaimKind, Disclosure, Evidence, Location
from ...model.text import normal_name
from ..context import Context, Skip, claim_evidence, place
from ..engine import rule


def _listed(d: Disclosure, counts: str) -> tuple[int, Location | None]:
    """Distinct projects of the project tables, or distinct project target tables, and where
    the first is printed."""
    if counts == "projects":
        items = [(p.name, p.location) for p in d.projects if p.source_table == "projects"]
    else:
        items = [(t.name, t.location) for t in d.performance if not t.template]
    names = {normal_name(name) for name, _ in items}
    return len(names), items[0][1] if items else None


@rule("NARR-012")
def counts(ctx: Context) -> None:
    d = ctx.disclosure
    specs = [(s["counts"], re.compile(s["subject"]), re.compile(s["unless"])) for s in data("narrative.toml")["count"]]
    checked = 0
    for _, claim in d.claims():
        if claim.kind != ClaimKind.COUNT or claim.unit not in ("个", "项") or claim.other_year:
            continue
        spec = next(((what, unless) for what, subject, unless in specs if subject.search(claim.subject)), None)
        if spec is None or spec[1].search(claim.subject):
            continue
        what = spec[0]
        listed, where = _listed(d, what)
        if not listed or where is None:
            continue
        checked += 1
        if claim.value != Decimal(listed):
            table = "项目支出表" if what == "projects" else "项目绩效目标表"
            ctx.report(f"情况说明{place(claim.location)}称「{claim.subject}{claim.text}」，{table}中列有 {listed} 个"
                       f"{'项目' if what == 'projects' else '项目的绩效目标表'}",
                       [claim_evidence(claim), Evidence(f"{table} · 共 {listed} 个", where, table=what)],
                       expected=Decimal(listed), actual=claim.value, unit=claim.unit)
    if not checked:
        raise Skip("情况说明中没有可与表格核对的项目个数")
