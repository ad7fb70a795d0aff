"""Access: keys with roles (hashed in the data folder), public or keyed reads, rate limits, signed embed links."""

import json
import logging
import os
import socket
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.app import create_app
from graph.store.embedded import EmbeddedStore
from loaders import load_path
from regiograph import embed
from regiograph.cli import cli
from regiograph.keys import KeyStore
from regiograph.settings import Settings
from tests.conftest import MINI

RECORDS = {"nodes": [{"id": "org:access-test", "type": "Organization", "name": {"en": "Access test"},
                      "properties": {"kind": "agency"}, "sources": [{"document": "doc:mini-2", "locator": "p"}]}]}


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.load(load_path(MINI))
    yield s
    s.close()


def make_client(store, tmp_path, **overrides):
    settings = Settings(data_dir=str(tmp_path / "data"), **overrides)
    return TestClient(create_app(settings, store=store))


@pytest.fixture
def keys(tmp_path):
    ks = KeyStore(tmp_path / "data")
    return {role: ks.create(role, f"{role}-user")[1] for role in ("read", "write", "admin")}


def h(key):
    return {"X-API-Key": key}


def test_keys_cli_create_list_revoke_and_the_file_holds_only_hashes(tmp_path, store):
    runner = CliRunner()
    env = {"REGIOGRAPH_DATA_DIR": str(tmp_path / "data")}
    r = runner.invoke(cli, ["keys", "create", "--role", "read", "--name", "intranet"], env=env)
    assert r.exit_code == 0, r.output
    key = r.stdout.strip().splitlines()[-1]
    assert key.startswith("rgk_")
    path = tmp_path / "data" / "keys.json"
    text = path.read_text()
    assert key not in text and key.split("_", 2)[2] not in text and "sha256:" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    listed = json.loads(runner.invoke(cli, ["keys", "list", "--json"], env=env).stdout)
    assert [(e["name"], e["role"], e["revoked"]) for e in listed] == [("intranet", "read", None)]
    assert "hash" not in listed[0] and key not in json.dumps(listed)
    bad = runner.invoke(cli, ["keys", "create", "--role", "root", "--name", "x"], env=env)
    assert bad.exit_code != 0 and "root" in bad.output

    with make_client(store, tmp_path, read_access="key") as c:
        assert c.get("/api/stats", headers=h(key)).status_code == 200
        r = runner.invoke(cli, ["keys", "revoke", "intranet"], env=env)
        assert r.exit_code == 0, r.output
        assert c.get("/api/stats", headers=h(key)).status_code == 401  # revoked: stops at once
    listed = json.loads(runner.invoke(cli, ["keys", "list", "--json"], env=env).stdout)
    assert listed[0]["revoked"]


def test_public_reads_by_default_and_keyed_reads_when_closed(store, tmp_path, keys):
    with make_client(store, tmp_path) as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/health").json()["nodes"] == 11
        assert c.get("/api/stats", headers=h("rgk_wrong_key")).status_code == 401  # a wrong key is never ignored
    with make_client(store, tmp_path, read_access="key") as c:
        for url in ("/api/stats", "/api/search?q=bayern", "/view/entity/org:jtro", "/openapi.json", "/docs",
                    "/view/export?view=entity&id=org:jtro&format=json", "/"):
            r = c.get(url)
            assert r.status_code == 401, (url, r.text)
            assert r.json()["error"]["code"] == "unauthorized"
            assert c.get(url, headers=h(keys["read"])).status_code == 200, url
        assert c.get("/api/stats", headers={"Authorization": "Bearer " + keys["read"]}).status_code == 200
        health = c.get("/health").json()
        assert health["status"] == "ok" and "nodes" not in health  # liveness without the graph's size
        assert c.get("/health", headers=h(keys["read"])).json()["nodes"] == 11
        assert c.get("/static/views/view.js").status_code == 200  # scripts carry no data


def test_roles_writes_need_write_and_the_legacy_key_is_a_write_key(store, tmp_path, keys):
    with make_client(store, tmp_path, api_key="legacy-key") as c:
        r = c.post("/api/records", json=RECORDS, headers=h(keys["read"]))
        assert r.status_code == 403 and "'read'" in r.json()["error"]["message"]
        assert c.post("/api/records", json=RECORDS).status_code == 401
        assert c.post("/api/records", json=RECORDS, headers=h(keys["write"])).status_code == 200
        assert c.post("/api/records", json=RECORDS, headers=h(keys["admin"])).status_code == 200
        assert c.post("/api/records", json=RECORDS, headers=h("legacy-key")).status_code == 200
        assert c.post("/api/records?dry_run=true", json=RECORDS, headers=h("legacy-keyX")).status_code == 401


def test_failed_authentication_is_rate_limited_and_never_logs_the_key(store, tmp_path, keys, caplog):
    caplog.set_level(logging.DEBUG)
    with make_client(store, tmp_path, auth_failure_rate=3) as c:
        for i in range(3):
            assert c.get("/api/stats", headers=h(f"rgk_guess{i}_secretguess")).status_code == 401
        r = c.get("/api/stats", headers=h("rgk_guess9_secretguess"))
        assert r.status_code == 429 and r.json()["error"]["code"] == "too_many_requests"
        assert 1 <= int(r.headers["Retry-After"]) <= 60
        # while blocked, even the right key waits (guessing cannot continue)
        assert c.get("/api/stats", headers=h(keys["read"])).status_code == 429
        assert c.get("/api/stats").status_code == 200  # reads without a key are public here
    logged = "\n".join(rec.getMessage() for rec in caplog.records)
    assert "failed authentication" in logged
    assert "secretguess" not in logged and keys["read"] not in logged


def test_writes_are_rate_limited_per_client(store, tmp_path, keys):
    with make_client(store, tmp_path, write_rate=2) as c:
        for _ in range(2):
            assert c.post("/api/records?dry_run=true", json=RECORDS, headers=h(keys["write"])).status_code == 200
        r = c.post("/api/records?dry_run=true", json=RECORDS, headers=h(keys["write"]))
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
        assert c.get("/api/stats").status_code == 200  # reads are not counted


def test_signed_embed_link_opens_one_view_while_reads_are_closed(store, tmp_path):
    settings = Settings(data_dir=str(tmp_path / "data"))
    runner = CliRunner()
    r = runner.invoke(cli, ["embed-link", "/view/entity/org:bayern-intl?depth=2", "--expires", "90d"],
                      env={"REGIOGRAPH_DATA_DIR": settings.data_dir})
    assert r.exit_code == 0, r.output
    link = r.stdout.strip()
    assert link.startswith("/view/entity/org:bayern-intl?depth=2&exp=") and "&sig=" in link
    query = link.split("?", 1)[1]
    with make_client(store, tmp_path, read_access="key") as c:
        ok = c.get(link)
        assert ok.status_code == 200 and "text/html" in ok.headers["content-type"]
        assert c.get(link + "&lang=de").status_code == 200  # presentation only
        sig_part = query[query.index("exp="):]
        export = c.get(f"/view/export?view=entity&id=org:bayern-intl&depth=2&format=svg&{sig_part}")
        assert export.status_code == 200 and export.headers["content-type"].startswith("image/svg")
        changed = [
            link.replace("depth=2", "depth=3"),
            link.replace("org:bayern-intl", "org:jtro"),
            link + "&node_types=Person",
            link.replace("exp=", "exp=1"),
            link[:-2] + ("AA" if not link.endswith("AA") else "BB"),
            f"/view/path?source=org:bayern-intl&target=org:jtro&{sig_part}",
            f"/api/stats?{sig_part}",
        ]
        for url in changed:
            r = c.get(url)
            assert r.status_code == 403, (url, r.text)
            assert r.json()["error"]["code"] == "forbidden"
        assert c.get("/view/entity/org:bayern-intl?depth=2").status_code == 401  # unsigned
        expired = embed.sign_url("/view/entity/org:bayern-intl", embed.load_secret(settings), 60, now=time.time() - 120)
        r = c.get(expired)
        assert r.status_code == 403 and "expired" in r.json()["error"]["message"]


def test_embed_link_refuses_what_is_not_a_view(tmp_path):
    r = CliRunner().invoke(cli, ["embed-link", "/api/stats"], env={"REGIOGRAPH_DATA_DIR": str(tmp_path)})
    assert r.exit_code != 0
    r = CliRunner().invoke(cli, ["embed-link", "/view/path?source=a&target=b", "--expires", "forever"],
                           env={"REGIOGRAPH_DATA_DIR": str(tmp_path)})
    assert r.exit_code != 0


def _first_line_of_serve(tmp_path, read_access):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "REGIOGRAPH_DATA_DIR": str(tmp_path), "REGIOGRAPH_LOAD_SEED": "false",
           "REGIOGRAPH_READ_ACCESS": read_access}
    proc = subprocess.Popen([sys.executable, "-m", "regiograph.cli", "serve", "--host", "0.0.0.0", "--port", str(port)],
                            env=env, stderr=subprocess.PIPE, text=True)
    try:
        return proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_on_all_interfaces_warns_when_reads_are_public(tmp_path):
    first = _first_line_of_serve(tmp_path, "public")
    assert first.startswith("warning:") and "REGIOGRAPH_READ_ACCESS=key" in first
    assert _first_line_of_serve(tmp_path, "key").startswith("Regiograph on http://0.0.0.0:")


def test_deletions_need_admin_and_are_logged(store, tmp_path, keys, caplog):
    caplog.set_level(logging.WARNING, logger="regiograph.undo")
    with make_client(store, tmp_path, api_key="legacy") as c:
        for k in (None, keys["read"], keys["write"], "legacy"):
            r = c.delete("/api/entities/org:jtro", headers=h(k) if k else {})
            assert r.status_code in (401, 403), (k, r.text)
        assert c.get("/api/entities/org:jtro").status_code == 200
        dry = c.delete("/api/documents/doc:mini-2?dry_run=true", headers=h(keys["admin"])).json()
        assert dry["dry_run"] is True and "doc:mini-2" in dry["deleted_nodes"]
        assert c.get("/api/entities/doc:mini-2").status_code == 200
        r = c.delete("/api/entities/org:jtro", headers=h(keys["admin"]))
        assert r.status_code == 200 and "org:jtro" in r.json()["deleted_nodes"] and r.json()["deleted_edges"]
        assert c.get("/api/entities/org:jtro").status_code == 404
        edge = r.json()["deleted_edges"][0]
        assert c.delete(f"/api/edges/{edge}", headers=h(keys["admin"])).status_code == 404
        assert c.delete("/api/documents/doc:nope", headers=h(keys["admin"])).status_code == 404
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "deleted node org:jtro by key" in logged and "admin-user" in logged
    assert keys["admin"] not in logged


def test_an_admin_mints_embed_links_over_the_api_and_the_panel_says_how(store, tmp_path, keys):
    with make_client(store, tmp_path, read_access="key") as c:
        body = {"url": "/view/entity/org:bayern-intl?depth=2", "expires": "30d"}
        for role in ("read", "write"):
            assert c.post("/api/embed-links", json=body, headers=h(keys[role])).status_code == 403
        assert c.post("/api/embed-links", json=body).status_code == 401
        r = c.post("/api/embed-links", json=body, headers=h(keys["admin"]))
        assert r.status_code == 200, r.text
        link = r.json()["url"]
        assert link.startswith("/view/entity/org:bayern-intl?depth=2&exp=") and "&sig=" in link
        assert c.get(link).status_code == 200  # opens without a key
        assert c.get(link.replace("depth=2", "depth=1")).status_code == 403  # for this view only
        bad = c.post("/api/embed-links", json={"url": "/api/stats"}, headers=h(keys["admin"]))
        assert bad.status_code == 422 and bad.json()["error"]["details"][0]["field"] == "url"
        page = c.get("/?id=org:bayern-intl", headers=h(keys["read"]))
        assert page.status_code == 200
        assert "regiograph embed-link &#39;/view/entity/org:bayern-intl" in page.text or \
               "regiograph embed-link '/view/entity/org:bayern-intl" in page.text
        assert "POST /api/embed-links" in page.text
