"""``visitextract export``: PLOVER JSON Lines checked line by line against the JSON Schema written from
the PLOVER manual, and PETRARCH-style CAMEO rows; both read from every batch output format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from visitextract.batch import BatchConfig, InProcessEngine, run_batch
from visitextract.export import (
    CAMEO_COLUMNS,
    ExportSummary,
    cameo_rows,
    meeting_roles,
    plover_events,
    plover_schema,
    sector,
    write_cameo,
    write_plover,
)
from visitextract.io.load import OutputReadError, load_records
from visitextract.io.writers import read_jsonl

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [ROOT / "examples", ROOT / "tests" / "data" / "events" / "state-visit"]
FORMATS = ("jsonl", "parquet", "duckdb", "csv")
OUTPUT_NAMES = {"jsonl": "b.jsonl", "parquet": "b.parquet", "duckdb": "b.duckdb", "csv": "visits.csv"}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = plover_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The batch of examples/ and the state visit, once in every output format."""
    folder = tmp_path_factory.mktemp("export")
    engine = InProcessEngine(None, batch_size=16)
    out = {}
    for fmt in FORMATS:
        path = folder / OUTPUT_NAMES[fmt]
        run_batch(BatchConfig(INPUTS, str(path), batch_size=16, published="2022-12-06"), engine=engine)
        out[fmt] = path
    return out


def _errors(validator: jsonschema.Draft202012Validator, line: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(line)]


# ------------------------------------------------------------------------------------- PLOVER
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_plover_line_validates_against_the_schema(
    fmt: str, outputs: dict[str, Path], validator: jsonschema.Draft202012Validator
) -> None:
    records = load_records(outputs[fmt])
    buffer = io.StringIO()
    summary = write_plover(records, buffer)
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert lines and len(lines) == summary.written
    for line in lines:
        assert _errors(validator, line) == [], line["id"]
    assert len({line["id"] for line in lines}) == len(lines)
    n_visits = sum(len(r["visits"]) for r in records)
    assert summary.visits == n_visits
    if fmt != "csv":  # a CSV output holds the visits only
        assert summary.meetings == sum(len(r["meetings"]) for r in records) > 0
    # every visit and meeting is an event, except the ones the docs say are left out
    left = sum(n for reason, n in summary.left_out.items() if not reason.startswith("statements"))
    assert summary.written + left == summary.visits + summary.meetings


def test_plover_lines_are_the_same_from_every_format(outputs: dict[str, Path]) -> None:
    def plover(fmt: str) -> list[dict[str, Any]]:
        return list(plover_events(load_records(outputs[fmt])))

    jsonl = plover("jsonl")
    assert plover("parquet") == jsonl
    assert plover("duckdb") == jsonl
    # a CSV keeps the visits, each with its first evidence span only
    first_span = {"text", "event_text"}
    visits_only = [{k: v for k, v in e.items() if k not in first_span} for e in jsonl if ":visit:" in e["id"]]
    assert [{k: v for k, v in e.items() if k not in first_span} for e in plover("csv")] == visits_only


def test_the_state_visit_in_plover(outputs: dict[str, Path]) -> None:
    lines = [e for e in plover_events(load_records(outputs["jsonl"])) if "state-visit/" in e["id"]]
    visits = [e for e in lines if ":visit:" in e["id"]]
    assert len(visits) == 20
    # twenty reports, one real-world visit: one link for all of them
    assert len({e["link"] for e in visits}) == 1
    for e in visits:
        assert e["event"] == ["CONSULT"] and e["mode"] == ["visit"]
        [source] = e["source"]
        assert (source["code"], source["sector"], source["actor_text"]) == ("COL", "GOV", "Martín Restrepo")
        assert e["recipient"][0]["code"] == "SWE"
        assert e["recipient"][0]["identifier_id"] == "Q34"  # Sweden, from the wikidata table
        assert e["cite_info"]["url"].startswith("https://") and e["story_id"] in e["id"]
        assert e["text"] and 0 < e["confidence"] <= 1
    planned = [e for e in visits if e.get("context") == ["future"]]
    assert planned and all(e["date"].startswith("2023-05") for e in planned)


def _doc(
    visits: Sequence[dict[str, Any]] = (), meetings: Sequence[dict[str, Any]] = (), statements: int = 0
) -> dict[str, Any]:
    return {
        "doc_id": "d1",
        "published": "2023-06-01",
        "error": None,
        "source": {"url": "https://news.example.org/d1", "title": "A title"},
        "visits": list(visits),
        "meetings": list(meetings),
        "statements": [{"quote": "x"}] * statements,
    }


def _p(
    name: str, country: str | None, category: str | None = "head_of_state", office: str = "President"
) -> dict[str, Any]:
    return {
        "id": f"person:{name.lower().replace(' ', '-')}",
        "name": name,
        "country": country,
        "office": office,
        "office_category": category,
    }


def _visit(
    status: str = "completed", visitor: dict[str, Any] | None = None, host: str = "DEU"
) -> dict[str, Any]:
    return {
        "visitor": visitor or _p("Emmanuel Macron", "FRA"),
        "visitor_country": "FRA",
        "host_country": host,
        "places": [{"id": "city:berlin", "name": "Berlin", "kind": "city", "country": "DEU"}],
        "dates": {"start": "2023-05-30", "end": "2023-05-31", "granularity": "day", "text": "x"},
        "status": status,
        "evidence": [{"start": 0, "end": 10, "text": "Macron was in Berlin."}],
        "confidence": 0.9,
        "rule": "visit.test",
    }


def _meeting(
    people: list[dict[str, Any]],
    place: dict[str, Any] | None,
    mode: str = "in_person",
    status: str = "held",
    text: str = "They met.",
) -> dict[str, Any]:
    return {
        "participants": people,
        "date": {"start": "2023-05-30", "end": "2023-05-30", "granularity": "day", "text": "x"},
        "place": place,
        "status": status,
        "mode": mode,
        "evidence": [{"start": 0, "end": len(text), "text": text}],
        "confidence": 0.85,
        "rule": "meeting.test",
    }


BERLIN = {"id": "city:berlin", "name": "Berlin", "kind": "city", "country": "DEU"}
GENEVA = {"id": "city:geneva", "name": "Geneva", "kind": "city", "country": "CHE"}
BRUSSELS_EU = {"id": "bloc:EU", "name": "European Union", "kind": "bloc", "country": "EU"}
MACRON, SCHOLZ = _p("Emmanuel Macron", "FRA"), _p("Olaf Scholz", "DEU", "head_of_government", "Chancellor")
GUTERRES = _p("Antonio Guterres", None, "international", "Secretary-General")


@pytest.mark.parametrize(
    ("meeting", "mode", "sources", "recipients", "cameo"),
    [
        (_meeting([MACRON, SCHOLZ], BERLIN), "visit", ["FRA"], ["DEU"], "040"),
        (_meeting([MACRON, SCHOLZ], BERLIN, text="They held talks."), "visit", ["FRA"], ["DEU"], "046"),
        (_meeting([MACRON, SCHOLZ], None, mode="phone"), "phone", ["FRA", "DEU"], [], "041"),
        (_meeting([MACRON, SCHOLZ], None, mode="video"), "phone", ["FRA", "DEU"], [], "041"),
        (_meeting([MACRON, SCHOLZ], GENEVA), "third-party", ["FRA", "DEU"], [], "044"),
        (_meeting([MACRON, SCHOLZ], BRUSSELS_EU), "multilateral", ["FRA", "DEU"], [], "040"),
        (_meeting([MACRON, GUTERRES], None), "multilateral", ["FRA", "IGO"], [], "040"),
        (_meeting([MACRON, SCHOLZ], None), None, ["FRA", "DEU"], [], "040"),
        (_meeting([MACRON, SCHOLZ], BERLIN, status="planned"), "visit", ["FRA"], ["DEU"], "036"),
    ],
    ids=["host", "talks", "phone", "video", "third-party", "bloc", "un", "no-place", "planned"],
)
def test_meeting_modes_and_actors(
    meeting: dict[str, Any],
    mode: str | None,
    sources: list[str],
    recipients: list[str],
    cameo: str,
    validator: jsonschema.Draft202012Validator,
) -> None:
    [event] = plover_events([_doc(meetings=[meeting])])
    assert _errors(validator, event) == []
    assert event.get("mode") == ([mode] if mode else None)
    assert [a["code"] for a in event["source"]] == sources
    assert [a["code"] for a in event.get("recipient", [])] == recipients
    assert meeting_roles(meeting)[0] == mode
    assert (event.get("context") == ["future"]) == (meeting["status"] == "planned")
    rows = list(cameo_rows([_doc(meetings=[meeting])]))
    assert [r[3] for r in rows] == [cameo]


def test_a_visit_in_plover_and_cameo(validator: jsonschema.Draft202012Validator) -> None:
    [event] = plover_events([_doc(visits=[_visit()])])
    assert _errors(validator, event) == []
    assert (event["id"], event["date"], event["enddate"]) == ("d1:visit:0", "2023-05-30", "2023-05-31")
    [src] = event["source"]
    # Macron: head of state in the leaders table on that day, so his Wikidata id is known
    assert src == {
        "code": "FRA",
        "sector": "GOV",
        "actor_text": "Emmanuel Macron",
        "identifier_id": "Q3052772",
        "identifier_text": "Emmanuel Macron",
        "office": "President",
    }
    assert event["recipient"] == [
        {"code": "DEU", "identifier_id": "Q183", "identifier_text": "Germany", "actor_text": "Berlin"}
    ]
    assert event["event_loc"]["name"] == "Berlin" and event["event_loc"]["cc3"] == "DEU"
    assert (event["quad_code"], event["event_scale"], event["story_id"]) == (1, 2.1, "d1")
    rows = list(cameo_rows([_doc(visits=[_visit()])]))
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("20230530", "FRAGOV", "DEU", "042"),
        ("20230530", "DEU", "FRAGOV", "043"),
    ]
    assert all(len(r) == len(CAMEO_COLUMNS) for r in rows)


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("head_of_state", "GOV"),
        ("foreign_minister", "GOV"),
        ("ambassador", "GOV"),
        ("legislator", "LEG"),
        ("military", "MIL"),
        ("party_leader", "PTY"),
        ("international", None),
        ("other", None),
        (None, None),
    ],
)
def test_sectors_from_office_categories(category: str | None, expected: str | None) -> None:
    assert sector({"office_category": category}) == expected


def test_a_record_without_a_date_takes_the_date_of_its_event() -> None:
    dated = _doc(meetings=[_meeting([MACRON, SCHOLZ], BERLIN)])
    undated = _doc(meetings=[_meeting([MACRON, SCHOLZ], BERLIN) | {"date": None}]) | {
        "doc_id": "d2",
        "published": "2023-06-02",
    }
    alone = _doc(meetings=[_meeting([MACRON, SCHOLZ], BERLIN) | {"date": None}]) | {"doc_id": "d3"}
    first, second = plover_events([dated, undated])
    assert first["link"] == second["link"]
    assert (first["date"], second["date"]) == ("2023-05-30", "2023-05-30")  # not d2's publication date
    [third] = plover_events([alone])
    assert third["date"] == "2023-06-01"  # no other report: the story's date
    assert [r[0] for r in cameo_rows([dated, undated])] == ["20230530", "20230530"]


def test_what_is_left_out_and_said() -> None:
    records = [
        _doc(
            visits=[_visit("cancelled"), _visit("planned")],
            meetings=[_meeting([MACRON, SCHOLZ], BERLIN, status="cancelled")],
            statements=2,
        ),
        {"doc_id": "bad", "error": {"stage": "decode"}, "visits": [], "meetings": [], "statements": []},
    ]
    summary = ExportSummary()
    events = list(plover_events(records, summary))
    assert [e["context"] for e in events] == [["future"]]
    assert summary.written == 1 and summary.visits == 2 and summary.meetings == 1
    assert sorted(summary.left_out.values()) == [1, 1, 2]
    assert any(reason.startswith("statements") for reason in summary.left_out)
    rows = list(cameo_rows(records))
    assert [r[3] for r in rows] == ["036"]


def test_the_schema_rejects_what_the_manual_does_not_allow(
    validator: jsonschema.Draft202012Validator,
) -> None:
    [good] = plover_events([_doc(visits=[_visit()])])
    assert _errors(validator, good) == []
    for change in (
        {"mode": ["by-carrier-pigeon"]},
        {"event": ["VISIT"]},
        {"date": "30 May 2023"},
        {"source": []},
        {"source": [{"code": "France"}]},
        {"context": ["tomorrow"]},
        {"confidence": 1.5},
        {"unknown_field": 1},
    ):
        assert _errors(validator, good | change), change
    missing = dict(good)
    del missing["event"]
    assert _errors(validator, missing)


# -------------------------------------------------------------------------------------- CAMEO
@pytest.mark.parametrize("fmt", ["jsonl", "duckdb"])
def test_cameo_rows_for_every_visit_and_meeting(fmt: str, outputs: dict[str, Path]) -> None:
    records = load_records(outputs[fmt])
    buffer = io.StringIO()
    summary = write_cameo(records, buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == CAMEO_COLUMNS
    body = rows[1:]
    assert len(body) == summary.written and all(len(r) == len(CAMEO_COLUMNS) for r in body)
    ids = {r[5] for r in body}
    for r in records:
        for kind in ("visit", "meeting"):
            for i, rec in enumerate(r[f"{kind}s"]):
                if rec["status"] != "cancelled":
                    assert f"{r['doc_id']}:{kind}:{i}" in ids, (r["doc_id"], kind, i)
    assert {r[3] for r in body} <= {"036", "040", "041", "042", "043", "044", "046"}
    assert all(len(r[0]) == 8 and r[0].isdigit() for r in body)


# ------------------------------------------------------------------------------- reading outputs
def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A record without what the tables do not keep (person mentions, date spans, country sources)."""
    text = json.dumps({k: record[k] for k in ("doc_id", "published", "visits", "meetings", "statements")})
    data: dict[str, Any] = json.loads(text)

    def strip(obj: Any) -> Any:
        if isinstance(obj, dict):
            return {
                k: strip(v)
                for k, v in obj.items()
                if k not in ("span", "mentions", "country_source", "title", "named")
            }
        if isinstance(obj, list):
            return [strip(v) for v in obj]
        return obj

    return strip(data)  # type: ignore[no-any-return]


@pytest.mark.parametrize("fmt", ["parquet", "duckdb"])
def test_tables_read_back_as_the_jsonl_records(fmt: str, outputs: dict[str, Path]) -> None:
    jsonl = read_jsonl(outputs["jsonl"])
    tables = load_records(outputs[fmt])
    assert [r["doc_id"] for r in tables] == [r["doc_id"] for r in jsonl]
    for a, b in zip(jsonl, tables, strict=True):
        assert _comparable(b) == _comparable(a), a["doc_id"]
        assert [m["entity_id"] for m in b["mentions"]] == [m["entity_id"] for m in a["mentions"]]
        assert b["source"]["file"] == a["source"]["file"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.jsonl", None, "does not exist"),
        ("notes.txt", "hello", "suffix"),
        ("broken.jsonl", '{"doc_id": "a"}\n{not json\n', "line 2"),
        ("other.jsonl", '{"text": "an input, not an output"}\n', "no doc_id"),
        ("visits.csv", "doc_id,visit_index\n", "visits.documents.csv"),
    ],
)
def test_unreadable_outputs_say_what_is_wrong(
    tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(OutputReadError, match=rf"\[E065\].*{message}"):
        load_records(path)


# ---------------------------------------------------------------------------------- the command
@pytest.mark.slow
def test_export_command(
    outputs: dict[str, Path], tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    out = tmp_path / "events.plover.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "visitextract",
        "export",
        str(outputs["parquet"]),
        "--to",
        "plover",
        "-o",
        str(out),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "PLOVER events written" in done.stderr and "left out" in done.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and all(not _errors(validator, line) for line in lines)
    cmd = [
        sys.executable,
        "-m",
        "visitextract",
        "export",
        str(outputs["jsonl"]),
        "--to",
        "cameo",
        "--no-header",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0].split("\t")
    assert len(first) == len(CAMEO_COLUMNS) and first[0].isdigit()
    bad = subprocess.run(
        [sys.executable, "-m", "visitextract", "export", str(tmp_path / "nope.jsonl"), "--to", "plover"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and "[E065]" in bad.stderr
