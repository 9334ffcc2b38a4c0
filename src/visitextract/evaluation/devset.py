"""Score the extractor against gold files in the devset format (../shared/devset/README.md).

Matching rules are in docs/evaluation.md. Every gold item and every prediction is matched at most
once (greedy, best candidate first); unmatched predictions are false positives.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from visitextract.errors import Errors, GoldFormatError
from visitextract.evaluation.matching import (
    country,
    gold_notation,
    quote_match,
    same_date,
    same_person,
    same_speaker,
    same_visit_dates,
)
from visitextract.models import Extraction

G = TypeVar("G")
P = TypeVar("P")

REQUIRED = ("id", "text", "people", "visits", "meetings", "statements", "aliases")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 1.0

    def add(self, other: Ratio) -> None:
        self.hit += other.hit
        self.total += other.total

    def as_dict(self) -> dict[str, float | int]:
        return {"hit": self.hit, "total": self.total, "value": round(self.value, 3)}


@dataclass
class ArticleScore:
    id: str
    visits: PRF = field(default_factory=PRF)
    meetings: PRF = field(default_factory=PRF)
    statements: PRF = field(default_factory=PRF)
    people: PRF = field(default_factory=PRF)
    aliases: Ratio = field(default_factory=Ratio)
    visit_dates: Ratio = field(default_factory=Ratio)
    # matched meetings whose day (or month) is the gold one; an unknown date must stay unknown
    meeting_dates: Ratio = field(default_factory=Ratio)
    visit_status: Ratio = field(default_factory=Ratio)
    office: Ratio = field(default_factory=Ratio)
    # cancelled or postponed predictions: the gold does not record such events, so they are not scored
    unscored_cancelled: int = 0
    misses: list[str] = field(default_factory=list)


def _greedy(
    gold: Sequence[G], pred: Sequence[P], score: Callable[[G, P], float]
) -> tuple[list[tuple[G, P]], list[G], list[P]]:
    pairs = [(score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)]
    pairs = [x for x in pairs if x[0] > 0]
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched: list[tuple[G, P]] = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gold[gi], pred[pi]))
    return (
        matched,
        [g for i, g in enumerate(gold) if i not in used_g],
        [p for i, p in enumerate(pred) if i not in used_p],
    )


def load_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldFormatError(Errors.E008.format(path=path, reason=exc)) from exc
    if not isinstance(data, dict):
        raise GoldFormatError(Errors.E008.format(path=path, reason="the top level is not an object"))
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise GoldFormatError(Errors.E008.format(path=path, reason=f"missing fields {missing}"))
    return data


def score_article(gold: dict[str, Any], ex: Extraction) -> ArticleScore:
    s = ArticleScore(id=str(gold["id"]))
    _score_visits(gold, ex, s)
    _score_meetings(gold, ex, s)
    _score_statements(gold, ex, s)
    _score_people(gold, ex, s)
    _score_aliases(gold, ex, s)
    return s


def _score_visits(gold: dict[str, Any], ex: Extraction, s: ArticleScore) -> None:
    def score(g: dict[str, Any], p: Any) -> float:
        if not same_person(g["visitor"], p.visitor.name):
            return 0
        if country(g.get("host_country")) != country(p.host_country):
            return 0
        return 1.0 + 0.1 * float(g.get("status") == p.status)

    scored = [v for v in ex.visits if v.status != "cancelled"]
    s.unscored_cancelled += len(ex.visits) - len(scored)
    matched, fn, fp = _greedy(gold["visits"], scored, score)
    s.visits = PRF(len(matched), len(fp), len(fn))
    for g, p in matched:
        start, end = gold_notation(p.dates)
        ok = same_visit_dates(g.get("start"), g.get("end"), p.dates)
        s.visit_dates.total += 1
        s.visit_dates.hit += ok
        if not ok:
            s.misses.append(
                f"visit date {g['visitor']}->{g['host_country']}: "
                f"gold {g.get('start')}..{g.get('end')}, got {start}..{end}"
            )
        s.visit_status.total += 1
        s.visit_status.hit += g.get("status") == p.status
        if g.get("status") != p.status:
            s.misses.append(
                f"visit status {g['visitor']}->{g['host_country']}: gold {g.get('status')}, got {p.status}"
            )
    s.misses += [
        f"visit FN {g['visitor']} {g.get('visitor_country')}->{g.get('host_country')} {g.get('status')}"
        for g in fn
    ]
    s.misses += [
        f"visit FP {p.visitor.name} {p.visitor_country}->{p.host_country} {p.status} [{p.rule}]" for p in fp
    ]


def _score_meetings(gold: dict[str, Any], ex: Extraction, s: ArticleScore) -> None:
    def score(g: dict[str, Any], p: Any) -> float:
        if g.get("status") != p.status:
            return 0
        names = [x.name for x in p.participants]
        hit = sum(1 for gp in g["participants"] if any(same_person(gp, n) for n in names))
        if hit < 2 or hit < 0.5 * max(len(g["participants"]), len(names)):
            return 0
        return hit + 0.1 * same_date(g.get("date"), p.date.start if p.date else None)

    scored = [m for m in ex.meetings if m.status != "cancelled"]
    s.unscored_cancelled += len(ex.meetings) - len(scored)
    matched, fn, fp = _greedy(gold["meetings"], scored, score)
    s.meetings = PRF(len(matched), len(fp), len(fn))
    for g, p in matched:
        ok = same_date(g.get("date"), gold_notation(p.date)[0])
        s.meeting_dates.total += 1
        s.meeting_dates.hit += ok
        if not ok:
            s.misses.append(
                f"meeting date {g['participants']}: gold {g.get('date')}, got {gold_notation(p.date)[0]}"
            )
    s.misses += [f"meeting FN {g['participants']} {g.get('status')} {g.get('date')}" for g in fn]
    s.misses += [f"meeting FP {[x.name for x in p.participants]} {p.status} {p.mode} [{p.rule}]" for p in fp]


def _score_statements(gold: dict[str, Any], ex: Extraction, s: ArticleScore) -> None:
    def score(g: dict[str, Any], p: Any) -> float:
        if not same_speaker(g["speaker"], p.speaker.name, p.speaker.type == "person"):
            return 0
        if not quote_match(g["quote"], p.quote):
            return 0
        return 1.0 + 0.1 * float(g.get("direct") == p.direct)

    matched, fn, fp = _greedy(gold["statements"], ex.statements, score)
    s.statements = PRF(len(matched), len(fp), len(fn))
    s.misses += [f"statement FN {g['speaker']}: {g['quote'][:70]!r}" for g in fn]
    s.misses += [f"statement FP {p.speaker.name}: {p.quote[:70]!r} [{p.rule}]" for p in fp]


def _score_people(gold: dict[str, Any], ex: Extraction, s: ArticleScore) -> None:
    from visitextract.normalize.offices import same_office

    def score(g: dict[str, Any], p: Any) -> float:
        return 1.0 if same_person(g["name"], p.name) else 0

    named = [p for p in ex.people if p.named]
    matched, fn, fp = _greedy(gold["people"], named, score)
    tp = 0
    for g, p in matched:
        if g.get("country") is None or country(g["country"]) == country(p.country):
            tp += 1
        else:
            s.misses.append(f"person country {g['name']}: gold {g.get('country')}, got {p.country}")
            fn.append(g)
            fp.append(p)
        if g.get("office"):
            s.office.total += 1
            ok = same_office(g["office"], p.office) or same_office(g["office"], p.title)
            s.office.hit += ok
            if not ok:
                s.misses.append(f"person office {g['name']}: gold {g['office']!r}, got {p.office!r}")
    s.people = PRF(tp, len(fp), len(fn))
    s.misses += [
        f"person FN {g['name']} ({g.get('country')})" for g in fn if not any(g is x for x, _ in matched)
    ]
    s.misses += [
        f"person FP {p.name} ({p.country}, {p.office})" for p in fp if not any(p is y for _, y in matched)
    ]


def _score_aliases(gold: dict[str, Any], ex: Extraction, s: ArticleScore) -> None:
    for a in gold["aliases"]:
        s.aliases.total += 1
        hits = [
            mn for mn in ex.mentions if mn.text == a["mention"] or mn.text.lower() == a["mention"].lower()
        ]
        ok = any(country(mn.country) == country(a["canonical"]) for mn in hits)
        s.aliases.hit += ok
        if not ok:
            got = sorted({str(mn.country) for mn in hits}) or ["no mention"]
            s.misses.append(f"alias {a['mention']!r}: gold {a['canonical']}, got {', '.join(got)}")


@dataclass
class Report:
    articles: list[ArticleScore]

    def total(self) -> ArticleScore:
        t = ArticleScore(id="TOTAL")
        for a in self.articles:
            t.visits.add(a.visits)
            t.meetings.add(a.meetings)
            t.statements.add(a.statements)
            t.people.add(a.people)
            t.aliases.add(a.aliases)
            t.visit_dates.add(a.visit_dates)
            t.meeting_dates.add(a.meeting_dates)
            t.visit_status.add(a.visit_status)
            t.office.add(a.office)
            t.unscored_cancelled += a.unscored_cancelled
        return t

    def table(self) -> str:
        rows = [*self.articles, self.total()]
        head = (
            f"{'article':44} {'visits P/R/F1':>16} {'meetings P/R/F1':>16} {'statements P/R/F1':>18} "
            f"{'people P/R/F1':>16} {'alias':>6} {'dates':>6}"
        )
        lines = [head, "-" * len(head)]
        for a in rows:
            if a.id == "TOTAL":
                lines.append("-" * len(head))

            def f(x: PRF) -> str:
                return f"{x.precision:.2f}/{x.recall:.2f}/{x.f1:.2f}"

            lines.append(
                f"{a.id[:44]:44} {f(a.visits):>16} {f(a.meetings):>16} {f(a.statements):>18} "
                f"{f(a.people):>16} "
                f"{a.aliases.value:>6.2f} {a.visit_dates.value:>6.2f}"
            )
        t = self.total()
        lines.append("")
        lines.append(
            f"visit status accuracy {t.visit_status.value:.2f} "
            f"({t.visit_status.hit}/{t.visit_status.total}); "
            f"visit date exactness {t.visit_dates.value:.2f} ({t.visit_dates.hit}/{t.visit_dates.total}); "
            f"meeting date exactness {t.meeting_dates.value:.2f} "
            f"({t.meeting_dates.hit}/{t.meeting_dates.total}); "
            f"office accuracy {t.office.value:.2f} ({t.office.hit}/{t.office.total}); "
            f"alias accuracy {t.aliases.value:.2f} ({t.aliases.hit}/{t.aliases.total}); "
            f"cancelled visits and meetings predicted (not scored) {t.unscored_cancelled}"
        )
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        def one(a: ArticleScore) -> dict[str, Any]:
            return {
                "id": a.id,
                "visits": a.visits.as_dict(),
                "meetings": a.meetings.as_dict(),
                "statements": a.statements.as_dict(),
                "people": a.people.as_dict(),
                "aliases": a.aliases.as_dict(),
                "visit_dates": a.visit_dates.as_dict(),
                "meeting_dates": a.meeting_dates.as_dict(),
                "visit_status": a.visit_status.as_dict(),
                "office": a.office.as_dict(),
                "unscored_cancelled": a.unscored_cancelled,
                "misses": a.misses,
            }

        return {"total": one(self.total()), "articles": [one(a) for a in self.articles]}


def gold_files(directory: Path) -> list[Path]:
    """The gold files of a folder; a missing folder or one without gold is a usage error (E050, E009)."""
    if not Path(directory).is_dir():
        fix = (
            "Give the folder of the gold files (*.json in the devset format), e.g. ../shared/devset/articles "
            "from the root of a checkout, or tests/data/owndev/articles."
        )
        raise GoldFormatError(Errors.E050.format(what="The gold folder", path=directory, fix=fix))
    files = sorted(p for p in Path(directory).glob("*.json") if p.is_file())
    if not files:
        raise GoldFormatError(Errors.E009.format(path=directory))
    return files


def evaluate(directory: Path, extract: Callable[[Iterable[dict[str, Any]]], Iterable[Extraction]]) -> Report:
    """Run ``extract`` over the gold texts (with their ids and publication dates) and score it."""
    golds = [load_gold(p) for p in gold_files(directory)]
    items = [{"text": g["text"], "published": g.get("published"), "id": g["id"]} for g in golds]
    extractions = list(extract(items))
    return Report([score_article(g, e) for g, e in zip(golds, extractions, strict=True)])
