"""Resource limits every reader enforces, so one hostile file cannot stall or exhaust a batch.

They live at the base because every file yusuan opens — a disclosure for the readers, a budget
workbook for compose — goes through the same limits and fails with the same ReadError.

The numbers are generous for real disclosures (the largest we have seen is a 40-page, 4 MB PDF)
and small enough that a batch of thousands keeps going when one file is a zip bomb or a
10,000-page scan. They can be tightened or loosened per call.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any


class ReadError(Exception):
    """A file that cannot be read; the message is Chinese and names the reason."""


@dataclass
class Limits:
    max_bytes: int = 64 * 1024 * 1024
    max_pages: int = 500
    max_unzipped_bytes: int = 256 * 1024 * 1024  # all members of a docx/xlsx together
    max_cells: int = 2_000_000  # spreadsheet cells read
    max_lines: int = 100_000  # printed lines (the largest disclosure seen has under 5,000)
    max_seconds: float = 120.0
    started: float = field(default_factory=time.monotonic)
    # told what a slow step is doing (OCR of a scanned page), for a progress line; None: silent
    progress: Callable[[str], None] | None = None

    def check_time(self, path: str, where: str = "") -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.max_seconds:
            place = f"（读到{where}）" if where else ""
            raise ReadError(f"{path}：读取超时，超过 {self.max_seconds:g} 秒{place}，已停止")

    def seconds_left(self) -> float:
        """What remains of the time limit (a child process — LibreOffice — gets no more)."""
        return self.max_seconds - (time.monotonic() - self.started)

    def check_zip(self, path: str, archive: zipfile.ZipFile) -> None:
        """Refuse zip bombs before any member is inflated: the declared sizes must fit."""
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if info.compress_size and info.file_size / info.compress_size > 200 and info.file_size > 10_000_000:
                raise ReadError(f"{path}：压缩包成员 {info.filename} 压缩比异常（{info.file_size} 字节），疑似恶意文件")
        if total > self.max_unzipped_bytes:
            raise ReadError(f"{path}：解压后大小 {total} 字节超过上限 {self.max_unzipped_bytes} 字节")


def open_zipped(path: str, data: bytes, limits: Limits, what: str, opener: Callable[[BytesIO], Any]) -> Any:
    """Open a docx/xlsx after checking its zip members' declared sizes; any failure → ReadError."""
    try:
        limits.check_zip(path, zipfile.ZipFile(BytesIO(data)))
        return opener(BytesIO(data))
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"{path}：{what}文件已损坏，无法打开（{type(exc).__name__}）") from exc
