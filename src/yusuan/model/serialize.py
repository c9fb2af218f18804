"""The model as JSON and back, without loss: `yusuan.disclosure/2`.

One generic converter walks the dataclasses by their type hints, so a field added to the model
is saved, loaded and described in the JSON Schema without touching this file. Conventions
(docs/json.md): Decimal as a string of its printed digits ("1234.50" — the trailing zero is kept,
since the rounding tolerance depends on it), enums and units as their values, tuples as arrays,
integer dictionary keys as strings, and a field left out when it holds its default. Output is
deterministic: "schema" first, then dataclass fields and dictionary keys in sorted order (integer
keys numerically).
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any, get_args, get_origin, get_type_hints

from .disclosure import Disclosure
from .money import format_decimal

SCHEMA = "yusuan.disclosure/2"
SCHEMA_URL = "https://yusuan.dev/schema/disclosure-2.json"
_DECIMAL_PATTERN = r"^-?\d+(\.\d+)?([eE][+-]?\d+)?$"


class FormatError(ValueError):
    """A JSON document that is not a yusuan disclosure this version can load (Chinese message)."""


@cache
def _fields(cls: type) -> tuple[tuple[dataclasses.Field, Any], ...]:
    hints = get_type_hints(cls)
    return tuple((f, hints[f.name]) for f in dataclasses.fields(cls))


def _default(field: dataclasses.Field) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return dataclasses.MISSING


def _omitted(value: Any) -> bool:
    """Values left out when they are also the field's default: nothing, false, empty."""
    return value is None or value is False or (isinstance(value, list | tuple | dict) and not value)


def _dump(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, float):
        return value
    if dataclasses.is_dataclass(value):
        out = {}
        for field, _ in sorted(_fields(type(value)), key=lambda f: f[0].name):
            item = getattr(value, field.name)
            if _omitted(item) and item == _default(field):
                continue
            out[field.name] = _dump(item)
        return out
    if isinstance(value, dict):
        return {str(k): _dump(value[k]) for k in sorted(value)}
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _load(hint: Any, data: Any, where: str) -> Any:
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        if data is None:
            return None
        return _load(options[0], data, where)
    if hint is Any:
        return data
    if origin is list:
        _expect(data, list, where)
        (item,) = get_args(hint)
        return [_load(item, v, f"{where}[{i}]") for i, v in enumerate(data)]
    if origin is tuple:
        _expect(data, list, where)
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], v, where) for v in data)
        if len(data) != len(args):
            raise FormatError(f"{where} 应有 {len(args)} 项，实有 {len(data)} 项")
        return tuple(_load(a, v, where) for a, v in zip(args, data, strict=True))
    if origin is dict:
        _expect(data, dict, where)
        key_type, value_type = get_args(hint)
        if key_type is int and not all(re.fullmatch(r"-?[0-9]+", k) for k in data):
            raise FormatError(f"{where} 的键应为整数")
        return {key_type(k): _load(value_type, v, f"{where}.{k}") for k, v in data.items()}
    if dataclasses.is_dataclass(hint):
        _expect(data, dict, where)
        kwargs = {}
        for field, field_hint in _fields(hint):
            if field.name in data:
                kwargs[field.name] = _load(field_hint, data[field.name], f"{where}.{field.name}")
            elif _default(field) is dataclasses.MISSING:
                raise FormatError(f"{where} 缺少字段 {field.name}")
        return hint(**kwargs)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except ValueError as exc:
            raise FormatError(f"{where} 的取值 {data!r} 无效") from exc
    if hint is Decimal:
        _expect(data, str, where)
        try:
            return Decimal(data)
        except InvalidOperation as exc:
            raise FormatError(f"{where} 不是数字：{data!r}") from exc
    if hint is float:
        _expect(data, int | float, where)
        return float(data)
    if hint in (int, str, bool):
        _expect(data, hint, where)
        return data
    raise TypeError(f"cannot load {hint!r}")


def _expect(data: Any, kind: Any, where: str) -> None:
    if not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
        raise FormatError(f"{where} 的类型不对（{type(data).__name__}）")


def canonical(value: Any) -> Any:
    """Put every dictionary of the model in key order, in place, and return the value.

    JSON is written with sorted keys; a model in canonical order reads back with the same order,
    so anything that walks a dictionary (a rule listing a row's values) sees the same sequence
    whether the disclosure was just recognised or loaded from a file. Only the fields that can
    hold a dictionary somewhere below them are visited (worked out once per class)."""
    if dataclasses.is_dataclass(value):
        for name in _dict_paths(type(value)):
            setattr(value, name, _sorted(getattr(value, name)))
    return value


def _sorted(item: Any) -> Any:
    if isinstance(item, dict):
        return {k: _sorted(item[k]) for k in sorted(item)}
    if isinstance(item, list):
        for v in item:
            canonical(v)
        return item
    return canonical(item)


@cache
def _dict_paths(cls: type) -> tuple[str, ...]:
    """The fields of a dataclass under which a dictionary can stand."""
    return tuple(field.name for field, hint in _fields(cls) if _holds_dict(hint, frozenset({cls})))


def _holds_dict(hint: Any, seen: frozenset) -> bool:
    origin = get_origin(hint)
    if origin is dict:
        return True
    if origin in (list, tuple, typing.Union, types.UnionType):
        return any(_holds_dict(a, seen) for a in get_args(hint) if a is not Ellipsis)
    if dataclasses.is_dataclass(hint) and hint not in seen:
        return any(_holds_dict(h, seen | {hint}) for _, h in _fields(hint))
    return False


def plain(value: Any) -> Any:
    """Any model value as JSON-ready data, by the same conventions (reports use it for findings)."""
    return _dump(value)


def to_dict(disclosure: Disclosure) -> dict[str, Any]:
    return {"schema": SCHEMA, **_dump(disclosure)}


def from_dict(data: Any) -> Disclosure:
    """A disclosure from its `yusuan.disclosure/2` dictionary; FormatError (Chinese) otherwise."""
    if not isinstance(data, dict):
        raise FormatError("不是 yusuan 的结构化结果（应为 JSON 对象）")
    schema = data.get("schema")
    if schema == "yusuan.disclosure/1":
        raise FormatError("这是旧版（yusuan.disclosure/1）结果，缺少审核所需的信息，请用 yusuan parse 重新读取原文件")
    if schema != SCHEMA:
        raise FormatError(f"不是 yusuan 的结构化结果（schema 为 {schema!r}，应为 {SCHEMA}）")
    body = {k: v for k, v in data.items() if k != "schema"}
    return canonical(_load(Disclosure, body, "disclosure"))


def dumps(disclosure: Disclosure, *, indent: int | None = 2) -> str:
    """The disclosure as deterministic JSON text: "schema" first, then every key sorted."""
    return json.dumps(to_dict(disclosure), ensure_ascii=False, indent=indent)


def loads(text: str | bytes) -> Disclosure:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FormatError(f"JSON 格式错误：{exc}") from exc
    return from_dict(data)


def is_saved_disclosure(head: bytes) -> bool:
    """The first bytes of a file look like a saved disclosure (any version): a JSON object that
    names a yusuan.disclosure schema. Checked by content, like every other format."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"{") and b'"yusuan.disclosure/' in head


# ---- JSON Schema, generated from the same type hints -------------------------------------------

def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) for `yusuan.disclosure/2`, generated from the model."""
    definitions: dict[str, Any] = {}
    _schema_of(Disclosure, definitions)
    body = definitions.pop("Disclosure")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_URL,
            "title": "yusuan disclosure", "description": body["description"], "type": "object",
            "properties": {"schema": {"const": SCHEMA}, **body["properties"]},
            "required": ["schema", *body["required"]], "additionalProperties": False,
            "$defs": dict(sorted(definitions.items()))}


def _schema_of(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_schema_of(a, definitions) for a in get_args(hint) if a is not type(None)]
        nullable = type(None) in get_args(hint)
        return {"anyOf": options + ([{"type": "null"}] if nullable else [])} if nullable else options[0]
    if origin is list:
        return {"type": "array", "items": _schema_of(get_args(hint)[0], definitions)}
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema_of(args[0], definitions)}
        return {"type": "array", "prefixItems": [_schema_of(a, definitions) for a in args],
                "minItems": len(args), "maxItems": len(args)}
    if origin is dict:
        key_type, value_type = get_args(hint)
        schema: dict[str, Any] = {"type": "object", "additionalProperties": _schema_of(value_type, definitions)}
        if key_type is int:
            schema["propertyNames"] = {"pattern": r"^-?\d+$"}
        return schema
    if dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            properties = {}
            required = []
            for field, field_hint in _fields(hint):
                properties[field.name] = _schema_of(field_hint, definitions)
                if _default(field) is dataclasses.MISSING:
                    required.append(field.name)
            doc = " ".join((hint.__doc__ or "").split())
            if doc.startswith(f"{name}("):  # the signature dataclasses put there, not a docstring
                doc = ""
            definitions[name] = {"type": "object", "description": doc, "properties": properties,
                                 "required": required, "additionalProperties": False}
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [m.value for m in hint]}
    if hint is Decimal:
        return {"type": "string", "pattern": _DECIMAL_PATTERN}
    return {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
            bool: {"type": "boolean"}, Any: {}}[hint]


if __name__ == "__main__":  # python -m yusuan.model.serialize > docs/disclosure.schema.json
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
