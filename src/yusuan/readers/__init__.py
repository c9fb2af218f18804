"""Format readers: file bytes → Layout. Selection is by content (magic bytes), not by extension."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from ..model.enums import SourceFormat
from ..model.layout import Layout, Line
from ..model.limits import Limits, ReadError
from .text import bounded_lines, decode, parse_text

__all__ = ["Layout", "Limits", "Line", "ReadError", "read_layout", "sniff_format"]

_NAMES = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "doc": "Word/WPS（.doc/.wps）", "xls": "Excel/WPS（.xls/.et）",
          "html": "HTML", "text": "文本", "zip": "zip 压缩包", "ole": "OLE 复合文档（不是 Word、Excel 或 WPS 文档）",
          "binary": "二进制"}


def sniff_format(data: bytes) -> str:
    """Name the format from its bytes: magic numbers, zip members, markup; text is what has no NUL."""
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError):
            # a damaged archive: its local headers still name the members (a cut-off download)
            if b"word/" in data:
                return "docx"
            if b"xl/" in data:
                return "xlsx"
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2 compound file: named by its root streams
        from .legacy import ole_kind

        return ole_kind(data)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<table" in data[:65536].lower():
        return "html"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte-order mark (Windows Notepad's "Unicode")
    if data[:65536].count(b"\x00") > len(data[:65536]) // 100:
        return "binary"  # (a few stray NULs in a text export are dropped when it is decoded)
    return "text"


def _read_text(data: bytes, layout: Layout, limits: Limits) -> None:
    try:
        text = decode(data)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{layout.path}：无法识别文本编码（既不是 UTF-8 也不是 GB18030）") from exc
    layout.lines = parse_text(text, limits, layout.path)


def _reader(fmt: str) -> Callable[[bytes, Layout, Limits], None] | None:
    if fmt == "text":
        return _read_text
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf
    if fmt == "docx":
        from .docx import read_docx
        return read_docx
    if fmt == "xlsx":
        from .xlsx import read_xlsx
        return read_xlsx
    if fmt == "html":
        from .html import read_html
        return read_html
    if fmt == "xls":
        from .legacy import read_xls
        return read_xls
    if fmt == "doc":
        from .legacy import read_doc
        return read_doc
    return None


def read_layout(path: str | Path, limits: Limits | None = None) -> Layout:
    """Read a file into a Layout or raise ReadError with a Chinese one-line reason."""
    limits = limits or Limits()
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path}：无法打开文件（{exc.strerror or exc}）") from exc
    if path.is_dir():
        raise ReadError(f"{path}：这是一个目录，不是文件")
    if size > limits.max_bytes:
        raise ReadError(f"{path}：文件过大（{size} 字节，上限 {limits.max_bytes} 字节）")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}：无法读取文件（{exc.strerror or exc}）") from exc
    if not data.strip():
        raise ReadError(f"{path}：文件为空")
    fmt = sniff_format(data)
    reader = _reader(fmt)
    if reader is None:
        raise ReadError(f"{path}：不支持{_NAMES.get(fmt, fmt)}格式（支持 PDF、Word .docx/.doc、WPS .wps/.et、Excel .xlsx/.xls、HTML 和纯文本）")
    layout = Layout(path=str(path), format=SourceFormat(fmt), sha256=hashlib.sha256(data).hexdigest())
    try:
        reader(data, layout, limits)
    except ReadError as error:
        if str(error).startswith(str(path)):
            raise
        raise ReadError(f"{path}：{error}") from error  # (raised below the reader, without the file's name)
    if len(layout.lines) > limits.max_lines:
        raise ReadError(f"{path}：文件行数过多（{len(layout.lines)} 行，上限 {limits.max_lines} 行），不像是一份预算公开文件")
    layout.lines = bounded_lines(layout.lines)
    for line in layout.lines:
        line.file = layout.path
    if not layout.lines:
        raise ReadError(f"{path}：{_NAMES[fmt]}文件中没有可读取的文字" + (f"（{'；'.join(layout.warnings)}）" if layout.warnings else ""))
    return layout
