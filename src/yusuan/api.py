"""Library entry points shared by the CLI (and later the web app, API and batch runner)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .audit import AuditReport, Evidence, audit
from .model import Disclosure
from .money import format_decimal
from .readers import read_layout
from .readers.layout import Layout
from .recognize import recognize


def parse_file(path: str | Path) -> Disclosure:
    """Read and recognise one disclosure; raises readers.ReadError for unreadable input."""
    return recognize(read_layout(path))


def audit_file(path: str | Path, *, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               strict: bool = False) -> AuditReport:
    """Read, recognise and audit one disclosure; evidence gets the printed source lines."""
    layout = read_layout(path)
    report = audit(recognize(layout), select=select, ignore=ignore, strict=strict)
    attach_excerpts(report, layout)
    return report


def attach_excerpts(report: AuditReport, layout: Layout) -> None:
    """Give each piece of evidence the line it was read from, as printed (cells joined by │)."""
    printed: dict[int, str] = {}
    for line in layout.lines:
        text = line.text if line.cells is None else " │ ".join(c.strip() for c in line.cells)
        printed.setdefault(line.line, text.strip())
    for finding in report.findings:
        for evidence in finding.evidence:
            if evidence.excerpt is None and evidence.location.line in printed:
                evidence.excerpt = _window(printed[evidence.location.line], evidence)


def _window(text: str, evidence: Evidence, width: int = 160) -> str:
    """A long narrative line cut to the part around the evidence's number."""
    if len(text) <= width:
        return text
    needle = format_decimal(evidence.value) if evidence.value is not None else (evidence.row or "")
    at = text.find(evidence.row if evidence.row and evidence.row in text else needle)
    start = max(0, at - width // 3) if at >= 0 else 0
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
