"""People: one record per person, with the fullest name, the office and the country.

Mentions are linked in three passes:

1. names: "Gabrielius Landsbergis", "Landsbergis", "Mr Landsbergis" are one person when one name is a
   contiguous part of the other (or a close transliteration, via rapidfuzz);
2. titles: "the minister", "the Lithuanian foreign minister", "the Kazakh leader" refer to the most
   recent person whose office and country agree;
3. pronouns: "he", "his" refer to the subject of the current or last sentence that had one.

Office and country come from the words around a name ("Kazakh President X", "X, chair of ...",
"his Kazakh counterpart X") and, when the text gives none, from the events (see assemble.py).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from spacy.tokens import Span, Token

from visitextract import models as m
from visitextract.normalize.offices import OfficeInfo, default_taxonomy
from visitextract.pipeline.entities import ADDRESS_WORDS, HONORIFICS, NAME_PARTICLES, is_address
from visitextract.rules import lexicon as lx
from visitextract.rules.context import DocContext, OfficeMention
from visitextract.rules.syntax import governing_verb, sentence

if TYPE_CHECKING:
    from visitextract.normalize.leaders import Leader, LeaderIndex

_HEAD_CATS = {"head_of_state", "head_of_government", "leader"}
# What each kind of evidence for a person's country is worth. The office-holder tables at the
# story's date come first, then what the text says of this person (a demonym or a country in the
# title, a possessive, an apposition), then a list's order, then inference from the events and the
# story's setting. Stronger evidence replaces weaker; equal evidence keeps the first.
COUNTRY_EVIDENCE: dict[str, int] = {
    "leaders table": 6,
    "office": 5,
    "demonym": 5,
    "possessive": 5,
    "apposition": 5,
    "of-phrase": 5,
    "represents": 5,
    "list order": 4,
    "counterpart": 4,
    "title reference": 3,
    "leaders table (nationality)": 3,
    "invitation": 2,
    "departure": 2,
    "travels with a visitor": 2,
    "attended with the visitor": 2,
    "met the visitor in the host country": 1,
    "home country of the story": 1,
}
# Sources by which the text itself ties a person to a country ("Kenyan President X").
TEXT_QUALIFIERS = frozenset(
    {"office", "demonym", "possessive", "apposition", "of-phrase", "represents", "counterpart", "list order"}
)
# Offices a person of the foreign ministers' table may be named with in the text.
_MINISTER_CATEGORIES = frozenset({"foreign_minister", "minister", "deputy_head_of_government", "leader"})
# Offices the leaders table holds (a "President" in the text may be the table's head of state).
_TABLE_CATEGORIES = frozenset({"head_of_state", "head_of_government", "leader", "official"})
_FAMILY_NOUNS = frozenset("wife husband spouse partner son daughter mother father brother sister".split())


@dataclass
class PersonCluster:
    """All mentions of one person in a document."""

    key: int
    tokens: tuple[str, ...]
    mentions: list[Span] = field(default_factory=list)
    refs: list[Span] = field(default_factory=list)  # title-only references ("the minister")
    office: OfficeInfo | None = None
    office_source: str = ""
    country: str | None = None
    country_source: str = ""
    text_country: str | None = None  # the country the text itself ties the person to, if any
    text_source: str = ""
    named: bool = True
    label: str = ""  # the role text for unnamed officials ("Pakistani Foreign Minister")
    gender: str | None = None  # "f" / "m" from a gendered title or honorific ("spokeswoman", "Mr")
    counterpart_of: int | None = None
    relevant: bool = False  # takes part in a record
    addressed: set[str] = field(default_factory=set)  # "highness": how the text addresses the person

    @property
    def name(self) -> str:
        if not self.named:
            return self.label
        return _join_name(self.tokens)

    @property
    def family(self) -> bool:
        """ "his wife Brigitte": a relative who travels or dines along is not an official party."""
        if not self.mentions:
            return False
        first = min(self.mentions, key=lambda m: m.start)
        return first.start > 0 and first.doc[first.start - 1].lower_ in _FAMILY_NOUNS

    @property
    def first_token(self) -> int:
        spans = self.mentions + self.refs
        return min(s.start for s in spans) if spans else 0

    def set_country(self, country: str | None, source: str, *, force: bool = False) -> None:
        """Record evidence for the person's country; it wins over weaker evidence (``force``: over
        anything but the office-holder tables)."""
        if not country:
            return
        if source in TEXT_QUALIFIERS and self.text_country is None:
            self.text_country, self.text_source = country, source
        rank = COUNTRY_EVIDENCE.get(source, 0)
        current = COUNTRY_EVIDENCE.get(self.country_source, 0) if self.country is not None else -1
        if rank > current or (force and current < COUNTRY_EVIDENCE["leaders table"]):
            self.country = country
            self.country_source = source

    @property
    def qualified(self) -> bool:
        """Whether the text itself says which country the person is from."""
        return self.text_country is not None

    def set_office(self, office: OfficeInfo | None, source: str) -> None:
        if office is None:
            return
        if self.office is None or _office_rank(office) > _office_rank(self.office):
            self.office = office
            self.office_source = source


def _office_rank(info: OfficeInfo) -> int:
    if info.category in {"leader", "official", "other"}:
        return 1
    if info.category in {"minister"}:
        return 2
    return 3


def _join_name(tokens: tuple[str, ...]) -> str:
    out = ""
    for tok in tokens:
        if not out:
            out = tok
        elif tok in {"-", "‑"} or out.endswith(("-", "‑")):
            out += tok
        else:
            out += " " + tok
    return out


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def slug(text: str) -> str:
    folded = _fold(text)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "unknown"


def _name_tokens(span: Span) -> tuple[str, ...]:
    toks = [t.text for t in span if t.text not in {"'s", "’s"}]
    while toks and toks[0].lower() in HONORIFICS:
        toks.pop(0)
    return tuple(toks)


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if not short or len(short) > len(long):
        return False
    s = tuple(_fold(t) for t in short)
    lo = tuple(_fold(t) for t in long)
    return any(lo[i : i + len(s)] == s for i in range(len(lo) - len(s) + 1))


_PATRONYMIC = frozenset({"bin", "bint", "ibn", "ben", "ould", "binti"})


def _is_ancestor_name(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "Mohamed bin Zayed" inside "Hamdan bin Mohamed bin Zayed": the shorter name follows a
    patronymic particle of the longer one, so it names the father, not the same person."""
    s = tuple(_fold(t) for t in short)
    lo = tuple(_fold(t) for t in long)
    return any(lo[i : i + len(s)] == s and lo[i - 1] in _PATRONYMIC for i in range(1, len(lo) - len(s) + 1))


def _own_name_part(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "Sheikh Khaled" is "Khaled bin Mohamed bin Zayed", but "Sheikh Mohamed" is not: a part of
    a name that follows "bin" names the father."""
    s = tuple(_fold(t) for t in short)
    lo = tuple(_fold(t) for t in long)
    return bool(s) and any(
        lo[i : i + len(s)] == s and (i == 0 or not _is_patronymic(long[i - 1]))
        for i in range(len(lo) - len(s) + 1)
    )


def _is_patronymic(word: str) -> bool:
    """ "bin", "Bin", "ibn", "ould"; "ben" only in lower case ("Ben Wallace" is a given name)."""
    return word == "ben" or (word.lower() in _PATRONYMIC and word.lower() != "ben")


def _own_parts(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The name's words that are not a father's or grandfather's name (after "bin")."""
    return tuple(
        t
        for i, t in enumerate(tokens)
        if (i == 0 or not _is_patronymic(tokens[i - 1])) and t in _content((t,))
    )


def _without_initials(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "Donald J. Trump" -> ("Donald", "Trump"): a middle initial does not tell two people apart."""
    if len(tokens) < 3:
        return tokens
    kept = tuple(t for i, t in enumerate(tokens) if not (0 < i < len(tokens) - 1 and _is_initial(t)))
    return kept if len(kept) >= 2 else tokens


def _is_initial(token: str) -> bool:
    return len(token.rstrip(".")) == 1 and token[:1].isupper()


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One full name is a contiguous part of the other (particles and middle initials aside), and
    not as a patronymic."""
    a, b = _without_initials(a), _without_initials(b)
    short, long = (a, b) if len(_content(a)) <= len(_content(b)) else (b, a)
    if not _is_subsequence(_content(short), _content(long)):
        return False
    return not _is_ancestor_name(short, long)


def _content(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in tokens if t.lower() not in NAME_PARTICLES and t not in {"-", "‑"})


class PeopleResolver:
    """Builds person clusters for one document and resolves references to them."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.clusters: list[PersonCluster] = []
        self.by_token: dict[int, PersonCluster] = {}
        self.attached_offices: set[int] = set()  # token ids of offices tied to a name
        self._subject_pronouns: dict[int, PersonCluster | None] = {}  # resolved sentence subjects
        self._build_named()
        self._attach_offices()
        self._genders()
        self._list_order()
        self._from_tables()
        self._countries_of_aides()
        # Counterparts first ("his Pakistani counterpart X" makes X a foreign minister), so that a
        # later "the Pakistani Foreign Minister" finds X; again after the titles, for owners that
        # are title references ("The Foreign Minister met his American counterpart X").
        self._counterparts()
        self._resolve_title_refs()
        self._counterparts()

    # ---------------------------------------------------------------- names
    def _new_cluster(self, tokens: tuple[str, ...]) -> PersonCluster:
        cluster = PersonCluster(key=len(self.clusters), tokens=tokens)
        self.clusters.append(cluster)
        return cluster

    def _build_named(self) -> None:
        spans = sorted(self.ctx.people, key=lambda s: s.start)
        multi = [s for s in spans if len(_content(_name_tokens(s))) >= 2]
        single = [s for s in spans if len(_content(_name_tokens(s))) < 2]
        for span in multi:
            toks = _name_tokens(span)
            target = None
            for c in self.clusters:
                if _same_name(toks, c.tokens):
                    target = c
                    break
                if fuzz.ratio(_fold(" ".join(toks)), _fold(" ".join(c.tokens))) >= 92:
                    target = c
                    break
            if target is None:
                target = self._new_cluster(toks)
            elif len(_content(toks)) > len(_content(target.tokens)):
                target.tokens = toks
            target.mentions.append(span)
        for span in single:
            toks = _name_tokens(span)
            if not toks:
                continue
            # "bin Farhan" names Faisal bin Farhan; a bare "Mohamed" is not Khaled bin Mohamed
            doc = self.ctx.doc
            if span.start > 0 and _is_patronymic(doc[span.start - 1].text):
                toks = (doc[span.start - 1].text, *toks)
            patronym = _is_patronymic(toks[0])
            candidates = [
                c
                for c in self.clusters
                if c.named
                and (
                    _is_subsequence(toks, c.tokens) if patronym else _own_name_part(_content(toks), c.tokens)
                )
            ]
            if not candidates:
                candidates = [
                    c
                    for c in self.clusters
                    if c.named
                    and len(toks[0]) >= 5
                    and not patronym
                    and any(
                        fuzz.ratio(_fold(toks[0]), _fold(t)) >= 85
                        for t in _own_parts(c.tokens)
                        if len(t) >= 5
                    )
                ]
            before = [c for c in candidates if any(ms.start < span.start for ms in c.mentions)]
            title = self._titled_office(span)
            if candidates and not before and title is not None:
                # "President Obama ..." long before "Michelle Obama": the titled surname is a
                # person of its own unless a full name carries the same title
                fits = [c for c in candidates if self._may_be(c, title)]
                candidates = fits if len(fits) == 1 else []
            if candidates:
                pool = before or candidates
                # a bare surname is the story's principal of that name ("Trump" is the
                # president-elect, not "Melania Trump" named a line earlier): the most mentioned
                # so far, then the most recent
                target = max(
                    pool,
                    key=lambda c: (
                        sum(1 for ms in c.mentions if ms.start < span.start),
                        max((ms.start for ms in c.mentions if ms.start < span.start), default=-1),
                    ),
                )
            else:
                target = self._new_cluster(toks)
            target.mentions.append(span)
        for c in self.clusters:
            for s in c.mentions:
                for t in s:
                    self.by_token[t.i] = c

    def _titled_office(self, span: Span) -> OfficeMention | None:
        """The title written right before a name ("President Obama", "first lady Michelle Obama")."""
        doc = self.ctx.doc
        j = span.start - 1
        while j >= 0 and doc[j].lower_ in HONORIFICS:
            j -= 1
        om = self.ctx.office_at.get(j) if j >= 0 else None
        return om if om is not None and om.span.end == j + 1 and not om.info.former else None

    def _may_be(self, cluster: PersonCluster, om: OfficeMention) -> bool:
        """Whether a titled surname is this full-named person named later: only when the full name
        carries a title of the same office somewhere."""
        for ms in cluster.mentions:
            own = self._titled_office(ms) or self._office_after(ms)
            if own is not None and (
                office_compatible(om.info, own.info) or office_compatible(own.info, om.info)
            ):
                return True
        return False

    # -------------------------------------------------------------- offices
    def _office_before(self, span: Span) -> OfficeMention | None:
        doc = self.ctx.doc
        root = span.root
        if root.dep_ == "appos" and root.head.i < span.start:
            # "The US commander in Iraq, General David Petraeus, ...": the name is the title's apposition
            om = self.ctx.office_at.get(root.head.i)
            if om is not None:
                return om
        j = span.start - 1
        # skip "Mr", "Prince", "H.E", "His Excellency" — but not the "General" of "UN
        # Secretary-General X", nor "His Majesty", which is a title of its own
        while j >= 0 and (
            doc[j].lower_ in HONORIFICS
            or doc[j].text in {"H.E", "H.E."}
            or (doc[j].lower_ in {"his", "her"} and j + 1 < span.start and doc[j + 1].lower_ in ADDRESS_WORDS)
        ):
            om = self.ctx.office_at.get(j)
            if om is not None and len(om.span) > 1:
                break
            j -= 1
        if j >= 0 and doc[j].text in {",", ":", "("} and j - 1 >= 0:
            om = self.ctx.office_at.get(j - 1)
            if om is not None and om.span.end == j:
                return om
            # "the presidential adviser on media and publicity, Ajuri Ngelale"
            for k in range(j - 1, max(-1, j - 16), -1):
                om = self.ctx.office_at.get(k)
                if om is not None:
                    if om.span.root.right_edge.i == j - 1:
                        return om
                    break
        om = self.ctx.office_at.get(j) if j >= 0 else None
        if om is not None and om.span.end == j + 1:
            return om
        return None

    def _office_after(self, span: Span) -> OfficeMention | None:
        """ "X, chair of the committee": an apposition, unless the title belongs to the next name."""
        doc = self.ctx.doc
        j = span.end
        if j < len(doc) and doc[j].text in {"'s", "’s"}:
            return None
        if j < len(doc) and doc[j].text in {",", "(", "—", "–", "-"}:
            j += 1
            while (
                j < len(doc)
                and j not in self.ctx.office_at
                and (
                    doc[j].lower_ in {"the", "a", "an"}
                    or doc[j].i in self.ctx.place_at
                    or doc[j].tag_ in {"POS", "JJ"}
                    or doc[j].text in {"'s", "’s"}
                    # "X, Special Affairs Advisor at ...", "X, Diplomatic Adviser to ...": words of
                    # the title the tables do not hold
                    or (
                        doc[j].tag_ in {"NNP", "NNPS"}
                        and doc[j].text[:1].isupper()
                        and j not in self.ctx.person_at
                        and j - span.end <= 3
                    )
                )
            ):
                j += 1
            om = self.ctx.office_at.get(j)
            if om is not None and om.span.start == j:
                k = om.span.end
                while k < len(doc) and doc[k].lower_ in HONORIFICS:
                    k += 1
                if k < len(doc) and k in self.ctx.person_at:
                    return None  # "Mr Macron, German Chancellor Olaf Scholz and ..." is a list
                return om
        return None

    def _attach_offices(self) -> None:
        for cluster in self.clusters:
            for span in cluster.mentions:
                om = self._office_before(span)
                source = "title"
                if om is not None and om.info.category == "honorific":
                    # "His Highness Sheikh X, Crown Prince of Abu Dhabi": the address is X's, and
                    # so is the office after the name, or one before the address ("President His
                    # Highness Sheikh X")
                    for t in om.span:
                        self.attached_offices.add(t.i)
                        self.by_token.setdefault(t.i, cluster)
                    cluster.addressed.add(_address_word(om.span))
                    before = self._office_before(om.span)
                    om = before if before is not None and before.info.category != "honorific" else None
                if om is None:
                    om = self._office_after(span)
                    source = "apposition"
                if om is None:
                    continue
                for t in om.span:
                    self.attached_offices.add(t.i)
                    # "met with Deputy Chairman of the Senate X": the title stands for X
                    self.by_token.setdefault(t.i, cluster)
                if om.info.former or om.info.category == "honorific":
                    continue  # "His Highness Sheikh X" is X; the form of address is no office
                info = om.info
                near = self.ctx.country_near(om.span.start)
                if _plural(om):
                    # "the Kazakh and Uzbek foreign ministers, A and B": the title is every
                    # member's, the countries go by the list's order
                    near = None
                if near is not None and near.entity.kind == "organization" and " of " not in info.office:
                    # "European Commission President X" holds an office of that body
                    info = OfficeInfo(
                        f"{info.office} of the {near.entity.name}", "international", near.country, info.title
                    )
                cluster.set_office(info, source)
                if info.country:
                    cluster.set_country(info.country, "office")
                if near is not None and near.country:
                    cluster.set_country(
                        near.country, "demonym", force=cluster.country_source in {"", "office"}
                    )
            # "Ana Ruiz of Chile", "President Jorge Vidal of Chile": the country after the name
            for span in cluster.mentions:
                country = self._of_country(span)
                if country is not None:
                    cluster.set_country(country, "of-phrase")
                    break
            # "Togo was represented by Prime Minister X", "Kenya sent Deputy President X": the
            # country the person stands for
            for span in cluster.mentions:
                country = self._represented(span) or self._side_of(span)
                if country is not None:
                    cluster.set_country(country, "represents")
                    break
            # "Kazakh Tokayev", "Russia's Putin": a demonym right before the name.
            if cluster.country is None:
                for span in cluster.mentions:
                    near = self.ctx.country_near(span.start, window=2)
                    if near is not None and near.country and near.is_demonym:
                        cluster.set_country(near.country, "demonym")
                        break

        self._plural_titles()

    def _represented(self, span: Span) -> str | None:
        """The country a person is said to represent: the subject of "was represented by X" or of
        "sent X" (to a summit), when it is a country or its capital."""
        tok = span.root
        while tok.dep_ == "conj" and tok.head != tok:
            tok = tok.head  # "represented by X and Y"
        # (the pipeline has no lemmatizer: the forms are matched)
        if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lower_ == "represented":
            verb, dep = tok.head.head, "nsubjpass"
        elif tok.dep_ == "dobj" and tok.head.lower_ in {"sent", "sends", "send", "sending"}:
            verb, dep = tok.head, "nsubj"
        else:
            return None
        for subj in verb.children:
            if subj.dep_ != dep:
                continue
            for t in subj.subtree:
                pm = self.ctx.place_at.get(t.i)
                if pm is not None and pm.span.root.i == subj.i and pm.country and not pm.is_demonym:
                    return pm.country if pm.entity.kind in {"country", "city"} else None
        return None

    def _side_of(self, span: Span) -> str | None:
        """The side a sentence assigns a name to: "On the Italian side, the meeting was attended by
        X and Y", "the Kenyan side was represented by X" (the side named last before the name)."""
        found: str | None = None
        for t in sentence(span[0]):
            if t.i >= span.start:
                break
            if t.lower_ == "side":
                found = next(
                    (
                        pm.country
                        for c in t.children
                        if c.dep_ in {"amod", "compound", "nmod"}
                        for pm in [self.ctx.place_at.get(c.i)]
                        if pm is not None and pm.country
                    ),
                    None,
                )
        return found

    def _of_country(self, span: Span) -> str | None:
        """The country of "X of Chile" / "X from Chile" right after a name (not "X of the UN
        mission in Chile": the place must be the phrase's object)."""
        doc = self.ctx.doc
        if span.end + 1 >= len(doc) or doc[span.end].lower_ not in {"of", "from"}:
            return None
        nxt = span.end + 1
        if doc[nxt].lower_ == "the":
            nxt += 1
        pm = self.ctx.place_at.get(nxt)
        if pm is None or pm.entity.kind != "country" or pm.is_demonym or not pm.country:
            return None
        end = pm.span.end
        if end < len(doc) and (doc[end].text in {"'s", "’s"} or doc[end].pos_ in {"NOUN", "PROPN"}):
            return None  # "X of Chile's foreign ministry", "X of the Chile Solidarity Network"
        return pm.country

    def _plural_titles(self) -> None:
        """ "Foreign Ministers A and B", "Presidents A of Chile and B of Peru": a plural title before
        a list of names is each member's office."""
        for cluster in self.clusters:
            if cluster.office is not None:
                continue
            for span in cluster.mentions:
                root = span.root
                node = root
                while node.dep_ == "conj" and node.head != node:
                    node = node.head
                if node is root:
                    continue
                first = self.by_token.get(node.i)
                if first is None or first.office is None:
                    continue
                om = next((self._office_before(ms) for ms in first.mentions if ms.root == node), None)
                if om is not None and (_plural(om) or _plural_title_word(om.span.root)):
                    cluster.set_office(om.info, "title")
                    for t in om.span:
                        self.attached_offices.add(t.i)
                    break

    # ------------------------------------------------------------ genders
    def _genders(self) -> None:
        """A person's grammatical gender where the text marks it: an honorific ("Mrs", "Sheikha",
        "Mr") or a gendered title ("spokeswoman", "Queen"), so that "she" never names a man."""
        doc = self.ctx.doc
        for cluster in self.clusters:
            words: list[str] = []
            for span in cluster.mentions:
                j = span.start - 1
                while (
                    j >= 0
                    and span.start - j <= 3
                    and (doc[j].lower_ in HONORIFICS or j in self.ctx.office_at)
                ):
                    words.append(doc[j].lower_.rstrip("."))
                    j -= 1
            if cluster.office is not None:
                words += cluster.office.title.lower().split()
            female = any(w in lx.FEMALE_WORDS for w in words)
            male = any(w in lx.MALE_WORDS for w in words)
            if female != male:
                cluster.gender = "f" if female else "m"

    def agrees(self, cluster: PersonCluster | None, tok: Token) -> bool:
        """Whether a pronoun can stand for the cluster (its gender, when known)."""
        if cluster is None or cluster.gender is None:
            return cluster is not None
        wanted = "f" if tok.lower_ in lx.PRONOUNS_FEMALE else "m" if tok.lower_ in lx.PRONOUNS_MALE else None
        return wanted is None or cluster.gender == wanted

    # ------------------------------------------------------------ lists
    def _list_order(self) -> None:
        """ "The foreign ministers of Chile, Peru and Bolivia, A, B and C"; "the presidents of
        Senegal, A, and Sierra Leone, B"; "the Kazakh and Uzbek foreign ministers, A and B": a
        plural office with a list of countries and a list of names gives each name the office and
        the country in the same position."""
        doc = self.ctx.doc
        for om in self.ctx.offices:
            last = om.span[-1]
            if not last.lower_.endswith("s") or om.info.former:
                continue
            countries: list[str] = []
            # demonyms before the title: "the Kazakh and Uzbek foreign ministers"
            j = om.span.start - 1
            before: list[str] = []
            while j >= 0 and (j in self.ctx.place_at or doc[j].text in {",", "and"}):
                pm = self.ctx.place_at.get(j)
                if pm is not None:
                    if pm.country and (not before or before[0] != pm.country):
                        before.insert(0, pm.country)
                    j = pm.span.start - 1
                else:
                    j -= 1
            countries += before
            kinds: list[str] = []  # "place" / "name", in the order of the text
            places: list[str] = []
            names: list[PersonCluster] = []
            k = om.span.end
            if k < len(doc) and doc[k].lower_ == "of" and not before:
                k += 1
            sent_end = sentence(om.span[0]).end
            while k < sent_end:
                tok = doc[k]
                pm = self.ctx.place_at.get(k)
                cluster = self.by_token.get(k)
                if pm is not None and pm.country and pm.entity.kind == "country":
                    kinds.append("place")
                    places.append(pm.country)
                    k = pm.span.end
                    continue
                if cluster is not None and cluster.named:
                    if not names or names[-1] is not cluster or kinds[-1] != "name":
                        kinds.append("name")
                        names.append(cluster)
                    k += 1
                    continue
                if tok.text in {",", "and", "the"} or tok.lower_ in HONORIFICS:
                    k += 1
                    continue
                break
            pairs: list[tuple[str, PersonCluster]] = []
            if before and not places and len(names) == len(before) >= 2:
                pairs = list(zip(before, names, strict=True))
            elif len(places) == len(names) >= 2:
                block = kinds == ["place"] * len(places) + ["name"] * len(names)
                alternating = kinds == ["place", "name"] * len(places)
                if block or alternating:
                    pairs = list(zip(places, names, strict=True))
            if not pairs:
                continue
            for country, cluster in pairs:
                cluster.set_country(country, "list order")
                if not om.info.category.startswith("role:"):
                    cluster.set_office(om.info, "list order")

    def _countries_of_aides(self) -> None:
        """ "Orban's spokesman Bertalan Havasi", "Bertalan Havasi, Orban's spokesman": an office
        held under a named person (spokesperson, adviser, envoy, chief of staff) is of that person's
        country, whatever country the story is set in."""
        for cluster in self.clusters:
            if not cluster.named or COUNTRY_EVIDENCE.get(cluster.country_source or "", 0) >= 5:
                continue
            for span in cluster.mentions:
                owner = self._owner_before(span.start) or self._owner_after(span.end)
                if owner is not None and owner is not cluster and owner.country:
                    cluster.set_country(owner.country, "possessive")
                    break

    def _owner_before(self, start: int) -> PersonCluster | None:
        """The person of "X's" before the office that titles the name at ``start``."""
        doc = self.ctx.doc
        j = start - 1
        while j >= 0 and j in self.attached_offices:
            j -= 1
        if j == start - 1 or j < 1 or doc[j].tag_ != "POS":
            return None
        owner = self.by_token.get(j - 1)
        return owner if owner is not None and owner.named else None

    def _owner_after(self, end: int) -> PersonCluster | None:
        """The person of ", X's <office>" right after a name."""
        doc = self.ctx.doc
        if end + 3 >= len(doc) or doc[end].text != ",":
            return None
        owner = self.by_token.get(end + 1)
        if owner is None or not owner.named:
            return None
        k = end + 1
        while k < len(doc) and self.by_token.get(k) is owner:
            k += 1
        if k + 1 < len(doc) and doc[k].tag_ == "POS" and (k + 1) in self.ctx.office_at:
            return owner
        return None

    # ------------------------------------------------------------ knowledge
    def _from_tables(self) -> None:
        """The office-holder tables at the story's date: a head of state or government the table
        knows is of the table's country, whatever word stands next to the name ("German Foreign
        Minister X held talks with President Macron" does not make Macron German). A full name the
        table knows only from another time gives the nationality, as weaker evidence."""
        from visitextract.normalize.leaders import LeaderIndex

        index = LeaderIndex.default()
        on = self.ctx.published
        for cluster in self.clusters:
            if not cluster.named:
                continue
            terms = index.lookup(cluster.name, on=on)
            if not terms and len(cluster.tokens) >= 2:
                # "Samia Suluhu Hassan" is the table's "Samia Suluhu"; "John Mahama" its "John
                # Dramani Mahama" (the first and last names agree, a middle name is left out)
                leaders = index.match_within(cluster.name) or _given_and_surname(index, cluster.tokens)
                terms = [t for leader in leaders for t in leader.terms]
                if on is not None:
                    terms = [t for t in terms if t.active_on(on)]
            countries = {t.country for t in terms}
            if not countries:
                if len(_content(cluster.tokens)) >= 2:
                    nationality = {t.country for t in index.lookup(cluster.name)}
                    if len(nationality) == 1:
                        cluster.set_country(nationality.pop(), "leaders table (nationality)")
                continue
            if len(countries) != 1:
                continue
            term = terms[0]
            if cluster.office is not None and cluster.office.category not in _TABLE_CATEGORIES:
                # "Foreign Minister X" is not the head of state X of the table, but is of that
                # country if the full name is the same
                if len(_content(cluster.tokens)) >= 2:
                    cluster.set_country(term.country, "leaders table (nationality)")
                continue
            cluster.set_country(term.country, "leaders table")
            if cluster.office is None:
                office = default_taxonomy().lookup(term.office)
                cluster.set_office(office or OfficeInfo(term.office, "head_of_state"), "leaders table")
        self._from_ministers()

    def _from_ministers(self) -> None:
        """The foreign ministers' table: at the story's date, a full name it knows as that day's
        minister is of that country; at any date, a full name of one country gives the nationality.
        Its source is a snapshot, so a term it leaves open is trusted only until shortly after it."""
        from visitextract.normalize.leaders import LeaderIndex, ministers_snapshot

        index = LeaderIndex.ministers()
        on = self.ctx.published
        fresh = on is not None and on <= ministers_snapshot() + dt.timedelta(days=120)
        for cluster in self.clusters:
            if (
                not cluster.named
                or len(_content(cluster.tokens)) < 2
                or cluster.country_source == "leaders table"
            ):
                continue
            if cluster.office is not None and cluster.office.category not in _MINISTER_CATEGORIES:
                continue  # "President X" is not the foreign minister X of the table
            every = index.lookup(cluster.name)
            if not every and len(cluster.tokens) >= 3:
                # "Faisal bin Farhan bin Abdullah" is the table's "Faisal bin Farhan" (a longer form
                # of the name: a patronymic added)
                every = [t for leader in index.match_within(cluster.name) for t in leader.terms]
            if on is not None:
                now = [t for t in every if t.active_on(on) and (t.end is not None or fresh)]
                if len({t.country for t in now}) == 1:
                    cluster.set_country(now[0].country, "leaders table")
                    if cluster.office is None:
                        cluster.set_office(default_taxonomy().lookup("foreign minister"), "leaders table")
                    continue
            nationality = {t.country for t in every}
            if len(nationality) == 1:
                cluster.set_country(nationality.pop(), "leaders table (nationality)")

    # ------------------------------------------------------------ title refs
    def _resolve_title_refs(self) -> None:
        for om in self.ctx.offices:
            if om.span.start in self.attached_offices or om.info.former:
                continue
            if self._is_modifier_use(om) and self._titled_once(om) is None:
                continue
            if om.info.category in _DEFINITE_ONLY and not self._definite(om):
                continue
            near = self.ctx.country_near(om.span.start)
            country = near.country if near is not None else om.info.country
            cluster = self.resolve_title(om, country)
            if cluster is None:
                cluster = self._untitled_subject(om)
            if cluster is not None:
                cluster.refs.append(om.span)
                for t in om.span:
                    self.by_token[t.i] = cluster
                if country and cluster.country is None:
                    cluster.set_country(country, "title reference")

    def _definite(self, om: OfficeMention) -> bool:
        """ "the diplomat", "the U.K. official", "the Turkish diplomat" (not "a senior official")."""
        doc = self.ctx.doc
        j = om.span.start - 1
        while j >= 0 and (j in self.ctx.place_at or doc[j].tag_ in {"JJ", "NNP"} or doc[j].text == "."):
            j -= 1
        return j >= 0 and doc[j].lower_ in {"the", "this"}

    def _untitled_subject(self, om: OfficeMention) -> PersonCluster | None:
        """ "Penny Wong is in Vietnam ... The foreign minister landed in Hanoi": a definite title that
        fits nobody names the untitled subject of one of the two sentences before, who holds it."""
        doc = self.ctx.doc
        if om.span.start == 0 or doc[om.span.start - 1].lower_ != "the":
            return None
        if om.info.category in {"official", "other", "legislator"} or om.info.former:
            return None
        idx = self.ctx.sentence_index(om.span.start)
        for k in range(idx - 1, max(-1, idx - 3), -1):
            subj = self._sentence_subject(self.ctx.sents[k])
            if subj is not None:
                if subj.named and subj.office is None:
                    subj.set_office(om.info, "title reference")
                    return subj
                return None
        return None

    def _is_modifier_use(self, om: OfficeMention) -> bool:
        """ "the Prime Minister's Office", "presidential" uses: not a reference to a person."""
        doc = self.ctx.doc
        end = om.span.end
        if end < len(doc) and doc[end].text in {"'s", "’s"} and end + 1 < len(doc):
            nxt = doc[end + 1]
            if nxt.lower_ in {"office", "cabinet", "residence", "palace", "administration", "government"}:
                return True
        if end < len(doc) and doc[end].lower_ in {
            "office",
            "post",
            "election",
            "elections",
            "candidate",
            "race",
        }:
            return True
        # plural or generic: "ministers from both countries", "foreign ministers"
        last = om.span[-1].lower_  # (not "boss", "Highness", "Her Royal Highness")
        return last.endswith("s") and not last.endswith("ss")

    def _titled_once(self, om: OfficeMention) -> PersonCluster | None:
        """ "the Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates held talks
        with ...": a long title repeated word for word is the one person it was given to before (not
        the last minister named; nor a plural, though it ends in "-s")."""
        text = om.span.text.lower()
        if len(om.span) < 4:
            return None
        found = {
            id(c): c
            for c in self.clusters
            if c.named
            and c.office is not None
            and c.office.title.lower() == text
            and any(s.start < om.span.start for s in c.mentions)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def resolve_title(self, om: OfficeMention, country: str | None) -> PersonCluster | None:
        """The most recent person whose office (and country, if given) fits a title-only mention."""
        pool: list[tuple[int, PersonCluster]] = []
        sent = sentence(om.span[0])
        address = _address_word(om.span) if om.info.category == "honorific" else None
        for c in self.clusters:
            if not c.named:
                continue
            if address is not None and address in c.addressed:
                pass  # "His Highness wrote": the person the text addresses so
            elif c.office is None or not office_compatible(om.info, c.office):
                continue
            if country and c.country and country != c.country:
                continue
            last = max((s.start for s in c.mentions + c.refs if s.start < om.span.start), default=None)
            if last is None:
                continue
            pool.append((last, c))
        if not pool:
            return None
        if address is not None:
            addressed = [p[1] for p in pool if address in p[1].addressed]
            if addressed:
                # "His Highness" after the lead is the person the lead addresses so (an agency's
                # style: the others are named in full), the first one so addressed
                return min(addressed, key=lambda c: c.first_token)
        titled = self._titled_once(om)
        if titled is not None:
            return titled
        if country:
            exact = [p for p in pool if p[1].country == country]
            pool = exact or [p for p in pool if p[1].country is None]
        # "X will meet the Equatorial Guinean President": not X, who is named in the same sentence
        # (unless X is the only one who fits: "X's first visit as Vietnam's Prime Minister").
        elsewhere = [
            p for p in pool if not any(sent.start <= s.start < sent.end for s in p[1].mentions + p[1].refs)
        ]
        if elsewhere:
            pool = elsewhere
        if country and len(pool) > 1 and not any(p[1].country == country for p in pool):
            return None
        # "the minister" is the minister, not the deputy travelling with him: a deputy is taken only
        # when nobody else fits or the title says deputy itself
        if not _is_deputy(om.info.office):
            principals = [p for p in pool if not _is_deputy(p[1].office.office if p[1].office else "")]
            pool = principals or pool
        # A definite title ("the President", "the top diplomat") refers to the story's protagonist
        # more often than to whoever was named last: the person most often the subject so far.
        return max(pool, key=lambda p: (self._salience(p[1], om.span.start), p[0]))[1]

    def _salience(self, c: PersonCluster, before: int) -> int:
        return sum(
            1 for s in c.mentions + c.refs if s.start < before and s.root.dep_ in {"nsubj", "nsubjpass"}
        )

    def group(self, tok: Token) -> list[PersonCluster]:
        """ "the two ministers", "the two defence ministers", "both leaders": the two people of that
        office named most recently before; "they" for the people who acted together just before."""
        if tok.lower_ in {"they", "them"} and tok.tag_ == "PRP":
            return self._plural_pronoun(tok)
        if not any(c.lower_ in lx.GROUP_WORDS for c in tok.children):
            return []
        om = self.ctx.office_at.get(tok.i)
        pool = [c for c in self.clusters if c.named and c.office is not None]
        if om is not None:
            pool = [c for c in pool if c.office is not None and office_compatible(om.info, c.office)]
        elif tok.lower_ in {"leaders", "pms", "presidents", "premiers"}:
            pool = [c for c in pool if c.office is not None and c.office.category in _HEAD_CATS]
        elif tok.lower_ not in lx.GROUP_PEOPLE_NOUNS:
            return []
        before = [c for c in pool if c.first_token < tok.i]
        countries = self._group_countries(tok)
        if countries:
            # "the two Egyptian ministers"; and a later "the two ministers" is that same pair
            # (a companion's country may be known only later: a person of no country yet fits)
            before = [c for c in before if c.country in countries or c.country is None]
        before.sort(key=lambda c: max(s.start for s in c.mentions + c.refs if s.start < tok.i), reverse=True)
        if tok.lower_ in {"sides", "parties", "counterparts"}:
            # "the two sides": one of each country, not two members of one delegation
            if len(before) >= 2 and before[0].country and before[0].country == before[1].country:
                return []
        return before[:2] if len(before) >= 2 else []

    def _group_countries(self, tok: Token) -> set[str]:
        """The countries a group noun's demonyms give ("the two Egyptian ministers"), else those of
        the last earlier group of the same noun that had them, within three sentences."""
        own = self._demonym_countries(tok)
        if own:
            return own
        first = self.ctx.sents[max(0, self.ctx.sentence_index(tok.i) - 3)].start
        for t in reversed(self.ctx.tokens[first : tok.i]):
            if t.lower_ == tok.lower_ and any(c.lower_ in lx.GROUP_WORDS for c in t.children):
                found = self._demonym_countries(t)
                if found:
                    return found
        return set()

    def _demonym_countries(self, noun: Token) -> set[str]:
        """Countries of the place words that modify ``noun`` ("Egyptian" in "the two Egyptian ministers")."""
        return {
            pm.country
            for c in noun.children
            if c.dep_ in {"amod", "compound", "nmod"}
            for pm in [self.ctx.place_at.get(c.i)]
            if pm is not None and pm.country
        }

    def _plural_pronoun(self, tok: Token) -> list[PersonCluster]:
        """ "X will hold talks with Y. They will later be joined by Z": "they" are the people who are
        the subject and the partners ("with", the object) of the clause just before, when that
        clause has at least two of them; anything else ("the delegations", "officials") is no one."""
        idx = self.ctx.sentence_index(tok.i)
        # "Z will join them": not Z, the subject of the pronoun's own verb
        own = [self.by_token.get(t.i) for t in tok.head.children if t.dep_ in {"nsubj", "nsubjpass"}]
        for k in (idx, idx - 1):
            if k < 0:
                break
            before = [t for t in self.ctx.sents[k] if t.i < tok.i]
            out = [c for c in self._acting_together(before) if not any(c is o for o in own)]
            if len(out) >= 2:
                return out
        return []

    def _acting_together(self, tokens: list[Token]) -> list[PersonCluster]:
        out: list[PersonCluster] = []
        last = -1
        for t in tokens:
            c = self.by_token.get(t.i)
            if c is None or not c.named or c in out:
                continue
            node = t
            while node.dep_ in {"compound", "flat", "appos", "conj", "nmod"} and node.head != node:
                node = node.head
            role = node.dep_
            if role in {"nsubj", "nsubjpass", "dobj"} or (
                role == "pobj" and node.head.lower_ in {"with", "and", "between"}
            ):
                out.append(c)
                last = t.i
        # a plural noun of people after them is what "they" stands for ("... the delegations")
        if any(
            t.tag_ == "NNS" and t.dep_ in {"nsubj", "nsubjpass", "dobj"} and t.i not in self.by_token
            for t in tokens
            if t.i > last
        ):
            return []
        return out

    # ----------------------------------------------------------- counterpart
    def _counterparts(self) -> None:
        """ "his Kazakh counterpart X": X holds the possessor's office, in the named country."""
        for tok in self.ctx.tokens:
            if tok.lower_ not in {"counterpart", "counterparts"}:
                continue
            target = self.cluster_after(tok.i + 1)
            near = self.ctx.country_near(tok.i, window=3)
            owner = self.counterpart_owner(tok)
            if target is None:
                continue
            if tok.i not in self.by_token:
                # "his Moroccan counterpart, Mr X": the noun is a mention of X
                self.by_token[tok.i] = target
                target.refs.append(self.ctx.doc[tok.i : tok.i + 1])
            if near is not None and near.country:
                target.set_country(near.country, "counterpart", force=target.country_source in {"", "office"})
            if owner is not None and owner is not target:
                target.counterpart_of = owner.key
                if owner.office is not None and (target.office is None or target.office.category == "leader"):
                    target.set_office(
                        OfficeInfo(owner.office.office, owner.office.category, None, "counterpart"),
                        "counterpart",
                    )
                    target.office = OfficeInfo(
                        owner.office.office, owner.office.category, None, "counterpart"
                    )
                    target.office_source = "counterpart"

    def cluster_after(self, i: int) -> PersonCluster | None:
        doc = self.ctx.doc
        j = i
        while j < len(doc) and j - i < 4 and (is_address(doc, j) or doc[j].text in {","}):
            j += 1
        return self.by_token.get(j)

    def counterpart_owner(self, tok: Token) -> PersonCluster | None:
        doc = self.ctx.doc
        for j in range(tok.i - 1, max(-1, tok.i - 4), -1):
            if doc[j].lower_ in {"his", "her", "their"}:
                return self.resolve_pronoun(doc[j])
        # "X and his counterpart", "X's counterpart"
        for j in range(tok.i - 1, max(-1, tok.i - 4), -1):
            c = self.by_token.get(j)
            if c is not None:
                return c
        return None

    # ------------------------------------------------------------- pronouns
    def resolve_pronoun(self, tok: Token) -> PersonCluster | None:
        """He/she/his/her: the subject of the clause it stands in, of an earlier sentence, else the
        last person named. Subjects inside quotations are not the story's subjects."""
        node = tok
        for _ in range(6):
            if node.head == node:
                break
            previous, node = node, node.head
            for c in node.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i and c.i not in self.ctx.quote_tokens:
                    found = self.cluster_for_token(c, follow_pronouns=False)
                    if self.agrees(found, tok):
                        return found
                if (
                    c.dep_ == "nsubj"
                    and c.i > tok.i
                    and previous.dep_ in {"prep", "advcl", "npadvmod"}
                    and previous.i < c.i
                    and tok.lower_ in {"his", "her"}
                ):
                    # "During his 2024 trip to Canada, President Macron held talks": the fronted
                    # phrase's possessive is the subject that follows
                    found = self.cluster_for_token(c, follow_pronouns=False)
                    if found is not None and self.agrees(found, tok):
                        return found
        sent = sentence(tok)
        subj = self._sentence_subject(sent, before=tok.i, pronoun=tok)
        if subj is not None:
            return subj
        sents = self.ctx.sents
        idx = self.ctx.sentence_index(tok.i)
        for k in range(idx - 1, max(-1, idx - 4), -1):
            subj = self._sentence_subject(sents[k], pronoun=tok)
            if subj is not None:
                return subj
        last: tuple[int, PersonCluster] | None = None
        for i, cluster in self.by_token.items():
            if i < tok.i and (last is None or i > last[0]) and self.agrees(cluster, tok):
                last = (i, cluster)
        return last[1] if last else None

    def _sentence_subject(
        self, sent: Span, before: int | None = None, pronoun: Token | None = None
    ) -> PersonCluster | None:
        """The person subject of a sentence: its root's subject first, then any other subject (of
        the pronoun's gender, when one is given)."""
        root = sent.root
        ordered = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        ordered += [t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t not in ordered]
        for t in ordered:
            if (before is not None and t.i >= before) or t.i in self.ctx.quote_tokens:
                continue
            c = self.cluster_for_token(t, follow_pronouns=False)
            if c is None and pronoun is not None and before is None and _same_pronoun(t, pronoun):
                # "Kishida told reporters ... He said he will ... He also disclosed ...": a chain of
                # subject pronouns stands for one person, however many sentences the chain runs
                if t.i not in self._subject_pronouns:
                    self._subject_pronouns[t.i] = None  # (a chain never loops back; in case)
                    self._subject_pronouns[t.i] = self.resolve_pronoun(t)
                c = self._subject_pronouns[t.i]
            if c is not None and (pronoun is None or self.agrees(c, pronoun)):
                return c
        return None

    def cluster_for_token(self, tok: Token, *, follow_pronouns: bool = True) -> PersonCluster | None:
        """The person a token stands for: a name, a title reference or a pronoun."""
        c = self.by_token.get(tok.i)
        if c is not None:
            return c
        # compound heads: "Foreign Minister Gabrielius Landsbergis" with head "Landsbergis" (not a
        # pronoun's "apposition": "He was accompanied by the Minister, X" parsed with X on "He")
        for child in tok.children if tok.lower_ not in lx.PRONOUNS_SUBJ else ():
            if child.dep_ in {"compound", "appos"}:
                c = self.by_token.get(child.i)
                if c is not None:
                    return c
        if follow_pronouns and tok.lower_ in lx.PRONOUNS_MALE | lx.PRONOUNS_FEMALE:
            if tok.lower_ in {"him", "her"} and tok.dep_ in {"dobj", "pobj", "dative", "iobj"}:
                return self._object_pronoun(tok)
            return self.resolve_pronoun(tok)
        return None

    def _object_pronoun(self, tok: Token) -> PersonCluster | None:
        """ "X congratulated him": him is not X; the last other person named."""
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        # everyone in the subject phrase ("X and Y will accompany him"), however it was parsed
        subject = {
            c.key
            for s in verb.children
            if s.dep_ in {"nsubj", "nsubjpass"}
            for t in s.subtree
            if (c := self.by_token.get(t.i)) is not None
        }
        if verb.dep_ == "relcl" and verb.head.head != verb.head:
            # "X conveyed greetings to Y, who received him": him is the subject of the clause that
            # holds Y (not of a reporting verb around it: "..., the spokesman said")
            main = governing_verb(verb.head)
            for s in main.children:
                c = self.cluster_for_token(s, follow_pronouns=False) if s.dep_ == "nsubj" else None
                if c is not None and c.key not in subject:
                    return c
        best: tuple[int, PersonCluster] | None = None
        for i, c in self.by_token.items():
            if i < tok.i and c.key not in subject and (best is None or i > best[0]):
                best = (i, c)
        return best[1] if best else None

    def unnamed(self, office: OfficeInfo, country: str | None, span: Span) -> PersonCluster:
        """A role without a name ("a French minister"): a person record marked ``named=False``."""
        demonym = self.ctx.gazetteer.demonym_of(country) if country else None
        label = f"{demonym} {office.office}" if demonym else office.office
        for c in self.clusters:
            if not c.named and c.label == label:
                c.refs.append(span)
                return c
        c = self._new_cluster(tuple(label.split()))
        c.named = False
        c.label = label
        c.office = office
        c.country = country
        c.refs.append(span)
        return c

    # ---------------------------------------------------------------- output
    def to_person(self, cluster: PersonCluster) -> m.Person:
        mentions = sorted(cluster.mentions + cluster.refs, key=lambda s: s.start)
        name = cluster.name
        if cluster.office is not None:
            # "the EU's top diplomat" is the EU's High Representative
            cluster.office = default_taxonomy().national_name(cluster.office, cluster.country)
        pid = ("person:" if cluster.named else "role:") + slug(name)
        return m.Person(
            id=pid,
            name=name,
            office=cluster.office.office if cluster.office else None,
            country=cluster.country,
            mentions=[self.ctx.span_of(s) for s in mentions],
            title=cluster.office.title if cluster.office and cluster.office.title != "counterpart" else None,
            office_category=cluster.office.category if cluster.office else None,
            named=cluster.named,
            country_source=cluster.country_source or None if cluster.country else None,
        )


_DIPLOMAT_CATEGORIES = frozenset(
    {"foreign_minister", "ambassador", "envoy", "spokesperson", "deputy_minister"}
)
# References that stand for a named person only when definite ("the diplomat", "the U.K. official"):
# "an official said" is an unnamed source, not the minister named before.
_DEFINITE_ONLY = frozenset({"diplomat_ref", "official_ref"})
# Offices that "His Majesty" or "Her Highness" may stand for.
_MONARCH_OFFICES = frozenset({"King", "Queen", "Emir", "Sultan", "Emperor", "Grand Duke", "Crown Prince"})


def _address_word(span: Span) -> str:
    """The noun of a form of address: "highness" of "His Royal Highness", "majesty", "excellency"."""
    return span[-1].lower_


def _same_pronoun(tok: Token, pronoun: Token) -> bool:
    """Whether a subject pronoun is of the same person's gender as ``pronoun`` ("he" for "his")."""
    if tok.lower_ not in lx.PRONOUNS_SUBJ:
        return False
    wanted = lx.PRONOUNS_FEMALE if pronoun.lower_ in lx.PRONOUNS_FEMALE else lx.PRONOUNS_MALE
    return tok.lower_ in wanted


def _plural(om: OfficeMention) -> bool:
    """ "the foreign ministers", not "the High Commissioner for Human Rights"."""
    root = om.span.root
    return root.tag_ in {"NNS", "NNPS"} and root.lower_.endswith("s") and not root.lower_.endswith("ss")


def _plural_title_word(root: Token) -> bool:
    """ "Ministers", "Presidents" tagged as proper nouns (NNP) before names: a plural by its ending."""
    low = root.lower_
    return len(low) > 4 and low.endswith("s") and not low.endswith(("ss", "us", "is", "affairs"))


def _given_and_surname(index: LeaderIndex, tokens: tuple[str, ...]) -> list[Leader]:
    """Leaders whose table name starts and ends with the text's first and last names."""
    from visitextract.normalize.leaders import fold_name

    first, last = fold_name(tokens[0]), fold_name(tokens[-1])
    out = []
    for leader in index.match(tokens[-1]):
        words = fold_name(leader.name).split()
        if len(words) > len(tokens) and words[0] == first and words[-1] == last:
            out.append(leader)
    return out


_DEPUTY_WORDS = ("deputy ", "vice ", "vice-", "assistant ", "under ", "under-", "junior ")


def _is_deputy(office: str) -> bool:
    """ "Deputy Foreign Minister", "Vice President", "Under-Secretary": second to the office named."""
    return office.lower().startswith(_DEPUTY_WORDS)


def office_compatible(ref: OfficeInfo, person: OfficeInfo) -> bool:
    if ref.category == "honorific":
        return person.office in _MONARCH_OFFICES or person.category == "royalty"
    if ref.category == "diplomat_ref":
        # "the diplomat said": a foreign minister, an envoy, an ambassador, a ministry's spokesperson
        return person.category in _DIPLOMAT_CATEGORIES or (
            person.is_minister and "foreign" in person.office.lower()
        )
    if ref.category == "official_ref":
        return person.category not in {"other", "honorific"}
    if ref.category == "official" and ref.office == "Secretary":
        # "the Secretary": a Secretary of State, a Foreign Secretary, a Secretary-General
        return "secretary" in person.title.lower() or "secretary" in person.office.lower()
    if ref.category == person.category:
        if ref.category in {"official", "legislator"}:
            return ref.office.lower() in person.office.lower() or person.office.lower() in ref.office.lower()
        return True
    if ref.category == "leader":
        return person.category in _HEAD_CATS
    if ref.category == "minister":
        return person.is_minister
    if ref.category == "head_of_state" and ref.office == "Head of State":
        return person.category in _HEAD_CATS
    return False
