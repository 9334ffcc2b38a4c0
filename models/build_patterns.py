"""Build models/patterns.json: the tokens of every phrase the entity component matches.

``visitextract_entities`` matches the gazetteer's aliases and the office titles and abbreviations
(~17,000 phrases). Tokenizing them at every start-up cost about half a second; this script tokenizes
them once, with the tokenizer of the default pipeline (``visitextract.api.build_pipeline()``), and
writes the tokens with that tokenizer's fingerprint. ``visitextract.pipeline.patterns`` uses the
file only with a tokenizer of the same fingerprint and tokenizes any phrase the file lacks, so a
stale file costs time, never a different match. Rerun after editing the gazetteer or the office
tables (tests/test_patterns.py checks that the committed file equals a fresh build):

    python models/build_patterns.py [--out models/patterns.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.language import Language


def build(nlp: Language) -> dict[str, object]:
    """The file's content for the phrases of the shipped tables, tokenized by ``nlp``'s tokenizer."""
    from visitextract.normalize.gazetteer import Gazetteer
    from visitextract.normalize.offices import default_taxonomy
    from visitextract.pipeline.entities import matcher_texts, office_abbreviations, office_phrases
    from visitextract.pipeline.patterns import tokenizer_fingerprint

    taxonomy = default_taxonomy()
    phrases = office_phrases(taxonomy)
    by_key = matcher_texts(Gazetteer.default(), phrases, office_abbreviations(taxonomy, phrases))
    texts = sorted({text for group in by_key.values() for text in group})
    model = f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
    split: list[str] = []
    tokens: dict[str, list[str]] = {}
    for text in texts:
        words = [t.text for t in nlp.make_doc(text)]
        if words == text.split(" "):
            split.append(text)
        else:
            tokens[text] = words
    return {
        "source": f"models/build_patterns.py, {model} tokenizer",
        "note": "phrases of the gazetteer and office tables; 'split': tokens are the text split at spaces",
        "tokenizer": tokenizer_fingerprint(nlp),
        "split": split,
        "tokens": tokens,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "patterns.json")
    args = parser.parse_args()
    from visitextract.api import build_pipeline

    data = build(build_pipeline())
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    split, other = data["split"], data["tokens"]
    assert isinstance(split, list) and isinstance(other, dict)
    print(f"{len(split)} phrases split at spaces, {len(other)} tokenized otherwise -> {args.out}")


if __name__ == "__main__":
    main()
