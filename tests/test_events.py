"""Events across documents: one event per real-world visit and meeting (visitextract.events).

Three levels: hand-made records, where every value of the merge is known; hand-written reports of
one visit that disagree, run through the extractor; and ``visitextract batch`` on examples/ plus the
twenty reports of one state visit in tests/data/events/state-visit (every format, resumed or not).
The assertions are about the merging, not about what the rules read from each text.
"""

from __future__ import annotations

import csv
import itertools
import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from visitextract import Extractor
from visitextract.batch import BatchConfig, InProcessEngine, run_batch, work_dir_for
from visitextract.events import Event, EventCollector, event_rows, merge
from visitextract.io.tables import EVENT_SCHEMAS, EVENT_TABLES, TABLES, to_arrow
from visitextract.io.writers import events_paths, read_jsonl

ROOT = Path(__file__).resolve().parents[1]
STATE_VISIT = ROOT / "tests" / "data" / "events" / "state-visit"
STATE_PREFIX = "tests/data/events/state-visit/"  # doc ids are relative to the inputs' common folder


# ------------------------------------------------------------------------------ hand-made records
def person(pid: str, name: str, country: str | None = None) -> dict[str, Any]:
    return {"type": "person", "id": pid, "name": name, "country": country, "office": None, "mentions": []}


def visit(
    status: str,
    start: str | None = None,
    end: str | None = None,
    *,
    who: str = "ana",
    host: str | None = "VNM",
    granularity: str = "day",
    confidence: float = 0.8,
) -> dict[str, Any]:
    dates = None
    if start or end:
        dates = {"start": start, "end": end, "granularity": granularity, "year_inferred": True, "text": "x"}
    return {
        "visitor": person(f"person:{who}", who.title(), "IRL"),
        "visitor_country": "IRL",
        "host_country": host,
        "places": [{"id": "city:hanoi", "name": "Hanoi", "kind": "city", "country": "VNM"}],
        "dates": dates,
        "status": status,
        "evidence": [{"start": 0, "end": 5, "text": "Hello"}],
        "confidence": confidence,
        "rule": "visit.test",
    }


def meeting(
    status: str, start: str | None = None, *, ids: tuple[str, ...] = ("ana", "ben"), mode: str = "in_person"
) -> dict[str, Any]:
    return {
        "participants": [person(f"person:{i}", i.title()) for i in ids],
        "date": {"start": start, "end": start, "granularity": "day", "year_inferred": True, "text": "x"}
        if start
        else None,
        "place": None,
        "status": status,
        "mode": mode,
        "evidence": [],
        "confidence": 0.85,
        "rule": "meeting.test",
    }


def doc(
    doc_id: str,
    published: str | None,
    visits: Sequence[dict[str, Any]] = (),
    meetings: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "published": published,
        "error": None,
        "visits": list(visits),
        "meetings": list(meetings),
    }


def summary(events: list[Event]) -> list[tuple[Any, ...]]:
    return [
        (e.kind, e.status, e.date_start, e.date_end, tuple((s.doc_id, s.record_index) for s in e.sources))
        for e in events
    ]


ONE_VISIT = [  # planned before, ongoing during, completed after: one visit of 4-6 March 2024
    doc("plan", "2024-02-26", [visit("planned", "2024-03-04", "2024-03-06")]),
    doc("plan-undated", "2024-02-20", [visit("planned")]),
    doc("during", "2024-03-05", [visit("ongoing", "2024-03-04")]),
    doc("during-undated", "2024-03-05", [visit("ongoing")]),
    doc("after", "2024-03-08", [visit("completed", None, "2024-03-06")]),
    doc("after-undated", "2024-03-09", [visit("completed")]),
]


def test_reports_before_during_and_after_one_visit_are_one_event() -> None:
    [event] = merge(ONE_VISIT, link_people=False)
    assert (event.kind, event.visitor_id, event.host_country) == ("visit", "person:ana", "VNM")
    assert event.status == "completed"  # the furthest status reached
    assert (event.date_start, event.date_end, event.date_granularity) == ("2024-03-04", "2024-03-06", "day")
    assert (
        event.date_start_from is not None and event.date_start_from.doc_id == "plan"
    )  # the first report giving it
    assert event.date_end_from is not None and event.date_end_from.doc_id == "plan"
    assert event.n_reports == event.n_records == 6
    assert [s.doc_id for s in event.sources] == [  # oldest report first
        "plan-undated",
        "plan",
        "during",
        "during-undated",
        "after",
        "after-undated",
    ]
    assert (event.first_reported, event.last_reported) == ("2024-02-20", "2024-03-09")
    assert {s.doc_id: s.date_used for s in event.sources} == {
        "plan": True,
        "plan-undated": False,
        "during": True,
        "during-undated": False,
        "after": True,
        "after-undated": False,
    }
    # six independent reports of 0.8: 1 - 0.2**6, capped below certainty
    assert event.confidence == 0.99
    assert event.place_ids == ["city:hanoi"] and event.visitor_name == "Ana"


@pytest.mark.parametrize(
    ("wrong", "used", "agrees"),
    [
        # "arrived on March 14" in a report of 5 March: a start after publication is not believed
        (doc("typo", "2024-03-05", [visit("ongoing", "2024-03-14")]), False, None),
        # the same typo read as a plan (dates after publication outrank tense): a misdated plan
        (doc("typo", "2024-03-05", [visit("planned", "2024-03-14")]), False, None),
        # a day off: it joins, is outvoted, and says that it disagrees
        (doc("typo", "2024-03-07", [visit("completed", "2024-03-03", "2024-03-03")]), True, False),
    ],
)
def test_a_report_with_a_wrong_date_joins_the_visit_and_does_not_move_its_dates(
    wrong: dict[str, Any], used: bool, agrees: bool | None
) -> None:
    [event] = merge([*ONE_VISIT, wrong], link_people=False)
    assert (event.date_start, event.date_end, event.n_reports) == ("2024-03-04", "2024-03-06", 7)
    [source] = [s for s in event.sources if s.doc_id == "typo"]
    assert (source.date_used, source.date_agrees) == (used, agrees)


def test_the_date_most_reports_give_wins_among_equally_precise_ones() -> None:
    records = [
        doc("a", "2024-03-09", [visit("completed", "2024-03-03", "2024-03-05")]),
        doc("b", "2024-03-10", [visit("completed", "2024-03-04", "2024-03-06")]),
        doc("c", "2024-03-11", [visit("completed", "2024-03-04", "2024-03-06")]),
        doc("d", "2024-02-20", [visit("planned", "2024-03-01", "2024-03-31", granularity="month")]),
    ]
    [event] = merge(records, link_people=False)
    assert (event.date_start, event.date_end) == ("2024-03-04", "2024-03-06")
    assert event.date_start_from is not None and event.date_start_from.doc_id == "b"
    assert {s.doc_id: s.date_agrees for s in event.sources} == {"a": True, "b": True, "c": True, "d": True}


def test_two_visits_of_one_person_to_one_country_a_year_apart_stay_two() -> None:
    records = [
        *ONE_VISIT,
        doc("next-year-plan", "2025-02-28", [visit("planned")]),
        doc("next-year", "2025-03-11", [visit("ongoing", "2025-03-11")]),
    ]
    events = merge(records, link_people=False)
    assert [(e.date_start, e.n_reports) for e in events] == [("2024-03-04", 6), ("2025-03-11", 2)]
    assert {s.doc_id for s in events[1].sources} == {"next-year-plan", "next-year"}


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (doc("x", "2024-03-05", [visit("ongoing", "2024-03-04", who="cara")]), "another visitor"),
        (doc("x", "2024-03-05", [visit("ongoing", "2024-03-04", host="LAO")]), "another host"),
        (doc("x", "2024-03-05", [visit("ongoing", "2024-03-04", host=None)]), "no host country"),
        (doc("x", "2024-05-20", [visit("ongoing", "2024-05-20")]), "two months later"),
        (doc("x", "2024-03-05", [visit("cancelled")]), "cancelled while others say it happened"),
    ],
)
def test_records_that_cannot_be_the_same_visit_are_not_merged(other: dict[str, Any], why: str) -> None:
    events = merge([*ONE_VISIT, other], link_people=False)
    assert len(events) == 2, why
    assert sorted(e.n_reports for e in events) == [1, 6], why


def test_a_cancelled_visit_merges_with_its_plans_only() -> None:
    records = [
        doc("plan", "2024-02-01", [visit("planned", "2024-02-20")]),
        doc("off", "2024-02-10", [visit("cancelled")]),
    ]
    [event] = merge(records, link_people=False)
    assert event.status == "cancelled" and event.n_reports == 2


@pytest.mark.parametrize(
    ("records", "n_events"),
    [
        (
            [
                doc("a", "2024-03-05", [], [meeting("held", "2024-03-05")]),
                doc("b", "2024-03-06", [], [meeting("held", "2024-03-05")]),
            ],
            1,
        ),
        (
            [
                doc("a", "2024-03-01", [], [meeting("planned")]),
                doc("b", "2024-03-06", [], [meeting("held", "2024-03-05")]),
            ],
            1,
        ),
        (
            [
                doc("a", "2024-03-05", [], [meeting("held", "2024-03-05")]),
                doc("b", "2024-03-09", [], [meeting("held", "2024-03-08")]),
            ],
            2,
        ),
        (
            [
                doc("a", "2024-03-05", [], [meeting("held", "2024-03-05")]),
                doc("b", "2024-03-05", [], [meeting("held", "2024-03-05", mode="phone")]),
            ],
            2,
        ),
        (
            [
                doc("a", "2024-03-05", [], [meeting("held", "2024-03-05")]),
                doc("b", "2024-03-05", [], [meeting("held", "2024-03-05", ids=("ana", "dan"))]),
            ],
            2,
        ),
    ],
    ids=["same-day", "plan-then-held", "three-days-apart", "in-person-and-phone", "other-participants"],
)
def test_meetings_merge_by_participants_mode_and_date(records: list[dict[str, Any]], n_events: int) -> None:
    events = merge(records, link_people=False)
    assert len(events) == n_events
    assert all(e.kind == "meeting" for e in events)


def test_the_same_records_in_any_order_give_the_same_events() -> None:
    records = [
        *ONE_VISIT,
        doc("next-year", "2025-03-11", [visit("ongoing", "2025-03-11")], [meeting("held", "2025-03-11")]),
        doc(
            "m",
            "2024-03-05",
            [],
            [meeting("held", "2024-03-05"), meeting("held", "2024-03-05", mode="phone")],
        ),
    ]
    expected = [e.model_dump() for e in merge(records, link_people=False)]
    rng = random.Random(13)
    for _ in range(20):
        shuffled = records[:]
        rng.shuffle(shuffled)
        assert [e.model_dump() for e in merge(shuffled, link_people=False)] == expected


def test_error_records_and_records_without_keys() -> None:
    records = [
        {"doc_id": "bad", "published": None, "error": {"stage": "decode"}, "visits": [], "meetings": []},
        doc("lonely", None, [visit("ongoing", who="zoe", host=None)]),
        doc("undated-1", None, [visit("ongoing", who="yan")]),
        doc("undated-2", None, [visit("completed", who="yan")]),
    ]
    events = merge(records, link_people=False)
    assert sorted((e.visitor_id, e.n_reports) for e in events) == [("person:yan", 2), ("person:zoe", 1)]


def test_merge_links_people_of_separate_extractions_and_leaves_them_unchanged() -> None:
    full = doc("a", "2024-03-05", [visit("ongoing", "2024-03-04", who="niamh-gallagher")])
    full["visits"][0]["visitor"]["name"] = "Niamh Gallagher"
    short = doc("b", "2024-03-06", [visit("ongoing", "2024-03-04", who="gallagher")])
    short["visits"][0]["visitor"]["name"] = "Gallagher"
    before = json.dumps([full, short], sort_keys=True)
    assert len(merge([full, short], link_people=False)) == 2  # ids differ: nothing links them
    [event] = merge([full, short])
    assert event.visitor_id == "person:niamh-gallagher" and event.n_reports == 2
    assert json.dumps([full, short], sort_keys=True) == before


def test_event_rows_fit_their_table_schemas() -> None:
    collector = EventCollector()
    for r in ONE_VISIT:
        collector.add(r)
    rows = event_rows(collector.events())
    assert set(rows) == set(EVENT_TABLES)
    assert [len(rows[name]) for name in EVENT_TABLES] == [1, 6]
    for name in EVENT_TABLES:
        assert to_arrow(name, rows[name]).schema == EVENT_SCHEMAS[name]
    [row] = rows["events"]
    assert (row["n_reports"], row["date_start_from_doc_id"], row["place_names"]) == (6, "plan", "Hanoi")


# ---------------------------------------------------------------------------- hand-written reports
REPORTS = [
    (
        "plan",
        "2024-02-26",
        "Irish Foreign Minister Niamh Gallagher will visit Vietnam from March 4 to 6, her department said "
        "on Monday. She is expected to meet Vietnamese Foreign Minister Pham Thanh Son in Hanoi.",
    ),
    (
        "during",
        "2024-03-05",
        "HANOI – Irish Foreign Minister Niamh Gallagher arrived in Hanoi on Monday for a "
        "three-day visit to Vietnam. Gallagher met Vietnamese Foreign Minister Pham Thanh Son on Tuesday.",
    ),
    (
        "after",
        "2024-03-08",
        "Irish Foreign Minister Niamh Gallagher wrapped up a three-day visit to Vietnam on "
        "Wednesday with talks on a trade office in Hanoi.",
    ),
    (
        "typo",
        "2024-03-05",
        "Irish Foreign Minister Niamh Gallagher, who arrived in Hanoi on March 14, is on a "
        "three-day visit to Vietnam.",
    ),
    (
        "next-year",
        "2025-03-11",
        "HANOI – Irish Foreign Minister Niamh Gallagher arrived in Hanoi on Tuesday for a "
        "two-day visit to Vietnam, a year after her first trip.",
    ),
]


@pytest.fixture(scope="module")
def report_extractions(extractor: Extractor) -> list[Any]:
    return [
        extractor.extract(text, published=published, doc_id=doc_id) for doc_id, published, text in REPORTS
    ]


def test_hand_written_reports_of_one_visit_that_disagree(report_extractions: list[Any]) -> None:
    # every report names the visit (what the rules read from each one is theirs to decide)
    for ex in report_extractions:
        assert [(v.visitor.name, v.host_country) for v in ex.visits] == [("Niamh Gallagher", "VNM")], (
            ex.doc_id
        )
    visits = [e for e in merge(report_extractions) if e.kind == "visit"]
    assert len(visits) == 2
    first, second = visits
    assert {s.doc_id for s in first.sources} == {"plan", "during", "after", "typo"}
    assert [s.doc_id for s in second.sources] == ["next-year"]
    assert first.status == "completed" and first.n_reports == 4
    assert first.date_start is not None and first.date_start.startswith("2024-03")
    assert second.date_start is not None and second.date_start.startswith("2025-03")
    # the misdated report is part of the visit, but its date is not the visit's
    [typo] = [s for s in first.sources if s.doc_id == "typo"]
    assert typo.date_used is False and first.date_start != typo.date_start


def test_extractions_in_another_order_give_the_same_events(report_extractions: list[Any]) -> None:
    expected = summary(merge(report_extractions))
    for order in itertools.islice(itertools.permutations(report_extractions), 0, None, 17):
        assert summary(merge(list(order))) == expected


# ------------------------------------------------------------------------------------ the batch
@pytest.fixture(scope="module")
def engine() -> Iterator[InProcessEngine]:
    yield InProcessEngine(None, batch_size=8)


def _batch(out: Path, engine: InProcessEngine, **kw: Any) -> Any:
    cfg = BatchConfig([ROOT / "examples", STATE_VISIT], str(out), batch_size=8, published="2022-12-06", **kw)
    return run_batch(cfg, engine=engine)


@pytest.fixture(scope="module")
def batch_out(engine: InProcessEngine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("events") / "all.jsonl"
    summary = _batch(out, engine)
    assert summary.events is not None and summary.events > 0
    return out


def test_batch_has_one_event_with_twenty_sources_for_the_state_visit(batch_out: Path) -> None:
    records = read_jsonl(batch_out)
    assert len(list(STATE_VISIT.glob("*.txt"))) == 20
    state_docs = {r["doc_id"] for r in records if r["doc_id"].startswith(STATE_PREFIX)}
    assert len(state_docs) == 20
    [events_file] = events_paths("jsonl", batch_out)
    events = [Event.model_validate(e) for e in read_jsonl(events_file)]
    mine = [e for e in events if e.kind == "visit" and any(s.doc_id in state_docs for s in e.sources)]
    assert len(mine) == 1, [(e.visitor_name, e.host_country, e.n_reports) for e in mine]
    [state_visit] = mine
    assert state_visit.n_reports == 20 and {s.doc_id for s in state_visit.sources} == state_docs
    assert (state_visit.visitor_name, state_visit.host_country) == ("Martín Restrepo", "SWE")
    assert state_visit.status == "completed"
    # the examples' visits are distinct visits: each stays an event of its own
    example_visits = [
        (r["doc_id"], i)
        for r in records
        if not r["doc_id"].startswith(STATE_PREFIX)
        for i, _ in enumerate(r["visits"])
    ]
    assert example_visits
    for e in events:
        if e.kind == "visit" and e not in mine:
            assert e.n_records == 1, e
    covered = {(s.doc_id, s.record_index) for e in events if e.kind == "visit" for s in e.sources}
    assert covered == {(d, i) for d, i in example_visits} | {
        (s.doc_id, s.record_index) for s in state_visit.sources
    }
    # every visit and meeting record of the batch is in exactly one event
    n_records = sum(len(r["visits"]) + len(r["meetings"]) for r in records)
    assert sum(e.n_records for e in events) == n_records


def test_events_are_the_same_in_every_output_format(
    batch_out: Path, engine: InProcessEngine, tmp_path: Path
) -> None:
    [events_file] = events_paths("jsonl", batch_out)
    expected = [Event.model_validate(e) for e in read_jsonl(events_file)]
    rows = event_rows(expected)
    want = {
        name: [(r["event_id"], r.get("n_reports"), r.get("doc_id")) for r in rows[name]]
        for name in EVENT_TABLES
    }

    _batch(tmp_path / "t.parquet", engine)
    got = {
        name: pq.read_table(tmp_path / "t.parquet" / f"{name}.parquet").to_pylist() for name in EVENT_TABLES
    }
    for name in EVENT_TABLES:
        assert pq.read_schema(tmp_path / "t.parquet" / f"{name}.parquet") == EVENT_SCHEMAS[name]
        assert [(r["event_id"], r.get("n_reports"), r.get("doc_id")) for r in got[name]] == want[name]

    _batch(tmp_path / "t.duckdb", engine)
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    tables = {t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall()}
    assert tables == set(TABLES) | set(EVENT_TABLES)
    [(n_reports,)] = con.execute(
        "select n_reports from events where visitor_name = 'Martín Restrepo' and host_country = 'SWE'"
    ).fetchall()
    assert n_reports == 20
    assert con.execute("select count(*) from event_sources").fetchone() == (len(rows["event_sources"]),)
    con.close()

    _batch(tmp_path / "visits.csv", engine)
    paths = events_paths("csv", tmp_path / "visits.csv")
    for name, path in zip(EVENT_TABLES, paths, strict=True):
        with path.open(encoding="utf-8", newline="") as fh:
            csv_rows = list(csv.DictReader(fh))
        assert [r["event_id"] for r in csv_rows] == [r["event_id"] for r in rows[name]]


def test_a_resumed_batch_gives_the_same_events(
    batch_out: Path, engine: InProcessEngine, tmp_path: Path
) -> None:
    out = tmp_path / "r.jsonl"
    _batch(out, engine, keep_work=True)
    shards = sorted((work_dir_for(out) / "shards").glob("*.jsonl"))
    assert len(shards) >= 3
    out.unlink()
    for p in events_paths("jsonl", out):
        p.unlink()
    shards[0].unlink()  # as if killed before these were finished
    shards[-1].unlink()
    summary = _batch(out, engine)
    assert summary.resumed > 0
    [first] = events_paths("jsonl", batch_out)
    [again] = events_paths("jsonl", out)
    assert again.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_events_files_are_never_read_back_as_inputs(engine: InProcessEngine, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Irish Foreign Minister Niamh Gallagher arrived in Hanoi on Monday.", encoding="utf-8"
    )
    out = folder / "out.jsonl"
    for _ in range(2):  # the second run finds out.jsonl and out.events.jsonl in its input folder
        summary = run_batch(BatchConfig([folder], str(out), published="2024-03-05"), engine=engine)
        assert summary.documents == 1
