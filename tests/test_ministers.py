"""The foreign-ministers table (models/ministers.jsonl, models/build_ministers.py) and its loaders.

Every lookup case below is a row of models/ministers/source/holders_foreign.csv (the vendored
Wikidata rows): the name as the source or its English Wikipedia title writes it, a date inside the
source's term, and the country of the repository the row comes from.
"""

from __future__ import annotations

import csv
import datetime
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from conftest import load_script
from visitextract.normalize.leaders import LeaderIndex, LeaderTerm

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
TABLE = MODELS / "ministers.jsonl"
LEADERS = MODELS / "leaders.jsonl"
BUILD_SCRIPT = MODELS / "build_ministers.py"
SOURCE = MODELS / "ministers" / "source"
EXTRACT_SCRIPT = MODELS / "ministers" / "extract_holders.py"
D = datetime.date


@pytest.fixture(scope="module")
def index() -> LeaderIndex:
    return LeaderIndex.ministers()


@pytest.fixture(scope="module")
def build() -> ModuleType:
    pytest.importorskip("pycountry", reason="pycountry is a build-time source (pip install -e .[dev])")
    return load_script("build_ministers", BUILD_SCRIPT)


@pytest.fixture(scope="module")
def extract() -> ModuleType:
    return load_script("extract_holders", EXTRACT_SCRIPT)


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------------------ the table


@pytest.mark.slow
def test_table_is_what_the_script_generates_every_time(tmp_path: Path) -> None:
    pytest.importorskip("pycountry", reason="pycountry is a build-time source (pip install -e .[dev])")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (first, second):
        subprocess.run(
            [sys.executable, str(BUILD_SCRIPT), "--out", str(out)], check=True, capture_output=True
        )
    assert first.read_bytes() == second.read_bytes(), "the build is not deterministic"
    assert first.read_bytes() == TABLE.read_bytes(), (
        "models/ministers.jsonl is stale: run models/build_ministers.py"
    )


def test_table_format() -> None:
    text = TABLE.read_text(encoding="utf-8")
    assert text.endswith("\n") and "\n\n" not in text
    rows = _rows(TABLE)
    assert [row["id"] for row in rows] == sorted(str(row["id"]) for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert list(row) == ["id", "name", "aliases", "terms", "wikidata"]  # exactly leaders.jsonl's keys
        assert str(row["id"]).startswith(("minister:", "leader:"))
        assert row["name"] in row["aliases"]  # type: ignore[operator]
        # a person only the hand terms know may have no QID (never an invented one)
        assert row["wikidata"] is None or str(row["wikidata"]).startswith("Q")
        terms = row["terms"]
        assert isinstance(terms, list) and terms, row["id"]
        for term in terms:
            assert list(term) == ["country", "office", "start", "end"]
            assert len(term["country"]) == 3 and term["country"].isupper()
            assert term["office"] == "Foreign Minister"
            assert term["end"] is None or term["end"] >= "1990-01-01"
            assert term["end"] is None or term["start"] < term["end"]


def test_a_person_in_both_tables_has_the_leaders_id() -> None:
    leader_ids = {row["wikidata"]: row["id"] for row in _rows(LEADERS)}
    shared = 0
    for row in _rows(TABLE):
        if str(row["id"]).startswith("leader:"):
            assert leader_ids[row["wikidata"]] == row["id"]
            shared += 1
        else:
            assert row["wikidata"] not in leader_ids, row["id"]
    assert shared >= 10  # Boris Johnson, Abdullah Gül, Fumio Kishida, Shimon Peres ...


def test_coverage() -> None:
    index = LeaderIndex.load(TABLE)
    countries = {term.country for person in index.leaders for term in person.terms}
    assert len(index) >= 400 and len(countries) >= 60
    assert {"USA", "GBR", "FRA", "RUS", "CHN", "IND", "JPN", "BRA", "ZAF", "EGY", "SAU", "IRN"} <= countries

    def holding(day: date) -> set[str]:
        return {
            t.country
            for p in index.leaders
            for t in p.terms
            if t.start <= day and (t.end is None or day < t.end)
        }

    assert len(holding(D(2020, 1, 1))) >= 55
    assert len(holding(D(2010, 1, 1))) >= 50


def test_source_rows_are_the_listed_positions(extract: ModuleType) -> None:
    repos = {row["repo"]: row for row in extract.read_repos()}  # checks the header and the order
    with (SOURCE / "holders_foreign.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == extract.OUT_COLUMNS
        rows = list(reader)
    assert {row["repo"] for row in rows} == set(repos)
    order = [row["repo"] for row in rows]
    assert order == sorted(order), "rows are grouped by repository in repos.csv order"
    for row in rows:
        repo = repos[row["repo"]]
        assert row["commit"] == repo["commit"] and len(row["commit"]) == 40
        assert row["position"] in repo["positions"].split("|")


def test_people_list_is_sorted_and_clean(build: ModuleType) -> None:
    columns = ("qid", "name", "aliases", "surname", "note")
    rows = build.bl.read_hand("people.csv", columns, ("qid",), directory=build.HAND)
    assert rows and all(row["note"] for row in rows)


# ------------------------------------------------------------------------------- lookups

# (name as a text gives it, date, expected country)
CASES: list[tuple[str, datetime.date, str]] = [
    # Americas
    ("Antony Blinken", D(2021, 6, 1), "USA"),
    ("John Kerry", D(2015, 6, 1), "USA"),
    ("Condoleezza Rice", D(2007, 6, 1), "USA"),
    ("Chrystia Freeland", D(2018, 6, 1), "CAN"),
    ("Mélanie Joly", D(2022, 1, 15), "CAN"),
    ("Marcelo Ebrard", D(2020, 6, 1), "MEX"),
    ("Carlos Alberto França", D(2021, 6, 1), "BRA"),
    ("Santiago Cafiero", D(2021, 12, 1), "ARG"),
    # Europe
    ("William Hague", D(2012, 4, 25), "GBR"),
    ("Dominic Raab", D(2020, 6, 1), "GBR"),
    ("Jean-Yves Le Drian", D(2019, 6, 1), "FRA"),
    ("Laurent Fabius", D(2013, 6, 1), "FRA"),
    ("Sergey Lavrov", D(2014, 1, 1), "RUS"),
    ("Sergei Lavrov", D(2014, 1, 1), "RUS"),  # a transliteration the table does not list (fuzzy)
    ("Luigi Di Maio", D(2020, 6, 1), "ITA"),
    ("Dmytro Kuleba", D(2021, 6, 1), "UKR"),
    ("Nikos Dendias", D(2020, 6, 1), "GRC"),
    ("Dora Bakoyannis", D(2008, 6, 1), "GRC"),  # hand English name (source label: Ntora)
    ("Mevlüt Çavuşoğlu", D(2019, 6, 1), "TUR"),
    ("Mevlut Cavusoglu", D(2019, 6, 1), "TUR"),
    ("Radosław Sikorski", D(2010, 6, 1), "POL"),
    ("Radoslaw Sikorski", D(2010, 6, 1), "POL"),
    ("Stef Blok", D(2019, 1, 1), "NLD"),
    ("José Manuel García-Margallo", D(2013, 6, 1), "ESP"),
    ("García-Margallo", D(2013, 6, 1), "ESP"),  # hand surname (the rule would give 'y Marfil')
    ("Arancha González Laya", D(2020, 6, 1), "ESP"),
    ("Børge Brende", D(2015, 6, 1), "NOR"),
    ("Ine Eriksen Søreide", D(2019, 6, 1), "NOR"),  # the English Wikipedia form of the label
    ("Gahr Støre", D(2008, 6, 1), "NOR"),
    ("Sebastian Kurz", D(2015, 1, 1), "AUT"),
    ("Didier Reynders", D(2015, 1, 1), "BEL"),
    ("Villy Søvndal", D(2012, 1, 1), "DNK"),
    ("Timo Soini", D(2016, 1, 1), "FIN"),
    ("Carl Bildt", D(2010, 6, 1), "SWE"),
    ("Péter Szijjártó", D(2016, 1, 1), "HUN"),
    ("Peter Szijjarto", D(2016, 1, 1), "HUN"),
    ("Lubomír Zaorálek", D(2015, 1, 1), "CZE"),
    ("Paulo Portas", D(2012, 1, 1), "PRT"),
    ("Santos Silva", D(2021, 1, 1), "PRT"),
    ("Nikola Selaković", D(2021, 6, 1), "SRB"),
    ("Grigol Vashadze", D(2010, 1, 1), "GEO"),
    ("Zalkaliani", D(2019, 6, 1), "GEO"),  # hand English name (the source label misspells it)
    ("Elmar Mammadyarov", D(2010, 1, 1), "AZE"),
    ("Erlan Idrissov", D(2014, 1, 1), "KAZ"),
    # Asia and the Pacific
    ("Subrahmanyam Jaishankar", D(2021, 9, 26), "IND"),
    ("S. Jaishankar", D(2021, 9, 26), "IND"),
    ("Sushma Swaraj", D(2016, 6, 1), "IND"),
    ("Wang Yi", D(2016, 6, 1), "CHN"),
    ("Yang Jiechi", D(2010, 6, 1), "CHN"),
    ("Toshimitsu Motegi", D(2020, 6, 1), "JPN"),
    ("Yoshimasa Hayashi", D(2021, 12, 1), "JPN"),
    ("Kang Kyung-wha", D(2019, 6, 1), "KOR"),  # the English Wikipedia spelling
    ("Kang Kyung-hwa", D(2019, 6, 1), "KOR"),  # the Wikidata label
    ("Ban Ki-moon", D(2005, 6, 1), "KOR"),
    ("Retno Marsudi", D(2018, 6, 1), "IDN"),
    ("Vivian Balakrishnan", D(2019, 6, 1), "SGP"),
    ("Pham Binh Minh", D(2015, 6, 1), "VNM"),  # written without the Vietnamese diacritics
    ("Teodoro Locsin Jr.", D(2020, 6, 1), "PHL"),
    ("Dipu Moni", D(2010, 6, 1), "BGD"),
    ("Qureshi", D(2019, 6, 1), "PAK"),
    ("Hina Rabbani Khar", D(2012, 6, 1), "PAK"),
    ("Anifah Aman", D(2012, 1, 1), "MYS"),
    ("Hishammuddin", D(2021, 1, 1), "MYS"),  # a Malay name: the given name, not the father's
    ("G. L. Peiris", D(2012, 1, 1), "LKA"),
    # Middle East and Africa
    ("Sameh Shoukry", D(2022, 3, 21), "EGY"),
    ("Aboul Gheit", D(2008, 6, 1), "EGY"),
    ("Nasser Bourita", D(2021, 3, 6), "MAR"),
    ("Faisal bin Farhan", D(2020, 6, 1), "SAU"),
    ("Adel al-Jubeir", D(2016, 6, 1), "SAU"),
    ("Jubeir", D(2016, 6, 1), "SAU"),
    ("Abdullah bin Zayed", D(2019, 6, 1), "ARE"),
    ("Mohammad Javad Zarif", D(2015, 6, 1), "IRN"),
    ("Hossein Amir-Abdollahian", D(2022, 1, 1), "IRN"),
    ("Hossein Amirabdollahian", D(2022, 1, 1), "IRN"),
    ("Yair Lapid", D(2021, 7, 1), "ISR"),
    ("Tzipi Livni", D(2007, 6, 1), "ISR"),
    ("Hoshyar Zebari", D(2010, 6, 1), "IRQ"),
    ("Walid Muallem", D(2012, 6, 1), "SYR"),
    ("Ramtane Lamamra", D(2015, 6, 1), "DZA"),
    ("Othman Jerandi", D(2021, 6, 1), "TUN"),
    ("Naledi Pandor", D(2020, 6, 1), "ZAF"),
    ("Geoffrey Onyeama", D(2019, 6, 1), "NGA"),
    ("Raychelle Omamo", D(2021, 6, 1), "KEN"),
    ("Tedros", D(2014, 6, 1), "ETH"),
    ("Ayman Safadi", D(2019, 1, 1), "JOR"),
    ("Ayman al-Safadi", D(2019, 1, 1), "JOR"),
    ("Badr Albusaidi", D(2021, 1, 1), "OMN"),
    ("Badr al-Busaidi", D(2021, 1, 1), "OMN"),
    ("Sidiki Kaba", D(2018, 1, 1), "SEN"),
    ("Hanna Tetteh", D(2015, 1, 1), "GHA"),
    # the Americas again
    ("Heraldo Muñoz", D(2016, 1, 1), "CHL"),
    ("Bruno Rodríguez", D(2015, 1, 1), "CUB"),
]


def test_enough_cases() -> None:
    assert len(CASES) >= 80
    assert len({country for _, _, country in CASES}) >= 60


@pytest.mark.parametrize(("name", "on", "country"), CASES)
def test_lookup_on_a_date(index: LeaderIndex, name: str, on: datetime.date, country: str) -> None:
    terms = index.lookup(name, on=on)
    assert [(t.country, t.office) for t in terms] == [(country, "Foreign Minister")], terms


@pytest.mark.parametrize(
    ("name", "on"),
    [
        ("William Hague", D(2016, 1, 1)),  # after his term
        ("Sergey Lavrov", D(2000, 1, 1)),  # before his term
        ("Sushma Swaraj", D(2020, 1, 1)),
        ("Igor Ivanov", D(2004, 6, 1)),  # a year-precise end (2004) cut at Lavrov's start
        ("Selma Ennaifer", D(2021, 1, 1)),  # an open term closed by the successor's start
        ("Thomas A. Shannon Jr.", D(2017, 1, 25)),  # an acting secretary of 12 days is left out
    ],
)
def test_out_of_office_gives_nothing(index: LeaderIndex, name: str, on: datetime.date) -> None:
    assert index.lookup(name, on=on) == []


def test_a_year_precise_start_begins_at_the_predecessors_end(index: LeaderIndex) -> None:
    # Source: Kawaguchi 2002-2004 (years only), Tanaka 2001-04-26..2002-01-30, Machimura from 2004-09-27.
    [term] = index.lookup("Yoriko Kawaguchi")
    assert (term.start, term.end) == (D(2002, 1, 30), D(2004, 9, 27))
    [tanaka] = index.lookup("Makiko Tanaka")  # her year-precise duplicate row is dropped
    assert (tanaka.start, tanaka.end) == (D(2001, 4, 26), D(2002, 1, 30))


@pytest.mark.parametrize("name", ["Wang", "Park", "Kang", "Mohamed", "Hussein", "Ivanov", "Ghebreyesus"])
def test_ambiguous_surnames_are_no_alias(index: LeaderIndex, name: str) -> None:
    assert index.lookup(name) == []


def test_terms_carry_the_person(index: LeaderIndex) -> None:
    [term] = index.lookup("Jaishankar", on=D(2021, 9, 26))
    assert isinstance(term, LeaderTerm)
    assert (term.name, term.wikidata, term.start, term.end) == (
        "Subrahmanyam Jaishankar",
        "Q16186720",
        D(2019, 5, 30),
        None,  # open as of the source's snapshot
    )
    assert [t.start for t in index.lookup("Avigdor Lieberman")] == [D(2013, 11, 11), D(2009, 4, 1)]


# ------------------------------------------------------------------------------ the loaders


def test_default_is_still_the_leaders_table_alone() -> None:
    default = LeaderIndex.default()
    assert len(default) == len(LeaderIndex.load(LEADERS))
    assert default.lookup("Sergey Lavrov") == []
    assert LeaderIndex.ministers() is LeaderIndex.ministers()
    assert LeaderIndex.ministers() is not default


def test_officeholders_merges_one_person_across_tables() -> None:
    both = LeaderIndex.officeholders()
    assert both is LeaderIndex.officeholders()
    assert len(both) == len(LeaderIndex.default()) + len(LeaderIndex.ministers()) - sum(
        1 for p in LeaderIndex.ministers().leaders if p.id.startswith("leader:")
    )
    terms = both.lookup("Boris Johnson")
    assert [(t.country, t.office, t.start) for t in terms] == [
        ("GBR", "Prime Minister", D(2019, 7, 24)),
        ("GBR", "Foreign Minister", D(2016, 7, 13)),
    ]
    assert {t.leader_id for t in terms} == {"leader:boris-johnson"}
    assert [t.office for t in both.lookup("Abdullah Gül", on=D(2005, 6, 1))] == ["Foreign Minister"]
    assert both.lookup("Lavrov", on=D(2014, 1, 1))[0].country == "RUS"


def test_merged_keeps_the_first_tables_name(tmp_path: Path) -> None:
    def table(name: str, row: dict[str, object]) -> LeaderIndex:
        path = tmp_path / name
        path.write_text(json.dumps(row) + "\n", encoding="utf-8")
        return LeaderIndex.load(path)

    term = {"country": "RUR", "office": "Prime Minister", "start": "2030-01-01", "end": None}
    fm = {"country": "RUR", "office": "Foreign Minister", "start": "2025-01-01", "end": "2030-01-01"}
    first = table(
        "a.jsonl", {"id": "leader:ada", "name": "Ada Lovelace", "aliases": ["Ada Lovelace"], "terms": [term]}
    )
    second = table(
        "b.jsonl", {"id": "leader:ada", "name": "Ada King", "aliases": ["Ada King"], "terms": [fm]}
    )
    [person] = LeaderIndex.merged(first, second).leaders
    assert person.name == "Ada Lovelace" and person.aliases == ("Ada Lovelace", "Ada King")
    assert [(t.office, t.name) for t in person.terms] == [
        ("Foreign Minister", "Ada Lovelace"),
        ("Prime Minister", "Ada Lovelace"),
    ]


# ------------------------------------------------------------------------- the build rules


@pytest.mark.parametrize(
    ("value", "last", "expected"),
    [
        ("2004-03-09", False, (D(2004, 3, 9), True, D(2004, 3, 9))),
        ("2004-03", False, (D(2004, 3, 1), False, D(2004, 3, 31))),
        ("2004-02", True, (D(2004, 2, 29), False, D(2004, 2, 29))),
        ("2004", False, (D(2004, 1, 1), False, D(2004, 12, 31))),
        ("2004", True, (D(2004, 12, 31), False, D(2004, 12, 31))),
        ("", False, None),
        ("2004-03-09T00:00:00Z", False, None),
    ],
)
def test_partial_dates(build: ModuleType, value: str, last: bool, expected: object) -> None:
    assert build.parse_partial(value, last=last) == expected


def test_repairs_by_successor(build: ModuleType) -> None:
    def span(qid: str, start: str, end: str) -> object:
        first = build.parse_partial(start, last=False)
        final = build.parse_partial(end, last=True) if end else None
        return build.Span(
            qid, "RUR", first[0], final[0] if final else None, first[1], final[1] if final else True, first[2]
        )

    spans = [
        span("Q1", "1998", "2004"),  # years only: ends at Q2's start
        span("Q2", "2004-03-09", ""),  # open: ends at Q3's start
        span("Q3", "2010-05-01", ""),  # open, no successor: stays open
        span("Q4", "2010-05-02", "2010-05-05"),  # an acting holder of three days: dropped
    ]
    kept = build.drop_doubled_and_short(spans)
    build.repair_by_successor(kept)
    assert [(s.qid, s.start, s.end) for s in kept] == [
        ("Q1", D(1998, 1, 1), D(2004, 3, 9)),
        ("Q2", D(2004, 3, 9), D(2010, 5, 1)),
        ("Q3", D(2010, 5, 1), None),
    ]


def test_extract_selects_the_listed_labels(extract: ModuleType, tmp_path: Path) -> None:
    holders = tmp_path / "owner" / "ruritania" / "html" / "holders21.csv"
    holders.parent.mkdir(parents=True)
    holders.write_text(
        "position,person,personID,start,end,gender,DOB,DOD,image,enwiki\n"
        "President,Rudolf V,Q1,2001,,male,,,,Rudolf V\n"
        'Minister of Foreign Affairs,"Sapt, Jr.",Q2,2001-05-01,2003,male,,,x.jpg,Colonel Sapt\n'
        "Minister of State for Foreign Affairs,Fritz,Q3,2002,2003,male,,,,\n"
        "Minister of Foreign Affairs,Flavia,Q4,2003-06-01,,female,,,,\n",
        encoding="utf-8",
    )
    repos = [
        {
            "repo": "owner/ruritania",
            "commit": "a" * 40,
            "iso3": "RUR",
            "positions": "Minister of Foreign Affairs",
        }
    ]
    rows = extract.extract(tmp_path, repos)
    assert rows == [
        [
            "owner/ruritania",
            "a" * 40,
            "Minister of Foreign Affairs",
            "Sapt, Jr.",
            "Q2",
            "2001-05-01",
            "2003",
            "Colonel Sapt",
        ],
        ["owner/ruritania", "a" * 40, "Minister of Foreign Affairs", "Flavia", "Q4", "2003-06-01", "", ""],
    ]
    out = tmp_path / "out.csv"
    extract.write(out, rows)
    assert out.read_text(encoding="utf-8").splitlines()[2].startswith("owner/ruritania,aaaa")
    with pytest.raises(extract.ExtractError, match="no row has the position Foreign Secretary"):
        extract.extract(
            tmp_path, [{**repos[0], "positions": "Minister of Foreign Affairs|Foreign Secretary"}]
        )
    with pytest.raises(extract.ExtractError, match="missing"):
        extract.extract(tmp_path, [{**repos[0], "repo": "owner/elsewhere"}])
