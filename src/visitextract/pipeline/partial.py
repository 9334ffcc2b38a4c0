"""The dependency parse only where the rules can find a record: ``visitextract_parse``.

The parse is most of what the rules cost over NER, and they read it where a record can be: a
sentence with a trigger word or a reporting verb ("visited", "talks", "said"), a quotation or an
official (an office, a seat of government, a leader's name) -- the relevance gate's signals
(``visitextract.gate``), applied to one sentence instead of the whole text. This component stands
in the pipeline right after the model's parser, which then stays out of ``nlp.pipe``:

1. the Doc (tokens, tags and the tok2vec tensor of the whole text) is cut into rough sentences
   at sentence-final punctuation and line breaks;
2. the rough sentences that hold a signal, with :data:`MARGIN` rough sentences on each side, are
   the windows the parser reads: each window is a Doc of its own (``Span.as_doc``) that keeps the
   tensor computed over the whole text, so the parser sees the very features it sees in a full
   parse;
3. the parses of the windows are written back into the Doc; each rough sentence outside every
   window becomes one sentence with a flat tree (its first token the root, the rest ``dep``):
   no rule reads a tree there.

When the windows cover :data:`FULL_SHARE` of the tokens or more (most diplomatic articles), the
whole Doc is parsed as the model's parser would: cutting saves nothing there. Whether the output is
identical to the full parse is measured, not assumed: ``benchmarks/run.py`` compares every
Extraction of the benchmark corpora and of the gold sets (docs/performance.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from visitextract.gate import words_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from visitextract.gate import RelevanceGate

# Rough sentences read with each window's signal sentences on each side: the parser's decisions at
# a sentence's edges look at the tokens beyond them.
MARGIN = 1
# Windows covering this share of a Doc's tokens or more: the whole Doc is parsed.
FULL_SHARE = 0.8
_QUOTE = re.compile(r"''|[“”«»„\"]")
_FINAL = frozenset({".", "!", "?", "...", "…"})
_CLOSING = frozenset({'"', "”", "’", "'", ")", "]", "»"})


@Language.factory("visitextract_parse", requires=["token.tag"], assigns=["token.dep", "token.head"])
def make_partial_parser(nlp: Language, name: str) -> PartialParser:
    """Factory registered as ``visitextract_parse``; add it after the model's ``parser`` and leave
    the parser out of ``nlp.pipe`` (``disable=["parser"]``)."""
    return PartialParser(nlp, name)


class PartialParser:
    """Runs the model's parser on the windows of a Doc that can hold a record (see the module)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._gate: RelevanceGate | None = None

    @property
    def gate(self) -> RelevanceGate:
        if self._gate is None:
            from visitextract.gate import default_gate

            self._gate = default_gate()
        return self._gate

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        parser: Any = self.nlp.get_pipe("parser")
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._parse(parser, batch)
                batch = []
        if batch:
            yield from self._parse(parser, batch)

    def _parse(self, parser: Any, docs: list[Doc]) -> list[Doc]:
        whole: list[Doc] = []
        parts: list[tuple[Doc, list[tuple[int, int]], list[tuple[int, int]]]] = []
        for doc in docs:
            if doc.has_annotation("DEP"):
                continue  # parsed already (the model's parser ran): nothing to add
            sents = rough_sentences(doc)
            windows = self.windows(doc, sents)
            if sum(b - a for a, b in windows) >= FULL_SHARE * len(doc):
                whole.append(doc)
            else:
                parts.append((doc, sents, windows))
        if whole:
            list(parser.pipe(whole, batch_size=len(whole)))
        subs: list[Doc] = []
        for doc, _, windows in parts:
            for a, b in windows:
                sub = doc[a:b].as_doc()
                sub.tensor = doc.tensor[a:b]
                subs.append(sub)
        parsed = iter(list(parser.pipe(subs, batch_size=max(1, len(subs)))) if subs else [])
        for doc, sents, windows in parts:
            _write_back(doc, sents, [(a, b, next(parsed)) for a, b in windows])
        return docs

    def windows(self, doc: Doc, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Token ranges to parse: the signal sentences with their margins, merged."""
        keep = [k for k, (a, b) in enumerate(sents) if self.signal(doc[a:b])]
        out: list[tuple[int, int]] = []
        for k in keep:
            a = sents[max(0, k - MARGIN)][0]
            b = sents[min(len(sents) - 1, k + MARGIN)][1]
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return out

    def signal(self, sent: Span) -> bool:
        """Whether a sentence can hold a record: a trigger, a quotation or an official."""
        text = sent.text
        if _QUOTE.search(text):
            return True
        gate = self.gate
        tokens = words_of(text)
        lower = [t.lower() for t in tokens]
        return (
            gate.triggers.first(lower) is not None
            or gate.officials.first(lower) is not None
            or gate.seats.first(tokens) is not None
            or gate.leaders.first(tokens) is not None
            or gate.bodies.first(lower) is not None
            or gate.generic.first(lower) is not None
        )


def rough_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges cut after sentence-final punctuation (with its closing quotes) and line breaks."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        end = None
        if tok.text in _FINAL or (tok.is_space and "\n" in tok.text):
            end = i + 1
            while end < n and (doc[end].text in _CLOSING or doc[end].is_space):
                end += 1
        if end is not None:
            out.append((start, end))
            start = i = end
            continue
        i += 1
    if start < n:
        out.append((start, n))
    return out


def _write_back(doc: Doc, sents: list[tuple[int, int]], parsed: list[tuple[int, int, Doc]]) -> None:
    """Heads and labels of the windows' parses, flat trees elsewhere, set on ``doc`` at once."""
    import numpy
    from spacy.attrs import DEP, HEAD

    n = len(doc)
    heads = numpy.zeros(n, dtype="int64")  # relative to the token, as Doc.to_array gives them
    deps = numpy.zeros(n, dtype="uint64")
    strings = doc.vocab.strings
    root, dep = strings.add("ROOT"), strings.add("dep")
    covered = numpy.zeros(n, dtype=bool)
    for a, b, sub in parsed:
        arr = sub.to_array([HEAD, DEP])
        heads[a:b] = arr[:, 0].view("int64")
        deps[a:b] = arr[:, 1]
        covered[a:b] = True
    for a, b in sents:
        if covered[a]:
            continue
        heads[a:b] = numpy.arange(0, a - b, -1)  # every token's head is the sentence's first
        deps[a:b] = dep
        deps[a] = root
    array: Any = numpy.stack([heads.view("uint64"), deps], axis=1)
    doc.from_array([HEAD, DEP], array)
