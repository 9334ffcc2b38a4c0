"""The per-document budget: how long a text may be, how long it may take, how deep its JSON may nest.

One place for the documented defaults (docs/batch.md "Limits"), so that the API, the readers and the
batch agree. Each is a setting: ``Extractor(max_chars=...)``, ``visitextract batch --max-chars N
--time-limit S``.
"""

from __future__ import annotations

# A document longer than this is refused ([E038]): far beyond any article (a long one has 20,000
# characters); time and memory are linear in the length (docs/performance.md), so 20 million
# characters take minutes and about the memory of one 100,000-character piece.
DEFAULT_MAX_CHARS = 20_000_000
# Longer documents are processed in pieces of at most this many characters, cut at paragraph breaks
# (visitextract.pipeline.pieces): several times the longest news article, so articles are never cut.
DEFAULT_CHUNK_CHARS = 100_000
# A batch stops the extraction of a document after this many seconds ([E039]), for documents of up
# to 1,000,000 characters and proportionally more for longer ones (batch.time_budget): 1,000,000
# characters take under a minute on 2 cores (docs/performance.md), so only a runaway document meets it.
DEFAULT_TIME_LIMIT = 600.0
# Documents spaCy processes together (``Extractor(batch_size=...)``). The parser's and NER's arrays grow
# with the batch: 16 articles of 400 words take 110 MB over the loaded model, 32 take 230 MB, for the
# same speed and records.
DEFAULT_BATCH_SIZE = 16
# Documents are flat objects; JSON nested deeper than this is refused before it is parsed ([E018]).
MAX_JSON_DEPTH = 100


def max_bytes(max_chars: int | None) -> int | None:
    """The most bytes a file (or a JSON Lines line) of one document may hold: 4 per character."""
    return None if max_chars is None else 4 * max_chars + 4
