"""``visitextract_parse``: the dependency parse only in the windows that can hold a record.

The output must be the full parse's: every Extraction is compared, field by field, with that of
the Extractor that parses everything, on texts written for this file (where sentences outside
every window exist, so the cut path really runs) and on every gold article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visitextract import Extractor
from visitextract.pipeline import partial

DATA = Path(__file__).resolve().parent / "data"
GOLD_SETS = {
    "devset": Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "articles",
    "owndev": DATA / "owndev" / "articles",
    "heldout": DATA / "heldout" / "articles",
}

# An official's visit told in a few sentences inside a longer story about other things: the
# sentences about harvests and rail fares hold no trigger, quotation or official.
STORY = (
    "Rains came late to the valley this year. Farmers planted two weeks after the usual date. "
    "The harvest was smaller than in any year since 2015. Wheat prices rose by a fifth.\n\n"
    "Kenyan Foreign Minister Amina Odhiambo arrived in Kampala on Tuesday for talks with her "
    'Ugandan counterpart Joseph Okello on cross-border trade. "We want lorries to cross in hours, '
    'not days," Odhiambo told reporters after the meeting.\n\n'
    "Rail fares went up again in March. Commuters now pay twice what they paid a decade ago. "
    "The new line to the airport opened late. Its trains run every twenty minutes. Few of them "
    "are full. Ticket machines at the stations take only cards."
)


@pytest.fixture(scope="module")
def partial_extractor(extractor: Extractor) -> Extractor:
    return Extractor(extractor.model_name, partial_parse=True)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Rains came late. Farmers planted later.", ["Rains came late.", "Farmers planted later."]),
        ('He said: "No." Then he left!', ['He said: "No."', "Then he left!"]),
        ("First line\nSecond line", ["First line\n", "Second line"]),
        ("Mr. Lee arrived. Talks began?", ["Mr. Lee arrived.", "Talks began?"]),
        ("No final stop", ["No final stop"]),
    ],
)
def test_rough_sentences(text: str, sentences: list[str], partial_extractor: Extractor) -> None:
    doc = partial_extractor.nlp.make_doc(text)
    got = [doc[a:b].text_with_ws.strip(" ") for a, b in partial.rough_sentences(doc)]
    assert got == sentences


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("Wheat prices rose by a fifth.", False),
        ("The harvest was smaller than in any year since 2015.", False),
        ("The minister arrived on Tuesday.", True),  # an official and a trigger
        ("Talks went on into the night.", True),  # a trigger
        ('"We want lorries to cross in hours," one driver said.', True),  # a quotation
        ("The Kremlin gave no date.", True),  # a seat of government
        ("Officials gave no date.", True),  # a state body
    ],
)
def test_sentences_that_can_hold_a_record(sentence: str, signal: bool, partial_extractor: Extractor) -> None:
    pp = partial_extractor.nlp.get_pipe("visitextract_parse")
    doc = partial_extractor.nlp.make_doc(sentence)
    assert pp.signal(doc[:]) is signal


def test_story_is_parsed_in_windows_and_extracted_as_with_the_full_parse(
    extractor: Extractor, partial_extractor: Extractor
) -> None:
    nlp = partial_extractor.nlp
    [doc] = nlp.pipe([STORY], disable=partial_extractor._skipped(True))
    # the last rough sentences are outside every window: one flat tree each, nothing parsed
    last = list(doc.sents)[-1]
    assert last.text == "Ticket machines at the stations take only cards."
    assert last.root.i == last.start and {t.dep_ for t in last[1:]} == {"dep"}
    # the visit's sentence is parsed as in the full parse
    full = extractor.nlp(STORY)
    visit = next(s for s in full.sents if "arrived" in s.text)
    mine = doc[visit.start : visit.end]
    assert [(t.dep_, t.head.i) for t in mine] == [(t.dep_, t.head.i) for t in visit]
    assert mine.root.i == visit.root.i and doc[visit.start].is_sent_start
    got = partial_extractor.extract(STORY, published="2024-03-05").model_dump(mode="json")
    want = extractor.extract(STORY, published="2024-03-05").model_dump(mode="json")
    assert got == want and got["visits"] and got["statements"]


def test_a_doc_already_parsed_is_left_as_it_is(extractor: Extractor, partial_extractor: Extractor) -> None:
    doc = partial_extractor.nlp(STORY)  # every component: the model's parser, then visitextract_parse
    full = extractor.nlp(STORY)
    assert [(t.dep_, t.head.i) for t in doc] == [(t.dep_, t.head.i) for t in full]


def _gold_items() -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for folder in GOLD_SETS.values():
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            items.append({"text": gold["text"], "published": gold.get("published"), "id": gold["id"]})
    return items


@pytest.mark.slow
@pytest.mark.skipif(not GOLD_SETS["devset"].is_dir(), reason="../shared/devset is not beside the project")
def test_every_gold_article_is_extracted_as_with_the_full_parse(
    extractor: Extractor, partial_extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _gold_items()
    assert len(items) >= 80
    # cut every document (no whole-Doc shortcut), so that the windows' write-back is what is compared
    monkeypatch.setattr(partial, "FULL_SHARE", 1.01)
    want = [e.model_dump(mode="json") for e in extractor.pipe(items)]
    got = [e.model_dump(mode="json") for e in partial_extractor.pipe(items)]
    differ = [w["doc_id"] for w, g in zip(want, got, strict=True) if w != g]
    assert differ == []
