"""Build ``models/ministers.jsonl``, the foreign-ministers table, a sibling of ``leaders.jsonl``.

Run ``python models/build_ministers.py`` (or ``--out PATH``) after editing ``models/ministers/hand/``,
the vendored source or ``leaders.jsonl`` (ids and surnames are shared with it, so rebuild the leaders
table first). The output has exactly the format of ``leaders.jsonl`` and is deterministic: people
sorted by id, a fixed key order, one JSON object per line, so a second run is byte-identical.

Where the data comes from (repositories, commits and licence in ``models/sources.md``):

- ``ministers/source/holders_foreign.csv``: the foreign-minister rows of EveryPolitician's per-country
  ``html/holders21.csv`` files (office holders since about 2000, from Wikidata's position-held P39
  statements with their start and end qualifiers, English labels and English Wikipedia titles),
  extracted verbatim by ``ministers/extract_holders.py`` as listed in ``ministers/source/repos.csv``
  (repository, commit, ISO3 and the position labels that are the country's foreign minister).
- ``ministers/hand/people.csv``: English names, extra aliases and surname overrides, row by row
  with a note (same columns and rules as the leaders table's ``people.csv`` minus office/countries).
- ``ministers/hand/terms.csv``: foreign-minister terms written for this project from the public
  record (appointments and dismissals), covering the terms that ran at any time from 2022-01-01 to
  2026-12-07 in 54 countries, where the source snapshot (2021-22) is stale or has no country
  (Germany, Australia, Thailand ...). Columns ``name,iso3,start,end,qid,note``: day-precise ISO
  dates, an empty end for a term still running, the QID where it is known from a public table (else
  empty: the person is matched by name or created), the basis of the row in ``note``. Rows are
  sorted by ``iso3, start, name``.

What the build does, in order:

1. Reads the source rows; dates keep their precision (``2004``, ``2004-03`` or ``2004-03-09``): a start
   is the first day of its period, an end the last. Rows without a start, with an end before the
   start, or ending before ``MIN_END`` are dropped.
2. Adds the hand terms (``read_terms``, ``add_hand_terms``): a row whose QID, else whose exact
   English name (source label, ``people.csv`` name or English Wikipedia title, or the name of a hand
   row that has a QID), is a source person's adds the term to that person; otherwise it creates a
   person with the row's name as label (aliases and surname by the same rules as the source people;
   ``people.csv`` applies by QID; without a QID the output's ``wikidata`` is null). A hand term is
   day-precise and replaces every source row of the same person and country it overlaps; a hand
   name that differs from the person's name becomes an alias. A malformed row (wrong column count,
   unknown ISO3, a date that is not ``YYYY-MM-DD``, an end not after the start, a bad QID, a
   duplicate, overlapping terms of one person and country, unsorted rows, stray spaces) raises
   ``BuildError`` naming the file and row.
3. Per person and country, drops a year- or month-precise row that overlaps a day-precise one (the
   source often has both), then drops terms shorter than ``MIN_DAYS`` (acting holders of a few days
   between two ministers).
4. Repairs boundaries by the successor, per country (hand terms included, so a hand successor
   closes a predecessor's open source term, as Badr Abdelatty's start closes Sameh Shoukry's; a hand
   term's explicit end is day-precise and stays): an open term ends when another person starts a
   term more than 30 days later; an end known only to the year or month ends at the next holder's
   start inside that period; a start known only to the year or month begins at the previous
   holder's end inside that period. A term the repair leaves shorter than ``MIN_DAYS`` goes.
5. Hands the terms to ``build_leaders.build_leaders`` (merging of touching terms, names, aliases,
   the surname rule, ids with the prefix ``minister``), with the leaders table's surnames so a
   surname a leader of another country bears is no alias here; adds each English Wikipedia title
   (without its "(disambiguation)") as an alias; and gives a person who is also in the leaders table
   that table's id, so one person has one id across both tables. Chinese and Korean family names
   (Wang, Park, Kang) are no alias on their own: too many people bear them (people.csv can still
   give one).
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build_leaders as bl  # noqa: E402  (the sibling build script; shares its rules and checks)

SOURCE = HERE / "ministers" / "source" / "holders_foreign.csv"
REPOS = HERE / "ministers" / "source" / "repos.csv"
HAND = HERE / "ministers" / "hand"
TERMS = HAND / "terms.csv"
LEADERS = HERE / "leaders.jsonl"
DEFAULT_OUT = HERE / "ministers.jsonl"

OFFICE = "Foreign Minister"  # models/offices/titles.csv: "foreign secretary", "secretary of state", ...
ROLE = "foreign_minister"
MIN_END = bl.MIN_END
MIN_DAYS = 14
OPEN_SUCCESSOR_DAYS = 30
SOURCE_COLUMNS = ("repo", "commit", "position", "person", "personID", "start", "end", "enwiki")
TERM_COLUMNS = ("name", "iso3", "start", "end", "qid", "note")
HAND_KEY_PREFIX = "hand:"  # person key of a hand row without a QID (its output has no wikidata)
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_DISAMBIGUATION_RE = re.compile(r"\s*\([^)]*\)$")


class BuildError(bl.BuildError):
    """The source or a hand list is malformed; the message names the file and row."""


@dataclass
class Span:
    """One source row's term, with the precision of each boundary."""

    qid: str
    country: str
    start: date
    end: date | None
    start_exact: bool
    end_exact: bool
    start_period_end: date  # last day of the start's year or month (= start when exact)
    hand: bool = False  # from ministers/hand/terms.csv

    def days(self) -> int | None:
        return None if self.end is None else (self.end - self.start).days


def parse_partial(value: str, *, last: bool) -> tuple[date, bool, date] | None:
    """``(day, exact, period_end)`` of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``last`` picks the
    period's last day instead of its first (for ends)."""
    match = _PARTIAL_DATE_RE.match(value)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
    if day:
        exact = date(year, month, day)
        return exact, True, exact
    if month:
        first, final = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    else:
        first, final = date(year, 1, 1), date(year, 12, 31)
    return (final if last else first), False, final


def read_repos() -> dict[str, tuple[str, set[str]]]:
    """Repository -> (ISO3, position labels), checked against pycountry."""
    iso3 = bl.known_iso3()
    repos: dict[str, tuple[str, set[str]]] = {}
    with REPOS.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            if row["iso3"] not in iso3:
                raise BuildError(f"{REPOS}:{line}: unknown ISO3 {row['iso3']!r}")
            repos[row["repo"]] = (row["iso3"], set(row["positions"].split("|")))
    return repos


def read_people() -> dict[str, bl.PersonHand]:
    people: dict[str, bl.PersonHand] = {}
    columns = ("qid", "name", "aliases", "surname", "note")
    for row in bl.read_hand("people.csv", columns, ("qid",), directory=HAND):
        if not bl._QID_RE.match(row["qid"]):
            raise BuildError(f"people.csv: bad QID in {row}")
        people[row["qid"]] = bl.PersonHand(
            name=row["name"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            surname=row["surname"],
            office="",
            countries=frozenset(),
        )
    return people


def read_source(
    repos: dict[str, tuple[str, set[str]]],
) -> tuple[list[Span], dict[str, str], dict[str, set[str]]]:
    """Spans, the label of each QID, and each QID's English Wikipedia titles."""
    spans: list[Span] = []
    labels: dict[str, str] = {}
    titles: dict[str, set[str]] = defaultdict(set)
    with SOURCE.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != SOURCE_COLUMNS:
            raise BuildError(f"{SOURCE}: header must be {','.join(SOURCE_COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            if row["repo"] not in repos:
                raise BuildError(f"{SOURCE}:{line}: repository {row['repo']!r} is not in repos.csv")
            country, positions = repos[row["repo"]]
            if row["position"] not in positions:
                raise BuildError(f"{SOURCE}:{line}: {row['position']!r} is not listed for {row['repo']}")
            qid = row["personID"]
            if not bl._QID_RE.match(qid):
                raise BuildError(f"{SOURCE}:{line}: bad QID {qid!r}")
            start = parse_partial(row["start"], last=False)
            end = parse_partial(row["end"], last=True) if row["end"] else None
            if start is None or (row["end"] and end is None):
                continue
            if end is not None and (end[0] < start[0] or end[0] < MIN_END):
                continue
            if row["person"]:
                labels.setdefault(qid, row["person"])
            if row["enwiki"]:
                titles[qid].add(_DISAMBIGUATION_RE.sub("", row["enwiki"]))
            spans.append(
                Span(
                    qid=qid,
                    country=country,
                    start=start[0],
                    end=end[0] if end else None,
                    start_exact=start[1],
                    end_exact=end[1] if end else True,
                    start_period_end=start[2],
                )
            )
    return spans, labels, titles


@dataclass(frozen=True)
class HandTerm:
    """One row of ``ministers/hand/terms.csv``."""

    line: int
    name: str
    country: str
    start: date
    end: date | None
    qid: str


def _iso_date(value: str) -> date | None:
    if not _ISO_DATE_RE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def read_terms(path: Path = TERMS) -> list[HandTerm]:
    """The hand terms, checked row by row (the message of a ``BuildError`` names file and row)."""
    with path.open(encoding="utf-8", newline="") as fh:
        for line, fields in enumerate(csv.reader(fh), start=1):
            if len(fields) != len(TERM_COLUMNS):
                raise BuildError(f"{path}:{line}: {len(fields)} columns, expected {len(TERM_COLUMNS)}")
    try:
        rows = bl.read_hand(path.name, TERM_COLUMNS, ("iso3", "start", "name"), directory=path.parent)
    except bl.BuildError as exc:  # header, stray spaces, duplicates, order: this script's error type
        raise BuildError(str(exc)) from exc
    iso3 = bl.known_iso3()
    terms: list[HandTerm] = []
    for line, row in enumerate(rows, start=2):
        where = f"{path}:{line}"
        if not row["name"]:
            raise BuildError(f"{where}: no name")
        if row["iso3"] not in iso3:
            raise BuildError(f"{where}: unknown ISO3 {row['iso3']!r}")
        start = _iso_date(row["start"])
        end = _iso_date(row["end"]) if row["end"] else None
        if start is None or (row["end"] and end is None):
            raise BuildError(f"{where}: dates must be YYYY-MM-DD, got {row['start']!r}..{row['end']!r}")
        if end is not None and end <= start:
            raise BuildError(f"{where}: the end {row['end']} is not after the start {row['start']}")
        if row["qid"] and not bl._QID_RE.match(row["qid"]):
            raise BuildError(f"{where}: bad QID {row['qid']!r}")
        terms.append(HandTerm(line, row["name"], row["iso3"], start, end, row["qid"]))
    return terms


def _person_key(term: HandTerm, by_name: dict[str, set[str]], path: Path) -> str:
    """The QID of the row, else of the source person (or QID-bearing hand row) with its exact name,
    else a key of its own."""
    if term.qid:
        return term.qid
    matches = by_name.get(term.name, set())
    if len(matches) > 1:
        raise BuildError(
            f"{path}:{term.line}: {term.name!r} names several people "
            f"({', '.join(sorted(matches))}): give the QID"
        )
    return next(iter(matches)) if matches else HAND_KEY_PREFIX + term.name


def add_hand_terms(
    spans: list[Span],
    terms: list[HandTerm],
    labels: dict[str, str],
    titles: dict[str, set[str]],
    people: dict[str, bl.PersonHand],
    path: Path = TERMS,
) -> list[Span]:
    """The source spans without those a hand term of the same person and country overlaps, plus
    the hand terms; new people get the row's name as label, a differing hand name becomes an alias."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for qid, label in labels.items():
        by_name[label].add(qid)
    for qid, hand in people.items():
        if hand.name and qid in labels:
            by_name[hand.name].add(qid)
    for qid, names in titles.items():
        for name in names:
            by_name[name].add(qid)
    for term in terms:
        if term.qid:
            by_name[term.name].add(term.qid)
    hand_spans: list[Span] = []
    for term in terms:
        key = _person_key(term, by_name, path)
        span = Span(key, term.country, term.start, term.end, True, True, term.start, hand=True)
        for other in hand_spans:
            if other.qid == key and other.country == term.country and _strict_overlap(other, span):
                raise BuildError(
                    f"{path}:{term.line}: overlaps another term of {term.name} in {term.country}"
                )
        hand_spans.append(span)
        labels.setdefault(key, term.name)
        name = (people[key].name if key in people else "") or labels[key]
        if term.name != name:
            titles[key].add(term.name)
    kept = [
        s
        for s in spans
        if not any(h.qid == s.qid and h.country == s.country and _strict_overlap(h, s) for h in hand_spans)
    ]
    return kept + hand_spans


def _strict_overlap(a: Span, b: Span) -> bool:
    """True when the terms share more than a boundary day."""
    return a.start < (b.end or date.max) and b.start < (a.end or date.max)


def _overlap(a: Span, b: Span) -> bool:
    return a.start <= (b.end or date.max) and b.start <= (a.end or date.max)


def drop_doubled_and_short(spans: list[Span]) -> list[Span]:
    """An imprecise row that a day-precise row of the same person and country overlaps goes, and so
    does a term of fewer than ``MIN_DAYS`` days (acting holders)."""
    exact = [s for s in spans if s.start_exact and s.end_exact]
    kept = [
        s
        for s in spans
        if (s.start_exact and s.end_exact)
        or not any(e.qid == s.qid and e.country == s.country and _overlap(e, s) for e in exact)
    ]
    return [s for s in kept if _long_enough(s)]


def _long_enough(span: Span) -> bool:
    days = span.days()
    return days is None or days >= MIN_DAYS


def repair_by_successor(spans: list[Span]) -> None:
    """Close open terms and sharpen imprecise boundaries with the next or previous holder's dates."""
    by_country: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        by_country[span.country].append(span)
    for group in by_country.values():
        for span in group:
            later = [o.start for o in group if o.qid != span.qid and o.start > span.start]
            if span.end is None:
                after = [s for s in later if s > span.start + timedelta(days=OPEN_SUCCESSOR_DAYS)]
                if after:
                    span.end = min(after)
            elif not span.end_exact:
                inside = [s for s in later if s < span.end]
                if inside:
                    span.end = min(inside)
        for span in group:
            if span.start_exact:
                continue
            ends = [
                o.end
                for o in group
                if o.qid != span.qid
                and o.start < span.start
                and o.end is not None
                and span.start < o.end <= span.start_period_end
            ]
            if ends and (span.end is None or max(ends) <= span.end):
                span.start = max(ends)


def leader_table() -> tuple[dict[str, str], dict[str, set[str]]]:
    """QID -> id in ``leaders.jsonl``, and surname cores there -> countries."""
    ids: dict[str, str] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    with LEADERS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("wikidata"):
                ids[row["wikidata"]] = row["id"]
            countries = {term["country"] for term in row["terms"]}
            for alias in row["aliases"]:
                if " " not in alias:
                    surnames[bl.surname_core(alias)] |= countries
    return ids, surnames


def build(terms: Path = TERMS) -> list[bl.Leader]:
    """The table's people; ``terms`` is the hand terms file (tests point it at small tables)."""
    repos = read_repos()
    people = read_people()
    spans, labels, titles = read_source(repos)
    spans = add_hand_terms(spans, read_terms(terms), labels, titles, people, path=terms)
    spans = drop_doubled_and_short(spans)
    repair_by_successor(spans)
    spans = [s for s in spans if _long_enough(s)]
    persons: dict[str, bl.Person] = {}
    for span in sorted(spans, key=lambda s: (s.qid, s.country, s.start)):
        label = labels.get(span.qid, "")
        if not label and span.qid not in people:
            raise BuildError(f"{span.qid} has no label in the source: give an English name in people.csv")
        person = persons.setdefault(span.qid, bl.Person(qid=span.qid, label=label))
        person.terms.append(bl.Term(span.country, OFFICE, ROLE, span.start, span.end))
    unused = sorted(set(people) - set(persons), key=lambda q: int(q[1:]))
    if unused and terms == TERMS:  # (a smaller terms table, as in the tests, leaves rows unused)
        raise BuildError(
            f"people.csv: QIDs with no kept term in the source or the hand terms: {', '.join(unused)}"
        )
    leader_ids, leader_surnames = leader_table()
    ministers = bl.build_leaders(persons, people, prefix="minister", other_surnames=leader_surnames)
    for minister in ministers:
        if minister.qid not in people and {t.country for t in minister.terms} <= bl.FAMILY_NAME_FIRST:
            minister.aliases.discard(minister.name.split()[0])
        minister.aliases |= titles.get(minister.qid, set())
        minister.id = leader_ids.get(minister.qid, minister.id)
    ministers.sort(key=lambda m: m.id)
    if len({m.id for m in ministers}) != len(ministers):
        raise BuildError("duplicate ids")
    return ministers


def as_json(minister: bl.Leader) -> dict[str, object]:
    """``leaders.jsonl``'s format; a person from a hand row without a QID has ``wikidata`` null."""
    row = bl.as_json(minister)
    if minister.qid.startswith(HAND_KEY_PREFIX):
        row["wikidata"] = None
    return row


def lines(terms: Path = TERMS) -> Iterator[str]:
    for minister in build(terms):
        yield json.dumps(as_json(minister), ensure_ascii=False, separators=(", ", ": ")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSONL table")
    args = parser.parse_args(argv)
    try:
        count = bl.write(args.out, lines())
    except bl.BuildError as exc:
        print(f"build_ministers: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {count} foreign ministers to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
