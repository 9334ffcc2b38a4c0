"""The entity component's phrase patterns (visitextract.pipeline.patterns, models/patterns.json)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from visitextract import Extractor
from visitextract.errors import KnowledgeTableError
from visitextract.pipeline.entities import matcher_texts
from visitextract.pipeline.patterns import (
    cached_tokens,
    phrase_matcher,
    read_cache,
    tokenizer_fingerprint,
)

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "models" / "patterns.json"
BUILD_SCRIPT = ROOT / "models" / "build_patterns.py"
KEYS = (("VE_PLACE", "LOWER", "place_matcher"), ("VE_OFFICE", "LOWER", "office_matcher"),
        ("VE_OFFICE_ABBR", "ORTH", "abbreviation_matcher"))  # fmt: skip


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_patterns", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _patterns(matcher: PhraseMatcher) -> Any:
    """What a PhraseMatcher holds: per key, the set of its patterns' attribute-value tuples."""
    return matcher.__reduce__()[1][1]


def test_the_committed_cache_equals_a_fresh_build(extractor: Extractor) -> None:
    fresh = _build_module().build(extractor.nlp)
    committed = json.loads(CACHE.read_text(encoding="utf-8"))
    assert fresh == committed, "models/patterns.json is stale: run python models/build_patterns.py"


def test_the_default_pipeline_uses_the_cache(extractor: Extractor) -> None:
    tokens = cached_tokens(extractor.nlp)
    assert tokens, "the default pipeline's tokenizer does not match the cache's fingerprint"
    assert tokens["'s-Hertogenbosch"] == ("'s", "-", "Hertogenbosch")
    assert tokens["foreign minister"] == ("foreign", "minister")


def test_the_matchers_hold_what_docs_made_by_the_tokenizer_give(extractor: Extractor) -> None:
    nlp = extractor.nlp
    component: Any = nlp.get_pipe("visitextract_entities")
    texts = matcher_texts(component.gazetteer, component._offices, component._abbreviations)
    for key, attr, name in KEYS:
        reference = PhraseMatcher(nlp.vocab, attr=attr)
        reference.add(key, [nlp.make_doc(t) for t in texts[key]])
        assert _patterns(getattr(component, name)) == _patterns(reference), key
    doc = nlp.make_doc("The FM met Côte d'Ivoire's foreign ministers in 's-Hertogenbosch and WASHINGTON.")
    found = [(doc.vocab.strings[k], s, e) for k, s, e in component.place_matcher(doc)]
    assert ("VE_PLACE", 3, 5) in found and ("VE_PLACE", 9, 12) in found and ("VE_PLACE", 13, 14) in found


def test_another_tokenizer_tokenizes_the_phrases_itself(extractor: Extractor) -> None:
    blank = spacy.blank("en")
    assert tokenizer_fingerprint(blank) != tokenizer_fingerprint(extractor.nlp)
    assert cached_tokens(blank) == {}
    texts = ["Amb.", "U.S.", "Côte d'Ivoire", "Guinea-Bissau", "foreign minister"]
    made = phrase_matcher(blank, "K", texts, "LOWER", cached_tokens(blank))
    reference = PhraseMatcher(blank.vocab, attr="LOWER")
    reference.add("K", [blank.make_doc(t) for t in texts])
    assert _patterns(made) == _patterns(reference)
    # tokens given are used as they are: the default pipeline's "Amb." (one token) is not blank's
    wrong = phrase_matcher(blank, "K", texts, "LOWER", {"Amb.": ("Amb.",)})
    assert _patterns(wrong) != _patterns(reference)


def test_a_phrase_the_cache_lacks_is_tokenized(extractor: Extractor) -> None:
    nlp = extractor.nlp
    texts = ["Nowhere-on-Sea", "Kazakh"]
    made = phrase_matcher(nlp, "K", texts, "LOWER", cached_tokens(nlp))
    reference = PhraseMatcher(nlp.vocab, attr="LOWER")
    reference.add("K", [nlp.make_doc(t) for t in texts])
    assert _patterns(made) == _patterns(reference)


BROKEN = ["{not json", '{"tokenizer": "x", "split": ["a"]}', '{"tokenizer": 1, "split": [], "tokens": {}}']


@pytest.mark.parametrize("content", BROKEN)
def test_a_broken_cache_file_is_an_error_that_says_how_to_fix_it(tmp_path: Path, content: str) -> None:
    path = tmp_path / "patterns.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeTableError, match=r"\[E090\].*build_patterns\.py"):
        read_cache(path)


def test_a_missing_cache_file_means_tokenizing(extractor: Extractor, tmp_path: Path) -> None:
    assert cached_tokens(extractor.nlp, tmp_path / "absent.json") == {}


def test_build_script_is_not_imported_by_the_package() -> None:
    assert "build_patterns" not in sys.modules
