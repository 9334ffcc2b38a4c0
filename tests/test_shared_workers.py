"""Workers that share one loaded pipeline: ``Extractor.pipe(n_process=N)`` and ``batch --workers N``.

On Linux the pipeline is loaded once, in the process that starts the workers, and the workers are
forked from it. Each case runs in a fresh interpreter whose ``build_pipeline`` writes the pid of
every process that builds a pipeline to a file: with forked workers that is the parent alone. The
batch cases also check what the forked workers must keep doing: the per-document time limit
(SIGALRM in the worker), a dead worker replaced by a new pool, one record per document.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from test_api import _run_python
from visitextract import Extractor
from visitextract.batch import BatchConfig, InProcessEngine, PoolEngine, make_engine

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")

STORIES = [
    "Chilean Foreign Minister Ana Rojas arrived in Lima on Monday for talks with her Peruvian "
    "counterpart Luis Paredes on trade and water.",
    "Peruvian President Jorge Salas will travel to Santiago next week for a summit on mining.",
    "Kenyan Foreign Minister Amina Odhiambo met her Ugandan counterpart in Kampala on Tuesday.",
    "Harbour City beat Northfield 3-1 in Glasgow on Saturday.",
    "Japanese Prime Minister Kenji Mori said on Friday that he would visit Hanoi in March.",
    "Moscow has cut gas deliveries to two of its neighbours.",
    "Indian External Affairs Minister Ravi Menon arrived in Abuja on Sunday for a three-day visit.",
    "Tea prices in Sri Lanka fell at the weekly auction.",
]

# Prepended to each subprocess: every pipeline build appends this process's pid to LOG.
_COUNT_BUILDS = """
import os, visitextract.api as api
LOG = {log!r}
_build = api.build_pipeline
def counted(*args, **kwargs):
    with open(LOG, "a") as fh:
        fh.write(f"{{os.getpid()}}\\n")
    return _build(*args, **kwargs)
api.build_pipeline = counted
"""


def _builds(log: Path) -> list[str]:
    return log.read_text().split() if log.exists() else []


@pytest.mark.slow
def test_pipe_with_two_processes_loads_the_pipeline_once(tmp_path: Path) -> None:
    log = tmp_path / "builds.log"
    proc = _run_python(
        _COUNT_BUILDS.format(log=str(log))
        + f"""
import json
from visitextract import Extractor
stories = {STORIES!r}
items = [{{"text": t, "published": "2023-03-06", "id": str(i)}} for i, t in enumerate(stories)]
ex = Extractor()
forked = [e.model_dump(mode="json") for e in ex.pipe(items, batch_size=2, n_process=2)]
here = [e.model_dump(mode="json") for e in ex.pipe(items, batch_size=2)]
print(json.dumps({{"pid": os.getpid(), "same": forked == here, "ids": [e["doc_id"] for e in forked]}}))
""",
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["ids"] == [str(i) for i in range(len(STORIES))]
    assert got["same"], "forked workers give other records than the parent"
    assert _builds(log) == [str(got["pid"])], "only the parent builds a pipeline"


def test_a_stream_that_fits_in_one_batch_needs_no_workers(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started for three documents")

    monkeypatch.setattr(Extractor, "_pipe_parallel", no_pool)
    out = list(extractor.pipe(STORIES[:3], n_process=2, batch_size=4))
    assert [bool(e.visits or e.meetings) for e in out] == [True, True, True]


def test_one_shard_is_done_in_the_batch_process(tmp_path: Path) -> None:
    cfg = BatchConfig([str(tmp_path)], str(tmp_path / "out.jsonl"), workers=2)
    assert isinstance(make_engine(cfg, shards=1), InProcessEngine)
    assert isinstance(make_engine(cfg, shards=2), PoolEngine)
    assert isinstance(make_engine(cfg), PoolEngine)


def _feed(path: Path, ids: list[str]) -> Path:
    rows = [
        {"id": i, "text": STORIES[k % len(STORIES)], "published": "2023-03-06"} for k, i in enumerate(ids)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


_BATCH = """
import json
from visitextract.batch import BatchConfig, run_batch
from visitextract.io.writers import read_jsonl
summary = run_batch(BatchConfig([{feed!r}], {out!r}, workers=2, batch_size=2, time_limit={limit!r}))
rows = [[r["doc_id"], (r["error"] or {{}}).get("type")] for r in read_jsonl({out!r})]
print(json.dumps({{"pid": os.getpid(), "records": rows}}))
"""


@pytest.mark.slow
def test_batch_workers_share_one_pipeline_and_give_the_records_of_one(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", [f"d{k}" for k in range(10)])
    log = tmp_path / "builds.log"
    out = tmp_path / "two.jsonl"
    proc = _run_python(
        _COUNT_BUILDS.format(log=str(log)) + _BATCH.format(feed=str(feed), out=str(out), limit=600.0),
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert _builds(log) == [str(got["pid"])], "the workers were forked with the parent's pipeline"
    assert [r[0] for r in got["records"]] == [f"d{k}" for k in range(10)]
    one = tmp_path / "one.jsonl"
    from visitextract.batch import run_batch

    run_batch(BatchConfig([str(feed)], str(one), workers=1, batch_size=2))
    assert out.read_bytes() == one.read_bytes(), "--workers 2 writes what --workers 1 writes"


# A document on which the forked workers hang, or die: the parent patches the rules before forking.
_HANG = """
from visitextract.api import Extractor
_assemble = Extractor._assemble
def hang(self, doc, published, doc_id):
    if doc_id == "slow":
        while True:
            pass
    return _assemble(self, doc, published, doc_id)
Extractor._assemble = hang
"""
_DIE = """
from visitextract.api import Extractor
_assemble = Extractor._assemble
PARENT = os.getpid()
def die(self, doc, published, doc_id):
    if doc_id == "boom" and os.getppid() == PARENT:
        os._exit(3)  # a forked worker dies; the workers of the rebuilt (spawned) pool do not
    return _assemble(self, doc, published, doc_id)
Extractor._assemble = die
"""


@pytest.mark.slow
def test_forked_workers_keep_the_time_limit_per_document(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", ["a", "b", "slow", "c", "d", "e"])
    out = tmp_path / "out.jsonl"
    proc = _run_python(
        "import os\n" + _HANG + _BATCH.format(feed=str(feed), out=str(out), limit=2.0), timeout=240
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])["records"]
    assert got == [["a", None], ["b", None], ["slow", "TimeLimit"], ["c", None], ["d", None], ["e", None]]


@pytest.mark.slow
def test_a_forked_worker_that_dies_is_replaced_and_no_document_is_lost(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", ["a", "b", "boom", "c", "d", "e"])
    out = tmp_path / "out.jsonl"
    proc = _run_python(
        "import os\n" + _DIE + _BATCH.format(feed=str(feed), out=str(out), limit=600.0), timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])["records"]
    # the shard is redone on a new pool, whose spawned workers extract "boom" without dying
    assert got == [["a", None], ["b", None], ["boom", None], ["c", None], ["d", None], ["e", None]]


def test_a_shard_is_split_into_parts_of_one_spacy_batch() -> None:
    from visitextract.batch import split_shard

    def doc(i: int) -> dict[str, object]:
        return {"doc_id": f"d{i}", "text": "x", "error": None}

    def bad(i: int) -> dict[str, object]:
        return {"doc_id": f"e{i}", "text": None, "error": {"stage": "read", "message": "m"}}

    docs = [bad(0), *(doc(i) for i in range(5)), bad(1), *(doc(i) for i in range(5, 7))]
    parts = split_shard(docs, 3)
    # three documents to extract in each part; error payloads stay where they are, in order
    assert [[p["doc_id"] for p in part] for part in parts] == [
        ["e0", "d0", "d1", "d2"],
        ["d3", "d4", "e1", "d5"],
        ["d6"],
    ]
    assert [p for part in parts for p in part] == docs
    assert split_shard(docs, 16) == [docs]
    assert split_shard([bad(0)], 2) == [[bad(0)]]
    assert split_shard([], 2) == [[]]
    assert PoolEngine(None, 32, 2).part_size == 16  # the workers' Extractor batch
    assert PoolEngine(None, 4, 2).part_size == 4


@pytest.mark.slow
def test_shards_extracted_in_parts_by_two_workers_give_the_records_of_one(tmp_path: Path) -> None:
    # 40 documents in shards of 32 (parts of 16, 16 and 8 on the workers), among them a line that
    # is not JSON (an error record inside a part): the output of --workers 1, byte for byte
    feed = _feed(tmp_path / "feed.jsonl", [f"d{k}" for k in range(40)])
    lines = feed.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[20] = "{not json\n"
    feed.write_text("".join(lines), encoding="utf-8")
    two, one = tmp_path / "two.jsonl", tmp_path / "one.jsonl"
    code = f"""
from visitextract.batch import BatchConfig, run_batch
run_batch(BatchConfig([{str(feed)!r}], {str(two)!r}, workers=2, batch_size=32))
"""
    proc = _run_python(code, timeout=240)
    assert proc.returncode == 0, proc.stderr[-2000:]
    from visitextract.batch import run_batch

    run_batch(BatchConfig([str(feed)], str(one), workers=1, batch_size=32))
    assert two.read_bytes() == one.read_bytes(), "--workers 2 writes what --workers 1 writes"
    errors = [json.loads(line)["error"] for line in one.read_text(encoding="utf-8").splitlines()]
    assert sum(e is not None for e in errors) == 1
