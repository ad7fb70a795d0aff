"""Build and run a throwaway Neo4j 5.26 server for the tests (no Docker needed).

The server is ``neo4j-launcher/`` (one Java class around Neo4j's embedded
DatabaseManagementService with a Bolt connector). It listens on 127.0.0.1 on a
free port with authentication disabled, in a fresh temporary directory, and is
stopped (and the directory removed) by :meth:`Neo4jServer.stop`.

The Maven build runs once and is reused while ``target/`` is newer than the pom
and the Java sources; a file lock keeps parallel test runs from building at the
same time.

Command line (handy for poking at the server by hand)::

    python tests/neo4j_server.py      # prints the bolt URI, Ctrl-C stops it
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

LAUNCHER_DIR = Path(__file__).resolve().parent.parent / "neo4j-launcher"
MAIN_CLASS = "org.regiograph.launcher.Launcher"
READY_PREFIX = "REGIOGRAPH-NEO4J READY "
INSTALL_HINT = "install OpenJDK 17 and Maven: apt-get install openjdk-17-jdk-headless maven"
JVM_OPTIONS = ["-Xms256m", "-Xmx2g", "-XX:+UseParallelGC"]

Say = Callable[[str], None]


class Neo4jLauncherError(RuntimeError):
    """The test Neo4j server could not be built or started."""


def _say_stderr(message: str) -> None:
    print(f"[neo4j-test-server] {message}", file=sys.stderr, flush=True)


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise Neo4jLauncherError(f"'{tool}' was not found on PATH; {INSTALL_HINT}")
    return path


def _inputs() -> list[Path]:
    return [LAUNCHER_DIR / "pom.xml", *sorted((LAUNCHER_DIR / "src").rglob("*.java"))]


def _outputs() -> tuple[Path, Path]:
    target = LAUNCHER_DIR / "target"
    return target / "classpath.txt", target / "classes" / (MAIN_CLASS.replace(".", "/") + ".class")


def _is_current() -> bool:
    """True when the built classes and classpath exist, are newer than every
    input, and every jar on the recorded classpath is still present."""
    classpath_file, main_class = _outputs()
    if not (classpath_file.is_file() and main_class.is_file()):
        return False
    built = min(classpath_file.stat().st_mtime, main_class.stat().st_mtime)
    if any(p.stat().st_mtime > built for p in _inputs()):
        return False
    jars = [j for j in classpath_file.read_text().strip().split(os.pathsep) if j]
    return bool(jars) and all(os.path.exists(j) for j in jars)


def build(say: Say = _say_stderr) -> str:
    """Build the launcher if needed; return the java classpath to run it with."""
    _require("java")
    lock_path = Path(tempfile.gettempdir()) / (
        "regiograph-neo4j-launcher-" + hashlib.sha1(str(LAUNCHER_DIR).encode()).hexdigest()[:12] + ".lock"
    )
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not _is_current():
                mvn = _require("mvn")
                say("building neo4j-launcher with Maven (first run downloads Neo4j, about a minute) ...")
                started = time.monotonic()
                proc = subprocess.run(
                    [mvn, "-q", "-B", "package"],
                    cwd=LAUNCHER_DIR,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
                if proc.returncode != 0 or not _is_current():
                    tail = "\n".join(proc.stdout.splitlines()[-40:])
                    raise Neo4jLauncherError(
                        f"building {LAUNCHER_DIR} failed (mvn exit code {proc.returncode}):\n{tail}"
                    )
                say(f"neo4j-launcher built in {time.monotonic() - started:.1f} s")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    classpath_file, _ = _outputs()
    return os.pathsep.join([str(LAUNCHER_DIR / "target" / "classes"), classpath_file.read_text().strip()])


ADMIN_MAIN_CLASS = "org.neo4j.cli.AdminTool"  # what the neo4j-admin script runs


def neo4j_admin(home: str | Path, *args: str, timeout: float = 600.0) -> subprocess.CompletedProcess:
    """Run ``neo4j-admin ARGS`` for the Neo4j home ``home`` (created if missing) from the
    launcher's classpath (its Neo4j artifacts include the admin commands, e.g. the import tool)."""
    classpath = build()
    home = Path(home)
    (home / "conf").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    return subprocess.run([_require("java"), *JVM_OPTIONS, "-cp", classpath, ADMIN_MAIN_CLASS, *args],
                          cwd=home, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=timeout)


class Neo4jServer:
    """One launcher subprocess. ``start()`` returns the bolt URI; ``stop()`` ends it.
    ``home``: run on this Neo4j home (e.g. one ``neo4j_admin`` imported into) instead of a new
    temporary one; it is removed at ``stop()`` all the same."""

    def __init__(self, *, port: int = 0, say: Say = _say_stderr, home: str | Path | None = None):
        self.port = port
        self.say = say
        self._given_home = str(home) if home is not None else None
        self.uri: str | None = None
        self.start_seconds: float | None = None
        self._proc: subprocess.Popen | None = None
        self._home: str | None = None
        self._stderr = None

    def start(self, timeout: float = 300.0) -> str:
        if self._proc is not None:
            raise Neo4jLauncherError("this server is already started")
        classpath = build(self.say)
        java = _require("java")
        self._home = self._given_home or tempfile.mkdtemp(prefix="regiograph-neo4j-")
        self._stderr = open(os.path.join(self._home, "launcher.stderr"), "w+")
        started = time.monotonic()
        self._proc = subprocess.Popen(
            [java, *JVM_OPTIONS, "-cp", classpath, MAIN_CLASS, self._home, str(self.port), "--watch-stdin"],
            stdin=subprocess.PIPE,  # kept open: the server exits when we do
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        found: list[str] = []

        def read_stdout() -> None:
            assert self._proc is not None and self._proc.stdout is not None
            for line in self._proc.stdout:
                if line.startswith(READY_PREFIX) and not found:
                    found.append(line[len(READY_PREFIX):].strip())

        threading.Thread(target=read_stdout, name="neo4j-launcher-stdout", daemon=True).start()

        self.say(f"starting Neo4j in {self._home} ...")
        next_note = 10.0
        while not found:
            waited = time.monotonic() - started
            if self._proc.poll() is not None:
                detail = self._stderr_tail()
                self.stop()
                raise Neo4jLauncherError(f"the Neo4j launcher exited with code {self._proc_code} before it was ready:\n{detail}")
            if waited > timeout:
                detail = self._stderr_tail()
                self.stop()
                raise Neo4jLauncherError(f"Neo4j was not ready after {timeout:.0f} s:\n{detail}")
            if waited >= next_note:
                self.say(f"still waiting for Neo4j ({waited:.0f} s)")
                next_note += 10.0
            time.sleep(0.1)
        self.start_seconds = time.monotonic() - started
        self.uri = found[0]
        self.say(f"Neo4j ready at {self.uri} after {self.start_seconds:.1f} s")
        return self.uri

    _proc_code: int | None = None

    def _stderr_tail(self, lines: int = 40) -> str:
        if self._stderr is None:
            return ""
        self._stderr.flush()
        self._stderr.seek(0)
        text = self._stderr.read().splitlines()[-lines:]
        log = Path(self._home or "", "logs", "debug.log")
        if log.is_file():
            text += ["--- logs/debug.log (tail) ---", *log.read_text(errors="replace").splitlines()[-lines:]]
        return "\n".join(text)

    def stop(self, grace: float = 30.0) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.terminate()  # SIGTERM: the launcher's shutdown hook closes the database
                try:
                    proc.wait(grace)
                except subprocess.TimeoutExpired:
                    self.say(f"Neo4j did not stop within {grace:.0f} s; killing it")
                    proc.kill()
                    proc.wait()
            self._proc_code = proc.returncode
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    try:
                        stream.close()
                    except OSError:
                        pass
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


if __name__ == "__main__":  # pragma: no cover - manual use
    import signal

    # SIGTERM (and SIGINT, which background jobs ignore) end the loop so the
    # finally clause stops Neo4j and removes its directory
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(0))
    server = Neo4jServer()
    print(server.start(), flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        server.stop()
