"""``visitextract.loading``: the pipeline and the tables are built with automatic collection paused."""

from __future__ import annotations

import gc

from visitextract.loading import built_once, paused_gc


def test_paused_gc_stops_automatic_collection_and_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with paused_gc():
            assert gc.get_threshold()[0] == 0
            gc.enable()  # what srsly does after reading each of spaCy's weight files
            with paused_gc():
                keep = [[i] for i in range(50_000)]  # far over the first threshold (700)
            assert gc.get_threshold()[0] == 0  # the inner block does not end the outer one
            assert runs == []
            gc.collect()  # an explicit collection still runs
            assert runs == [2]
    finally:
        gc.callbacks.remove(count)
    assert gc.get_threshold() == before and gc.isenabled()
    del keep


def test_built_once_builds_once_with_collection_paused() -> None:
    calls: list[int] = []

    @built_once
    def table() -> list[int]:
        calls.append(gc.get_threshold()[0])
        return [1, 2, 3]

    assert table() is table()
    assert calls == [0]


def test_the_extractor_pipeline_does_not_load_the_disabled_senter(extractor) -> None:
    # en_core_web_sm loads its senter disabled (the parser sets the sentences): not loaded at all
    assert "senter" not in extractor.nlp.component_names
    assert "parser" in extractor.nlp.pipe_names
