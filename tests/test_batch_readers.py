"""Readers of ``visitextract batch``: discovery, front matter, encodings, JSON/JSONL, HTML metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _batch_corpus import CP1252_TXT, HTML_PAGE, MIXED_IDS, write_mixed_folder
from visitextract.batch import infer_format
from visitextract.errors import BatchInputError
from visitextract.io.readers import (
    InputDoc,
    SourceFile,
    count_documents,
    decode_bytes,
    discover,
    parse_date,
    read_documents,
    split_front_matter,
)


def _read(path: Path) -> list[InputDoc]:
    """The documents of one file; the planned count must agree with what is read."""
    [src] = discover([path])
    docs = list(read_documents(src))
    assert count_documents(src) == len(docs)
    return docs


# ------------------------------------------------------------------------------------ front matter
def test_front_matter_gives_date_url_title_and_body_offset() -> None:
    text = (
        "---\npublished: 2022-12-06\nurl: https://example.org/a\ntitle: 'Talks: day two'\n---\n"
        "Body starts here.\n"
    )
    fields, body, offset = split_front_matter(text)
    assert fields == {"published": "2022-12-06", "url": "https://example.org/a", "title": "Talks: day two"}
    assert body == "Body starts here.\n"
    assert text[offset:] == body


@pytest.mark.parametrize(
    "text",
    [
        "---\nThe talks went on.\nMore prose follows.\n",  # a rule, then prose: not front matter
        "---\npublished: 2022-12-06\nno closing line ever\n",
        "--- not a block\npublished: 2022-12-06\n---\n",
    ],
)
def test_text_that_only_looks_like_front_matter_stays_body(text: str) -> None:
    assert split_front_matter(text) == ({}, text, 0)


def test_front_matter_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(
        "---\npublished: Dec 6, 2022\ntitle: Visit\nid: my-id\n---\nMinister X arrived.\n", encoding="utf-8"
    )
    [doc] = _read(p)
    assert (doc.doc_id, doc.published, doc.published_from, doc.title, doc.offset) == (
        "my-id",
        "2022-12-06",
        "front_matter",
        "Visit",
        len("---\npublished: Dec 6, 2022\ntitle: Visit\nid: my-id\n---\n"),
    )
    assert doc.text == "Minister X arrived.\n"


def test_bad_front_matter_date_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("---\npublished: last Tuesday\n---\nText.\n", encoding="utf-8")
    [doc] = _read(p)
    assert doc.error is None and doc.published is None
    assert doc.warnings and doc.warnings[0].startswith("[E020]") and "last Tuesday" in doc.warnings[0]


# ------------------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-12-06", "2022-12-06"),
        ("2023-05-13T08:15:00Z", "2023-05-13"),
        ("2023-09-05T06:00:00+09:00", "2023-09-05"),  # the date as published, not converted to UTC
        ("May 12, 2023", "2023-05-12"),
        ("12 May 2023", "2023-05-12"),
        ("Tue, 06 Dec 2022 10:00:00 GMT", "2022-12-06"),
        ("December 2022", None),  # incomplete: no day, so nothing is invented
        ("2022-02-30", None),
        ("yesterday", None),
        ("", None),
        (20221206, None),
    ],
)
def test_parse_date(value: object, expected: str | None) -> None:
    assert parse_date(value) == expected


# --------------------------------------------------------------------------------------- encodings
def test_cp1252_file_is_detected_and_names_keep_their_accents(tmp_path: Path) -> None:
    p = tmp_path / "cp.txt"
    p.write_bytes(CP1252_TXT.encode("cp1252"))
    [doc] = _read(p)
    assert doc.error is None and doc.encoding == "cp1252"
    assert (
        "Lukas Grünwald" in (doc.text or "")
        and "Inês Carvalho" in (doc.text or "")
        and "São Bento" in (doc.text or "")
    )


def test_latin1_with_accented_names(tmp_path: Path) -> None:
    text = (
        "French Foreign Minister Hélène Lefèvre met Spanish Foreign Minister José Núñez in Paris on Monday.\n"
    )
    p = tmp_path / "l1.txt"
    p.write_bytes(text.encode("latin-1"))
    [doc] = _read(p)
    assert doc.text == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks(encoding: str) -> None:
    text = "Ministers met in Zürich.\n"
    decoded, used = decode_bytes(text.encode(encoding))
    assert decoded == text and used == encoding


def test_binary_file_is_a_decode_error_record(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    [doc] = _read(p)
    assert doc.error is not None and doc.error.stage == "decode"
    assert doc.error.message.startswith("[E017]") and "x.txt" in doc.error.message


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>T</title></head><body><article>'
        "<p>Portuguese Foreign Minister João Simões arrived in Madrid on Monday for talks on rivers and "
        "water. Simões met his Spanish counterpart on Tuesday and both sides agreed to meet again.</p>"
        "</article></body></html>"
    )
    p = tmp_path / "p.html"
    p.write_bytes(page.encode("cp1252"))
    [doc] = _read(p)
    assert doc.encoding == "cp1252" and "João Simões" in (doc.text or "")


# -------------------------------------------------------------------------------------------- html
def test_html_main_text_and_published_time(tmp_path: Path) -> None:
    p = tmp_path / "story.html"
    p.write_text(HTML_PAGE, encoding="utf-8")
    [doc] = _read(p)
    assert (doc.published, doc.published_from) == ("2023-10-03", "html_meta")
    assert doc.title == "Irish minister visits Tokyo"
    assert "Niamh Byrne arrived in Tokyo" in (doc.text or "")
    for boilerplate in ("Sign up for our newsletter", "Sport"):
        assert boilerplate not in (doc.text or "")


def test_html_json_ld_date_published(tmp_path: Path) -> None:
    page = HTML_PAGE.replace(
        '<meta property="article:published_time" content="2023-10-03T07:00:00+00:00">',
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "x", "datePublished": "2021-04-09T10:00:00+02:00"}</script>',
    )
    p = tmp_path / "ld.html"
    p.write_text(page, encoding="utf-8")
    [doc] = _read(p)
    assert doc.published == "2021-04-09"


def test_html_without_date_metadata_does_not_guess_from_the_text(tmp_path: Path) -> None:
    page = HTML_PAGE.replace(
        '<meta property="article:published_time" content="2023-10-03T07:00:00+00:00">', ""
    ).replace("on Monday", "on 12 March 2021")
    p = tmp_path / "nodate.html"
    p.write_text(page, encoding="utf-8")
    [doc] = _read(p)
    assert "12 March 2021" in (doc.text or "")
    assert doc.published is None and doc.published_from is None


# -------------------------------------------------------------------------------------- json/jsonl
def test_jsonl_ids_line_numbers_and_parse_errors(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    rows = [
        json.dumps({"text": "First.", "published": "2023-01-02"}),
        "",
        "{broken",
        json.dumps({"id": 42, "text": "Third.", "url": "https://example.org/3"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no text"}),
    ]
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    docs = _read(p)
    assert [d.doc_id for d in docs] == ["feed.jsonl:1", "feed.jsonl:3", "42", "feed.jsonl:5", "feed.jsonl:6"]
    assert [d.line for d in docs] == [1, 3, 4, 5, 6]
    assert [d.error.stage if d.error else None for d in docs] == [None, "parse", None, "parse", "parse"]
    assert docs[0].published == "2023-01-02" and docs[2].url == "https://example.org/3"
    assert docs[1].error is not None and "line 3" in docs[1].error.message
    assert (
        docs[4].error is not None
        and "[E019]" in docs[4].error.message
        and "no 'text' field" in docs[4].error.message
    )


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Alone.", "title": "T"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "A."}, {"id": "b", "text": "B."}, 3]), encoding="utf-8")
    [d] = _read(one)
    assert (d.doc_id, d.text, d.title) == ("one.json", "Alone.", "T")
    docs = _read(many)
    assert [(x.doc_id, x.index) for x in docs] == [("many.json#0", 0), ("b", 1), ("many.json#2", 2)]
    assert docs[2].error is not None and docs[2].error.stage == "parse"


def test_invalid_json_file_is_one_error_record(tmp_path: Path) -> None:
    p = tmp_path / "bad.json"
    p.write_text('{"text": "unterminated', encoding="utf-8")
    [doc] = _read(p)
    assert doc.error is not None and doc.error.stage == "parse" and doc.error.message.startswith("[E018]")


# --------------------------------------------------------------------------------------- discovery
def test_discover_folder_ids_and_skips(tmp_path: Path) -> None:
    root = write_mixed_folder(tmp_path / "in")
    sources = discover([root])
    rels = [s.rel for s in sources]
    assert rels == sorted(rels)
    assert "notes/ignored.csv" not in rels and not any(".hidden" in r for r in rels)
    ids = [d.doc_id for s in sources for d in read_documents(s)]
    assert sorted(ids) == sorted(MIXED_IDS)
    stages = {d.doc_id: d.error.stage if d.error else None for s in sources for d in read_documents(s)}
    assert stages == MIXED_IDS


def test_ids_do_not_depend_on_how_inputs_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_mixed_folder(tmp_path / "in")
    by_folder = [s.rel for s in discover([root / "plain"])]
    monkeypatch.chdir(tmp_path)
    by_glob = [s.rel for s in discover(["in/plain/*.txt"])]
    assert by_folder == by_glob == ["empty.txt", "harbour.txt", "vienna-cp1252.txt"]
    two = [s.rel for s in discover([root / "plain", root / "pages"])]
    assert two == ["pages/tokyo.html", "plain/empty.txt", "plain/harbour.txt", "plain/vienna-cp1252.txt"]


def test_explicit_file_with_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    p = tmp_path / "story.article"
    p.write_text("Minister Y arrived.", encoding="utf-8")
    [src] = discover([p])
    assert src.kind == "text" and src.rel == "story.article"


def test_output_and_work_folder_are_never_inputs(tmp_path: Path) -> None:
    root = write_mixed_folder(tmp_path / "in")
    out = root / "out.jsonl"
    out.write_text("{}\n", encoding="utf-8")
    (root / "out.jsonl.work" / "shards").mkdir(parents=True)
    (root / "out.jsonl.work" / "shards" / "00000000.jsonl").write_text("{}\n", encoding="utf-8")
    rels = [s.rel for s in discover([root], exclude=[out, root / "out.jsonl.work"])]
    assert "out.jsonl" not in rels and not any(r.startswith("out.jsonl.work") for r in rels)


@pytest.mark.parametrize("missing", ["no/such/folder", "no/such/*.txt"])
def test_missing_input_is_a_clear_error(
    missing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BatchInputError, match=r"\[E012\]"):
        discover([missing])


def test_source_file_kind_from_suffix(tmp_path: Path) -> None:
    expected = {"a.TXT": "text", "b.ndjson": "jsonl", "c.htm": "html", "d.md": "text"}
    for name in expected:
        (tmp_path / name).write_text("x", encoding="utf-8")
    kinds = {s.rel: s.kind for s in discover([tmp_path])}
    assert kinds == expected
    assert all(isinstance(s, SourceFile) for s in discover([tmp_path]))


@pytest.mark.parametrize(
    ("output", "fmt"),
    [
        ("out.jsonl", "jsonl"),
        ("out.NDJSON", "jsonl"),
        ("out.parquet", "parquet"),
        ("tables/", "parquet"),
        ("tables", "parquet"),
        ("x.duckdb", "duckdb"),
        ("x.db", "duckdb"),
        ("visits.csv", "csv"),
        ("-", "jsonl"),
    ],
)
def test_infer_format(output: str, fmt: str) -> None:
    assert infer_format(output) == fmt


def test_infer_format_refuses_unknown_suffix() -> None:
    with pytest.raises(BatchInputError, match=r"\[E013\].*--format"):
        infer_format("out.xlsx")
