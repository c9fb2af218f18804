"""The audit: rules from the catalogue run over a Disclosure, findings with evidence."""

from .engine import audit, select_rules
from .findings import AuditReport, Evidence, Finding, NotChecked

__all__ = ["AuditReport", "Evidence", "Finding", "NotChecked", "audit", "select_rules"]
