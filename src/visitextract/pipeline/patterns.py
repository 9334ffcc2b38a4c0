"""The entity component's phrase patterns, without a Doc per phrase.

``visitextract_entities`` matches ~17,000 phrases: the gazetteer's aliases, the office titles with
their plurals, and the office abbreviations. Made the documented way, one ``nlp.make_doc(phrase)``
each, they took 0.5 s of the 2.2 s from interpreter start to the first result: the tokenizer, the
construction of 17,000 Docs and ``PhraseMatcher.add``'s checks of each Doc. Of a pattern the
PhraseMatcher keeps only the tuple of its tokens' values of the matched attribute (ORTH or LOWER),
and ``add`` takes such tuples as well as Docs (spaCy rebuilds an unpickled PhraseMatcher that way:
``unpickle_matcher`` in spacy/matcher/phrasematcher.pyx). So the patterns are added here as those
tuples, computed from each phrase's tokens the way spaCy computes a lexeme's attribute.

The tokens come from ``models/patterns.json`` (written by ``models/build_patterns.py``): every phrase
of the shipped tables as the default pipeline's tokenizer splits it. The file is used only with a
tokenizer of the same fingerprint (its rules, the visitextract wrapper, the spaCy version); a phrase
it does not hold (a user's alias table) or another tokenizer is tokenized as before, so the patterns
are the same either way (tests/test_patterns.py compares them with Docs made by ``make_doc``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from visitextract.errors import Errors, KnowledgeTableError
from visitextract.normalize.gazetteer import models_dir

PATTERNS_FILE = "patterns.json"
Tokens = tuple[str, ...]
MatchAttr = Literal["ORTH", "LOWER"]


def tokenizer_fingerprint(nlp: Language) -> str | None:
    """What decides how a phrase is split: the tokenizer's class, its serialised rules (prefixes,
    suffixes, infixes, special cases, URL and token patterns) and the spaCy version. None for a
    tokenizer that is not spaCy's own (nothing to compare: its phrases are always tokenized)."""
    from spacy import about
    from spacy.tokenizer import Tokenizer

    from visitextract.pipeline.runs import RunCappingTokenizer

    outer = nlp.tokenizer
    inner = outer.tokenizer if isinstance(outer, RunCappingTokenizer) else outer
    if not isinstance(inner, Tokenizer):
        return None
    digest = hashlib.sha256(inner.to_bytes(exclude=["vocab"])).hexdigest()
    return f"{type(outer).__name__} spacy {about.__version__} sha256:{digest}"


def read_cache(path: Path) -> tuple[str, dict[str, Tokens]]:
    """(fingerprint, phrase -> tokens) of a file written by models/build_patterns.py."""
    return _read_cache(str(path))


@cache
def _read_cache(path: str) -> tuple[str, dict[str, Tokens]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        fingerprint = data["tokenizer"]
        tokens: dict[str, Tokens] = {text: tuple(text.split(" ")) for text in data["split"]}
        tokens.update((text, tuple(words)) for text, words in data["tokens"].items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        reason = f"{type(exc).__name__}: {exc}"
        raise KnowledgeTableError(Errors.E090.format(path=path, reason=reason)) from exc
    if not isinstance(fingerprint, str) or not all(
        isinstance(w, str) and w for words in tokens.values() for w in words
    ):
        reason = "a fingerprint or token is not a non-empty string"
        raise KnowledgeTableError(Errors.E090.format(path=path, reason=reason))
    return fingerprint, tokens


def cached_tokens(nlp: Language, path: Path | None = None) -> dict[str, Tokens]:
    """The phrase tokens of ``path`` (default: models/patterns.json) if they were made with this
    pipeline's tokenizer, else nothing (a missing file is nothing too: then every phrase is tokenized)."""
    path = path or models_dir() / PATTERNS_FILE
    if not path.is_file():
        return {}
    fingerprint, tokens = read_cache(path)
    return tokens if fingerprint == tokenizer_fingerprint(nlp) else {}


def pattern_tokens(nlp: Language, texts: Iterable[str], cached: dict[str, Tokens]) -> list[Tokens]:
    """Each text's tokens: from ``cached`` where it holds the text, else from the tokenizer."""
    return [cached.get(text) or tuple(t.text for t in nlp.make_doc(text)) for text in texts]


def phrase_matcher(
    nlp: Language, key: str, texts: Sequence[str], attr: MatchAttr, cached: dict[str, Tokens]
) -> PhraseMatcher:
    """A PhraseMatcher on ``attr`` holding ``texts`` under ``key``: the matcher that
    ``matcher.add(key, [nlp.make_doc(t) for t in texts])`` makes, built from the tokens' strings.

    A token's ORTH is the hash of its text and its LOWER the hash of the vocab's LOWER getter
    applied to that text (``Vocab._new_lexeme``), so the tuples are what the matcher would read
    off the Docs; no lexeme is made for them."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # in vocab.pyx, not vocab.pyi
    getter = getters.get(LOWER) if attr == "LOWER" else str
    if getter is None:  # a vocab without a LOWER getter: let spaCy read the Docs
        matcher.add(key, [nlp.make_doc(t) for t in texts])
        return matcher
    strings = nlp.vocab.strings
    values: dict[str, int] = {}
    keywords: list[tuple[int, ...]] = []
    for words in pattern_tokens(nlp, texts, cached):
        keyword = []
        for word in words:
            value = values.get(word)
            if value is None:
                value = values[word] = strings.add(getter(word))
            keyword.append(value)
        keywords.append(tuple(keyword))
    # PhraseMatcher.add takes value tuples besides Docs (its .pyi says Docs only)
    matcher.add(key, keywords)  # type: ignore[arg-type]
    return matcher
