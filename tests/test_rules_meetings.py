"""Meetings: the specification as a table of short news snippets.

A meeting is an encounter between at least two named people (../shared/devset/README.md): talks,
summits, audiences, banquets; a phone call counts when the text says the two talked, and it never
yields a visit. Meetings that are only speculated about are not records. Every sentence is written
for these tests; the officials are fictional.

Reference date: 2022-12-06 (a Tuesday) unless a case gives another.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import PUBLISHED, assert_offsets, check_fields, meetings_with, one_meeting, summary

# (id, published, text, participants, expected fields of the one meeting of exactly those people)
MeetingCase = tuple[str, str, str, list[str], dict[str, Any]]

HELD_CASES: list[MeetingCase] = [
    (
        "met-with-place-and-date",
        PUBLISHED,
        "Greek Foreign Minister Nikos Andreou met with Turkish Foreign Minister Emre Yilmaz in Ankara on "
        "Monday.",
        ["Nikos Andreou", "Emre Yilmaz"],
        {
            "status": "held",
            "mode": "in_person",
            "place.name": "Ankara",
            "place.kind": "city",
            "place.country": "TUR",
            "date.start": "2022-12-05",
            "date.end": "2022-12-05",
        },
    ),
    (
        "held-talks-with-counterpart",
        PUBLISHED,
        "Indian External Affairs Minister Arjun Mehta held talks with his Mexican counterpart Laura Ortega "
        "on Friday.",
        ["Arjun Mehta", "Laura Ortega"],
        {"status": "held", "mode": "in_person", "date.start": "2022-12-02"},
    ),
    (
        "talks-between-x-and-y",
        PUBLISHED,
        "Talks between German Chancellor Paul Brandt and Kenyan President Samuel Otieno lasted two hours, "
        "officials said.",
        ["Paul Brandt", "Samuel Otieno"],
        {"status": "held", "mode": "in_person"},
    ),
    (
        "hosted-at-state-house",
        PUBLISHED,
        "Kenyan President Samuel Otieno hosted German Chancellor Paul Brandt at State House in Nairobi on "
        "Monday.",
        ["Samuel Otieno", "Paul Brandt"],
        {"status": "held", "mode": "in_person", "place.country": "KEN", "date.start": "2022-12-05"},
    ),
    (
        "received-in-city",
        PUBLISHED,
        "Egyptian President Omar Fathy received Saudi Foreign Minister Faisal Al-Rashid in Cairo on Sunday.",
        ["Omar Fathy", "Faisal Al-Rashid"],
        {
            "status": "held",
            "mode": "in_person",
            "place.name": "Cairo",
            "place.country": "EGY",
            "date.start": "2022-12-04",
        },
    ),
    (
        "his-counterpart-name",
        PUBLISHED,
        "Greek Foreign Minister Nikos Andreou met his counterpart Emre Yilmaz on the sidelines of the "
        "summit on December 2.",
        ["Nikos Andreou", "Emre Yilmaz"],
        {"status": "held", "date.start": "2022-12-02", "date.end": "2022-12-02", "date.year_inferred": True},
    ),
    (
        "three-participants",
        PUBLISHED,
        "French President Jean Dumas, German Chancellor Paul Brandt and Italian Prime Minister Marco Bellini "
        "met in Brussels on Thursday.",
        ["Jean Dumas", "Paul Brandt", "Marco Bellini"],
        {
            "status": "held",
            "place.name": "Brussels",
            "place.country": "BEL",
            "date.start": "2022-12-01",
        },
    ),
    (
        "met-in-neutral-city",
        PUBLISHED,
        "U.S. Secretary of State Robert Hale met Russian Foreign Minister Ivan Sokolov in Geneva on Friday "
        "for two hours.",
        ["Robert Hale", "Ivan Sokolov"],
        {
            "status": "held",
            "mode": "in_person",
            "place.name": "Geneva",
            "place.country": "CHE",
            "date.start": "2022-12-02",
        },
    ),
    (
        "the-two-met-later-sentence",
        PUBLISHED,
        "Australian Foreign Minister Claire Dawson arrived in Jakarta on Monday. She met Indonesian "
        "Foreign Minister Dewi Hartono on Tuesday to discuss maritime security.",
        ["Claire Dawson", "Dewi Hartono"],
        {"status": "held", "date.start": "2022-12-06"},
    ),
    (
        "talks-at-seat-of-power",
        PUBLISHED,
        "Hungarian Prime Minister Gabor Nemeth held talks with Russian President Ivan Petrov at the Kremlin "
        "on Friday.",
        ["Gabor Nemeth", "Ivan Petrov"],
        {"status": "held", "mode": "in_person", "place.country": "RUS", "date.start": "2022-12-02"},
    ),
    (
        "the-two-leaders-met",
        PUBLISHED,
        "Kenyan President Samuel Otieno flew to Addis Ababa on Sunday. Ethiopian Prime Minister Dawit Alemu "
        "welcomed him at the airport, and the two leaders met for three hours on Monday.",
        ["Samuel Otieno", "Dawit Alemu"],
        {"status": "held", "place.country__in": ("ETH", None)},
    ),
    (
        "on-the-sidelines-of-a-summit-in-a-city",
        PUBLISHED,
        "Mexican President Lucia Ortega held talks with Canadian Prime Minister Tom Harris on Monday on the "
        "sidelines of the Group of 20 summit in Rio de Janeiro.",
        ["Lucia Ortega", "Tom Harris"],
        {"status": "held", "place.name": "Rio de Janeiro", "place.country": "BRA"},
    ),
    (
        "received-by-passive",
        PUBLISHED,
        "Egyptian Foreign Minister Omar Fathy arrived in Nairobi on Sunday, and on Monday he was received "
        "by Kenyan President Samuel Otieno.",
        ["Omar Fathy", "Samuel Otieno"],
        {"status": "held", "mode": "in_person", "date.start": "2022-12-05"},
    ),
    (
        "who-received-him",
        PUBLISHED,
        "Egyptian Foreign Minister Omar Fathy conveyed the greetings of President Hassan Kamel to Greek "
        "Prime Minister Nikos Andreou, who received him in Athens on Monday.",
        ["Omar Fathy", "Nikos Andreou"],
        {"status": "held", "mode": "in_person", "place.name": "Athens"},
    ),
    (
        "called-on-is-in-person",
        PUBLISHED,
        "Indian External Affairs Minister Arjun Mehta, on Monday called on President Samuel Otieno at State "
        "House.",
        ["Arjun Mehta", "Samuel Otieno"],
        {"status": "held", "mode": "in_person"},
    ),
    (
        "announced-after-talks-with",
        PUBLISHED,
        "Polish Defence Minister Jan Nowak announced on Monday after talks in Warsaw with South Korean "
        "Defence Minister Kim Dong-hyun that the two countries would build tanks together.",
        ["Jan Nowak", "Kim Dong-hyun"],
        {"status": "held", "mode": "in_person"},
    ),
    (
        "a-spouse-is-no-participant",
        PUBLISHED,
        "French President Paul Girard and his wife Claire were received by German President Hans Weber at "
        "Bellevue Palace on Monday.",
        ["Paul Girard", "Hans Weber"],
        {"status": "held", "mode": "in_person"},
    ),
]

PLANNED_CASES: list[MeetingCase] = [
    (
        "will-meet",
        PUBLISHED,
        "Japanese Prime Minister Kenji Morita will meet US President Robert Hale at the White House on "
        "Thursday.",
        ["Kenji Morita", "Robert Hale"],
        {"status": "planned", "mode": "in_person", "date.start": "2022-12-08", "date.end": "2022-12-08"},
    ),
    (
        "agreed-to-meet",
        PUBLISHED,
        "Egyptian President Omar Fathy and Italian Prime Minister Marco Bellini agreed to meet in Rome next "
        "month.",
        ["Omar Fathy", "Marco Bellini"],
        {
            "status": "planned",
            "place.name": "Rome",
            "date.start": "2023-01-01",
            "date.end": "2023-01-31",
            "date.granularity": "month",
        },
    ),
    (
        "is-scheduled-to-hold-talks",
        PUBLISHED,
        "Nigerian President Musa Adebayo is scheduled to hold talks with Ghanaian President Kofi Mensah in "
        "Accra next Monday.",
        ["Musa Adebayo", "Kofi Mensah"],
        {"status": "planned", "place.name": "Accra", "date.start": "2022-12-12"},
    ),
    (
        "is-due-to-meet",
        PUBLISHED,
        "Mexican President Lucia Ortega is due to meet Australian Prime Minister Tom Harris on Thursday.",
        ["Lucia Ortega", "Tom Harris"],
        {"status": "planned", "date.start": "2022-12-08"},
    ),
    (
        "is-billed-to-meet",
        PUBLISHED,
        "Indian External Affairs Minister Arjun Mehta is also billed to meet Vice-President Samuel Otieno "
        "later on Tuesday.",
        ["Arjun Mehta", "Samuel Otieno"],
        {"status": "planned"},
    ),
    (
        "pay-a-courtesy-call-on",
        PUBLISHED,
        "Korean Foreign Minister Min-ho Park is also scheduled to pay a courtesy call on President Ana "
        "Rojas, the ministry said.",
        ["Min-ho Park", "Ana Rojas"],
        {"status": "planned", "mode": "in_person"},
    ),
    (
        "will-meet-and-be-received-by",
        PUBLISHED,
        "Egyptian Foreign Minister Omar Fathy will leave for Nicosia on Thursday, where he will meet Cypriot "
        "Foreign Minister Andreas Georgiou and be received by President Eleni Pappas.",
        ["Omar Fathy", "Eleni Pappas"],
        {"status": "planned"},
    ),
]

MODE_CASES: list[MeetingCase] = [
    (
        "phone-call",
        PUBLISHED,
        "Japanese Foreign Minister Taro Kimura held a phone call with his Chinese counterpart Wang Lei on "
        "Monday.",
        ["Taro Kimura", "Wang Lei"],
        {"status": "held", "mode": "phone", "place": None, "date.start": "2022-12-05"},
    ),
    (
        "telephone-conversation",
        PUBLISHED,
        "Kenyan President Samuel Otieno had a telephone conversation with Japanese Prime Minister Hiroshi "
        "Tanaka on Sunday.",
        ["Samuel Otieno", "Hiroshi Tanaka"],
        {"status": "held", "mode": "phone", "date.start": "2022-12-04"},
    ),
    (
        "spoke-by-phone",
        PUBLISHED,
        "Polish President Marek Zielinski spoke by phone with Ukrainian President Oleh Marchenko about air "
        "defence.",
        ["Marek Zielinski", "Oleh Marchenko"],
        {"status": "held", "mode": "phone"},
    ),
    (
        "video-conference",
        PUBLISHED,
        "Indian Prime Minister Ravi Kumar and Australian Prime Minister Tom Baker held talks by video "
        "conference on Thursday.",
        ["Ravi Kumar", "Tom Baker"],
        {"status": "held", "mode": "video", "date.start": "2022-12-01"},
    ),
    (
        "virtual-summit",
        PUBLISHED,
        "European Council President Pieter de Vries held a virtual summit with Chinese President Zhao Ming "
        "on Wednesday.",
        ["Pieter de Vries", "Zhao Ming"],
        {"status": "held", "mode": "video", "place": None},
    ),
    # a call told by its verb: phoned, telephoned, rang, called (with its callee, not a name for them)
    (
        "phoned",
        PUBLISHED,
        "German Chancellor Karl Brandt phoned Chinese President Zhao Ming on Tuesday.",
        ["Karl Brandt", "Zhao Ming"],
        {"status": "held", "mode": "phone", "date.start": "2022-12-06"},
    ),
    (
        "telephoned-to-discuss",
        PUBLISHED,
        "German Chancellor Karl Brandt telephoned Chinese President Zhao Ming on Tuesday to discuss trade.",
        ["Karl Brandt", "Zhao Ming"],
        {"status": "held", "mode": "phone"},
    ),
    (
        "rang",
        PUBLISHED,
        "Kenyan President Samuel Otieno rang Japanese Prime Minister Hiroshi Tanaka after the vote.",
        ["Samuel Otieno", "Hiroshi Tanaka"],
        {"status": "held", "mode": "phone"},
    ),
    (
        "called-on-a-day-to-discuss",
        PUBLISHED,
        "German Chancellor Karl Brandt called Chinese President Zhao Ming on Tuesday to discuss trade.",
        ["Karl Brandt", "Zhao Ming"],
        {"status": "held", "mode": "phone", "date.start": "2022-12-06"},
    ),
    # a call named as the setting of any verb between two people ("told Y in a phone call that")
    (
        "told-in-a-phone-call",
        PUBLISHED,
        "Russian President Pavel Orlov told Turkish President Kemal Aydin in a phone call on Monday that "
        "Moscow was ready to resume grain exports.",
        ["Pavel Orlov", "Kemal Aydin"],
        {"status": "held", "mode": "phone", "date.start": "2022-12-05"},
    ),
    # a call with Y as the setting of what X says ("said in a telephone conversation with Y")
    (
        "said-in-a-telephone-conversation-with",
        PUBLISHED,
        '"We must stop the bloodshed," Iranian President Reza Karimi said in a telephone conversation '
        "with Emir of Qatar Fahad bin Ali Al Thani on Monday evening.",
        ["Reza Karimi", "Fahad bin Ali Al Thani"],
        {"status": "held", "mode": "phone", "date.start": "2022-12-05"},
    ),
    (
        "fronted-during-a-telephone-conversation",
        PUBLISHED,
        "During a telephone conversation, Kenyan President Samuel Otieno assured Japanese Prime Minister "
        "Hiroshi Tanaka of Nairobi's support.",
        ["Samuel Otieno", "Hiroshi Tanaka"],
        {"status": "held", "mode": "phone"},
    ),
    (
        "thanked-in-a-video-conference",
        PUBLISHED,
        "Mexican Foreign Minister Laura Ortega thanked Canadian Foreign Minister Mark Leduc in a video "
        "conference for the help after the floods.",
        ["Laura Ortega", "Mark Leduc"],
        {"status": "held", "mode": "video"},
    ),
    (
        "video-call-is-video-not-phone",
        PUBLISHED,
        "Mexican Foreign Minister Laura Ortega held a video call with Canadian Foreign Minister "
        "Mark Leduc on "
        "Monday.",
        ["Laura Ortega", "Mark Leduc"],
        {"status": "held", "mode": "video", "date.start": "2022-12-05"},
    ),
    (
        "planned-videoconference",
        PUBLISHED,
        "Japanese Prime Minister Kenji Morita will hold talks with Indian Prime Minister Ravi Kumar via "
        "videoconference next week.",
        ["Kenji Morita", "Ravi Kumar"],
        {"status": "planned", "mode": "video", "date.start": "2022-12-12", "date.granularity": "week"},
    ),
    (
        "received-a-phone-call-from",
        PUBLISHED,
        "Saudi Foreign Minister Prince Khalid bin Saad received a phone call today from Minister of Foreign "
        "Affairs of the Republic of Poland Jan Nowak.",
        ["Khalid bin Saad", "Jan Nowak"],
        {"status": "held", "mode": "phone"},
    ),
    (
        "they-discussed-during-the-call",
        PUBLISHED,
        "Saudi Foreign Minister Prince Khalid bin Saad received a phone call from Polish Foreign Minister "
        "Jan Nowak, during which they discussed energy cooperation.",
        ["Khalid bin Saad", "Jan Nowak"],
        {"status": "held", "mode": "phone"},
    ),
    (
        "video-conference-of-three",
        PUBLISHED,
        "Polish Prime Minister Jan Nowak, German Chancellor Paul Brandt and French President Paul Girard "
        "held a video conference last week.",
        ["Jan Nowak", "Paul Brandt", "Paul Girard"],
        {"status": "held", "mode": "video"},
    ),
]

CANCELLED_CASES: list[MeetingCase] = [
    (
        "planned-meeting-cancelled",
        PUBLISHED,
        "A planned meeting between Italian Prime Minister Marco Bellini and Egyptian President Omar Fathy "
        "was cancelled at the last minute.",
        ["Marco Bellini", "Omar Fathy"],
        {"status": "cancelled"},
    ),
]


# appearing together, a delegation's head, a counterpart by office
JOINT_CASES: list[MeetingCase] = [
    (
        "joint-press-conference",
        PUBLISHED,
        "Kenyan President Samuel Otieno and Tanzanian President Grace Mbwana held a joint press "
        "conference at State House in Nairobi on Monday.",
        ["Samuel Otieno", "Grace Mbwana"],
        {"status": "held", "mode": "in_person", "date.start": "2022-12-05"},
    ),
    (
        "told-a-joint-news-conference-with",
        PUBLISHED,
        '"We have agreed to open a new chapter in our relations," Turkish Foreign Minister Ali Demir '
        "told a joint news conference with Iraqi Foreign Minister Karim Hassan in Baghdad.",
        ["Ali Demir", "Karim Hassan"],
        {"status": "held", "mode": "in_person"},
    ),
    (
        "discussed-during-a-dinner-in-a-city",
        PUBLISHED,
        "French President Luc Martin and Indian Prime Minister Ravi Menon discussed defence cooperation "
        "during a working dinner in Paris.",
        ["Luc Martin", "Ravi Menon"],
        {"status": "held", "place.name": "Paris"},
    ),
    (
        "delegation-led-by",
        PUBLISHED,
        "Egyptian Foreign Minister Omar Nabil held talks with a Chinese delegation led by Vice Foreign "
        "Minister Deng Wei in Cairo on Tuesday.",
        ["Omar Nabil", "Deng Wei"],
        {"status": "held", "date.start": "2022-12-06"},
    ),
    (
        "unnamed-counterpart-holds-the-owners-office",
        PUBLISHED,
        "Egyptian Foreign Minister Omar Nabil met Kenyan President Samuel Otieno in Nairobi. Nabil also "
        'held talks with Foreign Affairs Cabinet Secretary Peter Kamau. "Water security is a matter of '
        'survival for us," Nabil told a joint press conference with his Kenyan counterpart.',
        ["Omar Nabil", "Peter Kamau"],
        {"status": "held"},
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "participants", "expected"),
    [c[1:] for c in JOINT_CASES],
    ids=[c[0] for c in JOINT_CASES],
)
def test_meeting_joint_and_led(extract, published, text, participants, expected):
    _check(extract, published, text, participants, expected)


def test_a_conversation_during_a_ceremony_keeps_the_ceremonys_city(extract):
    ex = extract(
        "Commission President Eva Lind and US President Tom Baker agreed to meet following a brief "
        "conversation during the funeral ceremony in Rome on Saturday."
    )
    held = [m for m in ex.meetings if m.status == "held"]
    assert [m.place.name if m.place else None for m in held] == ["Rome"], summary(ex)


def test_an_unnamed_counterpart_is_not_another_office_holder(extract):
    ex = extract(
        "Egyptian Foreign Minister Omar Nabil met Kenyan President Samuel Otieno in Nairobi. Nabil also "
        'held talks with Foreign Affairs Cabinet Secretary Peter Kamau. "Water security is a matter of '
        'survival for us," Nabil told a joint press conference with his Kenyan counterpart.'
    )
    joint = [m for m in ex.meetings if m.rule == "meeting.joint"]
    assert not [m for m in joint if {p.name for p in m.participants} == {"Omar Nabil", "Samuel Otieno"}], (
        summary(ex)
    )


def _check(
    extract: Any, published: str, text: str, participants: list[str], expected: dict[str, Any]
) -> None:
    ex = extract(text, published=published)
    assert_offsets(text, ex)
    meeting = one_meeting(ex, participants)
    assert {p.name for p in meeting.participants} == set(participants), summary(ex)
    check_fields(meeting, expected, ex)
    assert meeting.rule.startswith("meeting."), meeting.rule
    assert 0.0 <= meeting.confidence <= 1.0
    assert meeting.evidence, "a meeting must carry evidence"


@pytest.mark.parametrize(
    ("published", "text", "participants", "expected"),
    [c[1:] for c in HELD_CASES],
    ids=[c[0] for c in HELD_CASES],
)
def test_meeting_held(extract, published, text, participants, expected):
    _check(extract, published, text, participants, expected)


@pytest.mark.parametrize(
    ("published", "text", "participants", "expected"),
    [c[1:] for c in PLANNED_CASES],
    ids=[c[0] for c in PLANNED_CASES],
)
def test_meeting_planned(extract, published, text, participants, expected):
    _check(extract, published, text, participants, expected)


@pytest.mark.parametrize(
    ("published", "text", "participants", "expected"),
    [c[1:] for c in MODE_CASES],
    ids=[c[0] for c in MODE_CASES],
)
def test_meeting_mode(extract, published, text, participants, expected):
    _check(extract, published, text, participants, expected)


@pytest.mark.parametrize(
    ("published", "text", "participants", "expected"),
    [c[1:] for c in CANCELLED_CASES],
    ids=[c[0] for c in CANCELLED_CASES],
)
def test_meeting_cancelled(extract, published, text, participants, expected):
    _check(extract, published, text, participants, expected)


# ------------------------------------------------------------------ remote talks never yield a visit
@pytest.mark.parametrize(
    "text",
    [c[2] for c in MODE_CASES],
    ids=[c[0] for c in MODE_CASES],
)
def test_remote_meeting_gives_no_visit(extract, text):
    ex = extract(text)
    assert ex.visits == [], summary(ex)


def test_counterpart_gets_the_office_of_the_possessor(extract):
    text = (
        "Greek Foreign Minister Nikos Andreou met his counterpart Emre Yilmaz on the sidelines of the summit."
    )
    ex = extract(text)
    meeting = one_meeting(ex, ["Nikos Andreou", "Emre Yilmaz"])
    yilmaz = next(p for p in meeting.participants if p.name == "Emre Yilmaz")
    assert yilmaz.office == "Foreign Minister", summary(ex)


def test_meeting_evidence_covers_the_verb(extract):
    text = (
        "Greek Foreign Minister Nikos Andreou met with Turkish Foreign Minister Emre Yilmaz in "
        "Ankara on Monday."
    )
    ex = extract(text)
    meeting = one_meeting(ex, ["Nikos Andreou", "Emre Yilmaz"])
    verb = text.index(" met ") + 1
    assert any(s.start <= verb < s.end for s in meeting.evidence), meeting.evidence
    assert meeting.rule == "meeting.met"


# ------------------------------------------------------------------------------- not a meeting (of two)
NO_MEETING_CASES = [
    (
        "speculated-whether",
        "It remains unclear whether Chinese President Zhao Ming will meet US President Robert Hale at the "
        "summit.",
        ["Zhao Ming", "Robert Hale"],
    ),
    (
        "speculated-may",
        "Analysts say French President Jean Dumas may meet Kenyan President Samuel Otieno if the ceasefire "
        "holds.",
        ["Jean Dumas", "Samuel Otieno"],
    ),
    (
        "one-named-person",
        "Australian Foreign Minister Claire Dawson met business leaders and students in Jakarta on Monday.",
        ["Claire Dawson"],
    ),
    (
        "two-people-meet-someone-else",
        "Australian Foreign Minister Claire Dawson and Trade Minister Tom Reid landed in Hanoi on Monday. "
        "In Ho Chi Minh City they will meet investors.",
        ["Claire Dawson", "Tom Reid"],
    ),
    (
        "two-people-meet-a-crowd",
        "Chilean President Ana Rojas and Foreign Minister Luis Pardo met the press in Lima on Friday.",
        ["Ana Rojas", "Luis Pardo"],
    ),
    (
        "called-him-a-name",
        "German Chancellor Karl Brandt called Chinese President Zhao Ming a dictator.",
        ["Karl Brandt", "Zhao Ming"],
    ),
    (
        "called-him-a-quoted-name",
        'German Chancellor Karl Brandt called Chinese President Zhao Ming "a reliable partner".',
        ["Karl Brandt", "Zhao Ming"],
    ),
    (
        "called-them-to-a-meeting",
        "German Chancellor Karl Brandt called Chinese President Zhao Ming and French President Luc Martin "
        "to a meeting in Berlin.",
        ["Karl Brandt", "Zhao Ming"],
    ),
    (
        "called-for-talks",
        "German Chancellor Karl Brandt called for talks with Chinese President Zhao Ming.",
        ["Karl Brandt", "Zhao Ming"],
    ),
    (
        "urged-talks",
        "German Chancellor Karl Brandt urged talks with Chinese President Zhao Ming on trade.",
        ["Karl Brandt", "Zhao Ming"],
    ),
    (
        "a-call-for-calm-is-no-call",
        "Russian President Pavel Orlov told Turkish President Kemal Aydin in a call for calm that Moscow "
        "was ready to talk.",
        ["Pavel Orlov", "Kemal Aydin"],
    ),
    (
        "one-named-person-and-a-crowd",
        "Nigerian President Musa Adebayo met members of the Nigerian community in London on Sunday.",
        ["Musa Adebayo"],
    ),
]


@pytest.mark.parametrize(
    ("text", "names"), [c[1:] for c in NO_MEETING_CASES], ids=[c[0] for c in NO_MEETING_CASES]
)
def test_no_meeting(extract, text, names):
    ex = extract(text)
    assert_offsets(text, ex)
    assert meetings_with(ex, names) == [], summary(ex)
    for mt in ex.meetings:
        assert len(mt.participants) >= 2


def test_refused_to_meet_is_cancelled_or_nothing(extract):
    text = (
        "Ukrainian President Oleh Marchenko refused to meet Hungarian Prime Minister Gabor Nemeth during "
        "the summit in Brussels."
    )
    ex = extract(text)
    assert_offsets(text, ex)
    for mt in meetings_with(ex, ["Oleh Marchenko", "Gabor Nemeth"]):
        assert mt.status == "cancelled", summary(ex)


def test_a_sought_meeting_is_no_meeting(extract):
    text = (
        "Korean Foreign Minister Min-ho Park arrived in Lima on Monday. He is seeking a meeting with "
        "President-elect Ana Rojas, who takes office in January, but it has not been confirmed."
    )
    ex = extract(text)
    assert meetings_with(ex, ["Min-ho Park", "Ana Rojas"]) == [], summary(ex)


def test_places_the_talks_were_about_are_not_where_they_were_held(extract):
    text = (
        "Egyptian Foreign Minister Omar Fathy held talks on Tuesday with his Greek counterpart Nikos Andreou "
        "on trade, as well as regional developments, mainly in Gaza, Sudan and Libya."
    )
    ex = extract(text)
    meeting = one_meeting(ex, ["Omar Fathy", "Nikos Andreou"])
    assert meeting.place is None, summary(ex)
    assert not [v for v in ex.visits if v.host_country in {"PSE", "SDN", "LBY"}], summary(ex)


def test_who_received_him_inside_a_reported_sentence(extract):
    # "him" is the subject of the clause holding "Y, who", not the spokesman who reports it
    text = (
        "Egyptian Foreign Minister Omar Fathy conveyed the greetings of President Hassan Kamel to Greek "
        "Prime Minister Nikos Andreou, who received him in Athens, ministry spokesman Samir Adel said."
    )
    ex = extract(text)
    assert meetings_with(ex, ["Omar Fathy", "Nikos Andreou"]), summary(ex)
    assert not meetings_with(ex, ["Samir Adel", "Nikos Andreou"]), summary(ex)
    assert not [v for v in ex.visits if v.visitor.name == "Samir Adel"], summary(ex)


@pytest.mark.parametrize(
    ("text", "published", "pair", "status"),
    [
        (  # a reception on arrival is protocol, not a meeting
            "Upon his arrival in Mexico, the Chilean president was received by the undersecretary for "
            "Latin America, Maximiliano Reyes, together with Ambassador Alicia Barcena.",
            "2022-11-23",
            {"Maximiliano Reyes", "Alicia Barcena"},
            None,
        ),
        (  # a meeting on the day's agenda is still ahead
            "Chilean President Gabriel Boric arrived in Mexico City on Tuesday. His agenda for Wednesday "
            "includes a meeting with President Andres Manuel Lopez Obrador at the National Palace.",
            "2022-11-22",
            {"Gabriel Boric", "Andres Manuel Lopez Obrador"},
            "planned",
        ),
        (  # what is only likely is not yet a meeting
            "Japanese Foreign Minister Kenji Sato and Philippine Foreign Secretary Enrique Manalo are "
            "likely to review the defence pact.",
            "2025-02-12",
            {"Kenji Sato", "Enrique Manalo"},
            None,
        ),
    ],
    ids=["reception-on-arrival", "agenda-includes", "likely-to"],
)
def test_receptions_agendas_and_likelihoods(extract, text, published, pair, status) -> None:
    ex = extract(text, published=published)
    found = [m for m in ex.meetings if pair <= {p.name for p in m.participants}]
    if status is None:
        assert not found, summary(ex)
    else:
        assert [m.status for m in found] == [status], summary(ex)


def test_talks_agreed_for_this_year_are_the_talks_on_the_day(extract):
    """A meeting dated only by its year ("talks in Mexico this year") and one of the same people on
    a day of that year are one meeting, with the day."""
    text = (
        "South Korean Foreign Minister Min-jun Park will hold talks with Mexican Foreign Secretary Elena "
        "Ruiz in Mexico City on Wednesday. Park and Ruiz last met in February in Rio de Janeiro, where "
        "they agreed to hold high-level talks in Mexico this year."
    )
    ex = extract(text, published="2024-08-22")
    planned = [mt for mt in meetings_with(ex, ["Min-jun Park", "Elena Ruiz"]) if mt.status == "planned"]
    assert len(planned) == 1, summary(ex)
    assert planned[0].date is not None and planned[0].date.start == "2024-08-28", summary(ex)


def test_a_meeting_takes_the_place_of_the_trip_told_with_it(extract):
    """ "They then travelled to Warsaw to meet X": Warsaw, not the city of the meeting before."""
    text = (
        "French President Louis Marchand met German Chancellor Karl Weber in Berlin on Monday. They then "
        "travelled to Warsaw to meet Polish President Jan Nowak."
    )
    ex = extract(text)
    mt = one_meeting(ex, ["Louis Marchand", "Karl Weber", "Jan Nowak"])
    assert mt.place is not None and mt.place.name == "Warsaw", summary(ex)


# ------------------------------------------------------------------ a possessor is not a participant
# "met Putin's spokesman X", "talks with Merz's predecessor, Olaf Scholz": the noun names someone
# else than its possessor, so the possessor did not take part
POSSESSOR_CASES = [
    (
        "spokesman-of",
        "Turkish Foreign Minister Hakan Fidan met Putin's spokesman Dmitry Peskov in Moscow on Monday.",
        {"Hakan Fidan", "Dmitry Peskov"},
        {"Vladimir Putin", "Putin"},
    ),
    (
        "predecessor-apposition",
        "Turkish Foreign Minister Hakan Fidan held talks with Merz's predecessor, Olaf Scholz, in Berlin "
        "last year.",
        {"Hakan Fidan", "Olaf Scholz"},
        {"Merz"},
    ),
    (
        "adviser-of",
        "Turkish Foreign Minister Hakan Fidan met Macron's diplomatic adviser Emmanuel Bonne in Paris.",
        {"Hakan Fidan", "Emmanuel Bonne"},
        {"Macron"},
    ),
]


@pytest.mark.parametrize(
    ("text", "met", "absent"), [c[1:] for c in POSSESSOR_CASES], ids=[c[0] for c in POSSESSOR_CASES]
)
def test_a_possessor_is_not_a_participant(extract, text, met, absent) -> None:
    ex = extract(text, published="2025-10-14")
    got = [{p.name for p in m.participants} for m in ex.meetings]
    assert met in got, summary(ex)
    assert not any(got_set & absent for got_set in got), summary(ex)


def test_a_possessor_still_meets_when_the_noun_is_the_meeting(extract) -> None:
    ex = extract(
        "Turkish Foreign Minister Hakan Fidan joined President Vladimir Putin's talks with Indian Prime "
        "Minister Narendra Modi in Moscow on Monday.",
        published="2025-10-14",
    )
    got = [{p.name for p in m.participants} for m in ex.meetings]
    assert any({"Vladimir Putin", "Narendra Modi"} <= g for g in got), summary(ex)


# ------------------------------------------------------------------ attending the talks told before
ATTENDED_CASES = [
    ("attended", "Foreign Ministers Ana Ruiz and Liu Wen attended the talks."),
    ("present-at", "Foreign Ministers Ana Ruiz and Liu Wen were present at the talks."),
    ("took-part", "Foreign Ministers Ana Ruiz and Liu Wen also took part in the talks."),
    ("sat-in-on", "Foreign Ministers Ana Ruiz and Liu Wen sat in on the talks."),
]


@pytest.mark.parametrize("second", [c[1] for c in ATTENDED_CASES], ids=[c[0] for c in ATTENDED_CASES])
def test_attendees_join_the_talks_told_before(extract, second) -> None:
    ex = extract(
        "Chinese President Zhao Ming held talks with visiting Chilean President Jorge Vidal in Beijing "
        "on Tuesday. " + second,
        published="2025-05-20",
    )
    got = [{p.name for p in m.participants} for m in ex.meetings]
    assert {"Zhao Ming", "Jorge Vidal", "Ana Ruiz", "Liu Wen"} in got, summary(ex)
    assert {"Ana Ruiz", "Liu Wen"} not in got, summary(ex)


def test_not_attending_the_talks_joins_nothing(extract) -> None:
    ex = extract(
        "Chinese President Zhao Ming held talks with visiting Chilean President Jorge Vidal in Beijing "
        "on Tuesday. Chilean Foreign Minister Ana Ruiz did not attend the talks.",
        published="2025-05-20",
    )
    assert [{p.name for p in m.participants} for m in ex.meetings] == [{"Zhao Ming", "Jorge Vidal"}], summary(
        ex
    )


@pytest.mark.parametrize(
    "second",
    [
        # an event named anew, still ahead
        "Presidents Ana Ruiz and Liu Wen are scheduled to attend the APEC summit in Lima next week.",
        # an event named anew, held
        "Presidents Ana Ruiz and Liu Wen attended the Mercosur summit in Asuncion last year.",
        # the talks told before are held; these attendees are only expected
        "Foreign Ministers Ana Ruiz and Liu Wen will attend the talks.",
    ],
    ids=["named-summit-ahead", "named-summit-held", "future-attendance-of-held-talks"],
)
def test_attending_another_event_joins_no_talks(extract, second) -> None:
    ex = extract(
        "Chinese President Zhao Ming held talks with visiting Chilean President Jorge Vidal in Beijing "
        "on Tuesday. " + second,
        published="2025-05-20",
    )
    got = [{p.name for p in m.participants} for m in ex.meetings]
    assert {"Zhao Ming", "Jorge Vidal"} in got, summary(ex)
    assert not any({"Ana Ruiz", "Liu Wen"} & g for g in got), summary(ex)


def test_what_two_callers_then_did_together_is_the_call(extract) -> None:
    # "The two leaders then discussed ..." after a call was a second meeting, in person
    text = (
        "Iranian President Reza Karimi said in a telephone conversation with Emir Fahad bin Ali Al Thani "
        "on Monday that the bloodshed must stop. The two leaders then discussed regional developments."
    )
    ex = extract(text, published=PUBLISHED)
    assert [(m.mode, m.status) for m in ex.meetings] == [("phone", "held")], summary(ex)


def test_the_sidelines_of_an_event_told_before_are_where_it_was(extract) -> None:
    # the meeting had no place, so the Mauritanian minister, there for the same event, had no visit
    text = (
        "CAIRO - Moroccan Foreign Minister Karim Alaoui arrived in Cairo on Tuesday for the Arab League "
        "ministerial meeting. On the sidelines of the meeting, he met Mauritanian Foreign Minister "
        "Sidi Ould Ahmed."
    )
    ex = extract(text, published="2024-03-06")
    meeting = one_meeting(ex, ["Karim Alaoui", "Sidi Ould Ahmed"])
    assert meeting.place is not None and meeting.place.name == "Cairo", summary(ex)
    assert ("Sidi Ould Ahmed", "EGY") in [(v.visitor.name, v.host_country) for v in ex.visits], summary(ex)


@pytest.mark.parametrize(
    "text",
    [
        "On April 17, Secretary of State Ann Gray provided opening remarks with Brazilian President Rosa "
        "Lima at the meeting of the Open Government Partnership in Brasilia.",
        "Secretary of State Ann Gray delivered joint remarks with Brazilian President Rosa Lima in "
        "Brasilia on April 17.",
    ],
    ids=["provided-remarks-with", "delivered-joint-remarks-with"],
)
def test_remarks_side_by_side_are_a_meeting(extract, text) -> None:
    ex = extract(text, published="2012-04-20")
    meeting = one_meeting(ex, ["Ann Gray", "Rosa Lima"])
    assert (meeting.status, meeting.mode) == ("held", "in_person"), summary(ex)


def test_remarks_alone_are_no_meeting(extract) -> None:
    ex = extract(
        "Secretary of State Ann Gray made remarks on trade with Brazil in Brasilia.", published="2012-04-20"
    )
    assert not ex.meetings, summary(ex)


def test_an_agenda_dates_and_plans_the_meetings_it_includes(extract) -> None:
    # the parser hangs "agenda" under "head of state", and the day on the agenda, not the meeting
    text = (
        "Chilean President Luis Rojas arrived in Mexico City on Tuesday night. The Chilean head of "
        "state's agenda for this Wednesday includes a meeting with Mexican businessmen, as well as a "
        "meeting with President Andres Lopez at the National Palace."
    )
    ex = extract(text, published="2022-11-23")
    meeting = one_meeting(ex, ["Luis Rojas", "Andres Lopez"])
    assert meeting.status == "planned", summary(ex)
    assert meeting.date is not None and meeting.date.start == "2022-11-23", summary(ex)


# A meeting dated from another day of the story ("the next day", "two days later", "the same
# evening"): that day is the nearest earlier single day; a span of days before it leaves it unknown.
ANCHORED_MEETINGS: list[tuple[str, str, list[str], str | None]] = [
    (
        "Portuguese Foreign Minister Rui Tavares arrived in Rabat on Monday. The next day he held talks "
        "with his Moroccan counterpart Karim Bennani.",
        "2022-12-06",
        ["Rui Tavares", "Karim Bennani"],
        "2022-12-06",
    ),
    (
        "Kenyan Foreign Minister Joseph Ochieng met Prime Minister Anna Berg in Stockholm on December 1. "
        "Two days later, he was received by King Harald Lind in Oslo.",
        "2022-12-06",
        ["Joseph Ochieng", "Harald Lind"],
        "2022-12-03",
    ),
    (
        "Chilean President Marta Soto landed in Hanoi on 28 November, where she laid a wreath. The same "
        "evening she sat down with Vietnamese Prime Minister Tran Van Hoa.",
        "2022-12-06",
        ["Marta Soto", "Tran Van Hoa"],
        "2022-11-28",
    ),
    (
        "Irish Foreign Minister Sean Walsh will visit Chile from December 12 to 14. The following day he "
        "will meet Peruvian President Luis Quispe in Lima.",
        "2022-12-06",
        ["Sean Walsh", "Luis Quispe"],
        None,  # the day after a span of days: which one is not said
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "participants", "start"),
    ANCHORED_MEETINGS,
    ids=[c[2][1] for c in ANCHORED_MEETINGS],
)
def test_a_meeting_dated_from_another_day_of_the_story(extract, text, published, participants, start):
    ex = extract(text, published=published)
    assert_offsets(text, ex)
    meeting = one_meeting(ex, participants)
    got = meeting.date.start if meeting.date is not None else None
    assert got == start, summary(ex)
