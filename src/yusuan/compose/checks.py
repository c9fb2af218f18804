"""Checks before composing, as a reviewer reads the input the text will be written from:
placeholder words left in what the department typed (errors — composing would publish them),
a material change on the previous year without a reason, and a project without performance
targets (warnings — the document is still consistent, but a reviewer will ask). Every finding
says where in the input it is. Thresholds and word lists are catalogue data (compose_input.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .. import catalogue
from ..model import Severity
from ..model.money import Unit
from .ledger import Ledger
from .schema import BudgetInput, Problem, Where, sheet


@dataclass(frozen=True)
class Advice:
    severity: Severity
    problem: Problem

    def __str__(self) -> str:
        return f"[{'错误' if self.severity == Severity.ERROR else '警告'}] {self.problem}"


def current_amounts(data: BudgetInput) -> dict[str, Decimal]:
    """This year's amount (元) of every quantity a previous-year amount may be given for."""
    ledger = Ledger(data, Unit.YUAN)
    total, basic = ledger.sum(), ledger.basic()
    amounts = {"total": total, "gpb": ledger.current("一般公共预算"), "gov_fund": ledger.current("政府性基金"),
               "soe": ledger.current("国有资本经营"), "basic": basic, "project": total - basic,
               "running_cost": ledger.running_cost(), "fiscal": ledger.sum(lambda e: e.fiscal)}
    amounts.update({f"three_public.{k}": v for k, v in ledger.three_public().items()})
    return amounts


def check(data: BudgetInput) -> list[Advice]:
    spec = catalogue.data("compose_input.toml")["checks"]
    placeholder = re.compile(spec["placeholders"])
    advice: list[Advice] = []

    def typed(where: Where, text: str | None) -> None:
        match = placeholder.search(text or "")
        if match:
            advice.append(Advice(Severity.ERROR, Problem(where, f"仍有占位或待填写的文字“{match.group(0)}”："
                                                                f"{(text or '')[:40]}")))

    department = sheet("department").name
    typed(Where(department, None, "部门名称"), data.department)
    typed(Where(department, None, "主要职责"), data.duties)
    typed(Where(department, None, "机构设置"), data.organisation)
    for item in data.items:
        typed(Where(item.where.sheet, item.where.row, "项目名称"), item.project)
    for key, text in data.three_public_use.items():
        typed(Where(sheet("three_public").name, None, key), text)
    for purchase in data.procurement:
        typed(Where(sheet("procurement").name, None, "采购项目"), purchase.name)
    for target in data.targets:
        typed(Where(sheet("targets").name, None, target.project), f"{target.name} {target.value}")
    for code, line in data.lines.items():
        typed(Where(sheet("lines").name, None, code), f"{line.use} {line.reason or ''}")
    for project, info in data.project_info.items():
        typed(Where(sheet("projects").name, None, project), info.goal)
    for explanation in data.explanations:
        for name, text in explanation.parts:
            typed(Where(sheet("explanations").name, None, name), text)
    for term, text in data.glossary:
        typed(Where(sheet("glossary").name, None, term), text)

    share = Decimal(spec["material_share"])
    now = current_amounts(data)
    names = {c["key"]: c["name"] for c in catalogue.data("compose_input.toml")["comparison"]}
    for key, prior in data.prior.items():
        typed(Where(sheet("prior").name, prior.row, "变动原因"), prior.reason)
        current = now.get(key)
        if current is None or (prior.reason or "").strip():
            continue
        change = current - prior.amount
        material = (prior.amount == 0 and current > 0) or (prior.amount > 0 and abs(change) >= prior.amount * share)
        if material:
            how = ("上年为 0" if prior.amount == 0 else
                   f"{'增加' if change > 0 else '减少'} {abs(change) / prior.amount * 100:.2f}%")
            advice.append(Advice(Severity.WARNING, Problem(
                Where(sheet("prior").name, prior.row, "变动原因"),
                f"{names.get(key, key)}本年 {current:.2f} 元，上年 {prior.amount:.2f} 元（{how}），变动较大却没有填写变动原因")))

    seen: set[str] = set()
    for item in data.items:
        if item.project and not data.targets_set(item.project) and item.project not in seen:
            seen.add(item.project)
            advice.append(Advice(Severity.WARNING, Problem(Where(item.where.sheet, item.where.row, "项目名称"),
                                                           f"项目“{item.project}”没有填写绩效目标")))
    return advice
