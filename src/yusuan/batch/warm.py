"""Preloaded by the batch's forkserver: yusuan, its readers' libraries and its catalogues, loaded
once, so every file's process starts with them in memory (copy-on-write) instead of importing
and compiling them again — about half a second a file."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import bs4  # noqa: F401 — HTML
import docx  # noqa: F401 — Word
import openpyxl  # noqa: F401 — Excel
import pdfplumber  # noqa: F401 — PDF

from yusuan import api

_SAMPLE = ("示例局2024年部门预算\n一、收支总体情况\n2024年收入总计100.00万元，支出总计100.00万元。\n"
           "部门收支总表\n项目\t金额\n收入总计\t100.00\n支出总计\t100.00\n")

with tempfile.TemporaryDirectory() as _folder, contextlib.suppress(Exception):
    _path = Path(_folder) / "sample.txt"
    _path.write_text(_SAMPLE, encoding="utf-8")
    api.process_file(_path, "sample.txt", "0" * 64, len(_SAMPLE))  # fills the catalogue caches
