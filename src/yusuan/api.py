"""Library entry points shared by the CLI (and later the web app, API and batch runner)."""

from __future__ import annotations

from pathlib import Path

from .model import Disclosure
from .readers import read_layout
from .recognize import recognize


def parse_file(path: str | Path) -> Disclosure:
    """Read and recognise one disclosure; raises readers.ReadError for unreadable input."""
    return recognize(read_layout(path))
