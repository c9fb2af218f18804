"""Document metadata: department, year, budget vs final accounts, unit."""

from __future__ import annotations

import re
from collections import Counter

from ..catalogue import data
from ..model import DocumentKind, Meta
from ..model.layout import Line
from ..model.money import Unit, parse_unit
from ..model.text import compact

_TEMPLATE_HOLES = 20  # placeholders (XX, ××…) in a document that make it a template
_DEPT_FIELD = re.compile(r"(?:部门名称|部门[（(]单位[)）]|编制单位|编制部门|预算主管部门)\s*[:：]\s*(.+)")
_YEAR = re.compile(r"(20\d{2})\s*年")
_YEAR_FIELD = re.compile(r"预算年度[:：]\s*(20\d{2})")
_ORG = re.compile(r"([\u4e00-\u9fa5（）()X]{2,40}?(?:局|委员会|办公室|办事处|中心|政府|委|厅|院|所|馆|站|队))")


def detect_meta(lines: list[Line]) -> Meta:
    meta = Meta()
    head = [line for line in lines[:40]]
    texts = [" ".join(line.cells) if line.cells else line.text for line in lines]
    joined_head = " ".join(compact(t) for t in texts[:15])
    if "决算" in joined_head:
        meta.kind = DocumentKind.FINAL_ACCOUNT
    year_field = next((m.group(1) for t in texts if (m := _YEAR_FIELD.search(compact(t)))), None)
    year = year_field or next((m.group(1) for line in head if (m := _YEAR.search(line.text))), None)
    if year is None:  # a year printed on its own line beside "年度部门决算" (PDF covers)
        year = next((line.text.strip() for line in lines[:6] if re.fullmatch(r"\s*20\d{2}\s*", line.text)), None)
    meta.year = int(year) if year else None
    names = Counter()
    for line in lines:
        for text in line.cells or [line.text]:
            match = _DEPT_FIELD.search(compact(text))
            if match:
                names[re.sub(r"^\d+", "", match.group(1)).strip()] += 1
        if line.cells and any("预算年度" in c for c in line.cells):
            # Word exports: "106唐山…局 | 预算年度：2024 | 单位：万元"
            names[re.sub(r"^\d+", "", compact(line.cells[0]))] += 1
    if names:
        top = max(names.values())
        meta.department = max((n for n, c in names.items() if c == top), key=len)
    else:
        for line in head:
            for text in line.cells or [line.text]:
                candidate = re.sub(r"^\d+", "", compact(text))
                # "XX局2025年部门预算" names it before the year, "2025年XX局…" after it
                match = _ORG.search(re.sub(r"20\d{2}年.*$", "", candidate)) or _ORG.search(
                    re.sub(r"^.*?20\d{2}年度?", "", candidate))
                if match:
                    meta.department = match.group(1)
                    break
            if meta.department:
                break
    meta.region = region_of(meta.department or "")
    placeholder = re.compile(data("narrative.toml")["text"]["placeholder"])
    holes = sum(len(placeholder.findall(t)) for t in texts)
    meta.template = bool(placeholder.search(compact(meta.department or ""))) or holes >= _TEMPLATE_HOLES
    units = Counter(u for line in lines if (u := parse_unit(line.text)) is not None)
    meta.unit = units.most_common(1)[0][0] if units else Unit.WAN
    return meta


def region_of(department: str) -> str | None:
    """The administrative region a department's name starts with (catalogue regions.toml):
    province, then prefecture and county when the name carries them; None when it names none."""
    spec = data("regions.toml")
    name = compact(department)
    province = next((p for p in spec["provinces"] if name.startswith(p)), None)
    if province is None:
        return None
    region, rest = province, name[len(province):]
    levels = ("county",) if province in spec["municipalities"] else ("prefecture", "county")
    for level in levels:
        match = re.match(spec[level], rest)
        if match and not re.search(spec["not_a_place"], match.group(0)):
            region, rest = region + match.group(0), rest[match.end():]
    return region
