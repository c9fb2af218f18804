"""The base layer: the canonical model every stage shares.

Layout types (what readers produce), the Disclosure (what the recogniser understood, what
compose builds, what the audit checks and the store keeps), findings, money, codes, the one
rounding tolerance, shared text helpers and lossless JSON. Nothing here imports any other part
of yusuan.
"""

from .disclosure import (
    PAIRED_TABLES,
    Claim,
    Disclosure,
    Figure,
    FundLine,
    Indicator,
    Meta,
    NarrativeSection,
    OrgTarget,
    Paragraph,
    PerformanceTarget,
    PrintedName,
    Project,
    Row,
    Source,
    StatedAmount,
    Table,
    TocEntry,
)
from .enums import (
    Alignment,
    ClaimKind,
    Direction,
    DocumentKind,
    DocumentScope,
    Pairing,
    RowFlag,
    RowRole,
    Severity,
    Side,
    SourceFormat,
    TableKind,
)
from .findings import SEVERITIES, SEVERITY_NAMES, AuditReport, Evidence, Finding, NotChecked
from .layout import Layout, Line, PageFacts
from .location import Location
from .money import Unit

__all__ = [
    "PAIRED_TABLES",    "SEVERITIES", "SEVERITY_NAMES", "Alignment", "AuditReport", "Claim", "ClaimKind", "Direction",
    "Disclosure", "DocumentKind", "DocumentScope", "Evidence", "Figure", "Finding", "FundLine", "Indicator", "Layout", "Line",
    "Location", "Meta", "NarrativeSection", "NotChecked", "OrgTarget", "PageFacts", "Pairing", "Paragraph", "PerformanceTarget", "PrintedName",
    "Project", "Row", "RowFlag", "RowRole", "Severity", "Side", "Source", "SourceFormat", "StatedAmount", "Table",
    "TableKind", "TocEntry", "Unit",
]
