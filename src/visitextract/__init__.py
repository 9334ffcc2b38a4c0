"""visitextract: diplomatic news into typed records (people, visits, meetings, statements).

Importing the package is cheap: spaCy, pydantic and the model load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = {"extract_visit", "Extractor", "default_extractor", "build_pipeline", "load_pipeline"}
_MODELS = {
    "Extraction",
    "Person",
    "Organization",
    "Place",
    "DateRange",
    "Visit",
    "Meeting",
    "Statement",
    "Mention",
    "Span",
}

__all__ = [
    "DateRange",
    "Extraction",
    "Extractor",
    "Meeting",
    "Mention",
    "Organization",
    "Person",
    "Place",
    "Span",
    "Statement",
    "Visit",
    "__version__",
    "build_pipeline",
    "default_extractor",
    "extract_visit",
    "load_pipeline",
]

if TYPE_CHECKING:
    from visitextract.api import Extractor, build_pipeline, default_extractor, extract_visit, load_pipeline
    from visitextract.models import (
        DateRange,
        Extraction,
        Meeting,
        Mention,
        Organization,
        Person,
        Place,
        Span,
        Statement,
        Visit,
    )


def __getattr__(name: str) -> Any:
    if name in _API:
        from visitextract import api

        return getattr(api, name)
    if name in _MODELS:
        from visitextract import models

        return getattr(models, name)
    raise AttributeError(f"module 'visitextract' has no attribute {name!r}")
