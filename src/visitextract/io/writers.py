"""Writers of batch records: JSON Lines, Parquet tables, a DuckDB database, CSV.

Every writer builds its output under a temporary name (in the batch's work directory, on the same
file system) and moves it into place with ``os.replace`` on :meth:`Writer.commit`. A reader never
sees a half-written output file, however the process ends. The tabular writers all take their rows
from :mod:`visitextract.io.tables` so that the formats agree column for column.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from visitextract.io.tables import (
    EVENT_SCHEMAS,
    EVENT_TABLES,
    SCHEMAS,
    TABLES,
    Row,
    flatten_records,
    to_arrow,
)

if TYPE_CHECKING:
    from visitextract.events import Event

Record = Mapping[str, Any]
FORMATS = ("jsonl", "parquet", "duckdb", "csv")
# Rows kept in memory per table before a Parquet row group / DuckDB insert: bounded memory on an
# archive of any size, and row groups large enough for fast scans.
FLUSH_ROWS = 50_000


class Writer(Protocol):
    def write(self, records: Sequence[Record]) -> None: ...

    def write_events(self, events: Sequence[Event]) -> None:
        """The events of the whole batch (visitextract.events), once, after every record."""
        ...

    def commit(self) -> list[Path]:
        """Finish the output and move it into place; returns the paths written."""
        ...

    def abort(self) -> None: ...


def dumps(record: Record) -> str:
    """One JSON Lines line (without the newline): UTF-8 as is, no spaces, keys in record order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def events_paths(fmt: str, output: Path) -> list[Path]:
    """Where a batch writes its events beside ``output``, for the formats that use separate files.

    JSON Lines: ``<stem>.events.jsonl`` (one event a line, with its sources); CSV:
    ``<stem>.events.csv`` and ``<stem>.event_sources.csv``. Parquet and DuckDB hold the tables
    ``events`` and ``event_sources`` with the others.
    """
    if fmt == "jsonl":
        return [output.with_name(f"{output.stem}.events.jsonl")]
    if fmt == "csv":
        return [output.with_name(f"{output.stem}.{name}.csv") for name in EVENT_TABLES]
    return []


def _event_tables(events: Sequence[Event]) -> dict[str, list[Row]]:
    from visitextract.events import event_rows

    return event_rows(events)


def _fsync_replace(tmp: Path, final: Path) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, final)


class JsonlWriter:
    """One line per record, in record order."""

    def __init__(self, output: Path, tmp_dir: Path) -> None:
        self.output = output
        self.tmp = tmp_dir / f"{output.name}.{os.getpid()}.tmp"
        self._fh: IO[str] = self.tmp.open("w", encoding="utf-8", newline="\n")
        [self.events_output] = events_paths("jsonl", output)
        self.events_tmp: Path | None = None

    def write(self, records: Sequence[Record]) -> None:
        self._fh.write("".join(dumps(r) + "\n" for r in records))

    def write_events(self, events: Sequence[Event]) -> None:
        self.events_tmp = self.tmp.with_name(self.tmp.name + ".events")
        with self.events_tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write("".join(dumps(e.model_dump(mode="json")) + "\n" for e in events))
            fh.flush()
            os.fsync(fh.fileno())

    def commit(self) -> list[Path]:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        _fsync_replace(self.tmp, self.output)
        if self.events_tmp is None:
            return [self.output]
        _fsync_replace(self.events_tmp, self.events_output)
        return [self.output, self.events_output]

    def abort(self) -> None:
        self._fh.close()
        self.tmp.unlink(missing_ok=True)
        if self.events_tmp is not None:
            self.events_tmp.unlink(missing_ok=True)


class StdoutWriter:
    """JSON Lines to standard output, flushed record by record (for pipes: ``-o - | jq``)."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stdout

    def write(self, records: Sequence[Record]) -> None:
        for r in records:
            self.stream.write(dumps(r) + "\n")
        self.stream.flush()

    def write_events(self, events: Sequence[Event]) -> None:
        """Nothing: the stream holds one record per document and nothing else."""

    def commit(self) -> list[Path]:
        self.stream.flush()
        return []

    def abort(self) -> None:
        self.stream.flush()


class _TableBuffer:
    """Rows per table, handed to ``sink(name, arrow_table)`` when a table reaches FLUSH_ROWS."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {name: [] for name in TABLES}

    def add(self, records: Sequence[Record]) -> list[str]:
        for name, rows in flatten_records(records).items():
            self.rows[name].extend(rows)
        return [name for name in TABLES if len(self.rows[name]) >= FLUSH_ROWS]

    def take(self, name: str) -> list[Row]:
        rows, self.rows[name] = self.rows[name], []
        return rows


class ParquetWriter:
    """A folder of Parquet files, one per table (``documents.parquet``, ``visits.parquet``...)."""

    def __init__(self, output: Path, tmp_dir: Path) -> None:
        import pyarrow.parquet as pq

        self.output = output
        self.tmp_dir = tmp_dir / f"{output.name}.{os.getpid()}.parquet-tmp"
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        self._buffer = _TableBuffer()
        self._writers = {
            name: pq.ParquetWriter(self.tmp_dir / f"{name}.parquet", SCHEMAS[name]) for name in TABLES
        }
        self._events: list[str] = []  # event tables written (write_events)

    def _flush(self, name: str) -> None:
        rows = self._buffer.take(name)
        if rows:
            self._writers[name].write_table(to_arrow(name, rows))

    def write(self, records: Sequence[Record]) -> None:
        for name in self._buffer.add(records):
            self._flush(name)

    def write_events(self, events: Sequence[Event]) -> None:
        import pyarrow.parquet as pq

        for name, rows in _event_tables(events).items():
            pq.write_table(to_arrow(name, rows), self.tmp_dir / f"{name}.parquet")
            self._events.append(name)

    def commit(self) -> list[Path]:
        for name in TABLES:
            self._flush(name)
            self._writers[name].close()
        if self.output.exists() and not self.output.is_dir():
            raise FileExistsError(f"{self.output} exists and is not a folder")
        self.output.mkdir(parents=True, exist_ok=True)
        written = []
        for name in (*TABLES, *self._events):
            final = self.output / f"{name}.parquet"
            os.replace(self.tmp_dir / f"{name}.parquet", final)
            written.append(final)
        self.tmp_dir.rmdir()
        return written

    def abort(self) -> None:
        for w in self._writers.values():
            with contextlib.suppress(Exception):
                w.close()
        for f in self.tmp_dir.glob("*"):
            f.unlink(missing_ok=True)
        self.tmp_dir.rmdir()


_DUCK_TYPES = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "double": "DOUBLE",
    "bool": "BOOLEAN",
    "date32[day]": "DATE",
}


def duckdb_ddl(name: str) -> str:
    """``CREATE TABLE`` for one table, from its pyarrow schema (NOT NULL where the schema says so)."""
    cols = []
    for f in SCHEMAS[name] if name in SCHEMAS else EVENT_SCHEMAS[name]:
        col = f'"{f.name}" {_DUCK_TYPES[str(f.type)]}'
        cols.append(col if f.nullable else col + " NOT NULL")
    return f'CREATE TABLE "{name}" ({", ".join(cols)})'


@contextlib.contextmanager
def _duckdb_errors(path: Path) -> Iterator[None]:
    """DuckDB's own exceptions (IOException, TransactionException on a full disk) as ``OSError``,
    which the batch reports as [E031] with the old output left in place."""
    import duckdb

    try:
        yield
    except duckdb.Error as exc:
        raise OSError(f"DuckDB could not write {path}: {type(exc).__name__}: {exc}") from exc


# The storage format the database file is written in: v1.0.0 is read by every DuckDB from 1.0 on
# (the command-line tool of a 1.x install included), whereas duckdb 2.x writes its own newer format
# by default, which DuckDB 1.x refuses ("version number ... between 64 and 68"). docs/batch.md.
DUCKDB_STORAGE_VERSION = "v1.0.0"


def _connect_compatible(duckdb: Any, path: Path) -> Any:
    """A connection that writes ``DUCKDB_STORAGE_VERSION``; duckdb before 1.2 has no such setting
    (and writes that format anyway)."""
    try:
        return duckdb.connect(str(path), config={"storage_compatibility_version": DUCKDB_STORAGE_VERSION})
    except duckdb.Error as exc:
        if "storage_compatibility_version" not in str(exc):
            raise
        return duckdb.connect(str(path))


class DuckDBWriter:
    """One DuckDB database file holding the tables of :mod:`visitextract.io.tables`."""

    def __init__(self, output: Path, tmp_dir: Path) -> None:
        import duckdb

        self.output = output
        self.tmp = tmp_dir / f"{output.name}.{os.getpid()}.tmp"
        for stale in (self.tmp, self.tmp.with_name(self.tmp.name + ".wal")):
            stale.unlink(missing_ok=True)
        with _duckdb_errors(self.tmp):
            self._con = _connect_compatible(duckdb, self.tmp)
            for name in TABLES:
                self._con.execute(duckdb_ddl(name))
        self._buffer = _TableBuffer()

    def _flush(self, name: str) -> None:
        rows = self._buffer.take(name)
        if rows:
            with _duckdb_errors(self.tmp):
                self._con.register("_visitextract_chunk", to_arrow(name, rows))
                self._con.execute(f'INSERT INTO "{name}" SELECT * FROM _visitextract_chunk')
                self._con.unregister("_visitextract_chunk")

    def write(self, records: Sequence[Record]) -> None:
        for name in self._buffer.add(records):
            self._flush(name)

    def write_events(self, events: Sequence[Event]) -> None:
        for name, rows in _event_tables(events).items():
            self._con.execute(duckdb_ddl(name))
            self._con.register("_visitextract_chunk", to_arrow(name, rows))
            self._con.execute(f'INSERT INTO "{name}" SELECT * FROM _visitextract_chunk')
            self._con.unregister("_visitextract_chunk")

    def commit(self) -> list[Path]:
        for name in TABLES:
            self._flush(name)
        with _duckdb_errors(self.tmp):
            self._con.execute("CHECKPOINT")
            self._con.close()
        _fsync_replace(self.tmp, self.output)
        return [self.output]

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self._con.close()
        for f in (self.tmp, self.tmp.with_name(self.tmp.name + ".wal")):
            f.unlink(missing_ok=True)


def csv_documents_path(output: Path) -> Path:
    """Where the CSV writer puts the one-row-per-document companion of ``visits.csv``."""
    return output.with_name(f"{output.stem}.documents.csv")


# A cell a spreadsheet would run as a formula (=, +, -, @) or a cell starting with tab or CR (which
# some read as the start of one): written with a leading apostrophe, which shows the text as is.
_FORMULA_START = r"^[=+\-@\t\r]"


def spreadsheet_safe(table: Any) -> Any:
    """A pyarrow table whose string cells cannot inject formulas: NULs removed, and a cell that
    starts with ``= + - @``, tab or CR prefixed with ``'`` (OWASP's advice for CSV injection)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for i, field in enumerate(table.schema):
        column = table.column(i)
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            column = pc.replace_substring(column, "\x00", "")
            risky = pc.match_substring_regex(column, _FORMULA_START)
            column = pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)


class CsvWriter:
    """The visits table as CSV for spreadsheets, plus ``<name>.documents.csv`` (one row per document,
    errors included), so that documents without visits and failed documents stay visible. Cells
    are made safe for spreadsheets (:func:`spreadsheet_safe`)."""

    def __init__(self, output: Path, tmp_dir: Path) -> None:
        import pyarrow.csv as pacsv

        self.output = output
        self.targets = {"visits": output, "documents": csv_documents_path(output)}
        self.tmps = {name: tmp_dir / f"{path.name}.{os.getpid()}.tmp" for name, path in self.targets.items()}
        self._writers = {name: pacsv.CSVWriter(str(tmp), SCHEMAS[name]) for name, tmp in self.tmps.items()}

    def write(self, records: Sequence[Record]) -> None:
        rows = flatten_records(records)
        for name, writer in self._writers.items():
            if rows[name]:
                writer.write_table(spreadsheet_safe(to_arrow(name, rows[name])))

    def write_events(self, events: Sequence[Event]) -> None:
        import pyarrow.csv as pacsv

        for (name, rows), path in zip(
            _event_tables(events).items(), events_paths("csv", self.output), strict=True
        ):
            self.targets[name] = path
            self.tmps[name] = tmp = self.tmps["visits"].with_name(f"{path.name}.{os.getpid()}.tmp")
            pacsv.write_csv(to_arrow(name, rows), str(tmp))

    def commit(self) -> list[Path]:
        for writer in self._writers.values():
            writer.close()
        for name, tmp in self.tmps.items():
            _fsync_replace(tmp, self.targets[name])
        return list(self.targets.values())

    def abort(self) -> None:
        for writer in self._writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        for tmp in self.tmps.values():
            tmp.unlink(missing_ok=True)


def open_writer(fmt: str, output: Path, tmp_dir: Path) -> Writer:
    """The writer of ``fmt`` ("jsonl", "parquet", "duckdb", "csv") for ``output``."""
    tmp_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        return JsonlWriter(output, tmp_dir)
    if fmt == "parquet":
        return ParquetWriter(output, tmp_dir)
    if fmt == "duckdb":
        return DuckDBWriter(output, tmp_dir)
    if fmt == "csv":
        return CsvWriter(output, tmp_dir)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def read_jsonl(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The records of a JSON Lines output, in order."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
