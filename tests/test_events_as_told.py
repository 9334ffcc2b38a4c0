"""Events as articles tell them: summits, lists of talks, tours, changed plans, hosts, envoys, visits in
passing, calls. Texts written for the project; each case says what must and must not be a record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from conftest import summary
from visitextract.models import Extraction


@dataclass
class Told:
    text: str
    published: str = "2024-03-06"
    visits: dict[tuple[str, str], str] = field(default_factory=dict)  # (visitor, host) -> status
    visit_dates: dict[tuple[str, str], tuple[str | None, str | None]] = field(default_factory=dict)
    no_visits: list[tuple[str, str | None]] = field(default_factory=list)  # (visitor, host or any)
    meetings: dict[frozenset[str], tuple[str, str]] = field(default_factory=dict)  # -> (status, mode)
    no_meetings: list[frozenset[str]] = field(default_factory=list)


def check(ex: Extraction, case: Told) -> None:
    problems: list[str] = []
    visits = {(v.visitor.name, v.host_country): v for v in ex.visits}
    for key, status in case.visits.items():
        if key not in visits:
            problems.append(f"no visit {key}")
        elif visits[key].status != status:
            problems.append(f"visit {key}: {visits[key].status}, expected {status}")
    for key, dates in case.visit_dates.items():
        v = visits.get(key)
        got = None if v is None or v.dates is None else (v.dates.start, v.dates.end)
        if got != dates:
            problems.append(f"visit {key} dates {got}, expected {dates}")
    for name, host in case.no_visits:
        if any(v.visitor.name == name and (host is None or v.host_country == host) for v in ex.visits):
            problems.append(f"visit of {name} to {host or 'anywhere'}")
    meetings = {frozenset(p.name for p in m.participants): m for m in ex.meetings}
    for people, (status, mode) in case.meetings.items():
        m = meetings.get(people)
        if m is None:
            problems.append(f"no meeting {sorted(people)}")
        elif (m.status, m.mode) != (status, mode):
            problems.append(f"meeting {sorted(people)}: {(m.status, m.mode)}, expected {(status, mode)}")
    for people in case.no_meetings:
        if any(people <= got for got in meetings):
            problems.append(f"a meeting of {sorted(people)}")
    if problems:
        raise AssertionError("; ".join(problems) + "\n--- extraction ---\n" + summary(ex))


CASES = {
    # summits told from the event's side: who attended it is there
    "summit-attended-by": Told(
        "The Pacific Islands Forum summit in Nuku'alofa was attended by New Zealand Prime Minister "
        "Christopher Luxon and Australian Prime Minister Anthony Albanese.",
        published="2024-08-30",
        visits={("Christopher Luxon", "TON"): "ongoing", ("Anthony Albanese", "TON"): "ongoing"},
    ),
    "summit-held-and-attended-in-a-month": Told(
        "The meeting follows the regional summit, held in Bogota in early March and hosted by President "
        "Ana Rojas, which was attended by Ecuadorian President Daniel Noboa.",
        published="2025-06-09",
        visits={("Daniel Noboa", "COL"): "completed"},
        visit_dates={("Daniel Noboa", "COL"): ("2025-03-01", "2025-03-31")},
        no_visits=[("Ana Rojas", None)],
    ),
    "summit-participle-attended-by": Told(
        "The G20 summit in Johannesburg, attended by Indian Prime Minister Narendra Modi, ended on Sunday.",
        published="2025-11-24",
        visits={("Narendra Modi", "ZAF"): "ongoing"},
    ),
    "leaders-attending-included": Told(
        "Leaders attending the summit in Kazan included Indian Prime Minister Narendra Modi and Iranian "
        "President Masoud Pezeshkian.",
        published="2024-10-23",
        visits={("Narendra Modi", "RUS"): "ongoing", ("Masoud Pezeshkian", "RUS"): "ongoing"},
    ),
    "among-those-attending-will-be": Told(
        "Among the ministers attending the conference in Lima will be Japanese Foreign Minister Takeshi "
        "Iwaya.",
        published="2024-11-10",
        visits={("Takeshi Iwaya", "PER"): "planned"},
    ),
    "summit-not-attended-by": Told(
        "The summit in Kazan was not attended by Brazilian President Luiz Inacio Lula da Silva.",
        published="2024-10-23",
        no_visits=[("Luiz Inacio Lula da Silva", None)],
    ),
    # a trip as the subject of "take": the traveller goes where it takes him
    "the-leg-takes-him-to": Told(
        "Kenyan Foreign Minister Musalia Mudavadi arrived in Hanoi on Monday and met Deputy Prime "
        "Minister Bui Thanh Son. The last leg of the tour takes him to Manila on Thursday.",
        published="2025-03-10",
        visits={("Musalia Mudavadi", "VNM"): "ongoing", ("Musalia Mudavadi", "PHL"): "planned"},
        visit_dates={("Musalia Mudavadi", "PHL"): ("2025-03-13", "2025-03-13")},
        no_visits=[("Bui Thanh Son", "PHL")],
    ),
    "a-tour-that-will-take-her-to": Told(
        "Finnish President Alexander Stubb began a tour in Lima on Monday that will also take him to "
        "Santiago.",
        published="2025-03-10",
        visits={("Alexander Stubb", "PER"): "ongoing", ("Alexander Stubb", "CHL"): "planned"},
    ),
    "reforms-take-him-nowhere": Told(
        "Finnish President Alexander Stubb said the reforms would take him to the limit of his powers.",
        published="2025-03-10",
        no_visits=[("Alexander Stubb", None)],
    ),
    # an event attended under its proper name
    "attended-a-named-week": Told(
        "Vietnamese President Luong Cuong attended the APEC Economic Leaders' Week in Lima last November.",
        published="2025-03-10",
        visits={("Luong Cuong", "PER"): "completed"},
    ),
    "attended-a-university-is-no-visit": Told(
        "Vietnamese President Luong Cuong attended Harvard University in Boston in the 1990s.",
        published="2025-03-10",
        no_visits=[("Luong Cuong", None)],
    ),
    # "due in": expected at a place, like "expected in"
    "due-in-a-capital": Told(
        "Argentine Foreign Minister Pablo Quirno is due in Santiago on Friday for talks on the border.",
        published="2025-11-05",
        visits={("Pablo Quirno", "CHL"): "planned"},
        visit_dates={("Pablo Quirno", "CHL"): ("2025-11-07", None)},
    ),
    "due-back-home": Told(
        "Argentine Foreign Minister Pablo Quirno is due back in Buenos Aires on Friday.",
        published="2025-11-05",
        no_visits=[("Pablo Quirno", None)],
    ),
    # tours
    "tour-three-countries": Told(
        "Chilean President Rosa Vidal visited Argentina, Uruguay and Paraguay last week as part of a "
        "regional tour.",
        visits={
            ("Rosa Vidal", "ARG"): "completed",
            ("Rosa Vidal", "URY"): "completed",
            ("Rosa Vidal", "PRY"): "completed",
        },
    ),
    "then-travel-to": Told(
        "Australian Foreign Minister Penny Wong arrived in Jakarta on Tuesday. She will then travel to "
        "Hanoi for talks.",
        visits={("Penny Wong", "IDN"): "ongoing", ("Penny Wong", "VNM"): "planned"},
    ),
    "before-heading-on-to": Told(
        "Japanese Foreign Minister Takeshi Iwaya is holding talks in Jakarta before heading on to Manila.",
        visits={("Takeshi Iwaya", "IDN"): "ongoing", ("Takeshi Iwaya", "PHL"): "planned"},
    ),
    "called-off-a-leg": Told(
        "German Chancellor Olaf Scholz called off the Rome leg of his trip and flew to Vienna instead, "
        "where he met Austrian Chancellor Karl Nehammer.",
        visits={("Olaf Scholz", "AUT"): "ongoing", ("Olaf Scholz", "ITA"): "cancelled"},
        meetings={frozenset({"Olaf Scholz", "Karl Nehammer"}): ("held", "in_person")},
    ),
    "stopover-on-the-way-back": Told(
        "On the way back from Japan, Indian Prime Minister Narendra Modi stopped over in Singapore for "
        "talks with Prime Minister Lawrence Wong.",
        visits={("Narendra Modi", "JPN"): "completed", ("Narendra Modi", "SGP"): "ongoing"},
    ),
    # hosting and invitations
    "host-on-a-date": Told(
        "British Prime Minister Keir Starmer will host German Chancellor Friedrich Merz at Chequers on "
        "12 March.",
        published="2025-03-01",
        visits={("Friedrich Merz", "GBR"): "planned"},
        visit_dates={("Friedrich Merz", "GBR"): ("2025-03-12", None)},
        meetings={frozenset({"Keir Starmer", "Friedrich Merz"}): ("planned", "in_person")},
    ),
    "host-for-a-visit-on-a-date": Told(
        "[December 30, 2015]  HONOLULU (Reuters) - U.S. President Barack Obama will host Colombian "
        "President Juan Manuel Santos for an official working visit in Washington on Feb. 4, the White "
        "House said on Tuesday.",
        published="2015-12-30",
        visits={("Juan Manuel Santos", "USA"): "planned"},
        visit_dates={("Juan Manuel Santos", "USA"): ("2016-02-04", None)},
    ),
    "cataphora-in-a-fronted-phrase": Told(
        "French Foreign Minister Jean-Noel Barrot landed in Ottawa on Wednesday. During his 2024 trip to "
        "Canada, President Emmanuel Macron held talks with Prime Minister Justin Trudeau.",
        published="2025-02-06",
        visits={("Emmanuel Macron", "CAN"): "completed", ("Jean-Noel Barrot", "CAN"): "ongoing"},
        visit_dates={("Jean-Noel Barrot", "CAN"): ("2025-02-05", None)},
    ),
    "invited-without-a-date": Told(
        "Indian Prime Minister Narendra Modi invited Nepalese Prime Minister K P Sharma Oli to visit "
        "India at an early date.",
        no_visits=[("K P Sharma Oli", None)],
    ),
    # an invitation is a visit only once it is accepted or carries an agreed day or month
    "invited-passive-vague-period": Told(
        "Uruguayan President Yamandu Orsi has been invited to pay a state visit to Spain later this "
        "year, the foreign ministry said.",
        published="2025-06-09",
        no_visits=[("Yamandu Orsi", None)],
    ),
    "invitation-noun-no-date": Told(
        "King Felipe VI extended an invitation to Uruguayan President Yamandu Orsi to visit Madrid.",
        published="2025-06-09",
        no_visits=[("Yamandu Orsi", None)],
    ),
    "invitation-accepted": Told(
        "Uruguayan President Yamandu Orsi accepted an invitation to visit Spain in October.",
        published="2025-06-09",
        visits={("Yamandu Orsi", "ESP"): "planned"},
        visit_dates={("Yamandu Orsi", "ESP"): ("2025-10-01", "2025-10-31")},
    ),
    "invited-on-an-agreed-day": Told(
        "Uruguayan President Yamandu Orsi has been invited to visit Spain on June 20, the ministry said.",
        published="2025-06-09",
        visits={("Yamandu Orsi", "ESP"): "planned"},
    ),
    "at-the-invitation-of": Told(
        "Uruguayan President Yamandu Orsi arrived in Madrid on Monday at the invitation of King Felipe VI.",
        published="2025-06-09",
        visits={("Yamandu Orsi", "ESP"): "ongoing"},
    ),
    # envoys
    "envoy-travels": Told(
        "The Prime Minister's special envoy will travel to Caracas next week, the government said. The "
        "envoy, Ana Lima, served as Brazil's ambassador to Venezuela.",
        no_visits=[("Prime Minister", None)],
    ),
    # visits in passing
    "visit-in-passing": Told(
        "Indian External Affairs Minister S Jaishankar recalled talks he held during his 2019 visit to "
        "Tehran.",
        visits={("S Jaishankar", "IRN"): "completed"},
        visit_dates={("S Jaishankar", "IRN"): ("2019-01-01", "2019-12-31")},
    ),
    "visit-in-passing-possessive": Told(
        "The two ministers reviewed the accords signed during Indonesian President Joko Widodo's 2022 "
        "visit to Nairobi.",
        published="2024-10-21",
        visits={("Joko Widodo", "KEN"): "completed"},
        visit_dates={("Joko Widodo", "KEN"): ("2022-01-01", "2022-12-31")},
    ),
    "visit-in-passing-adjective": Told(
        "Chilean President Gabriel Boric recalled his 2023 official visit to Beijing.",
        published="2024-10-21",
        visits={("Gabriel Boric", "CHN"): "completed"},
        visit_dates={("Gabriel Boric", "CHN"): ("2023-01-01", "2023-12-31")},
    ),
    # calls and modes
    "spoke-by-telephone": Told(
        "Ukrainian President Volodymyr Zelensky spoke by telephone with British Prime Minister Keir "
        "Starmer on Saturday.",
        published="2025-03-02",
        meetings={frozenset({"Volodymyr Zelensky", "Keir Starmer"}): ("held", "phone")},
        no_visits=[("Volodymyr Zelensky", None), ("Keir Starmer", None)],
    ),
    "phone-conversation": Told(
        "Iranian President Masoud Pezeshkian held a phone conversation with Emir Tamim bin Hamad Al Thani "
        "on Friday.",
        meetings={frozenset({"Masoud Pezeshkian", "Tamim bin Hamad Al Thani"}): ("held", "phone")},
        no_visits=[("Masoud Pezeshkian", None)],
    ),
    "video-call": Told(
        "Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese met in a video "
        "call on Thursday.",
        meetings={frozenset({"Narendra Modi", "Anthony Albanese"}): ("held", "video")},
        no_visits=[("Narendra Modi", None)],
    ),
    "hope-to-meet-soon": Told(
        "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum said they hoped to "
        "meet soon.",
        published="2025-05-02",
        no_meetings=[frozenset({"Mark Carney", "Claudia Sheinbaum"})],
    ),
    "wish-to-meet-again": Told(
        "Kenyan President William Ruto thanked Indian Prime Minister Narendra Modi for the call; the two "
        "leaders wished to meet again before long.",
        published="2023-12-06",
        no_meetings=[frozenset({"William Ruto", "Narendra Modi"})],
    ),
    "hope-to-meet-on-a-day": Told(
        "Polish President Andrzej Duda said he hoped to meet French President Emmanuel Macron in Paris on "
        "Friday.",
        published="2024-03-06",
        meetings={frozenset({"Andrzej Duda", "Emmanuel Macron"}): ("planned", "in_person")},
    ),
    "possibility-of-a-visit": Told(
        "Chinese Foreign Minister Wang Yi and Brazilian Foreign Minister Mauro Vieira discussed the "
        "possibility of a visit to Beijing.",
        no_visits=[("Mauro Vieira", "CHN")],
    ),
    # attending told without an object: the event of the sentence before, where that sentence sets it
    "among-those-attending-the-event-just-told": Told(
        "African leaders gathered in Addis Ababa on Saturday for the African Union summit. Kenya's "
        "William Ruto, Nigeria's Bola Tinubu and South Africa's Cyril Ramaphosa were among those "
        "attending.",
        visits={
            ("William Ruto", "ETH"): "ongoing",
            ("Bola Tinubu", "ETH"): "ongoing",
            ("Cyril Ramaphosa", "ETH"): "ongoing",
        },
    ),
    "among-those-attending-in-the-dateline-city": Told(
        "NAIROBI (AP) - Heads of state from East Africa met on Friday for a regional summit. "
        "Ugandan President Yoweri Museveni and Tanzanian President Samia Suluhu Hassan were among "
        "those attending.",
        visits={("Yoweri Museveni", "KEN"): "ongoing", ("Samia Suluhu Hassan", "KEN"): "ongoing"},
    ),
    "present-were": Told(
        "The G20 summit opened in Rio de Janeiro on Monday. Present were Indian Prime Minister "
        "Narendra Modi and Chinese President Xi Jinping.",
        published="2024-11-20",
        visits={("Narendra Modi", "BRA"): "ongoing", ("Xi Jinping", "BRA"): "ongoing"},
    ),
    "were-in-attendance": Told(
        "The G20 summit opened in Rio de Janeiro on Monday. Indian Prime Minister Narendra Modi and "
        "Chinese President Xi Jinping were in attendance.",
        published="2024-11-20",
        visits={("Narendra Modi", "BRA"): "ongoing", ("Xi Jinping", "BRA"): "ongoing"},
    ),
    "took-part": Told(
        "Leaders of the Pacific Islands Forum met in Nuku'alofa, Tonga, on Tuesday for their annual "
        "summit. Australian Prime Minister Anthony Albanese took part.",
        visits={("Anthony Albanese", "TON"): "ongoing"},
    ),
    "among-the-leaders-present": Told(
        "The summit opened in Rio de Janeiro on Monday with Chinese President Xi Jinping among the "
        "leaders present.",
        published="2024-11-20",
        visits={("Xi Jinping", "BRA"): "ongoing"},
    ),
    "took-part-virtually": Told(
        "The G20 summit opened in Rio de Janeiro on Monday. Chinese President Xi Jinping took part "
        "virtually.",
        published="2024-11-20",
        no_visits=[("Xi Jinping", None)],
    ),
    "present-at-home": Told(
        "The Brazilian cabinet met in Brasilia on Monday for a budget meeting. President Luiz Inacio "
        "Lula da Silva was present.",
        published="2024-11-20",
        no_visits=[("Luiz Inacio Lula da Silva", None)],
    ),
    "attending-with-no-event-told": Told(
        "The concert was held in Nairobi on Friday. Ugandan President Yoweri Museveni and Tanzanian "
        "President Samia Suluhu Hassan were among those attending.",
        no_visits=[("Yoweri Museveni", None)],
    ),
    # lists of talks
    "bilateral-talks-with-a-list": Told(
        "Ghanaian President John Mahama held bilateral talks in Accra with the presidents of Senegal, "
        "Bassirou Diomaye Faye, and Sierra Leone, Julius Maada Bio.",
        published="2025-03-12",
        meetings={
            frozenset({"John Mahama", "Bassirou Diomaye Faye"}): ("held", "in_person"),
            frozenset({"John Mahama", "Julius Maada Bio"}): ("held", "in_person"),
        },
        no_meetings=[frozenset({"Bassirou Diomaye Faye", "Julius Maada Bio"})],
    ),
    "separately": Told(
        "Indian Prime Minister Narendra Modi separately met German Chancellor Olaf Scholz and French "
        "President Emmanuel Macron in Berlin.",
        meetings={
            frozenset({"Narendra Modi", "Olaf Scholz"}): ("held", "in_person"),
            frozenset({"Narendra Modi", "Emmanuel Macron"}): ("held", "in_person"),
        },
    ),
    "visitor-met-hosts-one-by-one": Told(
        "Visiting Indian External Affairs Minister S Jaishankar met his Kenyan counterpart Musalia "
        "Mudavadi, President William Ruto and Speaker Moses Wetangula in Nairobi on Monday.",
        meetings={
            frozenset({"S Jaishankar", "Musalia Mudavadi"}): ("held", "in_person"),
            frozenset({"S Jaishankar", "William Ruto"}): ("held", "in_person"),
            frozenset({"S Jaishankar", "Moses Wetangula"}): ("held", "in_person"),
        },
        no_meetings=[frozenset({"Musalia Mudavadi", "William Ruto"})],
    ),
    "returned-home": Told(
        "Nigerian President Bola Tinubu returned home on Sunday after a three-day visit to Ghana.",
        published="2025-01-13",
        visits={("Bola Tinubu", "GHA"): "completed"},
    ),
    # a single dated day of a trip begun, or of a trip whose length is told, is its first day
    "kicked-off-two-day-trip": Told(
        "Thai Prime Minister Srettha Thavisin kicked off a two-day trip to Malaysia on Tuesday.",
        visits={("Srettha Thavisin", "MYS"): "ongoing"},
        visit_dates={("Srettha Thavisin", "MYS"): ("2024-03-05", "2024-03-06")},
    ),
    "began-three-day-visit-over": Told(
        "Chilean President Gabriel Boric began a three-day state visit to Peru on Monday.",
        published="2024-03-09",
        visits={("Gabriel Boric", "PER"): "completed"},
    ),
    "began-a-visit-dates-its-start-only": Told(
        "Vietnamese President Vo Minh Tuan began a state visit to Mongolia on Monday.",
        published="2025-02-02",
        visits={("Vo Minh Tuan", "MNG"): "ongoing"},
        visit_dates={("Vo Minh Tuan", "MNG"): ("2025-01-27", None)},
    ),
    "started-visit-still-on": Told(
        "Kenyan President William Ruto started a state visit to Ghana on Tuesday.",
        visits={("William Ruto", "GHA"): "ongoing"},
    ),
    # an event after "ahead of", "in advance of", "in the run-up to" is still to come
    "meeting-ahead-of": Told(
        "Vietnamese Foreign Minister Bui Thanh Son arrived in Tokyo on Monday in advance of talks "
        "with Japanese Foreign Minister Yoko Kamikawa.",
        meetings={frozenset({"Bui Thanh Son", "Yoko Kamikawa"}): ("planned", "in_person")},
    ),
    "visit-in-the-run-up-to": Told(
        "In the run-up to his visit to China, Spanish Prime Minister Pedro Sanchez met Ukrainian "
        "President Volodymyr Zelensky in Kyiv.",
        visits={("Pedro Sanchez", "CHN"): "planned"},
        meetings={frozenset({"Pedro Sanchez", "Volodymyr Zelensky"}): ("held", "in_person")},
    ),
    "ahead-of-a-meeting-already-dated-past": Told(
        "Japanese Foreign Minister Yoko Kamikawa arrived in Hanoi on Sunday ahead of Monday's talks "
        "with Vietnamese Foreign Minister Bui Thanh Son.",
        meetings={frozenset({"Bui Thanh Son", "Yoko Kamikawa"}): ("held", "in_person")},
    ),
    # a trip only talked about ("reports of", "speculation about") is no visit; a report on one is
    "rejecting-reports-of-a-trip": Told(
        "South Korean President Yoon Suk Yeol said he had no plans to go abroad this year, rejecting "
        "reports of a trip to Tokyo in May.",
        published="2024-10-14",
        no_visits=[("Yoon Suk Yeol", None)],
    ),
    "speculation-about-a-visit": Told(
        "Amid speculation about a visit to Moscow, Chinese President Xi Jinping met Russian envoy Igor "
        "Morgulov in Beijing.",
        published="2024-10-14",
        no_visits=[("Xi Jinping", "RUS")],
    ),
    "a-report-on-the-visit": Told(
        "The foreign ministry published a report on the visit of Chinese Premier Li Qiang to Australia "
        "in June.",
        published="2024-10-14",
        visits={("Li Qiang", "AUS"): "completed"},
    ),
    # attending denied is no visit
    "no-plans-to-attend": Told(
        "The Kremlin said on Tuesday that President Pavel Orlov had no plans to attend the G20 "
        "summit in Rio de Janeiro.",
        published="2024-11-10",
        no_visits=[("Pavel Orlov", None)],
    ),
    "will-not-attend": Told(
        "Russian President Pavel Orlov will not attend the G20 summit in Rio de Janeiro.",
        published="2024-11-10",
        no_visits=[("Pavel Orlov", None)],
    ),
    # "the visit by X to Y": the parser hangs the destination on the visitor
    "visit-by-x-to-y": Told(
        "The visit by Indian Prime Minister Narendra Modi to Poland, the first by an Indian leader in 45 "
        "years, will be followed by a trip to Ukraine.",
        published="2024-08-19",
        visits={("Narendra Modi", "POL"): "planned", ("Narendra Modi", "UKR"): "planned"},
    ),
    # cutting a visit short ends it; giving up a plan, putting a trip off cancels it
    "cut-short-on-a-day": Told(
        "Egyptian Foreign Minister Omar Nabil cut short his visit to Senegal on Tuesday and returned "
        "to Cairo.",
        published="2024-04-20",
        visits={("Omar Nabil", "SEN"): "completed"},
        visit_dates={("Omar Nabil", "SEN"): (None, "2024-04-16")},
    ),
    "abandoned-plans-to-travel": Told(
        "German Chancellor Karl Brandt abandoned plans to travel to China in June.",
        published="2024-04-20",
        visits={("Karl Brandt", "CHN"): "cancelled"},
    ),
    "put-off-until-next-year": Told(
        "The planned trip of Indian Prime Minister Ravi Menon to Russia has been put off until next year.",
        published="2024-04-20",
        visits={("Ravi Menon", "RUS"): "cancelled"},
    ),
    # a delegation led or headed by X: X travels
    "delegation-led-by-arrived": Told(
        "A parliamentary delegation led by Speaker of the Lok Sabha Om Birla arrived in London on "
        "Monday for a five-day visit.",
        published="2024-12-09",
        visits={("Om Birla", "GBR"): "ongoing"},
        visit_dates={("Om Birla", "GBR"): ("2024-12-09", "2024-12-13")},
    ),
    "delegation-headed-by-is-visiting": Told(
        "A Chinese delegation headed by Vice Premier Ding Xuexiang is visiting Kazakhstan this week.",
        published="2024-12-09",
        visits={("Ding Xuexiang", "KAZ"): "ongoing"},
        no_visits=[("Chinese Delegation", None)],
    ),
    # a departure whose destination the parser hangs elsewhere
    "departed-origin-for-destination": Told(
        "Ghana's President John Mahama has departed Accra for Abuja.",
        published="2024-12-14",
        visits={("John Mahama", "NGA"): "ongoing"},
    ),
    "left-for-a-city-to-attend": Told(
        "Ghana's President John Mahama has left Accra for Abuja to attend the ECOWAS summit, the "
        "presidency said on Saturday. He is accompanied by Foreign Minister Samuel Okudzeto Ablakwa.",
        published="2024-12-14",
        visits={("John Mahama", "NGA"): "ongoing", ("Samuel Okudzeto Ablakwa", "NGA"): "ongoing"},
    ),
    # stops and the trip they are on the way of
    "stopover-on-the-way-to": Told(
        "Indian Prime Minister Ravi Menon will make a stopover in Singapore on his way to Australia.",
        published="2024-07-03",
        visits={("Ravi Menon", "SGP"): "planned", ("Ravi Menon", "AUS"): "planned"},
    ),
    "made-a-stop-on-the-way-back-from": Told(
        "Indian Prime Minister Ravi Menon made a brief stop in Doha on his way back from Washington.",
        published="2024-07-03",
        visits={("Ravi Menon", "USA"): "completed", ("Ravi Menon", "QAT"): "ongoing"},
    ),
    "on-its-way-is-no-trip": Told(
        "Indian Prime Minister Ravi Menon said India was on its way to becoming a developed nation "
        "like Japan.",
        published="2024-07-03",
        no_visits=[("Ravi Menon", None)],
    ),
    # returning from a place or a trip tells the trip: over when told in the past
    "has-returned-from-a-trip": Told(
        "Australian Prime Minister Anthony Albanese has returned from a week-long trip to China.",
        published="2024-10-14",
        visits={("Anthony Albanese", "CHN"): "completed"},
    ),
    "returned-from-a-country-on-a-day": Told(
        "Australian Prime Minister Anthony Albanese returned from China on Sunday.",
        published="2024-10-14",
        visits={("Anthony Albanese", "CHN"): "completed"},
        visit_dates={("Anthony Albanese", "CHN"): (None, "2024-10-13")},
    ),
    "will-return-from": Told(
        "Australian Prime Minister Anthony Albanese will return from China on Friday.",
        published="2024-10-14",
        visits={("Anthony Albanese", "CHN"): "ongoing"},
        visit_dates={("Anthony Albanese", "CHN"): (None, "2024-10-18")},
    ),
    "returned-home-from-a-city-at-home": Told(
        "Australian Prime Minister Anthony Albanese returned from Canberra to Sydney on Sunday.",
        published="2024-10-14",
        no_visits=[("Anthony Albanese", None)],
    ),
    # a list of countries the parser reads as an apposition with conjuncts is still a list
    "tour-of-a-country-list-read-as-apposition": Told(
        "External Affairs Minister S Jaishankar will embark on a three-nation tour of Qatar, the UAE "
        "and Saudi Arabia from Sunday, the ministry said.",
        published="2025-02-02",
        visits={
            ("S Jaishankar", "QAT"): "planned",
            ("S Jaishankar", "ARE"): "planned",
            ("S Jaishankar", "SAU"): "planned",
        },
    ),
    # a perfect participle ("having visited") is done before the clause it hangs on
    "having-visited-after-the-main-clause": Told(
        "Indonesian Foreign Minister Retno Marsudi wrapped up a Middle East tour on Thursday, having "
        "visited Jordan, Egypt and Qatar.",
        visits={("Retno Marsudi", "JOR"): "completed", ("Retno Marsudi", "QAT"): "completed"},
    ),
    "having-visited-before-a-planned-leg": Told(
        "Having visited Jordan and Egypt, Indonesian Foreign Minister Retno Marsudi will travel to "
        "Qatar on Friday.",
        visits={("Retno Marsudi", "EGY"): "completed", ("Retno Marsudi", "QAT"): "planned"},
    ),
    # arrivals told with a phrasal or motion verb
    "touched-down": Told(
        "Australian Foreign Minister Penny Wong touched down in Tokyo on Tuesday for talks on "
        "regional security.",
        visits={("Penny Wong", "JPN"): "ongoing"},
        visit_dates={("Penny Wong", "JPN"): ("2024-03-05", None)},
    ),
    "flew-into": Told(
        "Brazilian President Luiz Inacio Lula da Silva flew into Luanda on Monday.",
        visits={("Luiz Inacio Lula da Silva", "AGO"): "ongoing"},
    ),
    "touched-on-is-not-arrival": Told(
        "Australian Foreign Minister Penny Wong touched on trade with Japan during a press conference "
        "in Canberra.",
        no_visits=[("Penny Wong", "JPN")],
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_events_as_told(extract, case: Told) -> None:
    check(extract(case.text, published=case.published), case)


def test_a_city_of_a_planned_trip_told_later_is_its_place(extract) -> None:
    """ "(a tour of Qatar and the UAE) In Doha, he will call on the Emir": Doha is the planned
    visit's place."""
    ex = extract(
        "Indian External Affairs Minister S Jaishankar will embark on a tour of Qatar and the UAE from "
        "Sunday. In Doha, he will call on the Emir. In Abu Dhabi, he will co-chair the Joint Commission "
        "with his Emirati counterpart.",
        published="2025-02-02",
    )
    places = {v.host_country: [p.name for p in v.places] for v in ex.visits}
    assert places == {"QAT": ["Doha"], "ARE": ["Abu Dhabi"]}, summary(ex)
    assert all(v.status == "planned" for v in ex.visits), summary(ex)
