"""Extraction on a Dask cluster: ``visitextract batch --engine dask`` and helpers for your own graphs.

>>> import dask.bag as db                                               # doctest: +SKIP
>>> from visitextract.distributed import extract_bag, extract_dataframe  # doctest: +SKIP
>>> records = extract_bag(db.read_text("news/*.jsonl").map(json.loads)).compute()  # doctest: +SKIP
>>> docs = extract_dataframe(ddf, text_column="body", id_column="url")  # doctest: +SKIP

Each worker process builds the spaCy pipeline once, on its first task, and keeps it in a module-level
cache (:func:`worker_extractor`); tasks exchange plain JSON text and dicts, never pickled objects
of ours. Records have the same shape as the JSON Lines of ``visitextract batch`` (``error`` is null
on success, an object with ``stage`` and ``message`` when a document failed).

Install with ``pip install 'visitextract[dask]'``.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from visitextract.batch import Record, ShardTask, extract_payloads, worker_died_records
from visitextract.errors import Errors, SchedulerError
from visitextract.io.readers import parse_date

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from visitextract.api import Extractor

# ------------------------------------------------------------------------------ per-worker cache
_EXTRACTORS: dict[tuple[str | None, tuple[str, ...]], Extractor] = {}
_LOCKS: dict[tuple[str | None, tuple[str, ...]], threading.Lock] = {}
_CACHE_LOCK = threading.Lock()
PIPELINES_BUILT = 0  # in this process; the tests check it stays at one per worker


def worker_extractor(model: str | None = None, user_tables: Sequence[str] = ()) -> Extractor:
    """The Extractor of this process for ``model`` (and alias tables), built on first use and kept."""
    global PIPELINES_BUILT
    key = (model, tuple(user_tables))
    with _CACHE_LOCK:
        ex = _EXTRACTORS.get(key)
        if ex is None:
            from visitextract.api import Extractor

            ex = Extractor(model, user_tables=user_tables)
            _ = ex.nlp
            _EXTRACTORS[key] = ex
            _LOCKS[key] = threading.Lock()
            PIPELINES_BUILT += 1
        return ex


def _extract(
    payloads: Sequence[Mapping[str, Any]],
    model: str | None,
    batch_size: int,
    user_tables: Sequence[str] = (),
    gate: bool = True,
) -> list[Record]:
    ex = worker_extractor(model, user_tables)
    if not gate:
        ex = ex.with_gate(False)  # shares the loaded pipeline
    # One pipeline, one document stream at a time: a spaCy Language is not made for concurrent
    # pipe() calls from several threads of a worker (threads_per_worker > 1).
    with _LOCKS[(model, tuple(user_tables))]:
        return extract_payloads(ex, [dict(p) for p in payloads], batch_size)


def _run_shard(
    payloads_json: str, model: str | None, batch_size: int, user_tables: Sequence[str] = (), gate: bool = True
) -> str:
    records = _extract(json.loads(payloads_json), model, batch_size, user_tables, gate)
    return json.dumps(records, ensure_ascii=False)


def pipelines_built() -> int:
    """How many pipelines this process has built (``client.run(pipelines_built)`` per worker)."""
    return PIPELINES_BUILT


# ------------------------------------------------------------------------------ batch engine
class DaskEngine:
    """Runs the shards of ``visitextract batch`` as Dask tasks.

    Files are read where the command runs and the documents travel to the workers as JSON text, so
    workers need no access to the input files. With no scheduler address, a LocalCluster of
    ``workers`` processes is started and stopped with the batch.
    """

    def __init__(
        self,
        scheduler: str | None,
        *,
        workers: int = 1,
        model: str | None = None,
        batch_size: int = 32,
        user_tables: Sequence[str] = (),
        gate: bool = True,
        connect_timeout: float = 10.0,
    ):
        self.scheduler, self.workers, self.model, self.batch_size = scheduler, workers, model, batch_size
        self.user_tables = list(user_tables)  # paths the workers read: on a cluster, a shared disk
        self.gate = gate
        self.connect_timeout = connect_timeout
        self._client: Any = None
        self._cluster: Any = None

    def start(self) -> None:
        from distributed import Client, LocalCluster

        if self.scheduler:
            try:
                self._client = Client(self.scheduler, timeout=self.connect_timeout)
            except (OSError, ValueError) as exc:  # refused, timed out, unresolvable, malformed address
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise SchedulerError(Errors.E055.format(address=self.scheduler, reason=reason)) from exc
        else:
            self._cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self._client = Client(self._cluster)

    def run(self, tasks: Iterator[ShardTask]) -> Iterator[tuple[int, list[Record]]]:
        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        if self._client is None:
            self.start()
        client = self._client
        limit = max(4, 2 * sum(client.nthreads().values()))
        by_key: dict[str, ShardTask] = {}
        pending = as_completed()

        def submit(task: ShardTask) -> None:
            fut = client.submit(
                _run_shard,
                json.dumps(task.docs),
                self.model,
                self.batch_size,
                self.user_tables,
                self.gate,
                pure=False,
            )
            by_key[fut.key] = task
            pending.add(fut)

        tasks = iter(tasks)
        for task in tasks:
            submit(task)
            if len(by_key) >= limit:
                break
        for fut in pending:
            task = by_key.pop(fut.key)
            try:
                records = json.loads(fut.result())
            except KilledWorker:
                records = self._isolate(task)
            fut.release()
            yield task.index, records
            nxt = next(tasks, None)
            if nxt is not None:
                submit(nxt)

    def _isolate(self, task: ShardTask) -> list[Record]:
        """A shard whose tasks killed workers: one document a task, to find the one that does it."""
        from distributed.scheduler import KilledWorker

        out: list[Record] = []
        for payload in task.docs:
            fut = self._client.submit(
                _run_shard,
                json.dumps([payload]),
                self.model,
                self.batch_size,
                self.user_tables,
                self.gate,
                pure=False,
            )
            try:
                out.extend(json.loads(fut.result()))
            except KilledWorker as exc:
                out.extend(worker_died_records([payload], str(exc)))
        return out

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


# ----------------------------------------------------------------------------- bag / dataframe
def _payload(item: object, default_published: str | None, doc_id: str | None = None) -> dict[str, Any]:
    """Payload for one item of a bag: a text, a ``(text, context)`` pair or a mapping with ``text``."""
    text: object = None
    ctx: Mapping[str, Any] = {}
    if isinstance(item, str):
        text = item
    elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping):
        text, ctx = item[0], item[1]
    elif isinstance(item, Mapping):
        text, ctx = item.get("text"), item
    given = ctx.get("doc_id", ctx.get("id"))
    if given is not None and not (isinstance(given, float) and math.isnan(given)):
        doc_id = str(given)
    published = parse_date(ctx.get("published")) or default_published
    source = {"file": None, "line": None, "index": None, "url": ctx.get("url"), "title": ctx.get("title")}
    payload: dict[str, Any] = {
        "doc_id": doc_id,
        "text": None,
        "published": published,
        "source": source,
        "error": None,
    }
    if isinstance(text, str):
        payload["text"] = text
    else:
        got = f"a {type(item).__name__}" if not isinstance(item, Mapping) else f"'text' = {text!r:.40}"
        message = Errors.E019.format(file="item", where=f"doc {doc_id}", got=got)
        payload["error"] = {"stage": "parse", "message": message, "type": "TypeError"}
    return payload


def _bag_partition(
    items: Iterable[object], model: str | None, published: str | None, batch_size: int
) -> list[Record]:
    payloads = [_payload(item, published) for item in items]
    return _extract(payloads, model, batch_size)


def extract_bag(
    bag: db.Bag, *, model: str | None = None, published: object = None, batch_size: int = 32
) -> db.Bag:
    """A bag of records (dicts), one per item of ``bag``, in the same partitions and order.

    Items are texts, ``(text, {"published", "doc_id"})`` pairs or mappings with ``text`` and optional
    ``id``/``doc_id``, ``published``, ``url``, ``title``; ``published`` is the default date.
    """
    out: db.Bag = bag.map_partitions(
        _bag_partition, model=model, published=_default(published), batch_size=batch_size
    )
    return out


def _default(published: object) -> str | None:
    if published is None:
        return None
    parsed = parse_date(published)
    if parsed is None:
        raise ValueError(Errors.E002.format(value=published))
    return parsed


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, str | list | tuple | dict) else False
    except (TypeError, ValueError):
        return False


def _frame_partition(
    pdf: pd.DataFrame,
    text_column: str,
    id_column: str | None,
    published_column: str | None,
    model: str | None,
    published: str | None,
    batch_size: int,
) -> pd.DataFrame:
    payloads = []
    for index, row in zip(pdf.index, pdf.to_dict("records"), strict=True):
        doc_id = row.get(id_column) if id_column else index
        pub = row.get(published_column) if published_column else None
        pub_value = None if _is_missing(pub) else pub
        text = row.get(text_column)
        item = {
            "text": None if _is_missing(text) else text,
            "id": None if _is_missing(doc_id) else str(doc_id),
            "published": pub_value,
        }
        payloads.append(_payload(item, published))
    records = _extract(payloads, model, batch_size)
    return _documents_frame(records, pdf.index)


def _documents_frame(records: Sequence[Record], index: Any) -> pd.DataFrame:
    import pyarrow as pa

    from visitextract.io.tables import SCHEMAS, flatten_records

    rows = flatten_records(records)["documents"]
    schema = SCHEMAS["documents"].append(pa.field("record", pa.string()))
    for row, record in zip(rows, records, strict=True):
        row["record"] = json.dumps(record, ensure_ascii=False)
    frame = pa.Table.from_pylist(rows, schema=schema).to_pandas()
    frame.index = index
    return frame


def extract_dataframe(
    ddf: dd.DataFrame,
    text_column: str = "text",
    *,
    id_column: str | None = None,
    published_column: str | None = None,
    model: str | None = None,
    published: object = None,
    batch_size: int = 32,
) -> dd.DataFrame:
    """One row per input row: the ``documents`` table columns plus ``record`` (the record as JSON).

    ``doc_id`` comes from ``id_column``, else from the row's index, so the result joins back to
    ``ddf``; flatten ``record`` further with :func:`visitextract.io.tables.flatten_record`.
    """
    import pandas as pd

    meta = _documents_frame([], pd.RangeIndex(0))
    out: dd.DataFrame = ddf.map_partitions(
        _frame_partition,
        text_column,
        id_column,
        published_column,
        model,
        _default(published),
        batch_size,
        meta=meta,
    )
    return out
