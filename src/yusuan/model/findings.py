"""What an audit reports: findings with their evidence, and rules that could not run.

A finding must let a reviewer check it without yusuan: both numbers, the difference and every
place involved (table, row, column, line), so evidence carries the source location and, when
the audit had the source at hand, the printed line itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .disclosure import Disclosure
from .enums import Severity
from .location import Location

SEVERITIES = tuple(Severity)
SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.NOTICE: "提示"}


@dataclass
class Evidence:
    """One number or statement a finding rests on."""

    what: str  # Chinese description: "收支总表 · 其中：财政拨款 · 金额"
    location: Location
    value: Decimal | None = None
    unit: str | None = None
    table: str | None = None  # table kind
    row: str | None = None
    column: str | None = None
    excerpt: str | None = None  # the source line as printed
    doubt: str | None = None  # why the recogniser is unsure of this number (Chinese); no finding rests on it


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    unit: str | None = None

    @property
    def table(self) -> str | None:
        """The table a finding is grouped under in reports (its first table evidence)."""
        return next((e.table for e in self.evidence if e.table), None)

    @property
    def first_line(self) -> int:
        return min((e.location.line for e in self.evidence if e.location.line), default=0)


@dataclass
class NotChecked:
    rule: str
    reason: str


@dataclass
class AuditReport:
    disclosure: Disclosure
    findings: list[Finding] = field(default_factory=list)
    not_checked: list[NotChecked] = field(default_factory=list)
    rules_run: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0
