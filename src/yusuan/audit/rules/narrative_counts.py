"""NARR-012: how many projects, or project performance-target tables, the narrative says there
are — and the amount it says they cover — against the tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...catalogue import data
from ...model import Claim, ClaimKind, Disclosure, Evidence, Location, TableKind, Unit
from ...model.money import convert
from ...model.text import normal_name
from ...model.tolerance import half_unit
from ..context import Context, Skip, claim_evidence, fmt, place
from ..engine import rule
from ..subjects import MONEY_UNITS, claim_wan, sentences


@dataclass
class Listed:
    """What the tables list: how many distinct items, their total in 万元 (None when an amount is
    missing), and where the first is printed."""

    count: int
    total: Decimal | None
    where: Location | None
    table: str


def _listed(d: Disclosure, counts: str) -> Listed:
    if counts == "projects":
        items = [(p.name, p.amount, p.unit, p.location) for p in d.projects if p.source_table == "projects"]
        table = "项目支出表"
    else:
        items = [(t.name, t.amount, t.unit, t.location) for t in d.performance
                 if not t.template and t.source_table == TableKind.PROJECT_PERFORMANCE]
        table = "项目绩效目标表"
    # every row counts — two units may each run a project of the same name — but a row printed
    # again (same name and amount, a table repeated across pages) only once
    rows = list(dict.fromkeys((normal_name(name), amount, unit) for name, amount, unit, _ in items))
    amounts = [convert(a, u or Unit.WAN, Unit.WAN) if a is not None else None for _, a, u in rows]
    total = None if any(a is None for a in amounts) else sum(amounts, Decimal(0))
    return Listed(len(rows), total, items[0][3] if items else None, table)


@rule("NARR-012")
def counts(ctx: Context) -> None:
    d = ctx.disclosure
    catalogue = data("narrative.toml")
    specs = [(s["counts"], re.compile(s["subject"]), re.compile(s["unless"])) for s in catalogue["count"]]
    covered = re.compile(catalogue["counted_amount"]["subject"])
    narrower = re.compile(catalogue["counted_amount"]["unless"])
    noun_after = re.compile(catalogue["counted_amount"]["projects_after"])
    listed_by = {what: _listed(d, what) for what in ("projects", "targets")}
    checked = 0
    for sentence in sentences(d):
        for i, claim in enumerate(sentence.claims):
            if claim.kind != ClaimKind.COUNT or claim.unit not in ("个", "项") or claim.other_year:
                continue
            spec = next(((what, unless) for what, subject, unless in specs if subject.search(claim.subject)), None)
            words = claim.subject
            if spec is None:  # the noun may follow the number: "共50个项目", "对22个预算项目"
                end = sentence.at(claim) + len(claim.text)
                if noun_after.match(sentence.text, end):
                    spec = ("projects", specs[-1][2])
                    words += re.split("[，。；,;]", sentence.text[end:], maxsplit=1)[0]  # …项目开展重点绩效评价
            if spec is None or spec[1].search(words):
                continue
            listed = listed_by[spec[0]]
            if not listed.count or listed.where is None:
                continue
            checked += 1
            noun = "项目" if spec[0] == "projects" else "项目的绩效目标表"
            table_evidence = Evidence(f"{listed.table} · 共 {listed.count} 个", listed.where, table=spec[0])
            if claim.value != Decimal(listed.count):
                ctx.report(f"情况说明{place(claim.location)}称「{claim.subject}{claim.text}」，{listed.table}中列有 "
                           f"{listed.count} 个{noun}", [claim_evidence(claim), table_evidence],
                           expected=Decimal(listed.count), actual=claim.value, unit=claim.unit)
            amount = _amount_after(sentence.claims[i + 1:], covered, narrower) or \
                _amount_after(sentence.claims[i - 1:i] if i else [], covered, narrower)
            if amount is not None and listed.total is not None:
                # targets state their project's amount: a total that matches the projects is the
                # target tables' own error (PERF-001), not the narrative's
                projects = listed_by["projects"].total if spec[0] == "targets" else None
                _compare_total(ctx, amount, listed, noun, table_evidence, also=projects)
    if not checked:
        raise Skip("情况说明中没有可与表格核对的项目个数")


def _amount_after(following: list[Claim], covered: re.Pattern[str], narrower: re.Pattern[str]) -> Claim | None:
    """The amount stated with a count ("…项目 9 个，涉及项目金额 115.23 万元"): the next money
    amount of the sentence, when its subject says it is what the items cover."""
    nxt = next((c for c in following if c.kind != ClaimKind.COUNT), None)
    if nxt is None or nxt.kind != ClaimKind.AMOUNT or nxt.unit not in MONEY_UNITS or nxt.other_year:
        return None
    return nxt if covered.search(nxt.subject) and not narrower.search(nxt.subject) else None


def _compare_total(ctx: Context, amount: Claim, listed: Listed, noun: str, table_evidence: Evidence,
                   also: Decimal | None = None) -> None:
    stated = claim_wan(amount)
    assert listed.total is not None
    allowed = half_unit(amount.value) + half_unit(Decimal("0.01")) * listed.count
    if abs(stated - listed.total) > allowed and (also is None or abs(stated - also) > allowed):
        ctx.report(f"情况说明{place(amount.location)}称这些{noun}「{amount.subject}{amount.text}」，{listed.table}所列合计 "
                   f"{fmt(listed.total)} 万元", [claim_evidence(amount), table_evidence],
                   expected=listed.total, actual=stated, unit="万元")
