"""Hostile files and folders through ``visitextract batch``: exactly one record per document, no hang,
no silent loss, bounded reads, and a work folder and output that stay safe (issue 12).
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from visitextract.api import Extractor
from visitextract.batch import (
    BatchConfig,
    DocumentTimeout,
    InProcessEngine,
    WorkDir,
    extract_payloads,
    run_batch,
    time_budget,
    time_limit,
    work_dir_for,
)
from visitextract.errors import BatchInputError
from visitextract.io.readers import (
    InputDoc,
    count_documents,
    decode_text,
    discover,
    flatten_deep_html,
    loads_bounded,
    parse_date,
    read_documents,
)
from visitextract.io.writers import csv_documents_path, read_jsonl, spreadsheet_safe

STORY = (
    "Chilean Foreign Minister Ana Rojas arrived in Lima on Monday for talks with her Peruvian "
    "counterpart Luis Paredes on trade and water."
)
SECOND = "Peruvian President Jorge Salas will travel to Santiago next week for a summit on mining."


def _docs(path: Path, **kw: Any) -> list[InputDoc]:
    """The documents of the inputs; the planned count must agree with what is read."""
    sources = discover([path])
    docs = [d for s in sources for d in read_documents(s, **kw)]
    assert sum(count_documents(s, **kw) for s in sources) == len(docs)
    return docs


@pytest.fixture(scope="module")
def engine() -> Iterator[InProcessEngine]:
    eng = InProcessEngine(None, batch_size=4)
    _ = eng.extractor.nlp
    yield eng


def _run(inputs: list[Path], out: Path, engine: InProcessEngine, **kw: Any) -> Any:
    cfg = BatchConfig(inputs, str(out), batch_size=kw.pop("batch_size", 4), published="2022-12-06", **kw)
    return run_batch(cfg, engine=engine)


def _jsonl(path: Path, rows: list[Any], ascii: bool = False) -> Path:
    """Raw UTF-8 (as ``json.dumps(ensure_ascii=False)`` writes it), or escapes (lone surrogates)."""
    path.write_text("".join(json.dumps(r, ensure_ascii=ascii) + "\n" for r in rows), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------- JSON Lines
@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x0b\x0c\x1c\x1d\x1e"])
def test_json_lines_split_on_newline_only(tmp_path: Path, sep: str) -> None:
    """Raw U+2028/U+2029/U+0085 are valid inside a JSON string: 4 documents gave 7 records."""
    rows = [{"id": f"d{i}", "text": f"{STORY}{sep}Second paragraph {i}."} for i in range(4)]
    docs = _docs(_jsonl(tmp_path / "feed.jsonl", rows))
    assert [(d.doc_id, d.error) for d in docs] == [(f"d{i}", None) for i in range(4)]
    assert [d.text for d in docs] == [r["text"] for r in rows]
    assert [d.line for d in docs] == [1, 2, 3, 4]


def test_json_lines_blank_lines_crlf_and_bom(tmp_path: Path) -> None:
    p = tmp_path / "f.jsonl"
    body = "\r\n\r\n".join(json.dumps({"text": t}) for t in (STORY, SECOND)) + "\r\n  \t\r\n"
    p.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    docs = _docs(p)
    assert [(d.doc_id, d.text) for d in docs] == [("f.jsonl:1", STORY), ("f.jsonl:3", SECOND)]


def test_a_json_lines_line_of_other_unicode_spaces_is_an_error_not_skipped(tmp_path: Path) -> None:
    p = tmp_path / "f.jsonl"
    p.write_text(json.dumps({"text": STORY}) + "\n\u00a0\u2028\n", encoding="utf-8")
    docs = _docs(p)
    assert [d.error.stage if d.error else None for d in docs] == [None, "parse"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32-be"])
def test_json_lines_in_wide_encodings(tmp_path: Path, encoding: str) -> None:
    p = tmp_path / "w.jsonl"
    text = (
        json.dumps({"text": STORY}, ensure_ascii=False) + "\n" + json.dumps({"text": "Zürich\u2028x"}) + "\n"
    )
    p.write_bytes(text.encode(encoding))
    docs = _docs(p)
    assert [d.text for d in docs] == [STORY, "Zürich\u2028x"] and all(d.error is None for d in docs)


# ------------------------------------------------------------------------------------ bounded JSON
@pytest.mark.parametrize("depth", [101, 1_100, 100_000])
def test_deeply_nested_json_is_one_parse_error(tmp_path: Path, depth: int) -> None:
    p = tmp_path / "deep.json"
    p.write_text('{"text": "x", "meta": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    [doc] = _docs(p)
    assert doc.error is not None and doc.error.stage == "parse"
    assert doc.error.message.startswith("[E018]") and "nested deeper than 100 levels" in doc.error.message


def test_a_deep_json_lines_line_costs_that_line_only(tmp_path: Path) -> None:
    p = tmp_path / "deep.jsonl"
    deep = '{"text": "x", "m": ' + "{" * 1_100 + "}" * 1_100 + "}"
    p.write_text("\n".join([json.dumps({"text": STORY}), deep, json.dumps({"text": SECOND})]) + "\n")
    docs = _docs(p)
    assert [d.error.stage if d.error else None for d in docs] == [None, "parse", None]


@pytest.mark.parametrize(
    "text",
    [
        '{"text": "[[[[{{{{", "k": ["\\\\\\"[[["]}',  # brackets inside strings and escapes do not count
        '{"a": ' + "[" * 99 + "]" * 99 + "}",  # 100 levels: the limit
        '[{"text": "ok"}, {"text": "ok\\u2028"}]',
    ],
)
def test_loads_bounded_reads_what_json_reads(text: str) -> None:
    assert loads_bounded(text) == json.loads(text)


# ---------------------------------------------------------------------------------- empty files
@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("empty.json", b"", "an empty file"),
        ("blank.json", b" \n\t\n", "an empty file"),
        ("list.json", b"[]", "an empty JSON list"),
        ("empty.jsonl", b"", "no line holds a record"),
        ("blank.jsonl", b"\n\n  \n", "no line holds a record"),
    ],
)
def test_a_file_without_documents_gives_one_error_record(
    tmp_path: Path, name: str, content: bytes, what: str
) -> None:
    (tmp_path / name).write_bytes(content)
    [doc] = _docs(tmp_path / name)
    assert doc.error is not None and doc.error.stage == "parse" and doc.doc_id == name
    assert doc.error.message.startswith("[E037]") and what in doc.error.message


# ----------------------------------------------------------------------------- not regular files
def _read_in_thread(path: Path, fifo: Path | None = None) -> list[InputDoc]:
    """Read with a guard: a hang fails the test instead of the suite (the FIFO is then opened)."""
    got: list[InputDoc] = []
    worker = threading.Thread(target=lambda: got.extend(_docs(path)), daemon=True)
    worker.start()
    worker.join(60)
    if worker.is_alive():
        if fifo is not None:
            with open(fifo, "wb"):
                pass
        pytest.fail("reading the input blocked")
    return got


def test_a_fifo_named_txt_is_an_error_record_not_a_hang(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(folder / "x.txt")
    os.mkfifo(folder / "y.jsonl")
    docs = {d.doc_id: d for d in _read_in_thread(folder, folder / "x.txt")}
    assert docs["a.txt"].error is None
    for name in ("x.txt", "y.jsonl"):
        err = docs[name].error
        assert err is not None and err.stage == "read"
        assert err.message.startswith("[E040]") and "a named pipe (FIFO)" in err.message


def test_a_fifo_named_explicitly_is_an_input_and_an_error_record(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    [doc] = _read_in_thread(tmp_path / "pipe.txt", tmp_path / "pipe.txt")
    assert doc.error is not None and doc.error.message.startswith("[E040]")


def test_a_symlink_to_dev_zero_is_refused_unread(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    docs = _read_in_thread(tmp_path)
    assert len(docs) == 2
    assert all(
        d.error and d.error.message.startswith("[E040]") and "character device" in d.error.message
        for d in docs
    )


def test_a_file_larger_than_one_document_may_be_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(STORY * 10, encoding="utf-8")
    (tmp_path / "small.txt").write_text(STORY, encoding="utf-8")
    docs = {d.doc_id: d for d in _docs(tmp_path, max_chars=200)}
    assert docs["small.txt"].error is None and docs["small.txt"].text == STORY
    err = docs["big.txt"].error
    assert (
        err is not None and err.stage == "read" and err.message.startswith("[E045] big.txt has 1,330 bytes")
    )


def test_a_json_lines_line_too_long_is_skipped_and_the_next_lines_read(tmp_path: Path) -> None:
    p = _jsonl(tmp_path / "f.jsonl", [{"text": STORY}, {"text": STORY * 20}, {"text": SECOND}])
    docs = _docs(p, max_chars=300)
    assert [d.text for d in docs] == [STORY, None, SECOND]
    assert docs[1].error is not None and docs[1].error.message.startswith("[E045]") and docs[1].line == 2


# ------------------------------------------------------------------------------ globs and names
def test_a_symlink_loop_in_a_glob_gives_each_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gl = tmp_path / "gl"
    (gl / "sub").mkdir(parents=True)
    (gl / "a.txt").write_text(STORY, encoding="utf-8")
    (gl / "sub" / "b.txt").write_text(SECOND, encoding="utf-8")
    os.symlink("..", gl / "sub" / "up")  # a loop
    os.symlink(".", gl / "self")  # and another: the standard glob's paths grow exponentially
    os.symlink("sub", gl / "alias")  # the same folder twice
    monkeypatch.chdir(tmp_path)
    sources = discover(["gl/**/*.txt"])
    assert [s.rel for s in sources] == ["a.txt", "alias/b.txt"] or [s.rel for s in sources] == [
        "a.txt",
        "sub/b.txt",
    ]
    assert [s.rel for s in discover(["gl/*.txt"])] == ["a.txt"]
    assert [s.rel for s in discover([gl])] == ["a.txt", "sub/b.txt"]  # folders: symlinks not followed


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("t/**/*.txt", ["t/a.txt", "t/d/b.txt", "t/d/e/c.txt"]),
        ("t/**", ["t/", "t/a.txt", "t/d", "t/d/b.txt", "t/d/e", "t/d/e/c.txt", "t/d/x.md"]),
        ("t/*/b.txt", ["t/d/b.txt"]),
        ("t/**/e/*.txt", ["t/d/e/c.txt"]),
        ("**/b.txt", ["t/d/b.txt"]),
    ],
)
def test_the_glob_matches_what_the_standard_glob_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, expected: list[str]
) -> None:
    import glob

    from visitextract.io.readers import _glob

    for rel in ("t/a.txt", "t/d/b.txt", "t/d/e/c.txt", "t/d/x.md", "t/.h/z.txt", "t/d/.y.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    standard = sorted(glob.glob(pattern, recursive=True))
    ours = sorted(_glob(pattern))
    assert [p.rstrip("/") for p in ours] == [p.rstrip("/") for p in standard]
    assert [p.rstrip("/") for p in ours] == [p.rstrip("/") for p in expected]


def test_a_file_name_that_is_not_utf8_still_gives_its_record(tmp_path: Path, engine: InProcessEngine) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/latin1-\xe9.txt", "w", encoding="utf-8") as fh:
        fh.write(STORY)
    [doc] = _docs(folder)
    assert doc.doc_id == "latin1-\\xe9.txt" and doc.error is None and doc.text == STORY
    assert doc.warnings and doc.warnings[0].startswith("[E041]")
    out = tmp_path / "o.jsonl"
    summary = _run([folder], out, engine)
    [record] = read_jsonl(out)
    assert summary.errors == 0 and record["doc_id"] == "latin1-\\xe9.txt" and record["visits"]
    assert record["source"]["warnings"][0].startswith("[E041]")


# ---------------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_a_bom_are_detected_with_a_warning(encoding: str) -> None:
    text = STORY + "\nZürich, São Paulo.\n"
    decoded, used, warnings = decode_text(text.encode(encoding), file="a.txt")
    assert decoded == text and used == encoding
    assert (
        warnings
        and warnings[0].startswith("[E042] a.txt is not valid UTF-8")
        and "byte-order mark" in warnings[0]
    )


def test_damaged_utf8_is_read_as_utf8_with_a_warning_not_as_a_code_page() -> None:
    text = "Zürich and Malmö welcomed the Foreign Minister of Côte d’Ivoire on Monday. "
    data = text.encode("utf-8") + b"\xff\xfe" + "Ministers met in Genève.".encode()
    decoded, used, warnings = decode_text(data, file="d.txt")
    assert used == "utf-8" and decoded.startswith(text) and "Genève" in decoded and "\ufffd" in decoded
    assert warnings and "replaced by U+FFFD" in warnings[0]


def test_a_guessed_legacy_encoding_says_so() -> None:
    decoded, used, warnings = decode_text("José Ibáñez met Inês Carvalho in Zürich.".encode("cp1252"))
    assert used == "cp1252" and "Ibáñez" in decoded
    assert warnings and warnings[0].startswith("[E042]") and "a guess" in warnings[0]


def test_utf8_and_bom_files_have_no_encoding_warning() -> None:
    for data in (STORY.encode("utf-8"), STORY.encode("utf-16"), ("Zürich " + STORY).encode("utf-8")):
        assert decode_text(data)[2] == []


# ---------------------------------------------------------------------------------------- HTML
@pytest.mark.parametrize("depth", [0, 254, 300, 100_000])
def test_text_inside_deeply_nested_html_is_kept(tmp_path: Path, depth: int) -> None:
    body = f"<p>{STORY}</p><p>{SECOND}</p>"
    page = (
        "<html><head><title>T</title></head><body>"
        + "<div class='x'>" * depth
        + body
        + "</div>" * depth
        + "<p>After the nest the two delegations went home to their capitals as planned.</p></body></html>"
    )
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    [doc] = _docs(tmp_path / "deep.html")
    assert doc.error is None and STORY in (doc.text or "") and "After the nest" in (doc.text or "")


def test_flatten_deep_html_keeps_text_entities_and_shallow_tags() -> None:
    page = "<body>" + "<div>" * 300 + "a &amp; b<br/>c<!-- n --></p>" + "</div>" * 300 + "<p>d</p></body>"
    flat = flatten_deep_html(page)
    assert flat.count("<div>") == 199 and flat.count("</div>") == 199
    assert "a &amp; b" in flat and "<!-- n -->" in flat and flat.endswith("<p>d</p></body>")


# ----------------------------------------------------------------------------------- dates read
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-12-06garbage", None),
        ("2022-12-06T10:00:00Z", "2022-12-06"),
        ("2022-12-06 23:59:59+05:00", "2022-12-06"),
        ("2022-W49-2", None),
        ("9999-12-31", None),
        ("0001-01-01", None),
        ("Dec 6, 2022", "2022-12-06"),
    ],
)
def test_parse_date_refuses_what_it_cannot_read_exactly(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


# ------------------------------------------------------------------------- the batch end to end
def test_hostile_records_each_give_exactly_one_record(tmp_path: Path, engine: InProcessEngine) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _jsonl(
        folder / "feed.jsonl",
        [
            {"id": "ok-1", "text": STORY + "\u2028" + SECOND},
            {"id": "bad-\ud800", "text": SECOND, "title": "T\udce9"},
            {"id": "sur-text", "text": "\ud800 " + STORY},
            {"id": "edge", "text": STORY, "published": "9999-12-31"},
            {"id": "long", "text": STORY * 50},
        ],
        ascii=True,
    )
    (folder / "deep.json").write_text("[" * 1500 + "]" * 1500, encoding="utf-8")
    (folder / "empty.jsonl").write_text("", encoding="utf-8")
    (folder / "none.json").write_text("[]", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = _run([folder], out, engine, max_chars=2000)
    records = read_jsonl(out)
    (out.read_bytes()).decode("utf-8")  # the output is UTF-8
    by_id = {r["doc_id"]: r for r in records}
    assert summary.documents == len(records) == 8
    assert by_id["ok-1"]["error"] is None and by_id["ok-1"]["visits"]
    bad = by_id["bad-\\ud800"]
    assert bad["error"] is None and bad["source"]["title"] == "T\\udce9"
    assert bad["source"]["warnings"][0].startswith("[E044]")
    assert by_id["sur-text"]["error"]["message"].startswith("[E036]")
    assert by_id["edge"]["error"] is None and by_id["edge"]["published"] == "2022-12-06"
    assert by_id["edge"]["source"]["warnings"][0].startswith("[E020]")
    assert by_id["long"]["error"]["message"].startswith("[E038] The document has 6,650 characters")
    assert by_id["deep.json"]["error"]["message"].startswith("[E018]")
    assert by_id["empty.jsonl"]["error"]["message"].startswith("[E037]")
    assert by_id["none.json"]["error"]["message"].startswith("[E037]")


def test_time_limit_interrupts_python_code() -> None:
    with pytest.raises(DocumentTimeout), time_limit(0.2):
        while True:
            pass
    with time_limit(None):
        pass
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None) or callable(
        signal.getsignal(signal.SIGALRM)
    )


@pytest.mark.parametrize(
    ("seconds", "chars", "budget"),
    [
        (600, 0, 600),
        (600, 1_000_000, 600),
        (600, 4_000_000, 2400),
        (1.5, 10_000_000, 15),
        (None, 5, None),
        (0, 5, None),
    ],
)
def test_the_time_budget_grows_with_long_documents(seconds, chars, budget) -> None:
    """Time is linear in the length: a 10 MB document must not die of a limit meant for articles."""
    assert time_budget(seconds, chars) == budget


def test_a_runaway_document_becomes_a_time_limit_error_and_the_batch_goes_on(
    engine: InProcessEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Extractor._assemble

    def runaway(self: Extractor, doc: Any, published: Any, doc_id: str | None) -> Any:
        if doc_id == "slow":
            while True:  # as a backtracking regex would
                pass
        return original(self, doc, published, doc_id)

    monkeypatch.setattr(Extractor, "_assemble", runaway)
    payloads = [
        {"doc_id": d, "text": STORY, "published": "2022-12-06", "source": None, "error": None}
        for d in ("a", "slow", "b")
    ]
    records = extract_payloads(engine.extractor, payloads, batch_size=3, seconds=1.0)
    assert [r["doc_id"] for r in records] == ["a", "slow", "b"]
    assert records[1]["error"]["message"].startswith("[E039]") and records[1]["error"]["type"] == "TimeLimit"
    assert records[0]["visits"] and records[2]["visits"] and records[0]["error"] is None
    # the pipeline still works after it was interrupted
    assert engine.extractor.extract(STORY, published="2022-12-06").visits


# ------------------------------------------------------------------------------ the work folder
def test_restart_honours_the_lock_of_a_running_batch(tmp_path: Path, engine: InProcessEngine) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    other = WorkDir(work_dir_for(out))  # another run holds the lock and has finished a shard
    other.prepare({"version": 1}, restart=False)
    (other.shards / "00000000.jsonl").write_text("{}\n", encoding="utf-8")
    try:
        with pytest.raises(BatchInputError, match=r"\[E030\]"):
            _run([src], out, engine, restart=True)
        assert (other.shards / "00000000.jsonl").exists()
    finally:
        other.release()
    _run([src], out, engine, restart=True)
    assert [r["doc_id"] for r in read_jsonl(out)] == ["a.txt"] and not work_dir_for(out).exists()


@pytest.mark.parametrize("restart", [False, True])
def test_a_work_folder_that_is_not_ours_is_never_touched(
    tmp_path: Path, engine: InProcessEngine, restart: bool
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    theirs = work_dir_for(out)
    (theirs / "shards").mkdir(parents=True)
    (theirs / "thesis.tex").write_text("years of work", encoding="utf-8")
    (theirs / "shards" / "notes.txt").write_text("more", encoding="utf-8")
    with pytest.raises(BatchInputError, match=r"\[E043\].*not made by visitextract batch"):
        _run([src], out, engine, restart=restart)
    assert (theirs / "thesis.tex").read_text(encoding="utf-8") == "years of work"
    assert (theirs / "shards" / "notes.txt").exists() and not out.exists()


def test_an_interrupted_work_folder_of_an_earlier_version_is_still_resumed(
    tmp_path: Path, engine: InProcessEngine
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    _run([src], out, engine, keep_work=True)
    (work_dir_for(out) / ".visitextract-work").unlink()  # as written before the marker existed
    out.unlink()
    summary = _run([src], out, engine)
    assert summary.resumed == 1 and read_jsonl(out)[0]["doc_id"] == "a.txt"


# ------------------------------------------------------------------------------------- outputs
def test_csv_cells_cannot_inject_formulas_and_hold_no_nul() -> None:
    table = pa.table(
        {
            "quote": [
                '=HYPERLINK("http://x")',
                "+1",
                "-2",
                "@SUM(A1)",
                "\tx",
                "\rx",
                "ok = fine",
                "a\x00b",
                None,
            ],
            "n": [1, 2, 3, 4, 5, 6, 7, 8, 9],
        }
    )
    safe = spreadsheet_safe(table).to_pydict()
    assert safe["quote"] == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "ok = fine",
        "ab",
        None,
    ]
    assert safe["n"] == table.column("n").to_pylist()


def test_csv_output_of_a_batch_is_escaped(tmp_path: Path, engine: InProcessEngine) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _jsonl(src / "f.jsonl", [{"id": "=cmd|' /C calc'!A0", "text": STORY, "title": "@title\x00"}])
    out = tmp_path / "visits.csv"
    _run([src], out, engine)
    with csv_documents_path(out).open(encoding="utf-8", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["doc_id"] == "'=cmd|' /C calc'!A0" and row["title"] == "'@title"
    with out.open(encoding="utf-8", newline="") as fh:
        visits = list(csv.DictReader(fh))
    assert visits and all(v["doc_id"].startswith("'=") for v in visits)


@pytest.mark.slow
def test_duckdb_output_on_a_full_disk_is_e031_and_the_old_output_stays(tmp_path: Path) -> None:
    """RLIMIT_FSIZE stands for a full disk: the shards fit, the database file does not."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "o.duckdb"
    out.write_bytes(b"the previous output")
    code = textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
        from visitextract.cli import main
        sys.argv = ["visitextract", "batch", {str(src)!r}, "-o", {str(out)!r}, "--published", "2022-12-06"]
        main()
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "[E031] Could not write the batch output (DuckDB could not write" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert out.read_bytes() == b"the previous output"
    assert (work_dir_for(out) / "shards" / "00000000.jsonl").exists()  # finished work kept for a resume
    time.sleep(0)  # nothing left running: the CLI process has exited
