"""Data catalogues (TOML files beside this module): table kinds, header tokens, identities, figures.

Loaded once and cached; code asks questions ("what kind is this title?") instead of holding
lists of words.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from ..model.enums import DocumentKind, Severity, TableKind

_HERE = Path(__file__).parent


@cache
def catalogue_version() -> str:
    """A fingerprint of every catalogue file (rules, patterns, identities …): audit results made
    under the same fingerprint are the same, so a batch can skip files already done."""
    digest = hashlib.sha256()
    for path in sorted(_HERE.glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _load(name: str) -> dict:
    with open(_HERE / name, "rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class TableKindSpec:
    """How a table kind is titled and where it is required (tables.toml)."""

    key: TableKind
    name: str
    patterns: tuple[re.Pattern[str], ...]
    two_sided: bool = False
    required_in: tuple[DocumentKind, ...] = ()  # documents that must print it


@dataclass(frozen=True)
class HeaderToken:
    key: str
    role: str  # label / group / item / generic / skip
    patterns: tuple[re.Pattern[str], ...]
    group: str | None = None  # intrinsic group of an item
    fund_source: bool = False  # a fund source, which 上年结转 is split by
    name: str | None = None  # Chinese name used in messages


@dataclass(frozen=True)
class RuleMeta:
    """An audit rule as the catalogue describes it (rules.toml)."""

    id: str
    family: str
    title: str
    severity: Severity
    category: str
    checks: str
    why: str
    example: str
    tolerance: str  # as the catalogue explains it
    slack: Decimal = Decimal(0)  # margin beyond the rounding policy, in the rule's unit
    slack_ratio: Decimal = Decimal(0)  # margin as a share of the amount compared


@dataclass(frozen=True)
class Identity:
    total: str
    parts: tuple[str, ...]
    partial: bool = False  # applies when only some parts are printed as columns


@cache
def table_kinds() -> tuple[TableKindSpec, ...]:
    return tuple(
        TableKindSpec(TableKind(k["key"]), k["name"], tuple(re.compile(p) for p in k["patterns"]),
                      k.get("two_sided", False), tuple(DocumentKind(d) for d in k.get("required_in", ())))
        for k in _load("tables.toml")["kind"]
    )


@cache
def header_tokens() -> tuple[HeaderToken, ...]:
    return tuple(
        HeaderToken(t["key"], t["role"], tuple(re.compile(p) for p in t["patterns"]),
                    t.get("group"), t.get("fund_source", False),
                    t.get("name"))
        for t in _load("headers.toml")["token"]
    )


@cache
def identities() -> tuple[Identity, ...]:
    return tuple(Identity(i["total"], tuple(i["parts"]), i.get("partial", False)) for i in _load("identities.toml")["identity"])


@cache
def figure_specs() -> tuple[dict, ...]:
    return tuple(_load("figures.toml")["figure"])


@cache
def rules() -> dict[str, RuleMeta]:
    return {r["id"]: RuleMeta(r["id"], r["id"].split("-")[0], r["title"], Severity(r["severity"]), r["category"],
                              r["checks"], r["why"], r["example"], r.get("tolerance", "四舍五入：每项允许末位半个单位"),
                              Decimal(r.get("slack", "0")), Decimal(r.get("slack_ratio", "0")))
            for r in _load("rules.toml")["rule"]}


@cache
def data(name: str) -> dict:
    """A catalogue file without a typed loader of its own (xtab.toml, codes.toml, narrative.toml,
    compose_input.toml …) as plain data."""
    return _load(name)


@cache
def column_name(key: str) -> str:
    """Chinese name of a measure column key, for messages ("carryover_gpb" → "上年结转·一般公共预算")."""
    base, _, suffix = key.rpartition("_")
    if suffix.isdigit():
        return column_name(base)
    if key.startswith("carryover_"):
        return f"{column_name('carryover')}·{column_name(key[len('carryover_'):])}"
    names = {t.key: t.name for t in header_tokens() if t.name}
    return names.get(key) or names.get("generic" if key == "total" else key) or key


@cache
def radical_folds() -> dict[str, str]:
    """Radical code point → the ideograph it stands for (radicals.toml)."""
    return dict(_load("radicals.toml")["fold"])


@cache
def figure_name(key: str) -> str:
    """Chinese name of a key figure."""
    data = _load("figures.toml")
    names = {f["key"]: f["name"] for f in [*data["figure"], *data.get("derived", [])]}
    return names.get(key, key)


def kind_for_title(compact_title: str) -> TableKindSpec | None:
    for kind in table_kinds():
        if any(p.search(compact_title) for p in kind.patterns):
            return kind
    return None


def kind_by_key(key: str) -> TableKindSpec:
    for kind in table_kinds():
        if kind.key == key:
            return kind
    raise KeyError(key)


@lru_cache(maxsize=8192)  # a document repeats its header cells on every page
def header_token(compact_text: str) -> HeaderToken | None:
    for token in header_tokens():
        if any(p.fullmatch(compact_text) for p in token.patterns):
            return token
    return None
