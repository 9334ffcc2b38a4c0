"""The leaders table (models/leaders.jsonl, models/build_leaders.py) and its loader."""

from __future__ import annotations

import csv
import datetime
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import load_script
from visitextract.errors import KnowledgeTableError
from visitextract.normalize.leaders import LeaderIndex, LeaderTerm, fold_name

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
TABLE = MODELS / "leaders.jsonl"
BUILD_SCRIPT = MODELS / "build_leaders.py"
HAND = MODELS / "leaders" / "hand"
D = datetime.date


@pytest.fixture(scope="module")
def index() -> LeaderIndex:
    return LeaderIndex.default()


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("build_leaders", BUILD_SCRIPT)


# ------------------------------------------------------------------------------ the table


def test_table_is_what_the_script_generates(tmp_path: Path) -> None:
    pytest.importorskip("pycountry", reason="pycountry is a build-time source (pip install -e .[dev])")
    out = tmp_path / "leaders.jsonl"
    subprocess.run([sys.executable, str(BUILD_SCRIPT), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == TABLE.read_bytes(), (
        "models/leaders.jsonl is stale: run models/build_leaders.py"
    )


def test_table_format() -> None:
    text = TABLE.read_text(encoding="utf-8")
    assert text.endswith("\n") and "\n\n" not in text
    rows = [json.loads(line) for line in text.splitlines()]
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert list(row) == ["id", "name", "aliases", "terms", "wikidata"]
        assert row["id"].startswith("leader:") and row["name"] in row["aliases"]
        assert row["wikidata"].startswith("Q")
        assert row["terms"], row["id"]
        for term in row["terms"]:
            assert list(term) == ["country", "office", "start", "end"]
            assert len(term["country"]) == 3 and term["country"].isupper()
            assert term["end"] is None or term["end"] >= "1990-01-01"
            assert term["end"] is None or term["start"] <= term["end"]


def test_coverage() -> None:
    index = LeaderIndex.load(TABLE)
    countries = {term.country for leader in index.leaders for term in leader.terms}
    assert len(index) > 1000
    assert len(countries) > 180
    assert {"USA", "RUS", "CHN", "IND", "BRA", "NGA", "ZAF", "DEU", "JPN", "AUS", "EGY", "IRN"} <= countries
    assert not countries & {"HKG", "GIB", "PRI", "GRL"}, "dependent territories are left out"


@pytest.mark.parametrize("name", ["territories.csv", "exclude.csv", "offices.csv", "people.csv", "terms.csv"])
def test_hand_list_is_sorted_and_clean(build: ModuleType, name: str) -> None:
    with (HAND / name).open(encoding="utf-8", newline="") as fh:
        columns = tuple(next(csv.reader(fh)))
    key = {"offices.csv": ("iso3", "role"), "terms.csv": ("qid", "iso3", "role", "start")}.get(
        name, (columns[0],)
    )
    assert build.read_hand(name, columns, key)  # raises BuildError on disorder, duplicates, spaces


# ------------------------------------------------------------------------------- lookups

# (name as a text gives it, date, expected country, expected office)
CASES: list[tuple[str, datetime.date, str, str]] = [
    # Americas
    ("Barack Obama", D(2010, 6, 1), "USA", "President"),
    ("Obama", D(2016, 12, 1), "USA", "President"),
    ("Bill Clinton", D(1995, 6, 1), "USA", "President"),
    ("George W. Bush", D(2005, 6, 1), "USA", "President"),
    ("George H.W. Bush", D(1991, 6, 1), "USA", "President"),
    ("Donald Trump", D(2019, 6, 1), "USA", "President"),
    ("Justin Trudeau", D(2018, 6, 1), "CAN", "Prime Minister"),
    ("Jair Bolsonaro", D(2020, 6, 1), "BRA", "President"),
    ("Lula", D(2005, 6, 1), "BRA", "President"),
    ("López Obrador", D(2020, 6, 1), "MEX", "President"),
    ("Raúl Castro", D(2012, 6, 1), "CUB", "President"),
    # Europe
    ("Vladimir Putin", D(2010, 6, 1), "RUS", "Prime Minister"),
    ("Putin", D(2020, 6, 1), "RUS", "President"),
    ("Putin", D(2003, 6, 1), "RUS", "President"),
    ("Boris Yeltsin", D(1995, 6, 1), "RUS", "President"),
    ("Angela Merkel", D(2015, 6, 1), "DEU", "Chancellor"),
    ("Helmut Kohl", D(1995, 6, 1), "DEU", "Chancellor"),
    ("Emmanuel Macron", D(2019, 6, 1), "FRA", "President"),
    ("Jacques Chirac", D(1999, 6, 1), "FRA", "President"),
    ("Tony Blair", D(2003, 6, 1), "GBR", "Prime Minister"),
    ("Queen Elizabeth", D(2012, 6, 1), "GBR", "Queen"),
    ("Viktor Orbán", D(2018, 6, 1), "HUN", "Prime Minister"),
    ("Zelensky", D(2022, 3, 1), "UKR", "President"),
    ("Alexander Lukashenko", D(2020, 8, 9), "BLR", "President"),
    ("Pedro Sánchez", D(2020, 6, 1), "ESP", "Prime Minister"),
    # Asia and the Pacific
    ("Narendra Modi", D(2020, 6, 1), "IND", "Prime Minister"),
    ("Manmohan Singh", D(2009, 6, 1), "IND", "Prime Minister"),
    ("Xi Jinping", D(2018, 6, 1), "CHN", "President"),
    ("Li Keqiang", D(2016, 6, 1), "CHN", "Prime Minister"),
    ("Shinzo Abe", D(2015, 6, 1), "JPN", "Prime Minister"),
    ("Kim Jong Un", D(2018, 6, 12), "PRK", "Supreme Leader"),
    ("Moon Jae-in", D(2018, 6, 1), "KOR", "President"),
    ("Joko Widodo", D(2016, 6, 1), "IDN", "President"),
    ("Rodrigo Duterte", D(2018, 6, 1), "PHL", "President"),
    ("Lee Hsien Loong", D(2010, 6, 1), "SGP", "Prime Minister"),
    ("Malcolm Turnbull", D(2016, 6, 1), "AUS", "Prime Minister"),
    ("Tokaev", D(2022, 6, 1), "KAZ", "President"),
    ("Tokayev", D(2022, 6, 1), "KAZ", "President"),
    ("Nursultan Nazarbayev", D(2005, 6, 1), "KAZ", "President"),
    # Middle East and Africa
    ("Ali Khamenei", D(2010, 6, 1), "IRN", "Supreme Leader"),
    ("Hassan Rouhani", D(2015, 6, 1), "IRN", "President"),
    ("Erdogan", D(2010, 6, 1), "TUR", "Prime Minister"),
    ("Erdoğan", D(2016, 6, 1), "TUR", "President"),
    ("Benjamin Netanyahu", D(2010, 6, 1), "ISR", "Prime Minister"),
    ("King Salman", D(2016, 6, 1), "SAU", "King"),
    ("Sisi", D(2016, 6, 1), "EGY", "President"),
    ("Bashar al-Assad", D(2012, 6, 1), "SYR", "President"),
    ("Assad", D(2012, 6, 1), "SYR", "President"),
    ("Cyril Ramaphosa", D(2019, 6, 1), "ZAF", "President"),
    ("Jacob Zuma", D(2012, 6, 1), "ZAF", "President"),
    ("Paul Kagame", D(2010, 6, 1), "RWA", "President"),
    ("Muhammadu Buhari", D(2017, 6, 1), "NGA", "President"),
    ("Abiy Ahmed Ali", D(2019, 6, 1), "ETH", "Prime Minister"),
    # terms the source lists without a start date, dated by hand/terms.csv
    ("King Abdullah II", D(2025, 8, 1), "JOR", "King"),
    ("Edi Rama", D(2024, 6, 1), "ALB", "Prime Minister"),
    ("Andrew Holness", D(2011, 12, 1), "JAM", "Prime Minister"),
    ("Andrew Holness", D(2020, 6, 1), "JAM", "Prime Minister"),
    ("Hun Manet", D(2024, 6, 1), "KHM", "Prime Minister"),
    ("Emomali Rahmon", D(2015, 6, 1), "TJK", "President"),
]


def test_enough_cases() -> None:
    assert len(CASES) >= 30
    assert len({country for _, _, country, _ in CASES}) >= 25


@pytest.mark.parametrize(("name", "on", "country", "office"), CASES)
def test_lookup_on_a_date(
    index: LeaderIndex, name: str, on: datetime.date, country: str, office: str
) -> None:
    terms = index.lookup(name, on=on)
    assert [(t.country, t.office) for t in terms] == [(country, office)], terms


def test_putin_without_a_date_lists_every_term_most_recent_first(index: LeaderIndex) -> None:
    terms = index.lookup("Vladimir Putin")
    assert [(t.office, t.start.year) for t in terms] == [
        ("President", 2012),
        ("Prime Minister", 2008),
        ("President", 2000),
        ("Prime Minister", 1999),
    ]
    assert terms[0].end is None and terms[0].wikidata == "Q7747"
    assert all(isinstance(t, LeaderTerm) and t.name == "Vladimir Putin" for t in terms)


def test_margin_covers_a_hand_over(index: LeaderIndex) -> None:
    # Medvedev handed over to Putin on 2012-05-07: a week later both still match, with the margin.
    assert {t.name for t in index.lookup("Putin", on=D(2012, 5, 14))} == {"Vladimir Putin"}
    assert len(index.lookup("Putin", on=D(2012, 5, 14))) == 2  # the outgoing PM term and the new one
    assert index.lookup("Obama", on=D(2017, 2, 15)) != []  # within 30 days of leaving office
    assert index.lookup("Obama", on=D(2017, 3, 1)) == []


@pytest.mark.parametrize(
    "name",
    ["John Smith", "Zurich", "Switzerland", "", "  ", "Obama Obama Obama", "Vladimir", "Kim"],
)
def test_names_that_are_not_leaders(index: LeaderIndex, name: str) -> None:
    assert index.lookup(name) == []
    assert index.lookup(name, on=D(2015, 1, 1)) == []


def test_out_of_office_gives_nothing(index: LeaderIndex) -> None:
    assert index.lookup("Barack Obama", on=D(2020, 6, 1)) == []
    assert index.lookup("Angela Merkel", on=D(1995, 6, 1)) == []


@pytest.mark.parametrize("surname", ["Castro", "Maduro", "Orban", "Herzog", "Martin", "Silva"])
def test_surname_shared_across_countries_is_not_an_alias(index: LeaderIndex, surname: str) -> None:
    """Documented rule: a surname two countries' leaders share gives nothing; full names still do."""
    assert index.lookup(surname) == []


def test_shared_surname_full_names_still_resolve(index: LeaderIndex) -> None:
    assert index.countries("Raúl Castro") == ["CUB"]
    assert index.countries("Xiomara Castro") == ["HND"]
    assert index.countries("Nicolás Maduro", on=D(2020, 1, 1)) == ["VEN"]
    assert index.countries("Ludovic Orban") == ["ROU"]


def test_surname_shared_within_one_country_is_kept(index: LeaderIndex) -> None:
    names = {t.name for t in index.lookup("Bush")}
    assert names == {"George W. Bush", "George H. W. Bush"}
    assert [t.name for t in index.lookup("Bush", on=D(2005, 1, 1))] == ["George W. Bush"]


def test_a_name_two_countries_use_returns_both(index: LeaderIndex) -> None:
    """'Albert II' is a king of the Belgians and a prince of Monaco: both come back, caller decides."""
    assert set(index.countries("Albert II", on=D(2010, 1, 1))) == {"BEL", "MCO"}
    assert index.countries("Albert II", on=D(2000, 1, 1)) == ["BEL"]


def test_monarchs_of_several_realms_are_kept_under_one_country(index: LeaderIndex) -> None:
    assert index.countries("Charles III") == ["GBR"]
    assert index.countries("Elizabeth II") == ["GBR"]
    assert index.countries("Emmanuel Macron") == ["FRA"]  # not also Andorra's co-prince


def test_short_names_get_no_surname_alias(index: LeaderIndex) -> None:
    assert index.lookup("Abe") == []  # three letters
    assert index.lookup("Xi") == []
    assert index.countries("Shinzō Abe") == ["JPN"]


def test_folding(index: LeaderIndex) -> None:
    assert fold_name("  Shinzō   ABE ") == "shinzo abe"
    assert fold_name("Kim Jong-un") == fold_name("Kim Jong Un")
    assert fold_name("George H. W. Bush") == fold_name("George H.W. Bush")
    assert fold_name("Lech Wałęsa") == "lech walesa"
    assert index.countries("LECH WALESA") == ["POL"]
    assert index.countries("Tuilaepa Sailele Malielegaoi") == ["WSM"]


def test_fuzzy_fallback_is_strict(index: LeaderIndex) -> None:
    assert index.countries("Volodymyr Zelenskiy", on=D(2022, 3, 1)) == ["UKR"]
    assert index.lookup("Putun") == []  # short queries are never matched fuzzily
    assert index.lookup("Vladimir Potanin") == []


def test_match_returns_leaders(index: LeaderIndex) -> None:
    [leader] = index.match("Obama")
    assert leader.id == "leader:barack-obama" and leader.wikidata == "Q76"
    assert "Barack Hussein Obama" in leader.aliases
    assert index.by_id["leader:barack-obama"] is leader


# ------------------------------------------------------------------------------ the loader


def test_default_is_cached(index: LeaderIndex) -> None:
    assert LeaderIndex.default() is index


def test_load_is_fast_and_exact_lookup_is_cheap() -> None:
    import time

    started = time.perf_counter()
    fresh = LeaderIndex.load(TABLE)
    assert time.perf_counter() - started < 1.0  # about 15 ms here; generous for slow CI machines
    fresh.lookup("Barack Obama", on=D(2010, 6, 1))
    started = time.perf_counter()
    for _ in range(1000):
        fresh.lookup("Barack Obama", on=D(2010, 6, 1))
    assert (time.perf_counter() - started) / 1000 < 0.001  # about 1 µs here


def test_malformed_table_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "leaders.jsonl"
    good = '{"id": "leader:a", "name": "A B", "aliases": ["A B"], "terms": [], "wikidata": null}'
    bad.write_text(good + "\n" + '{"id": "leader:b", "name": "C"}\n', encoding="utf-8")
    with pytest.raises(KnowledgeTableError) as excinfo:
        LeaderIndex.load(bad)
    assert "leaders.jsonl" in str(excinfo.value) and "2" in str(excinfo.value)


def test_custom_table(tmp_path: Path) -> None:
    table = tmp_path / "leaders.jsonl"
    row = {
        "id": "leader:ada-lovelace",
        "name": "Ada Lovelace",
        "aliases": ["Ada Lovelace", "Lovelace"],
        "terms": [{"country": "GBR", "office": "Prime Minister", "start": "2030-01-01", "end": None}],
    }
    table.write_text(json.dumps(row) + "\n", encoding="utf-8")
    index = LeaderIndex.load(table)
    [term] = index.lookup("lovelace", on=D(2031, 1, 1))
    assert (term.country, term.office, term.end, term.wikidata) == ("GBR", "Prime Minister", None, None)


def test_an_open_term_ends_when_a_successor_takes_the_office(build: ModuleType) -> None:
    Term, Person = build.Term, build.Person
    d = datetime.date

    def person(qid: str, *terms: tuple[str, str, datetime.date, datetime.date | None]) -> object:
        p = Person(qid=qid, label=qid)
        p.terms.extend(
            Term(country=c, office="Prime Minister", role=r, start=s, end=e) for c, r, s, e in terms
        )
        return p

    persons = {
        # the source gives no end to the predecessor's term, only the successor's start
        "Q1": person("Q1", ("EST", "head_of_government", d(2021, 1, 26), None)),
        "Q2": person("Q2", ("EST", "head_of_government", d(2024, 7, 23), None)),
        # a rival whose term ended ends nothing
        "Q3": person("Q3", ("VEN", "head_of_state", d(2013, 3, 5), None)),
        "Q4": person("Q4", ("VEN", "head_of_state", d(2019, 1, 23), d(2023, 1, 5))),
        # a collective presidency: three open terms at once
        "Q5": person("Q5", ("BIH", "head_of_state", d(2018, 10, 7), None)),
        "Q6": person("Q6", ("BIH", "head_of_state", d(2022, 1, 1), None)),
        "Q7": person("Q7", ("BIH", "head_of_state", d(2022, 1, 1), None)),
    }
    build.close_open_terms(persons)
    ends = {qid: p.terms[0].end for qid, p in persons.items()}
    assert ends == {
        "Q1": d(2024, 7, 23),
        "Q2": None,
        "Q3": None,
        "Q4": d(2023, 1, 5),
        "Q5": None,
        "Q6": None,
        "Q7": None,
    }


def test_kallas_is_no_longer_a_head_of_government_in_2025(index: LeaderIndex) -> None:
    assert index.lookup("Kaja Kallas", on=datetime.date(2025, 3, 1)) == []
    assert [t.country for t in index.lookup("Kaja Kallas", on=datetime.date(2023, 3, 1))] == ["EST"]


def test_a_hand_term_dates_only_a_source_row_without_a_start(build: ModuleType) -> None:
    # Jamaica's premier between his two terms is someone else; a gap in the hand terms is no term
    persons = build.read_source(*build.load_hand())
    holness = [(t.start.isoformat(), t.end) for t in persons["Q505200"].terms]
    assert holness == [("2011-10-23", datetime.date(2012, 1, 5)), ("2016-03-03", None)]
