"""Two stages at once (``visitextract.pipeline.staged``): the parser's stage of the next batch in a
helper thread. The Extractions must be those of one thread, item for item, errors included."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.tokens import Doc

from visitextract import Extractor
from visitextract.pipeline import staged
from visitextract.pipeline.staged import ahead

GOLD_SETS = {
    "devset": Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "articles",
    "owndev": Path(__file__).resolve().parent / "data" / "owndev" / "articles",
}

# Written for this file: visits, a meeting, quotations and reported speech, a call, ordinary news
# the gate turns away, an empty text, and items that are not texts at all.
TEXTS: list[object] = [
    "Chilean Foreign Minister Alberto Ruiz arrived in Lima on Monday on a two-day visit. He met "
    'his Peruvian counterpart Elena Paredes on Tuesday. "Our ports must work as one," Ruiz said.',
    "The city council approved a new budget for the central library on Thursday evening.",
    "",
    "Kenyan President Daniel Ochieng will travel to Addis Ababa next week for talks with Prime "
    "Minister Abiy Ahmed, the presidency said in a statement.",
    12345,
    "Polish Foreign Minister Anna Nowak spoke by telephone with her Lithuanian counterpart on "
    "Wednesday about energy links across the Baltic.",
    "Rains came late to the valley this year, and the harvest was the smallest since 2015.",
    "Japanese Prime Minister Taro Sato concluded a three-day visit to Vietnam on Friday, where he "
    "had met President Luong Cuong in Hanoi.",
    {"text": "Austrian Chancellor Josef Huber toured a steel plant in Linz.", "published": "not a date"},
    "Swedish Foreign Minister Karin Berg flew to Ankara on Tuesday for talks with her Turkish "
    "counterpart. She returned to Stockholm on Wednesday evening.",
]


@pytest.fixture(scope="module")
def one_thread(extractor: Extractor) -> Extractor:
    ex = extractor.with_gate(True)
    ex.threads = 1
    return ex


@pytest.fixture(scope="module")
def two_threads(extractor: Extractor) -> Extractor:
    ex = extractor.with_gate(True)
    ex.threads = 2
    return ex


def _dump(ex: Extractor, items: list[object], batch_size: int) -> list[dict[str, object]]:
    return [e.model_dump(mode="json") for e in ex.pipe(items, batch_size=batch_size)]  # type: ignore[arg-type]


@pytest.mark.parametrize("batch_size", [1, 2, 3, 16])
def test_two_threads_give_the_extractions_of_one(
    one_thread: Extractor, two_threads: Extractor, batch_size: int
) -> None:
    want = _dump(one_thread, TEXTS, batch_size)
    got = _dump(two_threads, TEXTS, batch_size)
    assert len(got) == len(TEXTS)
    assert got == want
    # the texts are what they claim: records, a gated text, and the error results
    assert want[0]["visits"] and want[0]["meetings"] and want[0]["statements"]
    assert want[1]["gated"] is True
    assert want[4]["error"] is not None and want[8]["error"] is not None


def test_the_helper_thread_runs_the_parser_stage(
    two_threads: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, set[str]] = {"visitextract_paragraphs": set(), "visitextract_entities": set()}
    for name, threads in seen.items():
        cls = type(two_threads.nlp.get_pipe(name))

        def call(self: object, doc: Doc, _real: object = cls.__call__, _seen: set[str] = threads) -> Doc:
            _seen.add(threading.current_thread().name)
            return _real(self, doc)  # type: ignore[operator,no-any-return]

        monkeypatch.setattr(cls, "__call__", call)
    out = list(two_threads.pipe([t for t in TEXTS if isinstance(t, str) and t], batch_size=2))
    assert len(out) == 7
    # before the parser: the helper; the entity recogniser's side: the caller
    assert seen["visitextract_paragraphs"] == {"visitextract-stage-1"}
    assert seen["visitextract_entities"] == {threading.current_thread().name}


def test_a_failure_in_the_first_stage_costs_only_its_document(
    one_thread: Extractor, two_threads: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [t for t in TEXTS if isinstance(t, str) and t]
    want = _dump(one_thread, items, 2)
    cls = type(two_threads.nlp.get_pipe("visitextract_paragraphs"))  # runs in the helper thread
    real = cls.__call__

    def call(self: object, doc: Doc) -> Doc:
        if "Addis Ababa" in doc.text:
            raise RuntimeError("paragraphs broke")
        return real(self, doc)  # type: ignore[no-any-return]

    monkeypatch.setattr(cls, "__call__", call)
    got = _dump(two_threads, items, 2)
    assert len(got) == len(items)
    broken = [k for k, e in enumerate(got) if e["error"] is not None]
    assert broken == [2]  # the Kenyan president's trip, and nothing else
    assert [e for k, e in enumerate(got) if k != 2] == [e for k, e in enumerate(want) if k != 2]


def test_threads_is_one_or_two() -> None:
    with pytest.raises(ValueError, match=r"\[E091\].*got 3"):
        Extractor(threads=3)
    assert Extractor(threads=1).threads == 1


def test_one_batch_stays_in_the_calling_thread(
    two_threads: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[int] = []
    monkeypatch.setattr(staged, "ahead", lambda *a, **k: called.append(1) or iter(()))
    out = list(two_threads.pipe([TEXTS[0], TEXTS[3]], batch_size=16))
    assert len(out) == 2 and out[0].visits and called == []


# ------------------------------------------------------------------------------ the mechanism alone
def test_ahead_keeps_the_order_and_runs_in_a_helper() -> None:
    names: list[str] = []

    def first(b: int) -> int:
        names.append(threading.current_thread().name)
        return b * 10

    assert list(ahead(iter(range(6)), first)) == [0, 10, 20, 30, 40, 50]
    assert set(names) == {"visitextract-stage-1"}


@pytest.mark.parametrize("where", ["batches", "first"])
def test_ahead_raises_in_the_consumer(where: str) -> None:
    def batches() -> Iterator[int]:
        yield 1
        if where == "batches":
            raise OSError("the input went away")
        yield 2

    def first(b: int) -> int:
        if where == "first" and b == 2:
            raise KeyError("bad batch")
        return b

    got: list[int] = []
    with pytest.raises(OSError if where == "batches" else KeyError):
        for value in ahead(batches(), first):
            got.append(value)
    assert got == [1]


def test_closing_the_stream_stops_the_helper() -> None:
    stream = ahead(iter(range(10_000)), lambda b: b)
    assert next(stream) == 0
    stream.close()
    assert not any(t.name == "visitextract-stage-1" and t.is_alive() for t in threading.enumerate())


@pytest.mark.slow
@pytest.mark.skipif(not GOLD_SETS["devset"].is_dir(), reason="../shared/devset is not beside the project")
def test_every_gold_article_is_extracted_as_in_one_thread(
    one_thread: Extractor, two_threads: Extractor
) -> None:
    import json

    items = []
    for folder in GOLD_SETS.values():
        for p in sorted(folder.glob("*.json")):
            g = json.loads(p.read_text(encoding="utf-8"))
            items.append({"text": g["text"], "published": g.get("published"), "id": p.stem})
    assert len(items) >= 60
    want = _dump(one_thread, items, 8)
    got = _dump(two_threads, items, 8)
    assert [w["doc_id"] for w, g in zip(want, got, strict=True) if w != g] == []
