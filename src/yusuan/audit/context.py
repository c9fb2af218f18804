"""What a rule sees: the disclosure, evidence builders and the comparison that applies the
rounding policy, so that every rule states differences the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ..catalogue import RuleMeta, column_name, kind_by_key
from ..model import Claim, Disclosure, Location, Row, Severity, Table
from ..model.findings import Evidence, Finding
from ..model.money import Unit, convert
from ..model.tolerance import half_unit


class Skip(Exception):  # noqa: N818 - a signal, not an error
    """Raised by a rule that cannot run on this document; the message says why (Chinese)."""


def fmt(value: Decimal | None) -> str:
    if value is None:
        return "（空）"
    return format(value, "f")


TEN_THOUSAND = Decimal(10000)


def unit_slip(claimed: Decimal, actual: Decimal) -> bool:
    """The two differ by exactly a factor of 10⁴ (元 written for 万元 or the reverse)."""
    return actual != 0 and claimed != 0 and (claimed * TEN_THOUSAND == actual or claimed == actual * TEN_THOUSAND)


def place(location: Location) -> str:
    """Where to look, as a reader says it: the page of a PDF, else the line of the file."""
    if location.page is not None:
        return f"第 {location.page} 页"
    if location.sheet is not None:
        return f"工作表「{location.sheet}」第 {location.row} 行"
    return f"第 {location.line} 行" if location.line else ""


def money_unit(unit: str | None) -> Unit | None:
    return Unit(unit) if unit in ("元", "万元") else None


def in_wan(evidence: Evidence) -> Decimal:
    assert evidence.value is not None
    unit = money_unit(evidence.unit)
    return convert(evidence.value, unit, Unit.WAN) if unit else evidence.value


def table_name(table: Table) -> str:
    return table.title or kind_by_key(table.kind).name


def cell(table: Table, row: Row, column: str) -> Evidence:
    index = row.cell_columns.get(column)
    location = row.location.with_column(index) if index is not None else row.location
    doubt = table.doubts[0] if table.doubts else None if row.certain else "该行各数未能可靠对齐到列"
    return Evidence(
        what=f"{table_name(table)} · {row.label or '合计'} · {column_name(column)}",
        location=location, value=row.values.get(column), unit=table.unit.value if table.unit else None,
        table=table.kind, row=row.label, column=column, doubt=doubt,
    )


def claim_evidence(claim: Claim, what: str | None = None) -> Evidence:
    return Evidence(what=what or f"情况说明 · {claim.subject}{claim.text}", location=claim.location,
                    value=claim.value, unit=claim.unit, table="narrative", row=claim.subject)


@dataclass
class Context:
    disclosure: Disclosure
    meta: RuleMeta
    strict: bool = False
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # parts of the document the rule left alone

    def skip_part(self, reason: str) -> None:
        if reason not in self.skipped:
            self.skipped.append(reason)

    def report(self, message: str, evidence: list[Evidence], *, severity: Severity | None = None,
               expected: Decimal | None = None, actual: Decimal | None = None, unit: str | None = None) -> None:
        doubtful = next((e for e in evidence if e.doubt), None)
        if doubtful is not None:  # never accuse on a number the recogniser is unsure of
            self.skip_part(f"未能可靠识别，未检查：{doubtful.what}（{doubtful.doubt}）")
            return
        difference = actual - expected if expected is not None and actual is not None else None
        self.findings.append(Finding(self.meta.id, severity or self.meta.severity, message, evidence,
                                     expected, actual, difference, unit))

    def compare(self, expected: Evidence, actual: Evidence, describe: Callable[[str, str, str], str],
                *, extra: list[Evidence] | None = None, expected_value: Decimal | None = None,
                tolerance_terms: list[Evidence] | None = None, actual_terms: list[Evidence] | None = None,
                severity: Severity | None = None) -> bool:
        """Compare two amounts (in 万元 when both are money) under the rounding policy.

        describe(expected, actual, difference) builds the Chinese message. expected_value
        overrides the expected evidence's own value (a sum of parts); tolerance_terms are every
        printed number the expected side was computed from. Returns True when they agree.
        """
        unit = "万元" if money_unit(expected.unit) or money_unit(actual.unit) else (actual.unit or expected.unit)
        target = Unit.WAN if unit == "万元" else None
        exp = expected_value if expected_value is not None else in_wan(expected) if target else expected.value
        act = in_wan(actual) if target else actual.value
        assert exp is not None and act is not None
        terms = (tolerance_terms or [expected]) + (actual_terms or [actual])
        allowed = sum((half_unit(t.value, money_unit(t.unit), target) for t in terms if t.value is not None),
                      Decimal(0))
        difference = act - exp
        if difference == 0:
            return True
        if abs(difference) <= allowed:
            if self.strict:
                self.report(describe(fmt(exp), fmt(act), fmt(difference)) + f"（在四舍五入允许误差 {fmt(allowed)} 以内）",
                            [expected, actual, *(extra or [])], severity=Severity.NOTICE, expected=exp, actual=act, unit=unit)
            return True
        self.report(describe(fmt(exp), fmt(act), fmt(difference)), [expected, actual, *(extra or [])],
                    severity=severity, expected=exp, actual=act, unit=unit)
        return False
