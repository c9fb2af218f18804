"""Realignment of rows whose empty cells collapsed, on small synthetic tables."""

from __future__ import annotations

from decimal import Decimal

from yusuan.catalogue import identities
from yusuan.recognize.realign import applicable, placements, realign

KEYS = ["total", "basic", "personnel", "public", "project", "other_running", "specific_purpose"]
RULES = applicable(identities(), KEYS)


def vec(*values):
    return tuple(Decimal(v) if v else None for v in values)


def test_clean_row_is_left_alone():
    row = vec("10", "6", "5", "1", "4", "4", "")
    assert realign([row], RULES, None, set())[0].status == "ok"


def test_placements_keep_only_rows_that_balance():
    # 合计 10 = 基本 6 (人员 6) + 项目 4 (其他运转 1 + 特定目标 3); the empty 公用经费 cell was
    # lost, so the project amounts slid one cell left
    printed = vec("10", "6", "6", "", "4", "1", "3")
    shifted = vec("10", "6", "6", "4", "1", "3", "")
    options = placements(shifted, RULES)
    assert printed in options
    # the only other placement that balances puts 6 under 公用经费 instead of 人员经费
    assert options == [printed, vec("10", "6", "", "6", "4", "1", "3")]
    # with the table's 合计 row the choice is unique and the row is realigned
    totals = vec("10", "6", "6", "", "4", "1", "3")
    outcome = realign([totals, shifted], RULES, totals, {1})[1]
    assert outcome.status == "realigned" and outcome.vector == printed


def test_column_totals_pick_the_placement():
    total_row = vec("15", "5", "5", "", "10", "", "10")
    clean = vec("5", "5", "5", "", "", "", "")
    # a 10.00 project row printed as 合计/公用/其他运转: specific or other-running is ambiguous alone
    broken = vec("10", "", "", "10", "", "10", "")
    outcomes = realign([total_row, clean, broken], RULES, total_row, {1, 2})
    assert outcomes[2].status == "realigned"
    assert outcomes[2].vector == vec("10", "", "", "", "10", "", "10")


def test_refuses_to_guess_when_two_placements_fit():
    # two rows of 10 and no total row: project could be 其他运转类 or 特定目标类 for either
    broken = vec("10", "", "", "10", "", "10", "")
    outcomes = realign([broken, broken], RULES, None, {0, 1})
    assert [o.status for o in outcomes] == ["ambiguous", "ambiguous"]
    assert outcomes[0].vector == broken  # kept exactly as printed


def test_refuses_when_column_totals_allow_two_answers():
    total_row = vec("20", "", "", "", "20", "10", "10")
    broken = vec("10", "", "", "10", "", "10", "")
    outcomes = realign([total_row, broken, broken], RULES, total_row, {1, 2})
    # either row could be the 其他运转类 one: no unique choice per row
    assert outcomes[1].status == "ambiguous" and outcomes[2].status == "ambiguous"


def test_row_that_cannot_balance_is_marked():
    broken = vec("10", "3", "", "", "3", "", "")
    assert realign([broken], RULES, None, set())[0].status == "unbalanced"
