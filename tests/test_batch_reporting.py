"""No silent success in batch: skipped files, unreadable and empty folders counted and reported,
--strict; doc ids whatever the spelling of the inputs; -o/-f conflicts; --no-gate; record keys;
progress lines for logs; the DuckDB storage format; an unreachable Dask scheduler."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
from pathlib import Path

import pytest

from visitextract import cli
from visitextract.api import Extractor
from visitextract.batch import BatchConfig, InProcessEngine, LineProgress, run_batch
from visitextract.errors import BatchInputError
from visitextract.io.readers import DiscoveryReport, discover, read_documents
from visitextract.io.writers import read_jsonl

ROOT = Path(__file__).resolve().parents[1]
STORY = "Chilean Foreign Minister Camila Rojas will arrive in Lima on Friday for talks on lithium."
NEWS = "The city council approved a new budget for the public library and two parks on Monday evening."


@pytest.fixture()
def engine(extractor: Extractor) -> InProcessEngine:
    eng = InProcessEngine(None, batch_size=32)
    eng.extractor = extractor
    return eng


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    """archive/ with a story at two depths, a page, and files batch does not read."""
    root = tmp_path / "archive"
    (root / "web" / "deep").mkdir(parents=True)
    (root / "story.txt").write_text(STORY, encoding="utf-8")
    (root / "web" / "a.html").write_text(f"<html><body><article><p>{STORY}</p></article></body></html>")
    (root / "web" / "deep" / "b.txt").write_text(STORY, encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4")
    (root / "web" / "feed.xml").write_text("<rss/>", encoding="utf-8")
    (root / "web" / "other.xml").write_text("<rss/>", encoding="utf-8")
    return root


def _ids(inputs: list[str], root: str | None = None) -> list[str]:
    return [s.rel for s in discover(inputs, root=root)]


# ------------------------------------------------------------------------------------- doc ids
def test_doc_ids_do_not_depend_on_how_the_inputs_are_spelled(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive.parent)
    want = ["web/a.html", "web/deep/b.txt"]
    spellings = [
        ["archive/web"],
        ["./archive/web/"],
        [str(archive / "web")],
        ["archive/web/**/*.html", "archive/web/**/*.txt"],
        ["archive/web/*.html", "archive/web/deep/*.txt"],
    ]
    for inputs in spellings[:3]:
        assert _ids(inputs) == ["a.html", "deep/b.txt"], inputs
    for inputs in spellings[3:]:  # a glob counts as its folder part: archive/web
        assert _ids(inputs) == ["a.html", "deep/b.txt"], inputs
    assert _ids(["archive/**/*.html", "archive/**/*.txt"]) == ["story.txt", *want]
    assert _ids(["archive/"]) == ["story.txt", *want]
    monkeypatch.chdir(archive / "web")  # wherever the command runs from
    assert _ids([str(archive)]) == ["story.txt", *want]


def test_root_pins_the_ids_and_an_input_outside_it_is_a_usage_error(archive: Path) -> None:
    assert _ids([str(archive / "web" / "a.html")]) == ["a.html"]
    assert _ids([str(archive / "web" / "a.html")], root=str(archive)) == ["web/a.html"]
    with pytest.raises(BatchInputError, match=r"\[E056\]"):
        discover([str(archive / "story.txt")], root=str(archive / "web"))


# ------------------------------------------------------------------------------ skipped, counted
def test_skipped_suffixes_are_counted_by_suffix(archive: Path) -> None:
    report = DiscoveryReport()
    files = discover([str(archive)], report=report)
    assert len(files) == 3
    assert report.skipped == {".pdf": 1, ".xml": 2} and len(report.skipped_examples) == 3


def test_a_skipped_file_whose_name_is_not_utf8_is_reported_in_printable_form(archive: Path) -> None:
    """Its name went into the summary as a surrogate escape, which a strict UTF-8 stdout refused
    (UnicodeEncodeError, E057, after the output was written)."""
    os.close(os.open(os.fsencode(archive) + b"/latin1-\xe9.pdf", os.O_CREAT | os.O_WRONLY))
    report = DiscoveryReport()
    discover([str(archive)], report=report)
    assert report.skipped[".pdf"] == 2
    [example] = [e for e in report.skipped_examples if "latin1" in e]
    assert example.endswith("latin1-\\xe9.pdf")
    example.encode("utf-8")  # would raise for "\udce9"


def test_a_folder_that_cannot_be_listed_is_reported(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions do not stop root (these tests may run as root), so the listing fails by patch."""
    real = os.scandir
    locked = str(archive / "web" / "deep")

    def scandir(path: str | os.PathLike[str]) -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = DiscoveryReport()
    rels = [s.rel for s in discover([str(archive)], report=report)]
    assert "web/deep/b.txt" not in rels
    assert len(report.unreadable) == 1 and "deep (Permission denied)" in report.unreadable[0]


def test_a_glob_of_only_unread_suffixes_says_so(archive: Path) -> None:
    with pytest.raises(BatchInputError, match=r"only files of suffixes that are not read \(\.xml\)"):
        discover([str(archive / "web" / "*.xml")])


@pytest.mark.parametrize("strict", [False, True])
def test_summary_reports_what_was_left_out_and_strict_fails_on_it(
    archive: Path, tmp_path: Path, strict: bool, capsys: pytest.CaptureFixture[str], engine: InProcessEngine
) -> None:
    (archive / "empty.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch(BatchConfig([str(archive)], str(out)), engine=engine)
    problems = summary.problems()
    assert any("skipped 3 files" in p and ".pdf 1, .xml 2" in p for p in problems)
    assert any("1 document without text" in p for p in problems)
    assert any("warning: skipped 3 files" in line for line in summary.lines())
    out.unlink()
    args = ["batch", str(archive), "-o", str(out), "-q"] + (["--strict"] if strict else [])
    code = cli.run(args)
    err = capsys.readouterr().err
    assert len(read_jsonl(out)) == 4  # written either way: nothing is lost
    if strict:
        assert code == 1 and err.startswith("[E054] --strict: skipped 3 files") and "without text" in err
    else:
        assert code == 0 and err == ""


def test_an_empty_input_folder_is_reported_and_fails_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out.jsonl"
    assert cli.run(["batch", str(tmp_path / "empty"), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "0 documents" in text and "holds no file to read" in text and "no documents in the inputs" in text
    assert cli.run(["batch", str(tmp_path / "empty"), "-o", str(out), "--strict", "-q"]) == 1
    assert "[E054]" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("output", "fmt"),
    [("x.jsonl", "parquet"), ("x.csv", "duckdb"), ("x.duckdb", "jsonl"), ("x.parquet", "csv")],
)
def test_an_output_suffix_that_contradicts_format_is_a_usage_error(
    tmp_path: Path, output: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.run(["batch", str(ROOT / "examples"), "-o", str(tmp_path / output), "-f", fmt])
    assert code == 2 and "[E053]" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_format_matching_or_without_suffix_is_accepted(tmp_path: Path) -> None:
    from visitextract.batch import _check_config

    for output, fmt in [("x.jsonl", "jsonl"), ("tables", "parquet"), ("x.out", "jsonl")]:
        assert _check_config(BatchConfig([], str(tmp_path / output), format=fmt))[0] == fmt


# ----------------------------------------------------------------------------- gate and keys
def test_no_gate_runs_the_pipeline_on_ordinary_news(tmp_path: Path, extractor: Extractor) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "council.txt").write_text(NEWS, encoding="utf-8")
    gated = []
    for gate in (True, False):
        eng = InProcessEngine(None, batch_size=32, gate=gate)
        eng.extractor = extractor.with_gate(gate)
        out = tmp_path / f"g{gate}.jsonl"
        run_batch(BatchConfig([str(tmp_path / "in")], str(out), gate=gate), engine=eng)
        gated.append(read_jsonl(out)[0]["gated"])
    assert gated == [True, False]


def test_record_keys_name_the_text_id_and_date_fields(tmp_path: Path, engine: InProcessEngine) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [{"guid": "g-1", "day": "2023-05-30", "body": STORY}, {"guid": "g-2", "body": 5}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cfg = BatchConfig([str(feed)], str(out), text_key="body", id_key="guid", date_key="day")
    run_batch(cfg, engine=engine)
    first, second = read_jsonl(out)
    assert (first["doc_id"], first["published"], first["visits"][0]["dates"]["start"]) == (
        "g-1",
        "2023-05-30",
        "2023-06-02",
    )
    assert second["doc_id"] == "g-2" and "'body' as a JSON number" in second["error"]["message"]
    # another choice of keys is another batch: a resume refuses to mix them
    with pytest.raises(BatchInputError, match=r"\[E014\]"):
        run_batch(BatchConfig([str(feed)], str(out) + ".x.jsonl", keep_work=True), engine=engine)
        run_batch(BatchConfig([str(feed)], str(out) + ".x.jsonl", text_key="body"), engine=engine)


def test_an_html_page_that_cannot_be_parsed_says_so_without_a_json_hint(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> str:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(trafilatura, "extract", broken)
    [src] = discover([str(archive / "web" / "a.html")])
    [doc] = read_documents(src)
    assert doc.error is not None and doc.error.message.startswith("[E059]")
    assert ".json files" not in doc.error.message


# --------------------------------------------------------------------------------------- progress
def test_progress_lines_for_logs_have_counts_rate_and_eta() -> None:
    stream = io.StringIO()
    progress = LineProgress(stream, interval=0)
    progress.note("loading the spaCy pipeline x ...")
    progress.start(10, 2)
    progress.advance(4)
    progress.advance(4)
    progress.stop()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "loading the spaCy pipeline x ..."
    assert lines[1] == "extracting 10 documents (2 done by an earlier run)"
    assert lines[2].startswith("extracting: 6/10 documents (60%), ") and ", ETA " in lines[2]
    assert lines[3].startswith("extracting: 10/10 documents (100%), ") and "ETA" not in lines[3]
    assert len(lines) == 4  # the line at 10/10 is the final one, not an ETA line


def test_progress_lines_are_rate_limited() -> None:
    stream = io.StringIO()
    progress = LineProgress(stream, interval=3600)
    progress.start(100, 0)
    for _ in range(99):
        progress.advance(1)
    progress.stop()
    assert len(stream.getvalue().splitlines()) == 2  # the first and the last


# ------------------------------------------------------------------------------------------ duckdb
def test_the_database_is_written_in_a_storage_format_duckdb_1_reads(
    tmp_path: Path, engine: InProcessEngine
) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "out.duckdb"
    run_batch(BatchConfig([str(ROOT / "examples" / "cancelled-trip.txt")], str(out)), engine=engine)
    header = out.read_bytes()[:24]
    assert header[8:12] == b"DUCK"
    # 64 is the storage version of DuckDB 1.0; 1.x reads versions 64 and up to its own
    assert int.from_bytes(header[12:20], "little") == 64
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    con.close()


# -------------------------------------------------------------------------------------------- dask
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.mark.slow
def test_an_unreachable_scheduler_has_its_own_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    from visitextract.distributed import DaskEngine
    from visitextract.errors import SchedulerError

    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    with pytest.raises(SchedulerError, match=r"\[E055\] Could not reach the Dask scheduler"):
        DaskEngine(address, connect_timeout=2).start()
    shutil.copy(ROOT / "examples" / "cancelled-trip.txt", tmp_path / "a.txt")
    code = cli.run(
        [
            "batch",
            str(tmp_path / "a.txt"),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--engine",
            "dask",
            "--scheduler",
            address,
            "-q",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("[E055]") and "E031" not in err
