"""The hand-curated foreign-minister terms (models/ministers/hand/terms.csv) and what they change.

Build-level cases run ``build_ministers.build`` on small temporary hand tables; table-level cases
read the shipped models/ministers.jsonl; end-to-end cases run ``visitextract.extract_visit`` on
short texts written for these tests. Every table-level and end-to-end case fails on the table as it
was before the hand terms (its source snapshot ends in 2021-22 and has no Germany or Australia).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from types import ModuleType

import pytest

import visitextract
from conftest import load_script
from visitextract.normalize.leaders import LeaderIndex

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
TABLE = MODELS / "ministers.jsonl"
BUILD_SCRIPT = MODELS / "build_ministers.py"
HEADER = "name,iso3,start,end,qid,note\n"
D = datetime.date


@pytest.fixture(scope="module")
def build() -> ModuleType:
    pytest.importorskip("pycountry", reason="pycountry is a build-time source (pip install -e .[dev])")
    return load_script("build_ministers_hand", BUILD_SCRIPT)


@pytest.fixture(scope="module")
def table() -> LeaderIndex:
    return LeaderIndex.load(TABLE)


def _terms_file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "terms.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _person(ministers: list[object], name: str) -> object:
    [person] = [m for m in ministers if m.name == name]  # type: ignore[attr-defined]
    return person


def _spans(person: object) -> list[tuple[str, datetime.date, datetime.date | None]]:
    return [(t.country, t.start, t.end) for t in person.terms]  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- build level

# (hand rows, person name in the output, expected id, expected wikidata, expected terms)
BUILD_CASES = [
    pytest.param(
        ["Ada Lovelace,GBR,2026-01-01,,,a new person"],
        "Ada Lovelace",
        "minister:ada-lovelace",
        None,
        [("GBR", D(2026, 1, 1), None)],
        id="new-person-without-qid",
    ),
    pytest.param(
        ["Penny Wong,AUS,2022-05-23,,Q456759,a new person with a QID"],
        "Penny Wong",
        "minister:penny-wong",
        "Q456759",
        [("AUS", D(2022, 5, 23), None)],
        id="new-person-with-qid",
    ),
    pytest.param(
        ["Toshimitsu Motegi,JPN,2025-10-21,,Q1655453,second term"],
        "Toshimitsu Motegi",
        "minister:toshimitsu-motegi",
        "Q1655453",
        [("JPN", D(2019, 9, 11), D(2021, 11, 4)), ("JPN", D(2025, 10, 21), None)],
        id="existing-person-by-qid-gets-a-term",
    ),
    pytest.param(
        ["Radosław Sikorski,POL,2023-12-13,,,matched by the source label"],
        "Radosław Sikorski",
        "minister:radoslaw-sikorski",
        "Q58085",
        [("POL", D(2007, 11, 16), D(2014, 9, 22)), ("POL", D(2023, 12, 13), None)],
        id="existing-person-by-name-gets-a-term",
    ),
    pytest.param(
        ["Liz Truss,GBR,2021-09-15,2022-09-06,,matched by the English Wikipedia title"],
        "Elizabeth Truss",
        "leader:liz-truss",
        "Q272201",
        [("GBR", D(2021, 9, 15), D(2022, 9, 6))],
        id="hand-end-wins-over-the-open-source-row",
    ),
    pytest.param(
        ["Badr Abdelatty,EGY,2024-07-03,,,successor only"],
        "Sameh Shoukry",
        "minister:sameh-shoukry",
        "Q7409268",
        [("EGY", D(2014, 6, 17), D(2024, 7, 3))],
        id="successor-closes-the-predecessors-open-term",
    ),
    pytest.param(
        [
            "Qin Gang,CHN,2022-12-30,2023-07-25,,",
            "Wang Yi,CHN,2023-07-25,,Q701801,second term",
        ],
        "Wang Yi",
        "minister:wang-yi",
        "Q701801",
        [("CHN", D(2023, 7, 25), None)],  # the source's open row from 2013 overlaps it: replaced
        id="hand-term-replaces-the-overlapping-source-row",
    ),
]


@pytest.mark.parametrize(("rows", "name", "ident", "wikidata", "terms"), BUILD_CASES)
def test_hand_terms_in_the_build(
    build: ModuleType,
    tmp_path: Path,
    rows: list[str],
    name: str,
    ident: str,
    wikidata: str | None,
    terms: list[tuple[str, datetime.date, datetime.date | None]],
) -> None:
    ministers = build.build(_terms_file(tmp_path, rows))
    person = _person(ministers, name)
    assert person.id == ident  # type: ignore[attr-defined]
    assert build.as_json(person)["wikidata"] == wikidata
    assert _spans(person) == terms


def test_a_new_person_gets_aliases_by_the_rules(build: ModuleType, tmp_path: Path) -> None:
    rows = ["Penny Wong,AUS,2022-05-23,,Q456759,", "Annalena Baerbock,DEU,2021-12-08,2025-05-06,,"]
    ministers = build.build(_terms_file(tmp_path, rows))
    assert _person(ministers, "Annalena Baerbock").aliases == {"Annalena Baerbock", "Baerbock"}  # type: ignore[attr-defined]
    # 'Wong' is Lawrence Wong's surname in the leaders table (Singapore): no alias for Penny Wong
    assert _person(ministers, "Penny Wong").aliases == {"Penny Wong"}  # type: ignore[attr-defined]


def test_a_differing_hand_name_becomes_an_alias(build: ModuleType, tmp_path: Path) -> None:
    rows = ["Shah Mahmood Qureshi,PAK,2018-08-20,2022-04-10,Q1543422,"]
    ministers = build.build(_terms_file(tmp_path, rows))
    assert "Shah Mahmood Qureshi" in _person(ministers, "Makhdoom Shah Mahmood Hussain Qureshi").aliases  # type: ignore[attr-defined]


# (rows of the file after the header, the row number named in the error, what the error says)
MALFORMED = [
    pytest.param(["Ada Lovelace,XYZ,2026-01-01,,,"], 2, "unknown ISO3", id="unknown-iso3"),
    pytest.param(["Ada Lovelace,gbr,2026-01-01,,,"], 2, "unknown ISO3", id="lowercase-iso3"),
    pytest.param(["Ada Lovelace,GBR,2026-13-01,,,"], 2, "YYYY-MM-DD", id="impossible-date"),
    pytest.param(["Ada Lovelace,GBR,2026-01,,,"], 2, "YYYY-MM-DD", id="month-precise-date"),
    pytest.param(["Ada Lovelace,GBR,2026-01-01,soon,,"], 2, "YYYY-MM-DD", id="bad-end"),
    pytest.param(
        ["Ada Lovelace,GBR,2026-01-01,2025-01-01,,"], 2, "not after the start", id="end-before-start"
    ),
    pytest.param(["Ada Lovelace,GBR,2026-01-01,2026-01-01,,"], 2, "not after the start", id="end-is-start"),
    pytest.param(["Ada Lovelace,GBR,2026-01-01,,Q0,"], 2, "bad QID", id="bad-qid"),
    pytest.param(
        ["Ada Lovelace,GBR,2026-01-01,,,", "Ada Lovelace,GBR,2026-01-01,,,"], 3, "duplicate", id="duplicate"
    ),
    pytest.param(
        ["Ada Lovelace,GBR,2026-01-01,,,", "Ada Lovelace,GBR,2026-06-01,,,"], 3, "overlaps", id="overlap"
    ),
    pytest.param(
        ["Ada Lovelace,GBR,2026-01-01,,,", "Ada King,FRA,2026-01-01,,,"],
        3,
        "sorted",
        id="unsorted",
    ),
    pytest.param(["Ada Lovelace,GBR,2026-01-01,,"], 2, "columns", id="missing-column"),
    pytest.param(["Ada Lovelace,GBR,2026-01-01,,,,"], 2, "columns", id="extra-column"),
    pytest.param(["Ada Lovelace ,GBR,2026-01-01,,,"], 2, "stray space", id="stray-space"),
    pytest.param([",GBR,2026-01-01,,,"], 2, "no name", id="no-name"),
]


@pytest.mark.parametrize(("rows", "line", "message"), MALFORMED)
def test_malformed_rows_raise_naming_file_and_row(
    build: ModuleType, tmp_path: Path, rows: list[str], line: int, message: str
) -> None:
    path = _terms_file(tmp_path, rows)
    with pytest.raises(build.BuildError, match=rf"^{re.escape(str(path))}:{line}: .*{message}"):
        build.build(path)


def test_shipped_terms_are_sorted_clean_and_noted(build: ModuleType) -> None:
    terms = build.read_terms()
    assert len(terms) >= 100 and len({t.country for t in terms}) >= 50
    rows = build.bl.read_hand(
        "terms.csv", build.TERM_COLUMNS, ("iso3", "start", "name"), directory=build.HAND
    )
    assert all(row["note"] for row in rows)


# --------------------------------------------------------------------------- table level

# (name as a text gives it, date, the one country of that day's foreign minister)
IN_OFFICE = [
    ("Penny Wong", D(2024, 3, 1), "AUS"),
    ("Annalena Baerbock", D(2023, 5, 10), "DEU"),
    ("Baerbock", D(2022, 2, 1), "DEU"),
    ("Johann Wadephul", D(2025, 9, 1), "DEU"),
    ("Badr Abdelatty", D(2025, 1, 1), "EGY"),
    ("Hakan Fidan", D(2024, 1, 1), "TUR"),
    ("David Lammy", D(2025, 1, 1), "GBR"),
    ("David Cameron", D(2024, 3, 1), "GBR"),
    ("Jean-Noël Barrot", D(2025, 3, 1), "FRA"),
    ("Antonio Tajani", D(2024, 1, 1), "ITA"),
    ("Mauro Vieira", D(2024, 1, 1), "BRA"),
    ("Juan Ramón de la Fuente", D(2025, 1, 1), "MEX"),
    ("Yusuf Tuggar", D(2024, 1, 1), "NGA"),
    ("Qin Gang", D(2023, 3, 1), "CHN"),
    ("Radosław Sikorski", D(2024, 6, 1), "POL"),
    ("Marco Rubio", D(2025, 6, 1), "USA"),
    ("Toshimitsu Motegi", D(2025, 12, 1), "JPN"),
    ("Lars Løkke Rasmussen", D(2024, 1, 1), "DNK"),
]


@pytest.mark.parametrize(("name", "on", "country"), IN_OFFICE)
def test_in_office_on_a_date(table: LeaderIndex, name: str, on: datetime.date, country: str) -> None:
    terms = [t for t in table.lookup(name, on=on) if t.start <= on and (t.end is None or on < t.end)]
    assert [(t.country, t.office) for t in terms] == [(country, "Foreign Minister")], terms


# (name, a date after the term: the successor's term has run for months)
OUT_OF_OFFICE = [
    ("Sameh Shoukry", D(2025, 1, 1)),
    ("Liz Truss", D(2023, 6, 1)),
    ("Jean-Yves Le Drian", D(2023, 1, 1)),
    ("Yoshimasa Hayashi", D(2024, 6, 1)),
    ("Mevlüt Çavuşoğlu", D(2024, 1, 1)),
    ("Zbigniew Rau", D(2024, 6, 1)),
    ("Dmytro Kuleba", D(2025, 3, 1)),
    ("Antony Blinken", D(2025, 6, 1)),
    ("Wang Yi", D(2023, 3, 1)),  # Qin Gang's term, between Wang Yi's two
]


@pytest.mark.parametrize(("name", "on"), OUT_OF_OFFICE)
def test_predecessors_are_no_longer_in_office(table: LeaderIndex, name: str, on: datetime.date) -> None:
    assert table.lookup(name), name  # still in the table, with an earlier term
    assert table.lookup(name, on=on) == []


# ------------------------------------------------------------------------------ end to end

# (text, publication date, person, the country the extraction gives them)
END_TO_END = [
    (
        "Foreign Minister Penny Wong arrived in Jakarta on Monday for talks on regional security.",
        "2024-03-04",
        "Penny Wong",
        "AUS",
    ),
    (
        "Foreign Minister Annalena Baerbock spent two days in Kyiv, where she met President "
        "Volodymyr Zelensky.",
        "2023-05-10",
        "Annalena Baerbock",
        "DEU",  # the old table had no Germany: the host's country was taken
    ),
    (
        "Top diplomat Badr Abdelatty met his Saudi counterpart in Riyadh on Sunday to discuss the "
        "war in Gaza.",
        "2025-01-12",
        "Badr Abdelatty",
        "EGY",
    ),
    (
        "Foreign Minister Hakan Fidan travelled to Moscow on Tuesday for talks with Sergey Lavrov.",
        "2024-06-11",
        "Hakan Fidan",
        "TUR",
    ),
    (
        "Foreign Secretary David Lammy visited Beijing on Friday, the first such trip in six years.",
        "2024-10-18",
        "David Lammy",
        "GBR",
    ),
    (
        "Foreign Minister Jean-Noël Barrot arrived in Beirut on Sunday.",
        "2025-02-02",
        "Jean-Noël Barrot",
        "FRA",
    ),
]


@pytest.mark.parametrize(("text", "published", "name", "country"), END_TO_END)
def test_extraction_gives_the_ministers_country(text: str, published: str, name: str, country: str) -> None:
    ex = visitextract.extract_visit(text, published=published)
    assert [p.country for p in ex.people if p.name == name] == [country], [
        (p.name, p.country) for p in ex.people
    ]
