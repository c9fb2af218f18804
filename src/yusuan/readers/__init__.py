"""Format readers: file bytes → Layout. Selection is by content, not only by extension."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .layout import Layout, Line, ReadError
from .text import decode, parse_text

MAX_BYTES = 64 * 1024 * 1024

__all__ = ["Layout", "Line", "ReadError", "read_layout", "sniff_format"]


def sniff_format(data: bytes) -> str:
    """Name the format from magic bytes; text is what decodes and has no NUL."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"  # docx / xlsx, told apart by their members
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # legacy .doc / .xls
    head = data[:4096].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if b"\x00" in data[:65536]:
        return "binary"
    return "text"


def read_layout(path: str | Path) -> Layout:
    """Read a file into a Layout or raise ReadError with a Chinese one-line reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path}：无法打开文件（{exc.strerror or exc}）") from exc
    if path.is_dir():
        raise ReadError(f"{path}：这是一个目录，不是文件")
    if size > MAX_BYTES:
        raise ReadError(f"{path}：文件过大（{size} 字节，上限 {MAX_BYTES} 字节）")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}：无法读取文件（{exc.strerror or exc}）") from exc
    if not data.strip():
        raise ReadError(f"{path}：文件为空")
    fmt = sniff_format(data)
    if fmt != "text":
        names = {"pdf": "PDF", "zip": "Word/Excel（zip）", "ole": "旧版 Office", "html": "HTML",
                 "binary": "二进制"}
        raise ReadError(f"{path}：暂不支持{names.get(fmt, fmt)}格式，目前只能读取纯文本导出")
    try:
        text = decode(data)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}：无法识别文本编码（既不是 UTF-8 也不是 GB18030）") from exc
    layout = Layout(path=str(path), format="text", sha256=hashlib.sha256(data).hexdigest())
    layout.lines = parse_text(text)
    return layout
