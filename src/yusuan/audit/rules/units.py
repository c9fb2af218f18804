"""UNIT: 元/万元 slips — a value off by exactly 10⁴ from the value it should equal."""

from __future__ import annotations

from ...catalogue import figure_name
from ...model.money import Unit
from ..context import Context, Skip, claim_evidence, fmt, place, unit_slip
from ..engine import rule
from ..subjects import (
    claim_wan,
    figure_of,
    figure_quantity,
    money_claims,
    named_items,
    paired_amounts,
    pairs,
    project_evidence,
    target_evidence,
)


@rule("UNIT-001")
def narrative_units(ctx: Context) -> None:
    d = ctx.disclosure
    compared = 0
    for claim in money_claims(d):
        figure = figure_of(d, claim)
        targets = [figure_quantity(figure, figure_name(figure.key))] if figure else []
        targets += named_items(d, claim)
        for target in targets[:1]:
            compared += 1
            value = claim_wan(claim)
            if unit_slip(value, target.value):
                ctx.report(
                    f"情况说明{place(claim.location)}「{claim.subject}{claim.text}」即 {fmt(value)} 万元，"
                    f"而{target.evidence.what}为 {target.printed} {target.unit.value}（{fmt(target.value)} 万元），"
                    f"相差整整一万倍，疑为“万元”误写为“元”（或相反）",
                    [claim_evidence(claim), target.evidence], expected=target.value, actual=value, unit="万元")
    if not compared:
        raise Skip("情况说明中没有可与表格对照单位的金额")


@rule("UNIT-002")
def table_units(ctx: Context) -> None:
    if not pairs(ctx.disclosure):
        raise Skip("没有能与绩效目标表配对的项目")
    for project, target, project_wan, target_wan in paired_amounts(ctx.disclosure):
        if unit_slip(target_wan, project_wan):
            ctx.report(
                f"项目「{project.name}」：项目支出表为 {project.amount} {(project.unit or Unit.WAN).value}，绩效目标表为 "
                f"{target.amount} {(target.unit or Unit.WAN).value}，相差整整一万倍，疑为单位标错",
                [project_evidence(project), target_evidence(target)],
                expected=project_wan, actual=target_wan, unit="万元")
