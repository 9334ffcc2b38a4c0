"""Regenerate ``source/holders_foreign.csv`` from the EveryPolitician ``html/holders21.csv`` files.

The vendored file is the foreign-minister subset of one file per country: for each repository in
``source/repos.csv`` (kept sorted by repository), the rows of ``html/holders21.csv`` at the listed
commit whose ``position`` label is one of the repository's ``positions`` (``|``-separated), in file
order, with the columns ``position, person, personID, start, end, enwiki`` (``enwiki`` is empty where
a file has no such column) and the repository and commit in front. Nothing else is changed.

Usage, with a checkout of each repository at its commit under ``ROOT/<owner>/<name>/``::

    python models/ministers/extract_holders.py ROOT            # rewrites source/holders_foreign.csv
    python models/ministers/extract_holders.py ROOT --out PATH

The script reads local files only (it fetches nothing) and fails when a listed file or label is
missing, so a changed upstream file cannot silently drop a country.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOS = HERE / "source" / "repos.csv"
DEFAULT_OUT = HERE / "source" / "holders_foreign.csv"
HOLDERS_PATH = Path("html") / "holders21.csv"
OUT_COLUMNS = ("repo", "commit", "position", "person", "personID", "start", "end", "enwiki")
REPOS_COLUMNS = ("repo", "commit", "iso3", "positions", "note")


class ExtractError(Exception):
    """A listed repository, file or label is missing; the message says which."""


def read_repos(path: Path = REPOS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != REPOS_COLUMNS:
            raise ExtractError(f"{path}: header must be {','.join(REPOS_COLUMNS)}")
        rows = list(reader)
    names = [row["repo"] for row in rows]
    if names != sorted(names) or len(set(names)) != len(names):
        raise ExtractError(f"{path}: repositories must be unique and sorted")
    return rows


def extract(root: Path, repos: list[dict[str, str]]) -> list[list[str]]:
    """The subset rows, repository by repository, in file order."""
    out: list[list[str]] = []
    for repo in repos:
        path = root / repo["repo"] / HOLDERS_PATH
        if not path.is_file():
            raise ExtractError(f"{path} is missing: check out {repo['repo']} at {repo['commit']}")
        labels = set(repo["positions"].split("|"))
        seen: set[str] = set()
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["position"] not in labels:
                    continue
                seen.add(row["position"])
                out.append(
                    [repo["repo"], repo["commit"]] + [row.get(column) or "" for column in OUT_COLUMNS[2:]]
                )
        if seen != labels:
            missing = ", ".join(sorted(labels - seen))
            raise ExtractError(f"{path}: no row has the position {missing}")
    return out


def write(out: Path, rows: list[list[str]]) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(OUT_COLUMNS)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("root", type=Path, help="folder holding <owner>/<name>/ checkouts")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        rows = extract(args.root, read_repos())
    except ExtractError as exc:
        print(f"extract_holders: {exc}", file=sys.stderr)
        return 1
    write(args.out, rows)
    print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
