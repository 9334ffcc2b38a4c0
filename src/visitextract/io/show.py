"""Print a batch output as a compact, human-readable list (``visitextract show``; ``make run`` uses it).

    visitextract show out/examples.jsonl          # or out.duckdb, out/tables.parquet, visits.csv
    python -m visitextract.io.show out/examples.jsonl

Every format gives the same listing: the tabular ones (Parquet, DuckDB, CSV) are read back into
records by :mod:`visitextract.io.load`. A CSV output holds the visits and one row per document only,
so its listing has no meetings or statements.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from visitextract.errors import VisitExtractError

_ORIGINS = {
    "record": "from the record",
    "front_matter": "from the front matter",
    "html_meta": "from the page metadata",
    "default": "the --published default",
}


def _person(p: Mapping[str, Any] | None) -> str:
    if not p:
        return "?"
    country = f" ({p['country']})" if p.get("country") else ""
    return f"{p.get('name')}{country}"


def _dates(d: Mapping[str, Any] | None) -> str:
    if not d:
        return ""
    start, end = d.get("start") or d.get("start_partial"), d.get("end") or d.get("end_partial")
    if start and end and end != start:
        return f" {start}..{end}"
    return f" {start}" if start else f" ({d.get('text')})"


def summarize(record: Mapping[str, Any], *, visits_only: bool = False) -> list[str]:
    """A few lines per record: its id and date, then one line per visit, meeting and statement."""
    source = record.get("source") or {}
    origin = _ORIGINS.get(source.get("published_from") or "", "unknown")
    head = f"{record.get('doc_id')}  (published {record.get('published') or '-'}, {origin})"
    lines = [head]
    error = record.get("error")
    if error:
        lines.append(f"  ERROR at {error.get('stage')}: {error.get('message')}")
        return lines
    for v in record.get("visits") or []:
        places = ", ".join(p["name"] for p in v.get("places") or [])
        where = f" [{places}]" if places else ""
        route = f"{_person(v.get('visitor'))} -> {v.get('host_country') or '?'}{where}"
        how = f"{v.get('status')}{_dates(v.get('dates'))}  ({v.get('rule')}, {v.get('confidence'):.2f})"
        lines.append(f"  visit      {route}  {how}")
    for m in record.get("meetings") or []:
        who = " + ".join(_person(p) for p in m.get("participants") or [])
        mode = str(m.get("mode")).replace("_", " ")
        lines.append(f"  meeting    {who}  {m.get('status')}, {mode}{_dates(m.get('date'))}")
    for s in record.get("statements") or []:
        quote = str(s.get("quote") or "")
        quote = quote if len(quote) <= 70 else quote[:67] + "..."
        kind = "said" if s.get("direct") else "reported"
        lines.append(f"  statement  {_person(s.get('speaker'))} {kind}: \u201c{quote}\u201d")
    if len(lines) == 1:
        lines.append("  (no visits)" if visits_only else "  (no visits, meetings or statements)")
    for w in source.get("warnings") or []:
        lines.append(f"  note: {w}")
    return lines


def show(path: str | Path) -> Iterator[str]:
    """The listing of a batch output, line by line (records read by :mod:`visitextract.io.load`)."""
    from visitextract.io.load import load_records, output_format

    records = load_records(path)
    csv = output_format(Path(path)) == "csv"
    for record in records:
        yield from summarize(record, visits_only=csv)
    if csv:
        yield "(a CSV output holds the visits only: meetings and statements are in the other formats)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m visitextract.io.show",
        description="Print a visitextract batch output (JSON Lines, Parquet folder, DuckDB, CSV) as a list.",
    )
    parser.add_argument("output", help="out.jsonl, a Parquet folder, out.duckdb or visits.csv")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        for line in show(args.output):
            print(line)
    except VisitExtractError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
