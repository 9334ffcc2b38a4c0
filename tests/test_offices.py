"""The office taxonomy: titles as written map to one normalised office, a category and a country.

National variants ("Secretary of State", "External Affairs Minister", "Premier", "Chancellor") map to
one normalised office and keep the title as written; a title used by several countries ("Foreign
Secretary": the United Kingdom and India) gives no country. The second table runs sentences written
for it through the extractor and checks the office, title and category of the person named.
"""

from __future__ import annotations

import pytest

from visitextract import Extractor
from visitextract.models import Extraction
from visitextract.normalize.offices import default_taxonomy, same_office

# title as written -> (office, category, country)
NORMALIZE = [
    # heads of state and government, and their national variants
    ("President", "President", "head_of_state", None),
    ("Prime Minister", "Prime Minister", "head_of_government", None),
    ("Premier", "Prime Minister", "head_of_government", None),
    # portfolios joined by "and", as governments name them
    ("Minister of Industry and Trade", "Trade Minister", "trade_minister", None),
    ("Minister of Irrigation and Water Resources", "Water Resources Minister", "water_minister", None),
    ("Minister of Foreign Affairs and Cooperation", "Foreign Minister", "foreign_minister", None),
    ("Minister of Environment and Climate Change", "Environment Minister", "environment_minister", None),
    ("Chancellor", "Chancellor", "head_of_government", None),
    ("Federal Chancellor", "Chancellor", "head_of_government", None),
    ("Taoiseach", "Prime Minister", "head_of_government", "IRL"),
    ("Head of Government", "Head of Government", "head_of_government", None),
    ("Head of State", "Head of State", "head_of_state", None),
    ("King", "King", "head_of_state", None),
    ("Emir", "Emir", "head_of_state", None),
    ("Grand Duke", "Grand Duke", "head_of_state", "LUX"),
    ("Supreme Leader", "Supreme Leader", "head_of_state", None),
    ("President of Kazakhstan", "President", "head_of_state", "KAZ"),
    ("Prime Minister of India", "Prime Minister", "head_of_government", "IND"),
    ("Kazakh President", "President", "head_of_state", "KAZ"),
    # deputies
    ("Vice President", "Vice President", "deputy_head_of_state", None),
    ("Vice-President", "Vice President", "deputy_head_of_state", None),
    ("Deputy Prime Minister", "Deputy Prime Minister", "deputy_head_of_government", None),
    ("Vice Premier", "Deputy Prime Minister", "deputy_head_of_government", None),
    ("First Deputy Prime Minister", "First Deputy Prime Minister", "deputy_head_of_government", None),
    ("Deputy Foreign Minister", "Deputy Foreign Minister", "deputy_minister", None),
    ("Deputy Secretary of State", "Deputy Foreign Minister", "deputy_minister", "USA"),
    ("Under Secretary of State", "Under Secretary of State", "deputy_minister", "USA"),
    (
        "Minister of State for External Affairs",
        "Minister of State for Foreign Affairs",
        "deputy_minister",
        "IND",
    ),
    ("State Secretary", "State Secretary", "deputy_minister", None),
    # foreign ministers under their national names
    ("Foreign Minister", "Foreign Minister", "foreign_minister", None),
    ("Minister of Foreign Affairs", "Foreign Minister", "foreign_minister", None),
    ("Minister for Foreign Affairs", "Foreign Minister", "foreign_minister", None),
    ("Foreign Affairs Minister", "Foreign Minister", "foreign_minister", None),
    ("External Affairs Minister", "Foreign Minister", "foreign_minister", "IND"),
    ("Minister of External Affairs", "Foreign Minister", "foreign_minister", "IND"),
    ("Secretary of State", "Foreign Minister", "foreign_minister", "USA"),
    ("Foreign Secretary", "Foreign Minister", "foreign_minister", None),  # GBR or IND: no country
    ("Secretary for Foreign Affairs", "Foreign Minister", "foreign_minister", None),
    ("top diplomat", "Foreign Minister", "foreign_minister", None),
    # other portfolios
    ("Defence Minister", "Defence Minister", "defence_minister", None),
    ("Defense Secretary", "Defence Minister", "defence_minister", None),
    ("Secretary of Defense", "Defence Minister", "defence_minister", None),
    ("Minister of National Defence", "Defence Minister", "defence_minister", None),
    ("Trade Minister", "Trade Minister", "trade_minister", None),
    ("Commerce Secretary", "Trade Minister", "trade_minister", None),
    ("Minister of Commerce and Industry", "Trade Minister", "trade_minister", None),
    ("US Trade Representative", "Trade Minister", "trade_minister", "USA"),
    ("Finance Minister", "Finance Minister", "finance_minister", None),
    ("Chancellor of the Exchequer", "Finance Minister", "finance_minister", "GBR"),
    ("Treasury Secretary", "Finance Minister", "finance_minister", "USA"),
    ("Home Secretary", "Interior Minister", "interior_minister", "GBR"),
    ("Minister of Interior", "Interior Minister", "interior_minister", None),
    ("Lord Chancellor", "Justice Minister", "justice_minister", "GBR"),
    ("State Councillor", "State Councillor", "minister", "CHN"),
    # parliaments and committees
    ("Speaker of the House", "Speaker of the House", "legislator", None),
    ("House Speaker", "Speaker of the House", "legislator", None),
    ("Speaker of the National Assembly", "Speaker of the National Assembly", "legislator", None),
    ("Deputy Speaker", "Deputy Speaker", "legislator", None),
    ("President of the Senate", "President of the Senate", "legislator", None),
    ("Chairman of the State Duma", "Chairman of the State Duma", "legislator", None),
    ("Deputy Chairman of Kazakhstan's Senate", "Deputy Chairman of the Senate", "legislator", None),
    (
        "Chairman of the Senate Foreign Relations Committee",
        "Chairman of the Senate Foreign Relations Committee",
        "legislator",
        None,
    ),
    (
        "Senate Foreign Relations Committee Chairman",
        "Chairman of the Senate Foreign Relations Committee",
        "legislator",
        None,
    ),
    ("Foreign Affairs Committee chair", "Chair of the Foreign Affairs Committee", "legislator", None),
    ("Senate Majority Leader", "Majority Leader", "legislator", None),
    # diplomats and international offices
    ("Ambassador", "Ambassador", "ambassador", None),
    ("Ambassador to Japan", "Ambassador", "ambassador", None),
    ("High Commissioner", "High Commissioner", "ambassador", None),
    ("Permanent Representative to the UN", "Permanent Representative", "ambassador", None),
    ("Special Envoy", "Special Envoy", "envoy", None),
    ("Secretary-General", "Secretary-General", "international", None),
    ("Secretary-General of NATO", "Secretary-General", "international", "NATO"),
    ("NATO Secretary General", "Secretary-General", "international", "NATO"),
    ("UN Secretary-General", "Secretary-General", "international", "UN"),
    ("Secretary General of the United Nations", "Secretary-General", "international", "UN"),
    ("Under-Secretary-General", "Under-Secretary-General", "international", None),
    ("President of the European Commission", "President of the European Commission", "international", None),
    ("European Commission President", "President of the European Commission", "international", None),
    ("High Representative", "High Representative", "international", None),
    # others
    ("First Minister", "First Minister", "subnational", None),
    ("Governor-General", "Governor-General", "official", None),
    ("National Security Adviser", "National Security Adviser", "adviser", None),
    ("Foreign Ministry spokesperson", "Spokesperson", "spokesperson", None),
    ("Communist Party general secretary", "General Secretary", "party_leader", None),
    # a proper name after "of" stays as written; a body named by its common noun takes "the"
    ("mayor of Madrid", "Mayor of Madrid", "subnational", None),
    ("Governor of Lagos State", "Governor of Lagos State", "subnational", None),
    ("Speaker of Parliament", "Speaker of the Parliament", "legislator", None),
    ("coordinator for the Middle East", "Coordinator for the Middle East", "official", None),
    # an office of a country named after it: the office, and the country as its own field
    ("Minister of Foreign Affairs of the Republic of Poland", "Foreign Minister", "foreign_minister", "POL"),
    (
        "Minister of State for Foreign Affairs of the UAE",
        "Minister of State for Foreign Affairs",
        "deputy_minister",
        "ARE",
    ),
    ("Speaker of the Parliament of Nepal", "Speaker of the Parliament", "legislator", "NPL"),
    # military offices
    ("Chief of the Defence Staff", "Chief of the Defence Staff", "military", None),
    ("Army Chief of Staff", "Army Chief of Staff", "military", None),
]


@pytest.mark.parametrize(("title", "office", "category", "country"), NORMALIZE, ids=[c[0] for c in NORMALIZE])
def test_normalize(title: str, office: str, category: str, country: str | None) -> None:
    info = default_taxonomy().normalize(title)
    assert info is not None, f"{title!r} is not recognised as an office"
    assert (info.office, info.category, info.country) == (office, category, country)
    assert info.title == title  # the title as written is kept


def test_modifiers() -> None:
    tax = default_taxonomy()
    former = tax.normalize("Former Prime Minister")
    assert former is not None and former.office == "Prime Minister" and former.former
    acting = tax.normalize("Acting President")
    assert acting is not None and acting.category == "head_of_state"
    assert tax.normalize("weather forecast") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Secretary of State", "Foreign Minister"),
        ("External Affairs Minister", "Minister of Foreign Affairs"),
        ("Premier", "Prime Minister"),
        ("House Speaker", "Speaker of the House"),
        ("NATO Secretary General", "Secretary-General of NATO"),
        ("European Commission President", "President of the European Commission"),
    ],
)
def test_same_office(a: str, b: str) -> None:
    assert same_office(a, b)


def test_different_offices() -> None:
    assert not same_office("Foreign Minister", "Defence Minister")
    assert not same_office("Under Secretary of State", "Secretary of State")


# sentence -> (person, office, title as written, category, country); a None country is not checked
# (the country of a person then comes from the events, which these sentences do not settle)
PEOPLE = [
    (
        "President of Kazakhstan Kassym-Jomart Tokayev met the delegation.",
        "Kassym-Jomart Tokayev",
        "President",
        "President of Kazakhstan",
        "head_of_state",
        "KAZ",
    ),
    (
        "Prime Minister of India Narendra Modi arrived on Monday.",
        "Narendra Modi",
        "Prime Minister",
        "Prime Minister of India",
        "head_of_government",
        "IND",
    ),
    (
        "Secretary-General of NATO Jens Stoltenberg spoke in Brussels.",
        "Jens Stoltenberg",
        "Secretary-General",
        "Secretary-General of NATO",
        "international",
        "NATO",
    ),
    (
        "US Trade Representative Katherine Tai met the minister.",
        "Katherine Tai",
        "Trade Minister",
        "Trade Representative",
        "trade_minister",
        "USA",
    ),
    (
        "Speaker of the House Mike Johnson met the delegation.",
        "Mike Johnson",
        "Speaker of the House",
        "Speaker of the House",
        "legislator",
        None,
    ),
    (
        "House Speaker Nancy Pelosi landed in Taipei.",
        "Nancy Pelosi",
        "Speaker of the House",
        "House Speaker",
        "legislator",
        None,
    ),
    (
        "German Chancellor Olaf Scholz arrived in Beijing.",
        "Olaf Scholz",
        "Chancellor",
        "Chancellor",
        "head_of_government",
        "DEU",
    ),
    (
        "Chinese Premier Li Qiang visited Berlin.",
        "Li Qiang",
        "Prime Minister",
        "Premier",
        "head_of_government",
        "CHN",
    ),
    (
        "British Foreign Secretary James Cleverly visited Kigali.",
        "James Cleverly",
        "Foreign Minister",
        "Foreign Secretary",
        "foreign_minister",
        "GBR",
    ),
    (
        "Indian Foreign Secretary Vinay Kwatra met officials in Kathmandu.",
        "Vinay Kwatra",
        "Foreign Minister",
        "Foreign Secretary",
        "foreign_minister",
        "IND",
    ),
    (
        "External Affairs Minister S Jaishankar arrived in Mexico City.",
        "S Jaishankar",
        "Foreign Minister",
        "External Affairs Minister",
        "foreign_minister",
        "IND",
    ),
    (
        "US Secretary of State Antony Blinken arrived in Riyadh.",
        "Antony Blinken",
        "Foreign Minister",
        "Secretary of State",
        "foreign_minister",
        "USA",
    ),
    (
        "European Commission President Ursula von der Leyen met the premier.",
        "Ursula von der Leyen",
        "President of the European Commission",
        "President",
        "international",
        "EU",
    ),
    (
        "First Minister Humza Yousaf opened the session in Edinburgh.",
        "Humza Yousaf",
        "First Minister",
        "First Minister",
        "subnational",
        None,
    ),
    (
        "Lord Chancellor Alex Chalk spoke to reporters.",
        "Alex Chalk",
        "Justice Minister",
        "Lord Chancellor",
        "justice_minister",
        "GBR",
    ),
    (
        "Under Secretary of State Victoria Nuland visited Kyiv.",
        "Victoria Nuland",
        "Under Secretary of State",
        "Under Secretary of State",
        "deputy_minister",
        "USA",
    ),
    (
        "Minister of State for External Affairs V Muraleedharan met the envoy.",
        "V Muraleedharan",
        "Minister of State for Foreign Affairs",
        "Minister of State for External Affairs",
        "deputy_minister",
        "IND",
    ),
    (
        "Senate Majority Leader Chuck Schumer met the delegation.",
        "Chuck Schumer",
        "Majority Leader",
        "Majority Leader",
        "legislator",
        None,
    ),
]


@pytest.fixture(scope="module")
def people_extractions(extractor: Extractor) -> dict[str, Extraction]:
    texts = [case[0] for case in PEOPLE]
    return dict(zip(texts, extractor.pipe(texts), strict=True))


@pytest.mark.parametrize(
    ("text", "name", "office", "title", "category", "country"), PEOPLE, ids=[c[1] for c in PEOPLE]
)
def test_people_offices(
    text: str,
    name: str,
    office: str,
    title: str,
    category: str,
    country: str | None,
    people_extractions: dict[str, Extraction],
) -> None:
    ex = people_extractions[text]
    found = [p for p in ex.people if p.name == name]
    assert len(found) == 1, f"{name!r} not found once in {[p.name for p in ex.people]}"
    person = found[0]
    assert (person.office, person.title, person.office_category) == (office, title, category)
    if country is not None:
        assert person.country == country
