"""Library entry points: the one place the CLI (and later the web app, API and batch runner)
calls. Each is a thin sequence of stages — read, recognise, audit, report, compose."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .audit import audit, select_rules
from .catalogue import catalogue_version
from .model import AuditReport, Disclosure
from .model.limits import Limits, ReadError
from .model.serialize import FormatError, is_saved_disclosure, loads, to_dict
from .readers import read_layout
from .recognize import recognize, recognize_as_one
from .report import audit as report_audit
from .report import disclosure as report_disclosure
from .report import rules as report_rules
from .store.outcome import STATUS_NAMES, Outcome, Status
from .store.tabular import csv_bytes, json_bytes, xlsx_bytes

if TYPE_CHECKING:
    from .compose.schema import BudgetInput
    from .store.database import Store, StoreError

__all__ = ["AuditReport", "Disclosure", "Limits", "Outcome", "ReadError", "STATUS_NAMES", "Status", "Store", "StoreError", "catalogue_version", "csv_bytes", "export_store", "page_image", "page_size", "rule_catalogue", "rule_families", "xlsx_bytes", "open_store", "process_file", "audit_as_one", "audit_file", "parse_as_one",
           "audit_dict", "audit_html", "check_budget", "class_composition", "disclosure_schema", "report_html", "source_view", "audit_text", "check_rule_selection", "compose_budget", "compose_formats",
           "compose_layouts", "disclosure_dict", "disclosure_text", "json_documents", "load_budget",
           "load_disclosure", "parse_file", "rules_listing", "write_budget_template", "write_composed"]


def parse_file(path: str | Path, progress: Callable[[str], None] | None = None) -> Disclosure:
    """Read and recognise one disclosure — or load one saved as `yusuan.disclosure/2` JSON
    (recognised by content, like every format). Raises ReadError for unreadable input.
    `progress` hears what a slow step is doing (OCR of a scanned page)."""
    path = Path(path)
    saved = load_disclosure(path)
    return saved if saved is not None else recognize(read_layout(path, Limits(progress=progress)))


def load_disclosure(path: Path) -> Disclosure | None:
    """The disclosure saved in `path`, or None when the file is not a saved disclosure."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None  # read_layout reports it
    if not is_saved_disclosure(head):
        return None
    size = path.stat().st_size
    if size > Limits().max_bytes:
        raise ReadError(f"{path}：文件过大（{size} 字节，上限 {Limits().max_bytes} 字节）")
    try:
        return loads(path.read_bytes())
    except FormatError as error:
        raise ReadError(f"{path}：{error}") from error


def parse_as_one(paths: Iterable[str | Path]) -> Disclosure:
    """Read files published as parts of one disclosure (narrative and tables apart) as one."""
    paths = [Path(p) for p in paths]
    for path in paths:
        if load_disclosure(path) is not None:
            raise ReadError(f"{path}：已保存的结构化结果不能与其他文件合并读取，请对原文件使用 --as-one")
    return recognize_as_one([read_layout(path) for path in paths])


def audit_as_one(paths: Iterable[str | Path], *, select: Iterable[str] | None = None,
                 ignore: Iterable[str] | None = None, strict: bool = False) -> AuditReport:
    """Audit files published as parts of one disclosure as one document."""
    return audit(parse_as_one(paths), select=select, ignore=ignore, strict=strict)


def audit_file(path: str | Path, *, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               strict: bool = False, progress: Callable[[str], None] | None = None) -> AuditReport:
    """Read, recognise (or load) and audit one disclosure."""
    return audit(parse_file(path, progress), select=select, ignore=ignore, strict=strict)


# ---- one file of a batch ---------------------------------------------------------------------------

def process_file(path: str | Path, name: str, sha256: str, size: int) -> Outcome:
    """Everything a batch keeps of one file: read, recognise, audit and render its report — or
    the reason it could not be (ReadError), or that it is readable but not a disclosure. Never
    raises for the file's sake; an unexpected exception is reported by the caller's isolation."""
    from . import __version__

    started = time.monotonic()
    base = dict(name=name, sha256=sha256, size=size, format=Path(name).suffix.lstrip(".").lower() or "?",
                catalogue_version=catalogue_version(), yusuan_version=__version__)
    try:
        disclosure = parse_file(path)
    except ReadError as error:
        return Outcome(**base, status=Status.FAILED, reason=str(error), seconds=time.monotonic() - started)
    base["format"] = disclosure.source.format.value
    pages = len({p.number for p in disclosure.pages}) or None
    if not disclosure.tables and not disclosure.figures:
        found = sum(len(s.paragraphs) for s in disclosure.narrative)
        reason = (f"未识别为预算/决算公开文件：没有找到标准表或关键数字（读到 {found} 段文字"
                  + (f"，{pages} 页" if pages else "") + "）")
        return Outcome(**base, status=Status.NOT_DISCLOSURE, reason=reason, pages=pages,
                       seconds=time.monotonic() - started)
    report = audit(disclosure)
    return Outcome(**base, status=Status.DONE, pages=pages, audit=audit_dict(report), html=audit_html(report),
                   seconds=time.monotonic() - started)


def page_image(content: bytes, number: int, scale: float = 1.5) -> tuple[bytes, float, float]:
    """A stored PDF's page as PNG with its size in points; ReadError (Chinese) if it cannot be."""
    from .readers.render import page_png

    return page_png(content, number, scale)


def page_size(content: bytes, number: int) -> tuple[float, float]:
    """A stored PDF's page size in points (no drawing); ReadError (Chinese) if there is no such page."""
    from .readers.render import page_size as size

    return size(content, number)


def _stored(body: str | bytes) -> Disclosure | None:
    """A stored disclosure, or None when the store holds something this version cannot load
    (written by an older yusuan): pages and comparisons then show it as not read."""
    try:
        return loads(body)
    except FormatError:
        return None


def source_view(body: str | bytes) -> dict[str, Any] | None:
    """A stored disclosure's tables (rows of named cells) and narrative, each with its source
    line and page, for showing beside the findings."""
    from .report.views import source_view as view

    disclosure = _stored(body)
    return view(disclosure) if disclosure is not None else None


def class_composition(body: str | bytes) -> dict[str, Any] | None:
    """A stored disclosure's spending by function class (类) in 万元, or None when no table
    prints it with certainty."""
    from .report.views import class_composition as composition

    disclosure = _stored(body)
    return composition(disclosure) if disclosure is not None else None


def disclosure_schema() -> dict[str, Any]:
    """The JSON Schema of `yusuan.disclosure/2`, generated from the model (docs/disclosure.schema.json)."""
    from .model.serialize import json_schema

    return json_schema()


def report_html(body: str | bytes) -> str | None:
    """The audit report page of a stored disclosure, audited again under the current rules
    (auditing a saved disclosure gives what auditing the original file gives); None when the
    stored disclosure cannot be loaded by this version."""
    disclosure = _stored(body)
    return audit_html(audit(disclosure)) if disclosure is not None else None


def rule_catalogue() -> list[dict[str, str]]:
    """Every rule as the catalogue describes it, in catalogue order."""
    from .catalogue import rules

    return [{"id": r.id, "family": r.family, "title": r.title, "severity": r.severity.value, "category": r.category,
             "checks": r.checks, "why": r.why, "example": r.example, "tolerance": r.tolerance} for r in rules().values()]


def rule_families() -> list[str]:
    """The rule families (ARITH, XTAB …) in catalogue order."""
    from .catalogue import rules

    return list(dict.fromkeys(rule_id.split("-")[0] for rule_id in rules()))


def export_store(store: Store, fmt: str, **filters: Any) -> dict[str, bytes]:
    """The figures and findings of every matching document, as files to write: one workbook
    (two sheets), two CSV files or one JSON document."""
    from .store.export import DOCUMENT_COLUMNS, FINDING_COLUMNS, exported

    documents, findings = exported(store, **filters)
    if fmt == "xlsx":
        return {"yusuan-export.xlsx": xlsx_bytes({"文件与关键数字": (DOCUMENT_COLUMNS, documents),
                                                 "审核发现": (FINDING_COLUMNS, findings)})}
    if fmt == "csv":
        return {"yusuan-documents.csv": csv_bytes(DOCUMENT_COLUMNS, documents),
                "yusuan-findings.csv": csv_bytes(FINDING_COLUMNS, findings)}
    return {"yusuan-export.json": json_bytes(documents, findings)}


def open_store(url: str | Path | None = None) -> Store:
    """The store at a URL or SQLite file path (default: YUSUAN_DATABASE_URL, else the user's
    data folder), its schema migrated to the current revision."""
    from .store.database import Store

    return Store(url)


# ---- reports -----------------------------------------------------------------------------------

def check_rule_selection(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[str]:
    """The rule IDs a selection names; ValueError (Chinese) for an unknown ID or family."""
    return select_rules(select, ignore)


def disclosure_text(disclosure: Disclosure) -> str:
    return report_disclosure.render_text(disclosure)


def disclosure_dict(disclosure: Disclosure) -> dict[str, Any]:
    return to_dict(disclosure)


def audit_text(report: AuditReport) -> str:
    return report_audit.render_text(report)


def audit_dict(report: AuditReport) -> dict[str, Any]:
    return report_audit.to_json_dict(report)


def audit_html(report: AuditReport) -> str:
    return report_audit.render_html(report)


def json_documents(documents: list[dict[str, Any]], *, lines: bool = False) -> str:
    return report_disclosure.json_documents(documents, lines=lines)


def rules_listing(rule_id: str | None = None, *, markdown: bool = False) -> str:
    """The rule catalogue (one rule or family in detail) as text, or as docs/rules.md."""
    chosen = select_rules([rule_id] if rule_id else None)
    return report_rules.rules_markdown(chosen) if markdown else report_rules.rules_text(chosen, detailed=bool(rule_id))


# ---- compose (imported on use: the renderers' libraries are not needed to read or audit) -------

def __getattr__(name: str) -> Any:
    """The compose errors (api.InputError, api.PdfEngineMissing, api.UnknownUnit), imported when first
    asked for."""
    if name == "InputError":
        from .compose.schema import InputError

        return InputError
    if name in ("Store", "StoreError"):
        from .store import database

        return getattr(database, name)
    if name == "FIGURE_TITLES":  # the key figures kept as columns, with their Chinese column titles
        from .store.export import FIGURE_TITLES

        return FIGURE_TITLES
    if name in ("Decision", "Role"):
        from .store import schema

        return getattr(schema, name)
    if name in ("User", "add_user", "verify_user", "find_user"):
        from .store import accounts

        return {"User": accounts.User, "add_user": accounts.add_user, "verify_user": accounts.verify,
                "find_user": accounts.user}[name]
    if name == "PdfEngineMissing":
        from .compose.render.pdf import PdfEngineMissing

        return PdfEngineMissing
    if name == "UnknownUnit":
        from .compose.units import UnknownUnit

        return UnknownUnit
    raise AttributeError(name)


def compose_layouts() -> list[str]:
    from .compose import layouts

    return list(layouts())


def compose_formats() -> tuple[str, ...]:
    from .compose.output import FORMATS

    return FORMATS


def load_budget(path: str | Path) -> BudgetInput:
    """Read and check compose input (workbook, YAML or JSON); InputError lists every problem."""
    from .compose import load

    return load(path)


def check_budget(data: BudgetInput) -> tuple[list[str], list[str]]:
    """(errors, warnings) a reviewer would raise on the input before composing: placeholder words
    left in (errors: composing would publish them), material changes without a reason and
    projects without performance targets (warnings). Each names its place in the input."""
    from .compose.checks import check
    from .model import Severity

    advice = check(data)
    return ([str(a.problem) for a in advice if a.severity == Severity.ERROR],
            [str(a.problem) for a in advice if a.severity != Severity.ERROR])


def compose_budget(data: BudgetInput, layout: str = "national") -> Any:
    from .compose import compose

    return compose(data, layout)


def unit_budget(data: BudgetInput, code: str) -> BudgetInput:
    """One budget unit's own budget (单位预算) from the department's input (UnknownUnit if there is
    none to compose for that code)."""
    from .compose.units import unit_budget as one_unit

    return one_unit(data, code)


def write_composed(document: Any, out: Path, formats: list[str],
                   step: Callable[[str], None] | None = None) -> list[Path]:
    """Render a composed disclosure in every format asked for — all of them or none."""
    from .compose.output import write

    return write(document, out, formats, step=step)


def write_budget_template(out: Path, source: Path | None = None) -> None:
    """The compose input workbook, empty or filled from a YAML/JSON file (InputError if that is bad)."""
    from .compose.inputs import read_mapping
    from .compose.workbook import write_template

    records = read_mapping(source) if source is not None else None
    out.parent.mkdir(parents=True, exist_ok=True)
    write_template(out, records)


# ---- the composed files, read back ------------------------------------------------------------

A4 = (595.28, 841.89)  # points


def preflight(paths: Iterable[Path], document: Any) -> list[str]:
    """Problems of the files compose wrote, read back as a reader gets them: in the PDF a blank
    page, a page that is not A4 (either way round), a font not embedded or a Type 3 font, and —
    in the PDF and the DOCX — a heading of the document that is not there. Chinese, with the
    place; [] when the files are fit to publish."""
    from .model.text import compact
    from .readers.pdf_facts import pdf_facts

    problems: list[str] = []
    headings = [compact(s.heading) for s in document.disclosure.narrative if s.heading]
    # a 目录 line in the heading's own words: the heading is then printed twice
    listed = {compact(line.target) for line in document.contents if compact(line.text) == compact(line.target)}
    for path in paths:
        path = Path(path)
        if path.suffix == ".pdf":
            facts = pdf_facts(path.read_bytes(), str(path))
            for number, page in enumerate(facts.pages, start=1):
                if page.characters == 0:
                    problems.append(f"{path.name}：第 {number} 页是空白页")
                if not any(abs(page.width - w) <= 2 and abs(page.height - h) <= 2 for w, h in (A4, A4[::-1])):
                    problems.append(f"{path.name}：第 {number} 页尺寸 {page.width:.0f}×{page.height:.0f} 磅，不是 A4")
                elif document.landscape and page.width < page.height:
                    problems.append(f"{path.name}：第 {number} 页为纵向，本模板各页均应横向")
            problems += [f"{path.name}：字体“{name}”未嵌入" for name, embedded in facts.fonts.items() if not embedded]
            if facts.type3:
                problems.append(f"{path.name}：含 Type 3 字体（字形为图形，无法检索和复制）")
            text = compact("".join(line.text for line in read_layout(path).lines))
        elif path.suffix == ".docx":
            import docx

            text = compact("".join(p.text for p in docx.Document(str(path)).paragraphs))
        else:
            continue
        # a heading the 目录 lists is printed twice (目录 and body): once is not enough
        problems += [f"{path.name}：缺少标题“{heading}”" for heading in headings
                     if text.count(heading) < (2 if heading in listed else 1)]
    return problems
