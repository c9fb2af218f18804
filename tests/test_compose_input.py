"""Compose input: the workbook template round-trips the example, and planted mistakes give
row-level Chinese errors and no output files."""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from yusuan.cli import app
from yusuan.compose.inputs import InputError, load, read_mapping
from yusuan.compose.rounding import QUANTUM, round_tree
from yusuan.compose.workbook import write_template
from yusuan.model.money import Unit

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "示例市人力资源和社会保障局2025年预算.yaml"
runner = CliRunner()


def test_template_filled_from_the_example_reads_back_the_same_budget(tmp_path):
    book = tmp_path / "budget.xlsx"
    write_template(book, read_mapping(EXAMPLE))
    from_yaml, from_xlsx = load(EXAMPLE), load(book)
    assert [(i.unit, i.function, i.econ, i.fund, i.carryover, i.project, i.amount) for i in from_xlsx.items] == \
        [(i.unit, i.function, i.econ, i.fund, i.carryover, i.project, i.amount) for i in from_yaml.items]
    assert from_xlsx.prior == from_yaml.prior and from_xlsx.targets == from_yaml.targets
    assert sum(i.amount for i in from_xlsx.items) == Decimal("27786242.61")


def test_blank_template_has_every_sheet_with_headers_and_choices(tmp_path):
    book = tmp_path / "blank.xlsx"
    result = runner.invoke(app, ["template", str(book)])
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames[:3] == ["填写说明", "部门信息", "预算单位"]
    items = workbook["支出明细"]
    assert [c.value for c in items[1]][:3] == ["单位代码", "功能分类科目编码", "部门经济分类科目编码"]
    assert any("基本支出,项目支出" in (v.formula1 or "") for v in items.data_validations.dataValidation)
    with pytest.raises(InputError) as error:  # a blank template is not a budget
        load(book)
    assert any("必填项为空" in str(p) or "没有支出明细" in str(p) for p in error.value.problems)


def _planted(tmp_path: Path) -> Path:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    planted = copy.deepcopy(data)
    items = planted["支出明细"]
    items[0]["功能分类科目编码"] = "2089998"  # no such 项
    items[3]["金额（元）"] = -186450.50  # negative
    del items[17]["项目类型"]  # a project without its type
    items[5]["金额（元）"] = "九万五千六"  # not a number
    book = tmp_path / "planted.xlsx"
    source = tmp_path / "planted.yaml"
    source.write_text(yaml.safe_dump(planted, allow_unicode=True), encoding="utf-8")
    write_template(book, read_mapping(source))
    return book


def test_planted_mistakes_are_reported_by_row_and_nothing_is_written(tmp_path):
    book = _planted(tmp_path)
    with pytest.raises(InputError) as error:
        load(book)
    messages = [str(p) for p in error.value.problems]
    # workbook rows: header is row 1, so list item N is row N + 2
    assert "工作表「支出明细」第 2 行「功能分类科目编码」：功能分类科目编码 2089998 不在2025年科目表中（catalogue/classification.toml）" in messages
    assert "工作表「支出明细」第 5 行「金额（元）」：金额 -186450.5 为负数，预算金额不能为负" in messages
    assert "工作表「支出明细」第 19 行「项目类型」：项目支出须填写项目类型（其他运转类或特定目标类）" in messages
    assert "工作表「支出明细」第 7 行「金额（元）」：金额“九万五千六”不是数字" in messages
    assert len(messages) == 4

    out = tmp_path / "out"
    result = runner.invoke(app, ["compose", str(book), "--out", str(out)])
    assert result.exit_code == 2
    assert "输入数据有 4 处问题，未生成任何文件" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_unknown_unit_and_target_for_a_missing_project(tmp_path):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["支出明细"][1]["单位代码"] = "999999"
    data["绩效目标"][0]["项目名称"] = "不存在的项目"
    source = tmp_path / "bad.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load(source)
    messages = [str(p) for p in error.value.problems]
    assert "工作表「支出明细」第 2 行「单位代码」：单位代码 999999 不在“预算单位”表中" in messages
    assert "工作表「绩效目标」第 1 行「项目名称」：项目“不存在的项目”不在“支出明细”中" in messages


def test_the_department_texts_sheets_are_checked_by_row_in_the_workbook_too(tmp_path):
    """The sheets for what departments write (科目说明, 项目, 项目经费说明, 名词解释, 结转结余) are in
    the template and give the same row/column messages, from YAML and from the workbook alike."""
    shanghai = REPO / "examples" / "上海市普陀区财政局2025年部门预算.yaml"
    data = yaml.safe_load(shanghai.read_text(encoding="utf-8"))
    data["科目说明"][2]["功能分类科目编码"] = "2080101"  # a 项 the department has no spending on
    data["项目"][0]["项目名称"] = "不存在的项目"
    data["名词解释"][1]["解释"] = ""
    data["结转结余"] = [{"单位代码": "999", "资金来源": "一般公共预算", "功能分类科目编码": "2010601",
                     "年初结转和结余（元）": 1}]
    source = tmp_path / "bad.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    book = tmp_path / "bad.xlsx"
    write_template(book, read_mapping(source))
    for path in (source, book):
        with pytest.raises(InputError) as error:
            load(path)
        messages = [str(p) for p in error.value.problems]
        first = 3 if path == source else 4  # YAML counts records, the workbook its rows (header = 1)
        assert f"工作表「科目说明」第 {first} 行「功能分类科目编码」：科目 2080101 在“支出明细”中没有支出" in messages
        assert f"工作表「项目」第 {first - 2} 行「项目名称」：项目“不存在的项目”不在“支出明细”中" in messages
        assert f"工作表「名词解释」第 {first - 1} 行「解释」：必填项为空" in messages
        assert f"工作表「结转结余」第 {first - 2} 行「单位代码」：单位代码 999 不在“预算单位”表中" in messages
    assert {"科目说明", "项目", "项目经费说明", "名词解释", "结转结余"} <= set(openpyxl.load_workbook(book).sheetnames)


amounts = st.lists(st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2), min_size=1, max_size=60)


@given(amounts, st.lists(st.sampled_from(["2080101", "2080102", "2080501", "2101101", "2210201"]), min_size=60,
                         max_size=60))
def test_rounding_keeps_every_total_and_never_moves_a_figure_by_more_than_a_cent(values, codes):
    items = list(zip(values, codes, strict=False))
    rounded = round_tree(items, lambda i: i[0], [lambda i: i[1][:3], lambda i: i[1][:5], lambda i: i[1]], Unit.WAN)
    exact_total = sum((v for v, _ in items), Decimal(0)) / 10000
    assert sum(rounded, Decimal(0)) == exact_total.quantize(QUANTUM, rounding=ROUND_HALF_UP)
    for (value, _), printed in zip(items, rounded, strict=True):
        assert abs(printed - value / 10000) < QUANTUM
    for prefix in {c[:3] for _, c in items} | {c for _, c in items}:
        group = [(v, r) for (v, c), r in zip(items, rounded, strict=True) if c.startswith(prefix)]
        exact = sum((v for v, _ in group), Decimal(0)) / 10000
        assert abs(sum((r for _, r in group), Decimal(0)) - exact) < QUANTUM


def test_text_that_looks_like_a_formula_stays_text_in_every_workbook(tmp_path):
    """Formula injection: a department or unit name from the input starting with = + - @ is
    escaped in the composed workbook and in the template filled from the input."""
    records = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    records["部门信息"]["部门名称"] = "=cmd|' /C calc'!A0"
    records["预算单位"][0]["单位名称"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    source = tmp_path / "hostile.yaml"
    source.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    template = tmp_path / "template.xlsx"
    write_template(template, read_mapping(source))
    result = runner.invoke(app, ["compose", str(source), "--out", str(tmp_path / "out"), "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    for path in [template, *(tmp_path / "out").glob("*.xlsx")]:
        book = openpyxl.load_workbook(path)
        cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"], path.name
        texts = [c.value for c in cells if isinstance(c.value, str)]
        assert not [t for t in texts if t.startswith(("=", "@"))], path.name
        assert any("=cmd|" in t for t in texts), path.name


def test_hostile_inputs_are_listed_problems_not_tracebacks(tmp_path):
    """1e30 amounts, control characters, unpaired surrogates, a YAML alias bomb: each a Chinese
    problem with its place and nothing written; a GBK-encoded YAML file is read."""
    records = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))

    def problems(mutate, suffix=".yaml", raw: bytes | None = None) -> list[str]:
        changed = copy.deepcopy(records)
        mutate(changed)
        path = tmp_path / f"input{suffix}"
        if raw is not None:
            path.write_bytes(raw)
        elif suffix == ".json":
            path.write_text(__import__("json").dumps(changed, ensure_ascii=True), encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
        with pytest.raises(InputError) as caught:
            load(path)
        return [str(p) for p in caught.value.problems]

    huge = problems(lambda r: r["支出明细"][0].update({"金额（元）": 1e30}))
    assert len(huge) == 1 and "超出范围" in huge[0] and "第 1 行" in huge[0]
    control = problems(lambda r: r["部门信息"].update({"部门名称": "示例\x07局"}))
    assert len(control) == 1 and "U+0007" in control[0] and "部门名称" in control[0]
    surrogate = problems(lambda r: r["部门信息"].update({"主要职责": "职责\ud800"}), suffix=".json")
    assert len(surrogate) == 1 and "U+D800" in surrogate[0]
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9))
    assert "疑似恶意文件" in problems(lambda r: None, raw=bomb.encode())[0]
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    assert load(gbk).department == load(EXAMPLE).department
