"""Progress of long work, in stages: ``progress(done, total)`` callbacks plus an optional stage name.

A progress callback is any ``callable(done, total)``. One that also has a
``stage(name, unit)`` method is told when the work moves on to the next stage
(a load: reading the files, checking the records, writing them), so one
display can cover the whole load. ``stage(progress, name)`` calls it when present.
"""

from __future__ import annotations

from typing import Callable

Progress = Callable[[int, int], None]  # (done, total)
EVERY = 2_000  # records between two progress calls of a loop


def stage(progress: Progress | None, name: str, unit: str = "records") -> None:
    """Tell ``progress`` (if it cares) that the work moves on to stage ``name``."""
    fn = getattr(progress, "stage", None)
    if fn is not None:
        fn(name, unit)
