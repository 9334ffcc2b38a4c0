"""A meeting told without a day of its own takes the day the text gives its part of the trip.

The class: talks held during a visit whose leg lasts one day ("was in Amman on Wednesday ... In
the Jordanian capital, X met Y"), or in a sentence that names one day of the visit ("X, who arrived
on Thursday, held talks with Y"). What must not take a day: a meeting during a visit of several
days whose sentence names none, a day outside the visit, a call (it is no part of a trip). Every
sentence is written for this file; the officials are fictional.

Reference date: 2022-12-06 (a Tuesday).
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import ExtractFn, meetings_with, one_meeting

PUBLISHED = "2022-12-06"

# (id, text, participants, expected meeting date start or None)
CASES: list[tuple[str, str, list[str], Any]] = [
    (
        "one-day-leg",
        "Danish Foreign Minister Lars Holm visited Amman on Wednesday, the second stop of a tour of "
        "the region. In the Jordanian capital, Holm met his Jordanian counterpart Karim Haddad.",
        ["Lars Holm", "Karim Haddad"],
        "2022-11-30",
    ),
    (
        "sentence-names-the-arrival-day",
        "Irish Foreign Minister Niamh Byrne arrived in Helsinki on Thursday for a three-day visit. "
        "Byrne, who landed on Thursday morning, held talks with Finnish Foreign Minister Aino Virta.",
        ["Niamh Byrne", "Aino Virta"],
        "2022-12-01",
    ),
    (
        "planned-one-day-stop",
        "Czech Prime Minister Pavel Novak will stop in Vienna on Friday on his way to the summit. "
        "There he will meet Austrian Chancellor Josef Huber.",
        ["Pavel Novak", "Josef Huber"],
        "2022-12-09",
    ),
    (
        "planned-visit-on-one-day",
        "Portuguese Foreign Minister Rui Costa will visit Oslo on Monday. He is expected to hold "
        "talks with Norwegian Foreign Minister Erik Lunde on trade.",
        ["Rui Costa", "Erik Lunde"],
        "2022-12-12",
    ),
    (
        "held-visit-told-by-its-arrival-day-only",
        "Danish Foreign Minister Lars Holm arrived in Amman on Wednesday. In the Jordanian capital, "
        "Holm met his Jordanian counterpart Karim Haddad.",
        ["Lars Holm", "Karim Haddad"],
        None,
    ),
    (
        "a-day-before-the-sentence-covers-every-meeting-in-it",
        "Austrian Foreign Minister Eva Gruber will visit Finland and Estonia from Wednesday to "
        "Saturday. On Friday she will travel to Tallinn for talks with Estonian Foreign Minister "
        "Tiit Kask, followed by a lunch with Prime Minister Mart Saar.",
        ["Eva Gruber", "Mart Saar"],
        "2022-12-09",
    ),
    (
        "several-days-no-day-named",
        "Irish Foreign Minister Niamh Byrne was in Helsinki from Thursday to Saturday. She held talks "
        "with Finnish Foreign Minister Aino Virta and visited a shipyard.",
        ["Niamh Byrne", "Aino Virta"],
        None,
    ),
    (
        "day-outside-the-visit",
        "Danish Foreign Minister Lars Holm visited Amman on Wednesday. Holm, who had spoken to the "
        "press on Monday, met his Jordanian counterpart Karim Haddad in Amman.",
        ["Lars Holm", "Karim Haddad"],
        None,
    ),
]


@pytest.mark.parametrize(("case_id", "text", "names", "start"), CASES, ids=[c[0] for c in CASES])
def test_meeting_takes_the_day_of_its_leg(
    extract: ExtractFn, case_id: str, text: str, names: list[str], start: str | None
) -> None:
    ex = extract(text, PUBLISHED)
    mt = one_meeting(ex, names)
    got = mt.date.start if mt.date else None
    assert got == start, (case_id, mt.explanation)
    if start is not None:
        assert mt.date is not None and mt.date.end == start and mt.date.granularity == "day"


def test_a_call_during_a_one_day_leg_keeps_no_day(extract: ExtractFn) -> None:
    text = (
        "Danish Foreign Minister Lars Holm visited Amman on Wednesday. Holm also held a telephone "
        "conversation with Egyptian Foreign Minister Omar Fathy."
    )
    ex = extract(text, PUBLISHED)
    [mt] = meetings_with(ex, ["Lars Holm", "Omar Fathy"])
    assert mt.mode == "phone"
    assert mt.date is None


def test_one_planned_meeting_told_twice_stays_one(extract: ExtractFn) -> None:
    """Regression: the mention with a day and the mention without one are one meeting; the second
    must not take another day of the trip and split from the first."""
    text = (
        "Ghanaian President Kwame Boateng will travel to Washington next week for a state visit. "
        "Boateng will meet President Daniel Carter at the White House on Tuesday. The two leaders "
        "will meet to discuss trade and security, officials said."
    )
    ex = extract(text, PUBLISHED)
    found = meetings_with(ex, ["Kwame Boateng", "Daniel Carter"])
    assert len(found) == 1
    assert found[0].date is not None and found[0].date.start == "2022-12-13"


def test_a_day_told_for_one_meeting_is_not_the_next_ones(extract: ExtractFn) -> None:
    """ "will hold talks with X on Friday and is expected to call on Y": Friday is the talks' day;
    the call on Y, in its own clause, has no day of its own."""
    text = (
        "Greek Foreign Minister Nikos Pappas will be in Lisbon from Wednesday to Saturday. He is "
        "due to hold talks with Portuguese Foreign Minister Rui Costa on Friday and is expected to "
        "call on President Ana Lopes at the presidential palace."
    )
    ex = extract(text, PUBLISHED)
    talks = one_meeting(ex, ["Nikos Pappas", "Rui Costa"])
    assert talks.date is not None and talks.date.start == "2022-12-09"
    call_on = one_meeting(ex, ["Nikos Pappas", "Ana Lopes"])
    assert call_on.date is None, call_on.explanation


@pytest.mark.parametrize(
    ("verb", "status"), [("will travel", "planned"), ("travelled", "held"), ("is due to travel", "planned")]
)
def test_followed_by_takes_the_tense_of_its_clause(extract: ExtractFn, verb: str, status: str) -> None:
    """Regression: "..., followed by a lunch with Y" had present tense of its own, so a planned
    lunch came out held."""
    text = (
        f"Austrian Foreign Minister Eva Gruber {verb} to Tallinn on Friday for talks with Estonian "
        "Foreign Minister Tiit Kask, followed by a lunch with Prime Minister Mart Saar."
    )
    ex = extract(text, PUBLISHED)
    assert one_meeting(ex, ["Eva Gruber", "Mart Saar"]).status == status


def test_preceded_by_takes_the_tense_of_its_clause(extract: ExtractFn) -> None:
    text = (
        "Austrian Foreign Minister Eva Gruber will hold talks with Estonian Foreign Minister Tiit "
        "Kask in Tallinn on Friday, preceded by a breakfast with Prime Minister Mart Saar."
    )
    ex = extract(text, PUBLISHED)
    assert one_meeting(ex, ["Eva Gruber", "Mart Saar"]).status == "planned"
