"""Print a batch output as a compact, human-readable list (``visitextract show``; ``make run`` uses it).

    visitextract show out/examples.jsonl          # or out.duckdb, out/tables.parquet, visits.csv
    python -m visitextract.io.show out/examples.jsonl

Every format gives the same listing: the tabular ones (Parquet, DuckDB, CSV) are read back into
records of the shape the listing needs. A CSV output holds the visits and one row per document only,
so its listing has no meetings or statements.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from visitextract.errors import Errors, UsageError
from visitextract.io.writers import csv_documents_path, read_jsonl

_ORIGINS = {
    "record": "from the record",
    "front_matter": "from the front matter",
    "html_meta": "from the page metadata",
    "default": "the --published default",
}


def _person(p: Mapping[str, Any] | None) -> str:
    if not p:
        return "?"
    country = f" ({p['country']})" if p.get("country") else ""
    return f"{p.get('name')}{country}"


def _dates(d: Mapping[str, Any] | None) -> str:
    if not d:
        return ""
    start, end = d.get("start") or d.get("start_partial"), d.get("end") or d.get("end_partial")
    if start and end and end != start:
        return f" {start}..{end}"
    return f" {start}" if start else f" ({d.get('text')})"


def summarize(record: Mapping[str, Any], *, visits_only: bool = False) -> list[str]:
    """A few lines per record: its id and date, then one line per visit, meeting and statement."""
    source = record.get("source") or {}
    origin = _ORIGINS.get(source.get("published_from") or "", "unknown")
    head = f"{record.get('doc_id')}  (published {record.get('published') or '-'}, {origin})"
    lines = [head]
    error = record.get("error")
    if error:
        lines.append(f"  ERROR at {error.get('stage')}: {error.get('message')}")
        return lines
    for v in record.get("visits") or []:
        places = ", ".join(p["name"] for p in v.get("places") or [])
        where = f" [{places}]" if places else ""
        route = f"{_person(v.get('visitor'))} -> {v.get('host_country') or '?'}{where}"
        how = f"{v.get('status')}{_dates(v.get('dates'))}  ({v.get('rule')}, {v.get('confidence'):.2f})"
        lines.append(f"  visit      {route}  {how}")
    for m in record.get("meetings") or []:
        who = " + ".join(_person(p) for p in m.get("participants") or [])
        mode = str(m.get("mode")).replace("_", " ")
        lines.append(f"  meeting    {who}  {m.get('status')}, {mode}{_dates(m.get('date'))}")
    for s in record.get("statements") or []:
        quote = str(s.get("quote") or "")
        quote = quote if len(quote) <= 70 else quote[:67] + "..."
        kind = "said" if s.get("direct") else "reported"
        lines.append(f"  statement  {_person(s.get('speaker'))} {kind}: \u201c{quote}\u201d")
    if len(lines) == 1:
        lines.append("  (no visits)" if visits_only else "  (no visits, meetings or statements)")
    for w in source.get("warnings") or []:
        lines.append(f"  note: {w}")
    return lines


# ------------------------------------------------------------------------------ tables -> records
def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None if value is None else str(value)


def _range(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The DateRange of a table row; ``date_year_inferred`` is null exactly when there was none."""
    if row.get("date_year_inferred") is None:
        return None
    return {
        "start": _iso(row.get("date_start")),
        "end": _iso(row.get("date_end")),
        "text": row.get("date_text"),
        "start_partial": row.get("date_start_partial"),
        "end_partial": row.get("date_end_partial"),
    }


def _take(rows: Iterator[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    return [next(rows) for _ in range(n)]


def records_from_tables(tables: Mapping[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Records (as much of them as :func:`summarize` reads) from the rows of the batch tables.

    Child rows are in document order and each documents row counts them (``n_visits`` ...), so
    they are dealt out by count, which stays right when two documents share a doc_id.
    """
    empty: list[dict[str, Any]] = []
    people = iter(tables.get("people", empty))
    visits = iter(tables.get("visits", empty))
    places = tables.get("visit_places")
    meetings = iter(tables.get("meetings", empty))
    participants = tables.get("meeting_participants", empty)
    statements = iter(tables.get("statements", empty))
    places_by = _group(places or empty, ("doc_id", "visit_index"))
    parts_by = _group(participants, ("doc_id", "meeting_index"))
    out: list[dict[str, Any]] = []
    for doc in tables["documents"]:
        doc_id = doc["doc_id"]
        ok = bool(doc.get("ok"))
        who = {p["person_id"]: p for p in _take(people, doc["n_people"])} if "people" in tables else {}
        record: dict[str, Any] = {
            "doc_id": doc_id,
            "published": _iso(doc.get("published")),
            "source": {
                "published_from": doc.get("published_from"),
                "warnings": (doc.get("warnings") or "").split("\n") if doc.get("warnings") else [],
            },
            "error": None if ok else {"stage": doc.get("error_stage"), "message": doc.get("error_message")},
            "visits": [],
            "meetings": [],
            "statements": [],
        }
        for v in _take(visits, doc["n_visits"]):
            person = who.get(v.get("visitor_id") or "", {})
            if places is not None:
                names = [p["name"] for p in places_by.get((doc_id, v["visit_index"]), [])]
            else:  # CSV: the visits table's "; "-joined convenience column
                names = (v.get("place_names") or "").split("; ") if v.get("place_names") else []
            record["visits"].append(
                {
                    "visitor": {
                        "name": v.get("visitor_name"),
                        "country": person.get("country", v.get("visitor_country")),
                    },
                    "host_country": v.get("host_country"),
                    "places": [{"name": n} for n in names],
                    "status": v.get("status"),
                    "dates": _range(v),
                    "rule": v.get("rule"),
                    "confidence": v.get("confidence"),
                }
            )
        if "meetings" in tables:
            for m in _take(meetings, doc["n_meetings"]):
                who_met = parts_by.get((doc_id, m["meeting_index"]), [])
                record["meetings"].append(
                    {
                        "participants": [{"name": p["name"], "country": p["country"]} for p in who_met],
                        "status": m.get("status"),
                        "mode": m.get("mode"),
                        "date": _range(m),
                    }
                )
        if "statements" in tables:
            for st in _take(statements, doc["n_statements"]):
                record["statements"].append(
                    {
                        "speaker": {"name": st.get("speaker_name"), "country": st.get("speaker_country")},
                        "quote": st.get("quote"),
                        "direct": st.get("direct"),
                    }
                )
        out.append(record)
    return out


def _group(
    rows: Sequence[dict[str, Any]], key: tuple[str, str]
) -> dict[tuple[Any, Any], list[dict[str, Any]]]:
    groups: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row[key[0]], row[key[1]]), []).append(row)
    return groups


SHOWN_TABLES = (
    "documents",
    "people",
    "visits",
    "visit_places",
    "meetings",
    "meeting_participants",
    "statements",
)


def _read_parquet(path: Path) -> dict[str, list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    return {name: pq.read_table(path / f"{name}.parquet").to_pylist() for name in SHOWN_TABLES}


def _read_duckdb(path: Path) -> dict[str, list[dict[str, Any]]]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        tables: dict[str, list[dict[str, Any]]] = {}
        for name in SHOWN_TABLES:
            cur = con.execute(f'SELECT * FROM "{name}"')
            cols = [d[0] for d in cur.description or []]
            tables[name] = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        return tables
    finally:
        con.close()


def _read_csv(path: Path) -> dict[str, list[dict[str, Any]]]:
    import pyarrow.csv as pacsv

    from visitextract.io.tables import SCHEMAS

    def read(p: Path, name: str) -> list[dict[str, Any]]:
        schema = SCHEMAS[name]
        opts = pacsv.ConvertOptions(column_types={f.name: f.type for f in schema}, strings_can_be_null=True)
        return list(pacsv.read_csv(p, convert_options=opts).to_pylist())

    return {"documents": read(csv_documents_path(path), "documents"), "visits": read(path, "visits")}


def load_records(path: str | Path, fmt: str | None = None) -> tuple[list[dict[str, Any]], str]:
    """The records of a batch output, in document order, and its format (from the path or ``fmt``)."""
    from visitextract.batch import infer_format

    p = Path(path)
    try:
        fmt = fmt or infer_format(str(path))
    except UsageError:
        raise UsageError(
            Errors.E060.format(path=path, reason="its format is not known by its name")
        ) from None
    where = {"parquet": p / "documents.parquet", "csv": csv_documents_path(p)}.get(fmt, p)
    if not p.exists():
        raise UsageError(Errors.E060.format(path=path, reason="no such file or folder"))
    if not where.exists():
        raise UsageError(Errors.E060.format(path=path, reason=f"{where} is missing"))
    try:
        if fmt == "jsonl":
            return read_jsonl(p), fmt
        readers = {"parquet": _read_parquet, "duckdb": _read_duckdb, "csv": _read_csv}
        return records_from_tables(readers[fmt](p)), fmt
    except Exception as exc:  # duckdb and pyarrow errors of a file that is not what its name says
        raise UsageError(Errors.E060.format(path=path, reason=f"{type(exc).__name__}: {exc}")) from exc


def show(path: str | Path, fmt: str | None = None) -> Iterator[str]:
    """The listing of a batch output, line by line."""
    records, fmt = load_records(path, fmt)
    for record in records:
        yield from summarize(record, visits_only=fmt == "csv")
    if fmt == "csv":
        yield "(a CSV output holds the visits only: meetings and statements are in the other formats)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m visitextract.io.show",
        description="Print a visitextract batch output (JSON Lines, Parquet folder, DuckDB, CSV) as a list.",
    )
    parser.add_argument("output", help="out.jsonl, a Parquet folder, out.duckdb or visits.csv")
    parser.add_argument(
        "-f", "--format", choices=("jsonl", "parquet", "duckdb", "csv"), help="default: by name"
    )
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        for line in show(args.output, args.format):
            print(line)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
