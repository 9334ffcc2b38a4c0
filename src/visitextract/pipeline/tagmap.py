"""Coarse POS from the tagger's fine tags, without the attribute_ruler's Matcher.

The English pipelines set ``token.pos_`` with an attribute_ruler: a Matcher over ~180 patterns that
also sets morphology and lemmas, and costs about a tenth of the pipeline. The rules read only the
coarse POS, so this component applies the same tag -> POS mapping (models/tagmap.json, read from the
pipeline's own attribute_ruler by models/build_tagmap.py) with one lookup per token. The extraction's
output is the same with either (checked in benchmarks/run.py and tests/test_tagmap.py).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy
from spacy.attrs import LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from visitextract.normalize.gazetteer import models_dir


@cache
def _table(path: str) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    by_word = {tuple(k.split(" ", 1)): v for k, v in data["by_tag_and_word"].items()}
    return dict(data["by_tag"]), by_word


@Language.factory(
    "visitextract_tagmap",
    requires=["token.tag"],
    assigns=["token.pos"],
    default_config={"table": None},
)
def make_tag_mapper(nlp: Language, name: str, table: str | None) -> TagMapper:
    """Factory registered as ``visitextract_tagmap``; add it after ``tagger`` instead of the
    attribute_ruler when only coarse POS is needed."""
    return TagMapper(nlp, name, table or str(models_dir() / "tagmap.json"))


class TagMapper:
    """Sets ``token.pos`` from ``token.tag`` (and a few tag + word exceptions)."""

    def __init__(self, nlp: Language, name: str, table: str) -> None:
        self.name = name
        by_tag, by_word = _table(table)
        strings = nlp.vocab.strings
        self._by_tag = {strings.add(tag): POS_IDS[pos] for tag, pos in by_tag.items()}
        self._by_word = {
            (strings.add(tag), strings.add(word)): POS_IDS[pos] for (tag, word), pos in by_word.items()
        }
        self._unknown = POS_IDS["X"]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cols = doc.to_array([TAG, LOWER])
        by_tag, by_word, unknown = self._by_tag, self._by_word, self._unknown
        pos = numpy.fromiter(
            (by_word.get((tag, low)) or by_tag.get(tag, unknown) for tag, low in cols.tolist()),
            dtype="uint64",
            count=len(doc),
        )
        doc.from_array([POS], pos.reshape(-1, 1))  # type: ignore[arg-type]  # thinc's Ints2d is an ndarray
        return doc
