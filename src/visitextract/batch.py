"""``visitextract batch``: many files in, one table-ready output out, resumable after any kill.

Design (docs/batch.md has the long form):

1. *Plan*: the inputs are expanded and sorted; each file's document count is known up front (1 for
   a text or HTML file, lines or items for JSON Lines and JSON), so document ``i`` of the batch is
   the same on every run of the same command.
2. *Shards*: documents ``[k*B, (k+1)*B)`` form shard ``k`` (``B`` = ``--batch-size``). A finished shard
   is written to ``<output>.work/shards/`` under a temporary name, fsynced and renamed: it exists
   whole or not at all. Each shard holds exactly one record per document, success or error.
3. *Resume*: a new run with the same command finds the work directory, checks that the inputs and
   options are the same (``manifest.json``), skips the finished shards and does the rest.
4. *Assembly*: when every shard exists, the output is built from the shards in order under a
   temporary name and renamed into place; then the work directory is removed. Shards keep each
   document's own person ids; the assembly links people across all records in document order
   (``visitextract.normalize.people``), so a resumed batch gives the same ids as an uninterrupted one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from visitextract.errors import BatchInputError, Errors
from visitextract.io.readers import (
    DEFAULT_KEYS,
    SUFFIX_KINDS,
    DiscoveryReport,
    DocError,
    InputDoc,
    RecordKeys,
    SourceFile,
    count_documents,
    discover,
    parse_date,
    read_documents,
)
from visitextract.limits import DEFAULT_BATCH_SIZE, DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT

if TYPE_CHECKING:
    from visitextract.api import Extractor

MANIFEST_VERSION = 1
SUFFIXES_READ = tuple(SUFFIX_KINDS)
RECORD_LISTS = ("people", "visits", "meetings", "statements", "mentions", "organizations")
Record = dict[str, Any]
Payload = dict[str, Any]


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    duckdb = "duckdb"
    csv = "csv"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".duckdb": "duckdb",
    ".db": "duckdb",
    ".csv": "csv",
}


_EXAMPLE_NAMES = {
    "jsonl": "out.jsonl",
    "parquet": "out/tables.parquet, or a folder",
    "duckdb": "out.duckdb",
    "csv": "visits.csv",
}


def infer_format(output: str) -> str:
    """The format a path asks for: by suffix; a folder (existing, or no suffix) means Parquet tables."""
    if output == "-":
        return "jsonl"
    path = Path(output)
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt:
        return fmt
    if path.is_dir() or output.endswith(("/", os.sep)) or not path.suffix:
        return "parquet"
    raise BatchInputError(Errors.E013.format(path=output))


@dataclass
class BatchConfig:
    """Everything that decides what a batch writes (the CLI options, for Python callers)."""

    inputs: Sequence[str | os.PathLike[str]]
    output: str
    format: str | None = None
    workers: int = 1
    model: str | None = None
    published: str | None = None
    batch_size: int = 32
    engine: str = "local"
    scheduler: str | None = None
    restart: bool = False
    keep_work: bool = False
    aliases: Sequence[str | os.PathLike[str]] = ()  # user alias tables (Gazetteer.load(user_tables=...))
    max_chars: int | None = DEFAULT_MAX_CHARS  # longer documents are error records ([E038], [E045])
    time_limit: float | None = DEFAULT_TIME_LIMIT  # seconds per document ([E039]); None or 0: none
    root: str | os.PathLike[str] | None = None  # doc ids are paths relative to it (default: see discover)
    gate: bool = True  # the relevance gate (Extractor(gate=...)); --no-gate turns it off
    text_key: str | None = None  # JSON / JSON Lines fields (None: text; id, doc_id; published, date)
    id_key: str | None = None
    date_key: str | None = None

    def keys(self) -> RecordKeys:
        return RecordKeys.of(self.text_key, self.id_key, self.date_key)


@dataclass
class BatchSummary:
    output: str
    format: str
    files: int = 0
    documents: int = 0
    records: int = 0
    errors: int = 0
    resumed: int = 0
    seconds: float = 0.0
    written: list[str] = field(default_factory=list)
    error_samples: list[tuple[str, str, str]] = field(default_factory=list)
    duplicate_ids: int = 0
    events: int | None = None  # events across documents (None: not computed, as for -o -)
    empty_documents: int = 0  # documents with no text ([E029] in source.warnings)
    discovery: DiscoveryReport = field(default_factory=DiscoveryReport)

    def lines(self) -> list[str]:
        """The end-of-batch report (plain text: it also lands in CI logs)."""
        out = [
            f"{_n(self.files, 'file')}, {_n(self.documents, 'document')}, {_n(self.records, 'record')} "
            f"written ({self.resumed} from an earlier run), {_n(self.errors, 'error')}, {self.seconds:.1f} s"
        ]
        if self.written:
            out.append(f"output ({self.format}): " + ", ".join(self.written))
        if self.events is not None:
            out.append(f"{_n(self.events, 'event')} across documents (one per real-world visit or meeting)")
        for file, stage, message in self.error_samples:
            out.append(f"  error in {file} at {stage}: {message}")
        if self.errors > len(self.error_samples):
            out.append(f"  ... {self.errors - len(self.error_samples)} more (see the records' 'error' field)")
        if self.duplicate_ids:
            out.append(f"warning: {self.duplicate_ids} documents share a doc_id with an earlier one")
        out.extend(f"warning: {p}" for p in self.problems(errors=False))
        return out

    def problems(self, *, errors: bool = True) -> list[str]:
        """What a --strict batch fails on: inputs left out, empty documents, error records."""
        found: list[str] = []
        d = self.discovery
        if d.n_skipped:
            kinds = ", ".join(f"{suffix} {n}" for suffix, n in sorted(d.skipped.items()))
            found.append(
                f"skipped {_n(d.n_skipped, 'file')} of a suffix that is not read ({kinds}; e.g. "
                f"{', '.join(d.skipped_examples)}); the suffixes read are {', '.join(SUFFIXES_READ)}"
            )
        for folder in d.unreadable:
            found.append(f"could not read the folder {folder}: its files are not in the output")
        for folder in d.empty_inputs:
            found.append(f"the input folder {folder} holds no file to read")
        if self.documents == 0:
            found.append("no documents in the inputs: the output is empty")
        if self.empty_documents:
            found.append(f"{_n(self.empty_documents, 'document')} without text ([E029] in source.warnings)")
        if errors and self.errors:
            found.append(f"{_n(self.errors, 'error record')} (see the records' 'error' field)")
        return found


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class Progress(Protocol):
    def start(self, total: int, completed: int) -> None: ...

    def advance(self, n: int) -> None: ...

    def stop(self) -> None: ...

    def note(self, message: str) -> None:
        """A status line before extraction starts ("loading the spaCy pipeline ...")."""
        ...


class NoProgress:
    def start(self, total: int, completed: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def stop(self) -> None:
        pass

    def note(self, message: str) -> None:
        pass


def _duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h07m``: short enough for a log line."""
    s = max(0, round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


PROGRESS_ENV = "VISITEXTRACT_PROGRESS_SECONDS"


class LineProgress:
    """Plain progress lines for logs and pipes (stderr not a terminal): done/total, rate and ETA,
    at most one line every ``interval`` seconds (``$VISITEXTRACT_PROGRESS_SECONDS``, default 10),
    plus the first and the last."""

    def __init__(self, stream: Any = None, interval: float | None = None) -> None:
        self.stream = stream
        if interval is None:
            try:
                interval = float(os.environ.get(PROGRESS_ENV, "") or 10)
            except ValueError:
                interval = 10.0
        self.interval = interval
        self.total = self.done = self.base = 0
        self._started = self._last = 0.0

    def _write(self, line: str) -> None:
        stream = self.stream or sys.stderr
        stream.write(line + "\n")
        stream.flush()

    def note(self, message: str) -> None:
        self._write(message)

    def start(self, total: int, completed: int) -> None:
        self.total, self.done, self.base = total, completed, completed
        self._started = self._last = time.perf_counter()
        earlier = f" ({completed} done by an earlier run)" if completed else ""
        self._write(f"extracting {_n(total, 'document')}{earlier}")

    def _line(self, now: float, final: bool) -> str:
        elapsed = now - self._started
        rate = (self.done - self.base) / elapsed if elapsed > 0 else 0.0
        pct = 100.0 * self.done / self.total if self.total else 100.0
        head = f"extracting: {self.done}/{self.total} documents ({pct:.0f}%), {rate:,.1f} docs/s"
        if final:
            return f"{head}, {_duration(elapsed)}"
        left = self.total - self.done
        eta = _duration(left / rate) if rate > 0 else "unknown"
        return f"{head}, ETA {eta}"

    def advance(self, n: int) -> None:
        self.done += n
        now = time.perf_counter()
        if self.done < self.total and now - self._last >= self.interval:
            self._last = now
            self._write(self._line(now, final=False))

    def stop(self) -> None:
        if self._started:
            self._write(self._line(time.perf_counter(), final=True))
            self._started = 0.0


def make_progress(quiet: bool = False) -> Progress:
    """What the command line shows on stderr: a bar on a terminal, lines in a log, nothing if quiet."""
    if quiet:
        return NoProgress()
    if sys.stderr.isatty():
        return RichProgress()
    return LineProgress()


# ---------------------------------------------------------------------------------------- plan
@dataclass(frozen=True)
class PlanEntry:
    src: SourceFile
    start: int
    count: int


@dataclass(frozen=True)
class ShardTask:
    index: int
    docs: list[Payload]


@dataclass(frozen=True)
class _Part:
    """Part ``number`` of shard ``shard`` (:func:`split_shard`): a worker's unit of work (PoolEngine)."""

    shard: int
    number: int
    docs: list[Payload]


def split_shard(docs: Sequence[Payload], size: int) -> list[list[Payload]]:
    """A shard's payloads in consecutive parts of ``size`` payloads to extract each (payloads that
    already hold an error ride along in their part; the last part may be shorter).

    ``extract_payloads`` sends a shard's documents through ``Extractor.pipe`` in batches of
    ``min(batch size, the Extractor's batch size)``; with that ``size`` each part is exactly one of
    those batches, so the parts go through spaCy in the same groups as the whole shard: the same
    records, with the extraction divided into smaller units of work.
    """
    parts: list[list[Payload]] = []
    current: list[Payload] = []
    n = 0
    for payload in docs:
        if payload.get("error") is None:
            if n == size:
                parts.append(current)
                current, n = [], 0
            n += 1
        current.append(payload)
    if current or not parts:
        parts.append(current)
    return parts


def build_plan(files: Sequence[SourceFile], max_chars: int | None = DEFAULT_MAX_CHARS) -> list[PlanEntry]:
    plan, start = [], 0
    for src in files:
        n = count_documents(src, max_chars)
        plan.append(PlanEntry(src, start, n))
        start += n
    return plan


def plan_digest(plan: Sequence[PlanEntry]) -> str:
    """Changes when a file is added, removed, resized or touched: then old shards no longer fit."""
    h = hashlib.sha256()
    for e in plan:
        try:
            st = e.src.path.stat()
            size, mtime = st.st_size, st.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        h.update(f"{e.src.rel}\t{size}\t{mtime}\t{e.count}\n".encode())
    return h.hexdigest()


def _documents(
    plan: Sequence[PlanEntry],
    wanted: Callable[[int], bool],
    max_chars: int | None = DEFAULT_MAX_CHARS,
    keys: RecordKeys = DEFAULT_KEYS,
) -> Iterator[tuple[int, InputDoc]]:
    """(global index, document) for the wanted indices; files with none wanted are not even read."""
    for e in plan:
        if not any(wanted(i) for i in range(e.start, e.start + e.count)):
            continue
        docs = list(islice(read_documents(e.src, max_chars, keys), e.count))
        while len(docs) < e.count:  # the file shrank since it was planned: keep one record per document
            n = len(docs)
            msg = Errors.E022.format(file=e.src.display, expected=e.count, got=n)
            error = DocError(stage="read", message=msg, type="FileChanged")
            docs.append(InputDoc(doc_id=f"{e.src.rel}#missing-{n}", file=e.src.display, error=error))
        for k, doc in enumerate(docs):
            if wanted(e.start + k):
                yield e.start + k, doc


def shard_tasks(
    plan: Sequence[PlanEntry],
    pending: Sequence[int],
    batch_size: int,
    default_published: str | None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    keys: RecordKeys = DEFAULT_KEYS,
) -> Iterator[ShardTask]:
    """The documents of the pending shards, grouped by shard, as JSON-able payloads."""
    todo = set(pending)
    current: ShardTask | None = None
    for i, doc in _documents(plan, lambda i: i // batch_size in todo, max_chars, keys):
        k = i // batch_size
        if current is None or current.index != k:
            if current is not None:
                yield current
            current = ShardTask(k, [])
        if max_chars is not None and doc.error is None and len(doc.text or "") > max_chars:
            # refused here, whatever the engine: the workers never receive it
            msg = Errors.E038.format(length=len(doc.text or ""), limit=max_chars)
            doc.error, doc.text = DocError(stage="read", message=msg, type="TooLong"), None
        payload = doc.to_payload()
        if payload["published"] is None and default_published and doc.error is None:
            payload["published"] = default_published
            payload["source"]["published_from"] = "default"
        current.docs.append(payload)
    if current is not None:
        yield current


# ---------------------------------------------------------------------------------- extraction
def make_record(
    payload: Mapping[str, Any], extraction: Mapping[str, Any] | None, error: Mapping[str, Any] | None
) -> Record:
    """One output line: the Extraction JSON plus ``source`` and ``error`` (null on success).

    Error records have the same keys with empty lists, so every line loads into one table.
    """
    source = payload.get("source")
    data = extraction if extraction is not None else {}
    record: Record = {
        "doc_id": payload.get("doc_id"),
        "published": data.get("published", payload.get("published")),
        "error": None,
        "source": dict(source) if source is not None else None,
    }
    if error is not None:
        record["error"] = {
            "file": source.get("file") if source else None,
            "line": source.get("line") if source else None,
            "stage": error["stage"],
            "message": error["message"],
            "type": error.get("type"),
        }
    for name in RECORD_LISTS:
        record[name] = list(data.get(name) or []) if error is None else []
    record["gated"] = bool(data.get("gated", False)) if error is None else False
    return record


class DocumentTimeout(BaseException):
    """Raised by the alarm of :func:`time_limit` inside the extraction (a BaseException, so that no
    ``except Exception`` in the pipeline swallows it)."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this thread after ``seconds`` (None or 0: no limit).

    A SIGALRM timer: it interrupts a regex or the tokenizer between two Python steps, which is
    where a runaway document spends its time. Signals reach only the main thread of a process,
    which is where the local engine and the ``--workers`` processes extract; elsewhere (Dask's
    worker threads) there is no limit.
    """
    usable = (
        seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def time_budget(seconds: float | None, chars: int) -> float | None:
    """``--time-limit`` for a text of ``chars`` characters: the limit up to 1,000,000 characters,
    proportionally more beyond (time is linear in the length: a 10 MB text takes ~8 minutes)."""
    return None if not seconds else seconds * max(1.0, chars / 1_000_000)


def extract_payloads(
    extractor: Extractor,
    payloads: Sequence[Payload],
    batch_size: int = 32,
    seconds: float | None = None,
) -> list[Record]:
    """Records for documents, one per payload, in order; an exception costs one document, not the batch.

    The documents go through ``Extractor.pipe`` together; a document it cannot extract comes back
    as an error result (stage "extract"). If the batch raises, or takes longer than its budget, its
    documents are redone one by one, each with its own, so that only the document that fails or
    runs away becomes an error record ([E021], [E039]). The budget is ``seconds`` for up to
    1,000,000 characters and proportionally more beyond (:func:`time_budget`). A record that cannot
    take the table types becomes an error record at stage "write".
    """
    todo = [k for k, p in enumerate(payloads) if p.get("error") is None]
    items = [
        (payloads[k]["text"] or "", {"published": payloads[k]["published"], "doc_id": payloads[k]["doc_id"]})
        for k in todo
    ]
    _ = extractor.nlp  # loaded before any alarm is set
    results: list[Any]
    try:
        # people are linked across the whole batch when the output is assembled, not per shard
        with time_limit(time_budget(seconds, sum(len(text) for text, _ in items))):
            results = [
                e.model_dump(mode="json")
                for e in extractor.pipe(
                    items,
                    # spaCy's batch: the extractor's (memory grows with it), at most the shard
                    batch_size=max(1, min(batch_size, extractor.batch_size, len(items))),
                    link_people=False,
                )
            ]
    except (Exception, DocumentTimeout):
        results = []
        for item in items:
            try:
                with time_limit(time_budget(seconds, len(item[0]))):
                    results.append(next(extractor.pipe([item], link_people=False)).model_dump(mode="json"))
            except DocumentTimeout as exc:
                results.append(exc)
            except Exception as exc:
                results.append(exc)
    from visitextract.io.tables import check_records  # pyarrow: imported when there is work, not by the CLI

    by_index = dict(zip(todo, results, strict=True))
    records: list[Record] = []
    extracted: list[int] = []  # the records with an Extraction
    for k, payload in enumerate(payloads):
        if payload.get("error") is not None:
            records.append(utf8_safe(make_record(payload, None, payload["error"])))
            continue
        result = by_index[k]
        error: dict[str, Any] | None = None
        if isinstance(result, DocumentTimeout):
            msg = Errors.E039.format(seconds=time_budget(seconds, len(payload["text"] or "")) or 0)
            error = {"stage": "extract", "message": msg, "type": "TimeLimit"}
        elif isinstance(result, Exception):
            msg = Errors.E021.format(type=type(result).__name__, reason=result)
            error = {"stage": "extract", "message": msg, "type": type(result).__name__}
        elif result.get("error"):  # Extractor.pipe's error result for this item
            error = {
                "stage": "extract",
                "message": result["error"]["message"],
                "type": result["error"]["type"],
            }
        if error is not None:
            records.append(utf8_safe(make_record(payload, None, error)))
            continue
        extracted.append(k)
        records.append(utf8_safe(make_record(payload, result, None)))
    # a record that cannot take the table types is an error record (checked for the shard at once)
    for k, problem in zip(extracted, check_records([records[k] for k in extracted]), strict=True):
        if problem is not None:
            msg = Errors.E028.format(type=type(problem).__name__, reason=problem)
            error = {"stage": "write", "message": msg, "type": type(problem).__name__}
            records[k] = utf8_safe(make_record(payloads[k], None, error))
    return records


def utf8_safe(record: Record) -> Record:
    """The record, with lone surrogates in any string written as ``\\udXXX`` escapes.

    Nothing the readers make holds one, but a record that did would kill the shard writer
    (UnicodeEncodeError) at the same shard on every resume: no output, ever.
    """
    from visitextract.io.writers import dumps

    try:
        dumps(record).encode("utf-8")
    except UnicodeEncodeError:
        from visitextract.api import safe_text

        def fix(value: Any) -> Any:
            if isinstance(value, str):
                return safe_text(value)
            if isinstance(value, dict):
                return {fix(k): fix(v) for k, v in value.items()}
            if isinstance(value, list):
                return [fix(v) for v in value]
            return value

        fixed: Record = fix(record)
        return fixed
    return record


def worker_died_records(payloads: Sequence[Payload], reason: str) -> list[Record]:
    msg = Errors.E026.format(reason=reason)
    return [
        utf8_safe(make_record(p, None, {"stage": "extract", "message": msg, "type": "WorkerDied"}))
        for p in payloads
    ]


class ShardEngine(Protocol):
    """Runs shard tasks somewhere; yields (shard index, records), in any order."""

    def run(self, tasks: Iterator[ShardTask]) -> Iterator[tuple[int, list[Record]]]: ...

    def close(self) -> None: ...


class InProcessEngine:
    """``--workers 1``: extraction in this process (no start-up cost, plain tracebacks)."""

    def __init__(
        self,
        model: str | None,
        batch_size: int,
        user_tables: Sequence[str] = (),
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        gate: bool = True,
    ) -> None:
        from visitextract.api import Extractor

        # the batch refuses documents over --max-chars itself (shard_tasks), before any engine
        self.extractor = Extractor(model, user_tables=user_tables, max_chars=None, gate=gate)
        self.batch_size = batch_size
        self.time_limit = time_limit

    def start(self) -> None:
        """Load the pipeline now, so that "loading" is shown before the progress display starts."""
        _ = self.extractor.nlp

    def run(self, tasks: Iterator[ShardTask]) -> Iterator[tuple[int, list[Record]]]:
        for task in tasks:
            yield task.index, extract_payloads(self.extractor, task.docs, self.batch_size, self.time_limit)

    def close(self) -> None:
        pass


# Worker-process state for PoolEngine: one Extractor per process, built by the pool initializer.
_POOL_EXTRACTOR: Extractor | None = None
_POOL_BATCH = 32
_POOL_TIME_LIMIT: float | None = None


def _watch_parent(parent: int) -> None:
    """Exit when the batch process is gone (a SIGKILLed parent cannot stop its workers itself)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


# In the batch process, from loading to the fork of the workers: the Extractor they inherit.
_FORKED: Extractor | None = None


def _pool_init(
    model: str | None,
    batch_size: int,
    parent: int,
    user_tables: Sequence[str] = (),
    time_limit: float | None = None,
    gate: bool = True,
    inherit: bool = False,
) -> None:
    """Worker set-up: the Extractor of the process this worker was forked from (``inherit``, its
    pipeline loaded), else one loaded here."""
    global _POOL_EXTRACTOR, _POOL_BATCH, _POOL_TIME_LIMIT
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    shared = _FORKED if inherit else None
    if shared is None:
        from visitextract.api import Extractor

        shared = Extractor(model, user_tables=user_tables, max_chars=None, gate=gate, threads=1)
        _ = shared.nlp
    _POOL_EXTRACTOR = shared
    _POOL_BATCH = batch_size
    _POOL_TIME_LIMIT = time_limit


def _pool_run(payloads_json: str) -> str:
    """JSON text in, JSON text out: nothing but plain strings crosses the process boundary."""
    assert _POOL_EXTRACTOR is not None
    return json.dumps(
        extract_payloads(_POOL_EXTRACTOR, json.loads(payloads_json), _POOL_BATCH, _POOL_TIME_LIMIT),
        ensure_ascii=False,
    )


def _pool_ping() -> int:
    return os.getpid()


class PoolEngine:
    """``--workers N``: N worker processes (like ``Extractor.pipe`` with ``n_process``), plus what a
    long batch needs: a document that kills its worker (a crash, the out-of-memory killer) becomes
    an error record and the pool is rebuilt.

    On Linux the pipeline is loaded once, here, and the workers are forked from this process before
    any other thread starts: they share its pages (copy-on-write) and start at once. A pool rebuilt
    while the batch runs (its progress display is a thread, and a forked child of a threaded parent
    can deadlock) is spawned, each worker loading its own pipeline; so is every pool elsewhere.
    """

    def __init__(
        self,
        model: str | None,
        batch_size: int,
        workers: int,
        user_tables: Sequence[str] = (),
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        gate: bool = True,
    ) -> None:
        self.model, self.batch_size, self.workers = model, batch_size, workers
        self.user_tables = list(user_tables)
        self.time_limit = time_limit
        self.gate = gate
        # documents a worker extracts in one go: one batch of the workers' Extractor.pipe
        self.part_size = max(1, min(batch_size, DEFAULT_BATCH_SIZE))
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self, *, fork: bool = False) -> ProcessPoolExecutor:
        import multiprocessing

        from visitextract.api import fork_context

        global _FORKED
        ctx = fork_context() if fork else None
        if ctx is not None:
            from visitextract.api import Extractor

            # threads=1: each worker process keeps to its own core
            _FORKED = Extractor(
                self.model, user_tables=self.user_tables, max_chars=None, gate=self.gate, threads=1
            )
            import visitextract.io.tables  # noqa: F401  (pyarrow, which every worker uses: shared too)

            _FORKED.share_with_workers()
        else:
            ctx = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=ctx,
            initializer=_pool_init,
            initargs=(
                self.model,
                self.batch_size,
                os.getpid(),
                self.user_tables,
                self.time_limit,
                self.gate,
                fork,
            ),
        )

    def start(self) -> None:
        """Start the workers now (before a progress display starts its thread) and wait until ready."""
        global _FORKED
        self._pool = self._new_pool(fork=True)
        try:
            # with fork, every worker starts on the first submission, before the pool's own thread
            for f in [self._pool.submit(_pool_ping) for _ in range(self.workers)]:
                f.result()
        finally:
            if _FORKED is not None:
                # the workers have their copy: this process needs none (a rebuilt pool is spawned)
                import gc

                _FORKED = None
                gc.unfreeze()
                gc.collect()

    def run(self, tasks: Iterator[ShardTask]) -> Iterator[tuple[int, list[Record]]]:
        """The shards' records, each shard as soon as all its parts are back (in any order).

        A worker's unit of work is a part of a shard (:func:`split_shard`), not the shard: with
        twice as many units, the workers run out of work at nearly the same moment at the end of
        the batch, where whole shards left one worker idle for up to a shard's time.
        """
        if self._pool is None:
            self.start()
        assert self._pool is not None
        limit = 2 * self.workers
        inflight: dict[Future[str], tuple[_Part, int]] = {}
        retry: list[tuple[_Part, int]] = []
        # records of the parts back so far, by shard (None: not back yet)
        slots: dict[int, list[list[Record] | None]] = {}

        def parts() -> Iterator[_Part]:
            for task in tasks:
                split = split_shard(task.docs, self.part_size)
                slots[task.index] = [None] * len(split)
                for number, docs in enumerate(split):
                    yield _Part(task.index, number, docs)

        def finish(part: _Part, records: list[Record]) -> Iterator[tuple[int, list[Record]]]:
            got = slots[part.shard]
            got[part.number] = records
            if all(r is not None for r in got):
                del slots[part.shard]
                yield part.shard, [record for r in got if r is not None for record in r]

        source = parts()
        exhausted = False
        while True:
            while len(inflight) < limit and (retry or not exhausted):
                if retry:
                    part, attempt = retry.pop()
                else:
                    nxt = next(source, None)
                    if nxt is None:
                        exhausted = True
                        break
                    part, attempt = nxt, 0
                inflight[self._pool.submit(_pool_run, json.dumps(part.docs))] = (part, attempt)
            if not inflight:
                return
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            broken: list[tuple[_Part, int]] = []
            for fut in done:
                part, attempt = inflight.pop(fut)
                try:
                    records = json.loads(fut.result())
                except BrokenProcessPool:
                    broken.append((part, attempt))
                    continue
                yield from finish(part, records)
            if broken:
                # A dead worker fails every task in flight; all are retried on a new pool, and a
                # part that breaks a pool twice is redone one document at a time.
                broken += list(inflight.values())
                inflight.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                for part, attempt in broken:
                    if attempt >= 1:
                        yield from finish(part, self._isolate(part.docs))
                    else:
                        retry.append((part, attempt + 1))

    def _isolate(self, docs: Sequence[Payload]) -> list[Record]:
        records: list[Record] = []
        for payload in docs:
            assert self._pool is not None
            try:
                records.extend(json.loads(self._pool.submit(_pool_run, json.dumps([payload])).result()))
            except BrokenProcessPool as exc:
                records.extend(worker_died_records([payload], str(exc) or "process pool broken"))
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
        return records

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


# -------------------------------------------------------------------------------- work directory
# A work folder holds this file from its creation on: without it, a folder is not ours to touch.
WORK_MARKER = ".visitextract-work"


def work_dir_for(output: Path) -> Path:
    """The sidecar folder of an unfinished batch: ``out/tables.parquet`` -> ``out/tables.parquet.work``."""
    return output.with_name(output.name + ".work")


class WorkDir:
    """Finished shards, the manifest of the batch that made them, and temporaries."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.shards = path / "shards"
        self.tmp = path / "tmp"
        self._lock_fh: Any = None

    def prepare(self, manifest: Mapping[str, Any], restart: bool) -> None:
        """Create or reopen the folder; refuse one made by a different command (unless restart).

        The folder is ours only with our marker file in it (or an empty one): an existing
        ``<output>.work`` made by anyone else is never written to or deleted ([E043]). The lock is
        taken before anything in the folder changes, also with ``restart``: another run writing to
        the same output keeps its work ([E030]).
        """
        if self.path.exists() and not self.path.is_dir():
            raise BatchInputError(
                Errors.E023.format(
                    path=self.path, what="a file", expected="a work folder of visitextract batch"
                )
            )
        self.path.mkdir(parents=True, exist_ok=True)
        if not self._ours():
            raise BatchInputError(Errors.E043.format(workdir=self.path, marker=WORK_MARKER))
        self._lock()
        marker = self.path / WORK_MARKER
        if not marker.exists():
            marker.write_text("visitextract batch work folder: finished shards of an unfinished batch\n")
        if restart:
            for child in self.path.iterdir():
                if child.name in (WORK_MARKER, "lock"):
                    continue
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        old = self._read_manifest()
        if old is not None and old != dict(manifest):
            diff = [k for k in manifest if old.get(k) != manifest[k]]
            raise BatchInputError(Errors.E014.format(workdir=self.path, what=", ".join(diff) or "version"))
        if old is None:  # new, or killed before the manifest was written: nothing in it can be trusted
            shutil.rmtree(self.shards, ignore_errors=True)
            self._write_json(self.path / "manifest.json", manifest)
        self.shards.mkdir(exist_ok=True)
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir()

    def _ours(self) -> bool:
        """Our marker is in the folder, or the folder is empty (or only holds our lock file), or it
        is the work folder of an earlier version (our manifest, before there was a marker)."""
        names = {p.name for p in self.path.iterdir()}
        if WORK_MARKER in names or names <= {"lock"}:
            return True
        old = self._read_manifest()
        return old is not None and {"visitextract", "inputs_digest", "batch_size"} <= old.keys()

    def _lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory lock
            return
        self._lock_fh = (self.path / "lock").open("w")
        try:
            fcntl.flock(self._lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise BatchInputError(Errors.E030.format(workdir=self.path)) from exc

    def release(self) -> None:
        if self._lock_fh is not None:
            self._lock_fh.close()
            self._lock_fh = None

    def _read_manifest(self) -> dict[str, Any] | None:
        try:
            data = json.loads((self.path / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _write_json(self, path: Path, data: Mapping[str, Any]) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    def shard_path(self, index: int) -> Path:
        return self.shards / f"{index:08d}.jsonl"

    def finished(self, expected: Callable[[int], int]) -> set[int]:
        """Shards present with the right number of lines (others are removed and redone)."""
        done = set()
        for path in self.shards.glob("*.jsonl"):
            try:
                index = int(path.stem)
                with path.open("rb") as fh:
                    lines = sum(1 for _ in fh)
            except (ValueError, OSError):
                path.unlink(missing_ok=True)
                continue
            if lines == expected(index):
                done.add(index)
            else:
                path.unlink(missing_ok=True)
        return done

    def write_shard(self, index: int, records: Sequence[Mapping[str, Any]]) -> None:
        from visitextract.io.writers import dumps

        tmp = self.tmp / f"{index:08d}.jsonl.part"
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write("".join(dumps(r) + "\n" for r in records))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.shard_path(index))

    def read_shard(self, index: int) -> list[Record]:
        with self.shard_path(index).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]

    def remove(self) -> None:
        self.release()
        shutil.rmtree(self.path, ignore_errors=True)


# ------------------------------------------------------------------------------------ the runner
def _check_config(cfg: BatchConfig) -> tuple[str, str | None]:
    limits = [("workers", cfg.workers), ("batch-size", cfg.batch_size)]
    if cfg.max_chars is not None:
        limits.append(("max-chars", cfg.max_chars))
    for option, value in limits:
        if value < 1:
            raise BatchInputError(Errors.E024.format(option=option, value=value))
    if cfg.time_limit is not None and cfg.time_limit < 0:
        raise BatchInputError(Errors.E046.format(value=cfg.time_limit))
    asked = cfg.format.value if isinstance(cfg.format, Enum) else cfg.format
    fmt = (asked or infer_format(cfg.output)).lower()
    if fmt not in {f.value for f in OutputFormat}:
        raise BatchInputError(Errors.E013.format(path=cfg.output))
    suffix = Path(cfg.output).suffix.lower() if cfg.output != "-" else ""
    implied = _SUFFIX_FORMATS.get(suffix)
    if asked and implied and implied != fmt:
        raise BatchInputError(
            Errors.E053.format(
                path=cfg.output, implied=implied, suffix=suffix, format=fmt, example=_EXAMPLE_NAMES[fmt]
            )
        )
    if cfg.output == "-" and fmt != "jsonl":
        raise BatchInputError(Errors.E015.format(format=fmt))
    engine = cfg.engine.value if isinstance(cfg.engine, Enum) else cfg.engine
    if cfg.scheduler and engine != "dask":
        raise BatchInputError(Errors.E025.format(engine=engine))
    default_published = None
    if cfg.published:
        default_published = parse_date(cfg.published)
        if default_published is None:
            raise BatchInputError(Errors.E002.format(value=cfg.published))
    if cfg.output != "-":
        out = Path(cfg.output)
        if fmt == "parquet" and out.exists() and not out.is_dir():
            raise BatchInputError(
                Errors.E023.format(path=out, what="a file", expected="a folder for Parquet tables")
            )
        if fmt != "parquet" and out.is_dir():
            raise BatchInputError(Errors.E023.format(path=out, what="a folder", expected=f"a {fmt} file"))
    return fmt, default_published


def make_engine(cfg: BatchConfig, shards: int | None = None) -> ShardEngine:
    """The engine for ``cfg``; ``shards``: how many shards there are to do, when known (a single
    shard would keep one worker busy: it is done in this process, as with ``--workers 1``)."""
    engine = cfg.engine.value if isinstance(cfg.engine, Enum) else cfg.engine
    if engine == "dask":
        try:
            from visitextract.distributed import DaskEngine
        except ImportError as exc:
            raise BatchInputError(Errors.E016.format(reason=exc)) from exc
        return DaskEngine(
            cfg.scheduler,
            workers=cfg.workers,
            model=cfg.model,
            batch_size=cfg.batch_size,
            user_tables=_alias_paths(cfg),
            gate=cfg.gate,
        )
    if cfg.workers > 1 and (shards is None or shards > 1):
        return PoolEngine(cfg.model, cfg.batch_size, cfg.workers, _alias_paths(cfg), cfg.time_limit, cfg.gate)
    return InProcessEngine(cfg.model, cfg.batch_size, _alias_paths(cfg), cfg.time_limit, cfg.gate)


def _loading_message(cfg: BatchConfig, model: str) -> str:
    engine = cfg.engine.value if isinstance(cfg.engine, Enum) else cfg.engine
    if engine == "dask":
        where = f"the Dask scheduler {cfg.scheduler}" if cfg.scheduler else "a local Dask cluster"
        return f"connecting to {where} (each worker loads the spaCy pipeline {model} on its first task)"
    if cfg.workers > 1:
        return f"loading the spaCy pipeline {model} for {cfg.workers} worker processes ..."
    return f"loading the spaCy pipeline {model} ..."


def _alias_paths(cfg: BatchConfig) -> list[str]:
    """The user alias tables as absolute paths (workers may run in another directory)."""
    return [str(Path(p).resolve()) for p in cfg.aliases]


def _check_aliases(cfg: BatchConfig) -> str | None:
    """Load the user alias tables once, before any work, so a bad row fails the command at once;
    the digest of their contents goes into the manifest (other aliases, other records)."""
    if not cfg.aliases:
        return None
    from visitextract.normalize.gazetteer import Gazetteer

    h = hashlib.sha256()
    for path in _alias_paths(cfg):
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise BatchInputError(Errors.E033.format(path=path, reason=exc.strerror or exc)) from exc
        h.update(path.encode() + b"\0" + hashlib.sha256(data).digest())
    try:
        Gazetteer.load(user_tables=_alias_paths(cfg))  # a bad row raises KnowledgeTableError (E005)
    except ImportError as exc:  # a YAML table without PyYAML
        raise BatchInputError(Errors.E033.format(path=", ".join(map(str, cfg.aliases)), reason=exc)) from exc
    return h.hexdigest()


def run_batch(
    cfg: BatchConfig, progress: Progress | None = None, engine: ShardEngine | None = None
) -> BatchSummary:
    """Run (or resume) a batch; returns what was done. Raises BatchInputError before any work."""
    from visitextract import __version__
    from visitextract.api import resolve_model_name

    t0 = time.perf_counter()
    progress = progress or NoProgress()
    fmt, default_published = _check_config(cfg)
    aliases_digest = _check_aliases(cfg)
    output = None if cfg.output == "-" else Path(cfg.output)
    work = work_dir_for(output) if output is not None else None
    exclude = [p for p in (output, work) if p is not None]
    if fmt == "csv" and output is not None:
        from visitextract.io.writers import csv_documents_path

        exclude.append(csv_documents_path(output))
    if output is not None:  # the events files beside the output are outputs too, never inputs
        from visitextract.io.writers import events_paths

        exclude.extend(events_paths(fmt, output))
    report = DiscoveryReport()
    files = discover(cfg.inputs, exclude=exclude, root=cfg.root, report=report)
    plan = build_plan(files, cfg.max_chars)
    total = sum(e.count for e in plan)
    size = cfg.batch_size
    n_shards = (total + size - 1) // size
    keys = cfg.keys()
    summary = BatchSummary(output=cfg.output, format=fmt, files=len(files), documents=total, discovery=report)
    model = resolve_model_name(cfg.model)

    def started(eng: ShardEngine) -> None:
        t = time.perf_counter()
        progress.note(_loading_message(cfg, model))
        _start(eng)
        progress.note(f"ready in {time.perf_counter() - t:.1f} s")

    if output is None:  # standard output: stream in input order, no resume
        eng = engine or make_engine(cfg, n_shards)
        try:
            if total:
                started(eng)
            progress.start(total, 0)
            from visitextract.io.writers import StdoutWriter

            _stream(
                eng,
                shard_tasks(plan, range(n_shards), size, default_published, cfg.max_chars, keys),
                StdoutWriter(),
                summary,
                progress,
            )
        finally:
            progress.stop()
            eng.close()
        summary.seconds = time.perf_counter() - t0
        return summary

    assert work is not None
    wd = WorkDir(work)
    manifest = {
        "version": MANIFEST_VERSION,
        "visitextract": __version__,
        "model": model,
        "published_default": default_published,
        "batch_size": size,
        "files": len(files),
        "documents": total,
        "inputs_digest": plan_digest(plan),
        "max_chars": cfg.max_chars,
    }
    # options that change the records, recorded only when not the default (older work folders match)
    if not cfg.gate:
        manifest["gate"] = False
    if keys != DEFAULT_KEYS:
        manifest["keys"] = [keys.text, list(keys.id), list(keys.date)]
    if aliases_digest is not None:
        manifest["aliases_digest"] = aliases_digest
    wd.prepare(manifest, cfg.restart)
    try:

        def expected(k: int) -> int:
            return min(size, total - k * size) if 0 <= k < n_shards else -1

        done = wd.finished(expected)
        pending = [k for k in range(n_shards) if k not in done]
        summary.resumed = sum(expected(k) for k in done)
        if pending:
            eng = engine or make_engine(cfg, len(pending))
            try:
                started(eng)
                progress.start(total, summary.resumed)
                tasks = shard_tasks(plan, pending, size, default_published, cfg.max_chars, keys)
                for index, records in eng.run(tasks):
                    if len(records) != expected(index):
                        raise RuntimeError(
                            f"shard {index}: {len(records)} records for {expected(index)} documents"
                        )
                    wd.write_shard(index, records)
                    progress.advance(len(records))
            finally:
                progress.stop()
                eng.close()
        _assemble(wd, n_shards, fmt, output, summary)
    except BaseException:
        wd.release()
        raise
    if cfg.keep_work:
        wd.release()
    else:
        wd.remove()
    summary.seconds = time.perf_counter() - t0
    return summary


def _start(engine: ShardEngine) -> None:
    start = getattr(engine, "start", None)
    if callable(start):
        start()


def _count(records: Iterable[Mapping[str, Any]], summary: BatchSummary, seen: set[str]) -> None:
    for r in records:
        summary.records += 1
        doc_id = str(r.get("doc_id"))
        if doc_id in seen:
            summary.duplicate_ids += 1
        seen.add(doc_id)
        warnings = (r.get("source") or {}).get("warnings") or []
        if any(str(w).startswith("[E029]") for w in warnings):
            summary.empty_documents += 1
        err = r.get("error")
        if err:
            summary.errors += 1
            if len(summary.error_samples) < 10:
                summary.error_samples.append(
                    (str(err.get("file")), str(err.get("stage")), str(err.get("message")))
                )


def _stream(
    engine: ShardEngine, tasks: Iterator[ShardTask], writer: Any, summary: BatchSummary, progress: Progress
) -> None:
    """Write shards in index order as they arrive (engines may finish them out of order)."""
    waiting: dict[int, list[Record]] = {}
    order: list[int] = []

    def tracked() -> Iterator[ShardTask]:
        for t in tasks:
            order.append(t.index)
            yield t

    from visitextract.normalize.people import PersonRegistry, link_record

    seen: set[str] = set()
    registry = PersonRegistry()
    pos = 0
    for index, records in engine.run(tracked()):
        waiting[index] = records
        progress.advance(len(records))
        while pos < len(order) and order[pos] in waiting:
            chunk = [link_record(r, registry) for r in waiting.pop(order[pos])]
            writer.write(chunk)
            _count(chunk, summary, seen)
            pos += 1
    writer.commit()


def _assemble(wd: WorkDir, n_shards: int, fmt: str, output: Path, summary: BatchSummary) -> None:
    """Write the output from the shards in order, linking people across all records on the way;
    then the events across documents (visitextract.events), from the linked records."""
    from visitextract.events import EventCollector
    from visitextract.io.writers import open_writer
    from visitextract.normalize.people import PersonRegistry, link_record

    writer = open_writer(fmt, output, wd.tmp)
    seen: set[str] = set()
    registry = PersonRegistry()
    events = EventCollector()
    try:
        for k in range(n_shards):
            records = [link_record(r, registry) for r in wd.read_shard(k)]
            writer.write(records)
            _count(records, summary, seen)
            for r in records:
                events.add(r)
        merged = events.events()
        writer.write_events(merged)
        summary.events = len(merged)
        summary.written = [str(p) for p in writer.commit()]
    except BaseException:
        with contextlib.suppress(Exception):
            writer.abort()
        raise


# ----------------------------------------------------------------------------------- progress bar
class RichProgress:
    """Progress bar with rate and ETA on a terminal (stderr)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._console = Console(file=sys.stderr)
        self._progress = Progress(
            TextColumn("[bold]extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("docs"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self._console,
            transient=False,
        )
        self._task: Any = None
        self._started = 0.0
        self._base = 0
        self._done = 0

    def start(self, total: int, completed: int) -> None:
        self._progress.start()
        self._task = self._progress.add_task("extract", total=total, completed=completed, rate="")
        self._started, self._base, self._done = time.perf_counter(), completed, completed

    def advance(self, n: int) -> None:
        self._done += n
        elapsed = time.perf_counter() - self._started
        rate = (self._done - self._base) / elapsed if elapsed > 0 else 0.0
        self._progress.update(self._task, advance=n, rate=f"{rate:,.1f} docs/s")

    def stop(self) -> None:
        self._progress.stop()

    def note(self, message: str) -> None:
        self._console.print(message, markup=False, highlight=False)
