"""The 情况说明: sentences generated from the same rounded figures as the tables.

Every amount, share and change is computed from the ledger (never typed), so the narrative
agrees with the tables by construction; the user's words enter only as the reasons for changes
and what the “三公” money pays for. A section with nothing to report says so in a full sentence
(no placeholder is ever left in the text).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from .ledger import Ledger
from .schema import Prior, asset_items, funds, three_public_items
from .tables import numeral

Item = tuple[str, list[str]]  # one numbered item of the 情况说明: its heading and paragraphs
Writer = Callable[[Ledger], list[Item]]
WRITERS: dict[str, Writer] = {}


def writer(name: str) -> Callable[[Writer], Writer]:
    def register(function: Writer) -> Writer:
        WRITERS[name] = function
        return function
    return register


def amount(ledger: Ledger, value: Decimal) -> str:
    if ledger.grouped:  # Shanghai: 3,121.42万元, and nothing as 0万元
        return f"{value:,.2f}{ledger.unit.value}" if value else f"0{ledger.unit.value}"
    return f"{value:.2f}{ledger.unit.value}"


def share(part: Decimal, whole: Decimal) -> str:
    if not whole:
        return "0.00%"
    return f"{(part / whole * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def change(ledger: Ledger, key: str, now: Decimal) -> str:
    """“比2024年增加X万元，增长Y%，主要原因是…” from the user's previous-year amount; "" if none given."""
    prior = ledger.data.prior.get(key)
    if prior is None:
        return ""
    return compared(ledger, now, ledger.convert(prior.amount), prior.reason)


def compared(ledger: Ledger, now: Decimal, before: Decimal, reason: str | None = None) -> str:
    """The change from `before` to `now` in words (持平 / 增加…增长…% / 减少…下降…%), with the reason."""
    last = f"{ledger.data.year - 1}年"
    reason = reason.rstrip("。；;，,") if reason else ""
    if now == before:
        return f"，与{last}持平" + (f"，{reason}" if reason else "")
    difference = abs(now - before)
    text = f"，比{last}{'增加' if now > before else '减少'}{amount(ledger, difference)}"
    if before > 0:
        text += f"，{'增长' if now > before else '下降'}{share(difference, before)}"
    return text + (f"，主要原因是{reason}" if reason else "")


def _prefix(ledger: Ledger) -> str:
    return f"{ledger.data.department}{ledger.data.year}年"


@writer("overview")
def overview(ledger: Ledger) -> list[Item]:
    total = ledger.sum()
    text = (f"{_prefix(ledger)}收入总计{amount(ledger, total)}，支出总计{amount(ledger, total)}"
            f"{change(ledger, 'total', total)}。")
    return [("收入支出预算总体情况", [text])]


@writer("income")
def income(ledger: Ledger) -> list[Item]:
    total = ledger.sum()
    parts = []
    for fund in funds():
        value = ledger.current(fund["name"])
        if value:
            parts.append(f"{fund['income_label']}{amount(ledger, value)}，占{share(value, total)}")
    carry = ledger.carried()
    if carry:
        parts.append(f"上年结转结余{amount(ledger, carry)}，占{share(carry, total)}")
    text = f"{_prefix(ledger)}收入预算{amount(ledger, total)}，其中：" + "；".join(parts) + "。"
    sentences = [text]
    for key, label, value in (("gpb", "一般公共预算拨款收入", ledger.current("一般公共预算")),
                              ("gov_fund", "政府性基金预算拨款收入", ledger.current("政府性基金"))):
        moved = change(ledger, key, value)
        if moved:
            sentences.append(f"{ledger.data.year}年{label}{amount(ledger, value)}{moved}。")
    return [("收入预算情况", ["".join(sentences)])]


@writer("expenditure")
def expenditure(ledger: Ledger) -> list[Item]:
    total = ledger.sum()
    basic = ledger.basic()
    project = total - basic
    paragraphs = [f"{_prefix(ledger)}支出预算{amount(ledger, total)}，其中：基本支出{amount(ledger, basic)}，"
                  f"占{share(basic, total)}；项目支出{amount(ledger, project)}，占{share(project, total)}。"]
    for key, label, value in (("basic", "基本支出", basic), ("project", "项目支出", project)):
        moved = change(ledger, key, value)
        if moved:
            paragraphs.append(f"{ledger.data.year}年{label}{amount(ledger, value)}{moved}。")
    return [("支出预算情况", paragraphs)]


@writer("fiscal")
def fiscal(ledger: Ledger) -> list[Item]:
    entries = ledger.select(lambda e: e.fiscal)
    total = sum((e.value for e in entries), Decimal(0))
    parts = []
    for fund in (f for f in funds() if f.get("fiscal")):
        value = sum((e.value for e in entries if e.item.fund == fund["name"] and not e.item.carryover), Decimal(0))
        if value:
            parts.append(f"{fund['income_label']}{amount(ledger, value)}")
    carry = sum((e.value for e in entries if e.item.carryover), Decimal(0))
    if carry:
        parts.append(f"上年结转{amount(ledger, carry)}")
    spending = [f"{ledger.name('function', c)}"
                f"{amount(ledger, sum((e.value for e in entries if e.item.function.startswith(c)), Decimal(0)))}"
                for c in sorted({e.item.function[:3] for e in entries})]
    text = (f"{_prefix(ledger)}财政拨款收支总预算{amount(ledger, total)}。收入包括：" + "，".join(parts) +
            "；支出包括：" + "，".join(spending) + "。")
    return [("财政拨款收支预算情况", [text])]


@writer("gpb")
def gpb(ledger: Ledger) -> list[Item]:
    entries = ledger.select(lambda e: e.item.fund == "一般公共预算")
    total = sum((e.value for e in entries), Decimal(0))
    parts = []
    for c in sorted({e.item.function[:3] for e in entries}):
        value = sum((e.value for e in entries if e.item.function.startswith(c)), Decimal(0))
        parts.append(f"{ledger.name('function', c)}{amount(ledger, value)}，占{share(value, total)}")
    text = f"{_prefix(ledger)}一般公共预算支出{amount(ledger, total)}，主要用于：" + "；".join(parts) + "。"
    return [("一般公共预算支出预算情况", [text])]


@writer("gpb_lines")
def gpb_lines(ledger: Ledger) -> list[Item]:
    """Shanghai style: one sentence per 项 naming its 类 and 款."""
    entries = ledger.select(lambda e: e.item.fund == "一般公共预算")
    lines = []
    for n, code in enumerate(sorted({e.item.function for e in entries}), start=1):
        value = sum((e.value for e in entries if e.item.function == code), Decimal(0))
        path = (f"{ledger.name('function', code[:3])}（类）{ledger.name('function', code[:5])}（款）"
                f"{ledger.name('function', code)}（项）")
        lines.append(f"{n}. “{path}”{ledger.data.year}年预算安排{amount(ledger, value)}。")
    return [("一般公共预算支出功能分类明细", lines)]


@writer("gpb_basic")
def gpb_basic(ledger: Ledger) -> list[Item]:
    entries = ledger.select(lambda e: e.basic and e.item.fund == "一般公共预算")
    personnel = sum((e.value for e in entries if e.personnel), Decimal(0))
    public = sum((e.value for e in entries if not e.personnel), Decimal(0))
    text = (f"{_prefix(ledger)}一般公共预算基本支出{amount(ledger, personnel + public)}，其中：人员经费"
            f"{amount(ledger, personnel)}，主要包括工资福利支出和对个人和家庭的补助；公用经费{amount(ledger, public)}，"
            f"主要包括商品和服务支出和资本性支出。")
    return [("一般公共预算基本支出情况", [text])]


@writer("three_public")
def three_public(ledger: Ledger) -> list[Item]:
    values = ledger.three_public()
    names = {t["key"]: t["name"] for t in three_public_items()}
    total = sum(values.values(), Decimal(0))
    priors = [ledger.data.prior.get(f"three_public.{k}") for k in values]
    head = f"{_prefix(ledger)}“三公”经费预算{amount(ledger, total)}"
    if all(p is not None for p in priors):
        head += compared(ledger, total, sum((ledger.convert(p.amount) for p in priors if p), Decimal(0)))
    parts = []
    for key in ("abroad", "car_purchase", "car_operation", "reception"):
        value = values[key]
        use = ledger.data.three_public_use.get(key)
        words = f"{names[key]}{amount(ledger, value)}"
        if use and value:
            words += f"，主要用于{use.rstrip('。；;，,')}"
        words += change(ledger, f"three_public.{key}", value)
        parts.append(words)
    text = head + "。其中：" + "；".join(parts) + "。"
    return [("“三公”经费预算情况", [text])]


@writer("gov_fund")
def gov_fund(ledger: Ledger) -> list[Item]:
    return _fund_section(ledger, "政府性基金", "政府性基金预算支出情况")


@writer("soe")
def soe(ledger: Ledger) -> list[Item]:
    return _fund_section(ledger, "国有资本经营", "国有资本经营预算支出情况")


def _fund_section(ledger: Ledger, fund: str, heading: str) -> list[Item]:
    entries = ledger.select(lambda e: e.item.fund == fund)
    if not entries:
        return [(heading, [f"本{ledger.data.own}{ledger.data.year}年没有使用{fund}预算拨款安排的支出。"])]
    total = sum((e.value for e in entries), Decimal(0))
    uses = sorted({e.item.project or ledger.name("function", e.item.function) for e in entries})
    return [(heading, [f"{_prefix(ledger)}{fund}预算支出{amount(ledger, total)}，用于" + "、".join(uses) + "。"])]


@writer("running_cost")
def running_cost(ledger: Ledger) -> list[Item]:
    value = ledger.running_cost()
    text = (f"{_prefix(ledger)}行政单位和参照公务员法管理的事业单位机关运行经费预算{amount(ledger, value)}"
            f"{change(ledger, 'running_cost', value)}。")
    return [("机关运行经费", [text])]


@writer("procurement")
def procurement(ledger: Ledger) -> list[Item]:
    parts = ledger.procurement()
    total = sum(parts.values(), Decimal(0))
    if not total:
        return [("政府采购情况", [f"本{ledger.data.own}{ledger.data.year}年没有安排政府采购预算。"])]
    text = (f"{_prefix(ledger)}政府采购预算{amount(ledger, total)}，其中：" +
            "，".join(f"政府采购{k}预算{amount(ledger, v)}" for k, v in parts.items()) + "。")
    return [("政府采购情况", [text])]


@writer("assets")
def assets(ledger: Ledger) -> list[Item]:
    a = ledger.data.assets
    if not a and ledger.data.parent:  # a unit: the department reports them
        return [("国有资产占有使用情况", [f"本单位的车辆和大型设备情况见{ledger.data.parent}部门预算。"])]
    cars = ("一般公务用车", "执法执勤用车", "其他用车")
    total = sum(a.get(c, 0) for c in cars)
    text = (f"截至{ledger.data.year - 1}年12月31日，本{ledger.data.own}共有车辆{total}辆，其中：" +
            "，".join(f"{c}{a.get(c, 0)}辆" for c in cars) +
            f"；单价50万元以上通用设备{a.get('单价50万元以上通用设备', 0)}台（套），"
            f"单位价值100万元以上专用设备{a.get('单位价值100万元以上专用设备', 0)}台（套）。")
    return [("国有资产占有使用情况", [text])]


@writer("performance")
def performance(ledger: Ledger) -> list[Item]:
    projects = ledger.projects
    covered = {t.project for t in ledger.data.targets}
    with_targets = [p for p in projects if p[0] in covered]
    total = ledger.sum(lambda e: not e.basic)
    value = sum((e.value for p in with_targets for e in p[3]), Decimal(0))
    if not projects:
        return [("预算绩效目标情况", [f"本{ledger.data.own}{ledger.data.year}年没有项目支出，未编制项目绩效目标。"])]
    scope = "全部" if len(with_targets) == len(projects) else f"中的{len(with_targets)}个"
    text = (f"{_prefix(ledger)}共有项目{len(projects)}个，{scope}编制了绩效目标，涉及项目支出{amount(ledger, value)}，"
            f"占项目支出的{share(value, total)}，从产出、效益、满意度等方面设置了绩效指标，详见项目绩效目标表。")
    return [("预算绩效目标情况", [text])]


def versus(ledger: Ledger, now: Decimal, prior: Prior | None, reason: bool = True) -> str:
    """Shanghai's comparison with last year's budget: "，比2024年预算增加107.62万元" (no rate),
    "，与2024年预算持平"; with the department's reason unless `reason` is False; "" when no
    previous amount is given."""
    if prior is None:
        return ""
    before = ledger.convert(prior.amount)
    last = f"{ledger.data.year - 1}年预算"
    why = prior.reason.rstrip("。；;，,") if prior.reason and reason else ""
    if now == before:
        return f"，与{last}持平" + (f"，{why}" if why else "")
    text = f"，比{last}{'增加' if now > before else '减少'}{amount(ledger, abs(now - before))}"
    return text + (f"，主要原因是{why}" if why else "")


def _prior_sum(ledger: Ledger, keys: list[str]) -> Prior | None:
    priors = [ledger.data.prior.get(k) for k in keys]
    if any(p is None for p in priors):
        return None
    return Prior(sum((p.amount for p in priors if p), Decimal(0)), None)


def _class_path(ledger: Ledger, code: str) -> str:
    return (f"{ledger.name('function', code[:3])}（类）{ledger.name('function', code[:5])}（款）"
            f"{ledger.name('function', code)}（项）")


@writer("budget_statement")
def budget_statement(ledger: Ledger) -> list[Item]:
    """Shanghai's 部门预算编制说明: income and spending against last year's budget, why the
    appropriation changed, then every 财政拨款 项 with what it pays for."""
    year, prior = ledger.data.year, ledger.data.prior
    total = ledger.sum()
    fiscal = ledger.sum(lambda e: e.fiscal)  # spending, carried-over money included
    fiscal_income = ledger.sum(lambda e: e.fiscal and not e.item.carryover)  # this year's appropriation
    sources = [f"财政拨款收入{amount(ledger, fiscal_income)}"
               f"{versus(ledger, fiscal_income, prior.get('fiscal'), reason=False)}"]
    for fund in funds():
        if not fund.get("fiscal"):
            value = ledger.current(fund["name"])
            if value or fund.get("stated"):
                sources.append(f"{fund['income_label']}{amount(ledger, value)}")
    carried = ledger.carried()
    if carried:
        sources.append(f"上年结转结余{amount(ledger, carried)}")
    paragraphs = [f"{year}年，{ledger.data.department}收入预算{amount(ledger, total)}，其中：" + "；".join(sources) + "。"]
    by_fund = [(label, ledger.sum(lambda e, f=fund: e.item.fund == f), key)
               for label, fund, key in (("一般公共预算拨款支出预算", "一般公共预算", "gpb"),
                                        ("政府性基金拨款支出预算", "政府性基金", "gov_fund"),
                                        ("国有资本经营预算拨款支出预算", "国有资本经营", "soe"))]
    paragraphs.append(
        f"支出预算{amount(ledger, total)}，其中：财政拨款支出预算{amount(ledger, fiscal)}"
        f"{versus(ledger, fiscal, prior.get('fiscal'), reason=False)}。财政拨款支出预算中，"
        + "；".join(f"{label}{amount(ledger, value)}{versus(ledger, value, prior.get(key), reason=False)}"
                   for label, value, key in by_fund) + "。")
    moved = prior.get("fiscal")
    if moved is not None and moved.reason and ledger.convert(moved.amount) != fiscal:
        direction = "增加" if fiscal > ledger.convert(moved.amount) else "减少"
        paragraphs.append(f"财政拨款收入支出{direction}的主要原因是{moved.reason.rstrip('。；;，,')}。")
    entries = ledger.select(lambda e: e.fiscal)
    codes = sorted({e.item.function for e in entries})
    if codes:
        paragraphs.append("财政拨款支出主要内容如下：")
    for n, code in enumerate(codes, start=1):
        value = sum((e.value for e in entries if e.item.function == code), Decimal(0))
        line = ledger.data.lines.get(code)
        text = f"{n}.“{_class_path(ledger, code)}”{amount(ledger, value)}"
        if line is not None:
            text += f"，主要用于{line.use.rstrip('。；;，,')}"
            if line.prior is not None:
                text += versus(ledger, value, Prior(line.prior, line.reason))
        paragraphs.append(text + "。")
    return [("", paragraphs)]


@writer("three_public_detail")
def three_public_detail(ledger: Ledger) -> list[Item]:
    """Shanghai's “三公” statement: the total, then each item against last year with its reason."""
    values = ledger.three_public()
    prior = ledger.data.prior
    keys = ["abroad", "car_purchase", "car_operation", "reception"]
    total = sum(values.values(), Decimal(0))

    def item(key: str) -> str:
        use = ledger.data.three_public_use.get(key)
        words = f"{amount(ledger, values[key])}"
        if use and values[key]:
            words += f"，主要用于{use.rstrip('。；;，,')}"
        return words + versus(ledger, values[key], prior.get(f"three_public.{key}"))

    car = values["car_purchase"] + values["car_operation"]
    year = ledger.data.year
    return [("", [
        f"{year}年“三公”经费预算数为{amount(ledger, total)}"
        f"{versus(ledger, total, _prior_sum(ledger, [f'three_public.{k}' for k in keys]), reason=False)}。其中：",
        f"（一）因公出国（境）费{item('abroad')}。",
        f"（二）公务用车购置及运行费{amount(ledger, car)}"
        f"{versus(ledger, car, _prior_sum(ledger, ['three_public.car_purchase', 'three_public.car_operation']), False)}"
        f"，其中：公务用车购置费{item('car_purchase')}；公务用车运行费{item('car_operation')}。",
        f"（三）公务接待费{item('reception')}。",
    ])]


@writer("running_cost_statement")
def running_cost_statement(ledger: Ledger) -> list[Item]:
    value = ledger.running_cost()
    return [("", [f"{ledger.data.year}年{ledger.data.department}财政拨款的机关运行经费预算为{amount(ledger, value)}"
                  f"{versus(ledger, value, ledger.data.prior.get('running_cost'))}。"])]


@writer("targets_set")
def targets_set(ledger: Ledger) -> list[Item]:
    """How many projects set performance targets and their money, each named (the forms
    themselves may be published apart, as Shanghai's are)."""
    chosen = [(name, sum((e.value for e in es), Decimal(0)))
              for name, _, _, es in ledger.projects if ledger.data.targets_set(name)]
    year = ledger.data.year
    if not chosen:
        return [("", [f"{year}年度，本{ledger.data.own}没有编报绩效目标的项目。"])]
    value = sum((v for _, v in chosen), Decimal(0))
    return [("", [f"{year}年度，本{ledger.data.own}编报绩效目标的项目共{len(chosen)}个，涉及项目预算资金{amount(ledger, value)}。"
                  "其中：" + "，".join(f"{name}{amount(ledger, v)}" for name, v in chosen) + "。"])]


@writer("vehicles")
def vehicles(ledger: Ledger) -> list[Item]:
    """Vehicles held by the eight categories and large equipment, then what this year's budget buys."""
    data = ledger.data
    if not data.assets and not data.asset_purchases and data.parent:  # a unit: the department reports them
        return [("", [f"本单位的车辆和大型设备情况见{data.parent}部门预算。"])]
    kinds = asset_items()
    named = [a for a in kinds if a.get("listed") or a["name"] in data.assets]
    vehicle_names = [a["name"] for a in named if a["group"] == "vehicle"]
    equipment = [a["name"] for a in named if a["group"] == "equipment"]

    def listing(counts: dict[str, int], lead: str, equipment_lead: str) -> str:
        cars = sum(counts.get(n, 0) for n in vehicle_names)
        return (f"{lead}{cars}辆，其中：" + "、".join(f"{n}{counts.get(n, 0)}辆" for n in vehicle_names) + "；"
                + "，".join(f"{equipment_lead}{n}{counts.get(n, 0)}台（套）" for n in equipment) + "。")

    held_at = data.asset_date or f"{data.year - 1}年12月31日"
    return [("", [listing(data.assets, f"截至{held_at}，本{data.own}共有车辆", ""),
                  listing(data.asset_purchases, f"{data.year}年{data.own}预算安排购置车辆", f"{data.own}预算安排购置")])]


def write(ledger: Ledger, items: list[str | dict], fill: dict[str, object], numbered: bool = True) -> list[Item]:
    """The narrative items of a layout part, in order. An item is a writer's name (its own
    heading) or {writer, heading} (the family's heading, which may use {year} {department});
    numbered items get 一、二、… before their headings."""
    written: list[Item] = []
    for spec in items:
        key = spec if isinstance(spec, str) else spec["writer"]
        for heading, paragraphs in WRITERS[key](ledger):
            if isinstance(spec, dict):
                heading = spec["heading"].format(**fill)
            written.append((heading, paragraphs))
    if not numbered:
        return written
    return [(f"{numeral(n)}、{heading}", paragraphs) for n, (heading, paragraphs) in enumerate(written, start=1)]
