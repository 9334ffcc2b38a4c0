"""Hostile input through the Python API: documented errors, never a crash, a hang or a lost item.

Each test is the regression test of one finding of issue 12 (a reliability probe): dates at the edges
of the calendar, lone surrogates, a bad item in ``Extractor.pipe``, pathological runs of punctuation,
a backtracking regex, documents too long for one Doc, records that grew quadratically.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from _invariants import check_extraction
from test_api import _run_python
from visitextract import Extractor
from visitextract.normalize.dates import PUBLISHED_MAX, PUBLISHED_MIN, parse_date_expression, resolve
from visitextract.normalize.offices import default_taxonomy
from visitextract.pipeline.pieces import merge_pieces, shift_offsets, split_text
from visitextract.pipeline.runs import RUN_KEEP, RUN_LIMIT, cap_runs

TRAVEL = "French Foreign Minister Jean Dupont will travel to Rome next week."
MONDAY = "French Foreign Minister Jean Dupont met Italian Prime Minister Marco Rossi in Rome on Monday."


# ------------------------------------------------------------------------------ dates at the edges
@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", dt.date(9999, 12, 31), dt.date(1, 1, 1)])
@pytest.mark.parametrize("text", [TRAVEL, MONDAY])
def test_published_at_the_ends_of_the_calendar_is_a_documented_error(extractor, published, text):
    with pytest.raises(ValueError, match=r"\[E035\]") as info:
        extractor.extract(text, published=published)
    assert "0002-01-01" in str(info.value) and "9998-12-31" in str(info.value)


def test_published_at_the_ends_of_the_calendar_in_pipe_is_one_error_result(extractor):
    out = list(extractor.pipe([{"text": TRAVEL, "published": "9999-12-31", "id": "edge"}, TRAVEL]))
    assert [(e.doc_id, e.error.code if e.error else None) for e in out] == [("edge", "E035"), (None, None)]


@pytest.mark.parametrize("published", [PUBLISHED_MIN, PUBLISHED_MAX])
@pytest.mark.parametrize(
    "text", [TRAVEL, MONDAY, "Jean Dupont will visit Rome next year and the year after."]
)
def test_the_first_and_last_supported_days_extract(extractor, published, text):
    check_extraction(text, extractor.extract(text, published=published))


@pytest.mark.parametrize(
    ("expr", "published"),
    [
        ("next year", dt.date(9999, 12, 31)),
        ("next week", dt.date(9999, 12, 31)),
        ("on Monday", dt.date(1, 1, 1)),
        ("last month", dt.date(1, 1, 1)),
        ("January 3", dt.date(9999, 12, 28)),
    ],
)
def test_resolving_off_the_calendar_keeps_the_text_instead_of_raising(expr, published):
    parsed = parse_date_expression(expr)
    assert parsed is not None
    got = resolve(parsed, published, "future", text=expr)
    assert got.text == expr  # unresolved: no OverflowError
    assert got.start is None or dt.date.fromisoformat(got.start).year in (1, 9999)


# ------------------------------------------------------------------------------ lone surrogates
@pytest.mark.parametrize(
    "text", ["\ud800 President visited France", "Jean Dupont visited Rome.\udce9", "ok \udfff ok"]
)
def test_a_lone_surrogate_in_the_text_is_a_documented_error(extractor, text):
    with pytest.raises(ValueError, match=r"\[E036\] The text holds a lone surrogate"):
        extractor.extract(text)


def test_a_lone_surrogate_in_pipe_is_one_error_result_with_an_encodable_id(extractor):
    out = list(
        extractor.pipe([("\ud800 x", {"id": "bad-\ud800"}), {"text": MONDAY, "id": "bad-\udce9"}, MONDAY])
    )
    assert [e.error.code if e.error else None for e in out] == ["E036", "E036", None]
    assert out[0].doc_id == "bad-\\ud800"
    assert "doc_id" in out[1].error.message
    for e in out:
        json.dumps(e.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")
    assert out[2].meetings


# ------------------------------------------------------------------------ a bad item in the stream
def test_an_exception_of_the_pipeline_costs_one_item_only(extractor, monkeypatch):
    from visitextract.rules import assemble as assemble_module

    real = assemble_module.assemble

    def fragile(doc, published, doc_id, gazetteer):
        if "Marco Rossi" in doc.text:
            raise RuntimeError("boom")
        return real(doc, published, doc_id, gazetteer)

    monkeypatch.setattr(assemble_module, "assemble", fragile)
    out = list(extractor.pipe([TRAVEL, {"text": MONDAY, "id": "m"}, TRAVEL], batch_size=3))
    assert [e.error.code if e.error else None for e in out] == [None, "E021", None]
    assert out[1].doc_id == "m" and out[1].error.type == "RuntimeError" and "boom" in out[1].error.message
    assert out[0].visits and out[2].visits
    with pytest.raises(RuntimeError, match="boom"):
        extractor.extract(MONDAY)


@pytest.mark.slow
def test_pipe_with_two_processes_gives_an_error_result_for_a_bad_item():
    proc = _run_python(
        f"""
        import json
        from visitextract import Extractor
        items = [
            {TRAVEL!r}, 42, {{"text": "\\ud800 x", "id": "s"}}, {{"text": {MONDAY!r}, "published": "bad"}},
            {{"text": {MONDAY!r}, "id": "last", "published": "2022-12-06"}},
        ]
        out = list(Extractor().pipe(items, n_process=2, batch_size=2))
        rows = [[e.doc_id, e.error.code if e.error else None, len(e.visits) + len(e.meetings)] for e in out]
        print(json.dumps(rows))
        """
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert [g[:2] for g in got] == [
        [None, None],
        [None, "E007"],
        ["s", "E036"],
        [None, "E002"],
        ["last", None],
    ]
    assert got[0][2] and got[4][2]


def test_max_chars_refuses_a_longer_text(extractor):
    small = Extractor(max_chars=50)
    small._nlp = extractor.nlp
    with pytest.raises(
        ValueError, match=r"\[E038\] The document has 99 characters, more than the limit of 50"
    ):
        small.extract(MONDAY + "      ")
    out = list(small.pipe([MONDAY, "short text, no news"]))
    assert out[0].error.code == "E038" and out[1].error is None


# ----------------------------------------------------------------------- pathological runs of marks
@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("plain text, ... and --- and !!! " + "-" * (RUN_LIMIT - 1), False),
        ("a" + '"' * RUN_LIMIT + "b", True),
        ("x " + "😀" * 500 + " y", True),
        ("(" * 2000, True),
        ("'\"" * 1000 + " end", True),
    ],
)
def test_cap_runs_keeps_the_length_and_caps_only_long_runs(text, changed):
    capped = cap_runs(text)
    assert len(capped) == len(text)
    assert (capped is not text) == changed
    if changed:
        assert "x" * (RUN_LIMIT - RUN_KEEP) in capped


@pytest.mark.parametrize("run", ['"' * 20_000, "😀" * 20_000, "(" * 20_000, "'\"" * 10_000, "»«" * 10_000])
def test_a_sentence_with_a_run_of_marks_keeps_its_records_and_exact_offsets(extractor, run):
    """Before the cap, spaCy's tokenizer took ~39 s on 20,000 quotes; the offsets of the records
    after the run must still slice the original text (the Doc is rebuilt from it)."""
    text = f"{MONDAY} {run} Italian Foreign Minister Luca Bianchi arrived in Paris on Tuesday."
    ex = extractor.extract(text, published="2022-12-06")
    data = check_extraction(text, ex)
    assert extractor.nlp(text).text == text
    names = {v["visitor"]["name"] for v in data["visits"]}
    assert "Luca Bianchi" in names, names
    paris = [m for m in ex.mentions if m.text == "Paris"]
    assert paris and paris[0].start == text.index("Paris")


@pytest.mark.parametrize(
    ("title", "office"),
    [
        ("Deputy Chairman of Kazakhstan's Senate", "Deputy Chairman of the Senate"),
        ("President of " + "A." * 25_000 + " Senate", None),
        ("President of " + "Ab " * 20_000 + "Senate's Committee", None),
    ],
    ids=["possessive", "dotted-run", "many-words"],
)
def test_office_normalisation_is_linear_on_hostile_titles(title, office):
    """``_POSSESSIVE_COUNTRY`` backtracked: 25,000 "A." took 12 s (57 s in a sentence)."""
    info = default_taxonomy().normalize(title)
    if office is not None:
        assert info is not None and info.office == office


def test_the_dotted_run_sentence_of_the_issue_extracts(extractor):
    text = "French President of " + "A." * 25_000 + " Senate Jean Dupont visited Berlin on Monday."
    check_extraction(text, extractor.extract(text, published="2022-12-06"))


# ------------------------------------------------------------------------------- long documents
PARAGRAPH = (
    "Chilean Foreign Minister Ana Rojas arrived in Lima on Monday for talks with her Peruvian "
    "counterpart Luis Paredes. “We came to open a new chapter in trade between our two nations,” "
    "Rojas told reporters at the airport."
)
FILLER = "Markets in the region were calm, and the weather stayed mild through the afternoon session."


def test_split_text_cuts_at_paragraphs_into_bounded_pieces():
    text = "\n\n".join([PARAGRAPH, FILLER] * 40)
    pieces = split_text(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_shift_offsets_moves_spans_and_mentions_but_not_dates():
    data = {
        "visits": [
            {
                "evidence": [{"start": 1, "end": 3, "text": "ab"}],
                "dates": {"start": "2022-12-05", "end": None},
            }
        ],
        "mentions": [{"text": "x", "start": 5, "end": 6, "entity_id": "country:FRA"}],
    }
    shift_offsets(data, 100)
    assert data["visits"][0]["evidence"][0] == {"start": 101, "end": 103, "text": "ab"}
    assert data["visits"][0]["dates"] == {"start": "2022-12-05", "end": None}
    assert (data["mentions"][0]["start"], data["mentions"][0]["end"]) == (105, 106)


LATER = "Chilean Foreign Minister Ana Rojas later met Peruvian President Jorge Salas in Lima on Tuesday."


def test_a_long_document_is_extracted_in_pieces_with_one_person_across_them(extractor):
    text = "\n\n".join([PARAGRAPH, *[FILLER] * 30, LATER])
    chunked = Extractor(chunk_chars=1500)
    chunked._nlp = extractor.nlp
    ex = chunked.extract(text, published="2022-12-06")
    check_extraction(text, ex)
    rojas = [p for p in ex.people if p.name == "Ana Rojas"]
    assert len(rojas) == 1, [p.name for p in ex.people]
    assert rojas[0].mentions[0].start < 300 < len(text) - 300 < rojas[0].mentions[-1].start
    late = [m for m in ex.meetings if any(p.name == "Jorge Salas" for p in m.participants)]
    assert late and {p.id for p in late[0].participants} >= {rojas[0].id}


def test_merge_pieces_of_nothing_is_an_empty_extraction():
    assert merge_pieces([], "d", None).model_dump()["people"] == []


def test_statement_speakers_do_not_repeat_every_mention_so_output_grows_linearly(extractor):
    """The speaker of each statement carried every mention of that person: output quadratic."""

    def size(n: int) -> tuple[int, int]:
        text = "\n\n".join([PARAGRAPH] * n)
        ex = extractor.extract(text, published="2022-12-06")
        data = check_extraction(text, ex)
        for st in data["statements"]:
            spans = [*st["evidence"], *([st["quote_span"]] if st["quote_span"] else [])]
            for m in st["speaker"]["mentions"]:
                assert any(m["start"] < s["end"] and s["start"] < m["end"] for s in spans)
        return len(json.dumps(data)), len(data["statements"])

    small, n_small = size(4)
    large, n_large = size(16)
    assert n_small and n_large >= 4 * n_small - 1
    assert large < 4.6 * small  # 4x the text: about 4x the output, not 16x
