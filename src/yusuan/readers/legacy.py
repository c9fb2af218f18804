"""Legacy Office and WPS files: OLE2 compound files, named by the streams at their root (not by
their extension) — Excel 97–2003 `.xls` and WPS `.et` (a `Workbook`/`Book` stream) are read by
calamine; Word 97–2003 `.doc` and WPS `.wps` (a `WordDocument` stream) are converted to `.docx` by
headless LibreOffice when it is installed, then read as Word.

calamine gives cell values, merged ranges and sheet visibility; what it does not — hidden rows
and columns, each number's format — is read from the workbook's own records (biff.py), so an
`.xls` reads as the `.xlsx` it was saved from."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from ..model.layout import Layout
from ..model.limits import Limits, ReadError
from .biff import SheetFacts, sheet_facts
from .docx import read_docx
from .text import clean_cell
from .xlsx import add_sheet, cell_text

CONVERSION_SECONDS = 120  # LibreOffice's own limit per document (it starts in a few seconds)
SOFFICE_PACKAGE = "libreoffice-writer-nogui"


def ole_kind(data: bytes) -> str:
    """'doc' (Word/WPS text), 'xls' (Excel/WPS spreadsheet) or 'ole' (another compound file:
    PowerPoint, an MSI, an encrypted OOXML package …), from the streams at the file's root."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            root = {entry[0] for entry in ole.listdir(streams=True, storages=True) if len(entry) == 1}
    except Exception:  # noqa: BLE001 — a damaged compound file is "ole": refused with the reason below
        return "ole"
    if "WordDocument" in root:
        return "doc"
    if root & {"Workbook", "Book"}:
        return "xls"
    return "ole"


def read_xls(data: bytes, layout: Layout, limits: Limits) -> None:
    import python_calamine as calamine

    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError as exc:
        raise ReadError(f"{layout.path}：Excel 文件已加密，无法读取；请提供未加密的版本") from exc
    except Exception as exc:  # noqa: BLE001 — calamine's errors for damaged files
        raise ReadError(f"{layout.path}：Excel（.xls）文件已损坏，无法打开（{type(exc).__name__}）") from exc
    facts = _facts(data)
    counter = 0
    cells_read = 0
    try:
        for meta in book.sheets_metadata:
            if meta.visible != calamine.SheetVisibleEnum.Visible or meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            limits.check_time(layout.path, f"工作表「{meta.name}」")
            sheet = book.get_sheet_by_name(meta.name)
            known = facts.get(meta.name, SheetFacts())
            covered = _covered(sheet.merged_cell_ranges or [], limits.max_cells)
            cells_read += len(covered)  # merged positions count against the cell limit too
            rows = []
            for index, values in enumerate(sheet.to_python(skip_empty_area=False)):
                cells_read += len(values)
                if cells_read > limits.max_cells:
                    raise ReadError(f"{layout.path}：单元格超过 {limits.max_cells} 个，已停止读取")
                if index in known.hidden_rows:
                    continue
                shown = [c for c in range(len(values)) if c not in known.hidden_columns]
                texts = [clean_cell(cell_text(values[c], known.formats.get((index, c)))) for c in shown]
                rows.append((index + 1, texts, [i for i, c in enumerate(shown) if (index, c) in covered]))
            counter = add_sheet(layout, counter, meta.name, rows)
    finally:
        book.close()


def _facts(data: bytes) -> dict[str, SheetFacts]:
    """Hidden rows and columns and number formats per sheet, from the `Workbook` (or BIFF5
    `Book`) stream; {} when it cannot be read (the values alone are read then)."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            name = "Workbook" if ole.exists("Workbook") else "Book"
            return sheet_facts(ole.openstream(name).read())
    except Exception:  # noqa: BLE001 — the facts refine the reading; without them the values still read
        return {}


def _covered(ranges: list, limit: int) -> set[tuple[int, int]]:
    """Positions hidden under a merged cell (its top-left holds the text), at most `limit` in all."""
    hidden: set[tuple[int, int]] = set()
    for (top, left), (bottom, right) in ranges:
        size = (bottom - top + 1) * (right - left + 1)
        if size > 100_000 or len(hidden) + size > limit:
            continue  # a merge over a whole sheet (or past the cell limit): nothing to place under it
        hidden.update((r, c) for r in range(top, bottom + 1) for c in range(left, right + 1) if (r, c) != (top, left))
    return hidden


def read_doc(data: bytes, layout: Layout, limits: Limits) -> None:
    """Convert with LibreOffice (a private profile per conversion, so parallel workers do not
    share one) and read the result as Word; the lines keep the original file's name."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReadError(f"{layout.path}：旧版 Word/WPS 文档（.doc/.wps）需要 LibreOffice 转换后读取，本机未安装"
                        f"（Debian 软件包 {SOFFICE_PACKAGE}）；也可另存为 .docx 后再审核")
    seconds = min(CONVERSION_SECONDS, max(limits.seconds_left(), 1))
    with tempfile.TemporaryDirectory(prefix="yusuan-soffice-") as work:
        folder = Path(work)
        source = folder / "document.doc"
        source.write_bytes(data)
        command = [soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault",
                   f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"), str(source)]
        started = time.monotonic()
        # soffice is a script that starts soffice.bin: the whole process group goes on a timeout
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True, env={**os.environ, "HOME": work})
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired as exc:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise ReadError(f"{layout.path}：LibreOffice 转换超过 {seconds:.0f} 秒仍未完成，已停止") from exc
        converted = folder / "out" / "document.docx"
        if not converted.exists():
            raise ReadError(f"{layout.path}：LibreOffice 无法转换此 Word/WPS 文档（文件可能已损坏或已加密）")
        layout.warnings.append(f"旧版 Word/WPS 文档已由 LibreOffice 转换为 .docx 后读取（{time.monotonic() - started:.1f} 秒）")
        read_docx(converted.read_bytes(), layout, limits)
