"""The audit: rules from the catalogue run over a Disclosure, findings with evidence."""

from ..model.findings import AuditReport, Evidence, Finding, NotChecked
from .engine import audit, select_rules

__all__ = ["AuditReport", "Evidence", "Finding", "NotChecked", "audit", "select_rules"]
