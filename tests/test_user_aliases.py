"""User alias tables from the shell: ``--aliases`` on ``visitextract extract`` and ``batch``.

A CSV table adds a made-up country with its own code, a city and a demonym; a YAML table re-maps
an alias the gazetteer already has ("Holland": the country by default, the region here). Both are
passed on the command line and must change the mentions end to end, in the order given.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from visitextract.cli import app
from visitextract.io.writers import read_jsonl

TEXT = (
    "The Ruritanian foreign minister flew from Strelsau to Holland on Monday. "
    "Ruritania and Spain signed a trade deal."
)
CSV_TABLE = """alias,id,kind,country,name,type
Ruritania,country:RUR,country,RUR,Ruritania,name
Ruritanian,country:RUR,country,RUR,Ruritania,demonym
Strelsau,city:strelsau,city,RUR,Strelsau,name
"""
YAML_TABLE = """\
- alias: Holland
  id: region:holland
  kind: region
  country: NLD
  name: Holland (North and South Holland)
"""


@pytest.fixture()
def tables(tmp_path: Path) -> list[Path]:
    csv_path = tmp_path / "ruritania.csv"
    csv_path.write_text(CSV_TABLE, encoding="utf-8")
    yaml_path = tmp_path / "holland.yaml"
    yaml_path.write_text(YAML_TABLE, encoding="utf-8")
    return [csv_path, yaml_path]


def _mentions(data: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {m["text"]: (m["entity_id"], m["country"]) for m in data["mentions"] if m["kind"] != "person"}


EXPECTED = {
    "Ruritanian": ("country:RUR", "RUR"),
    "Strelsau": ("city:strelsau", "RUR"),
    "Holland": ("region:holland", "NLD"),
    "Ruritania": ("country:RUR", "RUR"),
    "Spain": ("country:ESP", "ESP"),
}


def test_extract_with_user_tables_extends_and_overrides(tmp_path: Path, tables: list[Path]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    args = ["extract", str(article), "--compact", "--published", "2023-05-15"]
    plain = CliRunner().invoke(app, args)
    assert plain.exit_code == 0, plain.output
    without = _mentions(json.loads(plain.stdout))
    assert without.get("Holland") == ("country:NLD", "NLD") and "Ruritania" not in without

    result = CliRunner().invoke(app, [*args, "--aliases", str(tables[0]), "--aliases", str(tables[1])])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert _mentions(data) == EXPECTED
    minister = [p for p in data["people"] if p["office"] == "Foreign Minister"]
    assert minister and minister[0]["country"] == "RUR"


def test_batch_with_user_tables(tmp_path: Path, tables: list[Path]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = [
        "batch",
        str(folder),
        "-o",
        str(out),
        "-q",
        "--aliases",
        str(tables[0]),
        "--aliases",
        str(tables[1]),
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    [record] = read_jsonl(out)
    assert record["error"] is None
    assert _mentions(record) == EXPECTED


BAD_ROW = "alias,id,kind,country\nRuritania,RUR,country,RUR\n"


@pytest.mark.parametrize("command", ["extract", "batch"])
def test_a_bad_table_stops_the_command_with_the_row_and_the_reason(tmp_path: Path, command: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_ROW, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    args = [command, str(article), "--aliases", str(bad)]
    if command == "batch":
        args += ["-o", str(tmp_path / "out.jsonl")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "[E005]" in result.output and "bad.csv line 2" in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_a_missing_table_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--aliases", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert "nope.csv" in result.output


def test_a_batch_made_with_other_aliases_is_not_resumed(tmp_path: Path, tables: list[Path]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    base = ["batch", str(folder), "-o", str(tmp_path / "out.jsonl"), "-q", "--keep-work"]
    first = CliRunner().invoke(app, [*base, "--aliases", str(tables[0])])
    assert first.exit_code == 0, first.output
    # the kept work folder holds records made with the table: another table must not reuse them
    second = CliRunner().invoke(app, [*base, "--aliases", str(tables[1])])
    assert second.exit_code == 2
    assert "[E014]" in second.output and "aliases_digest" in second.output
