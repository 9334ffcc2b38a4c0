"""Measure against other event coders' test sentences (../shared/peer, see its README).

For files coded with real countries (PLOVER, UniversalPetrarch) the measure is country-level: each
(visitor country, host country) pair of the file's ``visit_reading`` counts as found when a
predicted visit has the same pair (a null host in the reading accepts any host). The PETRARCH unit
tests use fictional countries (Gondor, Mordor) that no gazetteer knows, so there the measure is
structural: a sentence with a visit in its reading counts as found when any visit is predicted.
Negative samples count as clean when no visit is predicted. Cancelled visits in the reading must
not come out as held or ongoing ones. Giveme5W1H's articles must give a held Trump-Obama meeting
and no visit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visitextract.errors import Errors, GoldFormatError
from visitextract.evaluation.matching import country, same_person
from visitextract.models import Extraction

FICTIONAL = ("petrarch2_unittest", "petrarch_validate")


@dataclass
class PeerFile:
    name: str
    structural: bool
    positives: int = 0
    pairs: int = 0
    pairs_found: int = 0
    negatives: int = 0
    negatives_clean: int = 0
    cancelled: int = 0
    cancelled_ok: int = 0
    meetings: int = 0
    meetings_found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.pairs_found / self.pairs if self.pairs else 1.0

    @property
    def clean(self) -> float:
        return self.negatives_clean / self.negatives if self.negatives else 1.0


def _published(rec: dict[str, Any]) -> str | None:
    exp = rec.get("expected")
    if isinstance(exp, dict):
        raw = exp.get("record_date") or exp.get("date_publish")
        if isinstance(raw, str) and len(raw) >= 8:
            raw = raw.strip()
            if raw[:8].isdigit():
                return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"
            try:
                return dt.date.fromisoformat(raw[:10]).isoformat()
            except ValueError:
                return None
    return None


def peer_files(directory: Path) -> list[Path]:
    """The peer files of a folder; a missing or empty folder is an error, never "recall 1.00 (0/0)"."""
    if not Path(directory).is_dir():
        fix = "Give the folder of the peer test sentences (*.jsonl): ../shared/peer from a checkout's root."
        raise GoldFormatError(Errors.E050.format(what="The peer folder", path=directory, fix=fix))
    files = sorted(p for p in Path(directory).glob("*.jsonl") if p.is_file())
    if not files:
        raise GoldFormatError(Errors.E051.format(path=directory))
    return files


def evaluate_peer(
    directory: Path, extract: Callable[[Iterable[dict[str, Any]]], Iterable[Extraction]]
) -> list[PeerFile]:
    out: list[PeerFile] = []
    for path in peer_files(directory):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        structural = path.stem.startswith(FICTIONAL)
        pf = PeerFile(name=path.stem, structural=structural)
        items = [{"text": r["text"], "published": _published(r), "id": str(r.get("id"))} for r in records]
        for rec, ex in zip(records, extract(items), strict=True):
            _score(rec, ex, pf)
        out.append(pf)
    return out


def _score(rec: dict[str, Any], ex: Extraction, pf: PeerFile) -> None:
    reading = rec.get("visit_reading") or {}
    visits = reading.get("visits") or []
    text = rec["text"][:90]
    predicted = {(country(v.visitor_country), country(v.host_country)) for v in ex.visits}
    if rec.get("label") == "negative_sample":
        pf.negatives += 1
        if not ex.visits:
            pf.negatives_clean += 1
        else:
            pf.misses.append(f"negative with visit {sorted(map(str, predicted))}: {text!r}")
    for v in visits:
        if v.get("status") == "cancelled":
            pf.cancelled += 1
            bad = any(x.status in {"ongoing", "completed"} for x in ex.visits)
            pf.cancelled_ok += not bad
    wanted = [v for v in visits if v.get("status") != "cancelled"]
    if wanted:
        pf.positives += 1
    for v in wanted:
        pf.pairs += 1
        if pf.structural:
            hit = bool(ex.visits)
        else:
            vc, hc = country(v.get("visitor_country")), country(v.get("host_country"))
            hit = any(p[0] == vc and (hc is None or p[1] == hc) for p in predicted)
        pf.pairs_found += hit
        if not hit:
            pf.misses.append(
                f"visit {v.get('visitor_country')}->{v.get('host_country')} not found "
                f"(got {sorted(map(str, predicted))}): {text!r}"
            )
    if pf.name.startswith("giveme5w1h"):
        for mt in reading.get("meetings") or []:
            pf.meetings += 1
            names = [p.name for x in ex.meetings if x.status == mt.get("status") for p in x.participants]
            ok = all(any(same_person(n, g) for n in names) for g in mt["participants"])
            pf.meetings_found += ok
            if not ok:
                pf.misses.append(f"meeting {mt['participants']} not found: {text!r}")


def table(files: list[PeerFile]) -> str:
    head = (
        f"{'file':34} {'measure':10} {'pairs':>6} {'recall':>7} {'negatives':>9} {'clean':>6} "
        f"{'cancel ok':>9} {'meetings':>8}"
    )
    lines = [head, "-" * len(head)]
    tot_pairs = tot_found = tot_neg = tot_clean = 0
    for f in files:
        lines.append(
            f"{f.name:34} {'structure' if f.structural else 'countries':10} {f.pairs:>6} {f.recall:>7.2f} "
            f"{f.negatives:>9} {f.clean:>6.2f} {f'{f.cancelled_ok}/{f.cancelled}':>9} "
            f"{f'{f.meetings_found}/{f.meetings}':>8}"
        )
        if not f.structural:
            tot_pairs += f.pairs
            tot_found += f.pairs_found
        tot_neg += f.negatives
        tot_clean += f.negatives_clean
    lines.append("-" * len(head))
    recall = tot_found / tot_pairs if tot_pairs else 1.0
    clean = tot_clean / tot_neg if tot_neg else 1.0
    lines.append(
        f"country-level visit recall {recall:.2f} ({tot_found}/{tot_pairs}); "
        f"negatives without a visit {clean:.2f} ({tot_clean}/{tot_neg})"
    )
    return "\n".join(lines)
