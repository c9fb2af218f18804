"""Amounts, units and codes: examples from the documents plus property-based tests."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from yusuan.model.codes import join_code_parts, parse_code
from yusuan.model.money import Unit, convert, parse_amount, parse_unit

FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def test_amount_examples():
    assert parse_amount("1,234.50") == Decimal("1234.50")
    assert parse_amount("1234.5") == Decimal("1234.5")
    assert parse_amount("（1,234.50）") == Decimal("-1234.50")
    assert parse_amount("１２３４．５０") == Decimal("1234.50")
    assert parse_amount(" 9,386.60 ") == Decimal("9386.60")
    for not_amount in ["", "-", "—", "合计", "2024年", "1,23.4", "12a", None]:
        assert parse_amount(not_amount) is None


def test_units():
    assert parse_unit("单位：万元") is Unit.WAN
    assert parse_unit("金额单位: 元") is Unit.YUAN
    assert parse_unit("项目资金 （元）") is Unit.YUAN
    assert parse_unit("部门名称：某局") is None
    assert convert(Decimal("27300"), Unit.YUAN, Unit.WAN) == Decimal("2.73")


decimals = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(decimals)
def test_amount_roundtrip_with_separators(value):
    plain = f"{value:.2f}"
    grouped = f"{value:,.2f}"
    assert parse_amount(plain) == value
    assert parse_amount(grouped) == value
    assert parse_amount(grouped.translate(FULLWIDTH)) == value
    assert parse_amount(f"（{grouped}）") == -value
    assert parse_amount(f"({plain})") == -value


@given(decimals)
def test_wan_yuan_conversion_is_exact_and_reversible(value):
    yuan = convert(value, Unit.WAN, Unit.YUAN)
    assert yuan == value * 10000
    assert convert(yuan, Unit.YUAN, Unit.WAN) == value


@given(st.integers(min_value=200, max_value=299), st.integers(0, 99), st.integers(0, 99))
def test_function_code_forms(cls, kuan, xiang):
    digits = f"{cls:03d}{kuan:02d}{xiang:02d}"
    for printed in (digits, f"{cls} {kuan:02d} {xiang:02d}", f"{cls}{kuan:02d} {xiang:02d}"):
        assert parse_code(printed) == digits
    joined, state = join_code_parts([str(cls), f"{kuan:02d}", f"{xiang:02d}"], None)
    assert joined == digits
    # blanks mean "same as above"
    again, _ = join_code_parts(["", "", f"{xiang:02d}"], state)
    assert again == digits
    parent, _ = join_code_parts(["", f"{kuan:02d}", ""], state)
    assert parent == digits[:5]


def test_economic_codes():
    assert parse_code("30101") == "30101"
    assert parse_code("501 01") == "50101"
    assert parse_code("合计") is None


def test_an_amount_run_on_into_the_next_label_is_split():
    from yusuan.readers.pdf import _split_run_on

    cells, extents = _split_run_on(["一、财政拨款收入", "24,458.43二、一般公共服务支出", "1,200.00"],
                                   [(0, 100), (150, 350), (400, 450)])
    assert cells == ["一、财政拨款收入", "24,458.43", "二、一般公共服务支出", "1,200.00"]
    assert extents[1][0] == 150 and extents[2][1] == 350 and extents[1][1] == extents[2][0]
    # a code followed by its name, or a year, is not an amount
    assert _split_run_on(["2080101行政运行", "2024年"], [(0, 1), (1, 2)])[0] == ["2080101行政运行", "2024年"]
