"""Building the process's long-lived objects (the spaCy pipeline, the tables, the gate) without the
cyclic garbage collector in the way.

Loading makes some 50,000 objects that live as long as the process and no garbage. Each of them
counts towards the collector's thresholds, so the collector ran full collections over the growing
heap while the pipeline loaded and the gate was built: 0.1-0.15 s of the 1.8 s from interpreter
start to the first result (docs/performance.md). Paused while loading, it sees the new objects once,
afterwards. Nothing else changes: no object is created, kept or freed differently.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import TypeVar

__all__ = ["built_once", "paused_gc"]

T = TypeVar("T")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic collection inside the block; the thresholds as they were after it.

    A first threshold of 0 is CPython's "no automatic collection". ``gc.disable()`` would not do:
    srsly, which spaCy reads its weights with, calls ``gc.enable()`` after every read. An explicit
    ``gc.collect()`` still collects; an enclosing block's pause stays until that block ends.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(0, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def built_once(build: Callable[[], T]) -> Callable[[], T]:
    """``functools.cache`` for the builder of a process-wide table, which runs with the collector
    paused (:func:`paused_gc`)."""

    @functools.cache
    @functools.wraps(build)
    def once() -> T:
        with paused_gc():
            return build()

    return once
