"""What every Extraction must satisfy, whatever the input (tests/test_hostile_*.py, the fuzz test)."""

from __future__ import annotations

import json
from typing import Any

from visitextract.models import Extraction


def spans_of(data: Any) -> list[dict[str, Any]]:
    """Every {start, end, text} object in an Extraction's JSON: spans, quote spans, mentions."""
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if type(node.get("start")) is int and type(node.get("end")) is int and "text" in node:
                found.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def confidences_of(data: Any) -> list[float]:
    return [r["confidence"] for key in ("visits", "meetings", "statements") for r in data.get(key) or [] if r]


def check_extraction(text: str, ex: Extraction) -> dict[str, Any]:
    """Spans slice ``text`` exactly, confidences lie in [0, 1], the JSON is UTF-8 encodable."""
    data = ex.model_dump(mode="json")
    dumped = json.dumps(data, ensure_ascii=False)
    dumped.encode("utf-8")  # raises for a lone surrogate
    for span in spans_of(data):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["text"], span
    for st in data["statements"]:
        qs = st.get("quote_span")
        if qs is not None:
            assert text[qs["start"] : qs["end"]] == st["quote"]
    for c in confidences_of(data):
        assert 0.0 <= c <= 1.0
    return data
