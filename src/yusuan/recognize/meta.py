"""Document metadata: department, year, budget vs final accounts, unit."""

from __future__ import annotations

import re
from collections import Counter

from ..catalogue import data
from ..model import DocumentKind, DocumentScope, Meta, PrintedName
from ..model.layout import Line
from ..model.money import Unit, parse_unit
from ..model.text import compact

_TEMPLATE_HOLES = 20  # placeholders (XX, ××…) in a document that make it a template
_YEAR = re.compile(r"(20\d{2})\s*年")
_YEAR_FIELD = re.compile(r"预算年度[:：]\s*(20\d{2})")
_DOCUMENT_YEAR = re.compile(r"(20\d{2})\s*年度?[\u4e00-\u9fff]{0,3}?(?:部门|单位)?(?:预算|决算)")
_SCOPE = re.compile(r"(部门|单位)(?:预算|决算)(?!表)")
_TABLE_YEAR = re.compile(r"(20\d{2})年度?[\u4e00-\u9fff（）“”、]{0,40}?表")
_ORG = re.compile(r"([\u4e00-\u9fa5（）()X]{2,40}?(?:局|委员会|办公室|办事处|中心|政府|委|厅|院|所|馆|站|队))")


def detect_meta(lines: list[Line]) -> Meta:
    meta = Meta()
    texts = [" ".join(line.cells) if line.cells else line.text for line in lines]
    if "决算" in " ".join(compact(t) for t in texts[:15]):
        meta.kind = DocumentKind.FINAL_ACCOUNT
    meta.year = _year(lines, texts)
    meta.scope = _scope(lines)
    meta.department = _department(lines, texts)
    meta.region = region_of(meta.department or "")
    placeholder = re.compile(data("narrative.toml")["text"]["placeholder"])
    holes = sum(len(placeholder.findall(t)) for t in texts)
    meta.template = bool(placeholder.search(compact(meta.department or ""))) or holes >= _TEMPLATE_HOLES
    units = Counter(u for line in lines if (u := parse_unit(line.text)) is not None)
    meta.unit = units.most_common(1)[0][0] if units else Unit.WAN
    return meta


def _cover(lines: list[Line]) -> list[str]:
    """The first lines, up to the contents."""
    cover: list[str] = []
    for line in lines[: data("meta.toml")["cover_lines"]]:
        text = compact(line.text if line.cells is None else " ".join(line.cells))
        if text in ("目录", "目錄"):
            break
        cover.append(text)
    return cover


def _cover_name(cover: list[str], body: str) -> str | None:
    """The department a cover title names ("西南大学2023年度部门决算"; a title wrapped over two
    lines, "2018年度江苏省高级" / "人民法院预算公开", is also read joined). Of several readings,
    the longest the document repeats in its text wins ("江苏省高级人民法院", not "人民法院")."""
    spec = data("meta.toml")
    # a line that is only document words ("情况说明", a sheet's name) does not start a wrapped title
    texts = cover + [a + b for a, b in zip(cover, cover[1:], strict=False)
                     if _YEAR.search(a + b) and re.sub(spec["document_words"], "", a)]
    names = []
    for text in texts:
        rest = re.sub(spec["document_words"], "", re.sub(r"20\d{2}\s*年度?", "", text))
        name = _organisation(rest) if rest != text else None
        if name:
            names.append(name)
    repeated = [n for n in names if n in body]
    if repeated:
        return max(repeated, key=len)
    # nothing repeated: a line's reading that is only the tail of a joined one is a fragment
    whole = [n for n in names if any(o != n and n.endswith(o) for o in names)]
    return max(whole, key=len) if whole else (names[0] if names else None)


def _year(lines: list[Line], texts: list[str]) -> int | None:
    """The budget year: a 预算年度 field, the year a title names (2021年度部门预算 — not the
    publication date 2021年4月), else the first year near the start."""
    field = next((m.group(1) for t in texts if (m := _YEAR_FIELD.search(compact(t)))), None)
    if field:
        return int(field)
    for texts_read in (_cover(lines), [compact(t) for t in texts[:400]]):
        titled = Counter(m.group(1) for t in texts_read if (m := _DOCUMENT_YEAR.search(t)))
        if titled:
            return int(titled.most_common(1)[0][0])
    year = next((m.group(1) for line in lines[:40] if (m := _YEAR.search(line.text))), None)
    if year is None:  # a year printed on its own line beside "年度部门决算" (PDF covers)
        year = next((line.text.strip() for line in lines[:6] if re.fullmatch(r"\s*20\d{2}\s*", line.text)), None)
    if year is None:  # a tables-only file: the year its table titles name ("2017年政府采购预算表")
        year = next((m.group(1) for t in texts if (m := _TABLE_YEAR.search(compact(t)))), None)
    return int(year) if year else None


def _scope(lines: list[Line]) -> DocumentScope | None:
    """部门预算/决算 or 单位预算/决算, as the cover or the first title says; unknown otherwise."""
    for text in _cover(lines) + [compact(line.text) for line in lines[:15] if line.cells is None]:
        match = _SCOPE.search(text)
        if match:
            return DocumentScope.UNIT if match.group(1) == "单位" else DocumentScope.DEPARTMENT
    return None


def _organisation(text: str) -> str | None:
    """text when it is an organisation's name (it ends like one), without a leading unit code."""
    spec = data("meta.toml")
    name = re.sub(r"^\d+", "", compact(text)).strip("：:，,。 ")
    bare = re.sub(r"[（(][^（()）]*[)）]$", "", name)  # "XX局（本级）"
    if 2 <= len(name) <= 40 and re.search(spec["organisation_end"], bare):
        return name
    return None


def _department(lines: list[Line], texts: list[str]) -> str | None:
    spec = data("meta.toml")
    field = re.compile(rf"(?:{'|'.join(spec['department_fields'])})\s*[:：]\s*(.+?){spec['field_end']}")
    names: Counter[str] = Counter()
    for line in lines:
        for text in line.cells or [line.text]:
            match = field.search(text.strip())
            name = _organisation(match.group(1)) if match else None
            if name:
                names[name] += 1
        if line.cells and any("预算年度" in c for c in line.cells):
            # Word exports: "106唐山…局 | 预算年度：2024 | 单位：万元"
            name = _organisation(line.cells[0])
            if name:
                names[name] += 1
    if names:
        top = max(names.values())
        return max((n for n, c in names.items() if c == top), key=len)
    cover = _cover(lines)
    name = _cover_name(cover, "".join(compact(t) for t in texts[len(cover):400]))
    if name:
        return name
    titled = re.compile(spec["titled"])
    for text in texts[:80]:
        match = titled.search(compact(text))
        name = _organisation(match.group("name")) if match else None
        if name:
            return name
    for line in lines[:40]:
        for text in line.cells or [line.text]:
            candidate = re.sub(r"^\d+", "", compact(text))
            # "XX局2025年部门预算" names it before the year, "2025年XX局…" after it
            match = _ORG.search(re.sub(r"20\d{2}年.*$", "", candidate)) or _ORG.search(
                re.sub(r"^.*?20\d{2}年度?", "", candidate))
            if match:
                return match.group(1)
    return None


def region_of(department: str) -> str | None:
    """The administrative region a department's name starts with (catalogue regions.toml):
    province, then prefecture and county when the name carries them; None when it names none."""
    spec = data("regions.toml")
    name = re.sub(spec["party_prefix"], "", compact(department))  # 中共上海市普陀区委… is 上海市普陀区
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


def printed_names(lines: list[Line]) -> list[PrintedName]:
    """The department's name wherever a header field prints it ("部门名称： 三门峡市…"), kept as
    printed (a truncated or misspelt one is what the audit is looking for)."""
    spec = data("meta.toml")
    field = re.compile(rf"(?:{'|'.join(spec['printed_name_fields'])})\s*[:：]\s*(.+?){spec['field_end']}")
    found: list[PrintedName] = []
    for index, line in enumerate(lines):
        for column, text in enumerate(line.cells or [line.text]):
            match = field.search(text.strip())
            if match:
                name = re.sub(r"^\d+", "", compact(match.group(1))).strip("：:，,。 ")
                name += _wrapped_rest(lines[index + 1] if index + 1 < len(lines) else None, column, line)
                if 2 <= len(name) <= 40:
                    found.append(PrintedName(name, line.location))
    return found


def _wrapped_rest(following: Line | None, column: int, line: Line) -> str:
    """The end of a name the cell wrapped onto the next row ("部门名称：江苏省高级人民法" / "院")."""
    if following is None or line.cells is None or following.cells is None or column >= len(following.cells):
        return ""
    rest = compact(following.cells[column])
    return rest if re.fullmatch(r"[\u4e00-\u9fff（）()]{1,6}", rest) else ""
