"""One progress display for a whole load: reading, checking and writing, with rate and time left.

On a terminal it is one line redrawn in place (at most 5 times a second):

    loading  [########............]  41%  checking  52,300 records/s  about 6 s left

The overall share weighs the stages by their typical cost (``WEIGHTS``); the time
left is the elapsed time scaled by the share still to do. Off a terminal (logs,
pipes) it prints one line per finished stage, with its duration and rate.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

# share of a load's time each stage takes (measured on generated 100k-edge JSON files)
WEIGHTS = {"reading": 0.25, "checking": 0.25, "writing": 0.5}
WIDTH = 24


def _amount(n: float, unit: str) -> str:
    if unit == "bytes":
        return f"{n / 1e6:,.1f} MB"
    return f"{n:,.0f} {unit}"


def _duration(s: float) -> str:
    if s < 60:
        return f"{s:.0f} s"
    return f"{s // 60:.0f} min {s % 60:02.0f} s"


class LoadProgress:
    """A ``(done, total)`` progress callback with stages (``graph.progress.stage``)."""

    def __init__(self, label: str = "loading", out: TextIO | None = None, *, tty: bool | None = None) -> None:
        self.label = label
        self.out = out or sys.stderr
        self.tty = self.out.isatty() if tty is None else tty
        self.start = time.monotonic()
        self.name: str | None = None
        self.unit = "records"
        self.done = self.total = 0
        self.stage_start = self.start
        self.finished: list[str] = []  # stages done
        self.last_draw = 0.0
        self.drawn = False

    # ---------------------------------------------------------- callbacks

    def stage(self, name: str, unit: str = "records") -> None:
        self._end_stage()
        self.name, self.unit = name, unit
        self.done = self.total = 0
        self.stage_start = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        now = time.monotonic()
        if self.tty and (now - self.last_draw >= 0.2 or done >= total):
            self.last_draw = now
            self._draw(now)

    def close(self) -> None:
        """End the display (call it also when the load failed)."""
        self._end_stage()
        if self.tty and self.drawn:
            self.out.write("\n")
            self.out.flush()
            self.drawn = False

    # ------------------------------------------------------------ figures

    def fraction(self) -> float:
        """Share of the whole load done, 0..1."""
        share = sum(WEIGHTS.get(s, 0) for s in self.finished)
        if self.name is not None and self.total:
            share += WEIGHTS.get(self.name, 0) * min(1.0, self.done / self.total)
        return min(1.0, share / sum(WEIGHTS.values()))

    def rate(self, now: float | None = None) -> float:
        """Units per second in the current stage."""
        dt = (now or time.monotonic()) - self.stage_start
        return self.done / dt if dt > 0 else 0.0

    def remaining(self, now: float | None = None) -> float | None:
        """Seconds left for the whole load, or None while there is too little to tell."""
        now = now or time.monotonic()
        f = self.fraction()
        elapsed = now - self.start
        if f < 0.01 or elapsed < 0.5:
            return None
        return elapsed * (1 - f) / f

    def line(self, now: float | None = None) -> str:
        now = now or time.monotonic()
        f = self.fraction()
        bar = "#" * int(f * WIDTH) + "." * (WIDTH - int(f * WIDTH))
        left = self.remaining(now)
        rate = self.rate(now)
        parts = [f"{self.label}  [{bar}] {f * 100:3.0f}%", self.name or ""]
        if rate:
            parts.append(f"{_amount(rate, self.unit)}/s")
        if left is not None:
            parts.append(f"about {_duration(left)} left")
        return "  ".join(p for p in parts if p)

    # ------------------------------------------------------------ drawing

    def _draw(self, now: float) -> None:
        text = self.line(now)
        self.out.write("\r" + text.ljust(79))
        self.out.flush()
        self.drawn = True

    def _end_stage(self) -> None:
        if self.name is None:
            return
        now = time.monotonic()
        if self.tty:
            self._draw(now)
        else:
            dt = now - self.stage_start
            rate = f" ({_amount(self.rate(now), self.unit)}/s)" if self.done and dt > 0 else ""
            self.out.write(f"{self.label}: {self.name} {_amount(self.done, self.unit)} in {dt:.1f} s{rate}\n")
            self.out.flush()
        self.finished.append(self.name)
        self.name = None
