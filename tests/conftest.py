"""Shared fixtures. Real inputs are read from ../shared/corpus (override with YUSUAN_CORPUS)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from yusuan.api import parse_file
from yusuan.model import Disclosure

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("YUSUAN_CORPUS", REPO.parent / "shared" / "corpus"))
SEEDS = {
    "000": "000_b0546a12a1f11c2e.txt",
    "001": "001_86ad43cc5f0b9a4c.txt",
    "002": "002_c2d26e2274a6c1ae.txt",
    "003": "003_cc9bf947663a16bb.txt",
    "004": "004_db2ff66d22e413a4.txt",
}


def seed_path(seed: str) -> Path:
    path = CORPUS / "seeds" / SEEDS[seed]
    if not path.exists():
        pytest.skip(f"corpus not found at {path} (set YUSUAN_CORPUS to the shared corpus folder)")
    return path


@cache
def _parse(path: str) -> Disclosure:
    return parse_file(path)


def parse_cached(path: Path) -> Disclosure:
    """The Disclosure of a corpus file, parsed once per test run (tests must not change it)."""
    return _parse(str(path))


@pytest.fixture
def parsed():
    """parsed("000") → the Disclosure of seed 000 (parsed once per test run)."""
    return lambda seed: _parse(str(seed_path(seed)))


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server for the session (tests/pg_server.py)."""
    from pg_server import Server

    server = Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, then a database on the throwaway PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'yusuan.db'}"
    server = request.getfixturevalue("postgres")
    return server.database(f"t{abs(hash(request.node.nodeid)) % 10**12}")
