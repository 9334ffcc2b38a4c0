"""Two stages of the pipeline at once: the next batch's first components run in a helper thread
while this thread finishes the current batch.

Most of spaCy's model time is matrix products and transition loops that release the GIL, so one
Python process can keep two cores busy: a helper thread runs the components before the entity
recogniser (tok2vec, tagger, parser) on batch *k + 1* while the calling thread runs the NER, the
rest of the pipeline and the rules on batch *k*. The split is at ``ner`` because the recogniser
reads the sentence starts the parser sets (an entity never crosses one), so it must come after the
parser; each Doc still goes through every component in the pipeline's order, and the Extractions
are identical to a run in one thread (tests/test_staged.py; docs/performance.md measures the gain).

:func:`ahead` is the mechanism, without spaCy: ``first(batch)`` for each batch, one or two
batches ahead of the consumer, in a daemon thread that stops when the consumer does.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

# the component from which the calling thread takes over (see the module's docstring)
SPLIT_AT = "ner"

_DONE = object()
_JOIN_SECONDS = 5.0


class _Raised:
    """An exception of the batches' iterator, carried to the consumer to be raised there."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def ahead(batches: Iterator[T], first: Callable[[T], U], *, depth: int = 2) -> Iterator[U]:
    """``first(batch)`` of each batch, in order, computed in a helper thread up to ``depth``
    batches ahead. ``first`` should catch what a batch may raise (its result then says so): an
    exception of ``first`` or of ``batches`` ends the stream and is raised here, in the consumer.
    Closing the generator stops the helper after the batch it is on."""
    results: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(value: object) -> bool:
        while not stop.is_set():
            try:
                results.put(value, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in batches:
                if stop.is_set() or not put(first(batch)):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            put(_Raised(exc))
            return
        put(_DONE)

    helper = threading.Thread(target=produce, name="visitextract-stage-1", daemon=True)
    helper.start()
    try:
        while True:
            value = results.get()
            if value is _DONE:
                return
            if isinstance(value, _Raised):
                raise value.exc
            yield value  # type: ignore[misc]  # what first returned
    finally:
        stop.set()
        # the helper ends after its current batch; a batches iterator that blocks (a pipe from a
        # stalled producer) must not hang the consumer's exit, and the thread is a daemon
        helper.join(timeout=_JOIN_SECONDS)
