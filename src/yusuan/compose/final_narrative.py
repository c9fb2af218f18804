"""The final account's 情况说明 (部门决算), in the order and words of the 2024 决算 template:
totals against the previous year, shares, the 一般公共预算 spending and “三公” against their
年初预算 with the completion rate, every 财政拨款 项 (spent or only budgeted) with its 年初预算 and
决算. Every figure is a sum over the same rounded ledger
the tables print (the 年初预算 over the budget ledger), and every rate is computed from the two
printed numbers it compares, so a reader recomputing it gets the same rate."""

from __future__ import annotations

from decimal import Decimal

from .ledger import Ledger
from .narrative import Item, amount, share, writer
from .schema import Prior, asset_items, funds

_GPB = "一般公共预算"
_FISCAL = [f["name"] for f in funds() if f.get("fiscal")]


def _who(ledger: Ledger) -> str:
    return f"{ledger.data.department}{ledger.data.year}年度"


def _against_last_year(ledger: Ledger, what: str, now: Decimal, prior: Prior | None) -> str:
    """与上年度相比的一句 (the previous year's 决算 from the 上年数 sheet); "" when none was given."""
    if prior is None:
        return ""
    before = ledger.convert(prior.amount)
    last = f"{ledger.data.year - 1}年度"
    reason = prior.reason.rstrip("。；;，,") if prior.reason else ""
    if now == before:
        text = f"与{last}相比，{what}持平。"
    else:
        moved = "增加" if now > before else "减少"
        text = f"与{last}相比，{what}{moved}{amount(ledger, abs(now - before))}"
        if before:
            text += f"，{'增长' if now > before else '下降'}{share(abs(now - before), before)}"
        text += "。"
    return text + (f"主要原因：{reason}。" if reason else "")


def _completion(budget: Decimal, actual: Decimal) -> str:
    """“完成年初预算的X%” from the two printed figures; a line without a budget says so."""
    if not budget:
        return "年初未安排预算"
    return f"完成年初预算的{share(actual, budget)}"


def _path(ledger: Ledger, code: str) -> str:
    return (f"{ledger.name('function', code[:3])}（类）{ledger.name('function', code[:5])}（款）"
            f"{ledger.name('function', code)}（项）")


def _lines_against_budget(ledger: Ledger, fund_names: list[str]) -> list[str]:
    """Every 项 of the funds: what it pays for, its 年初预算 and 决算, and why they differ."""
    budget = ledger.budget
    codes = sorted({e.item.function for source in (ledger, budget) for e in source.entries
                    if e.item.fund in fund_names})  # a 项 budgeted but not spent too: its 决算 is 0
    lines = []
    for n, code in enumerate(codes, start=1):
        actual = ledger.sum(lambda e, c=code: e.item.fund in fund_names and e.item.function == c)
        planned = budget.sum(lambda e, c=code: e.item.fund in fund_names and e.item.function == c)
        text = f"{n}、{_path(ledger, code)}。"
        said = ledger.data.lines.get(code)
        if said is not None:
            text += f"主要用于：{said.use.rstrip('。；;，,')}。"
        text += f"年初预算为{amount(ledger, planned)}，支出决算为{amount(ledger, actual)}。"
        if said is not None and said.reason and planned != actual:
            text += f"决算数{'大于' if actual > planned else '小于'}预算数的主要原因：{said.reason.rstrip('。；;，,')}。"
        lines.append(text)
    return lines


@writer("final_overview")
def final_overview(ledger: Ledger) -> list[Item]:
    total = ledger.income() + ledger.opening()
    return [("", [f"{_who(ledger)}收入支出总计{amount(ledger, total)}。"
                  + _against_last_year(ledger, "收入支出总计", total, ledger.data.prior.get("total"))])]


@writer("final_income")
def final_income(ledger: Ledger) -> list[Item]:
    income = ledger.income()
    parts = [("财政拨款收入", ledger.income(_FISCAL)), ("事业收入", ledger.income(["事业收入"])),
             ("经营收入", ledger.income(["事业单位经营收入"])),
             ("其他收入", ledger.income(["其他收入", "财政专户管理资金"]))]
    listed = "；".join(f"{name}{amount(ledger, v)}，占{share(v, income)}" for name, v in parts if v)
    return [("", [f"本年收入合计{amount(ledger, income)}" + (f"，其中：{listed}" if listed else "") + "。"])]


@writer("final_expenditure")
def final_expenditure(ledger: Ledger) -> list[Item]:
    spent, basic = ledger.sum(), ledger.basic()
    parts = [("基本支出", basic), ("项目支出", spent - basic)]
    listed = "；".join(f"{name}{amount(ledger, v)}，占{share(v, spent)}" for name, v in parts if v)
    return [("", [f"本年支出合计{amount(ledger, spent)}，其中：{listed}。"])]


@writer("final_fiscal")
def final_fiscal(ledger: Ledger) -> list[Item]:
    total = ledger.income(_FISCAL) + ledger.opening(_FISCAL)
    return [("", [f"{_who(ledger)}财政拨款收入支出总计{amount(ledger, total)}。"
                  + _against_last_year(ledger, "财政拨款收入支出总计", total, ledger.data.prior.get("fiscal"))])]


@writer("final_gpb")
def final_gpb(ledger: Ledger) -> list[Item]:
    spent = ledger.sum(lambda e: e.item.fund == _GPB)
    planned = ledger.budget.sum(lambda e: e.item.fund == _GPB)
    total = ledger.sum()
    classes = sorted({e.item.function[:3] for e in ledger.entries if e.item.fund == _GPB})
    structure = "；".join(
        f"{ledger.name('function', c)}（类）{amount(ledger, v)}，占{share(v, spent)}"
        for c in classes if (v := ledger.sum(lambda e, c=c: e.item.fund == _GPB and e.item.function.startswith(c))))
    return [("", [
        "（一）一般公共预算财政拨款支出决算总体情况",
        f"一般公共预算财政拨款支出{amount(ledger, spent)}，占本年支出合计的{share(spent, total)}。"
        + _against_last_year(ledger, "一般公共预算财政拨款支出", spent, ledger.data.prior.get("gpb")),
        "（二）一般公共预算财政拨款支出决算结构情况",
        f"一般公共预算财政拨款支出{amount(ledger, spent)}，主要用于以下方面：{structure}。",
        "（三）一般公共预算财政拨款支出决算具体情况",
        f"一般公共预算财政拨款支出年初预算为{amount(ledger, planned)}，支出决算为{amount(ledger, spent)}，"
        f"{_completion(planned, spent)}。其中：",
        *_lines_against_budget(ledger, [_GPB]),
    ])]


@writer("final_basic")
def final_basic(ledger: Ledger) -> list[Item]:
    entries = ledger.select(lambda e: e.basic and e.item.fund == _GPB)
    personnel = sum((e.value for e in entries if e.personnel), Decimal(0))
    public = sum((e.value for e in entries if not e.personnel), Decimal(0))

    def names(chosen: bool) -> str:
        return "、".join(ledger.name("econ_dept", code) for code in sorted({e.item.econ for e in entries
                                                                           if e.personnel == chosen and e.value}))
    text = f"一般公共预算财政拨款基本支出{amount(ledger, personnel + public)}。其中：人员经费{amount(ledger, personnel)}"
    text += f"，主要包括：{names(True)}" if personnel else ""
    text += f"；公用经费{amount(ledger, public)}" + (f"，主要包括：{names(False)}" if public else "") + "。"
    return [("", [text])]


@writer("final_three_public")
def final_three_public(ledger: Ledger) -> list[Item]:
    actual, planned = ledger.three_public(), ledger.budget.three_public()
    who = _who(ledger)
    total, total_budget = sum(actual.values(), Decimal(0)), sum(planned.values(), Decimal(0))
    if not total and not total_budget:
        return [("", [f"{who}无“三公”经费财政拨款支出。"])]
    car = actual["car_purchase"] + actual["car_operation"]
    car_budget = planned["car_purchase"] + planned["car_operation"]
    items = [("因公出国（境）费", actual["abroad"], planned["abroad"]), ("公务用车购置及运行维护费", car, car_budget),
             ("公务接待费", actual["reception"], planned["reception"])]
    detail = "；".join(f"{name}支出决算为{amount(ledger, a)}，{_completion(b, a).replace('年初预算', '预算')}"
                      for name, a, b in items)
    shares = "；".join(f"{name}支出决算{amount(ledger, a)}，占{share(a, total)}" for name, a, _ in items)
    return [("", [
        "（一）“三公”经费财政拨款支出决算总体情况说明",
        f"“三公”经费财政拨款支出年初预算为{amount(ledger, total_budget)}，支出决算为{amount(ledger, total)}，"
        f"{_completion(total_budget, total).replace('年初预算', '预算')}，其中：{detail}。",
        "（二）“三公”经费财政拨款支出决算具体情况说明",
        f"“三公”经费财政拨款支出决算中，{shares}。",
    ])]


def _fund(ledger: Ledger, fund: str, words: str) -> list[Item]:
    who = _who(ledger)
    income, spent = ledger.income([fund]), ledger.sum(lambda e: e.item.fund == fund)
    if not income and not spent:
        return [("", [f"{who}无{words}收入和支出。"])]
    return [("", [f"{words}收入{amount(ledger, income)}，支出{amount(ledger, spent)}，支出具体情况如下：",
                  *_lines_against_budget(ledger, [fund])])]


@writer("final_gov_fund")
def final_gov_fund(ledger: Ledger) -> list[Item]:
    return _fund(ledger, "政府性基金", "政府性基金预算财政拨款")


@writer("final_soe")
def final_soe(ledger: Ledger) -> list[Item]:
    return _fund(ledger, "国有资本经营", "国有资本经营预算财政拨款")


@writer("final_performance")
def final_performance(ledger: Ledger) -> list[Item]:
    budget = ledger.budget
    chosen = [(name, sum((e.value for e in es), Decimal(0)))
              for name, _, _, es in budget.projects if ledger.data.targets_set(name)]
    year = ledger.data.year
    if not chosen:
        return [("", [f"{_who(ledger)}没有编报绩效目标的项目。"])]
    value = sum((v for _, v in chosen), Decimal(0))
    return [("", [f"{ledger.data.department}{year}年度编报绩效目标的项目{len(chosen)}个，"
                  f"涉及预算金额{amount(ledger, value)}。"])]


@writer("final_other")
def final_other(ledger: Ledger) -> list[Item]:
    data = ledger.data
    kinds = {a["name"]: a["group"] for a in asset_items()}
    vehicles = sum(count for name, count in data.assets.items() if kinds.get(name) == "vehicle")
    bought = ledger.procurement()
    total = sum(bought.values(), Decimal(0))
    purchases = (f"{_who(ledger)}政府采购支出总额{amount(ledger, total)}，其中：" +
                 "、".join(f"政府采购{k}支出{amount(ledger, v)}" for k, v in bought.items()) + "。"
                 if total else f"{_who(ledger)}没有政府采购支出。")
    return [("", [f"（一）机关运行经费支出情况：{_who(ledger)}机关运行经费支出{amount(ledger, ledger.running_cost())}。",
                  f"（二）政府采购支出情况：{purchases}",
                  f"（三）国有资产占用情况：截至{data.asset_date or f'{data.year}年12月31日'}，"
                  f"{data.department}共有车辆{vehicles}辆。"])]
