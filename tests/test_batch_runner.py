"""``run_batch`` on a folder of mixed files: one record per document in every format, tables that agree
with the JSON Lines, failures that stay with their document, resume from finished shards.

The pipeline is loaded once for the module (one InProcessEngine handed to every run).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from _batch_corpus import MIXED_IDS, write_mixed_folder
from visitextract.api import Extractor
from visitextract.batch import BatchConfig, InProcessEngine, run_batch, work_dir_for
from visitextract.errors import BatchInputError
from visitextract.io.tables import EVENT_TABLES, SCHEMAS, TABLES
from visitextract.io.writers import csv_documents_path, events_paths, read_jsonl


@pytest.fixture(scope="module")
def engine() -> Iterator[InProcessEngine]:
    eng = InProcessEngine(None, batch_size=4)
    _ = eng.extractor.nlp
    yield eng


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_mixed_folder(tmp_path_factory.mktemp("mixed") / "in")


@pytest.fixture(scope="module")
def baseline(
    mixed: Path, engine: InProcessEngine, tmp_path_factory: pytest.TempPathFactory
) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("base") / "all.jsonl"
    run_batch(BatchConfig([mixed], str(out), batch_size=4, published="2022-12-06"), engine=engine)
    return read_jsonl(out)


def _run(inputs: list[Path], out: Path, engine: InProcessEngine, **kw: Any) -> Any:
    cfg = BatchConfig(inputs, str(out), batch_size=4, published="2022-12-06", **kw)
    return run_batch(cfg, engine=engine)


def _visits_from_jsonl(records: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    out = []
    for r in records:
        for i, v in enumerate(r["visits"]):
            d = v["dates"] or {}
            out.append(
                (
                    r["doc_id"],
                    i,
                    v["visitor"]["name"],
                    v["visitor_country"],
                    v["host_country"],
                    v["status"],
                    dt.date.fromisoformat(d["start"]) if d.get("start") else None,
                    dt.date.fromisoformat(d["end"]) if d.get("end") else None,
                    v["confidence"],
                    v["rule"],
                )
            )
    return sorted(out, key=lambda t: (t[0], t[1]))


VISIT_COLS = (
    "doc_id",
    "visit_index",
    "visitor_name",
    "visitor_country",
    "host_country",
    "status",
    "date_start",
    "date_end",
    "confidence",
    "rule",
)


# ----------------------------------------------------------------------------- one record per document
def test_jsonl_has_one_record_per_document(baseline: list[dict[str, Any]]) -> None:
    ids = [r["doc_id"] for r in baseline]
    assert sorted(ids) == sorted(MIXED_IDS) and len(ids) == len(set(ids))
    stages = {r["doc_id"]: (r["error"] or {}).get("stage") for r in baseline}
    assert stages == MIXED_IDS
    for r in baseline:
        if r["error"]:
            assert r["error"]["file"].endswith(r["source"]["file"]) and r["error"]["message"].startswith(
                "[E0"
            )
    by_id = {r["doc_id"]: r for r in baseline}
    assert by_id["notes/lima-visit.txt"]["published"] == "2023-02-20"  # front matter beats --published
    assert by_id["pages/tokyo.html"]["published"] == "2023-10-03"
    assert by_id["plain/harbour.txt"]["source"]["published_from"] == "default"
    assert by_id["feeds/wire.jsonl:4"]["published"] == "2023-05-12"
    assert by_id["plain/vienna-cp1252.txt"]["source"]["encoding"] == "cp1252"
    assert "Lukas Grünwald" in {p["name"] for p in by_id["plain/vienna-cp1252.txt"]["people"]}
    assert any(r["visits"] for r in baseline), "the stories should give visits"


def test_records_are_the_extractor_output(
    baseline: list[dict[str, Any]], engine: InProcessEngine, mixed: Path
) -> None:
    """Batch adds source/error around exactly what Extractor.extract returns for the same text."""
    ex: Extractor = engine.extractor
    by_id = {r["doc_id"]: r for r in baseline}
    text = (mixed / "plain" / "harbour.txt").read_text(encoding="utf-8")
    direct = ex.extract(text, published="2022-12-06", doc_id="plain/harbour.txt").model_dump(mode="json")
    assert {k: by_id["plain/harbour.txt"][k] for k in direct} == direct
    body = (mixed / "notes" / "lima-visit.txt").read_text(encoding="utf-8").split("---\n", 2)[2]
    direct = ex.extract(body, published="2023-02-20", doc_id="notes/lima-visit.txt").model_dump(mode="json")
    assert {k: by_id["notes/lima-visit.txt"][k] for k in direct} == direct


@pytest.mark.parametrize("fmt", ["parquet", "duckdb", "csv"])
def test_every_format_has_one_document_row_per_document(
    fmt: str, mixed: Path, engine: InProcessEngine, tmp_path: Path, baseline: list[dict[str, Any]]
) -> None:
    out = tmp_path / {"parquet": "tables.parquet", "duckdb": "x.duckdb", "csv": "visits.csv"}[fmt]
    summary = _run([mixed], out, engine)
    assert (summary.documents, summary.records, summary.errors) == (len(MIXED_IDS), len(MIXED_IDS), 4)
    if fmt == "parquet":
        docs = pq.read_table(out / "documents.parquet").to_pylist()
    elif fmt == "duckdb":
        con = duckdb.connect(str(out), read_only=True)
        docs = [
            dict(zip(("doc_id", "ok", "error_stage"), row, strict=True))
            for row in con.execute("select doc_id, ok, error_stage from documents").fetchall()
        ]
        con.close()
    else:
        with csv_documents_path(out).open(encoding="utf-8", newline="") as fh:
            docs = list(csv.DictReader(fh))
    assert sorted(d["doc_id"] for d in docs) == sorted(MIXED_IDS)
    stages = {d["doc_id"]: d["error_stage"] or None for d in docs}
    assert stages == MIXED_IDS
    assert not work_dir_for(out).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [out.name]
        + ([csv_documents_path(out).name] if fmt == "csv" else [])
        + [p.name for p in events_paths(fmt, out)]
    )


def test_parquet_and_duckdb_give_the_visits_of_the_jsonl(
    mixed: Path, engine: InProcessEngine, tmp_path: Path, baseline: list[dict[str, Any]]
) -> None:
    expected = _visits_from_jsonl(baseline)
    assert expected
    _run([mixed], tmp_path / "t.parquet", engine)
    _run([mixed], tmp_path / "t.duckdb", engine)
    _run([mixed], tmp_path / "visits.csv", engine)

    table = pq.read_table(tmp_path / "t.parquet" / "visits.parquet")
    assert table.schema == SCHEMAS["visits"]
    from_parquet = sorted(tuple(r[c] for c in VISIT_COLS) for r in table.to_pylist())
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    from_duckdb = sorted(con.execute(f"select {', '.join(VISIT_COLS)} from visits").fetchall())
    tables = {t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall()}
    assert tables == set(TABLES) | set(EVENT_TABLES)
    con.close()
    with (tmp_path / "visits.csv").open(encoding="utf-8", newline="") as fh:
        from_csv = sorted(
            (
                r["doc_id"],
                int(r["visit_index"]),
                r["visitor_name"],
                r["visitor_country"] or None,
                r["host_country"] or None,
                r["status"],
                dt.date.fromisoformat(r["date_start"]) if r["date_start"] else None,
                dt.date.fromisoformat(r["date_end"]) if r["date_end"] else None,
                float(r["confidence"]),
                r["rule"],
            )
            for r in csv.DictReader(fh)
        )
    assert from_parquet == from_duckdb == from_csv == expected


def test_all_parquet_tables_are_keyed_by_known_doc_ids(
    mixed: Path, engine: InProcessEngine, tmp_path: Path
) -> None:
    _run([mixed], tmp_path / "t", engine)
    ids = set(MIXED_IDS)
    for name in TABLES:
        t = pq.read_table(tmp_path / "t" / f"{name}.parquet")
        assert t.schema == SCHEMAS[name]
        assert set(t.column("doc_id").to_pylist()) <= ids


# ---------------------------------------------------------------------------------- failures
def test_extraction_failure_in_one_document_leaves_the_others_intact(
    mixed: Path,
    engine: InProcessEngine,
    tmp_path: Path,
    baseline: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = Extractor._assemble

    def failing(self: Extractor, doc: Any, published: Any, doc_id: str | None) -> Any:
        if doc_id == "single-1":
            raise RuntimeError("rule blew up on purpose")
        return original(self, doc, published, doc_id)

    monkeypatch.setattr(Extractor, "_assemble", failing)
    out = tmp_path / "f.jsonl"
    summary = _run([mixed], out, engine)
    records = read_jsonl(out)
    assert summary.errors == 5 and len(records) == len(MIXED_IDS)
    by_id = {r["doc_id"]: r for r in records}
    err = by_id["single-1"]["error"]
    assert err["stage"] == "extract" and err["file"].endswith("feeds/single.json")
    assert "RuntimeError: rule blew up on purpose" in err["message"] and err["message"].startswith("[E021]")
    assert by_id["single-1"]["visits"] == [] and by_id["single-1"]["published"] == "2023-07-07"
    # every other record is exactly what the clean run wrote
    assert [r for r in records if r["doc_id"] != "single-1"] == [
        r for r in baseline if r["doc_id"] != "single-1"
    ]
    assert any("single-1" in " ".join(s) or "extract" in s for s in summary.error_samples)


def test_a_record_the_tables_cannot_hold_becomes_a_write_error(
    mixed: Path, engine: InProcessEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Extractor._assemble

    def odd_date(self: Extractor, doc: Any, published: Any, doc_id: str | None) -> Any:
        result = original(self, doc, published, doc_id)
        if doc_id == "desk-1":
            result.published = "06/02/2023"  # not YYYY-MM-DD: cannot be a date32
        return result

    monkeypatch.setattr(Extractor, "_assemble", odd_date)
    out = tmp_path / "w.parquet"
    _run([mixed], out, engine)
    docs = {d["doc_id"]: d for d in pq.read_table(out / "documents.parquet").to_pylist()}
    assert docs["desk-1"]["error_stage"] == "write" and docs["desk-1"]["error_message"].startswith("[E028]")
    assert len(docs) == len(MIXED_IDS) and docs["single-1"]["ok"]


# ------------------------------------------------------------------------------------- resume
def test_resume_skips_finished_shards_and_redoes_missing_ones(
    mixed: Path,
    engine: InProcessEngine,
    tmp_path: Path,
    baseline: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "r.jsonl"
    _run([mixed], out, engine, keep_work=True)
    work = work_dir_for(out)
    shards = sorted((work / "shards").glob("*.jsonl"))
    assert len(shards) == 4  # 14 documents, 4 a shard
    out.unlink()
    shards[1].unlink()  # as if killed before shard 1 was finished...
    shards[3].write_text(
        shards[3].read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
    )  # ...or torn
    (work / "tmp" / "00000002.jsonl.part").write_text('{"half": ', encoding="utf-8")

    calls: list[str | None] = []
    original = Extractor._assemble

    def counting(self: Extractor, doc: Any, published: Any, doc_id: str | None) -> Any:
        calls.append(doc_id)
        return original(self, doc, published, doc_id)

    monkeypatch.setattr(Extractor, "_assemble", counting)
    summary = _run([mixed], out, engine)
    assert summary.resumed == 8 and summary.records == len(MIXED_IDS)
    assert read_jsonl(out) == baseline
    assert not work.exists()
    redone = {r["doc_id"] for r in baseline[4:8] + baseline[12:] if r["error"] is None and not r["gated"]}
    # empty texts and those the relevance gate skips never reach the pipeline
    assert set(calls) == {d for d in redone if d != "plain/empty.txt"}


def test_changed_inputs_refuse_to_resume_until_restart(
    mixed: Path, engine: InProcessEngine, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Minister A arrived in Paris.", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    _run([src], out, engine, keep_work=True)
    (src / "b.txt").write_text("Minister B arrived in Rome.", encoding="utf-8")
    with pytest.raises(BatchInputError, match=r"\[E014\].*inputs_digest.*--restart"):
        _run([src], out, engine)
    summary = _run([src], out, engine, restart=True)
    assert summary.documents == 2 and [r["doc_id"] for r in read_jsonl(out)] == ["a.txt", "b.txt"]


def test_bad_options_fail_before_any_work(tmp_path: Path, mixed: Path, engine: InProcessEngine) -> None:
    with pytest.raises(BatchInputError, match=r"\[E015\]"):
        run_batch(BatchConfig([mixed], "-", format="parquet"), engine=engine)
    with pytest.raises(BatchInputError, match=r"\[E024\].*batch-size"):
        run_batch(BatchConfig([mixed], str(tmp_path / "x.jsonl"), batch_size=0), engine=engine)
    with pytest.raises(BatchInputError, match=r"\[E002\]"):
        run_batch(BatchConfig([mixed], str(tmp_path / "x.jsonl"), published="someday"), engine=engine)
    with pytest.raises(BatchInputError, match=r"\[E025\]"):
        run_batch(
            BatchConfig([mixed], str(tmp_path / "x.jsonl"), scheduler="tcp://127.0.0.1:1"), engine=engine
        )
    (tmp_path / "d.duckdb").mkdir()
    with pytest.raises(BatchInputError, match=r"\[E023\]"):
        run_batch(BatchConfig([mixed], str(tmp_path / "d.duckdb")), engine=engine)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.duckdb"]


def test_stdout_streams_records_in_input_order(
    mixed: Path, engine: InProcessEngine, baseline: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    summary = run_batch(BatchConfig([mixed], "-", batch_size=4, published="2022-12-06"), engine=engine)
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x) for x in lines] == baseline and summary.records == len(lines)
