"""Damage is never hidden: zero-byte, truncated, corrupt stores and bad rows are refused at start with the file
and the way out; check, backup (SQLite online backup) and restore from the command line."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graph.store.embedded import DB_FILE, EmbeddedStore
from graph.store.integrity import DamagedStoreError
from loaders import load_path
from regiograph.cli import cli
from regiograph.settings import Settings
from regiograph.stores import open_store
from tests.conftest import MINI


@pytest.fixture
def data(tmp_path):
    d = tmp_path / "data"
    store = EmbeddedStore(d)
    store.load(load_path(MINI))
    store.close()
    return d


def settings_for(d):
    return Settings(data_dir=str(d))


def refused(d, *words):
    path = d / DB_FILE
    before = path.read_bytes()
    with pytest.raises(DamagedStoreError) as exc:
        open_store(settings_for(d))
    msg = exc.value.message
    assert str(path) in msg and "regiograph check" in msg and "regiograph restore" in msg
    for w in words:
        assert w in msg, msg
    assert path.read_bytes() == before  # nothing replaced, nothing written
    return msg


def test_zero_byte_store_is_refused_not_replaced(data):
    (data / DB_FILE).write_bytes(b"")
    refused(data, "zero bytes")


def test_truncated_store_is_refused(data):
    path = data / DB_FILE
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2 + 100])
    refused(data, "truncated")


def test_corrupt_page_is_refused(data):
    path = data / DB_FILE
    raw = bytearray(path.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    for i in range(page + 8, len(raw) - 8, 97):  # scribble over every page but the header
        raw[i:i + 4] = b"\xde\xad\xbe\xef"
    path.write_bytes(bytes(raw))
    refused(data, "SQLite")


def test_foreign_file_is_refused(data):
    (data / DB_FILE).write_bytes(b"PK\x03\x04 this is a zip file, not a store" * 100)
    refused(data, "not an SQLite database")


def test_a_bad_row_is_named_by_its_id(data):
    with sqlite3.connect(data / DB_FILE) as db:
        db.execute("UPDATE nodes SET data = '{\"id\": \"org:jtro\", broken' WHERE id = 'org:jtro'")
    # the store opens from its columns and array index without decoding every record (a fast
    # reopen); the damaged row is named, with the way out, as soon as a read needs it
    store = open_store(settings_for(data))
    try:
        with pytest.raises(DamagedStoreError) as exc:
            store.get_node("org:jtro")
        assert "nodes row 'org:jtro'" in exc.value.message and "regiograph restore" in exc.value.message
        with pytest.raises(DamagedStoreError, match="nodes row 'org:jtro'"):
            store.neighbors("region:de-by", depth=2)
    finally:
        store.close()
    r = CliRunner().invoke(cli, ["check", "--json"], env={"REGIOGRAPH_DATA_DIR": str(data)})
    assert r.exit_code == 2
    report = json.loads(r.stdout)
    assert report["ok"] is False and any("org:jtro" in p for p in report["problems"])


def test_serve_refuses_a_damaged_store_with_one_line(data):
    (data / DB_FILE).write_bytes(b"")
    env = {**os.environ, "REGIOGRAPH_DATA_DIR": str(data)}
    proc = subprocess.run([sys.executable, "-m", "regiograph.cli", "serve", "--port", "8765"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: the embedded store") and "zero bytes" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (data / DB_FILE).stat().st_size == 0


def test_check_backup_damage_restore(data, tmp_path):
    env = {"REGIOGRAPH_DATA_DIR": str(data)}
    runner = CliRunner()
    r = runner.invoke(cli, ["check"], env=env)
    assert r.exit_code == 0 and "ok (11 nodes, 12 edges)" in r.stdout
    copy = tmp_path / "backup.sqlite3"
    r = runner.invoke(cli, ["backup", str(copy)], env=env)
    assert r.exit_code == 0, r.output
    assert copy.exists() and runner.invoke(cli, ["backup", str(copy)], env=env).exit_code != 0  # never overwrites

    (data / DB_FILE).write_bytes(b"")  # disaster
    r = runner.invoke(cli, ["check"], env=env)
    assert r.exit_code == 2 and "zero bytes" in r.stdout
    r = runner.invoke(cli, ["restore", str(copy)], env=env)
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout[r.stdout.index("{"):])
    assert result["nodes"] == 11 and result["damaged_store_kept_as"]
    assert os.path.getsize(result["damaged_store_kept_as"]) == 0  # the damaged file is kept for inspection
    store = open_store(settings_for(data))
    try:
        assert store.stats().to_dict()["total_nodes"] == 11 and store.get_node("org:jtro").label
    finally:
        store.close()


def test_backup_while_open_and_restore_under_a_running_store(data, tmp_path):
    live = EmbeddedStore(data)  # as a running server holds it
    try:
        copy = tmp_path / "before.sqlite3"
        r = CliRunner().invoke(cli, ["backup", str(copy)], env={"REGIOGRAPH_DATA_DIR": str(data)})
        assert r.exit_code == 0, r.output
        extra = {"nodes": [{"id": "org:after-backup", "type": "Organization", "name": {"en": "After backup"},
                            "properties": {"kind": "agency"}, "sources": [{"document": "doc:mini-2", "locator": "p"}]}]}
        from loaders.structured import parse_document

        live.load(parse_document(json.dumps(extra), "extra", "json"))
        assert live.stats().to_dict()["total_nodes"] == 12
        r = CliRunner().invoke(cli, ["restore", str(copy)], env={"REGIOGRAPH_DATA_DIR": str(data)})
        assert r.exit_code == 0, r.output
        assert live.stats().to_dict()["total_nodes"] == 11  # the running store saw the restore
        assert "org:after-backup" not in live.get_nodes(["org:after-backup"])
    finally:
        live.close()


def test_damaged_backup_is_not_restored(data, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    r = CliRunner().invoke(cli, ["restore", str(bad)], env={"REGIOGRAPH_DATA_DIR": str(data)})
    assert r.exit_code != 0
    store = open_store(settings_for(data))
    try:
        assert store.stats().to_dict()["total_nodes"] == 11
    finally:
        store.close()
