"""Build ``models/leaders.jsonl``, the leaders table behind ``visitextract.normalize.leaders``.

Run ``python models/build_leaders.py`` (or ``--out PATH``) after editing a list under
``models/leaders/hand/`` or replacing the vendored source. The output is deterministic: leaders
sorted by id, a fixed key order, ``ensure_ascii=False``, one JSON object per line and a trailing
newline, so a second run gives a byte-identical file and a test can regenerate it and compare.

Where the data comes from (details, repository, path and commit in ``models/sources.md``):

- ``leaders/source/leaders_history.csv``: a verbatim copy of a Wikidata extract (SPARQL over the
  country items' head of state P35 / head of government P6 statements and the holders of the
  offices P1906 / P1313, with start P580 and end P582 qualifiers), keyed by ISO 3166-1 alpha-3
  (Wikidata P298). The facts are Wikidata's (CC0 1.0). Labels were fetched with Portuguese
  preferred, so some names are Portuguese; ``hand/people.csv`` gives the English ones.
- ``leaders/hand/*.csv``: reviewed lists written for this project (same licence as the project):
  English names and extra aliases, office names per country and role, dependent territories that
  are left out, rows that are not people, and the terms of source rows that lack a start date
  (``terms.csv``: Wikidata has the office holder but not the qualifier, e.g. King Abdullah II).

What the build does, in order:

1. Reads the source; drops rows without a QID, rows of excluded QIDs (bodies, not people), rows of
   dependent territories, rows without a start date (no term can be placed in time) unless
   ``hand/terms.csv`` dates them, rows whose end is an unknown value, and terms that ended before
   ``MIN_END`` (the table covers 1990 onwards).
2. Gives each term an office: ``hand/offices.csv`` per (country, role), else "President" for a
   head of state and "Prime Minister" for a head of government; ``hand/people.csv`` can override
   the office and restrict a person to some countries (monarchs of several realms, the French
   president as Co-Prince of Andorra).
3. Drops a head-of-government term that overlaps a head-of-state term of the same person in the
   same country (presidential systems list the president under both), then merges overlapping or
   adjacent terms (gap of at most one day) with the same country and office.
4. Names and aliases: the English name (``people.csv``, else the source label), extra aliases, and
   a surname alias when the surname has at least ``MIN_SURNAME_LETTERS`` letters, the name is not
   a monarch's or a 'bin'/'ibn' name, and no leader of another country shares it.

The build validates ISO3 codes against pycountry (pinned in the dev extra; Kosovo's XKX is
accepted as in the gazetteer) and office names against ``models/offices/titles.csv`` plus
``EXTRA_OFFICES``; it fails on unsorted or duplicate hand rows, stray spaces and unknown codes.
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
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "leaders" / "source" / "leaders_history.csv"
HAND = HERE / "leaders" / "hand"
TITLES = HERE / "offices" / "titles.csv"
DEFAULT_OUT = HERE / "leaders.jsonl"

# Terms that ended before this date are left out: the table serves news from 1990 onwards.
MIN_END = date(1990, 1, 1)
MIN_SURNAME_LETTERS = 4
ROLES = ("head_of_government", "head_of_state")
DEFAULT_OFFICE = {"head_of_state": "President", "head_of_government": "Prime Minister"}
# Office names the source needs that models/offices/titles.csv does not list (yet).
EXTRA_OFFICES = frozenset(
    {"Captain Regent", "Co-Prince", "Emperor", "Governor-General", "Grand Duke", "Prince", "State Counsellor"}
)
MONARCH_OFFICES = frozenset(
    {"Co-Prince", "Emir", "Emperor", "Grand Duke", "King", "Pope", "Prince", "Queen", "Sultan"}
)
NON_ISO_CODES = frozenset({"XKX"})
# Countries whose leaders' names are written family name first in English.
FAMILY_NAME_FIRST = frozenset({"CHN", "KOR", "PRK", "TWN"})
PARTICLES = frozenset(
    {"al", "ben", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "e", "el", "la", "le"}
    | {"ten", "ter", "van", "von", "y", "zu"}
)
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr."})
_ROMAN_RE = re.compile(r"^[IVXL]+$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T")
_FOLD_TABLE = str.maketrans(
    {"’": "'", "‘": "'", "ʻ": "'", "‐": "-", "‑": "-", "–": "-", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"}
    | {"ø": "o", "Ø": "O", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "ð": "d", "Ð": "D", "þ": "th"}
)


class BuildError(Exception):
    """A hand list or the source is malformed; the message names the file and row."""


@dataclass
class Term:
    country: str
    office: str
    role: str
    start: date
    end: date | None


@dataclass
class Person:
    qid: str
    label: str
    terms: list[Term] = field(default_factory=list)


@dataclass(frozen=True)
class PersonHand:
    name: str
    aliases: tuple[str, ...]
    surname: str  # "" = use the rule, "-" = no surname alias, else this text
    office: str
    countries: frozenset[str]


# ------------------------------------------------------------------------------------ helpers


def ascii_fold(text: str) -> str:
    """Accents and special letters folded to ASCII, for slugs and surname comparison."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


def parse_date(value: str) -> date | None:
    match = _DATE_RE.match(value)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return date(year, month, day)


def read_hand(
    name: str, columns: tuple[str, ...], key: tuple[str, ...], directory: Path = HAND
) -> list[dict[str, str]]:
    """Read a hand CSV, checking header, stray spaces, duplicates and sort order (by ``key``).

    ``directory`` lets the sibling tables (``build_ministers.py``) check their lists the same way."""
    path = directory / name
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise BuildError(f"{path}: header must be {','.join(columns)}, got {reader.fieldnames}")
        rows = list(reader)
    seen: set[tuple[str, ...]] = set()
    previous: tuple[object, ...] | None = None
    for line, row in enumerate(rows, start=2):
        for column, value in row.items():
            if value is None or value != value.strip() or "  " in value:
                raise BuildError(f"{path}:{line}: stray space or missing value in column {column!r}")
        ident = tuple(row[c] for c in key)
        if ident in seen:
            raise BuildError(f"{path}:{line}: duplicate row for {ident}")
        seen.add(ident)
        order = tuple(int(v[1:]) if _QID_RE.match(v) else v for v in ident)
        if previous is not None and order < previous:
            raise BuildError(f"{path}:{line}: rows must be sorted by {', '.join(key)}")
        previous = order
    return rows


def known_iso3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | NON_ISO_CODES


def known_offices() -> frozenset[str]:
    with TITLES.open(encoding="utf-8", newline="") as fh:
        return frozenset(row["office"] for row in csv.DictReader(fh)) | EXTRA_OFFICES


# ------------------------------------------------------------------------------- hand lists


def load_hand() -> tuple[frozenset[str], frozenset[str], dict[tuple[str, str], str], dict[str, PersonHand]]:
    iso3 = known_iso3()
    offices = known_offices()
    territories = frozenset(r["iso3"] for r in read_hand("territories.csv", ("iso3", "note"), ("iso3",)))
    excluded = frozenset(r["qid"] for r in read_hand("exclude.csv", ("qid", "note"), ("qid",)))
    office_map: dict[tuple[str, str], str] = {}
    for row in read_hand("offices.csv", ("iso3", "role", "office", "note"), ("iso3", "role")):
        if row["iso3"] not in iso3 or row["role"] not in ROLES or row["office"] not in offices:
            raise BuildError(f"offices.csv: unknown country, role or office in {row}")
        office_map[(row["iso3"], row["role"])] = row["office"]
    people: dict[str, PersonHand] = {}
    columns = ("qid", "name", "aliases", "surname", "office", "countries", "note")
    for row in read_hand("people.csv", columns, ("qid",)):
        if not _QID_RE.match(row["qid"]) or (row["office"] and row["office"] not in offices):
            raise BuildError(f"people.csv: bad QID or unknown office in {row}")
        countries = frozenset(c for c in row["countries"].split("|") if c)
        if not countries <= iso3:
            raise BuildError(f"people.csv: unknown country in {row}")
        people[row["qid"]] = PersonHand(
            name=row["name"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            surname=row["surname"],
            office=row["office"],
            countries=countries,
        )
    for code in territories:
        if code not in iso3:
            raise BuildError(f"territories.csv: unknown ISO3 {code}")
    return territories, excluded, office_map, people


def load_hand_terms() -> dict[tuple[str, str, str], list[tuple[date, date | None]]]:
    """``hand/terms.csv``: (qid, iso3, role) -> the terms of a source row without a start date."""
    out: dict[tuple[str, str, str], list[tuple[date, date | None]]] = defaultdict(list)
    columns = ("qid", "iso3", "role", "start", "end", "note")
    for row in read_hand("terms.csv", columns, ("qid", "iso3", "role", "start")):
        start = parse_date(row["start"] + "T")
        end = parse_date(row["end"] + "T") if row["end"] else None
        if not _QID_RE.match(row["qid"]) or row["role"] not in ROLES or start is None:
            raise BuildError(f"terms.csv: bad QID, role or start date in {row}")
        if (row["end"] and end is None) or (end is not None and end <= start):
            raise BuildError(f"terms.csv: the end must be a date after the start in {row}")
        out[(row["qid"], row["iso3"], row["role"])].append((start, end))
    return out


# ----------------------------------------------------------------------------------- terms


def read_source(
    territories: frozenset[str],
    excluded: frozenset[str],
    office_map: dict[tuple[str, str], str],
    people: dict[str, PersonHand],
) -> dict[str, Person]:
    iso3 = known_iso3()
    hand_terms = load_hand_terms()
    used: set[tuple[str, str, str]] = set()
    persons: dict[str, Person] = {}
    with SOURCE.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            qid, country, role = row["person_qid"], row["iso3"], row["role"]
            if not _QID_RE.match(qid) or qid in excluded or country in territories:
                continue
            if not _ISO3_RE.match(country) or country not in iso3 or role not in ROLES:
                raise BuildError(f"{SOURCE}:{line}: unknown country or role {country!r} {role!r}")
            start, end = parse_date(row["start"]), parse_date(row["end"])
            spans: list[tuple[date, date | None]] = [(start, end)] if start is not None else []
            if start is None and not row["end"] and (qid, country, role) in hand_terms:
                used.add((qid, country, role))
                spans = hand_terms[(qid, country, role)]
            if (row["end"] and end is None) or not spans:
                continue
            hand = people.get(qid)
            if hand and hand.countries and country not in hand.countries:
                continue
            office = (hand.office if hand else "") or office_map.get((country, role)) or DEFAULT_OFFICE[role]
            person = persons.setdefault(qid, Person(qid=qid, label=row["person"]))
            for first, last in spans:
                if last is None or last >= MIN_END:
                    person.terms.append(
                        Term(country=country, office=office, role=role, start=first, end=last)
                    )
    unused = sorted(set(hand_terms) - used)
    if unused:
        raise BuildError(f"terms.csv: no source row without a start date for {unused}")
    return persons


def close_open_terms(persons: dict[str, Person]) -> None:
    """An open term (no end in the source) ends when someone else takes the same office of the same
    country for an open term too: Wikidata often lacks the end of a term whose successor it does list
    (Kaja Kallas's premiership, which Kristen Michal took over on 2024-07-23). A rival's term that
    ended (Guaidó's) ends nothing, and collective heads (three or more open terms: Bosnia's
    presidency) are left as they are."""
    by_office: dict[tuple[str, str], list[tuple[Term, str]]] = defaultdict(list)
    for qid, person in persons.items():
        for term in person.terms:
            by_office[(term.country, term.role)].append((term, qid))
    for terms in by_office.values():
        open_terms = [(t, q) for t, q in terms if t.end is None]
        if len({q for _, q in open_terms}) >= 3:
            continue
        for term, qid in open_terms:
            later = [
                t.start
                for t, other in open_terms
                if other != qid and t.start > term.start + timedelta(days=30)
            ]
            if later:
                term.end = min(later)


def _overlaps(a: Term, b: Term) -> bool:
    """True when the terms share more than a boundary day (hand-overs are dated on both sides)."""
    a_end = a.end or date.max
    b_end = b.end or date.max
    return a.start < b_end and b.start < a_end


def clean_terms(terms: list[Term]) -> list[Term]:
    """Drop head-of-government terms doubled by a head-of-state term, then merge touching terms."""
    heads_of_state = [t for t in terms if t.role == "head_of_state"]
    kept = [
        t
        for t in terms
        if t.role == "head_of_state"
        or not any(s.country == t.country and _overlaps(s, t) for s in heads_of_state)
    ]
    kept.sort(key=lambda t: (t.country, t.office, t.start, t.end or date.max))
    merged: list[Term] = []
    for term in kept:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.country == term.country
            and last.office == term.office
            and (last.end is None or term.start <= last.end + timedelta(days=1))
        ):
            if last.end is not None and (term.end is None or term.end > last.end):
                last.end = term.end
            continue
        merged.append(Term(term.country, term.office, term.role, term.start, term.end))
    merged.sort(key=lambda t: (t.start, t.country, t.office))
    return merged


# ----------------------------------------------------------------------------------- names


def surname_of(name: str, countries: set[str], offices: set[str]) -> str | None:
    """The surname alias the rule gives, or None (monarchs, 'bin' names, one-word or short names)."""
    if offices & MONARCH_OFFICES or "," in name or " of " in name:
        return None
    tokens = name.split()
    lowered = [t.lower() for t in tokens]
    if "bin" in lowered or "ibn" in lowered or any(_ROMAN_RE.match(t) for t in tokens[1:]):
        return None
    while tokens and tokens[-1].lower() in NAME_SUFFIXES:
        tokens.pop()
    if len(tokens) < 2:
        return None
    if countries and countries <= FAMILY_NAME_FIRST:
        surname = tokens[0]
    else:
        index = len(tokens) - 1
        while index > 1 and tokens[index - 1].lower() in PARTICLES:
            index -= 1
        surname = " ".join(tokens[index:])
    return surname if len(surname_core(surname)) >= MIN_SURNAME_LETTERS else None


def surname_core(surname: str) -> str:
    """Letters of the surname's last word, folded: 'al-Assad' and 'Assad' compare equal."""
    last = surname.split()[-1]
    last = re.sub(r"^(?:al|el)-", "", last, flags=re.IGNORECASE)
    return "".join(ch for ch in ascii_fold(last).lower() if ch.isalpha())


@dataclass
class Leader:
    qid: str
    name: str
    aliases: set[str]
    terms: list[Term]
    id: str = ""


def build_leaders(
    persons: dict[str, Person],
    people: dict[str, PersonHand],
    prefix: str = "leader",
    other_surnames: dict[str, set[str]] | None = None,
) -> list[Leader]:
    """Names, aliases and ids of the people in ``persons``.

    ``prefix`` starts each id; ``other_surnames`` maps surname cores of another table (the leaders
    table, for the ministers table) to their countries, so a surname shared with a person of another
    country there is no alias here either."""
    leaders: list[Leader] = []
    for qid, person in persons.items():
        terms = clean_terms(person.terms)
        if not terms:
            continue
        hand = people.get(qid)
        name = (hand.name if hand else "") or person.label
        if _QID_RE.match(name):
            raise BuildError(f"{qid} has no label in the source: give an English name in people.csv")
        aliases = {name} | set(hand.aliases if hand else ())
        leaders.append(Leader(qid=qid, name=name, aliases=aliases, terms=terms))

    # Surname aliases: by the rule, unless people.csv sets one or forbids it ("-").
    candidates: dict[str, str] = {}
    for leader in leaders:
        hand = people.get(leader.qid)
        if hand and hand.surname:
            if hand.surname != "-":
                leader.aliases.add(hand.surname)
            continue
        surname = surname_of(leader.name, {t.country for t in leader.terms}, {t.office for t in leader.terms})
        if surname:
            candidates[leader.qid] = surname
    countries_by_core: dict[str, set[str]] = defaultdict(set)
    for core, countries in (other_surnames or {}).items():
        countries_by_core[core] |= countries
    for leader in leaders:
        if leader.qid in candidates:
            countries_by_core[surname_core(candidates[leader.qid])] |= {t.country for t in leader.terms}
    for leader in leaders:
        surname = candidates.get(leader.qid)
        if surname and len(countries_by_core[surname_core(surname)]) == 1:
            leader.aliases.add(surname)
            stripped = re.sub(r"^(?:al|el)-", "", surname, flags=re.IGNORECASE)
            if stripped != surname and len(stripped) >= MIN_SURNAME_LETTERS:
                leader.aliases.add(stripped)

    # Ids: the slug of the name, then the first country, then the QID for any remaining clash.
    by_slug: dict[str, list[Leader]] = defaultdict(list)
    for leader in leaders:
        by_slug[slugify(leader.name)].append(leader)
    for slug, group in by_slug.items():
        for leader in group:
            if len(group) == 1:
                leader.id = f"{prefix}:{slug}"
            else:
                same_country = [g for g in group if g.terms[0].country == leader.terms[0].country]
                suffix = leader.terms[0].country.lower()
                if len(same_country) > 1:
                    suffix += "-" + leader.qid.lower()
                leader.id = f"{prefix}:{slug}-{suffix}"
    leaders.sort(key=lambda leader: leader.id)
    if len({leader.id for leader in leaders}) != len(leaders):
        raise BuildError("duplicate leader ids")
    return leaders


def as_json(leader: Leader) -> dict[str, object]:
    return {
        "id": leader.id,
        "name": leader.name,
        "aliases": sorted(leader.aliases, key=lambda a: (ascii_fold(a).casefold(), a)),
        "terms": [
            {
                "country": t.country,
                "office": t.office,
                "start": t.start.isoformat(),
                "end": t.end.isoformat() if t.end else None,
            }
            for t in leader.terms
        ],
        "wikidata": leader.qid,
    }


def lines() -> Iterator[str]:
    territories, excluded, office_map, people = load_hand()
    persons = read_source(territories, excluded, office_map, people)
    close_open_terms(persons)
    unused = sorted(set(people) - set(persons), key=lambda q: int(q[1:]))
    if unused:
        raise BuildError(f"people.csv: QIDs with no kept term in the source: {', '.join(unused)}")
    for leader in build_leaders(persons, people):
        yield json.dumps(as_json(leader), ensure_ascii=False, separators=(", ", ": ")) + "\n"


def write(out: Path, rows: Iterable[str]) -> int:
    text = "".join(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8", newline="\n")
    return text.count("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSONL table")
    args = parser.parse_args(argv)
    try:
        count = write(args.out, lines())
    except BuildError as exc:
        print(f"build_leaders: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {count} leaders to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
