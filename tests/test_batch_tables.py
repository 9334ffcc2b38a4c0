"""Flattening of batch records into typed tables (io/tables.py), shared by Parquet, DuckDB and CSV."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa
import pytest

from visitextract.batch import make_record
from visitextract.io.tables import SCHEMAS, TABLES, check_record, flatten_record, flatten_records, to_arrow
from visitextract.io.writers import duckdb_ddl
from visitextract.models import (
    DateRange,
    Extraction,
    Meeting,
    Mention,
    Organization,
    Person,
    Place,
    Span,
    Statement,
    Visit,
)

TEXT = (
    "Lithuanian Foreign Minister Ona Petraite arrived in Astana on Monday. She met Kazakh Foreign Minister "
    'Arman Seitov. "We agree," the ministry said.'
)


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _extraction() -> Extraction:
    ona = Person(
        id="person:ona-petraite",
        name="Ona Petraite",
        office="Foreign Minister",
        country="LTU",
        mentions=[_span("Ona Petraite")],
        title="Foreign Minister",
        office_category="foreign_minister",
    )
    arman = Person(id="person:arman-seitov", name="Arman Seitov", office="Foreign Minister", country="KAZ")
    ministry = Organization(
        id="org:ltu-mfa", name="the ministry", country="LTU", mentions=[_span("the ministry")]
    )
    astana = Place(id="city:astana", name="Astana", kind="city", country="KAZ")
    monday = DateRange(
        start="2022-12-05", end="2022-12-05", granularity="day", year_inferred=True, text="Monday"
    )
    return Extraction(
        doc_id="doc-1",
        published="2022-12-06",
        people=[ona, arman],
        organizations=[ministry],
        visits=[
            Visit(
                visitor=ona,
                visitor_country="LTU",
                host_country="KAZ",
                places=[astana, Place(id="country:KAZ", name="Kazakhstan", kind="country", country="KAZ")],
                dates=monday,
                status="ongoing",
                evidence=[_span("arrived in Astana on Monday"), _span("Astana")],
                confidence=0.9,
                rule="visit.arrived_in",
                explanation=["trigger 'arrived'", "status ongoing"],
            )
        ],
        meetings=[
            Meeting(
                participants=[ona, arman],
                place=astana,
                status="held",
                mode="in_person",
                evidence=[_span("She met Kazakh Foreign Minister Arman Seitov")],
                confidence=0.8,
                rule="meeting.met",
            )
        ],
        statements=[
            Statement(
                speaker=ministry,
                quote="We agree,",
                direct=True,
                evidence=[_span('"We agree," the ministry said')],
                confidence=0.7,
                rule="statement.said",
                quote_span=_span("We agree,"),
            )
        ],
        mentions=[
            Mention(
                text="Kazakh",
                start=TEXT.index("Kazakh"),
                end=TEXT.index("Kazakh") + 6,
                entity_id="country:KAZ",
                kind="country",
                country="KAZ",
                name="Kazakhstan",
                alias_type="demonym",
            ),
        ],
    )


def _payload(doc_id: str = "doc-1") -> dict[str, Any]:
    source = {
        "file": "in/doc-1.txt",
        "line": None,
        "index": None,
        "url": "https://example.org/1",
        "title": "T",
        "encoding": "utf-8",
        "published_from": "front_matter",
        "offset": 57,
        "warnings": [],
    }
    return {"doc_id": doc_id, "text": TEXT, "published": "2022-12-06", "source": source, "error": None}


def _record() -> dict[str, Any]:
    return make_record(_payload(), _extraction().model_dump(mode="json"), None)


def test_record_keeps_the_contract_json_and_adds_source_and_error() -> None:
    record = _record()
    contract = _extraction().model_dump(mode="json")
    assert {k: record[k] for k in contract} == contract
    assert record["error"] is None and record["source"]["offset"] == 57
    assert list(record)[:4] == ["doc_id", "published", "error", "source"]


def test_flatten_rows_per_table() -> None:
    rows = flatten_record(_record())
    assert {name: len(rows[name]) for name in TABLES} == {
        "documents": 1,
        "people": 2,
        "organizations": 1,
        "visits": 1,
        "visit_places": 2,
        "meetings": 1,
        "meeting_participants": 2,
        "statements": 1,
        "mentions": 1,
        "evidence": 4,  # 2 for the visit, 1 for the meeting, 1 for the statement
    }
    [doc] = rows["documents"]
    assert doc["ok"] is True and doc["published"] == dt.date(2022, 12, 6) and doc["n_visits"] == 1
    assert doc["published_from"] == "front_matter" and doc["text_offset"] == 57
    [visit] = rows["visits"]
    assert visit["visitor_name"] == "Ona Petraite" and visit["host_country"] == "KAZ"
    assert visit["date_start"] == dt.date(2022, 12, 5) and visit["date_year_inferred"] is True
    assert visit["place_names"] == "Astana; Kazakhstan" and visit["place_ids"] == "city:astana; country:KAZ"
    assert visit["evidence_text"] == "arrived in Astana on Monday"
    assert visit["explanation"] == "trigger 'arrived'\nstatus ongoing"
    assert [(p["visit_index"], p["place_index"], p["place_id"]) for p in rows["visit_places"]] == [
        (0, 0, "city:astana"),
        (0, 1, "country:KAZ"),
    ]
    assert [p["name"] for p in rows["meeting_participants"]] == ["Ona Petraite", "Arman Seitov"]
    [meeting] = rows["meetings"]
    assert (
        meeting["place_name"] == "Astana" and meeting["date_start"] is None and meeting["n_participants"] == 2
    )
    [stmt] = rows["statements"]
    assert (stmt["speaker_type"], stmt["speaker_name"], stmt["quote_start"]) == (
        "organization",
        "the ministry",
        TEXT.index("We agree,"),
    )
    ev = [(e["record_type"], e["record_index"], e["span_index"]) for e in rows["evidence"]]
    assert ev == [("visit", 0, 0), ("visit", 0, 1), ("meeting", 0, 0), ("statement", 0, 0)]
    for e in rows["evidence"]:
        assert TEXT[e["start"] : e["end"]] == e["text"]
    assert all(r["doc_id"] == "doc-1" for name in TABLES for r in rows[name])


def test_error_record_is_one_documents_row() -> None:
    error = {"stage": "decode", "message": "[E017] Could not decode", "type": "ValueError"}
    record = make_record(_payload("bad"), None, error)
    assert record["error"] == {
        "file": "in/doc-1.txt",
        "line": None,
        "stage": "decode",
        "message": "[E017] Could not decode",
        "type": "ValueError",
    }
    assert all(
        record[k] == [] for k in ("people", "visits", "meetings", "statements", "mentions", "organizations")
    )
    rows = flatten_record(record)
    assert [name for name in TABLES if rows[name]] == ["documents"]
    [doc] = rows["documents"]
    assert (doc["ok"], doc["error_stage"], doc["n_visits"]) == (False, "decode", 0)


def test_arrow_tables_follow_the_declared_types() -> None:
    rows = flatten_records([_record(), _record()])
    visits = to_arrow("visits", rows["visits"])
    assert visits.schema == SCHEMAS["visits"]
    assert visits.schema.field("date_start").type == pa.date32()
    assert visits.schema.field("evidence_start").type == pa.int64()
    assert visits.schema.field("confidence").type == pa.float64()
    assert to_arrow("documents", rows["documents"]).num_rows == 2
    # an empty table still has every column, with its type
    assert to_arrow("meetings", []).schema == SCHEMAS["meetings"]


def test_types_in_every_schema() -> None:
    for name, schema in SCHEMAS.items():
        assert schema.names[0] == "doc_id" and not schema.field("doc_id").nullable, name
        for f in schema:
            if f.name in {"published", "date_start", "date_end"}:
                assert f.type == pa.date32(), (name, f.name)
            if f.name in {"start", "end"} or f.name.endswith(
                ("_start", "_end", "_index", "_line", "_offset")
            ):
                assert f.type in (pa.int64(), pa.date32()), (name, f.name)
            if f.name == "confidence":
                assert f.type == pa.float64()


def test_a_value_that_cannot_take_its_type_is_caught_before_writing() -> None:
    record = _record()
    record["published"] = "06/12/2022"
    with pytest.raises(ValueError):
        check_record(record)
    record = _record()
    record["visits"][0]["rule"] = None
    with pytest.raises(ValueError, match="must not be null"):
        check_record(record)
    check_record(_record())


def test_duckdb_ddl_from_schema() -> None:
    ddl = duckdb_ddl("visits")
    assert ddl.startswith('CREATE TABLE "visits" (')
    assert (
        '"doc_id" VARCHAR NOT NULL' in ddl
        and '"date_start" DATE' in ddl
        and '"confidence" DOUBLE NOT NULL' in ddl
    )
    assert '"evidence_start" BIGINT' in ddl and '"date_year_inferred" BOOLEAN' in ddl


def test_a_shard_is_checked_at_once_and_only_bad_records_fail() -> None:
    from visitextract.io.tables import check_records

    good = _record()
    bad = _record()
    bad["visits"][0]["rule"] = None  # a non-null column
    assert check_records([good, good]) == [None, None]
    problems = check_records([good, bad, good])
    assert problems[0] is None and problems[2] is None
    assert isinstance(problems[1], ValueError) and "must not be null" in str(problems[1])
