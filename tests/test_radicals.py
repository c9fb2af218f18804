"""Every code point of both radical blocks folds to the ideograph a mainland font draws with the
same glyph (read from Noto Sans CJK SC itself, which the set-up installs), else to its NFKC form;
the generated catalogue is what the font says, and the PDF reader folds radicals before any text
is assembled."""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path

import pytest

from yusuan.readers.radicals import fold_radical

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import radicals_from_font as generator  # noqa: E402

pytestmark = pytest.mark.skipif(not generator.FONT.exists() or importlib.util.find_spec("fontTools") is None,
                                reason=f"{generator.FONT} (Debian fonts-noto-cjk) or fontTools (yusuan[dev]) missing")


@pytest.fixture(scope="module")
def shared():
    return generator.shared_ideographs()


def test_every_radical_folds_to_what_the_mainland_font_draws(shared):
    checked = 0
    for code in generator.RADICALS:
        radical = chr(code)
        if not generator.assigned(code):
            assert fold_radical(radical) == radical
            continue
        checked += 1
        nfkc = unicodedata.normalize("NFKC", radical)
        if radical in shared:
            assert fold_radical(radical) == shared[radical], f"U+{code:04X}"
        elif nfkc != radical:
            assert fold_radical(radical) == nfkc, f"U+{code:04X}"
        else:  # a component form no ideograph shares a glyph with: left, or a form other fonts share
            assert fold_radical(radical) in (radical, generator.HAND.get(radical)), f"U+{code:04X}"
    assert checked == 329  # 115 supplement forms and 214 Kangxi radicals


def test_the_forms_mainland_documents_print():
    # read from the font by hand (fontTools: the same glyph id in the SC face's cmap)
    assert [fold_radical(r) for r in "⼾⻬⻮⾦⻔⻓"] == list("户齐齿金门长")
    assert fold_radical("基") == "基" and fold_radical("") == ""


def test_the_catalogue_is_what_the_generator_writes(shared):
    from yusuan.catalogue import radical_folds

    assert radical_folds() == generator.expected(shared)
