"""Parse repairs made before the document model: a day placed between a modal and its verb.

The texts are written for the project in the agency style that puts the day first ("will on
Wednesday depart X for Y"); each case asserts the repaired tree and the records that follow.
"""

from __future__ import annotations

import pytest

from conftest import summary
from visitextract.rules.repair import reattach_fronted_days, repair_headline_verbs

CASES = [
    # (text, published, verb, (visitor, host, start))
    (
        "President Amina Bello will on Wednesday depart Abuja for Accra to attend a summit of West "
        "African leaders.",
        "2025-03-10",
        "depart",
        ("Amina Bello", "GHA", "2025-03-12"),
    ),
    (
        "Foreign Minister Kwame Boateng will, on Friday, travel to Dakar for talks with his Senegalese "
        "counterpart.",
        "2025-03-10",
        "travel",
        ("Kwame Boateng", "SEN", "2025-03-14"),
    ),
    (
        "Vice President Kashim Tanko will on Thursday fly to Nairobi for the regional security conference.",
        "2025-03-10",
        "fly",
        ("Kashim Tanko", "KEN", "2025-03-13"),
    ),
    (
        "President Amina Bello will on Monday visit Lome, the Togolese capital, the presidency said.",
        "2025-03-12",
        "visit",
        ("Amina Bello", "TGO", "2025-03-17"),
    ),
]


@pytest.mark.parametrize(("text", "published", "verb", "visit"), CASES, ids=[c[2] for c in CASES])
def test_a_day_between_modal_and_verb_keeps_the_trip(extractor, text, published, verb, visit) -> None:
    doc = extractor.nlp(text)
    sents = len(list(doc.sents))
    reattach_fronted_days(doc)
    tok = next(t for t in doc if t.text == verb)
    assert tok.pos_ == "VERB"
    assert any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)
    assert any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
    assert len(list(doc.sents)) == sents  # the repair stays inside its sentence
    ex = extractor.extract(text, published=published)
    got = [(v.visitor.name, v.host_country, v.dates.start if v.dates else None) for v in ex.visits]
    assert visit in got, summary(ex)


@pytest.mark.parametrize(
    "text",
    [
        "The minister will travel to Paris on Monday.",  # the day last: nothing to repair
        "The talks will on balance help both sides.",  # no day between the modal and its verb
        "The President will tomorrow leave for Nairobi.",  # read right by the parser
    ],
)
def test_clauses_the_parser_reads_are_left_alone(extractor, text) -> None:
    doc = extractor.nlp(text)
    before = [(t.head.i, t.dep_) for t in doc]
    assert reattach_fronted_days(doc) == 0
    assert [(t.head.i, t.dep_) for t in doc] == before


def test_companions_of_a_repaired_trip_travel_too(extract) -> None:
    text = (
        "President Amina Bello will on Wednesday depart Abuja for Accra to attend a summit of West "
        "African leaders. The President will be accompanied by the Minister of Foreign Affairs, "
        "Ibrahim Lawal."
    )
    ex = extract(text, published="2025-03-10")
    assert {(v.visitor.name, v.host_country) for v in ex.visits} >= {
        ("Amina Bello", "GHA"),
        ("Ibrahim Lawal", "GHA"),
    }, summary(ex)


# headline present tense after a name: "X jets off to Y", "X heads to Y"
HEADLINE_CASES = [
    # (text, published, verb, (visitor, host))
    (
        "Prime Minister Ravi Menon jets off to Brazil on Sunday for the BRICS summit.",
        "2025-07-03",
        "jets",
        ("Ravi Menon", "BRA"),
    ),
    (
        "Indian Prime Minister Ravi Menon heads to Kyiv next week.",
        "2025-07-03",
        "heads",
        ("Ravi Menon", "UKR"),
    ),
    (
        "Kenyan President Amos Kiprono flies to Addis Ababa for the AU summit.",
        "2025-07-03",
        "flies",
        ("Amos Kiprono", "ETH"),
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "verb", "visit"), HEADLINE_CASES, ids=[c[2] for c in HEADLINE_CASES]
)
def test_a_headline_verb_after_a_name_keeps_the_trip(extractor, text, published, verb, visit) -> None:
    ex = extractor.extract(text, published=published)
    assert visit in [(v.visitor.name, v.host_country) for v in ex.visits], summary(ex)
    doc = extractor.nlp(text)
    repair_headline_verbs(doc)
    tok = next(t for t in doc if t.text == verb)
    assert tok.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in tok.children)


@pytest.mark.parametrize(
    "text",
    [
        "The heads of state met in Accra.",  # a noun, no name before it
        "Indian Prime Minister Ravi Menon travels to Paris on Monday.",  # read right by the parser
    ],
)
def test_headline_verbs_read_right_are_left_alone(extractor, text) -> None:
    doc = extractor.nlp(text)
    before = [(t.head.i, t.dep_, t.pos_) for t in doc]
    assert repair_headline_verbs(doc) == 0
    assert [(t.head.i, t.dep_, t.pos_) for t in doc] == before


def test_set_off_for_is_a_trip(extract) -> None:
    ex = extract(
        "Indian Prime Minister Ravi Menon set off for Moscow on Monday morning.", published="2025-07-03"
    )
    assert [(v.visitor.name, v.host_country) for v in ex.visits] == [("Ravi Menon", "RUS")], summary(ex)
