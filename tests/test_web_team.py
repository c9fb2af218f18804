"""Team mode: accounts with roles and regions, a signed session, CSRF on every write; refuses
to start without a secret key."""

from __future__ import annotations

import hashlib
import re

import pytest
from fastapi.testclient import TestClient

from conftest import CORPUS, seed_path
from yusuan.api import Role, add_user, open_store, process_file
from yusuan.web import create_app

SECRET = "a-test-secret-key-of-some-length"


def _save(store, path):
    data = path.read_bytes()
    store.save(process_file(path, path.name, hashlib.sha256(data).hexdigest(), len(data)), data)


@pytest.fixture
def team(store_url, tmp_path):
    pdf = CORPUS / "pdf" / "上海市普陀区财政局2025年部门预算.pdf"
    if not pdf.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    store = open_store(store_url)
    _save(store, seed_path("000"))  # 河南省济源…
    _save(store, pdf)  # 上海市普陀区…
    add_user(store, "viewer", "viewer-password", Role.VIEWER)
    add_user(store, "reviewer", "reviewer-password", Role.REVIEWER, ["上海市普陀区"])
    store.close()
    app = create_app(store_url, data_folder=tmp_path / "uploads", workers=1, team=True, secret_key=SECRET,
                     secure_cookies=False)  # the test client speaks plain http
    with TestClient(app) as client:
        yield client


def _login(client, name, password):
    page = client.get("/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    answer = client.post("/login", data={"name": name, "password": password, "csrf": token}, follow_redirects=False)
    assert answer.status_code == 303
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def test_nothing_is_shown_before_logging_in(team):
    assert team.get("/api/documents").status_code == 401
    assert team.get("/api/documents").json() == {"detail": "请先登录"}
    page = team.get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login"
    token = re.search(r'name="csrf" value="([^"]+)"', team.get("/login").text).group(1)
    wrong = team.post("/login", data={"name": "viewer", "password": "nope", "csrf": token}, follow_redirects=False)
    assert wrong.headers["location"] == "/login?failed=true" and team.get("/api/documents").status_code == 401


def test_a_viewer_sees_but_cannot_review(team):
    token = _login(team, "viewer", "viewer-password")
    documents = team.get("/api/documents").json()["documents"]
    assert len(documents) == 2  # no regions: every region
    finding = team.get(f"/api/documents/{documents[0]['document_id']}").json()["findings"][0]
    refused = team.post(f"/api/findings/{finding['id']}/review", json={"decision": "dismissed"},
                        headers={"X-CSRF-Token": token})
    assert refused.status_code == 403 and refused.json()["detail"] == "当前账号没有此权限"
    assert "确认</button>" not in team.get(f"/documents/{documents[0]['document_id']}").text
    again = team.post(f"/api/documents/{documents[0]['document_id']}/audit", headers={"X-CSRF-Token": token})
    assert again.status_code == 403 and "重新审核</button>" not in team.get(f"/documents/{documents[0]['document_id']}").text


def test_a_reviewer_sees_its_regions_and_every_write_needs_the_csrf_token(team):
    token = _login(team, "reviewer", "reviewer-password")
    documents = team.get("/api/documents").json()["documents"]
    assert [d["region"] for d in documents] == ["上海市普陀区"]
    hidden = team.get("/api/documents", params={"per_page": 500}).json()["documents"]
    assert all(d["region"].startswith("上海市普陀区") for d in hidden)
    document = documents[0]["document_id"]
    finding = team.get(f"/api/documents/{document}").json()["findings"][0]
    # without the token (or with another), the write is refused and nothing is recorded
    assert team.post(f"/api/findings/{finding['id']}/review", json={"decision": "dismissed"}).status_code == 403
    form = team.post(f"/documents/{document}/findings/{finding['id']}/review",
                     data={"decision": "dismissed", "csrf": "forged"}, follow_redirects=False)
    assert form.status_code == 403 and "CSRF" in form.json()["detail"]
    assert team.get(f"/api/documents/{document}").json()["findings"][0]["review"] is None
    # with it: recorded under the account's name, whatever name the form types
    done = team.post(f"/documents/{document}/findings/{finding['id']}/review",
                     data={"decision": "dismissed", "reviewer": "冒名", "comment": "已核实", "csrf": token},
                     follow_redirects=False)
    assert done.status_code == 303
    review = team.get(f"/api/documents/{document}").json()["findings"][0]["review"]
    assert (review["decision"], review["reviewer"], review["comment"]) == ("dismissed", "reviewer", "已核实")
    # another region's document does not exist for this account: not listed, not exported
    other = team.get("/api/documents/1")
    assert other.status_code == 404
    assert team.get("/api/documents/1/tables").status_code == 404
    exported = team.get("/api/export", params={"format": "json"}).json()["documents"]
    assert [d["地区"] for d in exported] == ["上海市普陀区"]
    assert team.post(f"/api/documents/{document}/audit").status_code == 403  # re-audit: the token too


def test_team_mode_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ValueError, match="密钥"):
        create_app(tmp_path / "t.db", team=True)
    with pytest.raises(ValueError, match="密钥"):
        create_app(tmp_path / "t.db", team=True, secret_key="short")


def test_accounts_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from yusuan.api import verify_user
    from yusuan.cli import app

    runner = CliRunner()
    database = str(tmp_path / "accounts.db")
    made = runner.invoke(app, ["user", "add", "审核员", "--role", "reviewer", "--region", "上海市", "--db", database,
                               "--password-stdin"], input="long-enough-password\n")
    assert made.exit_code == 0, made.output
    store = open_store(database)
    assert verify_user(store, "审核员", "long-enough-password").regions == ("上海市",)
    assert verify_user(store, "审核员", "wrong") is None
    store.close()
    short = runner.invoke(app, ["user", "add", "乙", "--db", database, "--password-stdin"], input="short\n")
    assert short.exit_code == 2 and "至少 8 个字符" in short.output
    keyless = runner.invoke(app, ["serve", "--team", "--db", database], env={"YUSUAN_SECRET_KEY": ""})
    assert keyless.exit_code == 2 and "密钥" in keyless.output
