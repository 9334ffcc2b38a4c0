"""Read any output of ``visitextract batch`` back as batch records (the JSON Lines form).

``visitextract export`` and ``visitextract report`` take whatever a batch wrote: JSON Lines as they
are, and the tables of Parquet, DuckDB and CSV outputs rebuilt into records, so that one code path
serves every format. The tables hold everything a record has except the offsets of person mentions;
a CSV output holds only the visits (and the documents), so its records have no meetings, statements,
people or mentions, and each visit keeps its first evidence span only.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from visitextract.errors import Errors, VisitExtractError

Record = dict[str, Any]
Rows = list[dict[str, Any]]

_LISTS = ("people", "visits", "meetings", "statements", "mentions", "organizations")


class OutputReadError(VisitExtractError, ValueError):
    """A path that is not (or no longer) a readable output of ``visitextract batch``."""

    exit_code: ClassVar[int] = 2  # the command line: a path the user gave (usage error)


def output_format(path: Path) -> str:
    """``jsonl``, ``parquet``, ``duckdb`` or ``csv``, from what ``path`` is (as ``batch`` names them)."""
    suffix = path.suffix.lower()
    if path.is_dir():
        return "parquet"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".duckdb", ".db"):
        return "duckdb"
    if suffix == ".csv":
        return "csv"
    if suffix == ".parquet":
        return "parquet"
    raise OutputReadError(Errors.E065.format(path=path, reason="its suffix names no batch output format"))


def load_records(path: str | Path) -> list[Record]:
    """The records of a batch output, in document order (JSON Lines, Parquet folder, DuckDB, CSV)."""
    p = Path(path)
    if not p.exists():
        raise OutputReadError(Errors.E065.format(path=p, reason="it does not exist"))
    fmt = output_format(p)
    try:
        if fmt == "jsonl":
            return _jsonl(p)
        if fmt == "parquet":
            return _from_tables(_parquet_tables(p))
        if fmt == "duckdb":
            return _from_tables(_duckdb_tables(p))
        return _from_csv(p)
    except OutputReadError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise OutputReadError(Errors.E065.format(path=p, reason=f"{type(exc).__name__}: {exc}")) from exc
    except Exception as exc:  # duckdb and pyarrow raise their own error classes
        raise OutputReadError(Errors.E065.format(path=p, reason=f"{type(exc).__name__}: {exc}")) from exc


def _jsonl(path: Path) -> list[Record]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                raise OutputReadError(Errors.E065.format(path=path, reason=f"line {line_no}: {exc}")) from exc
            if not isinstance(obj, dict) or "doc_id" not in obj:
                reason = f"line {line_no} is not a batch record (no doc_id)"
                raise OutputReadError(Errors.E065.format(path=path, reason=reason))
            records.append(obj)
    return records


def _parquet_tables(folder: Path) -> dict[str, Rows]:
    import pyarrow.parquet as pq

    from visitextract.io.tables import TABLES

    if not (folder / "documents.parquet").is_file():
        raise OutputReadError(Errors.E065.format(path=folder, reason="it has no documents.parquet"))
    return {
        name: pq.read_table(folder / f"{name}.parquet").to_pylist()
        for name in TABLES
        if (folder / f"{name}.parquet").is_file()
    }


def _duckdb_tables(path: Path) -> dict[str, Rows]:
    import duckdb

    from visitextract.io.tables import TABLES

    con = duckdb.connect(str(path), read_only=True)
    try:
        present = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "documents" not in present:
            raise OutputReadError(Errors.E065.format(path=path, reason="it has no documents table"))
        # rowid: the order the batch inserted them, which is document order
        return {
            name: con.sql(f'SELECT * FROM "{name}" ORDER BY rowid').to_arrow_table().to_pylist()
            for name in TABLES
            if name in present
        }
    finally:
        con.close()


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _by_doc(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        out.setdefault(str(r["doc_id"]), []).append(r)
    return out


def _date(row: Mapping[str, Any]) -> dict[str, Any] | None:
    if row.get("date_text") is None and row.get("date_start") is None and row.get("date_end") is None:
        return None
    return {
        "start": _iso(row.get("date_start")),
        "end": _iso(row.get("date_end")),
        "granularity": row.get("date_granularity"),
        "year_inferred": bool(row.get("date_year_inferred")),
        "text": row.get("date_text") or "",
        "start_partial": row.get("date_start_partial"),
        "end_partial": row.get("date_end_partial"),
        "weekday": row.get("date_weekday"),
        "span": None,
    }


def _lines(value: object) -> list[str]:
    return str(value).split("\n") if value else []


def _from_tables(tables: Mapping[str, Rows]) -> list[Record]:
    """Records rebuilt from the tables of visitextract.io.tables (the inverse of flatten_record)."""

    def get(name: str) -> dict[str, list[Mapping[str, Any]]]:
        return _by_doc(tables.get(name, []))

    people, orgs = get("people"), get("organizations")
    visits, places = get("visits"), get("visit_places")
    meetings, participants = get("meetings"), get("meeting_participants")
    statements, mentions, evidence = get("statements"), get("mentions"), get("evidence")
    records = []
    for doc in tables["documents"]:
        doc_id = str(doc["doc_id"])
        person_rows = {p["person_id"]: p for p in people.get(doc_id, [])}
        spans: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for e in sorted(evidence.get(doc_id, []), key=lambda e: int(e["span_index"])):
            span = {"start": e["start"], "end": e["end"], "text": e["text"]}
            spans.setdefault((str(e["record_type"]), int(e["record_index"])), []).append(span)

        def person(pid: str | None, name: str | None, **fields: Any) -> dict[str, Any]:
            row = person_rows.get(pid, {})  # noqa: B023 - used at once, in this iteration
            return {
                "type": "person",
                "id": pid,
                "name": name if name is not None else row.get("name"),
                "office": fields.get("office", row.get("office")),
                "country": fields.get("country", row.get("country")),
                "mentions": [],
                "title": row.get("title"),
                "office_category": fields.get("office_category", row.get("office_category")),
                "named": row.get("named", True) if row.get("named") is not None else True,
                "country_source": None,
            }

        record: Record = {
            "doc_id": doc_id,
            "published": _iso(doc.get("published")),
            "error": None,
            "source": {
                "file": doc.get("source_file"),
                "line": doc.get("source_line"),
                "index": doc.get("source_index"),
                "url": doc.get("url"),
                "title": doc.get("title"),
                "encoding": doc.get("encoding"),
                "published_from": doc.get("published_from"),
                "offset": doc.get("text_offset") or 0,
                "warnings": _lines(doc.get("warnings")),
            },
        }
        if not doc.get("ok", True):
            record["error"] = {
                "file": doc.get("source_file"),
                "line": doc.get("source_line"),
                "stage": doc.get("error_stage"),
                "message": doc.get("error_message"),
                "type": doc.get("error_type"),
            }
        for name in _LISTS:
            record[name] = []
        record["people"] = [person(p["person_id"], p.get("name")) for p in people.get(doc_id, [])]
        record["organizations"] = [
            {
                "type": "organization",
                "id": o["organization_id"],
                "name": o.get("name"),
                "country": o.get("country"),
                "mentions": [],
            }
            for o in orgs.get(doc_id, [])
        ]
        for v in sorted(visits.get(doc_id, []), key=lambda r: int(r["visit_index"])):
            i = int(v["visit_index"])
            vp = sorted(
                (p for p in places.get(doc_id, []) if int(p["visit_index"]) == i),
                key=lambda p: int(p["place_index"]),
            )
            record["visits"].append(
                {
                    "visitor": person(
                        v.get("visitor_id"),
                        v.get("visitor_name"),
                        office=v.get("visitor_office"),
                        office_category=v.get("visitor_office_category"),
                        country=person_rows.get(v.get("visitor_id"), {}).get(
                            "country", v.get("visitor_country")
                        ),
                    ),
                    "visitor_country": v.get("visitor_country"),
                    "host_country": v.get("host_country"),
                    "places": [
                        {
                            "id": p.get("place_id"),
                            "name": p.get("name"),
                            "kind": p.get("kind"),
                            "country": p.get("country"),
                        }
                        for p in vp
                    ],
                    "dates": _date(v),
                    "status": v["status"],
                    "evidence": spans.get(("visit", i), []),
                    "confidence": v["confidence"],
                    "rule": v["rule"],
                    "explanation": _lines(v.get("explanation")),
                }
            )
        for m in sorted(meetings.get(doc_id, []), key=lambda r: int(r["meeting_index"])):
            i = int(m["meeting_index"])
            mp = sorted(
                (p for p in participants.get(doc_id, []) if int(p["meeting_index"]) == i),
                key=lambda p: int(p["participant_index"]),
            )
            place = None
            if m.get("place_id") or m.get("place_name"):
                place = {
                    "id": m.get("place_id"),
                    "name": m.get("place_name"),
                    "kind": m.get("place_kind"),
                    "country": m.get("place_country"),
                }
            record["meetings"].append(
                {
                    "participants": [
                        person(
                            p.get("person_id"),
                            p.get("name"),
                            office=p.get("office"),
                            office_category=p.get("office_category"),
                            country=p.get("country"),
                        )
                        for p in mp
                    ],
                    "date": _date(m),
                    "place": place,
                    "status": m["status"],
                    "mode": m.get("mode") or "in_person",
                    "evidence": spans.get(("meeting", i), []),
                    "confidence": m["confidence"],
                    "rule": m["rule"],
                    "explanation": _lines(m.get("explanation")),
                }
            )
        for s in sorted(statements.get(doc_id, []), key=lambda r: int(r["statement_index"])):
            i = int(s["statement_index"])
            if s.get("speaker_type") == "organization":
                speaker: dict[str, Any] = {
                    "type": "organization",
                    "id": s.get("speaker_id"),
                    "name": s.get("speaker_name"),
                    "country": s.get("speaker_country"),
                    "mentions": [],
                }
            else:
                speaker = person(
                    s.get("speaker_id"),
                    s.get("speaker_name"),
                    office=s.get("speaker_office"),
                    country=s.get("speaker_country"),
                )
            quote_span = None
            if s.get("quote_start") is not None:
                quote_span = {"start": s["quote_start"], "end": s["quote_end"], "text": s.get("quote") or ""}
            record["statements"].append(
                {
                    "speaker": speaker,
                    "quote": s.get("quote"),
                    "direct": s.get("direct"),
                    "date": _date(s),
                    "evidence": spans.get(("statement", i), []),
                    "confidence": s["confidence"],
                    "rule": s["rule"],
                    "quote_span": quote_span,
                }
            )
        record["mentions"] = [
            {
                k: m.get(k)
                for k in ("text", "start", "end", "entity_id", "kind", "country", "name", "alias_type")
            }
            for m in sorted(mentions.get(doc_id, []), key=lambda r: int(r["mention_index"]))
        ]
        record["gated"] = bool(doc.get("gated", False))
        records.append(record)
    return records


def _csv_rows(path: Path) -> Rows:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(fh)]


def _place_country(place_id: str) -> str | None:
    """The country of a place id, from the gazetteer (the CSV keeps ids and names only)."""
    from visitextract.normalize.gazetteer import Gazetteer

    try:
        return Gazetteer.default().entity(place_id).country
    except KeyError:
        return None


def _from_csv(path: Path) -> list[Record]:
    """Records of a CSV output: ``visits.csv`` and its ``visits.documents.csv`` (visits only)."""
    from visitextract.io.writers import csv_documents_path

    docs_path = csv_documents_path(path)
    if not docs_path.is_file():
        reason = f"its companion {docs_path.name} (one row per document) is missing"
        raise OutputReadError(Errors.E065.format(path=path, reason=reason))
    typed: dict[str, Callable[[str], object]] = {
        "ok": lambda v: v == "true",
        "gated": lambda v: v == "true",
        "source_line": int,
        "source_index": int,
        "text_offset": int,
        "visit_index": int,
        "evidence_start": int,
        "evidence_end": int,
        "confidence": float,
        "date_year_inferred": lambda v: v == "true",
    }

    def convert(rows: Rows) -> Rows:
        for row in rows:
            for key, fn in typed.items():
                if row.get(key) is not None:
                    row[key] = fn(row[key])
        return rows

    visits = convert(_csv_rows(path))
    evidence = [
        {
            "doc_id": v["doc_id"],
            "record_type": "visit",
            "record_index": v["visit_index"],
            "span_index": 0,
            "start": v.get("evidence_start"),
            "end": v.get("evidence_end"),
            "text": v.get("evidence_text"),
        }
        for v in visits
        if v.get("evidence_text") is not None
    ]
    places = []
    for v in visits:
        ids = (v.get("place_ids") or "").split("; ") if v.get("place_ids") else []
        names = (v.get("place_names") or "").split("; ") if v.get("place_names") else []
        for k, pid in enumerate(ids):
            places.append(
                {
                    "doc_id": v["doc_id"],
                    "visit_index": v["visit_index"],
                    "place_index": k,
                    "place_id": pid,
                    "name": names[k] if k < len(names) else None,
                    "kind": pid.split(":", 1)[0] if ":" in pid else None,
                    "country": _place_country(pid),
                }
            )
    tables = {
        "documents": convert(_csv_rows(docs_path)),
        "visits": visits,
        "visit_places": places,
        "evidence": evidence,
    }
    return _from_tables(tables)
