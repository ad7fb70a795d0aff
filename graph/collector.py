"""Pause Python's cycle collector around work that allocates many objects without cycles.

Decoding, preparing and writing records allocates hundreds of thousands of small objects
(dicts, strings, tuples) and no reference cycles. Meanwhile the cycle collector walks the
growing heap again and again: a full collection of a loaded batch takes 0.1-0.25 s with the
GIL held, which costs time (a quarter of a GLEIF load, a third of a 2,000-node view render)
and stalls every other thread, the API's event loop included (``/health`` waited 0.8 s during
an 8,000-record load, tests/test_hostile_input.py). Reference counting still frees everything;
only cycles wait until the block ends.

One helper for the codec, the record load and the streamed source loads. Nested or concurrent
use is safe: only the outermost block that found the collector on turns it back on.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


PAUSE_AT = 500  # records handled in one call from which the collector waits (smaller work: no gain)


@contextmanager
def paused(enabled: bool = True) -> Iterator[None]:
    """Hold the cycle collector for the block (when ``enabled`` and it is running now)."""
    if not enabled or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
