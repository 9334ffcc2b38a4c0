"""Benchmark corpora, built deterministically from templates written for this project.

Why templates: the throughput and memory figures in docs/performance.md must be reproducible on any
machine without shipping anybody's articles. Every text here is generated from the phrase pools
below (fictional people, real country names); the 14 development-set articles are read at run time
from ``../shared/devset/articles`` when that folder exists and are never copied into the repository.

* :func:`diplomatic_corpus` -- visits (ongoing, completed, planned, cancelled), tours, meetings,
  phone and video calls, hosted visits, summits and statements, 150-600 words each.
* :func:`ordinary_corpus` -- sport, business, weather, science and culture news of the same length;
  a minority quotes a minister or a head of state (``official: true``), as real news does.
* :func:`mixed_corpus` -- 80 % ordinary, 20 % diplomatic, shuffled with the same seed.

Document *i* of a corpus depends only on ``(seed, kind, i)``, so the first 1,000 documents of a
4,000-document corpus are the 1,000-document corpus.

    python benchmarks/corpus.py --kind diplomatic -n 2000 -o bench-out/diplomatic.jsonl
    python benchmarks/corpus.py --kind mixed -n 1000 --show 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEVSET_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "articles"
MIN_WORDS = 150
MAX_WORDS = 600

Doc = dict[str, Any]

# ------------------------------------------------------------------------------------------ people
# Given names carry a gender for pronouns; "family_first" regions write the family name first.
NAMES: dict[str, tuple[list[tuple[str, str]], list[str], bool]] = {
    "europe": (
        [
            ("Anna", "f"),
            ("Jonas", "m"),
            ("Marta", "f"),
            ("Tomas", "m"),
            ("Elena", "f"),
            ("Mikael", "m"),
            ("Katarzyna", "f"),
            ("Pieter", "m"),
            ("Ingrid", "f"),
            ("Luca", "m"),
            ("Sofia", "f"),
            ("Henrik", "m"),
            ("Ewa", "f"),
            ("Matteo", "m"),
            ("Claire", "f"),
            ("Andreas", "m"),
            ("Laura", "f"),
            ("Stefan", "m"),
            ("Irena", "f"),
            ("Olivier", "m"),
            ("Greta", "f"),
            ("Marek", "m"),
            ("Helena", "f"),
            ("Viktor", "m"),
        ],
        [
            "Kowalczyk",
            "Lindqvist",
            "Moreau",
            "Berger",
            "Novak",
            "Rossetti",
            "Jansen",
            "Petrauskas",
            "Virtanen",
            "Horvath",
            "Costa",
            "Fischbach",
            "Dubreuil",
            "Andersen",
            "Kalnins",
            "Tamm",
            "Popescu",
            "Papadakis",
            "Kovacs",
            "van Dijk",
            "Schneider",
            "Marin",
            "Oliveira",
            "Nielsen",
            "Duarte",
        ],
        False,
    ),
    "anglo": (
        [
            ("James", "m"),
            ("Sarah", "f"),
            ("Michael", "m"),
            ("Emily", "f"),
            ("Daniel", "m"),
            ("Rebecca", "f"),
            ("Andrew", "m"),
            ("Olivia", "f"),
            ("Mark", "m"),
            ("Rachel", "f"),
            ("Peter", "m"),
            ("Fiona", "f"),
        ],
        [
            "Thompson",
            "Campbell",
            "Mitchell",
            "Harrington",
            "Walker",
            "Bennett",
            "Clarke",
            "Hughes",
            "Reid",
            "Foster",
            "Gallagher",
            "Whitford",
            "Ashworth",
            "Pennington",
        ],
        False,
    ),
    "japan": (
        [
            ("Kenji", "m"),
            ("Hiroshi", "m"),
            ("Yuko", "f"),
            ("Takeshi", "m"),
            ("Akiko", "f"),
            ("Daisuke", "m"),
            ("Naoki", "m"),
            ("Haruka", "f"),
            ("Masato", "m"),
            ("Emiko", "f"),
        ],
        ["Watanabe", "Sato", "Tanaka", "Kobayashi", "Yamamoto", "Nakamura", "Ishikawa", "Fujita", "Morita"],
        False,
    ),
    "korea_china": (
        [
            ("Min-jun", "m"),
            ("Ji-woo", "f"),
            ("Seo-yeon", "f"),
            ("Dong-hyun", "m"),
            ("Hye-jin", "f"),
            ("Liqun", "m"),
            ("Jianhua", "m"),
            ("Meiling", "f"),
            ("Xiaobo", "m"),
            ("Yanping", "f"),
        ],
        ["Park", "Kim", "Choi", "Jung", "Han", "Wang", "Zhao", "Liu", "Chen", "Sun"],
        True,
    ),
    "southeast_asia": (
        [("Van Hai", "m"), ("Thi Lan", "f"), ("Minh Duc", "m"), ("Thu Trang", "f"), ("Quoc Bao", "m")],
        ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang"],
        True,
    ),
    "malay_world": (
        [
            ("Budi", "m"),
            ("Retno", "f"),
            ("Ahmad", "m"),
            ("Siti", "f"),
            ("Rizal", "m"),
            ("Maria", "f"),
            ("Somchai", "m"),
            ("Kanya", "f"),
            ("Joselito", "m"),
            ("Dewi", "f"),
        ],
        ["Santoso", "Wulandari", "Zulkifli", "Rahmat", "Hidayat", "Santos", "Phongsri", "Reyes", "Halim"],
        False,
    ),
    "south_asia": (
        [
            ("Rajesh", "m"),
            ("Priya", "f"),
            ("Arvind", "m"),
            ("Sunita", "f"),
            ("Imran", "m"),
            ("Ayesha", "f"),
            ("Farhan", "m"),
            ("Nusrat", "f"),
            ("Mahesh", "m"),
            ("Dilani", "f"),
            ("Vikram", "m"),
            ("Shreya", "f"),
        ],
        [
            "Sharma",
            "Verma",
            "Iyer",
            "Khan",
            "Qureshi",
            "Rahman",
            "Chowdhury",
            "Perera",
            "Fernando",
            "Menon",
            "Nair",
            "Malik",
            "Bhattacharya",
            "Siddiqui",
        ],
        False,
    ),
    "arab": (
        [
            ("Ahmed", "m"),
            ("Faisal", "m"),
            ("Khalid", "m"),
            ("Mona", "f"),
            ("Layla", "f"),
            ("Omar", "m"),
            ("Youssef", "m"),
            ("Hassan", "m"),
            ("Rania", "f"),
            ("Tariq", "m"),
            ("Nasser", "m"),
            ("Salma", "f"),
        ],
        [
            "Al-Mansouri",
            "Haddad",
            "El-Sayed",
            "Al-Rashidi",
            "Khoury",
            "Bennani",
            "Mansour",
            "Al-Hashemi",
            "Zaher",
            "El-Amrani",
            "Al-Qadi",
            "Darwish",
        ],
        False,
    ),
    "africa": (
        [
            ("Chinedu", "m"),
            ("Amina", "f"),
            ("Kwame", "m"),
            ("Wanjiru", "f"),
            ("Tendai", "m"),
            ("Abebe", "m"),
            ("Fatou", "f"),
            ("Oluwaseun", "m"),
            ("Thabo", "m"),
            ("Grace", "f"),
            ("Joseph", "m"),
            ("Aminata", "f"),
        ],
        [
            "Okafor",
            "Mensah",
            "Kamau",
            "Mwangi",
            "Diallo",
            "Bekele",
            "Ndlovu",
            "Adeyemi",
            "Banda",
            "Traore",
            "Osei",
            "Nkosi",
            "Mutua",
            "Keita",
        ],
        False,
    ),
    "latin": (
        [
            ("Carlos", "m"),
            ("Lucia", "f"),
            ("Marcelo", "m"),
            ("Ana Paula", "f"),
            ("Javier", "m"),
            ("Gabriela", "f"),
            ("Diego", "m"),
            ("Valentina", "f"),
            ("Ricardo", "m"),
            ("Fernanda", "f"),
        ],
        [
            "Fernandez",
            "Gutierrez",
            "Silveira",
            "Rojas",
            "Mendoza",
            "Herrera",
            "Castillo",
            "Pereira",
            "Vargas",
            "Alvarez",
            "Quintero",
            "Bustamante",
        ],
        False,
    ),
    "central_asia": (
        [
            ("Nurlan", "m"),
            ("Aigerim", "f"),
            ("Timur", "m"),
            ("Dilnoza", "f"),
            ("Bakhyt", "m"),
            ("Giorgi", "m"),
            ("Nino", "f"),
            ("Armen", "m"),
            ("Leyla", "f"),
            ("Rashad", "m"),
            ("Saule", "f"),
        ],
        [
            "Tulegenov",
            "Abdurakhmanov",
            "Kenzhebekov",
            "Beridze",
            "Sargsyan",
            "Mammadli",
            "Yusupov",
            "Iskakov",
            "Gelashvili",
            "Hovhannisyan",
        ],
        False,
    ),
}


@dataclass(frozen=True)
class Country:
    name: str  # as used in running text ("the United States")
    demonym: str
    capital: str
    city: str | None
    names: str  # key of NAMES
    system: str  # presidential | parliamentary | monarchy | emirate | semi


COUNTRIES: tuple[Country, ...] = tuple(
    Country(*row)
    for row in [
        ("Lithuania", "Lithuanian", "Vilnius", "Kaunas", "europe", "semi"),
        ("Kazakhstan", "Kazakh", "Astana", "Almaty", "central_asia", "presidential"),
        ("Japan", "Japanese", "Tokyo", "Osaka", "japan", "parliamentary"),
        ("India", "Indian", "New Delhi", "Mumbai", "south_asia", "parliamentary"),
        ("Brazil", "Brazilian", "Brasilia", "Sao Paulo", "latin", "presidential"),
        ("Mexico", "Mexican", "Mexico City", "Monterrey", "latin", "presidential"),
        ("Nigeria", "Nigerian", "Abuja", "Lagos", "africa", "presidential"),
        ("Kenya", "Kenyan", "Nairobi", "Mombasa", "africa", "presidential"),
        ("Egypt", "Egyptian", "Cairo", "Alexandria", "arab", "presidential"),
        ("Saudi Arabia", "Saudi", "Riyadh", "Jeddah", "arab", "monarchy"),
        ("Germany", "German", "Berlin", "Munich", "europe", "parliamentary"),
        ("France", "French", "Paris", "Marseille", "europe", "semi"),
        ("Poland", "Polish", "Warsaw", "Krakow", "europe", "semi"),
        ("Vietnam", "Vietnamese", "Hanoi", "Ho Chi Minh City", "southeast_asia", "parliamentary"),
        ("Indonesia", "Indonesian", "Jakarta", "Surabaya", "malay_world", "presidential"),
        ("South Korea", "South Korean", "Seoul", "Busan", "korea_china", "presidential"),
        ("Australia", "Australian", "Canberra", "Sydney", "anglo", "parliamentary"),
        ("Canada", "Canadian", "Ottawa", "Toronto", "anglo", "parliamentary"),
        ("the United States", "American", "Washington", "New York", "anglo", "presidential"),
        ("Britain", "British", "London", "Manchester", "anglo", "parliamentary"),
        ("Turkey", "Turkish", "Ankara", "Istanbul", "europe", "presidential"),
        ("Argentina", "Argentine", "Buenos Aires", "Cordoba", "latin", "presidential"),
        ("Chile", "Chilean", "Santiago", "Valparaiso", "latin", "presidential"),
        ("South Africa", "South African", "Pretoria", "Johannesburg", "africa", "presidential"),
        ("Ethiopia", "Ethiopian", "Addis Ababa", None, "africa", "parliamentary"),
        ("Ghana", "Ghanaian", "Accra", "Kumasi", "africa", "presidential"),
        ("Morocco", "Moroccan", "Rabat", "Casablanca", "arab", "monarchy"),
        ("Jordan", "Jordanian", "Amman", "Aqaba", "arab", "monarchy"),
        ("Qatar", "Qatari", "Doha", None, "arab", "emirate"),
        ("the United Arab Emirates", "Emirati", "Abu Dhabi", "Dubai", "arab", "emirate"),
        ("Pakistan", "Pakistani", "Islamabad", "Karachi", "south_asia", "parliamentary"),
        ("Bangladesh", "Bangladeshi", "Dhaka", "Chittagong", "south_asia", "parliamentary"),
        ("Sri Lanka", "Sri Lankan", "Colombo", "Kandy", "south_asia", "presidential"),
        ("Thailand", "Thai", "Bangkok", "Chiang Mai", "malay_world", "parliamentary"),
        ("Malaysia", "Malaysian", "Kuala Lumpur", "Penang", "malay_world", "parliamentary"),
        ("the Philippines", "Filipino", "Manila", "Cebu", "malay_world", "presidential"),
        ("Uzbekistan", "Uzbek", "Tashkent", "Samarkand", "central_asia", "presidential"),
        ("Georgia", "Georgian", "Tbilisi", "Batumi", "central_asia", "parliamentary"),
        ("Armenia", "Armenian", "Yerevan", "Gyumri", "central_asia", "parliamentary"),
        ("Norway", "Norwegian", "Oslo", "Bergen", "europe", "parliamentary"),
        ("Sweden", "Swedish", "Stockholm", "Gothenburg", "europe", "parliamentary"),
        ("Finland", "Finnish", "Helsinki", "Tampere", "europe", "semi"),
        ("Estonia", "Estonian", "Tallinn", "Tartu", "europe", "parliamentary"),
        ("Italy", "Italian", "Rome", "Milan", "europe", "parliamentary"),
        ("Spain", "Spanish", "Madrid", "Barcelona", "europe", "parliamentary"),
        ("Portugal", "Portuguese", "Lisbon", "Porto", "europe", "semi"),
        ("Greece", "Greek", "Athens", "Thessaloniki", "europe", "parliamentary"),
        ("Hungary", "Hungarian", "Budapest", "Debrecen", "europe", "parliamentary"),
        ("Romania", "Romanian", "Bucharest", "Cluj-Napoca", "europe", "semi"),
        ("Ukraine", "Ukrainian", "Kyiv", "Lviv", "europe", "semi"),
        ("China", "Chinese", "Beijing", "Shanghai", "korea_china", "presidential"),
        ("New Zealand", "New Zealand", "Wellington", "Auckland", "anglo", "parliamentary"),
        ("Peru", "Peruvian", "Lima", "Cusco", "latin", "presidential"),
        ("Colombia", "Colombian", "Bogota", "Medellin", "latin", "presidential"),
        ("Senegal", "Senegalese", "Dakar", None, "africa", "presidential"),
        ("Tanzania", "Tanzanian", "Dodoma", "Dar es Salaam", "africa", "presidential"),
        ("Algeria", "Algerian", "Algiers", "Oran", "arab", "presidential"),
        ("Oman", "Omani", "Muscat", None, "arab", "monarchy"),
        ("Kuwait", "Kuwaiti", "Kuwait City", None, "arab", "emirate"),
        ("Singapore", "Singaporean", "Singapore", None, "malay_world", "parliamentary"),
        ("Ireland", "Irish", "Dublin", "Cork", "anglo", "parliamentary"),
        ("the Netherlands", "Dutch", "The Hague", "Amsterdam", "europe", "parliamentary"),
        ("Austria", "Austrian", "Vienna", "Salzburg", "europe", "parliamentary"),
        ("Czech Republic", "Czech", "Prague", "Brno", "europe", "parliamentary"),
        ("Serbia", "Serbian", "Belgrade", "Novi Sad", "europe", "semi"),
        ("Equatorial Guinea", "Equatoguinean", "Malabo", "Bata", "africa", "presidential"),
        ("Rwanda", "Rwandan", "Kigali", None, "africa", "presidential"),
        ("Mongolia", "Mongolian", "Ulaanbaatar", None, "central_asia", "semi"),
    ]
)

# Country-specific ways of naming the foreign minister, as national newswires write them.
FOREIGN_MINISTER = {
    "India": ["External Affairs Minister", "Minister of External Affairs"],
    "the United States": ["Secretary of State"],
    "Britain": ["Foreign Secretary"],
    "China": ["Foreign Minister", "State Councillor and Foreign Minister"],
}
HEADS = {
    "presidential": ["President"],
    "parliamentary": ["Prime Minister"],
    "semi": ["President", "Prime Minister"],
    "monarchy": ["Crown Prince", "King", "Prime Minister"],
    "emirate": ["Emir", "Prime Minister"],
}
MINISTRIES = ["Trade", "Defence", "Energy", "Finance", "Agriculture", "Health", "Education", "Interior"]


@dataclass(frozen=True)
class Person:
    name: str
    surname: str  # the form used on second reference
    gender: str
    office: str
    country: Country

    @property
    def he(self) -> str:
        return "he" if self.gender == "m" else "she"

    @property
    def his(self) -> str:
        return "his" if self.gender == "m" else "her"

    @property
    def him(self) -> str:
        return "him" if self.gender == "m" else "her"

    @property
    def office_lower(self) -> str:
        keep = {"Foreign", "Defence", "Trade", "Energy", "Finance", "External", "Affairs", "State"}
        return " ".join(w if w in keep else w.lower() for w in self.office.split())


def make_name(rng: random.Random, country: Country) -> tuple[str, str, str]:
    """(full name, surname for second reference, gender)."""
    firsts, lasts, family_first = NAMES[country.names]
    first, gender = rng.choice(firsts)
    last = rng.choice(lasts)
    if family_first:
        return f"{last} {first}", last, gender
    if rng.random() < 0.08 and country.names in {"south_asia", "africa"}:
        return f"{first[0]} {last}", last, gender  # "S Jaishankar" style
    return f"{first} {last}", last, gender


def make_person(rng: random.Random, country: Country, office: str | None = None) -> Person:
    name, surname, gender = make_name(rng, country)
    if office is None:
        office = rng.choice(office_pool(rng, country))
    return Person(name, surname, gender, office, country)


def office_pool(rng: random.Random, country: Country) -> list[str]:
    fm = FOREIGN_MINISTER.get(country.name, ["Foreign Minister", "Minister of Foreign Affairs"])
    return [*fm, *fm, *HEADS[country.system], "Deputy Foreign Minister", f"{rng.choice(MINISTRIES)} Minister"]


def foreign_minister(rng: random.Random, country: Country) -> str:
    return rng.choice(FOREIGN_MINISTER.get(country.name, ["Foreign Minister", "Minister of Foreign Affairs"]))


def head_office(rng: random.Random, country: Country) -> str:
    return rng.choice(HEADS[country.system])


def bare(country: Country) -> str:
    """Country name without the article, for possessives ("United States'")."""
    return country.name[4:] if country.name.startswith("the ") else country.name


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def possessive(country: Country) -> str:
    base = country.name
    return f"{base}'" if base.endswith("s") else f"{base}'s"


def introduce(rng: random.Random, p: Person) -> str:
    """First mention of an official, in one of the styles newswires use."""
    c = p.country
    style = rng.randrange(6)
    if style == 0:
        return f"{c.demonym} {p.office} {p.name}"
    if style == 1:
        return f"{cap(possessive(c))} {p.office} {p.name}"
    if style == 2:
        return f"{p.name}, {c.demonym} {p.office_lower},"
    if style == 3:
        return f"{p.office} {p.name} of {c.name}"
    if style == 4:
        return f"{c.demonym} {p.office} {p.name}"
    return f"{p.name}, {possessive(c)} {p.office_lower},"


def again(rng: random.Random, p: Person) -> str:
    """A later mention: surname, title or role."""
    return rng.choice(
        [p.surname, p.surname, f"the {p.country.demonym} {p.office_lower}", f"{p.office} {p.surname}"]
    )


# ------------------------------------------------------------------------------------------- dates
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
MONTH_ABBR = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def say_day(rng: random.Random, day: dt.date, published: dt.date) -> str:
    """One day, said the way a reporter writing on ``published`` might say it (with its preposition)."""
    delta = (day - published).days
    options: list[str] = []
    if delta == 0:
        options += ["today", f"on {WEEKDAYS[day.weekday()]}"]
    elif delta == -1:
        options += ["yesterday", f"on {WEEKDAYS[day.weekday()]}"]
    elif delta == 1:
        options += ["tomorrow", f"on {WEEKDAYS[day.weekday()]}"]
    elif -6 <= delta <= 6:
        options += [f"on {WEEKDAYS[day.weekday()]}", f"on {WEEKDAYS[day.weekday()]}"]
        if delta > 0:
            options.append(f"next {WEEKDAYS[day.weekday()]}")
    m = MONTHS[day.month - 1]
    options += [
        f"on {m} {day.day}",
        f"on {day.day} {m}",
        f"on {MONTH_ABBR[day.month - 1]} {day.day}, {day.year}",
        f"on {day.day} {m} {day.year}",
        f"on the {ordinal(day.day)} of {m}",
        f"on {WEEKDAYS[day.weekday()]}, {m} {day.day}",
    ]
    if rng.random() < 0.03:
        options.append(f"on {day.isoformat()}")
    return rng.choice(options)


def say_range(rng: random.Random, start: dt.date, end: dt.date, published: dt.date) -> str:
    """A date range ("December 5-7", "from 12 to 14 March", "next week")."""
    if start == end:
        return say_day(rng, start, published)
    ms, me = MONTHS[start.month - 1], MONTHS[end.month - 1]
    options = []
    if start.month == end.month:
        options += [
            f"on {ms} {start.day}-{end.day}",
            f"from {start.day} to {end.day} {ms}",
            f"from {ms} {start.day} to {end.day}",
            f"between {start.day} and {end.day} {ms} {start.year}",
            f"on {MONTH_ABBR[start.month - 1]} {start.day}–{end.day}, {start.year}",
        ]
    else:
        options += [f"from {ms} {start.day} to {me} {end.day}", f"from {start.day} {ms} to {end.day} {me}"]
    delta = (start - published).days
    if 1 <= delta <= 8:
        options.append("next week")
    if -3 <= delta <= 0:
        options.append("this week")
    if (end - start).days <= 6 and abs(delta) <= 6:
        options.append(f"from {WEEKDAYS[start.weekday()]} to {WEEKDAYS[end.weekday()]}")
    return rng.choice(options)


def published_date(rng: random.Random) -> dt.date:
    return dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(365 * 12))


def words(text: str) -> int:
    return len(text.split())


# ------------------------------------------------------------------------------------ phrase pools
TOPICS = [
    "trade and investment", "energy security", "regional security", "climate cooperation",
    "digital connectivity", "critical minerals", "food security", "defence cooperation",
    "student exchanges", "labour migration", "transport links", "public health", "tourism",
    "renewable energy", "maritime security", "counter-terrorism", "space research", "water management",
    "the situation in the Middle East", "the war in Ukraine", "debt relief", "visa facilitation",
    "nuclear safety", "cyber security", "fisheries", "semiconductor supply chains", "peacekeeping",
]  # fmt: skip
EVENTS = [
    ("the G20 summit", None), ("the ASEAN summit", None), ("the African Union summit", "Addis Ababa"),
    ("the UN General Assembly", "New York"), ("the BRICS summit", None),
    ("the Munich Security Conference", "Munich"), ("the World Economic Forum", "Davos"),
    ("the UN climate conference", None), ("the NATO summit", None), ("the Arab League summit", None),
    ("the Commonwealth heads of government meeting", None), ("a regional security forum", None),
]  # fmt: skip
QUOTES = [
    "We see enormous potential in our partnership, and today we have taken concrete steps to realise it",
    "Our two countries share a commitment to a rules-based international order and to peaceful dialogue",
    "This visit opens a new chapter in relations that go back many decades",
    "We agreed that our teams will meet again before the end of the year to review progress",
    "There is no alternative to dialogue, and we will keep talking even when we disagree",
    "Trade between our countries has grown, but it can grow much faster if we remove the barriers",
    "Our people expect results, not declarations, and that is what we discussed today",
    "We will not accept any attempt to change borders by force",
    "Energy cooperation is the backbone of our relationship and we intend to strengthen it",
    "I am grateful for the warm welcome and the frank and constructive talks",
    "The agreements we signed today will create jobs on both sides",
    "We discussed difficult issues openly, as friends should",
    "Security in our region cannot be separated from economic development",
    "Young people in both countries should be able to study and work together more easily",
]  # fmt: skip
REASONS = [
    "a domestic political crisis", "a scheduling conflict", "the security situation", "severe weather",
    "a no-confidence vote in parliament", "an outbreak of violence in the region", "ill health",
    "the need to attend an emergency cabinet meeting", "a diplomatic row over remarks by an official",
]  # fmt: skip
AGREEMENTS = [
    "a memorandum of understanding on energy", "an agreement on the avoidance of double taxation",
    "a cultural exchange programme", "a deal on direct flights",
    "an agreement on defence industry cooperation",
    "a roadmap for a free trade agreement", "a protocol on agricultural exports", "a visa waiver deal",
]  # fmt: skip
DATELINE_STYLES = ["caps_dash", "wire_pipe", "reuters", "none", "none", "none"]


def dateline(rng: random.Random, city: str, published: dt.date) -> str:
    style = rng.choice(DATELINE_STYLES)
    if style == "caps_dash":
        return f"{city.upper()} – "
    if style == "wire_pipe":
        stamp = published.strftime("%d-%m-%Y")
        wire = rng.choice(["PTI", "ANI", "IANS"])
        return f"{wire} | {city} | Updated: {stamp} {rng.randrange(7, 23)}:{rng.randrange(10, 59)} IST\n\n"
    if style == "reuters":
        agency = rng.choice(["Reuters", "AFP", "AP"])
        return f"{city.upper()}, {MONTHS[published.month - 1]} {published.day} ({agency}) - "
    return ""


# ------------------------------------------------------------------------------- diplomatic stories
@dataclass
class Story:
    """The cast and calendar of one diplomatic story."""

    rng: random.Random
    published: dt.date
    visitor: Person
    host: Person
    home: Country
    dest: Country
    third: Country
    start: dt.date
    end: dt.date

    def day(self, d: dt.date) -> str:
        return say_day(self.rng, d, self.published)

    def span(self) -> str:
        return say_range(self.rng, self.start, self.end, self.published)

    def topics(self, n: int) -> str:
        picked = self.rng.sample(TOPICS, n)
        return picked[0] if n == 1 else ", ".join(picked[:-1]) + " and " + picked[-1]


def _cast(rng: random.Random, published: dt.date, offset: tuple[int, int], length: tuple[int, int]) -> Story:
    home, dest, third = rng.sample(COUNTRIES, 3)
    visitor = make_person(rng, home)
    host_office = foreign_minister(rng, dest) if "Minister" in visitor.office else head_office(rng, dest)
    if rng.random() < 0.3:
        host_office = head_office(rng, dest)
    host = make_person(rng, dest, host_office)
    start = published + dt.timedelta(days=rng.randint(*offset))
    end = start + dt.timedelta(days=rng.randint(*length))
    return Story(rng, published, visitor, host, home, dest, third, start, end)


def lead_ongoing(s: Story) -> str:
    r, v, h = s.rng, s.visitor, s.host
    n = (s.end - s.start).days + 1
    return r.choice([
        f"{introduce(r, v)} arrived in {s.dest.capital} {s.day(s.start)} for a {n}-day official visit, the "
        "first by "
        f"a {s.home.demonym} {v.office_lower} in {r.randint(3, 15)} years.",
        f"{introduce(r, v)} is on a {n}-day visit to {s.dest.name} {s.span()}, holding talks with "
        f"{h.office} {h.name} in {s.dest.capital} on ways to expand cooperation.",
        f"{introduce(r, v)} began an official visit to {s.dest.name} {s.day(s.start)}, {v.his} "
        f"ministry said, with {s.topics(2)} at the top of the agenda.",
        f"{introduce(r, v)} landed in {s.dest.capital} {s.day(s.start)} at the invitation of "
        f"{s.dest.demonym} {h.office} {h.name}, starting a visit that runs until {MONTHS[s.end.month - 1]} "
        f"{s.end.day}.",
    ])  # fmt: skip


def lead_completed(s: Story) -> str:
    r, v, h = s.rng, s.visitor, s.host
    return r.choice([
        f"{introduce(r, v)} wrapped up a visit to {s.dest.name} {s.day(s.end)} after talks with "
        f"{h.office} {h.name} that both sides described as productive.",
        f"{introduce(r, v)} visited {s.dest.capital} {s.span()}, where {v.he} met {h.office} {h.name} and "
        f"signed {r.choice(AGREEMENTS)}.",
        f"{introduce(r, v)} returned home {s.day(s.end)} from {s.dest.name}, concluding a trip dominated by "
        f"talks on {s.topics(2)}.",
        f"During a visit to {s.dest.name} last week, {introduce(r, v)} held talks with "
        f"{s.dest.demonym} {h.office} {h.name} and toured a new port facility outside {s.dest.capital}.",
    ])  # fmt: skip


def lead_planned(s: Story) -> str:
    r, v = s.rng, s.visitor
    return r.choice([
        f"{introduce(r, v)} will visit {s.dest.name} {s.span()}, the foreign ministry in "
        f"{s.home.capital} announced {s.day(s.published - dt.timedelta(days=r.randint(0, 2)))}.",
        f"{introduce(r, v)} is scheduled to travel to {s.dest.capital} {s.span()} for talks with "
        f"{s.host.office} {s.host.name}, officials said.",
        f"{introduce(r, v)} is expected to pay an official visit to {s.dest.name} {s.span()}, "
        f"according to a statement released by {v.his} office.",
        f"{introduce(r, v)} plans to visit {s.dest.name} later this month, the first such trip since "
        f"{r.randint(2001, s.published.year - 1)}, diplomatic sources said.",
    ])  # fmt: skip


def lead_cancelled(s: Story) -> str:
    r, v = s.rng, s.visitor
    return r.choice([
        f"{introduce(r, v)} has cancelled a planned trip to {s.dest.name}, citing {r.choice(REASONS)}.",
        f"{introduce(r, v)} called off {v.his} visit to {s.dest.capital}, which had been scheduled "
        f"{s.span()}, {v.his} spokesperson said.",
        f"A visit to {s.dest.name} by {introduce(r, v)} has been postponed because of {r.choice(REASONS)}, "
        f"the {s.home.demonym} foreign ministry said {s.day(s.published)}.",
    ])  # fmt: skip


def lead_meeting(s: Story) -> str:
    r, v, h = s.rng, s.visitor, s.host
    event, city = r.choice(EVENTS)
    where = city or s.third.capital
    return r.choice([
        f"{introduce(r, v)} met {introduce(r, h)} on the sidelines of {event} in {where} "
        f"{s.day(s.start)}, the two sides said.",
        f"{introduce(r, v)} held talks with {introduce(r, h)} in {where} {s.day(s.start)}, focusing on "
        f"{s.topics(2)}.",
        f"{introduce(r, h)} and {introduce(r, v)} met for the first time {s.day(s.start)} in {where}, "
        f"where both were attending {event}.",
    ])  # fmt: skip


def lead_call(s: Story) -> str:
    r, v, h = s.rng, s.visitor, s.host
    video = r.random() < 0.3
    how = (
        r.choice(["held a video conference with", "spoke by video link with"])
        if video
        else r.choice(["held a phone call with", "spoke by telephone with", "held telephone talks with"])
    )
    return r.choice([
        f"{introduce(r, v)} {how} {introduce(r, h)} {s.day(s.start)}, discussing {s.topics(2)}.",
        f"In a telephone conversation {s.day(s.start)}, {introduce(r, v)} and {introduce(r, h)} agreed to "
        f"step up cooperation on {s.topics(1)}, according to a readout from {v.his} office.",
        f"{introduce(r, v)} {how} {introduce(r, h)} {s.day(s.start)}, a day after {s.dest.name} announced "
        f"new measures on {s.topics(1)}.",
    ])  # fmt: skip


def lead_statement(s: Story) -> str:
    r, v = s.rng, s.visitor
    spokes_name = make_name(r, s.home)[0]
    return r.choice([
        f"The {s.home.demonym} foreign ministry on {WEEKDAYS[s.published.weekday()]} rejected remarks by "
        f"officials in {s.dest.capital} about {s.topics(1)}, calling them unacceptable. \"We expect our "
        "partners "
        f"to respect our sovereignty,\" {introduce(r, v)} told reporters.",
        f"{s.home.demonym} foreign ministry spokesperson {spokes_name} said {s.day(s.published)} that "
        f"{s.home.name} would not accept interference in its internal affairs. {introduce(r, v)} is due to "
        f"raise the matter with {v.his} {s.dest.demonym} counterpart, the spokesperson added.",
        f"{introduce(r, v)} said {s.day(s.published)} that {s.home.name} was ready to mediate between "
        f"the parties, but warned that time was running out.",
        f"{introduce(r, v)} condemned what {v.he} called a violation of international law and urged "
        f"{s.dest.name} to return to talks.",
    ])  # fmt: skip


def lead_hosted(s: Story) -> str:
    r, v, h = s.rng, s.visitor, s.host
    return r.choice([
        f"{introduce(r, h)} hosted {introduce(r, v)} in {s.dest.capital} {s.day(s.start)} for talks on "
        f"{s.topics(2)}.",
        f"{introduce(r, h)} received {introduce(r, v)} at the presidential palace in {s.dest.capital} "
        f"{s.day(s.start)}.",
        f"{introduce(r, h)} welcomed {introduce(r, v)} to {s.dest.capital} {s.day(s.start)}, the start "
        f"of a {(s.end - s.start).days + 1}-day visit.",
    ])  # fmt: skip


def lead_tour(s: Story) -> str:
    r, v = s.rng, s.visitor
    others = r.sample([c for c in COUNTRIES if c not in {s.home, s.dest}], 2)
    return r.choice([
        f"{introduce(r, v)} arrived in {s.dest.capital} {s.day(s.start)}, the {ordinal(r.randint(2, 4))} "
        "stop on "
        f"a tour that has already taken {v.him} to {others[0].name} and {others[1].name}.",
        f"{introduce(r, v)} set off {s.day(s.start)} on a {r.randint(3, 5)}-nation tour that will take "
        f"{v.him} "
        f"to {s.dest.name}, {others[0].name} and {others[1].name}.",
    ])  # fmt: skip


def lead_summit(s: Story) -> str:
    r, v = s.rng, s.visitor
    event, city = r.choice(EVENTS)
    where = city or s.dest.capital
    return r.choice([
        f"{introduce(r, v)} will attend {event} in {where} {s.span()}, {v.his} office said.",
        f"{introduce(r, v)} travelled to {where} {s.day(s.start)} to attend {event}.",
        f"Leaders gathered in {where} {s.day(s.start)} for {event}, with {introduce(r, v)} among the first "
        f"to arrive.",
    ])  # fmt: skip


KINDS: dict[str, tuple[Callable[[Story], str], tuple[int, int], tuple[int, int]]] = {
    "visit_ongoing": (lead_ongoing, (-2, 0), (1, 4)),
    "visit_completed": (lead_completed, (-12, -3), (1, 3)),
    "visit_planned": (lead_planned, (3, 40), (1, 4)),
    "visit_cancelled": (lead_cancelled, (2, 20), (1, 3)),
    "meeting": (lead_meeting, (-2, 0), (0, 0)),
    "call": (lead_call, (-1, 0), (0, 0)),
    "statement": (lead_statement, (-1, 0), (0, 0)),
    "hosted": (lead_hosted, (-2, 0), (1, 3)),
    "tour": (lead_tour, (-1, 0), (2, 6)),
    "summit": (lead_summit, (-1, 14), (1, 2)),
}


def an(word: str) -> str:
    """The indefinite article for ``word`` ("an Omani", "a Kazakh")."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def _slot_agenda(s: Story, remote: bool) -> list[str]:
    r, v, h = s.rng, s.visitor, s.host
    return [
        f"The two sides were expected to discuss {s.topics(3)}, according to a statement from the "
        f"{s.home.demonym} foreign ministry.",
        f"Talks focused on {s.topics(2)}, officials said. Several agreements are expected to follow, "
        f"including {r.choice(AGREEMENTS)}.",
        f"{again(r, v)} and {again(r, h)} discussed {s.topics(2)}, and agreed to set up a joint working "
        f"group on {s.topics(1)}.",
        f"The agenda included {s.topics(2)}, as well as preparations for a meeting of the intergovernmental "
        f"commission in {s.home.capital} next year.",
    ]


def _slot_quote(s: Story, remote: bool) -> list[str]:
    r, v, h = s.rng, s.visitor, s.host
    q = r.choice(QUOTES)
    out = [
        f'"{q}," {v.surname} said in a statement issued by {v.his} office.',
        f"{v.surname} stressed that {s.home.name} regarded {s.dest.name} as a key partner and said the two "
        f"governments would consult each other more often.",
        f"{cap(again(r, h))} said the relationship was "
        f'"{r.choice(["stronger than ever", "at a turning point", "built on mutual respect"])}" '
        f"and thanked {v.surname} for {v.his} efforts.",
    ]
    if not remote:
        out += [
            f"“{q},” {again(r, v)} told reporters after the talks.",
            f"Speaking at a joint news conference, {v.surname} said: “{q}.”",
        ]
    return out


def _slot_trade(s: Story, remote: bool) -> list[str]:
    r, h = s.rng, s.host
    x = r.randint(2, 90)
    return [
        f"Bilateral trade reached {x}.{r.randint(0, 9)} billion dollars last year, up {r.randint(2, 30)} "
        "percent "
        f"from a year earlier. Both governments have set a target of {x * 2} billion dollars by "
        f"{s.published.year + r.randint(3, 8)}.",
        f"{s.home.name} and {s.dest.name} established diplomatic relations in {r.randint(1950, 1995)}, and "
        f"{s.dest.name} is now one of {possessive(s.home)} ten largest trading partners.",
        f"The contact comes {r.randint(2, 11)} months after {h.office} {h.surname} travelled to "
        f"{s.home.capital}, where the two sides signed {r.choice(AGREEMENTS)}.",
        f"Relations between the two countries have improved since {r.randint(2005, s.published.year - 1)}, "
        f"when a dispute over {s.topics(1)} led to the suspension of regular consultations.",
    ]


def _slot_programme(s: Story, remote: bool) -> list[str]:
    r, v = s.rng, s.visitor
    later = say_range(r, s.end + dt.timedelta(days=30), s.end + dt.timedelta(days=32), s.published)
    out = [f"Officials said further meetings would take place {later} in {s.home.capital}."]
    if not remote:
        out += [
            f"{cap(v.he)} is also due to meet {s.dest.demonym} business leaders and address students at the "
            f"national university {s.day(s.end)}.",
            f"On the second day, {v.surname} is scheduled to travel to {s.dest.city or s.dest.capital} to "
            "see "
            f"an industrial park built with {s.home.demonym} investment.",
            f"According to the programme published by the ministry, {v.surname} will also hold talks with "
            "the "
            f"speaker of parliament and lay a wreath at a memorial in {s.dest.capital}.",
        ]
    return out


def _slot_analysis(s: Story, remote: bool) -> list[str]:
    return [
        f"Analysts in {s.home.capital} said the contacts reflected a broader effort to diversify "
        f"{possessive(s.home)} partnerships at a time of rising tension over {s.topics(1)}.",
        f"The opposition criticised the government, saying it should focus on {s.topics(1)} at home. "
        f'"This is the wrong priority at the wrong moment," one opposition lawmaker said.',
        f"{cap(s.third.name)} is watching closely: it has its own ambitions in the region and signed a "
        f"similar agreement with {s.dest.name} last year.",
        f"In a separate statement, the {s.dest.demonym} foreign ministry said the two countries had agreed "
        f'to "intensify political dialogue at all levels".',
        f"Diplomats in {s.dest.capital} said the talks had been difficult at times, especially on "
        f"{s.topics(1)}, but that both sides wanted to avoid a public dispute.",
    ]


def _slot_travel(s: Story, remote: bool) -> list[str]:
    r, v = s.rng, s.visitor
    return [
        f"{v.surname} had earlier visited {s.third.name}, where {v.he} met {s.third.demonym} officials to "
        f"discuss {s.topics(1)}.",
        f"Later this month the {s.home.demonym} delegation is due to travel to {s.third.capital} for talks "
        f"on {s.topics(1)}.",
        f"It is {v.surname}'s {ordinal(r.randint(2, 6))} trip abroad since taking office in "
        f"{r.randint(s.published.year - 6, s.published.year)}.",
        f"{cap(v.his)} deputy, {make_name(r, s.home)[0]}, stayed behind in {s.home.capital} to prepare the "
        f"next round of consultations.",
    ]


def _slot_readout(s: Story, remote: bool) -> list[str]:
    r, h = s.rng, s.host
    return [
        f"{cap(again(r, h))} also raised {s.topics(1)}, according to a readout from {h.his} office, "
        f'and said {s.dest.name} wanted to see "concrete results within months, not years".',
        f"A joint declaration issued at the end of the talks called for closer coordination on "
        f"{s.topics(2)} within international organisations.",
        f'Business groups welcomed the talks. "Companies on both sides have been waiting for this signal," '
        f"said the head of {an(s.home.demonym)} {s.home.demonym} chamber of commerce.",
        f"The two sides also exchanged views on {s.topics(1)}, the statement said, without giving details.",
    ]


def _slot_security(s: Story, remote: bool) -> list[str]:
    return [
        f"Security was also on the table. Both governments are concerned about {s.topics(1)}, and officials "
        f"said they had agreed to share more information through their embassies.",
        f"The talks took place against the background of tension over {s.topics(1)}, which has dominated "
        f"regional diplomacy for much of the year.",
        f"Neither side mentioned {s.third.name} by name, but officials made clear that its recent moves had "
        f"been discussed at length.",
    ]


def _slot_people(s: Story, remote: bool) -> list[str]:
    r = s.rng
    return [
        f"About {r.randint(2, 90)},000 {s.home.demonym} citizens live in {s.dest.name}, and the number of "
        f"students from {s.home.name} at {s.dest.demonym} universities has doubled in five years.",
        f"Direct flights between {s.home.capital} and {s.dest.capital} resumed in {r.randint(2015, 2024)} "
        f"after a break of several years, and tourism has grown quickly since.",
        f"Cultural ties are strong as well: a season of {s.home.demonym} cinema opened in "
        f"{s.dest.capital} this spring and drew large audiences.",
    ]


def _slot_economy(s: Story, remote: bool) -> list[str]:
    r = s.rng
    return [
        f"{s.home.demonym} companies have invested about {r.randint(1, 20)} billion dollars in "
        f"{s.dest.name} over the past decade, mainly in energy, logistics and agriculture.",
        f"A business forum held alongside the talks brought together more than {r.randint(50, 400)} "
        "companies "
        f"from both countries, the organisers said.",
        f"{s.dest.name} is seeking investment in {s.topics(1)}, while {s.home.name} wants better access "
        f"for its exporters.",
    ]


def _slot_closing(s: Story, remote: bool) -> list[str]:
    _r, v = s.rng, s.visitor
    return [
        f"The ministry said the next round of political consultations would be held in "
        f"{s.dest.capital} next year.",
        f"{v.surname} is expected to brief parliament on the outcome of the talks next week.",
        "No date has yet been set for a return visit, officials said, though both sides said they hoped "
        "to meet again soon.",
    ]


SLOTS = (_slot_agenda, _slot_quote, _slot_trade, _slot_programme, _slot_analysis, _slot_travel,
         _slot_readout, _slot_security, _slot_people, _slot_economy, _slot_closing)  # fmt: skip
REMOTE_KINDS = frozenset({"call", "statement"})


def body_paragraphs(s: Story, kind: str) -> list[str]:
    """The paragraphs after the lead, in a plausible order; sometimes two sentences share one."""
    remote = kind in REMOTE_KINDS
    sentences = [s.rng.choice(slot(s, remote)) for slot in SLOTS]
    paras: list[str] = []
    for sentence in sentences:
        if paras and s.rng.random() < 0.3:
            paras[-1] += " " + sentence
        else:
            paras.append(sentence)
    return paras


def diplomatic_text(seed: int, index: int) -> Doc:
    """One diplomatic article; depends only on ``(seed, index)``."""
    rng = random.Random(f"diplomatic:{seed}:{index}")
    kind = rng.choice(list(KINDS))
    lead_fn, offset, length = KINDS[kind]
    published = published_date(rng)
    story = _cast(rng, published, offset, length)
    first = dateline(rng, story.dest.capital if kind != "statement" else story.home.capital, published)
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    paras = [first + lead_fn(story)]
    pool = body_paragraphs(story, kind)
    used: set[str] = set()
    for _ in range(200):
        if words("\n\n".join(paras)) >= target:
            break
        if not pool:
            pool = body_paragraphs(story, kind)[1:]
        para = pool.pop(0)
        if para not in used:  # a second pass draws new sentences; never repeat one verbatim
            used.add(para)
            paras.append(para)
    text = "\n\n".join(paras)
    while words(text) > MAX_WORDS and len(paras) > 2:
        paras.pop()
        text = "\n\n".join(paras)
    return {
        "id": f"dip-{seed}-{index:05d}",
        "text": text,
        "published": published.isoformat(),
        "kind": "diplomatic",
        "subkind": kind,
        "official": True,
    }


# --------------------------------------------------------------------------------- ordinary stories
CLUBS = ["Northfield Rovers", "Atletico Vera", "Real Costanza", "Harbour City", "Union Belmonte",
         "FC Lindenau", "Sporting Ribeira", "Dynamo Kestrel", "Olympique Soleil",
         "Eastport United"]  # fmt: skip
COMPANIES = ["Norvane Systems", "Kestrel Foods", "Meridian Bank", "Altavia Airlines", "Brightwater Energy",
             "Copperline Mining", "Solace Pharma", "Hexwell Motors", "Tidemark Shipping",
             "Quarry Lane Retail"]  # fmt: skip
PRODUCTS = ["electric vans", "frozen meals", "mortgage lending", "regional flights", "wind turbines",
            "lithium concentrate", "generic medicines", "hybrid cars", "container services",
            "discount stores"]  # fmt: skip
STORMS = [
    "Storm Alder",
    "Storm Brannock",
    "Cyclone Marisol",
    "Typhoon Haruto",
    "Storm Evelina",
    "Storm Corrib",
]
JOURNALS = ["Nature", "Science", "The Lancet", "Cell", "Physical Review Letters", "PNAS"]
UNIVERSITIES = ["the University of Eastmoor", "Lakeside Institute of Technology", "Carrow University",
                "the Northern Polytechnic", "St Aldric College"]  # fmt: skip
FESTIVALS = ["Cannes", "Venice", "Berlin", "Toronto", "Sundance", "Busan"]
FILMS = ["The Salt Road", "Quiet Harbour", "A Winter Without Birds", "Copper Sky", "The Last Ferry",
         "Lanterns", "Paper Mountains"]  # fmt: skip


def _someone(rng: random.Random, country: Country | None = None) -> tuple[str, str, str]:
    return make_name(rng, country or rng.choice(COUNTRIES))


Slots = list[list[str]]  # one list of alternative sentences per slot, lead slot first


def sport_slots(rng: random.Random, pub: dt.date, official: bool) -> Slots:
    a, b = rng.sample(COUNTRIES, 2)
    coach, coach_last, g = _someone(rng, a)
    player, player_last, _ = _someone(rng, a)
    rival, rival_last, _ = _someone(rng, b)
    club1, club2 = rng.sample(CLUBS, 2)
    ga, gb = rng.randint(1, 4), rng.randint(0, 2)
    he = "he" if g == "m" else "she"
    yesterday = say_day(rng, pub - dt.timedelta(days=1), pub)
    slots: Slots = [
        [
            f"{bare(a)} beat {bare(b)} {ga}-{gb} {yesterday} to move top of their qualifying group, with "
            f"{player} scoring twice in the second half.",
            f"{club1} came from behind to beat {club2} {ga}-{gb} {yesterday}, keeping alive their hopes of a "
            f"first league title in {rng.randint(8, 40)} years.",
            f"{player} won the {rng.choice(['marathon', 'sprint stage', 'final round', '10,000 metres'])} in "
            f"{rng.choice([a.capital, b.capital])} {yesterday}, holding off {rival} of {b.name} in the "
            "closing "
            f"metres.",
            f"{a.demonym} tennis player {player} reached the semi-finals of the {b.capital} Open with a "
            f"straight-sets win over {rival}.",
        ],
        [
            f'"We knew it would be hard after the long trip, but the players showed real character," '
            f"coach {coach} said after the match.",
            f'"I felt good from the start and I just tried to stay calm," {player_last} told reporters. '
            f'"The crowd here is amazing."',
            f"Head coach {coach_last} said {he} would rotate the squad ahead of the next fixture, with three "
            f"players nursing minor injuries.",
        ],
        [
            f"The visiting side had the better of the first half, and {rival_last} hit the post twice before "
            f"the break.",
            f"{player_last} opened the scoring after {rng.randint(5, 40)} minutes with a low shot from the "
            "edge of "
            f"the area, and the lead never looked in danger after that.",
            f"It was a scrappy contest for long spells, with {rng.randint(20, 40)} fouls and six yellow "
            "cards.",
        ],
        [
            f"The team arrived in {b.capital} on {WEEKDAYS[(pub.weekday() + 3) % 7]} for a training camp and "
            "will "
            f"travel on to {b.city or b.capital} for a friendly against the hosts.",
            f"More than {rng.randint(20, 80)},000 fans packed the stadium, many of them {a.demonym} "
            "supporters who "
            f"had made the trip from {a.capital}.",
            f'{rival_last}, who trains in {b.city or b.capital}, said the heat had been difficult. "It was '
            "over "
            f'35 degrees on the track," {rival_last} said.',
        ],
        [
            f"{club1} have now won {rng.randint(3, 9)} of their last ten matches, while {club2} sit "
            f"{ordinal(rng.randint(8, 18))} in the table after a difficult run.",
            f"The result leaves {bare(b)} needing a win in their final game to reach the tournament, which "
            f"starts in June.",
            f"Organisers said ticket sales for the rest of the season were up {rng.randint(5, 40)} percent "
            "on "
            f"last year.",
        ],
        [
            f"{player_last}'s contract runs until {pub.year + rng.randint(1, 4)}, but several clubs are "
            "reported "
            f'to be interested. "My focus is only on the next game," {player_last} said.',
            "The league confirmed that the match would be replayed at a neutral venue after floodlight "
            "failures "
            "earlier in the season.",
            f"Next up for {club1} is a trip to {club2}'s rivals, a fixture they have not won in "
            f"{rng.randint(3, 12)} years.",
        ],
        [
            "Meteorologists had warned of heavy rain, but the match went ahead on schedule on a heavy pitch.",
            f"Television audiences for the game were the highest of the season, the broadcaster said, with a "
            f"peak of {rng.randint(2, 9)} million viewers.",
            f"The club said it would appeal against the red card shown to {rival_last} in stoppage time.",
        ],
        [
            f"{coach_last} has been in charge for {rng.randint(2, 6)} seasons and was given a contract "
            "extension "
            f"in the summer after the club finished in the top four.",
            f"The squad will meet again in {a.capital} next month before a two-week tour of {b.name}, where "
            f"they will play three friendlies.",
            f"Injuries have been a problem all season: {rng.randint(4, 9)} first-team players missed at "
            "least a "
            f"month, the club's medical staff said.",
        ],
        [
            f"{player_last}, {rng.randint(19, 34)}, joined from a second-division side {rng.randint(2, 5)} "
            "years "
            f"ago and has since become one of the most consistent performers in the league.",
            f'Former international {rival} said on television that the performance was "the best I have seen '
            f'from this team in years".',
            "Supporters' groups said they would hold a march before the next home game to protest against "
            "ticket prices.",
        ],
        [
            f"The final is scheduled for {MONTHS[(pub.month + 1) % 12]} in {a.city or a.capital}, with the "
            "stadium "
            f"expected to be sold out.",
            f"Statistics compiled by the league show that {club2} have conceded more goals from set pieces "
            "than "
            f"any other side this season.",
            f"{coach_last} said the players would be given two days off before training resumes on "
            f"{WEEKDAYS[(pub.weekday() + 2) % 7]}.",
        ],
    ]
    if official:
        minister = _someone(rng, a)[0]
        slots.insert(
            2,
            [
                f'{a.demonym} Sports Minister {minister} congratulated the team, calling it "a proud night '
                "for the "
                f'whole country".',
                f"{a.demonym} President {minister} watched the match from the stands and met the players in "
                "the "
                f"dressing room afterwards.",
            ],
        )
    return slots


def business_slots(rng: random.Random, pub: dt.date, official: bool) -> Slots:
    c = rng.choice(COMPANIES)
    product = rng.choice(PRODUCTS)
    home, market = rng.sample(COUNTRIES, 2)
    boss, boss_last, g = _someone(rng, home)
    analyst = _someone(rng)[0]
    he = "he" if g == "m" else "she"
    pct = rng.randint(2, 35)
    slots: Slots = [
        [
            f"{c} reported a {pct} percent rise in quarterly profit {say_day(rng, pub, pub)}, helped by "
            "strong "
            f"demand for {product} and lower energy costs.",
            f"Shares in {c} fell {pct} percent in early trading after the company cut its full-year "
            "forecast, "
            f"blaming weak demand for {product}.",
            f"{c} has agreed to buy a smaller rival for {rng.randint(1, 12)}.{rng.randint(1, 9)} billion "
            "dollars, "
            f"the companies said, creating one of the largest makers of {product}.",
            f"{c} is in talks to open a factory in {market.city or market.capital}, a move that would make "
            f"{market.name} its biggest market outside {home.name}, people familiar with the matter said.",
        ],
        [
            f'"We delivered a solid quarter in a difficult market," chief executive {boss} said in a '
            f'statement. "Our priority now is to keep costs under control."',
            f"Chief executive {boss_last} told analysts on a conference call that {he} expected margins to "
            f"recover in the second half.",
            f"{boss}, who became chairman last year, said the board would meet next month to review the "
            f"dividend.",
        ],
        [
            f"Revenue rose to {rng.randint(2, 40)}.{rng.randint(0, 9)} billion dollars, slightly above the "
            f"average analyst estimate, while operating costs fell for the first time in three years.",
            f"The company employs about {rng.randint(3, 90)},000 people, most of them in {home.name}, and "
            "sells "
            f"its products in more than {rng.randint(20, 80)} countries.",
            f"Sales in {market.name} grew by {rng.randint(5, 60)} percent, offsetting a slowdown in "
            f"{home.demonym} stores.",
        ],
        [
            f'"The numbers are better than feared, but the outlook remains cloudy," said {analyst}, an '
            f"analyst at a brokerage in {home.capital}.",
            f"Investors have been worried about rising interest rates, which make it more expensive for "
            f"customers to finance purchases of {product}.",
            f"The annual shareholder meeting is scheduled for {MONTHS[(pub.month + 1) % 12]}, when investors "
            "will "
            f"vote on a proposed share buyback.",
        ],
        [
            "Competition regulators are expected to review the deal, a process that could take up to a year.",
            f"Union representatives said they would seek talks with management about the planned job cuts at "
            f"the {home.city or home.capital} plant.",
            f"The company said it would invest {rng.randint(100, 900)} million dollars in new production "
            "lines "
            f"over the next three years.",
        ],
        [
            f"{c}'s shares have gained {rng.randint(3, 50)} percent so far this year, outperforming the "
            "broader "
            f"market.",
            "Credit rating agencies kept their outlook on the company stable, citing its low debt.",
            f"The results will be discussed at an investor day in {home.capital} later this year.",
        ],
        [
            f"The company has struggled with supply problems since a fire at a supplier's plant in "
            f"{rng.randint(pub.year - 8, pub.year)}, and {boss_last} said the backlog would be cleared by "
            "the end of "
            f"the year.",
            f"Demand for {product} has grown strongly in {market.name} and neighbouring markets, where "
            "rising "
            f"incomes have created a new class of buyers.",
            "Management also announced a review of its property portfolio, which could lead to the sale of "
            "several office buildings.",
        ],
        [
            "Analysts at two large banks raised their price targets for the stock, while a third said the "
            "valuation already reflected the good news.",
            f"The group's debt fell to {rng.randint(1, 9)}.{rng.randint(0, 9)} billion dollars at the end of "
            "the "
            f"quarter, from a peak reached two years ago.",
            f"A spokeswoman for {c} declined to comment on market speculation about further acquisitions.",
        ],
        [
            f"{c} was founded in {rng.randint(1920, 2005)} as a small family firm and listed its shares "
            f"{rng.randint(8, 25)} years ago.",
            "Competitors have also reported weaker orders, suggesting the slowdown is spreading across the "
            "sector, according to an industry survey published last week.",
            "The board proposed a dividend of 45 cents a share, unchanged from last year.",
        ],
        [
            f"The company will publish its full-year results in {MONTHS[(pub.month + 3) % 12]}.",
            f'{boss_last} said the company would keep looking for acquisitions, but only "at the right '
            'price".',
            "Trading volumes in the stock were about three times the daily average.",
        ],
    ]
    if official:
        minister = _someone(rng, home)[0]
        slots.insert(
            2,
            [
                f"{home.demonym} Finance Minister {minister} welcomed the investment, saying it showed "
                f'"confidence in our economy and our workers".',
                f"{home.demonym} Trade Minister {minister} told parliament the government would not block "
                "the deal "
                f"but would seek guarantees on jobs.",
            ],
        )
    return slots


def weather_slots(rng: random.Random, pub: dt.date, official: bool) -> Slots:
    c = rng.choice(COUNTRIES)
    storm = rng.choice(STORMS)
    forecaster = _someone(rng, c)[0]
    mm = rng.randint(40, 300)
    region = rng.choice(["the north", "the south-east", "coastal areas", "the central highlands", "the west"])
    slots: Slots = [
        [
            f"{storm} brought winds of up to {rng.randint(90, 180)} km/h and heavy rain to {region} "
            f"{say_day(rng, pub - dt.timedelta(days=1), pub)}, cutting power to thousands of homes.",
            f"Temperatures climbed above {rng.randint(38, 46)} degrees Celsius across {region} "
            f"{say_day(rng, pub, pub)}, and forecasters warned the heatwave would last into the weekend.",
            f"Flooding forced hundreds of people from their homes in {region} after {mm} millimetres of rain "
            f"fell in less than two days.",
        ],
        [
            f'"This is an exceptional event for this time of year," said {forecaster}, a forecaster at the '
            f"national weather service.",
            f"Forecasters said a band of high pressure would bring calmer conditions by "
            f"{WEEKDAYS[(pub.weekday() + 2) % 7]}, although showers were likely in the mountains.",
            "Emergency services said they had responded to more than 400 calls overnight, mostly for fallen "
            "trees and flooded basements.",
        ],
        [
            "Rail services were suspended on several lines and dozens of flights were cancelled at the main "
            "airport.",
            "Schools in the worst-affected districts stayed closed, and residents were urged to avoid "
            "unnecessary travel.",
            "Farmers said the dry spell had already damaged crops, and water restrictions were introduced in "
            "three districts.",
        ],
        [
            f"Scientists say such extremes are becoming more frequent. Records kept since "
            f"{rng.randint(1860, 1950)} show the ten hottest summers have all occurred in the past two "
            "decades.",
            f"Insurers estimated the damage at around {rng.randint(50, 900)} million dollars, though they "
            f"cautioned that the figure could rise.",
            "Volunteers handed out sandbags in riverside neighbourhoods, and shelters were opened in sports "
            "halls.",
        ],
        [
            "The weather service kept an amber warning in place until Sunday morning.",
            "More rain is forecast for next week, raising fears that rivers could burst their banks again.",
            "Residents were advised to check on elderly neighbours and to drink plenty of water.",
        ],
        [
            "Ski resorts, by contrast, welcomed the fresh snow at higher altitudes.",
            "Air quality warnings were also issued for several cities because of dust carried by the wind.",
            "The storm is expected to weaken as it moves out to sea.",
        ],
        [
            f"In {c.city or c.capital}, firefighters pumped water out of underground car parks through the "
            f"night, and several roads remained closed on {WEEKDAYS[pub.weekday()]} morning.",
            f"The highest gust, {rng.randint(120, 190)} km/h, was recorded at a lighthouse on the coast, the "
            f"weather service said.",
            "Power companies said most customers should be reconnected within 48 hours, although remote "
            "villages could wait longer.",
        ],
        [
            f"Last year's floods in the same region caused damage estimated at {rng.randint(1, 5)} billion "
            f"dollars and led to a review of flood defences.",
            "Hydrologists said river levels would peak on Saturday before slowly falling.",
            "Hospitals reported a rise in admissions for heat exhaustion, mostly among older people.",
        ],
        [
            f"Travellers were warned to expect delays on the motorway between {c.capital} and the coast.",
            "Several outdoor concerts and sports events planned for the weekend were called off.",
            "Zoos and parks closed early, and some shops sold out of fans and bottled water.",
        ],
        [
            "Forecasters expect temperatures to return to the seasonal average of about "
            f"{rng.randint(14, 28)} "
            f"degrees by the middle of next week.",
            "The weather service said it would publish a full assessment of the event next month.",
            "Long-range forecasts suggest a wetter than usual autumn.",
        ],
    ]
    if official:
        name = _someone(rng, c)[0]
        slots.insert(
            2,
            [
                f"Prime Minister {name} visited a flooded village on {WEEKDAYS[pub.weekday()]} and promised "
                f"emergency funds for the affected families.",
                f"Interior Minister {name} said the army had been deployed to help with the evacuation.",
            ],
        )
    return slots


def science_slots(rng: random.Random, pub: dt.date, official: bool) -> Slots:
    c = rng.choice(COUNTRIES)
    uni = rng.choice(UNIVERSITIES)
    lead_author, lead_last, _ = _someone(rng)
    colleague = _someone(rng)[0]
    journal = rng.choice(JOURNALS)
    slots: Slots = [
        [
            f"Researchers at {uni} have found that a common soil bacterium can break down plastic waste far "
            f"faster than previously thought, according to a study published in {journal}.",
            f"A spacecraft built by the {c.demonym} space agency entered orbit around the Moon "
            f"{say_day(rng, pub - dt.timedelta(days=1), pub)}, the agency said.",
            f"Astronomers have detected water vapour in the atmosphere of a planet {rng.randint(40, 300)} "
            f"light years away, a finding reported in {journal}.",
            f"A large trial involving {rng.randint(2, 30)},000 patients suggests that a cheap blood pressure "
            f"pill may also lower the risk of dementia, scientists reported in {journal}.",
        ],
        [
            f'"We were surprised by how consistent the effect was," said {lead_author}, who led the study. '
            f'"But we need larger samples before drawing firm conclusions."',
            f"{lead_author} and colleagues analysed data collected over {rng.randint(5, 25)} years in "
            f"{rng.randint(3, 20)} countries.",
            "The team used a new imaging technique that allows single molecules to be tracked in real time.",
        ],
        [
            "Independent experts welcomed the work but cautioned that laboratory results do not always "
            "translate to real-world conditions.",
            f"The mission, which cost about {rng.randint(80, 900)} million dollars, is expected to operate "
            "for "
            f"at least two years.",
            "The findings could help explain why some populations are more vulnerable than others.",
        ],
        [
            f"The research was funded by a grant from the European Research Council and partners in "
            f"{c.name}.",
            "Data from the study will be made public so that other groups can check the results.",
            "A follow-up experiment is planned aboard the International Space Station next year.",
        ],
        [
            "The authors said their next step is to test the approach in field conditions.",
            "Critics noted that the sample was drawn mostly from older adults in wealthy countries.",
            "The team hopes to publish further results within eighteen months.",
        ],
        [
            f'{lead_last} said the result was "a reminder that the ordinary can still surprise us".',
            "Other groups are racing to replicate the measurement with different instruments.",
            "The paper has been downloaded more than 50,000 times since it appeared online.",
        ],
        [
            f'"It is an elegant piece of work," said {colleague}, who was not involved in the study. "The '
            f'question now is whether it scales."',
            "The instrument on board can measure the composition of the surface to a depth of several "
            "metres.",
            f"The experiment ran for {rng.randint(6, 30)} months and produced more than two petabytes of "
            "data.",
        ],
        [
            "Similar studies in the past were limited by small samples and short follow-up periods.",
            "Engineers spent the first weeks of the mission testing the instruments and adjusting the orbit.",
            "Some of the samples were collected from a depth of more than 3,000 metres.",
        ],
        [
            f"The results are consistent with computer models developed at {rng.choice(UNIVERSITIES)} over "
            "the "
            f"past decade.",
            "The researchers stressed that patients should not change their medication without talking to a "
            "doctor.",
            "A second spacecraft is due to launch in two years to study the far side.",
        ],
        [
            "The project involved more than 60 scientists from 14 institutions.",
            f"{lead_last} will present the findings at a conference in {c.city or c.capital} in the autumn.",
            "Funding for a larger follow-up study has already been approved.",
        ],
    ]
    if official:
        name = _someone(rng, c)[0]
        slots.insert(
            2,
            [
                f'{c.demonym} Science Minister {name} said the result showed the country could "compete with '
                "the "
                f'best research nations".',
            ],
        )
    return slots


def culture_slots(rng: random.Random, pub: dt.date, official: bool) -> Slots:
    c = rng.choice(COUNTRIES)
    director, director_last, g = _someone(rng, c)
    critic = _someone(rng)[0]
    film = rng.choice(FILMS)
    fest = rng.choice(FESTIVALS)
    he = "he" if g == "m" else "she"
    slots: Slots = [
        [
            f"{film}, the new film by {c.demonym} director {director}, won the top prize at the {fest} film "
            f"festival {say_day(rng, pub - dt.timedelta(days=1), pub)}.",
            f"The {c.demonym} band Paper Tigers, led by {director}, announced a world tour that will visit "
            f"{rng.randint(12, 40)} cities, starting in {c.capital} in the spring.",
            f"A major retrospective of the painter {director} opened at the national gallery in {c.capital}, "
            f"bringing together more than {rng.randint(80, 250)} works.",
            f"The novelist {director} has won this year's international fiction prize for a book set in "
            f"{c.city or c.capital} during the 1970s.",
        ],
        [
            f'"I wanted to make something quiet in a noisy world," {director_last} said at the premiere.',
            'Critics praised the performances, and one called it "the most moving work of the year".',
            f'{director_last} said {he} had spent six years on the project. "It was a long journey, but '
            "worth "
            f'it," {he} said.',
        ],
        [
            "Tickets for the opening nights sold out within minutes, the organisers said.",
            "The exhibition runs until the end of the summer and will then travel to two other museums.",
            "The jury was led by an actor who said the decision had been unanimous.",
        ],
        [
            f"The festival drew about {rng.randint(30, 200)},000 visitors this year, a record.",
            "Streaming rights have already been sold in several territories.",
            f"The band's last album reached number one in {rng.randint(3, 12)} countries.",
        ],
        [
            "The book has been translated into 24 languages.",
            "The museum said it would extend its opening hours at weekends.",
            "A documentary about the making of the film is due out next year.",
        ],
        [
            f'{director_last} dedicated the award to the crew, "who worked for almost nothing".',
            "Several scenes were shot at night in a disused railway station.",
            "Organisers said next year's edition would add a section for short films.",
        ],
        [
            f"Born in {c.city or c.capital} in {rng.randint(1950, 1995)}, {director_last} studied "
            "architecture "
            f"before turning to art, and {he} still lives a few streets from where {he} grew up.",
            f'The critic {critic} wrote that the work "confirms a talent that has been maturing for years".',
            "Earlier works were shown in small galleries and at student festivals before finding a wider "
            "audience online.",
        ],
        [
            "The story follows three generations of a family who run a ferry on a remote lake.",
            "The collection includes sketches and notebooks that have never been shown in public.",
            "The new album mixes traditional instruments with electronic beats.",
        ],
        [
            f"Other prizes went to a documentary about fishermen and to a first feature by a "
            f"{rng.randint(23, 35)}-year-old director.",
            "Museum staff spent two years restoring some of the larger canvases, several of which had been "
            "damaged by damp.",
            "The tour's opening shows sold out within hours, and extra dates have been added.",
        ],
        [
            "Next year's festival will take place in the same week of May.",
            "The exhibition catalogue has already been reprinted twice.",
            f"{director_last} said {he} was already working on a new project.",
        ],
    ]
    if official:
        name = _someone(rng, c)[0]
        slots.insert(
            2,
            [
                f'Culture Minister {name} attended the opening and praised the artists for "showing the '
                "world who "
                f'we are".',
            ],
        )
    return slots


ORDINARY: dict[str, Callable[[random.Random, dt.date, bool], Slots]] = {
    "sport": sport_slots,
    "business": business_slots,
    "weather": weather_slots,
    "science": science_slots,
    "culture": culture_slots,
}
OFFICIAL_SHARE = 0.1  # share of ordinary stories that quote a minister or a head of state


def ordinary_text(seed: int, index: int) -> Doc:
    """One ordinary news article (sport, business, weather, science or culture)."""
    rng = random.Random(f"ordinary:{seed}:{index}")
    topic = rng.choice(list(ORDINARY))
    published = published_date(rng)
    official = rng.random() < OFFICIAL_SHARE
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    slots = ORDINARY[topic](rng, published, official)
    for options in slots:
        rng.shuffle(options)
    paras = [slots[0].pop()]
    # Pass after pass over the slots, one unused sentence each, until the target length is reached.
    while words("\n\n".join(paras)) < target and any(slots[1:]):
        for options in slots[1:]:
            if not options or words("\n\n".join(paras)) >= target:
                continue
            sentence = options.pop()
            if len(paras) > 1 and rng.random() < 0.35:
                paras[-1] += " " + sentence
            else:
                paras.append(sentence)
    text = "\n\n".join(paras)
    while words(text) > MAX_WORDS and len(paras) > 3:
        paras.pop()
        text = "\n\n".join(paras)
    return {
        "id": f"ord-{seed}-{index:05d}",
        "text": text,
        "published": published.isoformat(),
        "kind": topic,
        "subkind": topic,
        "official": official,
    }


# ------------------------------------------------------------------------------------------ corpora
def devset_docs(directory: Path = DEVSET_DIR) -> list[Doc]:
    """The development-set articles (``text`` and ``published``), read at run time; [] when absent."""
    if not directory.is_dir():
        return []
    out: list[Doc] = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append({
            "id": data.get("id", path.stem),
            "text": data["text"],
            "published": data.get("published"),
            "kind": "devset",
            "subkind": "devset",
            "official": True,
        })  # fmt: skip
    return out


def diplomatic_corpus(n: int = 2000, seed: int = 13, *, devset: bool = True) -> list[Doc]:
    """``n`` generated diplomatic articles, then the devset articles when the folder exists."""
    docs = [diplomatic_text(seed, i) for i in range(n)]
    return docs + (devset_docs() if devset else [])


def ordinary_corpus(n: int = 800, seed: int = 13) -> list[Doc]:
    return [ordinary_text(seed, i) for i in range(n)]


def mixed_corpus(n: int = 1000, seed: int = 29, diplomatic_share: float = 0.2) -> list[Doc]:
    """``n`` documents, ``diplomatic_share`` of them diplomatic, shuffled deterministically."""
    n_dip = round(n * diplomatic_share)
    docs = [diplomatic_text(seed, i) for i in range(n_dip)] + [
        ordinary_text(seed, i) for i in range(n - n_dip)
    ]
    random.Random(f"mixed:{seed}").shuffle(docs)
    return docs


def write_jsonl(docs: Iterable[Doc], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def read_jsonl(path: Path) -> list[Doc]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def describe(docs: Sequence[Doc]) -> str:
    """Size and composition, for the report."""
    n = len(docs)
    lengths = sorted(words(d["text"]) for d in docs)
    kinds: dict[str, int] = {}
    for d in docs:
        kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
    mix = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    return f"{n} docs, {sum(lengths):,} words (median {lengths[n // 2]}, {lengths[0]}-{lengths[-1]}); {mix}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", choices=["diplomatic", "ordinary", "mixed"], default="diplomatic")
    ap.add_argument("-n", type=int, default=2000, help="number of generated documents")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("-o", "--output", type=Path, help="write JSON Lines here")
    ap.add_argument("--show", type=int, default=0, help="print this many documents")
    args = ap.parse_args(argv)
    if args.kind == "diplomatic":
        docs = diplomatic_corpus(args.n, args.seed)
    elif args.kind == "ordinary":
        docs = ordinary_corpus(args.n, args.seed)
    else:
        docs = mixed_corpus(args.n, args.seed)
    print(describe(docs), file=sys.stderr)
    for d in docs[: args.show]:
        print(f"--- {d['id']} ({d['subkind']}, published {d['published']})\n{d['text']}\n")
    if args.output:
        write_jsonl(docs, args.output)
        print(f"written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
