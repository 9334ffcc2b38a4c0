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

What the build does, in order:

1. Reads the rows; dates keep their precision (``2004``, ``2004-03`` or ``2004-03-09``): a start
   is the first day of its period, an end the last. Rows without a start, with an end before the
   start, or ending before ``MIN_END`` are dropped.
2. Per person and country, drops a year- or month-precise row that overlaps a day-precise one (the
   source often has both), then drops terms shorter than ``MIN_DAYS`` (acting holders of a few days
   between two ministers).
3. Repairs boundaries by the successor, per country: an open term ends when another person starts a
   term more than 30 days later; an end known only to the year or month ends at the next holder's
   start inside that period; a start known only to the year or month begins at the previous
   holder's end inside that period. A term the repair leaves shorter than ``MIN_DAYS`` goes.
4. Hands the terms to ``build_leaders.build_leaders`` (merging of touching terms, names, aliases,
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
LEADERS = HERE / "leaders.jsonl"
DEFAULT_OUT = HERE / "ministers.jsonl"

OFFICE = "Foreign Minister"  # models/offices/titles.csv: "foreign secretary", "secretary of state", ...
ROLE = "foreign_minister"
MIN_END = bl.MIN_END
MIN_DAYS = 14
OPEN_SUCCESSOR_DAYS = 30
SOURCE_COLUMNS = ("repo", "commit", "position", "person", "personID", "start", "end", "enwiki")
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


def build() -> list[bl.Leader]:
    repos = read_repos()
    people = read_people()
    spans, labels, titles = read_source(repos)
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
    if unused:
        raise BuildError(f"people.csv: QIDs with no kept term in the source: {', '.join(unused)}")
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


def lines() -> Iterator[str]:
    for minister in build():
        yield json.dumps(bl.as_json(minister), ensure_ascii=False, separators=(", ", ": ")) + "\n"


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
