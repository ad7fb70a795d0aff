"""Per-client rate limits: a sliding one-minute window per (bucket, client address)."""

from __future__ import annotations

import math
import threading
import time
from collections import deque

WINDOW = 60.0
MAX_CLIENTS = 10_000  # the table is pruned past this many clients


class RateLimiter:
    def __init__(self, per_minute: int, *, clock=time.monotonic):
        self.per_minute = per_minute
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _window(self, client: str, now: float) -> deque[float]:
        q = self._hits.get(client)
        if q is None:
            if len(self._hits) >= MAX_CLIENTS:
                self._prune(now)
            q = self._hits[client] = deque()
        while q and q[0] <= now - WINDOW:
            q.popleft()
        return q

    def _prune(self, now: float) -> None:
        for c in [c for c, q in self._hits.items() if not q or q[-1] <= now - WINDOW]:
            del self._hits[c]

    def retry_after(self, client: str) -> int:
        """Seconds until ``client`` may try again (0: now), without counting a hit."""
        with self._lock:
            now = self.clock()
            q = self._window(client, now)
            if len(q) < self.per_minute:
                return 0
            return max(1, math.ceil(q[0] + WINDOW - now))

    def hit(self, client: str) -> int:
        """Count one hit; returns the seconds to wait when the limit was already reached (the hit is not counted)."""
        with self._lock:
            now = self.clock()
            q = self._window(client, now)
            if len(q) >= self.per_minute:
                return max(1, math.ceil(q[0] + WINDOW - now))
            q.append(now)
            return 0
