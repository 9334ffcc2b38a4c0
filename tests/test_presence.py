"""Presence abroad without a verb of travel: acting in a foreign city, taking part in a summit.

Texts written for the project. An official who acts in a foreign city ("held talks in Cairo", "said
in Berlin") is there; so is a leader who takes part in a summit abroad, whose city is named or is
the story's dateline. Cities only: "invests in Kenya" and a video conference are no presence.
"""

from __future__ import annotations

import pytest

from conftest import summary

CASES = [
    (
        "talks-in-a-city",
        "Moroccan Foreign Minister Nasser Bourita held talks in Cairo on Wednesday with several Arab "
        "counterparts.",
        [("Nasser Bourita", "EGY")],
        [],
    ),
    (
        "said-in-a-city",
        "Indian External Affairs Minister S Jaishankar said in Berlin that trade talks would resume.",
        [("S Jaishankar", "DEU")],
        [],
    ),
    (
        "summit-in-the-dateline-city",
        "BRATISLAVA, Sept 16 - Italian Prime Minister Matteo Renzi said on Friday he was not happy with "
        "the conclusions of a European Union summit.",
        [("Matteo Renzi", "SVK")],
        [],
    ),
    (
        "sidelines-of-a-summit",
        "Kenyan President William Ruto met Chinese Premier Li Qiang on the sidelines of the G20 summit "
        "in Rio de Janeiro.",
        [("William Ruto", "BRA"), ("Li Qiang", "BRA")],
        [],
    ),
    (
        "video-conference-is-no-venue",
        "PARIS - German Chancellor Olaf Scholz and Polish Prime Minister Donald Tusk held a video "
        "conference on Ukraine on Monday.",
        [],
        ["Olaf Scholz", "Donald Tusk"],
    ),
    (
        "a-plan-to-meet-is-no-presence",
        "Egyptian Foreign Minister Badr Abdelatty and Japanese Foreign Minister Takeshi Iwaya agreed to "
        "hold the next round of their dialogue in Tokyo next year.",
        [],
        ["Badr Abdelatty"],
    ),
    (
        "born-in-a-city",
        "Chilean Foreign Minister Alberto van Klaveren, who was born in Amsterdam, spoke to reporters.",
        [],
        ["Alberto van Klaveren"],
    ),
]


@pytest.mark.parametrize(("text", "visits", "no_visits"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_presence(extract, text, visits, no_visits) -> None:
    ex = extract(text, published="2024-03-06")
    got = {(v.visitor.name, v.host_country) for v in ex.visits}
    for visit in visits:
        assert visit in got, summary(ex)
    for name in no_visits:
        assert not [v for v in ex.visits if v.visitor.name == name], summary(ex)


def test_she_is_not_a_man_named_before(extract) -> None:
    text = (
        "Mr Donald Trump spoke with Canadian Foreign Minister Melanie Joly, the Canadian foreign "
        "ministry said. Mrs Joly is expected in Paris later this month for a summit on artificial "
        "intelligence. She said the two countries would keep talking."
    )
    ex = extract(text, published="2025-02-06")
    speakers = {s.speaker.name for s in ex.statements}
    assert "Melanie Joly" in speakers and "Donald Trump" not in speakers, summary(ex)


def test_everyone_of_a_list_joins_the_trip_and_the_teller_does_not(extract) -> None:
    text = (
        "Ghanaian President John Mahama left Accra for Bamako on Thursday. A statement from the "
        "presidency said he will be joined in Mali by Bola Tinubu, President of Nigeria; Alassane "
        "Ouattara, President of Cote d'Ivoire; and Bassirou Diomaye Faye, President of Senegal.\n\n"
        "He was accompanied by Foreign Minister Samuel Ablakwa, his spokeswoman Felicia Mensah said."
    )
    ex = extract(text, published="2025-07-24")
    trips = {(v.visitor.name, v.host_country): v.status for v in ex.visits}
    for guest in ("Bola Tinubu", "Alassane Ouattara", "Bassirou Diomaye Faye"):
        assert trips.get((guest, "MLI")) == "planned", summary(ex)
    assert ("Samuel Ablakwa", "MLI") in trips, summary(ex)
    assert not [v for v in ex.visits if v.visitor.name == "Felicia Mensah"], summary(ex)
