"""The gazetteer tables (models/) and their loader (visitextract.normalize.gazetteer)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType

import pytest

from conftest import load_script
from visitextract.errors import KnowledgeTableError
from visitextract.normalize.gazetteer import ALIAS_TYPES, KINDS, Gazetteer, models_dir

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
TABLE = MODELS / "gazetteer.jsonl"
BUILD_SCRIPT = MODELS / "build_gazetteer.py"

# The 193 UN member states (ISO 3166-1 alpha-3).
_UN_MEMBER_CODES = """
    AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA
    BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK
    DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY
    HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
    LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ
    MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY
    QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD
    TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB
    ZWE
"""
UN_MEMBERS = frozenset(_UN_MEMBER_CODES.split())
OBSERVERS = frozenset({"VAT", "PSE"})


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines()]


def _build_module() -> ModuleType:
    return load_script("build_gazetteer", BUILD_SCRIPT)


# ------------------------------------------------------------------------------------ the table


@pytest.mark.slow
def test_table_is_what_the_script_generates(tmp_path: Path) -> None:
    build = _build_module()
    for package, built_with in build.BUILT_WITH.items():
        try:
            installed = version(package)
        except PackageNotFoundError:
            pytest.skip(f"{package} is not installed (pip install -e .[dev])")
        if installed != built_with:
            pytest.skip(f"{package} {installed} installed; the table was built with {built_with}")
    out = tmp_path / "gazetteer.jsonl"
    subprocess.run([sys.executable, str(BUILD_SCRIPT), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == TABLE.read_bytes(), (
        "models/gazetteer.jsonl is stale: run models/build_gazetteer.py"
    )


def test_table_format(rows: list[dict[str, object]]) -> None:
    text = TABLE.read_text(encoding="utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")
    ids = [str(r["id"]) for r in rows]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    prefixes = {"country", "city", "region", "site", "bloc", "org"}
    for row in rows:
        assert list(row)[:4] == ["id", "kind", "name", "country"] and list(row)[-1] == "aliases"
        assert row["kind"] in KINDS
        assert str(row["id"]).split(":", 1)[0] in prefixes
        aliases = row["aliases"]
        assert isinstance(aliases, list) and aliases, row["id"]
        for alias in aliases:
            assert alias["type"] in ALIAS_TYPES, (row["id"], alias)
            assert alias["text"] == alias["text"].strip() and not alias["text"].startswith("the ")
        if row["kind"] == "country":
            assert row["id"] == f"country:{row['country']}"
        if row["kind"] == "bloc":
            assert row["id"] == f"bloc:{row['country']}"


def test_size_is_reasonable() -> None:
    assert TABLE.stat().st_size < 3_000_000


def test_un_members_and_observers_have_names_and_demonyms(gaz: Gazetteer) -> None:
    assert len(UN_MEMBERS) == 193
    for iso3 in sorted(UN_MEMBERS | OBSERVERS):
        entity = gaz.country(iso3)
        assert entity is not None, iso3
        assert entity.kind == "country" and entity.country == iso3
        assert gaz.lookup(entity.name)[0].entity_id == entity.id, iso3
        assert gaz.demonym_of(iso3), f"{iso3} has no demonym"
        assert entity.wikidata is not None and entity.wikidata.startswith("Q"), iso3


def test_territories_present(gaz: Gazetteer) -> None:
    for iso3, name in [
        ("TWN", "Taiwan"),
        ("XKX", "Kosovo"),
        ("HKG", "Hong Kong"),
        ("MAC", "Macau"),
        ("ESH", "Western Sahara"),
        ("PRI", "Puerto Rico"),
        ("GRL", "Greenland"),
    ]:
        entity = gaz.country(iso3)
        assert entity is not None and entity.name == name


def test_every_country_capital_is_a_capital_city(gaz: Gazetteer) -> None:
    for iso3 in sorted(UN_MEMBERS):
        capital = gaz.capital_of(iso3)
        assert capital is not None, iso3
        assert capital.kind == "city" and capital.capital and capital.country == iso3


# ------------------------------------------------------------------------------------ lookups

CASES = [
    # countries and demonyms
    ("Kazakh", "country:KAZ", "KAZ"),
    ("Kazakhstani", "country:KAZ", "KAZ"),
    ("Kazakhs", "country:KAZ", "KAZ"),
    ("Kazakhstan", "country:KAZ", "KAZ"),
    ("Lithuanian", "country:LTU", "LTU"),
    ("Russians", "country:RUS", "RUS"),
    ("Russian Federation", "country:RUS", "RUS"),
    ("Burma", "country:MMR", "MMR"),
    ("Myanmar", "country:MMR", "MMR"),
    ("Burmese", "country:MMR", "MMR"),
    ("Türkiye", "country:TUR", "TUR"),
    ("Turkiye", "country:TUR", "TUR"),
    ("Turkey", "country:TUR", "TUR"),
    ("Turkish", "country:TUR", "TUR"),
    ("US", "country:USA", "USA"),
    ("U.S.", "country:USA", "USA"),
    ("USA", "country:USA", "USA"),
    ("United States of America", "country:USA", "USA"),
    ("American", "country:USA", "USA"),
    ("UK", "country:GBR", "GBR"),
    ("U.K.", "country:GBR", "GBR"),
    ("Britain", "country:GBR", "GBR"),
    ("Zim", "country:ZWE", "ZWE"),  # colloquial in Southern African news
    ("British", "country:GBR", "GBR"),
    ("Saudi", "country:SAU", "SAU"),
    ("Saudi Arabian", "country:SAU", "SAU"),
    ("KSA", "country:SAU", "SAU"),
    ("Emirati", "country:ARE", "ARE"),
    ("UAE", "country:ARE", "ARE"),
    ("South Korean", "country:KOR", "KOR"),
    ("ROK", "country:KOR", "KOR"),
    ("North Korean", "country:PRK", "PRK"),
    ("DPRK", "country:PRK", "PRK"),
    ("Equatorial Guinean", "country:GNQ", "GNQ"),
    ("Czechia", "country:CZE", "CZE"),
    ("Czech Republic", "country:CZE", "CZE"),
    ("Ivory Coast", "country:CIV", "CIV"),
    ("Côte d'Ivoire", "country:CIV", "CIV"),
    ("Côte d’Ivoire", "country:CIV", "CIV"),
    ("Swaziland", "country:SWZ", "SWZ"),
    ("PRC", "country:CHN", "CHN"),
    ("Chinese", "country:CHN", "CHN"),
    ("DRC", "country:COD", "COD"),
    ("DR Congo", "country:COD", "COD"),
    ("Congo-Brazzaville", "country:COG", "COG"),
    ("Holy See", "country:VAT", "VAT"),
    ("Vatican", "country:VAT", "VAT"),
    ("Palestinian", "country:PSE", "PSE"),
    ("Taiwanese", "country:TWN", "TWN"),
    ("Kosovar", "country:XKX", "XKX"),
    ("Filipino", "country:PHL", "PHL"),
    ("Dutch", "country:NLD", "NLD"),
    ("Swiss", "country:CHE", "CHE"),
    ("Lao", "country:LAO", "LAO"),
    ("Kyrgyz", "country:KGZ", "KGZ"),
    ("Mexican", "country:MEX", "MEX"),
    ("Pakistani", "country:PAK", "PAK"),
    ("Vietnamese", "country:VNM", "VNM"),
    ("Kuwait", "country:KWT", "KWT"),
    ("Singapore", "country:SGP", "SGP"),
    ("Luxembourg", "country:LUX", "LUX"),
    ("Jordan", "country:JOR", "JOR"),
    ("Georgia", "country:GEO", "GEO"),
    # cities
    ("Astana", "city:astana", "KAZ"),
    ("Nur-Sultan", "city:astana", "KAZ"),
    ("Akmola", "city:astana", "KAZ"),
    ("Moscow", "city:moscow", "RUS"),
    ("Washington", "city:washington", "USA"),
    ("Washington, D.C.", "city:washington", "USA"),
    ("Beijing", "city:beijing", "CHN"),
    ("Peking", "city:beijing", "CHN"),
    ("Kyiv", "city:kyiv", "UKR"),
    ("Kiev", "city:kyiv", "UKR"),
    ("Bombay", "city:mumbai", "IND"),
    ("Rangoon", "city:yangon", "MMR"),
    ("Saigon", "city:ho-chi-minh-city", "VNM"),
    ("Calcutta", "city:kolkata", "IND"),
    ("Madras", "city:chennai", "IND"),
    ("New Delhi", "city:new-delhi", "IND"),
    ("MEXICO CITY", "city:mexico-city", "MEX"),
    ("HANOI", "city:hanoi", "VNM"),
    ("Riyadh", "city:riyadh", "SAU"),
    ("Malabo", "city:malabo", "GNQ"),
    ("Abuja", "city:abuja", "NGA"),
    ("Islamabad", "city:islamabad", "PAK"),
    ("Cairo", "city:cairo", "EGY"),
    ("Tokyo", "city:tokyo", "JPN"),
    ("Paris", "city:paris", "FRA"),
    ("Berlin", "city:berlin", "DEU"),
    ("Rome", "city:rome", "ITA"),
    ("Warsaw", "city:warsaw", "POL"),
    ("Dresden", "city:dresden", "DEU"),
    ("Muenster", "city:munster", "DEU"),
    ("Münster", "city:munster", "DEU"),
    ("Wilmington", "city:wilmington", "USA"),
    ("New York", "city:new-york-city", "USA"),
    ("Ulaanbaatar", "city:ulaanbaatar", "MNG"),
    ("Naypyidaw", "city:nay-pyi-taw", "MMR"),
    ("Bogota", "city:bogota", "COL"),
    # seats of government
    ("Kremlin", "site:kremlin", "RUS"),
    ("the Kremlin", "site:kremlin", "RUS"),
    ("White House", "site:white-house", "USA"),
    ("Élysée Palace", "site:elysee-palace", "FRA"),
    ("Elysee", "site:elysee-palace", "FRA"),
    ("Bellevue Palace", "site:bellevue-palace", "DEU"),
    ("Bellevue palace", "site:bellevue-palace", "DEU"),
    ("Downing Street", "site:downing-street", "GBR"),
    ("Quai d'Orsay", "site:quai-d-orsay", "FRA"),
    ("Zhongnanhai", "site:zhongnanhai", "CHN"),
    ("Ak Orda", "site:akorda", "KAZ"),
    ("Foggy Bottom", "site:foggy-bottom", "USA"),
    ("Pentagon", "site:pentagon", "USA"),
    ("Knesset", "site:knesset", "ISR"),
    ("Rashtrapati Bhavan", "site:rashtrapati-bhavan", "IND"),
    # blocs and bodies
    ("EU", "bloc:EU", "EU"),
    ("E.U.", "bloc:EU", "EU"),
    ("European Union", "bloc:EU", "EU"),
    ("NATO", "bloc:NATO", "NATO"),
    ("Nato", "bloc:NATO", "NATO"),
    ("UN", "bloc:UN", "UN"),
    ("United Nations", "bloc:UN", "UN"),
    ("ASEAN", "bloc:ASEAN", "ASEAN"),
    ("AU", "bloc:AU", "AU"),
    ("African Union", "bloc:AU", "AU"),
    ("CSTO", "bloc:CSTO", "CSTO"),
    ("SCO", "bloc:SCO", "SCO"),
    ("OIC", "bloc:OIC", "OIC"),
    ("European Commission", "org:european-commission", "EU"),
    ("UNSC", "org:un-security-council", "UN"),
    ("WHO", "org:who", "UN"),
    # regions
    ("Middle East", "region:middle-east", None),
    ("Gulf", "region:gulf", None),
    ("Asian", "region:asia", None),
    ("Southeast Asian", "region:southeast-asia", None),
    ("Baltic", "region:baltics", None),
    ("Crimea", "region:crimea", "UKR"),
]


def test_enough_cases() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(("alias", "entity_id", "country"), CASES)
def test_lookup(gaz: Gazetteer, alias: str, entity_id: str, country: str | None) -> None:
    hits = gaz.lookup(alias)
    assert hits, f"no entity for {alias!r}"
    assert hits[0].entity_id == entity_id
    assert gaz.entity(entity_id).country == country


def test_capitals(gaz: Gazetteer) -> None:
    assert gaz.entity("city:astana").capital
    assert gaz.entity("city:new-delhi").capital and not gaz.entity("city:delhi").capital
    assert gaz.capital_of("IND") == gaz.entity("city:new-delhi")
    assert gaz.capital_of("VNM") == gaz.entity("city:hanoi")
    assert gaz.capital_of("kaz") == gaz.entity("city:astana")
    assert gaz.capital_of("XXX") is None


def test_demonym_of_prefers_the_listed_form(gaz: Gazetteer) -> None:
    assert gaz.demonym_of("KAZ") == "Kazakh"
    assert gaz.demonym_of("KOR") == "South Korean"
    assert gaz.demonym_of("ARE") == "Emirati"
    assert gaz.demonym_of("XXX") is None


def test_georgia_has_both_readings(gaz: Gazetteer) -> None:
    hits = gaz.lookup("Georgia")
    assert [h.entity_id for h in hits] == ["country:GEO", "region:us-georgia"]
    assert "us_state" in hits[0].ambiguity and "country" in hits[1].ambiguity
    assert gaz.entity("region:us-georgia").country == "USA"


def test_person_name_tags(gaz: Gazetteer) -> None:
    assert "person_name" in gaz.lookup("Washington")[0].ambiguity
    assert gaz.entity(gaz.lookup("Washington")[0].entity_id).capital
    assert "person_name" in gaz.lookup("Jordan")[0].ambiguity
    assert "person_name" in gaz.lookup("Chad")[0].ambiguity


def test_ambiguous_demonyms_name_both_countries(gaz: Gazetteer) -> None:
    for text, ids in [
        ("Congolese", {"country:COD", "country:COG"}),
        ("Korea", {"country:KOR", "country:PRK"}),
        ("Korean", {"country:KOR", "country:PRK"}),
        ("Dominican", {"country:DOM", "country:DMA"}),
    ]:
        hits = gaz.lookup(text)
        assert {h.entity_id for h in hits} == ids
        assert all("ambiguous_country" in h.ambiguity for h in hits)
    assert gaz.lookup("Korea")[0].entity_id == "country:KOR"  # more populous first


def test_city_country_aliases(gaz: Gazetteer) -> None:
    hits = gaz.lookup("Singapore")
    assert [h.entity_id for h in hits] == ["country:SGP", "city:singapore"]
    assert all("city_country" in h.ambiguity for h in hits)
    assert "America" in {a.text for a in gaz.iter_aliases() if a.entity_id == "country:USA"}
    assert "region" in gaz.lookup("America")[0].ambiguity
    assert gaz.lookup("Mexico")[0].entity_id == "country:MEX" and len(gaz.lookup("Mexico")) == 1


def test_namesake_cities_ranked_capital_then_population(gaz: Gazetteer) -> None:
    assert [h.entity_id for h in gaz.lookup("Hyderabad")] == ["city:hyderabad", "city:hyderabad-pak"]
    assert gaz.lookup("Paris")[0].entity_id == "city:paris"
    assert gaz.lookup("London")[0].entity_id == "city:london"


def test_case_insensitive_fallback_is_careful(gaz: Gazetteer) -> None:
    assert gaz.lookup("who") == []  # lower-case word, not WHO
    assert gaz.lookup("us") == []
    assert gaz.lookup("nice") == []  # common word
    assert gaz.lookup("NICE")[0].entity_id == "city:nice"
    assert gaz.lookup("KAZAKHSTAN")[0].entity_id == "country:KAZ"
    assert gaz.lookup("no such place") == []


def test_entity_errors_are_clear(gaz: Gazetteer) -> None:
    with pytest.raises(KeyError, match="country:KAZ"):
        gaz.entity("country:Kazakhstan")
    assert gaz.country("kaz") == gaz.entity("country:KAZ")
    assert gaz.country("XXX") is None


def test_iter_aliases_each_once(gaz: Gazetteer) -> None:
    aliases = list(gaz.iter_aliases())
    keys = [(a.text, a.entity_id, a.type) for a in aliases]
    assert len(keys) == len(set(keys))
    assert all(a.entity_id in gaz.entities for a in aliases)
    assert {a.text for a in aliases} == set(gaz.alias_to_entities)


def test_default_is_cached_and_models_dir_found() -> None:
    assert Gazetteer.default() is Gazetteer.default()
    assert (models_dir() / "gazetteer.jsonl").is_file()


# ------------------------------------------------------------------------------------ hand lists

SORT_KEYS = {
    "alternate_names.csv": ("iso3", "alias"),
    "ambiguity.csv": ("alias", "entity_id"),
    "blocs.csv": ("id", "alias"),
    "descriptions.csv": ("description",),
    "capitals.csv": ("iso3",),
    "city_names.csv": ("iso3", "city", "alias", "type"),
    "country_names.csv": ("iso3",),
    "demonyms.csv": ("iso3",),
    "organizations.csv": ("id", "alias"),
    "regions.csv": ("id", "alias"),
    "seats.csv": ("id", "alias"),
    "territories.csv": ("iso3",),
    "wikidata.csv": ("iso3",),
}


@pytest.mark.parametrize("name", sorted(SORT_KEYS))
def test_hand_list_is_sorted_and_clean(name: str) -> None:
    path = MODELS / "hand" / name
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n") and "\r" not in raw
    with path.open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    for row in table:
        assert all(v == v.strip() for v in row.values()), row
    keys = [tuple(row[k].casefold() for k in SORT_KEYS[name]) for row in table]
    assert keys == sorted(keys), f"{name} is not sorted by {SORT_KEYS[name]}"
    full = [tuple(v for k, v in row.items() if k != "note") for row in table]
    assert len(full) == len(set(full)), f"{name} has duplicate rows"


def test_hand_lists_cover_all_tables() -> None:
    assert {p.name for p in (MODELS / "hand").glob("*.csv")} == set(SORT_KEYS)


# ------------------------------------------------------------------------------------ user tables


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_user_csv_overrides_and_extends(tmp_path: Path) -> None:
    table = _write(
        tmp_path / "aliases.csv",
        "alias,id,kind,country,name,wikidata,type\n"
        "Georgia,region:us-georgia,region,USA,,,name\n"
        "ALZHIR,site:alzhir-memorial,site,KAZ,ALZHIR memorial,,name\n"
        "ALZHIR memorial complex,site:alzhir-memorial,site,KAZ,,,alt\n"
        "Akmolinsk,city:astana,city,KAZ,,,former\n",
    )
    gaz = Gazetteer.load(user_tables=[table])
    assert gaz.lookup("Georgia")[0].entity_id == "region:us-georgia"
    assert gaz.lookup("Georgia")[1].entity_id == "country:GEO"
    assert gaz.entity("site:alzhir-memorial").name == "ALZHIR memorial"
    assert gaz.entity("site:alzhir-memorial").country == "KAZ"
    assert gaz.lookup("ALZHIR memorial complex")[0].entity_id == "site:alzhir-memorial"
    assert gaz.lookup("Akmolinsk")[0].entity_id == "city:astana"
    # the shared default is untouched
    assert Gazetteer.default().lookup("Georgia")[0].entity_id == "country:GEO"


def test_user_json_and_jsonl(tmp_path: Path) -> None:
    rows = [
        {"alias": "Gotham", "id": "city:gotham", "kind": "city", "country": "USA"},
        {
            "alias": "Kazakh",
            "id": "org:kazakh-club",
            "kind": "organization",
            "country": "KAZ",
            "type": "name",
        },
    ]
    as_json = _write(tmp_path / "aliases.json", json.dumps(rows))
    as_jsonl = _write(
        tmp_path / "more.jsonl",
        json.dumps({"alias": "Q-land", "id": "region:q-land", "kind": "region", "country": None}) + "\n",
    )
    gaz = Gazetteer.load(user_tables=[as_json, str(as_jsonl)])
    assert gaz.lookup("Gotham")[0].entity_id == "city:gotham"
    assert gaz.entity("city:gotham").country == "USA"
    assert gaz.lookup("Kazakh")[0].entity_id == "org:kazakh-club"
    assert gaz.lookup("Kazakh")[1].entity_id == "country:KAZ"
    assert gaz.entity("region:q-land").country is None


def test_user_yaml(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    table = _write(
        tmp_path / "aliases.yaml",
        "- alias: Nursultan\n  id: city:astana\n  kind: city\n  country: KAZ\n  type: former\n"
        "- alias: Spassk Memorial Complex\n  id: site:spassk-memorial\n  kind: site\n  country: KAZ\n",
    )
    gaz = Gazetteer.load(user_tables=[table])
    assert gaz.lookup("Nursultan")[0].entity_id == "city:astana"
    assert gaz.entity("site:spassk-memorial").kind == "site"


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("alias,id,kind,country\nAstana,city:astana,city,KAZ\nFoo,city:foo,town,KAZ\n", 3, "kind"),
        ("alias,id,kind,country\nFoo,foo,city,KAZ\n", 2, "id"),
        ("alias,id,kind,country\n,city:foo,city,KAZ\n", 2, "alias is empty"),
        ("alias,id,kind,country\nFoo,city:foo,city,Kazakhstan\n", 2, "country"),
        ("alias,id,kind,country,type\nFoo,city:foo,city,KAZ,nickname\n", 2, "type"),
        ("alias,id,kind\nFoo,city:foo,city\n", 2, "country"),
        ("alias,id,kind,country\nAstana,city:astana,country,KAZ\n", 2, "id"),
        ("alias,id,kind,country\nAstana,city:astana,city,UZB\n", 2, "already exists"),
        ("alias,id,kind,country\nFoo,city:foo,city,KAZ,extra\n", 2, "more fields"),
    ],
)
def test_malformed_user_row(tmp_path: Path, content: str, line: int, reason: str) -> None:
    table = _write(tmp_path / "bad.csv", content)
    with pytest.raises(KnowledgeTableError, match=rf"E005.*line {line}:.*{reason}"):
        Gazetteer.load(user_tables=[table])


def test_malformed_json_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeTableError, match=r"E005.*line 2"):
        Gazetteer.load(user_tables=[_write(tmp_path / "bad.json", '[\n{"alias": }\n]')])
    with pytest.raises(KnowledgeTableError, match=r"E005.*list of rows"):
        Gazetteer.load(user_tables=[_write(tmp_path / "obj.json", '{"alias": "x"}')])
    with pytest.raises(KnowledgeTableError, match=r"E006.*'.txt'"):
        Gazetteer.load(user_tables=[_write(tmp_path / "aliases.txt", "alias\n")])


def test_malformed_builtin_table(tmp_path: Path) -> None:
    table = _write(tmp_path / "g.jsonl", '{"id": "country:KAZ", "kind": "country"}\n')
    with pytest.raises(KnowledgeTableError, match=r"E005.*line 1"):
        Gazetteer.load(paths=[table])


def test_descriptions_name_real_countries() -> None:
    import pycountry

    with (MODELS / "hand" / "descriptions.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        codes = row["countries"].split()
        assert codes and len(codes) == len(set(codes)), row
        unknown = [c for c in codes if c != "XKX" and pycountry.countries.get(alpha_3=c) is None]
        assert not unknown, (row["description"], unknown)
