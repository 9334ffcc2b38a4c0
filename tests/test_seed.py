"""The seed article (The Baltic Times, published 2022-12-06): the acceptance check of the core issue.

Everything the issue lists is asserted here: one visit with its dates, the held and planned
meetings, Landsbergis's statements, the people with offices and countries, the aliases, the
counter-examples (no visit for Putin or for the Russians fleeing) and exact evidence offsets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_offsets, summary
from visitextract.models import Extraction

# A copy of ../shared/seeds/ (the seed may be used in tests), so the test does not depend on where
# the shared folder sits.
SEED = Path(__file__).resolve().parent / "data" / "baltictimes-landsbergis-kazakhstan.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(extract, seed_text: str) -> Extraction:  # type: ignore[no-untyped-def]
    return extract(seed_text, published="2022-12-06", doc_id="baltictimes-landsbergis")


def test_exactly_one_visit(seed: Extraction) -> None:
    assert len(seed.visits) == 1, summary(seed)
    v = seed.visits[0]
    assert v.visitor.name == "Gabrielius Landsbergis"
    assert (v.visitor_country, v.host_country) == ("LTU", "KAZ")
    assert [p.name for p in v.places if p.kind == "city"] == ["Astana"]
    assert v.dates is not None
    assert (v.dates.start, v.dates.end) == ("2022-12-05", "2022-12-07")
    assert v.dates.year_inferred is True
    assert v.status == "ongoing"
    assert v.rule.startswith("visit.")
    assert 0.0 < v.confidence <= 1.0


def _meeting(seed: Extraction, other: str):  # type: ignore[no-untyped-def]
    found = [
        m for m in seed.meetings if {"Gabrielius Landsbergis", other} <= {p.name for p in m.participants}
    ]
    assert len(found) == 1, f"meetings with {other}:\n{summary(seed)}"
    return found[0]


@pytest.mark.parametrize(
    ("other", "status", "date"),
    [
        ("Mukhtar Tileuberdi", "held", "2022-12-06"),
        ("Askar Shakirov", "held", None),
        ("Aigul Kuspan", "held", None),
        ("Kassym-Jomart Tokayev", "planned", "2022-12-07"),
    ],
)
def test_meetings(seed: Extraction, other: str, status: str, date: str | None) -> None:
    m = _meeting(seed, other)
    assert m.status == status
    assert m.mode == "in_person"
    if date is not None:
        assert m.date is not None and m.date.start == date
    assert m.place is not None and m.place.name == "Astana"


def test_statements_by_landsbergis(seed: Extraction, seed_text: str) -> None:
    mine = [s for s in seed.statements if s.speaker.name == "Gabrielius Landsbergis"]
    assert len(mine) >= 4, summary(seed)
    direct = [s for s in mine if s.direct and s.quote.startswith("Kazakhstan needs Europe")]
    assert len(direct) == 1
    assert direct[0].quote.endswith("transit and logistics ties")
    assert direct[0].quote in seed_text
    reported = {s.quote.split()[0] for s in mine if not s.direct}
    assert {"called", "expressed"} <= reported  # "called for ...", "expressed his support ..."
    for s in mine:
        assert s.quote_span is not None and seed_text[s.quote_span.start : s.quote_span.end] == s.quote


@pytest.mark.parametrize(
    ("name", "office", "country"),
    [
        ("Gabrielius Landsbergis", "Foreign Minister", "LTU"),
        ("Mukhtar Tileuberdi", "Foreign Minister", "KAZ"),
        ("Kassym-Jomart Tokayev", "President", "KAZ"),
        ("Vladimir Putin", "President", "RUS"),
        ("Askar Shakirov", "Deputy Chairman of the Senate", "KAZ"),
        ("Aigul Kuspan", None, "KAZ"),
    ],
)
def test_people(seed: Extraction, name: str, office: str | None, country: str) -> None:
    found = [p for p in seed.people if p.name == name]
    assert len(found) == 1, summary(seed)
    person = found[0]
    assert person.country == country
    if office is not None:
        assert person.office == office
    assert person.id == "person:" + name.lower().replace(" ", "-")


def test_landsbergis_is_one_person(seed: Extraction) -> None:
    assert not [p for p in seed.people if p.name == "Landsbergis"]
    landsbergis = next(p for p in seed.people if p.name == "Gabrielius Landsbergis")
    texts = [m.text for m in landsbergis.mentions]
    assert texts.count("Landsbergis") >= 5
    assert "minister" in texts  # "the minister underlined"
    assert "foreign minister" in texts  # "The Lithuanian foreign minister also paid tribute"


@pytest.mark.parametrize(
    ("alias", "entity_id", "country"),
    [
        ("Kazakh", "country:KAZ", "KAZ"),
        ("Lithuanian", "country:LTU", "LTU"),
        ("Astana", "city:astana", "KAZ"),
        ("Moscow", "city:moscow", "RUS"),
        ("Russians", "country:RUS", "RUS"),
        ("EU", "bloc:EU", "EU"),
    ],
)
def test_aliases(seed: Extraction, alias: str, entity_id: str, country: str) -> None:
    found = [m for m in seed.mentions if m.text == alias]
    assert found, f"no mention of {alias!r}"
    assert {(m.entity_id, m.country) for m in found} == {(entity_id, country)}


def test_no_visit_for_putin_or_the_russians(seed: Extraction) -> None:
    assert all(v.visitor.name != "Vladimir Putin" for v in seed.visits)
    assert all(v.visitor_country != "RUS" for v in seed.visits)


def test_offsets_slice_the_input(seed: Extraction, seed_text: str) -> None:
    assert_offsets(seed_text, seed)
    for record in [*seed.visits, *seed.meetings, *seed.statements]:
        assert record.evidence
        for span in record.evidence:
            assert seed_text[span.start : span.end] == span.text


def test_explanations_name_the_rule(seed: Extraction) -> None:
    for record in [*seed.visits, *seed.meetings]:
        assert record.explanation, record.rule
