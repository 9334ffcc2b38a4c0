"""``visitextract batch`` as a user runs it: a real process, killed with SIGKILL and run again; the
progress bar on a terminal and silence in pipes."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from _batch_corpus import write_many
from visitextract.batch import work_dir_for
from visitextract.cli import app
from visitextract.events import merge
from visitextract.io.writers import events_paths, read_jsonl

PY = sys.executable
N_DOCS = 60


def _cmd(inputs: Path, out: Path, *extra: str) -> list[str]:
    return [
        PY,
        "-m",
        "visitextract",
        "batch",
        str(inputs),
        "-o",
        str(out),
        "--batch-size",
        "4",
        "--published",
        "2023-03-01",
        *extra,
    ]


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_many(tmp_path_factory.mktemp("many") / "in", N_DOCS)


@pytest.fixture(scope="module")
def uninterrupted(many: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("clean") / "clean.jsonl"
    done = subprocess.run(_cmd(many, out), capture_output=True, text=True, timeout=120, cwd=many.parent)
    assert done.returncode == 0, done.stderr
    records = read_jsonl(out)
    assert len(records) == N_DOCS and all(r["error"] is None for r in records)
    return records


def _kill_when_shards(proc: subprocess.Popen[str], shards: Path, at_least: int, timeout: float = 90) -> int:
    """SIGKILL the batch once ``at_least`` shards are finished; returns how many there were."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = len(list(shards.glob("*.jsonl"))) if shards.is_dir() else 0
        if n >= at_least:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            return n
        if proc.poll() is not None:
            pytest.fail(f"the batch ended (rc={proc.returncode}) before it could be killed: {proc.stderr}")
        time.sleep(0.002)
    proc.kill()
    pytest.fail("no shard was written in time")


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _check_resumed(
    out: Path, proc_cmd: list[str], cwd: Path, clean: list[dict[str, Any]], shards_before: int
) -> None:
    assert not out.exists(), "a killed batch must not leave an output file behind"
    assert sorted(p.name for p in out.parent.iterdir()) == [work_dir_for(out).name]
    done = subprocess.run(proc_cmd, capture_output=True, text=True, timeout=120, cwd=cwd)
    assert done.returncode == 0, done.stderr
    assert "from an earlier run" in done.stdout
    resumed = int(done.stdout.split("records written (")[1].split()[0])
    assert resumed >= shards_before * 4 - 4  # finished shards were kept, not redone
    records = read_jsonl(out)
    ids = [r["doc_id"] for r in records]
    assert len(ids) == len(set(ids)) == N_DOCS
    assert set(ids) == {r["doc_id"] for r in clean}
    assert records == clean
    # the events across documents too: those of the uninterrupted run's records
    [events_file] = events_paths("jsonl", out)
    assert read_jsonl(events_file) == [e.model_dump(mode="json") for e in merge(clean, link_people=False)]
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([out.name, events_file.name])


@pytest.mark.slow
def test_sigkill_then_same_command_gives_the_uninterrupted_records(
    many: Path, uninterrupted: list[dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "run" / "kill.jsonl"
    out.parent.mkdir()
    cmd = _cmd(many, out)
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=many.parent
    )
    n = _kill_when_shards(proc, work_dir_for(out) / "shards", at_least=3)
    assert proc.returncode == -signal.SIGKILL
    assert 3 <= n < N_DOCS // 4, "killed part-way"
    _check_resumed(out, cmd, many.parent, uninterrupted, n)


@pytest.mark.slow
def test_sigkill_with_worker_processes_leaves_no_orphans_and_resumes(
    many: Path, uninterrupted: list[dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "run" / "kill.parquet"
    out.parent.mkdir()
    jsonl = tmp_path / "run2" / "kill.jsonl"
    jsonl.parent.mkdir()
    cmd = _cmd(many, jsonl, "--workers", "2")
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=many.parent
    )
    shards = work_dir_for(jsonl) / "shards"
    deadline = time.monotonic() + 90
    while not (shards.is_dir() and any(shards.glob("*.jsonl"))) and time.monotonic() < deadline:
        time.sleep(0.002)
    workers = _children(proc.pid)
    n = _kill_when_shards(proc, shards, at_least=1)
    assert workers, "the pool should have started worker processes"
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "worker processes outlived the killed batch"
    if n >= N_DOCS // 4:
        pytest.fail("the batch finished before the kill")
    _check_resumed(jsonl, cmd, many.parent, uninterrupted, n)


# ------------------------------------------------------------------------------------------ display
@pytest.mark.slow
def test_pipes_get_progress_lines_but_no_bar_and_a_summary(many: Path, tmp_path: Path) -> None:
    """A log (stderr not a terminal) gets plain lines: the model loading, then done/total with rate
    and ETA (every shard here: VISITEXTRACT_PROGRESS_SECONDS=0), and the last one."""
    out = tmp_path / "p.jsonl"
    env = {**os.environ, "VISITEXTRACT_PROGRESS_SECONDS": "0"}
    done = subprocess.run(_cmd(many, out), capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0
    assert "\x1b[" not in done.stdout + done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].startswith("loading the spaCy pipeline ") and lines[1].startswith("ready in ")
    assert lines[2] == f"extracting {N_DOCS} documents"
    assert any(ln.startswith("extracting: 4/60 documents") and "docs/s, ETA " in ln for ln in lines)
    assert lines[-1].startswith(f"extracting: {N_DOCS}/{N_DOCS} documents (100%)")
    # 50 .txt files and one .jsonl of 10 records
    assert (
        f"51 files, {N_DOCS} documents, {N_DOCS} records written (0 from an earlier run), 0 errors"
        in done.stdout
    )
    quiet_cmd = _cmd(many / "feed.jsonl", tmp_path / "q.jsonl", "--quiet")
    quiet = subprocess.run(quiet_cmd, capture_output=True, text=True, timeout=120)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    assert len(read_jsonl(tmp_path / "q.jsonl")) == 10


@pytest.mark.slow
def test_terminal_gets_a_progress_bar_with_rate_and_eta(many: Path, tmp_path: Path) -> None:
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "140", "TERM": "xterm"}
    proc = subprocess.Popen(
        _cmd(many, tmp_path / "t.jsonl"), stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal closed
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert (
        "extracting" in screen and "docs/s" in screen and "ETA" in screen and f"{N_DOCS}/{N_DOCS}" in screen
    )
    assert f"{N_DOCS} documents" in screen


def test_missing_input_exits_2_with_the_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "[E012]" in result.output and "no such file or folder" in result.output
    assert list(tmp_path.iterdir()) == []


def test_help_names_every_option() -> None:
    result = CliRunner().invoke(app, ["batch", "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    for option in (
        "--output",
        "--format",
        "--workers",
        "--model",
        "--published",
        "--batch-size",
        "--engine",
        "--scheduler",
        "--restart",
        "--quiet",
        "jsonl|parquet|duckdb|csv",
    ):
        assert option in result.output, option


def test_records_on_stdout_are_json_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Indian Prime Minister Vikram Rao arrived in Paris on Monday.", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["batch", str(tmp_path), "-o", "-", "--published", "2023-01-10"])
    assert result.exit_code == 0, result.output
    [line] = [x for x in result.stdout.splitlines() if x.startswith("{")]
    record = json.loads(line)
    assert record["doc_id"] == "a.txt" and record["published"] == "2023-01-10" and record["error"] is None
