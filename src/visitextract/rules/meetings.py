"""Meetings: two or more people who met, talked or will meet.

* ``meeting.met``      "X met (with) Y", "X will meet Y", "X is scheduled to meet Y"
* ``meeting.held``     "X held talks / phone talks / a summit with Y", "talks between X and Y"
* ``meeting.talked``   "X spoke with Y by phone", "X conferred with Y"
* ``meeting.hosted``   "X hosted / received / welcomed Y", "a state banquet for Y"
* ``meeting.joint``    "X and Y agreed / discussed ..." (two people acting together), "X and Y held a
                       joint press conference", "X told a joint news conference with Y"
* ``meeting.call_on``  "X will call on Y"
* ``meeting.phone``    "X phoned / telephoned / rang / called Y", "X congratulated Y by phone", "X
                       told Y in a phone call that ...", "during a telephone conversation, X assured Y"

Mode comes from the words of the clause (phone, telephone, video, virtual, online). A meeting that is
only speculated about ("whether the two leaders will meet") is not a record.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from visitextract.rules import lexicon as lx
from visitextract.rules.candidates import MeetingCandidate
from visitextract.rules.context import DocContext, OfficeMention, PlaceMention
from visitextract.rules.people import PeopleResolver, PersonCluster, office_compatible
from visitextract.rules.syntax import (
    governing_verb,
    is_anticipated,
    is_called_off,
    is_negated,
    is_speculative,
    is_verb,
    leaders_of,
    objects,
    phrase_tokens,
    prep_objects,
    sentence,
    subjects,
    urges,
)

_PAST_WORDS = frozenset({"recent", "previous", "earlier", "last", "former", "past"})
_SEEK_VERBS = frozenset(
    "seek seeks seeking sought request requests requested requesting want wants wanted".split()
)
_RECEIVE_CALL = frozenset({"received", "receives", "receive", "receiving", "took", "takes"})
_HOSTED_NOUNS = frozenset({"banquet", "dinner", "lunch", "luncheon", "breakfast", "reception"})


_JOIN_VERBS = frozenset("join joins joined joining".split())
_WISH_VERBS = frozenset("hope hopes hoped hoping wish wishes wished wishing".split())


# Nouns that name a person by their relation to the possessor ("Merz's predecessor")
_RELATIONAL_NOUNS = frozenset(
    """predecessor successor wife husband spouse son daughter brother sister envoy emissary aide
    aides adviser advisor advisers spokesman spokeswoman spokesperson deputy deputies representative
    representatives delegation team staff chief""".split()
)


_APPEAL_VERBS = frozenset(
    """call calls called calling urge urges urged urging push pushes pushed pushing press pressed
    pressing appeal appealed appeals demand demands demanded demanding""".split()
)
_DELIVER_VERBS = frozenset(
    """delivered delivers deliver delivering provided provides provide gave gives give made makes
    offered""".split()
)
_CALL_NOUNS = frozenset("call calls conversation conversations conference".split())
_TAKE_FORMS = frozenset("took take takes taking taken".split())
_ATTEND_FORMS = frozenset("attended attend attends attending joined join joins".split())


def _attended_noun(tok: Token) -> tuple[Token | None, Token | None]:
    """The definite meeting noun an attendance verb takes ("attended the talks", "were present at
    the talks", "took part in the meeting", "participated in these talks", "sat in on the meeting")
    and that verb."""
    if tok.lower_ not in lx.MEETING_NOUNS or not any(
        c.lower_ in {"the", "these", "those"} for c in tok.children
    ):
        return None, None
    if any(c.dep_ in {"compound", "amod", "nmod"} and c.pos_ == "PROPN" for c in tok.children):
        return None, None  # "attend the APEC summit": an event named anew, not the talks told before
    head = tok.head
    if (
        tok.dep_ == "dobj"
        and head.lower_ in _ATTEND_FORMS
        and not any(c.dep_ == "agent" for c in head.children)
    ):
        return tok, head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "on"
        and head.head.lower_ in {"sat", "sit", "sits", "sitting"}
        and any(c.lower_ == "in" and c.dep_ in {"prt", "advmod", "prep"} for c in head.head.children)
    ):
        return tok, head.head  # "Y, who also sat in on the meeting"
    if tok.dep_ == "pobj" and head.lower_ in {"at", "in"}:
        verb = head.head
        if head.lower_ == "at" and verb.lower_ == "present" and verb.dep_ == "acomp":
            return tok, verb.head
        if head.lower_ == "at" and any(c.lower_ == "present" and c.dep_ == "acomp" for c in verb.children):
            return tok, verb  # "were present at the talks" with "at" on the copula
        if head.lower_ == "in":
            if verb.lower_ == "part" and verb.head.lower_ in _TAKE_FORMS:
                return tok, verb.head
            if verb.lower_ in _TAKE_FORMS and any(
                c.lower_ == "part" and c.dep_ == "dobj" for c in verb.children
            ):
                return tok, verb  # "took part in the talks" with "in" on the verb
            if verb.lower_ in {"participated", "participate", "participates"}:
                return tok, verb
    return None, None


def _topic_places(prep: Token) -> bool:
    """ "discussed ... developments, mainly in Gaza, Sudan and Libya": places the talks were about,
    not where they were held (a hedge before the preposition, or a list of places)."""
    if any(
        c.lower_ in {"mainly", "notably", "especially", "particularly", "including"} for c in prep.children
    ):
        return True
    return any(any(g.dep_ == "conj" for g in obj.children) for obj in prep.children if obj.dep_ == "pobj")


def _remote_conference(tok: Token) -> bool:
    """ "a video conference", "a phone conference": talks, not a venue like "a conference"."""
    return tok.lower_ in {"conference", "conferences", "link"} and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in lx.VIDEO_WORDS | lx.PHONE_WORDS for c in tok.children
    )


_SCHEDULE_NOUNS = frozenset("agenda programme program schedule itinerary".split())


def _protocol(tok: Token, verb: Token) -> bool:
    """ "Upon his arrival, he was received by X", "welcomed at the airport by Y", "a guard of honour":
    a reception on arrival is protocol (the devset's rule), not a meeting."""
    if verb.lower_ not in lx.HOST_VERBS and tok.lower_ not in lx.HOST_VERBS:
        return False
    for t in verb.subtree:
        if t.lower_ in {"arrival", "airport", "tarmac", "honour", "honor"} and t.head.lower_ not in {"after"}:
            return True
    return False


def _progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(
        c.lower_ in {"is", "are", "'s"} for c in verb.children if c.dep_ == "aux"
    )


class MeetingRules:
    def __init__(self, ctx: DocContext, people: PeopleResolver) -> None:
        self.ctx = ctx
        self.people = people
        self.candidates: list[MeetingCandidate] = []
        self._used_nouns: set[int] = set()

    def run(self) -> list[MeetingCandidate]:
        for tok in self.ctx.tokens:
            low = tok.lower_
            if low in lx.MEET_VERBS and is_verb(tok) and tok.tag_ != "NN":
                self._verb(tok, "meeting.met", with_objects=True)
            elif low in lx.HOLD_VERBS and is_verb(tok):
                self._hold(tok)
            elif low in lx.TALK_VERBS and is_verb(tok):
                self._talk(tok)
            elif low in lx.HOST_VERBS and is_verb(tok):
                self._verb(tok, "meeting.hosted", with_objects=True, require_object=True)
            elif low in {"call", "calls", "called", "calling"} and is_verb(tok):
                self._call(tok)
            elif low in lx.PHONE_VERBS and is_verb(tok):
                self._phoned(tok)
            elif (
                is_verb(tok)
                and tok.i + 1 < len(self.ctx.doc)
                and (low, self.ctx.doc[tok.i + 1].lower_) in lx.MEET_PHRASAL
            ):
                self._verb(tok, "meeting.met", with_objects=False, require_object=True)
            elif low in lx.JOINT_VERBS and is_verb(tok):
                self._joint(tok)
            elif low in {"phone", "telephone"} and tok.head.lower_ in {"by", "over"}:
                self._by_phone(tok)
            elif low in _CALL_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "during", "over"}:
                self._in_call(tok)
        attended = [(noun, verb) for tok in self.ctx.tokens for noun, verb in [_attended_noun(tok)] if noun]
        # "A and B attended the talks": the talks told before, not a meeting of A and B
        self._used_nouns.update(noun.i for noun, _ in attended if noun is not None)
        for tok in self.ctx.tokens:
            if (
                tok.lower_ in lx.MEETING_NOUNS
                and tok.pos_ in {"NOUN", "PROPN"}
                and tok.i not in self._used_nouns
            ):
                self._noun(tok)
            elif tok.lower_ in {"conference", "briefing", "appearance"} and any(
                c.lower_ == "joint" for c in tok.children
            ):
                self._joint_appearance(tok)
            elif (
                tok.lower_ in {"remarks", "statements", "addresses"}
                and tok.dep_ == "dobj"
                and tok.head.lower_ in _DELIVER_VERBS
                and any(True for n in (tok, tok.head) for _ in prep_objects(n, {"with"}))
            ):
                # "provided opening remarks with President Y", "delivered joint remarks with Y": the
                # two spoke side by side
                self._joint_appearance(tok)
        self._attended_by()
        self._joint_acts_in_calls()
        for noun, verb in attended:
            if noun is not None and verb is not None:
                self._joined_earlier(noun, verb)
        return self.candidates

    def _joined_earlier(self, noun: Token, verb: Token) -> None:
        """ "Foreign Ministers A and B attended the talks", "were present at the talks", "also took
        part in the talks": the attendees join the meeting told last before (within two sentences)."""
        attendees = self._persons(subjects(verb))
        if not attendees or is_negated(verb):
            return
        idx = self.ctx.sentence_index(noun.i)
        earlier = [
            c
            for c in self.candidates
            if c.trigger_i < noun.i
            and idx - self.ctx.sentence_index(c.trigger_i) <= 2
            and c.status != "cancelled"
        ]
        if not earlier:
            return
        cand = max(earlier, key=lambda c: c.trigger_i)
        if (self.ctx.tense(verb) == "future") != (cand.status == "planned"):
            return  # "are scheduled to attend the summit" joins no talks already held
        for a in attendees:
            if a not in cand.participants:
                cand.participants.append(a)
                cand.attendees.append(a)
        cand.explanation.append(f"attendees from '{sentence(verb).text.strip()[:60]}'")

    # ------------------------------------------------------------- helpers
    def _persons(self, tokens: list[Token]) -> list[PersonCluster]:
        out: list[PersonCluster] = []
        for t in tokens:
            if t.lower_ in lx.DELEGATION_NOUNS:
                # "a Chinese delegation led by Vice Foreign Minister X": the delegation's head
                out.extend(c for c in self._persons(leaders_of(t)) if c not in out)
            phrase = phrase_tokens(t)
            owners = self._owners(t, phrase)
            for tt in phrase:
                if tt.i != t.i and tt.lower_ in lx.PRONOUNS_MALE | lx.PRONOUNS_FEMALE:
                    continue  # "his counterpart": the owner is not a participant by that word
                if tt.i in owners:
                    continue  # "Putin's spokesman Dmitry Peskov": Peskov, not Putin
                c = self.people.cluster_for_token(tt)
                if c is None:
                    group = self._group(tt)
                    if group:
                        out.extend(x for x in group if x not in out)
                        continue
                    c = self._counterpart_ref(tt)
                if c is not None and c not in out and not c.family:
                    out.append(c)
        return out

    def _owners(self, t: Token, phrase: list[Token]) -> set[int]:
        """Tokens of a possessor in the phrase that is not itself a participant: its noun names
        someone else ("Merz's predecessor, Olaf Scholz", "Putin's spokesman", "Macron's adviser")."""
        inside = {tt.i for tt in phrase}
        owners: set[int] = set()
        for tt in phrase:
            if tt.dep_ != "poss" or tt.i == t.i:
                continue
            owners.update(x.i for x in tt.subtree if x.i in inside)
        if not owners:
            return owners
        others = any(
            self.people.cluster_for_token(tt, follow_pronouns=False) is not None
            for tt in phrase
            if tt.i not in owners and tt.pos_ == "PROPN"
        )
        heads = {
            phrase_tok.head.i for phrase_tok in phrase if phrase_tok.i in owners and phrase_tok.dep_ == "poss"
        }
        relational = any(
            i in self.ctx.office_at or self.ctx.doc[i].lower_ in _RELATIONAL_NOUNS for i in heads
        )
        return owners if others or relational else set()

    def _group(self, tok: Token) -> list[PersonCluster]:
        """ "the two sides", "the two ministers": right after a meeting of two, its participants
        ("Bourita held talks with Almarar. During these talks, the two parties exchanged views");
        otherwise the two officials the story named last (the people model's reading)."""
        group = self.people.group(tok)
        if not group:
            return group
        idx = self.ctx.sentence_index(tok.i)
        om = self.ctx.office_at.get(tok.i)
        for mc in reversed(self.candidates):
            if mc.trigger_i >= tok.i:
                continue
            if idx - self.ctx.sentence_index(mc.trigger_i) > 2:
                break
            if len(mc.participants) == 2 and not any(_other_ministry(om, p) for p in mc.participants):
                return list(mc.participants)
        return group

    def _counterpart_ref(self, tok: Token) -> PersonCluster | None:
        """ "his Saudi Arabian counterpart" with no name: the named person of that country, if any."""
        if tok.lower_ not in {"counterpart"}:
            return None
        near = self.ctx.country_near(tok.i, window=3)
        if near is None or not near.country:
            return None
        owner = self.people.counterpart_owner(tok)
        office = owner.office.office if owner is not None and owner.office is not None else None
        if office is not None:
            # a counterpart holds the owner's office: "Abdelatty ... with his Kenyan counterpart" is
            # Kenya's foreign minister (whose country the story may only give later), not its president
            same = [
                c
                for c in self.people.clusters
                if c.named
                and c is not owner
                and c.country in {near.country, None}
                and c.office is not None
                and c.office.office == office
            ]
            if len(same) == 1:
                return same[0]
        pool = [c for c in self.people.clusters if c.named and c.country == near.country]
        if len(pool) == 1 and (office is None or pool[0].office is None or pool[0].office.office == office):
            return pool[0]
        return None

    def _status(self, tok: Token) -> str | None:
        verb = governing_verb(tok)
        context = list(tok.children) + list(verb.children) + [verb, verb.head]
        words = {t.lower_ for t in context}
        if is_speculative(tok) or words & {"possible", "possibly", "perhaps", "likely", "unlikely"}:
            return None
        if _protocol(tok, verb):
            return None  # "upon his arrival, he was received by X": a welcome, not a meeting
        if verb.lower_ in _SEEK_VERBS and tok != verb:
            return None  # "is seeking a meeting with X": not held, not yet planned
        if (
            tok != verb
            and verb.lower_ in _APPEAL_VERBS
            and (
                tok.dep_ == "dobj"
                or (tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head == verb)
            )
        ):
            return None  # "called for talks with X", "urged talks with X": an appeal, not a meeting
        if is_negated(verb) and not words & lx.REFUSE_WORDS:
            return None  # "did not meet"
        if words & lx.CANCEL_WORDS or words & lx.REFUSE_WORDS or is_called_off(context):
            return "cancelled"
        if verb.head.lower_ in lx.REFUSE_WORDS or verb.head.lower_ in lx.CANCEL_WORDS:
            return "cancelled"
        if _schedule_subject(verb) is not None:
            return "planned"  # "the agenda for Wednesday includes a meeting with X"
        tense = self.ctx.tense(verb)
        head = verb.head
        if (
            verb.dep_ == "xcomp"
            and head.lower_ in _WISH_VERBS
            and not self.ctx.dates_for(tok)
            and not self.ctx.dates_for(head)
        ):
            return None  # "said they hoped to meet soon": a wish with no day is no plan
        if verb.dep_ == "xcomp" and head.lower_ in {
            "agreed",
            "agree",
            "agrees",
            "decided",
            "plans",
            "planned",
            "hopes",
        }:
            return "planned"
        if tense == "future" or (tok != verb and is_anticipated(tok)):
            return "planned"  # "will meet X"; "flew to Washington ahead of the meeting with X"
        for c in tok.children:
            if c.lower_ in lx.PLANNED_ADJ:
                return "planned"
        return "held"

    def _mode(self, tok: Token) -> str:
        verb = governing_verb(tok)
        scope = list(tok.subtree) if tok != verb else list(verb.subtree)
        for c in verb.children:
            # "will hold talks with X via videoconference", "spoke by telephone"
            scope.extend(c.subtree if c.dep_ in {"prep", "npadvmod", "advmod"} else [c])
        scope.append(verb)
        if verb.dep_ == "relcl" and verb.head.lower_ in {"call", "calls"}:
            # "received a phone call from X, during which they discussed ..."
            scope.extend(verb.head.children)
            scope.append(verb.head)
        words = {t.lower_ for t in scope}
        for t in scope:
            # "called on the President" is a courtesy call in person
            if (
                t.lower_ in {"call", "calls", "called", "calling"}
                and t.i + 1 < len(t.doc)
                and t.nbor(1).lower_ == "on"
            ):
                words.discard(t.lower_)
        if words & lx.VIDEO_WORDS:
            return "video"
        if words & lx.PHONE_WORDS:
            return "phone"
        return "in_person"

    def _place(self, tok: Token) -> tuple[PlaceMention | None, str | None]:
        """A city or site named in the clause; a country gives only the country ("in Pakistan")."""
        verb = governing_verb(tok)
        anchors = [tok] if tok == verb else [tok, verb]
        scope: list[Token] = []
        for a in anchors:
            for c in a.children:
                if c.dep_ == "prep" and c.lower_ in {"in", "at", "near"} and not _topic_places(c):
                    scope.extend(c.subtree)
                elif c.dep_ == "prep" and c.lower_ in {"on", "at"}:
                    # "on the sidelines of the G20 summit in Rio de Janeiro"
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lower_ in lx.SIDELINE_NOUNS:
                            scope.extend(g.subtree)
                elif (
                    c.dep_ == "prep"
                    and c.lower_ in {"during", "over"}
                    and a == verb
                    and any(g.dep_ == "pobj" and g.lower_ in lx.MEETING_NOUNS for g in c.children)
                ):
                    # "discussed ... during a working dinner in Paris": the setting's place
                    scope.extend(c.subtree)
                elif c.dep_ in {"pobj", "dobj", "prep", "appos"} and a == tok and tok != verb:
                    scope.extend(t for t in phrase_tokens(c))
                elif c.dep_ in {"dobj"} or (c.dep_ == "prep" and c.lower_ == "with"):
                    # "met X in Pakistan": the place hangs from the person (not "discussed the
                    # situation in Afghanistan")
                    for t in phrase_tokens(c):
                        if t.dep_ == "prep" and t.lower_ in {"in", "at"} and t.head.i in self.people.by_token:
                            scope.extend(t.subtree)
        city: PlaceMention | None = None
        country: str | None = None
        for t in scope:
            if t.dep_ != "pobj" and t.i not in self.ctx.place_at:
                continue
            pm = self.ctx.place_at.get(t.i)
            if pm is None or pm.is_demonym:
                continue
            if (
                pm.span.start > 0
                and self.ctx.doc[pm.span.start - 1].lower_ not in {"in", "at", "near", "the", ","}
                and pm.entity.kind != "site"
            ):
                continue
            if pm.entity.kind in {"city", "site"} and city is None:
                city = pm
            if pm.country and country is None and pm.entity.kind in {"city", "site", "country"}:
                country = pm.country
        if city is not None and city.country:
            country = city.country  # "the India-Argentina Commission ... in Buenos Aires"
        if city is None and country is None:
            # "arrived in Cairo for the Arab League meeting. On the sidelines of the meeting, he
            # met X": the event told before, where it was
            event = next(
                (
                    e
                    for a in anchors
                    for c in a.children
                    if c.dep_ == "prep" and c.lower_ in {"on", "at"}
                    for g in c.children
                    if g.dep_ == "pobj" and g.lower_ in lx.SIDELINE_NOUNS
                    for of in g.children
                    if of.dep_ == "prep" and of.lower_ == "of"
                    for e in of.children
                    if e.dep_ == "pobj"
                ),
                None,
            )
            if event is not None:
                earlier = [t for t in self.ctx.tokens if t.i < event.i and t.lower_ == event.lower_]
                if earlier and earlier[-1].pos_ in {"NOUN", "PROPN"}:
                    return self._place(earlier[-1])
        return city, country

    def _emit(self, tok: Token, participants: list[PersonCluster], rule: str, confidence: float) -> None:
        unique: list[PersonCluster] = []
        for p in participants:
            if p not in unique:
                unique.append(p)
        if len(unique) < 2:
            return
        status = self._status(tok)
        if status is None:
            return
        verb = governing_verb(tok)
        tense = self.ctx.tense(verb)
        date = None
        date_mention = None
        agenda = _schedule_subject(verb)
        mentions = self.ctx.dates_for(tok)
        if not mentions and agenda is not None:
            # "the agenda for this Wednesday includes a meeting with X": the agenda's day
            mentions = [dm for dm in self.ctx.dates if dm.span.root in agenda.subtree]
        for dm in mentions:
            date = self.ctx.resolve_date(dm, "future" if agenda is not None else tense)
            date_mention = dm
            break
        if date is not None and status == "held" and self.ctx.published and date.start:
            if dt.date.fromisoformat(date.start) > self.ctx.published:
                status = "planned"
            elif date.start == self.ctx.published.isoformat() and _progressive(verb):
                status = "planned"  # "is holding a banquet for X on Sunday evening", written that day
        if date is not None and status == "planned" and self.ctx.published and date.end:
            if dt.date.fromisoformat(date.end) < self.ctx.published:
                status = "held"
        place, country = self._place(tok)
        mode = self._mode(tok)
        conf = confidence - (0.1 * sum(1 for p in unique if not p.named))
        self.candidates.append(
            MeetingCandidate(
                participants=unique,
                status=status,
                mode=mode,
                rule=rule,
                confidence=round(max(0.05, conf), 2),
                evidence=[sentence(tok)],
                date=date,
                place=place if mode == "in_person" else None,
                country=country if mode == "in_person" else None,
                explanation=[f"trigger '{tok.text}' ({rule}), tense {tense}, mode {mode}"],
                trigger_i=tok.i,
                date_mention=date_mention,
                tense=tense,
                past=any(t.lower_ in _PAST_WORDS for t in phrase_tokens(tok)),
            )
        )

    # ---------------------------------------------------------------- rules
    def _with_groups(self, tok: Token, preps: set[str]) -> list[list[PersonCluster]]:
        """Participants per prepositional phrase: "meet with X one-to-one, and with Y at lunch"
        is two meetings."""
        groups: list[list[PersonCluster]] = []
        for c in tok.children:
            if c.dep_ in {"prep", "conj"} and c.lower_ in preps:
                found = self._persons([g for g in c.children if g.dep_ in {"pobj", "pcomp"}])
                if found:
                    groups.append(found)
                # "with X, and with Y": the second PP hangs from the first
                for cc in c.children:
                    if cc.dep_ == "conj" and cc.lower_ in preps:
                        more = self._persons([g for g in cc.children if g.dep_ in {"pobj", "pcomp"}])
                        if more:
                            groups.append(more)
        return groups

    def _verb(self, tok: Token, rule: str, *, with_objects: bool, require_object: bool = False) -> None:
        subj = self._persons(subjects(tok))
        between = self._persons(list(prep_objects(tok, {"between"})))
        groups = self._with_groups(tok, {"with"})
        objs = self._persons(objects(tok)) if with_objects else []
        if any(c.dep_ == "auxpass" for c in tok.children) and not tok.lower_.startswith("host"):
            # "he was received by President X", "was met at the airport by X" (but "X is being
            # hosted by Y" names the host of a whole visit, not an encounter)
            objs += [p for p in self._persons(list(prep_objects(tok, {"by"}))) if p not in objs]
        if objs:
            groups = [objs, *groups]
        if require_object and not groups:
            return
        if between:
            self._emit(tok, subj + between, rule, 0.85)
            return
        if not groups:
            # "X and Y met on Monday", not "X and Y will meet investors" (someone else)
            if len(subj) >= 2 and not (with_objects and objects(tok)):
                self._emit(tok, subj, rule, 0.8)
            return
        if not subj:
            return  # "talks with A and B": one side only
        for g in groups:
            for part in self._bilaterals(tok, g):
                self._emit(tok, subj + part, rule, 0.85)

    def _bilaterals(self, tok: Token, group: list[PersonCluster]) -> list[list[PersonCluster]]:
        """ "talks with Biden and Zelenskyy" are two bilateral meetings unless the text says they
        sat together ("trilateral", "joint", "together")."""
        if len(group) < 2:
            return [group]
        words = {t.lower_ for t in sentence(tok)}
        if words & {"trilateral", "joint", "together", "three-way", "quadrilateral", "multilateral"}:
            return [group]
        return [[p] for p in group]

    def _hold(self, tok: Token) -> None:
        for obj in objects(tok):
            if obj.lower_ not in lx.MEETING_NOUNS and not _remote_conference(obj):
                continue
            self._used_nouns.add(obj.i)
            subj = self._persons(subjects(tok))
            preps = {"with", "between"} | ({"for"} if obj.lower_ in _HOSTED_NOUNS else set())
            others = self._persons(list(prep_objects(obj, preps)) + list(prep_objects(tok, {"with"})))
            if not subj and not any(c.lower_ == "between" for c in obj.children):
                continue
            rule = "meeting.hosted" if obj.lower_ in _HOSTED_NOUNS else "meeting.held"
            for part in self._bilaterals(obj, others) if subj else [others]:
                self._emit(obj, subj + part, rule, 0.85)

    def _talk(self, tok: Token) -> None:
        subj = self._persons(subjects(tok))
        others = self._persons(list(prep_objects(tok, {"with", "to"})))
        if not others:
            # "X and Y discussed ...", "the two men spoke by phone": two people talking together
            # (not "X and Y spoke at the conference", each to an audience)
            if len(subj) >= 2 and (
                tok.lower_.startswith(("discuss", "talk", "confer")) or self._mode(tok) != "in_person"
            ):
                self._emit(tok, subj, "meeting.joint", 0.7)
            return
        if not subj:
            return
        self._emit(tok, subj + others, "meeting.talked", 0.8)

    def _call(self, tok: Token) -> None:
        doc = tok.doc
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "on" and not urges(tok):
            subj = self._persons(subjects(tok))
            others = self._persons(list(prep_objects(tok, {"on"})))
            if subj:
                self._emit(tok, subj + others, "meeting.call_on", 0.8)
            return
        # "X called Y on Tuesday to discuss trade": a call; not "called Y a dictator", "called Y to
        # account", "called for talks", "called off the visit"
        children = list(tok.children)
        dobj = [c for c in children if c.dep_ == "dobj"]
        # the parser may read the callee as a predicate ("called Y on Tuesday": Y an oprd) when
        # nothing else follows; with an object, a predicate names what Y is called
        callee = dobj or [c for c in children if c.dep_ == "oprd" and c.i in self.people.by_token]
        if (
            not callee
            or (dobj and any(c.dep_ in {"oprd", "attr", "acomp"} for c in children))
            or any(
                c.dep_ in {"ccomp", "prt"}
                or (c.dep_ == "prep" and c.lower_ not in {"on", "in", "during", "after", "before"})
                for c in children
            )
        ):
            return
        if any(c.dep_ == "prep" and c.lower_ == "on" and not self.ctx.dates_for(c) for c in children):
            return
        after = callee[-1].right_edge.i + 1
        if any(c.dep_ == "appos" for c in callee[-1].children) or (
            after < len(doc) and doc[after].lower_ in {"a", "an", '"', "“", "‘"}
        ):
            return  # "called Y a dictator", 'called Y "a dictator"': what Y is called
        self._phoned(tok, callee)

    def _phoned(self, tok: Token, callee: list[Token] | None = None) -> None:
        """ "X phoned / telephoned / rang Y", "X called Y on Tuesday": a phone call of the two
        (whatever it was for: "to discuss trade")."""
        if is_negated(tok):
            return
        subj = self._persons(subjects(tok))
        others = self._persons(
            callee if callee is not None else [o for o in objects(tok) if o.dep_ == "dobj"]
        )
        if subj and others:
            self._emit(tok, subj + others, "meeting.phone", 0.75)

    def _joint_acts_in_calls(self) -> None:
        """What two people did together right after their call is told is that call ("X said in a
        telephone conversation with Y ... The two leaders then discussed ..."), not a meeting in
        person."""
        calls = [c for c in self.candidates if c.mode != "in_person"]
        for joint in [c for c in self.candidates if c.rule == "meeting.joint" and c.mode == "in_person"]:
            idx = self.ctx.sentence_index(joint.trigger_i)
            same = set(map(id, joint.participants))
            for call in calls:
                if (
                    call.trigger_i < joint.trigger_i
                    and idx - self.ctx.sentence_index(call.trigger_i) <= 2
                    and set(map(id, call.participants)) == same
                ):
                    call.explanation.append(f"joint act '{joint.evidence[0].text.strip()[:40]}' in the call")
                    self.candidates.remove(joint)
                    break

    def _joint(self, tok: Token) -> None:
        subj = self._persons(subjects(tok))
        if len(subj) < 2:
            return
        if tok.lower_ in {"agreed", "agree", "agrees"} and any(
            c.dep_ == "xcomp" and c.lower_ in lx.MEET_VERBS | {"arrange", "hold"} for c in tok.children
        ):
            return  # "agreed to meet": the meeting rule takes it, as planned
        self._emit(tok, subj, "meeting.joint", 0.65)

    def _noun(self, tok: Token) -> None:
        if tok.lower_ in {"call", "calls"} and any(
            c.dep_ == "prep" and c.lower_ == "on" for c in tok.children
        ):
            # "pay a courtesy call on President X": an audience in person
            self._call_on_noun(tok)
            return
        if (
            tok.lower_ in {"call", "calls", "session", "exchange", "dialogue"}
            and not any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children)
            and tok.lower_ in {"call", "calls"}
            and not any(c.lower_ in lx.PHONE_WORDS for c in tok.children)
        ):
            return
        preps = {"with", "between"} | ({"for"} if tok.lower_ in _HOSTED_NOUNS else set())
        if tok.lower_ in {"call", "calls"}:
            preps.add("from")  # "received a phone call from X"
        participants = self._persons(list(prep_objects(tok, preps)))
        verb = governing_verb(tok)
        if tok.lower_ in {"call", "calls"} and tok.dep_ == "dobj" and verb.lower_ in _RECEIVE_CALL:
            # "X received a phone call today from Y": the parser hangs "from Y" on the verb
            participants += [
                p for p in self._persons(list(prep_objects(verb, {"from"}))) if p not in participants
            ]
        between = any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children)
        owner: list[PersonCluster] = []
        for c in tok.children:
            if c.dep_ == "poss":
                if c.lower_ == "their":
                    owner.extend(self._their(tok))
                    continue
                pc = self.people.cluster_for_token(c)
                if pc is not None:
                    owner.append(pc)
        if not owner and verb.lower_ in {"includes", "include", "included"}:
            # "His agenda for Wednesday includes a meeting with X": the agenda's owner meets X
            for subj in (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _SCHEDULE_NOUNS):
                for c in subj.children:
                    if c.dep_ == "poss":
                        pc = self.people.cluster_for_token(c)
                        if pc is not None:
                            owner.append(pc)
        # the talks are the setting of what is said: "said after talks with Y", "said in a telephone
        # conversation with Y" (not "said talks with Y would resume")
        after_talks = tok.dep_ == "pobj" and tok.head.lower_ in {"after", "following", "during", "in", "over"}
        if verb != tok and not owner and not between and (verb.lower_ not in lx.REPORT_VERBS or after_talks):
            # "X will head to Vietnam, with a summit scheduled for Friday with President Y";
            # "X and Y agreed to ... following a brief conversation"
            node = verb
            for _ in range(4):
                owner = self._persons([x for x in subjects(node) if x.i != tok.i])
                if owner or node.head == node:
                    break
                node = governing_verb(node.head)
        if owner and verb.lower_ in _JOIN_VERBS and tok.lower_ in {"meeting", "meetings", "talks"}:
            # "They will be joined by Z for trilateral talks", "Z will join them for talks": whoever
            # joins sits at the talks too
            joiners = self._persons(list(prep_objects(verb, {"by"})) + objects(verb))
            participants += [p for p in joiners if p not in participants and p not in owner]
        if (
            not participants
            and len(owner) >= 2
            and tok.lower_ in {"meeting", "meetings", "talks", "conversation", "exchange"}
        ):
            # "X and Y ... following a brief conversation": the two of them talked. Not "attend a
            # summit" (a venue) nor "an exchange of visits".
            if not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                participants, owner = owner, []
        if not participants or (not owner and not between and len(participants) < 2):
            return
        self._emit(
            tok,
            owner + participants,
            "meeting.hosted" if tok.lower_ in _HOSTED_NOUNS else "meeting.held",
            0.75,
        )

    def _joint_appearance(self, tok: Token) -> None:
        """ "X and Y held a joint press conference", "X told a joint news conference with Y": the
        two appeared together, so they met (in person unless the clause says otherwise)."""
        verb = governing_verb(tok)
        if is_negated(verb):
            return
        subj = self._persons([s for s in subjects(verb) if s.i != tok.i])
        others = self._persons(list(prep_objects(tok, {"with"})) + list(prep_objects(verb, {"with"})))
        people = subj + [o for o in others if o not in subj]
        if len(people) >= 2:
            self._emit(tok, people, "meeting.joint", 0.7)

    def _call_on_noun(self, tok: Token) -> None:
        hosts = self._persons(list(prep_objects(tok, {"on"})))
        guests = self._persons([t for t in subjects(governing_verb(tok)) if t.i != tok.i])
        if hosts and guests:
            self._emit(tok, guests + hosts, "meeting.call_on", 0.8)

    def _by_phone(self, tok: Token, *, anchor: Token | None = None) -> None:
        """ "X congratulated him on his victory by phone": whatever the verb, they talked.
        ``anchor``: the call noun whose phrase dates the call ("in a phone call on Monday")."""
        verb = governing_verb(tok.head)
        if verb.lower_ in lx.MEET_VERBS | lx.TALK_VERBS | lx.HOLD_VERBS:
            return  # the verb's own rule takes it
        subj = self._persons(subjects(verb))
        others = self._persons(objects(verb) + list(prep_objects(verb, {"with", "to"})))
        if subj and others:
            dated = anchor is not None and not self.ctx.dates_for(verb) and self.ctx.dates_for(anchor)
            self._emit(anchor if dated and anchor is not None else verb, subj + others, "meeting.phone", 0.7)

    def _in_call(self, tok: Token) -> None:
        """ "X told Y in a phone call that ...", "during a telephone conversation, X assured Y":
        whatever the verb, a call named as its setting is a call between its subject and object."""
        if not any(c.lower_ in lx.PHONE_WORDS | lx.VIDEO_WORDS for c in tok.children):
            return  # "in a call for calm", "during talks"
        if any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children):
            return  # "in a phone call with Y": the noun's own rule takes it
        self._by_phone(tok, anchor=tok)

    def _their(self, tok: Token) -> list[PersonCluster]:
        """ "their meeting": the two people the sentence is about ("the two PMs", "X and Y")."""
        for t in sentence(tok):
            if t.dep_ in {"nsubj", "nsubjpass"} and t.i < tok.i:
                group = self._group(t) or self._persons([t])
                if len(group) >= 2:
                    return group
        return []

    def _attended_by(self) -> None:
        """ "The meetings were attended by A and B": A and B join the meetings just reported."""
        for tok in self.ctx.tokens:
            if tok.lower_ != "attended" or not any(c.dep_ == "agent" for c in tok.children):
                continue
            subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not subj or subj[0].lower_ not in {"meeting", "meetings", "talks"}:
                continue
            # everyone named after "attended by" (the parser often hangs them elsewhere)
            attendees: list[PersonCluster] = []
            for t in sentence(tok):
                c = self.people.by_token.get(t.i)
                if t.i > tok.i and c is not None and c not in attendees:
                    attendees.append(c)
            if not attendees:
                continue
            plural = subj[0].lower_ in {"meetings", "talks"}
            earlier = [c for c in self.candidates if c.trigger_i < tok.i and c.status == "held"]
            targets = earlier if plural else earlier[-1:]
            for cand in targets:
                for a in attendees:
                    if a not in cand.participants:
                        cand.participants.append(a)
                        cand.attendees.append(a)
                cand.explanation.append(f"attendees from '{sentence(tok).text.strip()[:60]}'")


def _schedule_subject(verb: Token) -> Token | None:
    """The schedule that "includes" a meeting ("the agenda for Wednesday includes a meeting", "the
    head of state's agenda for this Wednesday includes ...", however the parser hangs it)."""
    if verb.lower_ not in {"includes", "include", "included"}:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            for t in c.subtree:
                if t.lower_ in _SCHEDULE_NOUNS:
                    return t
    return None


def _other_ministry(om: OfficeMention | None, person: PersonCluster) -> bool:
    """A group named by a ministry ("the two foreign ministers") is not a meeting of another
    office's holder (a trade minister's or a vice president's talks told just before); a bare "the
    two ministers", or a holder of a generic minister's title, may be."""
    if om is None or om.info.category in {"minister", "deputy_minister"} or not om.info.is_minister:
        return False
    office = person.office
    if office is None or office.category in {"minister", "deputy_minister"}:
        return False
    return not office_compatible(om.info, office)
