"""The model is lossless: a disclosure saved as `yusuan.disclosure/2` JSON and loaded again audits
with exactly the same findings — rule, severity, message and evidence with its excerpts — on every
document of the corpus; the JSON is deterministic and matches the published JSON Schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import CORPUS, REPO, parse_cached
from yusuan.api import parse_file
from yusuan.audit import audit
from yusuan.cli import app
from yusuan.model.serialize import FormatError, dumps, json_schema, loads

runner = CliRunner()
EXAMPLE = REPO / "examples" / "示例区人力资源局2025年部门预算.txt"
SCHEMA_FILE = REPO / "docs" / "disclosure.schema.json"


def _corpus() -> list[Path]:
    return sorted(p for folder in ("seeds", "pdf", "more") for p in (CORPUS / folder).glob("*")
                  if p.suffix in (".txt", ".pdf"))


def _documents():
    files = _corpus()
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS} (set YUSUAN_CORPUS)"))]
    return [pytest.param(p, id=f"{p.parent.name}/{p.name[:24]}") for p in files]


@pytest.mark.parametrize("path", _documents())
def test_saved_and_loaded_audits_the_same(path):
    parsed = parse_cached(path)
    text = dumps(parsed)
    loaded = loads(text)
    assert loaded == parsed
    assert dumps(loaded) == text
    direct, again = audit(parsed), audit(loaded)
    assert direct.findings == again.findings  # rule, severity, message, numbers, evidence + excerpts
    assert direct.not_checked == again.not_checked and direct.rules_run == again.rules_run
    located = [e for f in direct.findings for e in f.evidence if e.location.line]
    assert all(e.excerpt for e in located)  # every located piece of evidence quotes its source line


def test_json_is_deterministic():
    pdf = CORPUS / "pdf" / "上海市普陀区财政局2025年部门预算.pdf"
    if not pdf.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    first, second = dumps(parse_file(pdf)), dumps(parse_file(pdf))
    assert first == second
    data = json.loads(first)
    assert list(data)[0] == "schema" and list(data)[1:] == sorted(list(data)[1:])
    row = data["tables"][0]["rows"][0]
    assert list(row) == sorted(row)


def test_schema_file_is_generated_from_the_model_and_validates_output():
    generated = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == generated, "run: python -m yusuan.model.serialize > docs/disclosure.schema.json"
    document = json.loads(dumps(parse_file(EXAMPLE)))
    jsonschema.validate(document, json_schema())
    document["tables"][0]["rows"][0]["values"]["total"] = 1230.0  # a float amount is not allowed
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json_schema())


def test_cli_audits_a_saved_disclosure_like_the_source(tmp_path):
    seed = CORPUS / "seeds" / "000_b0546a12a1f11c2e.txt"
    if not seed.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    saved = runner.invoke(app, ["parse", str(seed), "--format", "json", "--out", str(tmp_path)])
    assert saved.exit_code == 0, saved.output
    # recognised by content, whatever the name says
    renamed = tmp_path / "saved.txt"
    shutil.copy(tmp_path / f"{seed.stem}.json", renamed)
    from_source = runner.invoke(app, ["audit", str(seed), "--format", "json"])
    from_saved = runner.invoke(app, ["audit", str(renamed), "--format", "json"])
    assert from_source.exit_code == from_saved.exit_code == 1  # seed 000 has one genuine error
    assert json.loads(from_source.stdout) == json.loads(from_saved.stdout)
    assert runner.invoke(app, ["audit", str(renamed)]).stdout == runner.invoke(app, ["audit", str(seed)]).stdout


def test_several_files_give_one_json_document_or_json_lines():
    two = [str(EXAMPLE), str(EXAMPLE)]
    array = json.loads(runner.invoke(app, ["parse", *two, "--format", "json"]).stdout)
    assert [d["schema"] for d in array] == ["yusuan.disclosure/2"] * 2
    lines = runner.invoke(app, ["parse", *two, "--format", "jsonl"]).stdout.strip().splitlines()
    assert [json.loads(line)["meta"]["department"] for line in lines] == ["示例区人力资源局"] * 2
    audits = json.loads(runner.invoke(app, ["audit", *two, "--format", "json"]).stdout)
    assert [a["schema"] for a in audits] == ["yusuan.audit/2"] * 2
    audit_lines = runner.invoke(app, ["audit", *two, "--format", "jsonl"]).stdout.strip().splitlines()
    assert len(audit_lines) == 2 and all(json.loads(line)["summary"]["errors"] == 0 for line in audit_lines)


def test_old_and_broken_saved_files_are_refused_clearly(tmp_path):
    old = tmp_path / "old.json"
    old.write_text('{"schema": "yusuan.disclosure/1", "tables": []}', encoding="utf-8")
    result = runner.invoke(app, ["audit", str(old)])
    assert result.exit_code == 2 and "重新读取" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "yusuan.disclosure/2", "source": {"path": 3}}', encoding="utf-8")
    result = runner.invoke(app, ["audit", str(broken)])
    assert result.exit_code == 2 and "broken.json" in result.stderr
    with pytest.raises(FormatError):
        loads('{"schema": "yusuan.disclosure/2", "source": {"path": "a", "sha256": "b", "format": "fax"}, "meta": {}}')
