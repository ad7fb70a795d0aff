"""Neo4j outages: answer 503 with Retry-After in about two seconds instead of hanging.

``StoreMonitor`` probes the Neo4j server in a background thread: a TCP connect
and a Bolt handshake every half second, bounded by half of
``REGIOGRAPH_NEO4J_CONNECT_TIMEOUT`` (a refused connection counts at once, an
unanswered handshake when the next probe is unanswered too). A stopped server refuses the connection; a frozen one
(SIGSTOP, a stuck JVM) accepts it in the kernel but never answers the
handshake. Either way the monitor reports the store as down, and when the
server answers again it reports it up (no restart of the API needed).

``OutageGuard`` (ASGI middleware) uses it: while the store is down every
request except ``/health`` and static files gets 503 with ``Retry-After`` at
once; a request already running when the store goes down gets its 503 then
(the work left behind finishes or fails on its own; loads are idempotent, so
a client resends a write that got 503).
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

log = logging.getLogger("regiograph.outage")

BOLT_MAGIC = b"\x60\x60\xb0\x17"
BOLT_VERSIONS = b"\x00\x08\x08\x05" + b"\x00\x00\x04\x04" + b"\x00\x00\x00\x00" * 2  # 5.0-5.8, 4.4
INTERVAL = 0.5
RETRY_AFTER = 5
OPEN_PATHS = ("/health", "/static/")


def probe(uri: str, timeout: float) -> str | None:
    """None when a Bolt server answers the handshake at ``uri``; otherwise what went wrong."""
    parts = urlsplit(uri)
    host, port = parts.hostname or "localhost", parts.port or 7687
    secure = parts.scheme.endswith("+s") or parts.scheme.endswith("+ssc")
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            raw.settimeout(timeout)
            sock = raw
            if secure:
                ctx = ssl.create_default_context()
                if parts.scheme.endswith("+ssc"):
                    ctx.check_hostname = False
                    ctx.verify_mode = ssl.CERT_NONE
                sock = ctx.wrap_socket(raw, server_hostname=host)
            sock.sendall(BOLT_MAGIC + BOLT_VERSIONS)
            answer = b""
            while len(answer) < 4:
                chunk = sock.recv(4 - len(answer))
                if not chunk:
                    return "the server closed the connection during the handshake"
                answer += chunk
            return None
    except socket.timeout:
        return f"no answer within {timeout:g} s (the server is frozen or overloaded)"
    except OSError as e:
        return f"cannot connect ({e.strerror or e})"


class StoreMonitor:
    """Background liveness of one Neo4j server."""

    def __init__(self, uri: str, timeout: float, *, name: str = "neo4j", interval: float = INTERVAL):
        self.uri, self.timeout, self.name, self.interval = uri, timeout, name, interval
        self.reason: str | None = None
        self.since = time.time()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._listeners: list = []

    @property
    def down(self) -> bool:
        return self.reason is not None

    def check_now(self) -> None:
        # a refused connection is certain at once; a slow handshake must happen twice in a row (each within half
        # the connect timeout) before the server counts as frozen, so a busy server is not taken for a dead one
        reason = probe(self.uri, self.timeout / 2)
        if reason and "no answer" in reason:
            reason = probe(self.uri, self.timeout / 2)
        if (reason is None) != (self.reason is None):
            self.since = time.time()
            if reason:
                log.warning("%s at %s is down: %s", self.name, self.uri, reason)
            else:
                log.warning("%s at %s answers again", self.name, self.uri)
        self.reason = reason
        if reason:
            for notify in list(self._listeners):
                notify()

    def start(self) -> "StoreMonitor":
        self.check_now()

        def loop():
            while not self._stop.wait(self.interval):
                self.check_now()

        self._thread = threading.Thread(target=loop, name="regiograph-store-monitor", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.timeout + 1)

    def status(self) -> dict:
        return {self.name: {"down": True, "reason": self.reason, "since": int(self.since)}} if self.down else {}


def _unavailable_body(monitor: StoreMonitor) -> bytes:
    return json.dumps({"error": {
        "status": 503, "code": "unavailable",
        "message": f"Neo4j is not available ({monitor.reason}); try again in a few seconds. A write that got this "
                   "answer may or may not have been applied: loads are idempotent, send it again.",
        "details": [{"field": "store", "value": monitor.name}]}}).encode()


class OutageGuard:
    """ASGI middleware: 503 at once while the monitored store is down, also for requests already running."""

    def __init__(self, app, get_monitor):
        self.app = app
        self.get_monitor = get_monitor

    async def _send_503(self, send, monitor) -> None:
        body = _unavailable_body(monitor)
        await send({"type": "http.response.start", "status": 503,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"retry-after", str(RETRY_AFTER).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope, receive, send):
        monitor = self.get_monitor()
        if scope["type"] != "http" or monitor is None or scope["path"].startswith(OPEN_PATHS):
            return await self.app(scope, receive, send)
        if monitor.down:
            return await self._send_503(send, monitor)
        loop = asyncio.get_running_loop()
        went_down = asyncio.Event()
        notify = lambda: loop.call_soon_threadsafe(went_down.set)  # noqa: E731
        answered = False
        started = False

        async def guarded_send(message):
            nonlocal started
            if not answered:
                started = started or message["type"] == "http.response.start"
                await send(message)

        monitor._listeners.append(notify)
        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        waiter = asyncio.ensure_future(went_down.wait())
        try:
            done, _ = await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
            if task in done:
                return task.result()
            answered = True  # the route keeps running on its own; its answer is dropped
            task.add_done_callback(lambda t: t.cancelled() or t.exception())
            if not started:
                await self._send_503(send, monitor)
        finally:
            waiter.cancel()
            try:
                monitor._listeners.remove(notify)
            except ValueError:
                pass
