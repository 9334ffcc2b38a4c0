"""Extraction on a real Dask cluster (two worker processes) gives what the local run gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _batch_corpus import MIXED_IDS, write_many, write_mixed_folder
from visitextract.api import Extractor
from visitextract.batch import BatchConfig, run_batch
from visitextract.io.writers import read_jsonl

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc,
        Client(lc) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask")
    write_mixed_folder(root / "in")
    write_many(root / "in" / "many", 24)
    return root / "in"


@pytest.fixture(scope="module")
def local(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("local") / "local.jsonl"
    run_batch(BatchConfig([folder], str(out), batch_size=5, published="2022-12-06"))
    return read_jsonl(out)


def _sorted_json(records: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


def test_batch_on_the_cluster_equals_the_local_run(
    cluster: Any, folder: Path, local: list[dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "dask.jsonl"
    cfg = BatchConfig(
        [folder],
        str(out),
        batch_size=5,
        published="2022-12-06",
        engine="dask",
        scheduler=cluster.scheduler.address,
    )
    summary = run_batch(cfg)
    records = read_jsonl(out)
    assert summary.records == len(records) == len(MIXED_IDS) + 24
    assert _sorted_json(records) == _sorted_json(local)
    assert records == local  # and in the same order
    # each worker built the pipeline once, however many shards it ran
    from visitextract.distributed import pipelines_built

    built = cluster.run(pipelines_built)
    assert sorted(built.values()) == [1, 1]


def test_batch_to_parquet_on_the_cluster(
    cluster: Any, folder: Path, local: list[dict[str, Any]], tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "t.parquet"
    cfg = BatchConfig(
        [folder],
        str(out),
        batch_size=7,
        published="2022-12-06",
        engine="dask",
        scheduler=cluster.scheduler.address,
    )
    run_batch(cfg)
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert [d["doc_id"] for d in docs] == [r["doc_id"] for r in local]
    visits = pq.read_table(out / "visits.parquet").num_rows
    assert visits == sum(len(r["visits"]) for r in local) > 0


def test_extract_bag_equals_extractor_pipe(cluster: Any) -> None:
    import dask.bag as db

    from visitextract.distributed import extract_bag

    items: list[Any] = [
        {
            "id": "a",
            "text": "Kenyan President James Mwangi arrived in Accra on Monday.",
            "published": "2023-05-01",
        },
        (
            "Irish Foreign Minister Niamh Byrne met Japanese Foreign Minister Kenji Sato in Tokyo.",
            {"doc_id": "b"},
        ),
        "A new bicycle lane opened along the river on Sunday.",
        {
            "id": "d",
            "text": "Polish President Marek Zielinski cancelled his visit to Vilnius.",
            "published": None,
        },
        {"id": "e", "body": "no text here"},
    ]
    bag = db.from_sequence(items, npartitions=2)
    records = extract_bag(bag, published="2023-05-10").compute()
    assert len(records) == len(items)
    ex = Extractor()
    good = items[:4]
    expected = [
        e.model_dump(mode="json")
        for e in ex.pipe(
            [
                {"id": "a", "text": good[0]["text"], "published": "2023-05-01"},
                (good[1][0], {"doc_id": "b", "published": "2023-05-10"}),
                (good[2], {"published": "2023-05-10"}),
                {"id": "d", "text": good[3]["text"], "published": "2023-05-10"},
            ]
        )
    ]
    for record, want in zip(records[:4], expected, strict=True):
        assert record["error"] is None
        assert {k: record[k] for k in want} == want
    assert records[4]["doc_id"] == "e" and records[4]["error"]["stage"] == "parse"


def test_extract_dataframe_rows_join_back_to_the_input(cluster: Any) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from visitextract.distributed import extract_dataframe

    pdf = pd.DataFrame(
        {
            "body": [
                "Chilean Foreign Minister Tomas Vidal arrived in Lima on Monday for a two-day visit.",
                "The ferry will run on a reduced timetable next week.",
                None,
                "Greek Prime Minister Nikos Andreou cancelled a planned trip to Cyprus on Friday.",
            ],
            "day": pd.to_datetime(["2023-02-20", "2023-02-21", "2023-02-22", None]),
        },
        index=pd.Index([10, 11, 12, 13], name="row"),
    )
    out = extract_dataframe(
        dd.from_pandas(pdf, npartitions=2), text_column="body", published_column="day", published="2023-06-02"
    ).compute()
    assert list(out.index) == [10, 11, 12, 13]
    assert list(out["doc_id"]) == ["10", "11", "12", "13"]
    assert list(out["ok"]) == [True, True, False, True]
    assert out.loc[12, "error_stage"] == "parse"
    assert [str(d) for d in out["published"]] == ["2023-02-20", "2023-02-21", "2023-02-22", "2023-06-02"]
    ex = Extractor()
    for row, text, published in (
        (10, pdf.loc[10, "body"], "2023-02-20"),
        (13, pdf.loc[13, "body"], "2023-06-02"),
    ):
        want = ex.extract(text, published=published, doc_id=str(row)).model_dump(mode="json")
        record = json.loads(out.loc[row, "record"])
        assert {k: record[k] for k in want} == want
        assert out.loc[row, "n_visits"] == len(want["visits"])
