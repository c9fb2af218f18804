"""Property-based fuzzing of every reader's entry point: real files of each format (a seed text
export, a hand-written PDF, the Word/Excel/HTML fixtures) with bytes flipped, cut, repeated or
spliced in. Whatever the bytes, reading ends in a Layout or a ReadError with a Chinese reason —
never another exception — and within the reader's own time limit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import seed_path
from office_fixture import build_docx, build_html, build_xlsx
from pdf_fixture import write_pdf
from yusuan.api import parse_file
from yusuan.model.limits import Limits, ReadError
from yusuan.readers import read_layout

SECONDS = 20.0


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """data with a few edits: bytes flipped, a cut, a slice repeated, random bytes spliced in."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        edit = draw(st.sampled_from(["flip", "cut", "repeat", "splice"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if edit == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif edit == "cut":
            data = data[:at] if draw(st.booleans()) else data[at:]
        elif edit == "repeat":
            length = draw(st.integers(1, 256))
            data[at:at] = data[at:at + length] * draw(st.integers(1, 8))
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


def _originals(folder: Path) -> dict[str, bytes]:
    pdf = write_pdf(folder / "hand.pdf", [[(72, 760, "Budget 2024"), (72, 740, "Total 100.00")],
                                          [(72, 760, "Page two"), (72, 740, "Income 50.00")]])
    return {
        "text": seed_path("002").read_bytes()[:20_000],
        "pdf": pdf.read_bytes(),
        "docx": build_docx(folder / "f.docx").read_bytes(),
        "xlsx": build_xlsx(folder / "f.xlsx").read_bytes(),
        "html": build_html(folder / "f.html").read_bytes(),
    }


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    return _originals(tmp_path_factory.mktemp("fuzz-originals"))


@pytest.mark.parametrize("kind", ["text", "pdf", "docx", "xlsx", "html"])
def test_mutated_files_read_or_fail_cleanly(kind, originals, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"fuzz-{kind}")
    counter = iter(range(10**9))

    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(mutated(originals[kind]))
    def check(data: bytes) -> None:
        path = folder / f"{next(counter)}.{kind if kind != 'text' else 'txt'}"
        path.write_bytes(data)
        started = time.monotonic()
        try:
            read_layout(path, Limits(max_seconds=SECONDS))
            parse_file(path)  # the recogniser on whatever the reader made of it
        except ReadError as error:
            assert str(error).startswith(str(path)) and "\n" not in str(error)
        assert time.monotonic() - started < 2 * SECONDS + 5
        outcomes.append(path)

    outcomes: list[Path] = []
    check()
    assert len(outcomes) >= 50  # the examples did run
