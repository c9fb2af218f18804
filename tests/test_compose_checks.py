"""Checks before composing, each with a planted input and its clean twin (the bundled example,
which passes every check): placeholder words block the compose, a material change without a
reason and a project without performance targets are listed as warnings."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from yusuan.cli import app
from yusuan.compose import load
from yusuan.compose.checks import check, current_amounts
from yusuan.model import Severity

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "示例市人力资源和社会保障局2025年预算.yaml"


def _said(data) -> list[tuple[Severity, str]]:
    return [(a.severity, str(a.problem)) for a in check(data)]


def test_the_example_passes_every_check():
    assert _said(load(EXAMPLE)) == []


def test_placeholder_words_block_the_compose():
    data = load(EXAMPLE)
    said = _said(replace(data, duties="贯彻落实XX方针政策……（待补充）"))
    assert [s for s, _ in said] == [Severity.ERROR]
    assert said[0][1].startswith("工作表「部门信息」「主要职责」：仍有占位或待填写的文字“XX”")
    reasons = dict(data.prior)
    reasons["basic"] = replace(reasons["basic"], reason="待填写")
    assert [(s, m.split("：")[0]) for s, m in _said(replace(data, prior=reasons))] == [
        (Severity.ERROR, "工作表「上年数及变动原因」第 4 行「变动原因」")]


def test_a_material_change_needs_a_reason():
    data = load(EXAMPLE)
    now = current_amounts(data)
    prior = dict(data.prior)
    # the example's 基本支出: 上年 17,236,800.00 元 (its row 4); a change of a tenth or more without a reason
    prior["basic"] = replace(prior["basic"], amount=now["basic"] * Decimal("1.2"), reason=None)
    said = _said(replace(data, prior=prior))
    assert [s for s, _ in said] == [Severity.WARNING] and "基本支出" in said[0][1] and "第 4 行" in said[0][1]
    # clean twin: a small change needs no reason
    prior["basic"] = replace(prior["basic"], amount=now["basic"] * Decimal("1.05"), reason=None)
    assert _said(replace(data, prior=prior)) == []
    # from a zero base: 政府性基金 was 0 last year (row 3)
    prior = dict(data.prior)
    prior["gov_fund"] = replace(prior["gov_fund"], reason=None)
    said = _said(replace(data, prior=prior))
    assert len(said) == 1 and "上年为 0" in said[0][1]


def test_a_project_without_performance_targets():
    data = load(EXAMPLE)
    targets = [t for t in data.targets if t.project != "人社信息系统运行维护"]
    said = _said(replace(data, targets=targets))
    # the project's first line is the 23rd record of 支出明细 in the example (its YAML line 45)
    assert said == [(Severity.WARNING, "工作表「支出明细」第 23 行「项目名称」：项目“人社信息系统运行维护”没有填写绩效目标")]


def test_the_cli_writes_nothing_with_an_error_and_lists_warnings(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    blocked = tmp_path / "blocked.yaml"
    blocked.write_text(text.replace("变动原因: 部分在职人员退休，人员经费相应减少", "变动原因: TODO"), encoding="utf-8")
    result = CliRunner().invoke(app, ["compose", str(blocked), "--out", str(tmp_path / "out"), "--format", "html"])
    assert result.exit_code == 2 and "未生成任何文件" in result.output and "TODO" in result.output
    assert not any((tmp_path / "out").rglob("*"))
    # a warning is listed and the files are written: 政府性基金 was 0 last year, its reason removed
    warned = tmp_path / "warned.yaml"
    reason = "变动原因: 新增人才安居补助，由国有土地使用权出让收入安排"
    assert text.count(reason) == 1
    warned.write_text(text.replace(", " + reason, ""), encoding="utf-8")
    result = CliRunner().invoke(app, ["compose", str(warned), "--out", str(tmp_path / "out"), "--format", "html"])
    assert result.exit_code == 0 and "请核对" in result.output and "上年为 0" in result.output
    assert [p.suffix for p in (tmp_path / "out").iterdir()] == [".html"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from yusuan import api

    document = api.compose_budget(load(EXAMPLE))
    return document, api.write_composed(document, tmp_path_factory.mktemp("composed"), ["pdf", "docx"])


def test_page_numbers_from_page_two_real_fonts_and_black_headings(rendered):
    """Read back: "— N —" at the foot of every page but the first, every font embedded and none
    Type 3; the DOCX footer holds a PAGE field and no heading style keeps the theme's colour."""
    import re
    import zipfile

    import pypdfium2 as pdfium

    from yusuan.readers.pdf_facts import pdf_facts

    _, written = rendered
    pdf = next(p for p in written if p.suffix == ".pdf")
    document = pdfium.PdfDocument(pdf)
    numbers = [[line.strip() for line in document[i].get_textpage().get_text_range().splitlines()
                if re.fullmatch(r"— \d+ —", line.strip())] for i in range(len(document))]
    assert numbers[0] == [] and all(numbers[i] == [f"— {i + 1} —"] for i in range(1, len(document)))
    # the example's eight 项目绩效目标表 are small: they share pages instead of taking one each
    per_page = [document[i].get_textpage().get_text_range().count("项目绩效目标表") for i in range(len(document))]
    assert max(per_page) >= 2 and sum(1 for n in per_page if n) < 8
    facts = pdf_facts(pdf.read_bytes())
    assert facts.fonts and all(facts.fonts.values()) and not facts.type3
    with zipfile.ZipFile(next(p for p in written if p.suffix == ".docx")) as docx:
        footers = [docx.read(n).decode() for n in docx.namelist() if n.startswith("word/footer")]
        styles = docx.read("word/styles.xml").decode()
    assert any("PAGE" in f and "— " in f for f in footers)
    for style in ("Title", "Heading1", "Heading2"):
        block = re.search(rf'w:styleId="{style}".*?</w:style>', styles, re.S).group(0)
        assert "themeColor" not in block and 'w:val="000000"' in block


def test_the_preflight_reads_the_files_back_and_fails_a_broken_render(rendered, tmp_path):
    import pypdfium2 as pdfium

    from yusuan import api

    document, written = rendered
    assert api.preflight(written, document) == []
    pdf = next(p for p in written if p.suffix == ".pdf")
    # a blank page slipped in, and the page printing the first part's heading lost
    broken = pdfium.PdfDocument(pdf)
    first = next(i for i in range(len(broken)) if "第一部分" in broken[i].get_textpage().get_text_range())
    broken.del_page(first)
    broken.new_page(595.28, 841.89)
    broken.save(tmp_path / "broken.pdf")
    problems = api.preflight([tmp_path / "broken.pdf"], document)
    assert f"broken.pdf：第 {len(broken)} 页是空白页" in problems
    assert any(p.startswith("broken.pdf：缺少标题“第一部分部门概况”") for p in problems)
