"""People: names, normalised offices, countries and the linking of every mention.

From ../shared/devset/README.md: names in the fullest form the text uses, without honorifics (Prince,
Senator, H.E.); office normalised ("External Affairs Minister" -> "Foreign Minister", the words as
written kept in ``title``); "his Kazakh counterpart X" gives X the possessor's office and the demonym's
country; only officials are people. Every sentence is written for these tests; the people are fictional.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import assert_offsets, check_fields, person_named, summary

# (id, text, name, expected fields of that person)
PersonCase = tuple[str, str, str, dict[str, Any]]

OFFICE_CASES: list[PersonCase] = [
    (
        "demonym-president",
        "Kazakh President Nurlan Abenov arrived in Berlin on Monday.",
        "Nurlan Abenov",
        {"office": "President", "country": "KAZ", "named": True},
    ),
    (
        "possessive-country-foreign-minister",
        "Kenya's Foreign Minister Alice Wanjiru visited Beijing on Monday.",
        "Alice Wanjiru",
        {"office": "Foreign Minister", "country": "KEN"},
    ),
    (
        "counterpart-with-demonym",
        "Lithuanian Foreign Minister Tomas Petraitis met his Kazakh counterpart Nurlan Abenov in Astana.",
        "Nurlan Abenov",
        {"office": "Foreign Minister", "country": "KAZ"},
    ),
    (
        "counterpart-of-a-president",
        "President Marek Zielinski of Poland held talks with his Vietnamese counterpart Nguyen Van "
        "Hai in Hanoi.",
        "Nguyen Van Hai",
        {"office": "President", "country": "VNM"},
    ),
    (
        "office-of-country-after-name",
        "President Marek Zielinski of Poland held talks with his Vietnamese counterpart Nguyen Van "
        "Hai in Hanoi.",
        "Marek Zielinski",
        {"office": "President", "country": "POL"},
    ),
    (
        "apposition-countrys-foreign-minister",
        "Karim Nassar, Egypt's foreign minister, arrived in Islamabad on Sunday for talks.",
        "Karim Nassar",
        {"office": "Foreign Minister", "country": "EGY"},
    ),
    (
        "apposition-chair-of-committee",
        "Anna Kowalczyk, the chair of the foreign affairs committee, said Warsaw would back the proposal.",
        "Anna Kowalczyk",
        {"office__in": ("Chair of the foreign affairs committee", "Chair of the Foreign Affairs Committee")},
    ),
    (
        "apposition-ambassador",
        "Anna Berg, Sweden's ambassador to Canada, said the embassy would stay open.",
        "Anna Berg",
        {"office": "Ambassador", "country": "SWE"},
    ),
    (
        "external-affairs-minister",
        "Indian External Affairs Minister Arjun Mehta arrived in Mexico City on Sunday.",
        "Arjun Mehta",
        {"office": "Foreign Minister", "title": "External Affairs Minister", "country": "IND"},
    ),
    (
        "us-secretary-of-state",
        "U.S. Secretary of State Robert Hale arrived in Seoul on Monday.",
        "Robert Hale",
        {"office": "Foreign Minister", "title": "Secretary of State", "country": "USA"},
    ),
    (
        "bare-secretary-of-state",
        "Secretary of State Robert Hale arrived in Seoul on Monday for talks on North Korea.",
        "Robert Hale",
        {"office": "Foreign Minister", "country": "USA"},
    ),
    (
        "british-foreign-secretary",
        "British Foreign Secretary James Whitmore arrived in Nairobi on Monday.",
        "James Whitmore",
        {"office": "Foreign Minister", "title": "Foreign Secretary", "country": "GBR"},
    ),
    (
        "premier-is-prime-minister",
        "Chinese Premier Li Jun will visit Canberra next week.",
        "Li Jun",
        {"office": "Prime Minister", "country": "CHN"},
    ),
    (
        "minister-of-foreign-affairs",
        "Nigeria's Minister of Foreign Affairs Bola Okafor arrived in Accra on Monday.",
        "Bola Okafor",
        {"office": "Foreign Minister", "country": "NGA"},
    ),
    (
        "deputy-is-not-the-minister",
        "Deputy Foreign Minister Rahul Verma of India arrived in Tehran on Monday.",
        "Rahul Verma",
        {"office": "Deputy Foreign Minister", "country": "IND"},
    ),
]

NAME_CASES: list[PersonCase] = [
    (
        "honorific-prince-dropped",
        "Prince Faisal bin Khalid, the Saudi foreign minister, arrived in Washington on Monday.",
        "Faisal bin Khalid",
        {"office": "Foreign Minister", "country": "SAU"},
    ),
    (
        "honorific-senator-dropped",
        "U.S. Senator Mary Collins arrived in Taipei on Monday for talks with lawmakers.",
        "Mary Collins",
        {"country": "USA"},
    ),
    (
        "honorific-he-dropped",
        "H.E. Abdullah Al-Mansour, Oman's foreign minister, received the Iranian delegation in Muscat.",
        "Abdullah Al-Mansour",
        {"office": "Foreign Minister", "country": "OMN"},
    ),
    # Commonwealth and US forms of address before a minister's name
    (
        "honorific-the-honourable-dropped",
        "Global Affairs Canada\n\nThe Honourable Claire Dubois, Minister of Foreign Affairs, will travel "
        "to Peru next week.",
        "Claire Dubois",
        {"office": "Foreign Minister", "country": "CAN"},
    ),
    (
        "honorific-the-right-honourable-dropped",
        "The Right Honourable Tom Barker, Prime Minister of New Zealand, will travel to Fiji on Monday.",
        "Tom Barker",
        {"office": "Prime Minister", "country": "NZL"},
    ),
    (
        "honorific-rt-hon-dropped",
        "The Rt Hon. Alice Grant, Foreign Secretary of the United Kingdom, arrived in Lagos on Monday.",
        "Alice Grant",
        {"office": "Foreign Minister", "country": "GBR"},
    ),
    (
        "honorific-the-honorable-dropped",
        "The Honorable Mark Ellis, United States Secretary of State, will travel to Chile on Monday.",
        "Mark Ellis",
        {"office": "Foreign Minister", "country": "USA"},
    ),
    (
        "fullest-name-after-short-form-first",
        "Minister Ortega arrived in Riyadh on Monday. Mexican Foreign Minister Laura Ortega will stay until "
        "Wednesday.",
        "Laura Ortega",
        {"office": "Foreign Minister", "country": "MEX"},
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [c[1:] for c in OFFICE_CASES + NAME_CASES],
    ids=[c[0] for c in OFFICE_CASES + NAME_CASES],
)
def test_person_fields(extract, text, name, expected):
    ex = extract(text)
    assert_offsets(text, ex)
    person = person_named(ex, name)
    check_fields(person, expected, ex)
    assert person.id.startswith("person:")
    assert person.mentions, "a named person has at least one mention"
    assert all(text[s.start : s.end] == s.text for s in person.mentions)


def test_honorific_mr_not_in_name_and_not_a_second_person(extract):
    text = (
        "Japanese Prime Minister Hiroshi Tanaka arrived in Manila on Sunday. Mr Tanaka will meet "
        "business leaders."
    )
    ex = extract(text)
    tanakas = [p for p in ex.people if "Tanaka" in p.name]
    assert [p.name for p in tanakas] == ["Hiroshi Tanaka"], summary(ex)
    assert not any(p.name.startswith("Mr") for p in ex.people)
    second = text.index("Mr Tanaka")
    assert any(s.start >= second and s.text.endswith("Tanaka") for s in tanakas[0].mentions), tanakas[
        0
    ].mentions


# --------------------------------------------------------------------------------- linking mentions
def _person_mentions(ex: Any, entity_id: str) -> list[Any]:
    return [m for m in ex.mentions if m.kind == "person" and m.entity_id == entity_id]


REFERENCE_CASES = [
    # (id, text, the reference as written, the person it stands for, a person it must not be)
    (
        "the-minister",
        "Greek Foreign Minister Nikos Andreou arrived in Cairo on Monday. The minister will meet President "
        "Omar Fathy on Tuesday.",
        "The minister",
        "person:nikos-andreou",
        "person:omar-fathy",
    ),
    (
        "the-french-leader",
        "French President Jean Dumas met German Chancellor Paul Brandt in Berlin on Monday. The "
        "French leader "
        "later visited a school.",
        "The French leader",
        "person:jean-dumas",
        "person:paul-brandt",
    ),
    (
        "the-chancellor",
        "German Chancellor Paul Brandt met French President Jean Dumas in Paris on Monday. The chancellor "
        "flew home in the evening.",
        "The chancellor",
        "person:paul-brandt",
        "person:jean-dumas",
    ),
    (
        "the-kenyan-president-among-two-presidents",
        "Kenyan President Samuel Otieno hosted Ghanaian President Kofi Mensah in Nairobi. The Ghanaian "
        "president thanked his host for the welcome.",
        "The Ghanaian president",
        "person:kofi-mensah",
        "person:samuel-otieno",
    ),
    (
        "the-prime-minister-after-a-minister",
        "Japanese Prime Minister Kenji Morita travelled with Foreign Minister Hiro Sato to Canberra. The "
        "prime minister will address parliament on Wednesday.",
        "The prime minister",
        "person:kenji-morita",
        "person:hiro-sato",
    ),
]


@pytest.mark.parametrize(
    ("text", "ref", "entity_id", "not_entity_id"),
    [c[1:] for c in REFERENCE_CASES],
    ids=[c[0] for c in REFERENCE_CASES],
)
def test_title_reference_is_linked(extract, text, ref, entity_id, not_entity_id):
    ex = extract(text)
    assert_offsets(text, ex)
    lo = text.index(ref)
    hi = lo + len(ref)
    inside = [m for m in ex.mentions if m.kind == "person" and lo <= m.start and m.end <= hi]
    assert inside, (
        f"no person mention inside {ref!r}: {[(m.text, m.start, m.entity_id) for m in ex.mentions]}"
    )
    assert {m.entity_id for m in inside} == {entity_id}, inside
    person = next(p for p in ex.people if p.id == entity_id)
    assert any(lo <= s.start and s.end <= hi for s in person.mentions), person.mentions
    other = next((p for p in ex.people if p.id == not_entity_id), None)
    assert other is None or not any(lo <= s.start and s.end <= hi for s in other.mentions)


SAME_PERSON_CASES = [
    # (id, text, full name, other surface forms that must be mentions of the same person)
    (
        "surname",
        "Mexican Foreign Minister Laura Ortega arrived in Riyadh on Monday. Ortega said Mexico wanted closer "
        "ties with the Gulf.",
        "Laura Ortega",
        ["Ortega"],
    ),
    (
        "transliteration-tokaev-tokayev",
        "Kazakh President Yerlan Tokayev arrived in Berlin on Monday. Tokaev said the talks had been useful.",
        "Yerlan Tokayev",
        ["Tokaev"],
    ),
    (
        "transliteration-zelensky-zelenskyy",
        "Ukrainian President Oleh Zelenskyy arrived in Warsaw on Monday. Zelensky thanked Poland for its "
        "support.",
        "Oleh Zelenskyy",
        ["Zelensky"],
    ),
    (
        "surname-with-particle",
        "European Council President Pieter de Vries arrived in Beijing on Monday. De Vries called for fair "
        "access to Chinese markets.",
        "Pieter de Vries",
        ["De Vries"],
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "forms"), [c[1:] for c in SAME_PERSON_CASES], ids=[c[0] for c in SAME_PERSON_CASES]
)
def test_short_and_variant_forms_are_one_person(extract, text, name, forms):
    ex = extract(text)
    assert_offsets(text, ex)
    person = person_named(ex, name)
    surname_like = [
        p.name for p in ex.people if p.name != name and any(f.lower() in p.name.lower() for f in forms)
    ]
    assert surname_like == [], f"a second person was created: {surname_like}\n{summary(ex)}"
    texts = [s.text for s in person.mentions]
    for form in forms:
        assert form in texts, f"{form!r} not among the mentions {texts}"
        at = text.index(form, text.index(name) + len(name))
        linked = _person_mentions(ex, person.id)
        assert any(m.start == at and m.end == at + len(form) for m in linked), linked


def test_two_different_people_with_the_same_surname_stay_apart(extract):
    text = (
        "South Korean President Lee Min-ho met Singapore's Prime Minister Lee Wei Ming in "
        "Singapore on Monday."
    )
    ex = extract(text)
    names = sorted(p.name for p in ex.people)
    assert names == ["Lee Min-ho", "Lee Wei Ming"], summary(ex)
    assert person_named(ex, "Lee Min-ho").country == "KOR"
    assert person_named(ex, "Lee Wei Ming").country == "SGP"


# ------------------------------------------------------------------------------------- not officials
NOT_OFFICIAL_CASES = [
    (
        "journalist-credit-line",
        "Greek Foreign Minister Nikos Andreou arrived in Ankara on Monday.\n\nReporting by Anna Schmidt; "
        "Editing by Mark Jones",
        ["Anna Schmidt", "Mark Jones"],
    ),
    (
        "byline",
        "By Daniel Okoro\n\nNigerian President Musa Adebayo arrived in Accra on Tuesday for a working visit.",
        ["Daniel Okoro"],
    ),
    (
        "analyst-quoted",
        "Kenyan President Samuel Otieno arrived in Tokyo on Monday. Maria Lopez, an analyst at a Madrid "
        "think tank, said the trip was overdue.",
        ["Maria Lopez"],
    ),
]


@pytest.mark.parametrize(
    ("text", "names"), [c[1:] for c in NOT_OFFICIAL_CASES], ids=[c[0] for c in NOT_OFFICIAL_CASES]
)
def test_non_officials_are_not_officials(extract, text, names):
    """A journalist or an analyst gets no office and takes part in no visit or meeting.

    (An analyst who is quoted may appear as a statement's speaker, so may be in ``people`` with no office.)
    """
    ex = extract(text)
    assert_offsets(text, ex)
    for p in ex.people:
        if p.name in names:
            assert p.office is None, summary(ex)
    for v in ex.visits:
        assert v.visitor.name not in names, summary(ex)
    for mt in ex.meetings:
        assert not ({p.name for p in mt.participants} & set(names)), summary(ex)


@pytest.mark.parametrize(
    "text",
    [c[1] for c in NOT_OFFICIAL_CASES[:2]],
    ids=[c[0] for c in NOT_OFFICIAL_CASES[:2]],
)
def test_credit_lines_name_no_person(extract, text):
    """Bylines and "Reporting by ...; Editing by ..." lines are page furniture, not people in the story."""
    ex = extract(text)
    names = {n for c in NOT_OFFICIAL_CASES[:2] for n in c[2]}
    assert not ({p.name for p in ex.people} & names), summary(ex)
    assert not [m for m in ex.mentions if m.kind == "person" and m.text in names]
