"""Visits: the specification as a table of short news snippets.

Every sentence is written for these tests; the officials are fictional. The expected values follow
../shared/devset/README.md: a visit is an official travelling abroad in an official capacity; status
is planned / ongoing / completed (plus cancelled in the contract) relative to ``published``; end dates
only when the text states them (a bare duration is not an end date); phone calls, virtual summits,
domestic trips, non-officials and speculation are not visits.

Reference date: 2022-12-06 (a Tuesday) unless a case gives another.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import PUBLISHED, assert_offsets, check_fields, one_visit, summary, visits_of

# (id, published, text, visitor, expected fields of that visitor's single visit)
VisitCase = tuple[str, str, str, str, dict[str, Any]]

DATE_FORM_CASES: list[VisitCase] = [
    (
        "month-day-range",
        PUBLISHED,
        "Egyptian Foreign Minister Karim Nassar will pay an official visit to Kenya on December 12-14, "
        "the foreign ministry in Cairo said.",
        "Karim Nassar",
        {
            "visitor_country": "EGY",
            "host_country": "KEN",
            "status": "planned",
            "dates.start": "2022-12-12",
            "dates.end": "2022-12-14",
            "dates.granularity": "day",
            "dates.year_inferred": True,
            "dates.text": "December 12-14",
        },
    ),
    (
        "day-month-range",
        PUBLISHED,
        "Polish President Marek Zielinski is visiting Vietnam on 5-7 December at the invitation of the "
        "Vietnamese government.",
        "Marek Zielinski",
        {
            "visitor_country": "POL",
            "host_country": "VNM",
            "status": "ongoing",
            "dates.start": "2022-12-05",
            "dates.end": "2022-12-07",
            "dates.granularity": "day",
            "dates.text": "5-7 December",
        },
    ),
    (
        "from-day-to-day-month",
        "2023-03-01",
        "Japanese Prime Minister Kenji Morita will travel to Canberra from 12 to 14 March for talks on "
        "critical minerals.",
        "Kenji Morita",
        {
            "visitor_country": "JPN",
            "host_country": "AUS",
            "places": ["Canberra"],
            "status": "planned",
            "dates.start": "2023-03-12",
            "dates.end": "2023-03-14",
            "dates.year_inferred": True,
            "dates.text__contains": "14 March",
        },
    ),
    (
        "range-across-months",
        PUBLISHED,
        "Australian Foreign Minister Claire Dawson visited Seoul from 30 November to 2 December, meeting "
        "business leaders and lawmakers.",
        "Claire Dawson",
        {
            "visitor_country": "AUS",
            "host_country": "KOR",
            "places": ["Seoul"],
            "status": "completed",
            "dates.start": "2022-11-30",
            "dates.end": "2022-12-02",
            "dates.granularity": "day",
        },
    ),
    (
        "weekday-past-duration-gives-the-end",
        "2022-12-07",  # a Wednesday: "on Tuesday" is the day before
        "Nigerian President Musa Adebayo arrived in Accra on Tuesday for a two-day working visit.",
        "Musa Adebayo",
        {
            "visitor_country": "NGA",
            "host_country": "GHA",
            "places": ["Accra"],
            "status": "ongoing",
            # devset convention: a start day and a duration give the end
            "dates.start": "2022-12-06",
            "dates.end": "2022-12-07",
            "dates.granularity": "day",
            "dates.text__contains": "Tuesday",
        },
    ),
    (
        "weekday-future",
        "2022-12-05",  # a Monday: "on Tuesday" is the next day
        "Mexican Foreign Minister Laura Ortega will visit Riyadh on Tuesday, her ministry said.",
        "Laura Ortega",
        {
            "visitor_country": "MEX",
            "host_country": "SAU",
            "places": ["Riyadh"],
            "status": "planned",
            "dates.start": "2022-12-06",
            "dates.end": "2022-12-06",
        },
    ),
    (
        "next-week",
        PUBLISHED,
        "French President Jean Dumas is set to travel to New Delhi next week for a state visit.",
        "Jean Dumas",
        {
            "visitor_country": "FRA",
            "host_country": "IND",
            "places": ["New Delhi"],
            "status": "planned",
            "dates.start": "2022-12-12",
            "dates.end": "2022-12-18",
            "dates.granularity": "week",
        },
    ),
    (
        "in-month",
        "2023-04-10",
        "Saudi Foreign Minister Faisal Al-Rashid plans to visit Tokyo in May, officials said.",
        "Faisal Al-Rashid",
        {
            "visitor_country": "SAU",
            "host_country": "JPN",
            "places": ["Tokyo"],
            "status": "planned",
            "dates.start": "2023-05-01",
            "dates.end": "2023-05-31",
            "dates.granularity": "month",
        },
    ),
    (
        "last-month",
        PUBLISHED,
        "South Korean Prime Minister Han Seo-jun visited Warsaw last month, where he signed a defence "
        "agreement.",
        "Han Seo-jun",
        {
            "visitor_country": "KOR",
            "host_country": "POL",
            "places": ["Warsaw"],
            "status": "completed",
            "dates.start": "2022-11-01",
            "dates.end": "2022-11-30",
            "dates.granularity": "month",
        },
    ),
    (
        "until-day",
        "2023-03-20",
        "Vietnamese Prime Minister Tran Van Long is in Japan until March 25 on an official visit.",
        "Tran Van Long",
        {
            "visitor_country": "VNM",
            "host_country": "JPN",
            "status": "ongoing",
            "dates.start": None,
            "dates.end": "2023-03-25",
        },
    ),
    (
        "has-arrived-without-date",
        PUBLISHED,
        "Indian External Affairs Minister Arjun Mehta has arrived in Mexico City on a two-day visit.",
        "Arjun Mehta",
        {
            "visitor_country": "IND",
            "host_country": "MEX",
            "places": ["Mexico City"],
            "status": "ongoing",
            # devset convention (fra-macron: "'Has arrived' = start <published>"): the arrival is the
            # publication day, and with the two-day duration it gives the end
            "dates.start": "2022-12-06",
            "dates.end": "2022-12-07",
        },
    ),
]

STATUS_CASES: list[VisitCase] = [
    (
        "planned-scheduled-to",
        PUBLISHED,
        "Polish Foreign Minister Adam Kowal is scheduled to visit Abuja on Thursday.",
        "Adam Kowal",
        {"visitor_country": "POL", "host_country": "NGA", "status": "planned", "dates.start": "2022-12-08"},
    ),
    (
        "ongoing-is-in",
        PUBLISHED,
        "German Chancellor Paul Brandt is in Hanoi for talks on trade and energy.",
        "Paul Brandt",
        {"visitor_country": "DEU", "host_country": "VNM", "places": ["Hanoi"], "status": "ongoing"},
    ),
    (
        "ongoing-currently-in",
        PUBLISHED,
        "Japanese Foreign Minister Hiro Sato, currently in Cairo, said the two countries would sign a new "
        "investment treaty.",
        "Hiro Sato",
        {"visitor_country": "JPN", "host_country": "EGY", "places": ["Cairo"], "status": "ongoing"},
    ),
    (
        "completed-returned-from",
        PUBLISHED,
        "Mexican President Ana Ruiz returned from a three-day trip to Brazil on Sunday.",
        "Ana Ruiz",
        {
            "visitor_country": "MEX",
            "host_country": "BRA",
            "status": "completed",
            "dates.start": "2022-12-02",
            "dates.end": "2022-12-04",
        },
    ),
    (
        "completed-concluded",
        "2022-03-22",
        "Egyptian Foreign Minister Karim Nassar concluded a two-day visit to Pakistan on Monday.",
        "Karim Nassar",
        {"visitor_country": "EGY", "host_country": "PAK", "status": "completed", "dates.end": "2022-03-21"},
    ),
    (
        "cancelled-called-off",
        PUBLISHED,
        "Italian Prime Minister Marco Bellini has called off his planned visit to Ankara, citing the "
        "political crisis at home.",
        "Marco Bellini",
        {"visitor_country": "ITA", "host_country": "TUR", "status": "cancelled"},
    ),
    (
        "cancelled-cancelled",
        PUBLISHED,
        "Brazilian Foreign Minister Paulo Reis cancelled a trip to Buenos Aires that had been scheduled "
        "for next week.",
        "Paulo Reis",
        {"visitor_country": "BRA", "host_country": "ARG", "status": "cancelled"},
    ),
    (
        "cancelled-postponed",
        PUBLISHED,
        "Egyptian President Omar Fathy has postponed his visit to Rome, which had been set for December 14.",
        "Omar Fathy",
        {"visitor_country": "EGY", "host_country": "ITA", "status": "cancelled"},
    ),
]

COUNTRY_CASES: list[VisitCase] = [
    # the trip's destination hung on the verb whose object the trip is
    (
        "opened-a-visit-to",
        PUBLISHED,
        "Brazilian President Rafael Moura opened his state visit to Portugal on Saturday with talks with "
        "Prime Minister Nuno Reis.",
        "Rafael Moura",
        {"visitor_country": "BRA", "host_country": "PRT", "dates.start": "2022-12-03"},
    ),
    # where a trip begins is its first stop
    (
        "commenced-a-tour-in",
        PUBLISHED,
        "Chancellor Olaf Brandt of Germany commenced his tour of West Africa in Dakar on Sunday.",
        "Olaf Brandt",
        {"host_country": "SEN", "places": ["Dakar"], "dates.start": "2022-12-04"},
    ),
    (
        "started-a-gulf-tour-in",
        PUBLISHED,
        "The Japanese prime minister, Aiko Sato, started her Gulf tour in Doha on Monday.",
        "Aiko Sato",
        {"visitor_country": "JPN", "host_country": "QAT", "dates.start": "2022-12-05"},
    ),
    (
        "launched-a-tour-to",
        PUBLISHED,
        "Chilean Foreign Minister Ana Rios launched her week-long tour to Japan on Sunday with a "
        "speech in Tokyo.",
        "Ana Rios",
        {"visitor_country": "CHL", "host_country": "JPN", "dates.start": "2022-12-04"},
    ),
    (
        "visitor-from-possessive",
        PUBLISHED,
        "Kenya's Foreign Minister Alice Wanjiru visited Beijing on Monday to discuss debt relief.",
        "Alice Wanjiru",
        {
            "visitor_country": "KEN",
            "host_country": "CHN",
            "places": ["Beijing"],
            "status": "completed",
            "dates.start": "2022-12-05",
        },
    ),
    (
        "visitor-from-departure-city",
        PUBLISHED,
        "Prime Minister Hiroshi Tanaka left Tokyo for Manila on Sunday to attend a regional summit.",
        "Hiroshi Tanaka",
        {
            "visitor_country": "JPN",
            "host_country": "PHL",
            "places": ["Manila"],
            "status": "ongoing",
            "dates.start": "2022-12-04",
        },
    ),
    (
        "host-from-city",
        PUBLISHED,
        "Turkish Foreign Minister Emre Yilmaz arrived in Nairobi on Monday for talks on regional security.",
        "Emre Yilmaz",
        {
            "visitor_country": "TUR",
            "host_country": "KEN",
            "place_ids": ["city:nairobi"],
            "status": "ongoing",
            "dates.start": "2022-12-05",
        },
    ),
    (
        "host-from-capital-alias",
        PUBLISHED,
        "Estonian Prime Minister Liisa Tamm arrived in Kiev on Monday on her first trip abroad this year.",
        "Liisa Tamm",
        {"visitor_country": "EST", "host_country": "UKR", "places": ["Kyiv"], "status": "ongoing"},
    ),
    (
        "host-from-ambiguous-capital",
        PUBLISHED,
        "Saudi Foreign Minister Faisal Al-Rashid arrived in Washington on Monday for two days of talks.",
        "Faisal Al-Rashid",
        {"visitor_country": "SAU", "host_country": "USA", "places": ["Washington"], "status": "ongoing"},
    ),
    (
        "host-from-hosted",
        PUBLISHED,
        "Kenyan President Samuel Otieno hosted German Chancellor Paul Brandt at State House in Nairobi on "
        "Monday.",
        "Paul Brandt",
        {
            "visitor_country": "DEU",
            "host_country": "KEN",
            "status__in": ("ongoing", "completed"),
            # devset convention: a visit known only through a dated meeting keeps null dates
            "dates": None,
        },
    ),
    (
        "host-from-the-demonym-city",
        PUBLISHED,
        "Mexican President Lucia Ortega, who arrived in the Brazilian city on Sunday, held talks with "
        "French President Paul Girard on Monday.",
        "Lucia Ortega",
        {"visitor_country": "MEX", "host_country": "BRA", "status": "ongoing", "dates.start": "2022-12-04"},
    ),
    (
        "host-from-the-demonym-capital",
        PUBLISHED,
        "Irish Foreign Minister Sean Walsh arrived in the Kazakh capital on Monday at the start of a "
        "four-day tour of Central Asia.",
        "Sean Walsh",
        {"visitor_country": "IRL", "host_country": "KAZ", "status": "ongoing", "dates.start": "2022-12-05"},
    ),
    (
        "nigerian-style-title-comma-amb-and-who-is-in",
        "2025-03-13",
        "ABUJA - The Minister of Foreign Affairs, Amb. Musa Danladi, says Nigeria and Peru have agreed to "
        "expand trade.\n\nDanladi, who is in Peru from 12 to 14 March on a working visit, made this known "
        "in Lima on Wednesday.",
        "Musa Danladi",
        {
            "visitor.office": "Foreign Minister",
            "visitor_country": "NGA",
            "host_country": "PER",
            "status": "ongoing",
            "dates.start": "2025-03-12",
            "dates.end": "2025-03-14",
        },
    ),
    (
        "a-date-since-taking-office-is-not-the-trips",
        PUBLISHED,
        "Chilean President Marta Rios arrived in Lima on Monday, her first trip abroad since taking office "
        "last month.",
        "Marta Rios",
        {"host_country": "PER", "status": "ongoing", "dates.start": "2022-12-05", "dates.text": "Monday"},
    ),
]


def _check_case(extract: Any, published: str, text: str, visitor: str, expected: dict[str, Any]) -> None:
    ex = extract(text, published=published)
    assert_offsets(text, ex)
    visit = one_visit(ex, visitor)
    check_fields(visit, expected, ex)
    assert visit.visitor.name == visitor
    assert visit.rule.startswith("visit."), visit.rule
    assert 0.0 <= visit.confidence <= 1.0
    assert visit.evidence, "a visit must carry evidence"
    if visit.dates is not None and visit.dates.span is not None:
        assert visit.dates.span.text in text


@pytest.mark.parametrize(
    ("published", "text", "visitor", "expected"),
    [c[1:] for c in DATE_FORM_CASES],
    ids=[c[0] for c in DATE_FORM_CASES],
)
def test_visit_date_forms(extract, published, text, visitor, expected):
    _check_case(extract, published, text, visitor, expected)


@pytest.mark.parametrize(
    ("published", "text", "visitor", "expected"),
    [c[1:] for c in STATUS_CASES],
    ids=[c[0] for c in STATUS_CASES],
)
def test_visit_status(extract, published, text, visitor, expected):
    _check_case(extract, published, text, visitor, expected)


@pytest.mark.parametrize(
    ("published", "text", "visitor", "expected"),
    [c[1:] for c in COUNTRY_CASES],
    ids=[c[0] for c in COUNTRY_CASES],
)
def test_visit_countries(extract, published, text, visitor, expected):
    _check_case(extract, published, text, visitor, expected)


# --------------------------------------------------------------------- several destinations, companions
MULTI_DEST_CASES = [
    (
        "three-countries-next-week",
        "Chinese Foreign Minister Wang Lei will visit Egypt, Tunisia and Morocco next week.",
        "Wang Lei",
        "CHN",
        {"EGY", "TUN", "MAR"},
        "planned",
    ),
    (
        "toured-two-countries-last-month",
        "Indian Prime Minister Ravi Kumar toured Kenya and Tanzania last month, signing trade deals in both.",
        "Ravi Kumar",
        "IND",
        {"KEN", "TZA"},
        "completed",
    ),
    (
        "cities-in-two-countries",
        "Nigerian Foreign Minister Bola Okafor will travel to Paris and Berlin later this week.",
        "Bola Okafor",
        "NGA",
        {"FRA", "DEU"},
        "planned",
    ),
]


@pytest.mark.parametrize(
    ("text", "visitor", "visitor_country", "hosts", "status"),
    [c[1:] for c in MULTI_DEST_CASES],
    ids=[c[0] for c in MULTI_DEST_CASES],
)
def test_visit_several_destinations(extract, text, visitor, visitor_country, hosts, status):
    ex = extract(text)
    assert_offsets(text, ex)
    visits = visits_of(ex, visitor)
    assert {v.host_country for v in visits} == hosts, summary(ex)
    assert len(visits) == len(hosts), summary(ex)
    for v in visits:
        assert v.visitor_country == visitor_country, summary(ex)
        assert v.status == status, summary(ex)


COMPANION_CASES = [
    (
        "accompanied-by",
        "French President Jean Dumas, accompanied by Foreign Minister Claire Lenoir, arrived in Hanoi on "
        "Monday.",
        ["Jean Dumas", "Claire Lenoir"],
        {"visitor_country": "FRA", "host_country": "VNM", "status": "ongoing", "dates.start": "2022-12-05"},
    ),
    (
        "travel-with",
        "Japanese Prime Minister Kenji Morita will travel to Canberra next week with Foreign Minister Hiro "
        "Sato.",
        ["Kenji Morita", "Hiro Sato"],
        {"visitor_country": "JPN", "host_country": "AUS", "status": "planned", "dates.start": "2022-12-12"},
    ),
    (
        "pronoun-is-accompanied-by-a-list",
        "Chilean President Ana Fuentes arrived in Hanoi on Monday for a state visit to Vietnam. She is "
        "accompanied by Foreign Minister Pablo Mena, Minister of Industry and Trade Rosa Ibarra and other "
        "senior officials.",
        ["Ana Fuentes", "Pablo Mena", "Rosa Ibarra"],
        {"visitor_country": "CHL", "host_country": "VNM", "status": "ongoing"},
    ),
    (
        "accompanied-throughout-the-trip-by",
        "Greek Foreign Minister Nikos Sarris arrived in Cairo on Monday. He is accompanied throughout the "
        "trip by Eleni Vlachou, the ministry's special envoy for the Middle East.",
        ["Nikos Sarris", "Eleni Vlachou"],
        {"visitor_country": "GRC", "host_country": "EGY", "status": "ongoing"},
    ),
    (
        "was-joined-there-by",
        "Egyptian Foreign Minister Omar Fathy arrived in Nairobi on Monday. He was joined there on Tuesday "
        "by Minister of Irrigation and Water Resources Samir Adel.",
        ["Omar Fathy", "Samir Adel"],
        {"visitor_country": "EGY", "host_country": "KEN", "status": "ongoing"},
    ),
    (
        "his-delegation-includes",
        "Polish Defence Minister Jan Nowak arrived in Seoul on Monday for a three-day visit to South Korea. "
        "His delegation includes Deputy Defence Minister Adam Lis.",
        ["Jan Nowak", "Adam Lis"],
        {"visitor_country": "POL", "host_country": "KOR", "status": "ongoing"},
    ),
    (
        "with-a-delegation-that-includes",
        "Polish Defence Minister Jan Nowak arrived in Seoul on Monday with a delegation that includes Deputy "
        "Defence Minister Adam Lis.",
        ["Jan Nowak", "Adam Lis"],
        {"visitor_country": "POL", "host_country": "KOR", "status": "ongoing"},
    ),
    (
        "also-on-the-trip-are",
        "Polish Defence Minister Jan Nowak arrived in Seoul on Monday for a three-day visit to South Korea. "
        "Also on the trip are Deputy Defence Minister Adam Lis and Deputy Foreign Minister Ewa Kot.",
        ["Jan Nowak", "Adam Lis", "Ewa Kot"],
        {"visitor_country": "POL", "host_country": "KOR", "status": "ongoing"},
    ),
    (
        "who-is-travelling-with-the-minister",
        "Polish Defence Minister Jan Nowak arrived in Seoul on Monday. Deputy Defence Minister Adam Lis, who "
        "is travelling with the minister, said the talks would focus on tanks.",
        ["Jan Nowak", "Adam Lis"],
        {"visitor_country": "POL", "host_country": "KOR", "status": "ongoing"},
    ),
    (
        "will-accompany-him",
        "Vietnamese Prime Minister Van Minh Tran will pay an official visit to Turkey from June 3 to 5. "
        "Foreign Minister Le Van Hoa and Trade Minister Dang Thi Lan will accompany him.",
        ["Van Minh Tran", "Le Van Hoa", "Dang Thi Lan"],
        {"visitor_country": "VNM", "host_country": "TUR", "status": "planned", "dates.start": "2023-06-03"},
    ),
    (
        "led-a-delegation-comprising",
        "Polish Defence Minister Jan Nowak led a delegation comprising Deputy Defence Minister Adam Lis and "
        "Deputy Foreign Minister Ewa Kot to Seoul on Monday.",
        ["Jan Nowak", "Adam Lis", "Ewa Kot"],
        {"visitor_country": "POL", "host_country": "KOR"},
    ),
    (
        "the-state-leader-qualified-by-a-demonym",
        # "the Vietnamese State leader" was resolved to the host president ("State" broke the demonym)
        "President Van Minh Tran and Portuguese President Rui Costa held talks in Lisbon on Tuesday. The "
        "Vietnamese State leader is paying a state visit to Portugal. He is accompanied by Foreign Minister "
        "Le Van Hoa.",
        ["Van Minh Tran", "Le Van Hoa"],
        {"visitor_country": "VNM", "host_country": "PRT"},
    ),
]


@pytest.mark.parametrize(
    ("text", "visitors", "expected"),
    [c[1:] for c in COMPANION_CASES],
    ids=[c[0] for c in COMPANION_CASES],
)
def test_visit_companions_are_visitors(extract, text, visitors, expected):
    ex = extract(text)
    assert_offsets(text, ex)
    for name in visitors:
        check_fields(one_visit(ex, name), expected, ex)


# ------------------------------------------------------------------------------------- no visit at all
NO_VISIT_CASES = [
    (
        "phone-call",
        "Japanese Foreign Minister Taro Kimura held a phone call with his Chinese counterpart Wang Lei on "
        "Monday.",
    ),
    (
        "spoke-by-telephone",
        "Polish President Marek Zielinski spoke by telephone with Ukrainian President Oleh Marchenko about "
        "air defence.",
    ),
    (
        "virtual-summit",
        "Indian Prime Minister Ravi Kumar and Australian Prime Minister Tom Baker held a virtual summit on "
        "Thursday.",
    ),
    (
        "addressed-by-video-link",
        "Ukrainian President Oleh Marchenko addressed the conference in Geneva by video link on Monday.",
    ),
    ("refugees", "More than 2,000 Ukrainian refugees arrived in Warsaw on Monday, city officials said."),
    ("tourists", "Chinese tourists are returning to Thailand in large numbers after the borders reopened."),
    ("football-fans", "Thousands of Argentine fans travelled to Doha for the World Cup final."),
    (
        "domestic-city-visit",
        "French President Jean Dumas visited Marseille on Monday to open a new port terminal.",
    ),
    (
        "domestic-arrival",
        "Indian Prime Minister Ravi Kumar arrived in Mumbai on Monday to inaugurate a metro line.",
    ),
    ("speculated", "It is unclear whether Chinese President Zhao Ming will visit Moscow next month."),
    (
        "negated-no-plans",
        "Egyptian Foreign Minister Karim Nassar has no plans to visit Israel, his spokesman said.",
    ),
    (
        "negated-will-not",
        "Italian Prime Minister Marco Bellini will not travel to Ankara this week, his office said.",
    ),
    (
        "ambassador-takes-up-post",
        "Anna Berg, Sweden's new ambassador to Canada, arrived in Ottawa on Monday to take up her post.",
    ),
    (
        "resident-ambassador-attends",
        "Sweden's ambassador in Ottawa, Anna Berg, attended a reception at the Canadian parliament "
        "on Monday.",
    ),
    (
        "football-team",
        "Brazil's national football team arrived in Doha on Sunday ahead of the quarter-final "
        "against Croatia.",
    ),
    ("company-chief", "Toyota chief executive Akio Mori visited the company's plant in Kentucky on Monday."),
    (
        "business-delegation",
        "A delegation of German business leaders arrived in Nairobi on Monday to explore investment in solar "
        "power.",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_VISIT_CASES], ids=[c[0] for c in NO_VISIT_CASES])
def test_no_visit(extract, text):
    ex = extract(text)
    assert_offsets(text, ex)
    assert ex.visits == [], summary(ex)


# --------------------------------------------------------------------------------- evidence of a visit
def test_visit_evidence_covers_the_trigger(extract):
    text = "Turkish Foreign Minister Emre Yilmaz arrived in Nairobi on Monday for talks on regional security."
    ex = extract(text)
    visit = one_visit(ex, "Emre Yilmaz", "KEN")
    assert_offsets(text, ex)
    start = text.index("arrived")
    assert any(s.start <= start < s.end for s in visit.evidence), visit.evidence
    assert visit.rule == "visit.arrived"


def test_visit_without_published_keeps_partial_dates(extract):
    text = "Egyptian Foreign Minister Karim Nassar will pay an official visit to Kenya on December 12-14."
    ex = extract(text, published=None)
    visit = one_visit(ex, "Karim Nassar", "KEN")
    check_fields(
        visit,
        {
            "dates.start": None,
            "dates.end": None,
            "dates.start_partial": "--12-12",
            "dates.end_partial": "--12-14",
            "status": "planned",
        },
        ex,
    )


def test_a_past_trip_and_a_planned_one_to_the_same_country_are_two_visits(extract):
    text = (
        "Nigerian President Musa Adebayo attended a summit of African leaders in Beijing last September. "
        "The foreign minister said preparations were under way for a state visit by "
        "Adebayo to China later this year."
    )
    ex = extract(text, published="2025-03-13")
    assert_offsets(text, ex)
    trips = sorted(visits_of(ex, "Musa Adebayo"), key=lambda v: v.dates.start if v.dates else "")
    assert [(v.host_country, v.status) for v in trips] == [("CHN", "completed"), ("CHN", "planned")], summary(
        ex
    )
    assert trips[0].dates is not None and trips[0].dates.start == "2024-09-01", summary(ex)
    assert trips[1].dates is not None and trips[1].dates.start == "2025-03-14", summary(ex)


def test_two_mentions_of_one_planned_trip_stay_one_visit(extract):
    # a stray date deep in a later sentence ("next year's summit") must not split a planned trip
    text = (
        "Polish President Marek Zielinski will visit Paris on Wednesday. The minister said Zielinski "
        "treated his Paris visit as the start of a dialogue on next year's NATO summit in Warsaw."
    )
    ex = extract(text, published="2015-10-27")
    assert [v.host_country for v in visits_of(ex, "Marek Zielinski")] == ["FRA"], summary(ex)


def test_a_spokesperson_briefing_on_the_visit_is_no_companion(extract):
    text = (
        "Indian External Affairs Minister Arjun Mehta arrived in Santiago on Monday for a visit to Chile. "
        "Briefing reporters on the visit, ministry spokesperson Ravi Kumar said India was keen to expand "
        "trade in copper and lithium."
    )
    ex = extract(text)
    assert [v.visitor.name for v in ex.visits] == ["Arjun Mehta"], summary(ex)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NEW DELHI, Oct 28 (PTI) - Ghanaian President Kofi Mensah and Kenyan President Samuel Otieno "
            "arrived on Monday for the India-Africa Forum Summit.",
            [("Kofi Mensah", "IND", "ongoing"), ("Samuel Otieno", "IND", "ongoing")],
        ),
        (
            "NEW DELHI, Oct 28 (PTI) - Kenyan President Samuel Otieno is expected to arrive on Thursday for "
            "the summit.",
            [("Samuel Otieno", "IND", "planned")],
        ),
        (
            "NEW DELHI, Oct 28 (PTI) - Ghanaian President Kofi Mensah arrived in the national capital on "
            "Monday.",
            [("Kofi Mensah", "IND", "ongoing")],
        ),
        # the story's own official arriving somewhere unnamed is no visit
        ("NEW DELHI, Oct 28 (PTI) - Indian Prime Minister Arjun Mehta arrived on Monday.", []),
        # without a dateline nothing says where
        ("Kenyan President Samuel Otieno arrived on Monday for the summit.", []),
        # place, date and agency with no dash before the story ("New Delhi, Oct 28 (PTI) Ghanaian ...")
        (
            "New Delhi, Oct 28 (PTI) Ghanaian President Kofi Mensah arrived on Monday for the summit.",
            [("Kofi Mensah", "IND", "ongoing")],
        ),
    ],
    ids=[
        "arrived-no-place",
        "expected-to-arrive",
        "the-national-capital",
        "own-official",
        "no-dateline",
        "agency-without-dash",
    ],
)
def test_an_arrival_without_a_place_is_at_the_dateline(extract, text, expected):
    ex = extract(text, published="2025-10-28")
    assert_offsets(text, ex)
    assert sorted((v.visitor.name, v.host_country, v.status) for v in ex.visits) == expected, summary(ex)


def test_summit_arrivals_in_a_story_filed_from_home(extract):
    # Filed from Abuja about a summit in Accra: arrivals without a place are in the city the story
    # last sent someone to, not at the dateline.
    text = (
        "ABUJA, March 12 (NAN) - Preparations were under way in the Ghanaian capital, where Senegalese "
        "President Amadou Fall arrived on Tuesday. Gambian President Musa Jallow has been in Ghana since "
        "Monday. Liberian President Joseph Kollie and Guinean President Sekou Bah are expected in Accra on "
        "Wednesday evening. Togolese President Kodjo Mensah will arrive on Thursday morning, officials said."
    )
    ex = extract(text, published="2025-03-12")
    assert_offsets(text, ex)
    got = sorted((v.visitor.name, v.host_country, v.status) for v in ex.visits)
    assert got == [
        ("Amadou Fall", "GHA", "ongoing"),
        ("Joseph Kollie", "GHA", "planned"),
        ("Kodjo Mensah", "GHA", "planned"),
        ("Musa Jallow", "GHA", "ongoing"),
        ("Sekou Bah", "GHA", "planned"),
    ], summary(ex)


def test_companions_of_a_coming_trip_are_not_put_on_a_past_one(extract):
    text = (
        "ABUJA - Nigerian President Musa Adebayo was last in Accra on January 7 for an inauguration. "
        "According to the statement, the President will be accompanied on his next trip by Foreign "
        "Minister Ali Bello."
    )
    ex = extract(text, published="2025-03-12")
    assert [v.visitor.name for v in ex.visits] == ["Musa Adebayo"], summary(ex)


def test_an_old_meeting_does_not_start_a_planned_visit(extract):
    # (an invitation alone, without an agreed date, is no visit: test_events_as_told)
    text = (
        "Polish President Adam Nowak last visited Astana in June last year, when he and Kazakh President "
        "Erlan Seitov discussed energy. Seitov will pay an official visit to Poland later this year, the "
        "ministry said."
    )
    ex = extract(text, published="2025-06-09")
    visit = next(v for v in ex.visits if v.visitor.name == "Erlan Seitov")
    assert (visit.host_country, visit.status) == ("POL", "planned"), summary(ex)


def test_an_unnamed_delegation_on_a_named_officials_trip_is_not_another_visit(extract):
    text = (
        "Vietnamese Prime Minister Van Minh Tran arrived in Lima on Monday for an official visit to Peru. "
        "Peruvian President Rosa Castillo welcomed the Vietnamese delegation at the Government Palace."
    )
    ex = extract(text)
    assert [(v.visitor.name, v.host_country) for v in ex.visits] == [("Van Minh Tran", "PER")], summary(ex)


def test_an_unnamed_delegation_alone_is_still_a_visit(ungated):
    ex = ungated.extract(
        "Peruvian President Rosa Castillo welcomed a Vietnamese delegation at the Government Palace in "
        "Lima on Monday.",
        published="2022-12-06",
    )
    assert [(v.visitor.named, v.visitor_country, v.host_country) for v in ex.visits] == [
        (False, "VNM", "PER")
    ], summary(ex)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (  # Indian English: "emplane for home" ends the visit
            "Indian President Asha Rao arrived in Hanoi on Tuesday for a state visit to Vietnam. She will "
            "emplane for home on Friday, officials said.",
            ("2025-10-14", "2025-10-17"),
        ),
        (  # a return dated before the arrival is not taken as the end
            "Indian President Asha Rao arrived in Hanoi on Tuesday for a state visit to Vietnam. She left "
            "for home on Friday.",
            ("2025-10-14", None),
        ),
    ],
    ids=["emplane-for-home", "never-ends-before-it-starts"],
)
def test_going_home_ends_the_visit(extract, text, dates):
    ex = extract(text, published="2025-10-14")
    visit = next(v for v in ex.visits if v.visitor.name == "Asha Rao")
    assert visit.dates is not None and (visit.dates.start, visit.dates.end) == dates, summary(ex)


def test_the_filing_date_of_a_dateline_without_dash_dates_nothing(extract):
    """ "Lima, Oct 7 (Andina) ... returned home on Sunday": the trip ends on Sunday, not on the
    dateline's day."""
    text = (
        "Lima, Oct 7 (Andina) Peruvian Foreign Minister Elena Ruiz returned home on Sunday after a "
        "visit to Mexico."
    )
    ex = extract(text, published="2024-10-07")
    (v,) = [v for v in ex.visits if v.host_country == "MEX"]
    assert v.dates is not None and v.dates.end == "2024-10-06", summary(ex)


def test_a_second_destination_the_parser_coordinates_with_a_preposition(extract) -> None:
    # "and then to Brunei" hangs on "for a speech": Brunei was no destination
    text = (
        "British Foreign Secretary John Carr travels Thursday to Singapore for a speech and then to "
        "Brunei for a meeting of foreign ministers."
    )
    ex = extract(text, published="2012-04-25")
    assert {v.host_country for v in ex.visits if v.visitor.name == "John Carr"} == {"SGP", "BRN"}, summary(ex)


def test_accompanied_by_a_title_and_a_name_after_it(extract) -> None:
    # the parser hangs the name on "He", which then stood for the minister herself
    text = (
        "Ghanaian President Kofi Mensah left Accra this morning for Bamako.\n\nHe was accompanied by the "
        "Minister for Foreign Affairs, Efua Ayorkor Mensah who is also the Member of Parliament for Ablekuma."
    )
    ex = extract(text, published="2020-07-23")
    hosts = {(v.visitor.name, v.host_country) for v in ex.visits}
    assert {("Kofi Mensah", "MLI"), ("Efua Ayorkor Mensah", "MLI")} <= hosts, summary(ex)


@pytest.mark.parametrize("verb", ["travelled", "traveled", "flew"])
def test_a_companion_told_by_his_own_past_travel_verb_shares_that_leg_only(extract, verb):
    """ "X, who travelled to Accra with Y, will address a forum on Tuesday": X's leg has Y's days
    (the companion's own verb tells its time, not the sentence's main verb), and Y's legs still
    ahead are not put on X."""
    text = (
        "Dutch Foreign Minister Pieter de Vries arrived in Accra on Monday for a two-day visit, the "
        "first leg of a tour that will also take him to Togo. Trade Minister Anna Smit, who "
        f"{verb} to Accra with de Vries, will address a business forum on Tuesday before returning home."
    )
    ex = extract(text, published="2024-10-21")
    smit = [v for v in ex.visits if v.visitor.name == "Anna Smit"]
    assert [v.host_country for v in smit] == ["GHA"], summary(ex)
    assert smit[0].dates is not None
    assert (smit[0].dates.start, smit[0].dates.end) == ("2024-10-21", "2024-10-22")


@pytest.mark.parametrize(
    ("text", "host", "start"),
    [
        (
            "Finnish Prime Minister Aino Koski arrived in Ottawa on Sunday. It was her first visit to "
            "Canada as prime minister; she last travelled there in 2019, when she was finance minister.",
            "CAN",
            "2019-01-01",
        ),
        (
            "KYIV - German Foreign Minister Anna Weber said the talks went well. She last went there in "
            "March.",
            "UKR",
            "2024-03-01",
        ),
    ],
    ids=["there-after-a-destination", "there-under-a-dateline"],
)
def test_there_is_the_place_told_last(extract, text, host, start) -> None:
    ex = extract(text, published="2024-05-16")
    starts = [v.dates.start for v in ex.visits if v.host_country == host and v.dates]
    assert start in starts, summary(ex)


def test_a_companion_of_this_trip_is_not_put_on_a_visit_in_passing(extract) -> None:
    text = (
        "Finnish Prime Minister Aino Koski returned to Helsinki on Wednesday after a four-day visit to "
        "Canada. It was her first visit as prime minister; she last travelled there in 2019. Koski was "
        "accompanied by Trade Minister Ville Salo."
    )
    ex = extract(text, published="2024-05-16")
    salo = [v for v in ex.visits if v.visitor.name == "Ville Salo"]
    assert len(salo) == 1 and salo[0].dates is not None and salo[0].dates.start == "2024-05-12", summary(ex)


@pytest.mark.parametrize(
    ("text", "visitors"),
    [
        (
            "ARUSHA - The one-day summit of East African leaders in Arusha, chaired by South Sudanese "
            "President Salva Kiir, also brought together Burundi's Évariste Ndayishimiye and Rwandan Prime "
            "Minister Édouard Ngirente.",
            {("Salva Kiir", "TZA"), ("Évariste Ndayishimiye", "TZA"), ("Édouard Ngirente", "TZA")},
        ),
        (
            "The investment forum in Doha drew Kenyan President William Ruto and Ghanaian President John "
            "Mahama.",
            {("William Ruto", "QAT"), ("John Mahama", "QAT")},
        ),
    ],
    ids=["chaired-by-and-brought-together", "drew"],
)
def test_an_event_that_brings_leaders_together_makes_them_visitors(extract, text, visitors) -> None:
    ex = extract(text, published="2024-09-15")
    assert {(v.visitor.name, v.host_country) for v in ex.visits} == visitors, summary(ex)


def test_what_draws_no_people_is_no_visit(extract) -> None:
    ex = extract(
        "The crisis drew Kenyan President William Ruto into the talks in Doha.", published="2024-09-15"
    )
    assert ex.visits == [], summary(ex)


def test_a_companion_of_a_trip_dated_only_by_its_year_still_travels(extract) -> None:
    """Regression: the rule that keeps companions off a visit in passing dropped them from the
    only trip told when that trip had a year and no day."""
    text = (
        "Chilean President Rosa Vidal visited Japan in 2023, accompanied by Foreign Minister Pablo Soto. "
        "The trip opened a new chapter in trade, the ministry said."
    )
    ex = extract(text, published="2025-03-14")
    assert ("Pablo Soto", "JPN") in {(v.visitor.name, v.host_country) for v in ex.visits}, summary(ex)
