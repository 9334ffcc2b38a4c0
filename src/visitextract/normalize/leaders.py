"""Leaders table: which country a named head of state or government led, as what, and when.

News sentences often name leaders without their country ("Obama and Putin will meet in Zurich").
Event coders keep hand-made actor dictionaries for this and they go stale; this module reads
``leaders.jsonl``, which ``models/build_leaders.py`` builds from a Wikidata extract (CC0), and
answers "who could this name be, and which country did they lead on that date?".

It is a fallback: callers use it only when the text itself gives no country, and should mark a
country found here as coming from the table. When a name fits leaders of several countries, all
are returned and the caller decides (usually: fill nothing).

Matching is on the full name or an alias (surname, short form), case-insensitive with accents,
apostrophes, hyphens and dots folded; when nothing matches exactly, rapidfuzz's
``token_sort_ratio`` of at least ``FUZZY_MIN_SCORE`` catches transliterations (Tokaev/Tokayev).

``ministers.jsonl`` (``models/build_ministers.py``, foreign ministers) has the same format and loads
into the same index: ``LeaderIndex.ministers()``, or ``LeaderIndex.officeholders()`` for both tables
at once (a person in both, such as a foreign minister who became prime minister, has one id there).
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz, process

from visitextract.errors import Errors, KnowledgeTableError
from visitextract.loading import built_once
from visitextract.normalize.gazetteer import models_dir

__all__ = [
    "FUZZY_MIN_SCORE",
    "MARGIN",
    "MINISTERS_FILE",
    "TABLE_FILE",
    "Leader",
    "LeaderIndex",
    "LeaderTerm",
    "fold_name",
]

TABLE_FILE = "leaders.jsonl"
MINISTERS_FILE = "ministers.jsonl"
# Fuzzy matching is a fallback for spelling variants; below this score names are too different.
FUZZY_MIN_SCORE = 92.0
# Shorter folded queries are not matched fuzzily: too many four-letter names are one edit apart.
FUZZY_MIN_LENGTH = 5
# Term dates are often a few days off (and some are only year-precise): a date this close to a
# term still counts, so an article published around a hand-over finds both leaders.
MARGIN = datetime.timedelta(days=30)
_FUZZY_CACHE_SIZE = 4096
_NEEDED = (
    "id, name, aliases and terms (regenerate it with python models/build_leaders.py or "
    "models/build_ministers.py)"
)
_FOLD_TABLE = str.maketrans(
    {"’": "'", "‘": "'", "ʻ": "'", "`": "'", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o"}
    | {"ı": "i", "ß": "ss", "æ": "ae", "Æ": "ae", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th"}
)
_SEPARATORS_RE = re.compile(r"[\s\-‐‑–—.]+")


@functools.lru_cache(maxsize=8192)
def fold_name(text: str) -> str:
    """Index key: accents and case folded, apostrophes dropped, hyphens and dots read as spaces.

    So "Shinzō Abe" = "Shinzo Abe", "Kim Jong-un" = "Kim Jong Un", "George H. W. Bush" =
    "George H.W. Bush" and "Tuila'epa" = "Tuilaepa".
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_SEPARATORS_RE.sub(" ", plain.replace("'", "")).split())


@dataclass(frozen=True, slots=True)
class LeaderTerm:
    """One term in office. ``end`` is None while the term is open (as of the source snapshot)."""

    leader_id: str
    name: str
    country: str
    office: str
    start: datetime.date
    end: datetime.date | None
    wikidata: str | None = None

    def active_on(self, day: datetime.date, margin: datetime.timedelta = MARGIN) -> bool:
        """Whether ``day`` falls in the term, widened by ``margin`` on both sides."""
        if day < self.start - margin:
            return False
        return self.end is None or day <= self.end + margin


@dataclass(frozen=True, slots=True)
class Leader:
    """A person in the table with every name it is matched by and their terms, oldest first."""

    id: str
    name: str
    aliases: tuple[str, ...]
    terms: tuple[LeaderTerm, ...]
    wikidata: str | None = None


class LeaderIndex:
    """Leaders and dict indexes over their names, built once so a lookup is a few dict reads."""

    def __init__(self, leaders: Iterable[Leader]) -> None:
        self.leaders: tuple[Leader, ...] = tuple(leaders)
        self.by_id: dict[str, Leader] = {leader.id: leader for leader in self.leaders}
        exact: dict[str, list[int]] = {}
        for number, leader in enumerate(self.leaders):
            for alias in (leader.name, *leader.aliases):
                owners = exact.setdefault(fold_name(alias), [])
                if number not in owners:
                    owners.append(number)
        self._exact: dict[str, tuple[int, ...]] = {key: tuple(v) for key, v in exact.items()}
        self._keys: list[str] = list(self._exact)
        # the keys' words sorted once: token_sort_ratio(q, k) is ratio(sorted q, sorted k), and keys
        # are folded (single spaces), so _score need not split and sort every key on every call
        self._sorted_keys: list[str] = [" ".join(sorted(key.split())) for key in self._keys]
        self._fuzzy_cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def default(cls) -> LeaderIndex:
        """The shipped table, loaded once per process and shared: do not modify the result."""
        return _default_index()

    @classmethod
    def ministers(cls) -> LeaderIndex:
        """The shipped foreign-ministers table, loaded on first use and shared: do not modify it."""
        return _ministers_index()

    @classmethod
    def officeholders(cls) -> LeaderIndex:
        """Leaders and foreign ministers in one index, loaded on first use and shared."""
        return _officeholders_index()

    @classmethod
    def merged(cls, *indexes: LeaderIndex) -> LeaderIndex:
        """One index over several tables; people with the same id (one person in two tables) become
        one ``Leader`` with the first table's name, every alias and every term, oldest first."""
        people: dict[str, Leader] = {}
        for index in indexes:
            for leader in index.leaders:
                known = people.get(leader.id)
                if known is None:
                    people[leader.id] = leader
                    continue
                aliases = tuple(dict.fromkeys((*known.aliases, *leader.aliases)))
                terms = tuple(
                    sorted(
                        (*known.terms, *(replace(t, name=known.name) for t in leader.terms)),
                        key=lambda t: (t.start, t.country, t.office),
                    )
                )
                people[leader.id] = replace(
                    known, aliases=aliases, terms=terms, wikidata=known.wikidata or leader.wikidata
                )
        return cls(people.values())

    @classmethod
    def load(cls, path: Path | str | None = None) -> LeaderIndex:
        """Read a leaders JSONL table (default: the shipped one); malformed rows name file and line."""
        table = Path(path) if path is not None else models_dir() / TABLE_FILE
        leaders: list[Leader] = []
        with table.open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    leaders.append(_leader_from_json(json.loads(line)))
                except (ValueError, KeyError, TypeError) as exc:
                    reason = f"not a valid leader ({type(exc).__name__}: {exc})"
                    raise KnowledgeTableError(
                        Errors.E005.format(path=table, line=line_no, reason=reason, needed=_NEEDED)
                    ) from exc
        return cls(leaders)

    def __len__(self) -> int:
        return len(self.leaders)

    def match(self, name: str) -> list[Leader]:
        """Leaders whose name or alias is ``name`` (folded), else the closest fuzzy matches."""
        key = fold_name(name)
        if not key:
            return []
        numbers = self._exact.get(key)
        if numbers is None:
            numbers = self._fuzzy(key)
        return [self.leaders[n] for n in numbers]

    def knows(self, name: str) -> bool:
        """Whether ``name`` (folded) is exactly a name or alias of the table: no fuzzy matching."""
        key = fold_name(name)
        return bool(key) and key in self._exact

    def match_within(self, name: str) -> list[Leader]:
        """Leaders whose name or alias of two words or more is a contiguous part of ``name`` ("Samia
        Suluhu" in "Samia Suluhu Hassan"); exact parts only, no fuzzy matching."""
        words = fold_name(name).split()
        numbers: list[int] = []
        for size in range(len(words) - 1, 1, -1):
            for i in range(len(words) - size + 1):
                for n in self._exact.get(" ".join(words[i : i + size]), ()):
                    if n not in numbers:
                        numbers.append(n)
            if numbers:
                break
        return [self.leaders[n] for n in numbers]

    def lookup(self, name: str, on: datetime.date | None = None) -> list[LeaderTerm]:
        """Terms of the leaders ``name`` can refer to, most recent first.

        With ``on``, only terms active that day (give or take ``MARGIN``); a name that fits no
        leader, or none in office then, gives an empty list.
        """
        terms = [term for leader in self.match(name) for term in leader.terms]
        if on is not None:
            terms = [term for term in terms if term.active_on(on)]
        terms.sort(key=_recent_first)
        return terms

    def countries(self, name: str, on: datetime.date | None = None) -> list[str]:
        """Distinct countries of :meth:`lookup`, most recent first: more than one means ambiguous."""
        return list(dict.fromkeys(term.country for term in self.lookup(name, on)))

    def _fuzzy(self, key: str) -> tuple[int, ...]:
        """Leaders of the best-scoring aliases; cached, since the same unknown names recur."""
        if len(key) < FUZZY_MIN_LENGTH:
            return ()
        cached = self._fuzzy_cache.get(key)
        if cached is not None:
            return cached
        if len(self._fuzzy_cache) >= _FUZZY_CACHE_SIZE:
            self._fuzzy_cache.clear()
        numbers = self._fuzzy_cache[key] = self._score(key)
        return numbers

    def _score(self, key: str) -> tuple[int, ...]:
        # = process.extract(key, self._keys, scorer=fuzz.token_sort_ratio, ...), 3-4 times faster
        query = " ".join(sorted(key.split()))
        found = process.extract(
            query, self._sorted_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=10
        )
        if not found:
            return ()
        best = max(score for _, score, _ in found)
        numbers: list[int] = []
        for _, score, index in found:
            if score == best:
                numbers.extend(n for n in self._exact[self._keys[index]] if n not in numbers)
        return tuple(numbers)


def _recent_first(term: LeaderTerm) -> tuple[int, str, str, str]:
    return (-term.start.toordinal(), term.country, term.office, term.leader_id)


def _leader_from_json(row: dict[str, object]) -> Leader:
    leader_id, name = str(row["id"]), str(row["name"])
    wikidata = row.get("wikidata")
    qid = str(wikidata) if wikidata else None
    raw_terms = row["terms"]
    raw_aliases = row["aliases"]
    if not isinstance(raw_terms, Sequence) or not isinstance(raw_aliases, Sequence):
        raise TypeError("terms and aliases must be lists")
    terms = tuple(
        LeaderTerm(
            leader_id=leader_id,
            name=name,
            country=str(term["country"]),
            office=str(term["office"]),
            start=datetime.date.fromisoformat(str(term["start"])),
            end=datetime.date.fromisoformat(str(term["end"])) if term.get("end") else None,
            wikidata=qid,
        )
        for term in raw_terms
    )
    return Leader(
        id=leader_id, name=name, aliases=tuple(str(a) for a in raw_aliases), terms=terms, wikidata=qid
    )


@built_once
def _default_index() -> LeaderIndex:
    return LeaderIndex.load()


@built_once
def _ministers_index() -> LeaderIndex:
    return LeaderIndex.load(models_dir() / MINISTERS_FILE)


@built_once
def _officeholders_index() -> LeaderIndex:
    return LeaderIndex.merged(_default_index(), _ministers_index())


@functools.cache
def ministers_snapshot() -> datetime.date:
    """The last date the foreign ministers' table knows of: its open terms are open as of then."""
    days = [
        d for leader in LeaderIndex.ministers().leaders for t in leader.terms for d in (t.start, t.end) if d
    ]
    return max(days, default=datetime.date.min)
