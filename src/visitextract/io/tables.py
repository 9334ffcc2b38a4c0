"""Batch records -> flat typed tables (one module for every tabular writer: Parquet, DuckDB, CSV).

A batch record is the JSON of an :class:`~visitextract.models.Extraction` plus ``source`` and
``error`` (see docs/batch.md). Nested lists become child tables keyed by ``doc_id`` and the record's
position (``visit_index``...), so that pandas, Polars, Spark, DuckDB and BI tools join them without
parsing JSON. The schemas are explicit: dates are ``date32``, offsets ``int64``, confidences
``float64``, whatever the data of one batch happens to contain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

Row = dict[str, Any]
Rows = dict[str, list[Row]]

_S, _I, _F, _B, _D = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()


def _schema(*fields: tuple[str, pa.DataType] | tuple[str, pa.DataType, bool]) -> pa.Schema:
    return pa.schema([pa.field(f[0], f[1], nullable=f[2] if len(f) == 3 else True) for f in fields])


_DATE_FIELDS: tuple[tuple[str, pa.DataType], ...] = (
    ("date_start", _D),
    ("date_end", _D),
    ("date_granularity", _S),
    ("date_year_inferred", _B),
    ("date_text", _S),
    ("date_start_partial", _S),
    ("date_end_partial", _S),
    ("date_weekday", _S),
)
_EVIDENCE_FIELDS: tuple[tuple[str, pa.DataType], ...] = (
    ("evidence_start", _I),
    ("evidence_end", _I),
    ("evidence_text", _S),
)
_KEY = ("doc_id", _S, False)

SCHEMAS: dict[str, pa.Schema] = {
    # One row per input document, errors included: the table to count and to join everything to.
    "documents": _schema(
        _KEY,
        ("published", _D),
        ("published_from", _S),
        ("ok", _B, False),
        ("gated", _B, False),
        ("error_stage", _S),
        ("error_message", _S),
        ("error_type", _S),
        ("source_file", _S),
        ("source_line", _I),
        ("source_index", _I),
        ("url", _S),
        ("title", _S),
        ("encoding", _S),
        ("text_offset", _I),
        ("warnings", _S),
        ("n_people", _I, False),
        ("n_organizations", _I, False),
        ("n_visits", _I, False),
        ("n_meetings", _I, False),
        ("n_statements", _I, False),
        ("n_mentions", _I, False),
    ),
    "people": _schema(
        _KEY,
        ("person_id", _S, False),
        ("name", _S),
        ("office", _S),
        ("title", _S),
        ("office_category", _S),
        ("country", _S),
        ("named", _B),
        ("n_mentions", _I, False),
    ),
    "organizations": _schema(
        _KEY, ("organization_id", _S, False), ("name", _S), ("country", _S), ("n_mentions", _I, False)
    ),
    "visits": _schema(
        _KEY,
        ("visit_index", _I, False),
        ("published", _D),
        ("visitor_id", _S),
        ("visitor_name", _S),
        ("visitor_office", _S),
        ("visitor_office_category", _S),
        ("visitor_country", _S),
        ("host_country", _S),
        ("status", _S, False),
        *_DATE_FIELDS,
        ("place_ids", _S),
        ("place_names", _S),
        *_EVIDENCE_FIELDS,
        ("confidence", _F, False),
        ("rule", _S, False),
        ("explanation", _S),
    ),
    "visit_places": _schema(
        _KEY,
        ("visit_index", _I, False),
        ("place_index", _I, False),
        ("place_id", _S),
        ("name", _S),
        ("kind", _S),
        ("country", _S),
    ),
    "meetings": _schema(
        _KEY,
        ("meeting_index", _I, False),
        ("published", _D),
        ("status", _S, False),
        ("mode", _S, False),
        *_DATE_FIELDS,
        ("place_id", _S),
        ("place_name", _S),
        ("place_kind", _S),
        ("place_country", _S),
        ("n_participants", _I, False),
        ("participant_names", _S),
        *_EVIDENCE_FIELDS,
        ("confidence", _F, False),
        ("rule", _S, False),
        ("explanation", _S),
    ),
    "meeting_participants": _schema(
        _KEY,
        ("meeting_index", _I, False),
        ("participant_index", _I, False),
        ("person_id", _S),
        ("name", _S),
        ("office", _S),
        ("office_category", _S),
        ("country", _S),
    ),
    "statements": _schema(
        _KEY,
        ("statement_index", _I, False),
        ("published", _D),
        ("speaker_type", _S),
        ("speaker_id", _S),
        ("speaker_name", _S),
        ("speaker_office", _S),
        ("speaker_country", _S),
        ("quote", _S),
        ("direct", _B),
        ("quote_start", _I),
        ("quote_end", _I),
        *_DATE_FIELDS,
        *_EVIDENCE_FIELDS,
        ("confidence", _F, False),
        ("rule", _S, False),
    ),
    "mentions": _schema(
        _KEY,
        ("mention_index", _I, False),
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("entity_id", _S),
        ("kind", _S),
        ("country", _S),
        ("name", _S),
        ("alias_type", _S),
    ),
    # Every evidence span of visits, meetings and statements (the tables above carry the first one).
    "evidence": _schema(
        _KEY,
        ("record_type", _S, False),
        ("record_index", _I, False),
        ("span_index", _I, False),
        ("start", _I),
        ("end", _I),
        ("text", _S),
    ),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)

# Events across documents (visitextract.events): one row per real-world visit or meeting, and one
# per report of it. Keyed by event_id, not doc_id: written once, after every document.
EVENT_SCHEMAS: dict[str, pa.Schema] = {
    "events": _schema(
        ("event_id", _S, False),
        ("kind", _S, False),
        ("status", _S, False),
        ("mode", _S),
        ("visitor_id", _S),
        ("visitor_name", _S),
        ("visitor_office", _S),
        ("visitor_country", _S),
        ("host_country", _S),
        ("participant_ids", _S),
        ("participant_names", _S),
        ("place_ids", _S),
        ("place_names", _S),
        ("date_start", _D),
        ("date_end", _D),
        ("date_granularity", _S),
        ("date_start_from_doc_id", _S),
        ("date_start_from_record_index", _I),
        ("date_end_from_doc_id", _S),
        ("date_end_from_record_index", _I),
        ("n_reports", _I, False),
        ("n_records", _I, False),
        ("first_reported", _D),
        ("last_reported", _D),
        ("confidence", _F, False),
    ),
    "event_sources": _schema(
        ("event_id", _S, False),
        ("source_index", _I, False),
        _KEY,
        ("record_type", _S, False),
        ("record_index", _I, False),
        ("published", _D),
        ("status", _S, False),
        ("date_start", _D),
        ("date_end", _D),
        ("date_granularity", _S),
        ("date_text", _S),
        ("date_used", _B, False),
        ("date_agrees", _B),
        ("confidence", _F, False),
        ("evidence_text", _S),
        ("url", _S),
    ),
}
EVENT_TABLES: tuple[str, ...] = tuple(EVENT_SCHEMAS)


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _join(values: Iterable[object], sep: str = "; ") -> str | None:
    items = [str(v) for v in values if v is not None and v != ""]
    return sep.join(items) if items else None


def _date_cols(rng: Mapping[str, Any] | None) -> Row:
    r = rng or {}
    return {
        "date_start": _date(r.get("start")),
        "date_end": _date(r.get("end")),
        "date_granularity": r.get("granularity"),
        "date_year_inferred": r.get("year_inferred") if rng else None,
        "date_text": r.get("text"),
        "date_start_partial": r.get("start_partial"),
        "date_end_partial": r.get("end_partial"),
        "date_weekday": r.get("weekday"),
    }


def _evidence_cols(spans: Sequence[Mapping[str, Any]]) -> Row:
    first = spans[0] if spans else {}
    return {
        "evidence_start": first.get("start"),
        "evidence_end": first.get("end"),
        "evidence_text": first.get("text"),
    }


def _evidence_rows(doc_id: str, kind: str, index: int, spans: Sequence[Mapping[str, Any]]) -> list[Row]:
    return [
        {
            "doc_id": doc_id,
            "record_type": kind,
            "record_index": index,
            "span_index": k,
            "start": s.get("start"),
            "end": s.get("end"),
            "text": s.get("text"),
        }
        for k, s in enumerate(spans)
    ]


def flatten_record(record: Mapping[str, Any]) -> Rows:
    """The rows each table gets from one batch record (a record that is an error gets a documents row).

    Raises ``ValueError`` when a value cannot take its column type (a date that is not YYYY-MM-DD):
    the batch runner calls this right after extraction, so that such a document becomes an error
    record at stage "write" instead of breaking the final tables.
    """
    doc_id = str(record.get("doc_id") or "")
    source: Mapping[str, Any] = record.get("source") or {}
    error: Mapping[str, Any] | None = record.get("error")
    published = _date(record.get("published"))
    people = record.get("people") or []
    orgs = record.get("organizations") or []
    visits = record.get("visits") or []
    meetings = record.get("meetings") or []
    statements = record.get("statements") or []
    mentions = record.get("mentions") or []
    out: Rows = {name: [] for name in TABLES}
    out["documents"].append(
        {
            "doc_id": doc_id,
            "published": published,
            "published_from": source.get("published_from"),
            "ok": error is None,
            "gated": bool(record.get("gated", False)),
            "error_stage": error.get("stage") if error else None,
            "error_message": error.get("message") if error else None,
            "error_type": error.get("type") if error else None,
            "source_file": source.get("file"),
            "source_line": source.get("line"),
            "source_index": source.get("index"),
            "url": source.get("url"),
            "title": source.get("title"),
            "encoding": source.get("encoding"),
            "text_offset": source.get("offset"),
            "warnings": _join(source.get("warnings") or [], "\n"),
            "n_people": len(people),
            "n_organizations": len(orgs),
            "n_visits": len(visits),
            "n_meetings": len(meetings),
            "n_statements": len(statements),
            "n_mentions": len(mentions),
        }
    )
    for p in people:
        out["people"].append(
            {
                "doc_id": doc_id,
                "person_id": p["id"],
                "name": p.get("name"),
                "office": p.get("office"),
                "title": p.get("title"),
                "office_category": p.get("office_category"),
                "country": p.get("country"),
                "named": p.get("named"),
                "n_mentions": len(p.get("mentions") or []),
            }
        )
    for o in orgs:
        out["organizations"].append(
            {
                "doc_id": doc_id,
                "organization_id": o["id"],
                "name": o.get("name"),
                "country": o.get("country"),
                "n_mentions": len(o.get("mentions") or []),
            }
        )
    for i, v in enumerate(visits):
        visitor: Mapping[str, Any] = v.get("visitor") or {}
        places = v.get("places") or []
        evidence = v.get("evidence") or []
        out["visits"].append(
            {
                "doc_id": doc_id,
                "visit_index": i,
                "published": published,
                "visitor_id": visitor.get("id"),
                "visitor_name": visitor.get("name"),
                "visitor_office": visitor.get("office"),
                "visitor_office_category": visitor.get("office_category"),
                "visitor_country": v.get("visitor_country"),
                "host_country": v.get("host_country"),
                "status": v["status"],
                **_date_cols(v.get("dates")),
                "place_ids": _join(p.get("id") for p in places),
                "place_names": _join(p.get("name") for p in places),
                **_evidence_cols(evidence),
                "confidence": float(v["confidence"]),
                "rule": v["rule"],
                "explanation": _join(v.get("explanation") or [], "\n"),
            }
        )
        for k, p in enumerate(places):
            out["visit_places"].append(
                {
                    "doc_id": doc_id,
                    "visit_index": i,
                    "place_index": k,
                    "place_id": p.get("id"),
                    "name": p.get("name"),
                    "kind": p.get("kind"),
                    "country": p.get("country"),
                }
            )
        out["evidence"].extend(_evidence_rows(doc_id, "visit", i, evidence))
    for i, m in enumerate(meetings):
        place: Mapping[str, Any] = m.get("place") or {}
        participants = m.get("participants") or []
        evidence = m.get("evidence") or []
        out["meetings"].append(
            {
                "doc_id": doc_id,
                "meeting_index": i,
                "published": published,
                "status": m["status"],
                "mode": m.get("mode") or "in_person",
                **_date_cols(m.get("date")),
                "place_id": place.get("id"),
                "place_name": place.get("name"),
                "place_kind": place.get("kind"),
                "place_country": place.get("country"),
                "n_participants": len(participants),
                "participant_names": _join(p.get("name") for p in participants),
                **_evidence_cols(evidence),
                "confidence": float(m["confidence"]),
                "rule": m["rule"],
                "explanation": _join(m.get("explanation") or [], "\n"),
            }
        )
        for k, p in enumerate(participants):
            out["meeting_participants"].append(
                {
                    "doc_id": doc_id,
                    "meeting_index": i,
                    "participant_index": k,
                    "person_id": p.get("id"),
                    "name": p.get("name"),
                    "office": p.get("office"),
                    "office_category": p.get("office_category"),
                    "country": p.get("country"),
                }
            )
        out["evidence"].extend(_evidence_rows(doc_id, "meeting", i, evidence))
    for i, s in enumerate(statements):
        speaker: Mapping[str, Any] = s.get("speaker") or {}
        quote_span: Mapping[str, Any] = s.get("quote_span") or {}
        evidence = s.get("evidence") or []
        out["statements"].append(
            {
                "doc_id": doc_id,
                "statement_index": i,
                "published": published,
                "speaker_type": speaker.get("type"),
                "speaker_id": speaker.get("id"),
                "speaker_name": speaker.get("name"),
                "speaker_office": speaker.get("office"),
                "speaker_country": speaker.get("country"),
                "quote": s.get("quote"),
                "direct": s.get("direct"),
                "quote_start": quote_span.get("start"),
                "quote_end": quote_span.get("end"),
                **_date_cols(s.get("date")),
                **_evidence_cols(evidence),
                "confidence": float(s["confidence"]),
                "rule": s["rule"],
            }
        )
        out["evidence"].extend(_evidence_rows(doc_id, "statement", i, evidence))
    for i, m in enumerate(mentions):
        out["mentions"].append(
            {
                "doc_id": doc_id,
                "mention_index": i,
                "text": m.get("text"),
                "start": m.get("start"),
                "end": m.get("end"),
                "entity_id": m.get("entity_id"),
                "kind": m.get("kind"),
                "country": m.get("country"),
                "name": m.get("name"),
                "alias_type": m.get("alias_type"),
            }
        )
    return out


def flatten_records(records: Iterable[Mapping[str, Any]]) -> Rows:
    """Rows of many records, concatenated table by table in record order."""
    out: Rows = {name: [] for name in TABLES}
    for record in records:
        for name, rows in flatten_record(record).items():
            out[name].extend(rows)
    return out


def to_arrow(name: str, rows: Sequence[Row]) -> pa.Table:
    """A pyarrow Table of one table's rows, with its declared schema (types do not follow the data).

    Raises ``ValueError`` for a null in a non-null column: pyarrow would only notice when writing.
    """
    schema = SCHEMAS[name] if name in SCHEMAS else EVENT_SCHEMAS[name]
    table = pa.Table.from_pylist(list(rows), schema=schema)
    for f in schema:
        if not f.nullable and table.column(f.name).null_count:
            raise ValueError(f"table {name!r}: column {f.name!r} must not be null")
    return table


def check_record(record: Mapping[str, Any]) -> None:
    """Raise if a record cannot go into the tables (used before it is written, see flatten_record)."""
    for name, rows in flatten_record(record).items():
        if rows:
            to_arrow(name, rows)


def check_records(records: Sequence[Mapping[str, Any]]) -> list[Exception | None]:
    """:func:`check_record` of each record (None: fine), for a whole shard at once.

    A conversion costs mostly its call (4.6 ms for one record's tables, 0.16 ms a record for a
    shard of 32 together): the shard's rows go into one table per name. Only when that fails is
    each record converted alone, to name the culprits.
    """
    tables: Rows = {}
    try:
        for record in records:
            for name, rows in flatten_record(record).items():
                tables.setdefault(name, []).extend(rows)
        for name, rows in tables.items():
            if rows:
                to_arrow(name, rows)
        return [None] * len(records)
    except Exception:
        pass
    finally:
        # the tables are dropped: their memory goes back to the system, not to the pool's caches
        # (a batch worker kept 60 MB more after 100 documents)
        pa.default_memory_pool().release_unused()
    out: list[Exception | None] = []
    for record in records:
        try:
            check_record(record)
        except Exception as exc:
            out.append(exc)
        else:
            out.append(None)
    return out
