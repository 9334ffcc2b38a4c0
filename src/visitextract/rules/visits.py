"""Visits: an official travelling to another country.

Each rule starts from a trigger and reads the visitor, the destination and the dates off the
dependency tree:

* ``visit.verb``        "X visited / will visit Y", "X arrived in Y", "X left A for Y", "X travelled to Y"
* ``visit.noun``        "X's visit to Y", "the visit of X to Y", "X embarked on a trip to Y"
* ``visit.presence``    "X, currently in Y, ..."
* ``visit.attend``      "X will attend a summit in Y"; taking part in the event just told ("... for
                        the summit. X and Y were among those attending / were present / took part")
* ``visit.attended_by`` "the summit in Y was attended by X", "the summit, attended by X, ..."
* ``visit.taken_to``    "the final leg takes him to Y", "a tour that will take her to Y"
* ``visit.hosted``      "A hosted / received / welcomed X" (X visits A's country)
* ``visit.stop``        "in Y — X's fourth stop on his tour"
* ``visit.led``         "X led a delegation to Y"
* ``visit.expected``    "X and Y are expected in Accra on Wednesday"
* ``visit.companion``   "accompanied by X", "his delegation includes X", "also on the trip are X":
                        the companions make the principal's visits
* ``visit.back_from``   "X returned from China on Sunday" (over that day), "X will return from China
                        on Friday" (still there), "on the way back from Japan"

A trip home ("return to Japan on Tuesday") is not a visit: it gives the end date of the current one.
People who are not officials ("Russians fleeing the call-up") are never visitors.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from visitextract import models as m
from visitextract.normalize.offices import OfficeInfo
from visitextract.rules import lexicon as lx
from visitextract.rules.candidates import DateRole, VisitCandidate
from visitextract.rules.context import DocContext, PlaceMention, Tense
from visitextract.rules.people import PeopleResolver, PersonCluster
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
    with_conjuncts,
)

DEST_PREPS = {"to", "in", "for", "at", "into", "near"}
# "the city of Dresden", "the capital of Kenya"; not "a member state of ASEAN"
_INCLUDE_WORDS = frozenset(
    "include includes included including comprise comprises comprised comprising".split()
)
_PLACE_NOUNS = frozenset("city capital town port province region island islands village".split())
_ENDING_VERBS = frozenset(
    """conclude concluded concludes concluding wrap wrapped wraps wrapping end ended ends ending
    complete completed completes finish finished finishes close closes closed""".split()
)
# "a trip that will begin in Paris"
_LASTING_VERBS = frozenset("last lasts lasting lasted run runs running continue continues end ends".split())
_JOIN_VERBS = frozenset(
    "join joins joined joining participate participates participated participating".split()
)
# Events whose participants are present where they are held.
_SUMMIT_NOUNS = frozenset("summit summits conference forum sidelines margins".split())
# Verbs whose "in <city>" says nothing of a trip ("was born in Lagos", "invested in Nairobi").
_NOT_PRESENCE_VERBS = frozenset(
    """born died lives lived live living grew studied educated elected buried detained arrested
    killed invest invests invested investing based headquartered""".split()
)
_ITINERARY_VERBS = frozenset(
    "begin begins began start starts started end ends ended continue continues take takes took".split()
)


class VisitRules:
    def __init__(self, ctx: DocContext, people: PeopleResolver) -> None:
        self.ctx = ctx
        self.people = people
        self.candidates: list[VisitCandidate] = []
        # (companion, principal, evidence sentence): people travelling with a visitor
        self.companions: list[tuple[PersonCluster, PersonCluster, Span]] = []
        self._destinations: list[tuple[int, PlaceMention]] = []  # (trigger, first place), in order

    # ------------------------------------------------------------------ run
    def run(self) -> list[VisitCandidate]:
        for tok in self.ctx.tokens:
            low = tok.lower_
            if low in _PARTICIPATION_WORDS:
                self._took_part(tok)
            if low in lx.VISIT_VERBS and is_verb(tok) and tok.dep_ not in {"amod"}:
                self._verb(tok, "visit.verb", {"to", "in"}, objects_are_dest=True)
            elif low in lx.VISIT_VERBS and tok.dep_ == "amod":
                self._visiting_adjective(tok)
            elif (low in lx.ARRIVE_VERBS or _touched_down(tok)) and is_verb(tok):
                # "arrived in Tokyo", "touched down in Tokyo"
                self._verb(tok, "visit.arrived", {"in", "at", "to"}, role="start")
            elif low in lx.DEPART_VERBS and is_verb(tok):
                self._verb(tok, "visit.departed", {"for", "to"}, role="start", origin_objects=True)
            elif (low in lx.MOTION_VERBS or _set_off(tok)) and is_verb(tok):
                # "toured Kenya and Tanzania": the objects of a tour are its destinations
                tour = low.startswith("tour")
                # "travels Thursday to Singapore": the day the leg begins (a tour's date is its span)
                role: DateRole = "full" if tour else "start"
                self._verb(tok, "visit.travel", {"to", "for", "in", "into"}, role=role, objects_are_dest=tour)
            elif low in _COPULAS and tok.dep_ in {
                "ROOT",
                "ccomp",
                "conj",
                "relcl",
            }:
                self._copula_in(tok)
            elif (low == "expected" and any(c.dep_ == "auxpass" for c in tok.children)) or (
                low == "due" and tok.dep_ == "acomp"
            ):
                # "Presidents X and Y are expected in Accra on Wednesday", "X is due in Canberra"
                places = self._dest_places(list(prep_objects(tok, {"in", "at"})))
                if not places and low == "due":
                    places = self._dest_places(list(prep_objects(tok.head, {"in", "at"})))
                visitors = self._visitors_of(tok if low == "expected" else tok.head)
                if places and visitors:
                    self._emit(tok, visitors, places, "visit.expected", "future", role="start", strength=2)
                elif not places and _goes_home(tok):
                    # "is expected back home later today": the trip ends that day, wherever home is
                    self._going_home(tok, visitors, "visit.expected", "future", "end")
            elif low in _TAKE_VERBS and is_verb(tok):
                self._taken_to(tok)
            elif (
                low in _BEGIN_VERBS | _ENDING_VERBS
                and is_verb(tok)
                and any(s.lower_ in _TRIP_SUBJECTS and s.pos_ == "NOUN" for s in subjects(tok))
                and list(prep_objects(tok, {"in", "at"}))
            ):
                self._trip_begins_or_ends_in(tok)
            elif (low in lx.STAY_VERBS and is_verb(tok)) or (
                low in lx.SPEND_VERBS
                and is_verb(tok)
                and any(
                    c.dep_ in {"dobj", "npadvmod"} and (c.lower_ in lx.TIME_NOUNS or c.i in self.ctx.date_at)
                    for c in tok.children
                )
            ):
                self._verb(tok, "visit.stay", {"in", "at"}, role="full")
            elif low in lx.ATTEND_VERBS and is_verb(tok):
                self._attend(tok)
            elif low in {"chaired", "co-chaired"} and is_verb(tok):
                self._chaired_by(tok)
            elif (
                low in {"brought", "brings", "bring", "bringing"}
                and is_verb(tok)
                and any(c.lower_ == "together" for c in tok.children)
            ) or (low in {"gathered", "gathers", "drew", "draws"} and is_verb(tok)):
                self._brought_together(tok)
            elif low in lx.HOST_VERBS and is_verb(tok):
                self._hosted(tok)
            elif (
                low in {"lead", "leads", "led", "leading"}
                and is_verb(tok)
                and any(c.dep_ == "dobj" and c.lower_ in lx.DELEGATION_NOUNS for c in tok.children)
            ):
                self._led(tok)
            elif low in lx.VISIT_NOUNS and tok.pos_ in {"NOUN", "PROPN"}:
                self._noun(tok)
            elif low in lx.PRESENT_ADV:
                self._presence(tok)
            elif low in {"stop", "leg"} and tok.pos_ == "NOUN":
                self._stop(tok)
            elif is_verb(tok) and low not in _NOT_PRESENCE_VERBS:
                self._acting_in(tok)
            if low == "way" and tok.dep_ == "pobj" and tok.head.lower_ in {"on", "en"}:
                self._on_the_way(tok)
            if low == "from" and tok.head.lower_ == "back":
                self._back_from(tok)
            elif low == "from" and tok.head.lower_.startswith("return") and is_verb(tok.head):
                self._returned_from(tok)
            if low in _SUMMIT_NOUNS and tok.pos_ in {"NOUN", "PROPN"}:
                self._at_event(tok)
            if low in _INCLUDE_WORDS:
                self._delegation_members(tok)
            if low in {"accompanied", "accompanying", "accompanies", "accompany"} or (
                low in {"join", "joins", "joined"} and is_verb(tok)
            ):
                # "He was joined there by Minister X", "X will join them" are companions too
                self._accompanied(tok)
            elif low in lx.VISIT_NOUNS | {"delegation"} and tok.pos_ == "NOUN":
                self._trip_with(tok)
            elif (low in lx.ARRIVE_VERBS | lx.DEPART_VERBS | lx.MOTION_VERBS | lx.VISIT_VERBS) and is_verb(
                tok
            ):
                self._travel_with(tok)
        return self.candidates

    # ------------------------------------------------------------ companions
    def _persons(self, tokens: list[Token]) -> list[PersonCluster]:
        out: list[PersonCluster] = []
        for t in tokens:
            if t.lower_ in lx.PRONOUNS_MALE | lx.PRONOUNS_FEMALE:
                # "X and Y will accompany him"
                c = self.people.cluster_for_token(t)
                if c is not None and c not in out:
                    out.append(c)
                continue
            if t.lower_ in {"they", "them"}:
                # "Z will join them": the people who acted together just before
                out.extend(c for c in self.people.group(t) if c not in out)
                continue
            for tt in phrase_tokens(t):
                c = self.people.by_token.get(tt.i)
                if c is not None and c not in out:
                    out.append(c)
        return out

    def _trip_with(self, tok: Token) -> None:
        """ "On the trip with the President are the Minister of Foreign Affairs, X, and ..."."""
        principals = self._persons(list(prep_objects(tok, {"with"})))
        if (
            not principals
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "on"
            and tok.head.head.lower_ in {"is", "are", "was", "were"}
        ):
            # "Also on the trip are X and Y": the trip of the last traveller named
            last = self._last_visitor(tok.i)
            principals = [last] if last is not None else []
        if len(principals) != 1:
            return
        principal = principals[0]
        pp = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
        root = sentence(tok).root
        others = [
            c
            for c in self._persons([x for x in root.children if x.dep_ in {"attr", "nsubj", "nsubjpass"}])
            if c is not principal and not any(t.i in pp for m in c.mentions + c.refs for t in m)
        ]
        for c in others:
            self.companions.append((c, principal, sentence(tok)))

    def _accompanied(self, tok: Token) -> None:
        """ "X, accompanied by Y, arrived"; "X was accompanied by Y"; "Y accompanied X"."""
        by = list(prep_objects(tok, {"by"}))
        if not by:
            # "accompanied throughout the trip by X": the parser hangs "by" on the trip
            by = [
                t for o in prep_objects(tok, {"throughout", "on", "during"}) for t in prep_objects(o, {"by"})
            ]
        agents = self._persons(by)
        # "accompanied by the Minister for Foreign Affairs, Shirley Botchway": a title, and the name
        # after it (wherever the parser hangs the name)
        titled = bool(by) and by[0].i in self.ctx.office_at
        if (agents or titled) and by:
            # "joined by X, President of ...; Y, President of ...; and Z": the whole list, however
            # the parser cut it (up to the next clause of the sentence)
            sent = sentence(tok)
            for k in range(by[0].i, sent.end):
                t = tok.doc[k]
                if t.i in self.ctx.quote_tokens and tok.i not in self.ctx.quote_tokens:
                    break
                if t.i > by[0].i and t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and t.dep_ not in {"amod"}:
                    break
                c = self.people.by_token.get(k)
                if c is not None and c not in agents and not _speaker_of_sentence(t):
                    agents.append(c)
        if agents:
            principal = None
            if tok.dep_ in {"acl", "advcl"}:
                principal = self.people.cluster_for_token(tok.head) or next(
                    iter(self._visitors_of(tok.head)), None
                )
            else:
                principal = next(iter(self._visitors_of(tok)), None)
            if principal is not None:
                for a in agents:
                    if a is not principal:
                        self.companions.append((a, principal, sentence(tok)))
            return
        companions = self._visitors_of(tok)
        principals = self._persons(objects(tok))
        travellers = {id(c.visitor) for c in self.candidates if c.evidence and c.evidence[0].start < tok.i}
        pronoun = next((o for o in objects(tok) if o.lower_ in {"him", "her"}), None)
        if len(principals) == 1 and id(principals[0]) not in travellers and pronoun is not None:
            # "Luxon is expected to meet Modi. McClay will accompany him.": whom one accompanies
            # travels; the pronoun is the last traveller, not the last person named
            last = self._last_visitor(tok.i)
            if last is not None and last not in companions and self.people.agrees(last, pronoun):
                principals = [last]
        # "Y accompanied X", "Z will join them": on the trip of each of them who travels
        for principal in principals:
            for c in companions:
                if c is not principal:
                    self.companions.append((c, principal, sentence(tok)))

    def _led(self, tok: Token) -> None:
        """ "X led a delegation (comprising Y and Z) to Seoul": the parser may hang the destination
        from the delegation or from what it comprises."""
        if self._negated(tok):
            return
        heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        heads += [g for h in heads[1:] for g in h.children if g.dep_ in {"acl", "relcl"}]
        places = self._dest_places([t for h in heads for t in prep_objects(h, {"to"})])
        visitors = self._visitors_of(tok)
        if places and visitors:
            self._emit(tok, visitors, places, "visit.led", self.ctx.tense(tok), role="full", strength=2)

    def _last_visitor(self, before: int) -> PersonCluster | None:
        earlier = [c for c in self.candidates if c.evidence and c.evidence[0].start < before]
        return earlier[-1].visitor if earlier else None

    def _delegation_members(self, tok: Token) -> None:
        """ "His delegation includes X and Y", "a delegation comprising X", "with a delegation that
        includes X": the members travel with the delegation's head."""
        group: Token | None = tok.head
        if tok.dep_ not in {"acl", "relcl", "prep"}:
            group = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if group is None or group.lower_ not in lx.DELEGATION_NOUNS:
            return
        members = self._persons(
            objects(tok) + list(prep_objects(tok, {"of"})) + [c for c in tok.children if c.dep_ == "pobj"]
        )
        owner = next((c for c in group.children if c.dep_ == "poss"), None)
        principal = self.people.cluster_for_token(owner) if owner is not None else None
        if principal is None and group.head != group:
            # "led / arrived with a delegation that includes X": the verb's subject
            principal = next(iter(self._visitors_of(governing_verb(group))), None)
        if principal is None:
            principal = self._last_visitor(tok.i)
        if principal is None:
            return
        for member in members:
            if member is not principal:
                self.companions.append((member, principal, sentence(tok)))

    def _travel_with(self, tok: Token) -> None:
        """ "X travelled with Y to Z": Y goes too (Y itself, not "with a summit with Y")."""
        withs = [c for t in prep_objects(tok, {"with"}) if (c := self.people.by_token.get(t.i)) is not None]
        if not withs:
            return
        for principal in self._visitors_of(tok):
            for c in withs:
                if c is not principal:
                    # either may be the one whose trip the text reports ("Y, who is travelling
                    # with the minister, said")
                    self.companions.append((c, principal, sentence(tok)))
                    self.companions.append((principal, c, sentence(tok)))

    # -------------------------------------------------------------- visitors
    def _visitors_of(self, verb: Token) -> list[PersonCluster]:
        """People in the subject phrase: "Payne and Australian Defence Minister Peter Dutton"."""
        out: list[PersonCluster] = []
        for s in subjects(verb):
            led = self._led_by(s)
            if led:
                # "a delegation led by Speaker X arrived in London": X travels, at its head
                out.extend(c for c in led if c not in out)
                continue
            found = False
            for t in phrase_tokens(s):
                if t.i != s.i and t.lower_ in lx.PRONOUNS_MALE | lx.PRONOUNS_FEMALE:
                    continue
                if t.i != s.i and s.lower_ in lx.PRONOUNS_SUBJ and t.dep_ == "appos":
                    continue  # "He was accompanied by the Minister, X": X is no apposition of "He"
                c = self.people.cluster_for_token(t, follow_pronouns=t.i == s.i)
                if c is not None and c not in out:
                    out.append(c)
                    found = True
            if not found:
                group = self.people.group(s)  # "the two presidents travel on Monday to Dresden"
                out.extend(g for g in group if g not in out)
                if not group:
                    target = s
                    if s.lower_ in lx.PRONOUNS_SUBJ:
                        # "A senior British minister said ... as he embarked on a trip"
                        root_subj = [c for c in sentence(s).root.children if c.dep_ in {"nsubj", "nsubjpass"}]
                        target = root_subj[0] if root_subj else s
                    found_roles = self._unnamed_officials(target)
                    out.extend(c for c in found_roles if c not in out)
                    if (
                        not found_roles
                        and target.dep_ in {"dobj", "appos", "npadvmod", "attr"}
                        and target.head != target
                    ):
                        # "X held talks ..., the first delegation to visit Bucharest": X's delegation
                        out.extend(c for c in self._visitors_of(target.head) if c not in out)
        return out

    def _trip_travellers(self, verb: Token) -> list[PersonCluster]:
        """A trip as the subject tells its stops ("The tour began with a visit to Kenya", "His trip
        ends with a stop in Osaka"): the trip's owner, or else the traveller told so far."""
        trips = [s for s in subjects(verb) if s.lower_ in _TRIP_SUBJECTS and s.pos_ == "NOUN"]
        if not trips:
            return []
        owner = next((c for c in trips[0].children if c.dep_ == "poss"), None)
        if owner is not None:
            pc = self.people.cluster_for_token(owner, follow_pronouns=True)
            return [pc] if pc is not None else []
        last = self._last_visitor(verb.i)
        return [last] if last is not None else []

    def _trip_begins_or_ends_in(self, tok: Token) -> None:
        """ "The tour will conclude in Athens on Nov. 29-30", "The trip begins in Lisbon on Monday":
        a stop of the trip told last, with its days (the first day of a beginning, the last of an
        end, or the stop's own range)."""
        if self._negated(tok):
            return
        places = [p for p in self._dest_places(list(prep_objects(tok, {"in", "at"}))) if p.country]
        visitors = [v for v in self._trip_travellers(tok) if v.country and v.office is not None]
        visitors = [v for v in visitors if places and v.country != places[0].country]
        if not places or not visitors:
            return
        role: DateRole = "start" if tok.lower_ in _BEGIN_VERBS else "end"
        self._emit(tok, visitors, places[:1], "visit.itinerary", self.ctx.tense(tok), role=role, strength=1)

    def _led_by(self, group: Token) -> list[PersonCluster]:
        """The people a delegation is led or headed by ("a delegation led by X and Y")."""
        if group.lower_ not in lx.DELEGATION_NOUNS:
            return []
        return self._persons(leaders_of(group))

    def _unnamed_officials(self, tok: Token) -> list[PersonCluster]:
        """ "U.S. and Russian negotiators": one unnamed official per country named."""
        countries: list[str] = []
        for c in tok.children:
            if c.dep_ in {"amod", "compound", "nmod"}:
                for cc in with_conjuncts(c):
                    pm = self.ctx.place_at.get(cc.i)
                    if pm is not None and pm.country and pm.country not in countries:
                        countries.append(pm.country)
        if len(countries) < 2 or tok.lower_ not in lx.OFFICIAL_NOUNS:
            one = self._unnamed_official(tok)
            return [one] if one is not None else []
        info = OfficeInfo(office=tok.lower_.rstrip("s").title(), category="official")
        return [self.people.unnamed(info, c, tok.doc[tok.i : tok.i + 1]) for c in countries]

    def _unnamed_official(self, tok: Token) -> PersonCluster | None:
        """ "A French minister", "Moroccan diplomats": an official without a name."""
        om = self.ctx.office_at.get(tok.i)
        if om is None and tok.lower_ not in lx.OFFICIAL_NOUNS:
            # "a group of Moroccan diplomats": the head is "group"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.lower_ in lx.OFFICIAL_NOUNS or g.i in self.ctx.office_at:
                            return self._unnamed_official(g)
            return None
        span = om.span if om is not None else tok.doc[tok.i : tok.i + 1]
        country = None
        for c in tok.children:
            pm = self.ctx.place_at.get(c.i)
            if pm is not None and pm.country and c.dep_ in {"amod", "compound", "poss", "nmod"}:
                country = pm.country
        near = self.ctx.country_near(span.start)
        if country is None and near is not None:
            country = near.country
        if country is None:
            return None
        if om is not None:
            resolved = self.people.resolve_title(om, country)
            if resolved is not None:
                return resolved
            info = om.info
        else:
            info = OfficeInfo(office=tok.lower_.rstrip("s").title(), category="official")
        return self.people.unnamed(info, country, span)

    # --------------------------------------------------------- destinations
    def _dest_places(self, tokens: list[Token]) -> list[PlaceMention]:
        out: list[PlaceMention] = []
        for t in tokens:
            pm = self.ctx.place_at.get(t.i)
            if pm is None:
                # "the eastern city of Dresden", "the capital, Washington"
                for c in t.children:
                    if c.dep_ in {"prep"} and c.lower_ == "of" and t.lower_ in _PLACE_NOUNS:
                        for g in c.children:
                            pm2 = self.ctx.place_at.get(g.i)
                            if pm2 is not None and pm2 not in out and not pm2.is_demonym:
                                out.append(pm2)
                    if c.dep_ == "appos":
                        pm2 = self.ctx.place_at.get(c.i)
                        if pm2 is not None and pm2 not in out and not pm2.is_demonym:
                            out.append(pm2)
                    if c.dep_ == "compound" and t.ent_type_ == "DATE" and c.ent_type_ != "DATE":
                        # "will be in Portugal Feb. 3-4": the parser makes the place a compound of
                        # the date that follows it
                        pm2 = self.ctx.place_at.get(c.i)
                        if pm2 is not None and pm2 not in out and not pm2.is_demonym:
                            out.append(pm2)
                    if c.dep_ == "prep" and c.lower_ in {"in", "near"} and t.pos_ in {"NOUN", "PROPN"}:
                        # "landed at Jomo Kenyatta International Airport in Nairobi": a venue in a city
                        for g in c.children:
                            pm2 = self.ctx.place_at.get(g.i)
                            if g.dep_ == "pobj" and pm2 is not None and pm2 not in out and not pm2.is_demonym:
                                out.append(pm2)
                if t.lower_ == "here" and self.ctx.dateline is not None:
                    out.append(self.ctx.dateline)
                described = self._described_place(t)
                if described is not None and described not in out:
                    out.append(described)
                continue
            if pm.is_demonym or pm in out:
                continue
            out.append(pm)
            # "Malabo, Equatorial Guinea": the appositive names the country of the city
            for c in t.children:
                if c.dep_ == "appos":
                    pm2 = self.ctx.place_at.get(c.i)
                    if pm2 is not None and pm2 not in out and not pm2.is_demonym:
                        out.append(pm2)
                        if pm.entity.kind == "country" and pm2.entity.kind == "country":
                            # "a tour of Qatar, the UAE and Saudi Arabia": a list the parser read
                            # as an apposition with conjuncts; a country is no apposition of another
                            for g in with_conjuncts(c)[1:]:
                                pm3 = self.ctx.place_at.get(g.i)
                                if pm3 is not None and pm3 not in out and not pm3.is_demonym:
                                    out.append(pm3)
        return out

    def _described_place(self, t: Token) -> PlaceMention | None:
        """ "arrived in the Brazilian city", "the Kazakh capital": the demonym's country."""
        if t.lower_ not in _PLACE_NOUNS | {"country", "kingdom", "republic"}:
            return None
        if t.lower_ == "capital" and any(c.lower_ == "national" for c in t.children):
            # "the national capital": the capital the story is filed from
            dateline = self.ctx.dateline
            return dateline if dateline is not None and dateline.entity.kind == "city" else None
        for c in t.children:
            pm = self.ctx.place_at.get(c.i)
            if c.dep_ in {"amod", "compound"} and pm is not None and pm.is_demonym and pm.country:
                phrase = self.ctx.doc[min(c.i, t.i) : t.i + 1]
                return PlaceMention(phrase, pm.entity, "described")
        return None

    def _here(self, tok: Token) -> list[PlaceMention]:
        for c in tok.children:
            if c.lower_ == "here" and self.ctx.dateline is not None:
                return [self.ctx.dateline]
        return []

    # ---------------------------------------------------------------- rules
    def _verb(
        self,
        tok: Token,
        rule: str,
        preps: set[str],
        *,
        objects_are_dest: bool = False,
        role: DateRole = "full",
        origin_objects: bool = False,
    ) -> None:
        if self._negated(tok):
            return
        dest_tokens = list(prep_objects(tok, preps))
        # "travels Thursday to Singapore for a speech and then to Brunei": the parser makes the
        # second preposition a conjunct of the verb or of another preposition
        heads = [tok] + [c for c in tok.children if c.dep_ == "prep"]
        dest_tokens += [
            g
            for h in heads
            for c in h.children
            if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if objects_are_dest:
            dest_tokens += objects(tok)
        if origin_objects:
            # "has departed Accra for Abuja": the parser hangs the destination on the origin;
            # "left Accra for Abuja to attend the summit": read as "for [Abuja to attend]"
            dest_tokens += [d for o in objects(tok) for d in prep_objects(o, preps)]
            dest_tokens += [
                s
                for c in tok.children
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                for s in c.children
                if s.dep_ == "nsubj" and s.i in self.ctx.place_at
            ]
        if not dest_tokens and tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
            dest_tokens = [tok.head]  # "in the Ghanaian capital, where X arrived on Tuesday"
        if (
            not dest_tokens
            and tok.dep_ == "conj"
            and tok.head.lower_ in lx.MOTION_VERBS | lx.ARRIVE_VERBS | lx.VISIT_VERBS
            and any(c.lower_ == "there" for c in tok.children)
        ):
            # "will travel to Egypt on Sunday and remain there until Tuesday": the journey's end
            dest_tokens = list(prep_objects(tok.head, {"to", "in", "for"})) + objects(tok.head)
        origin: str | None = None
        if origin_objects:
            origin_places = self._dest_places(objects(tok)) + self._dest_places(
                list(prep_objects(tok, {"from"}))
            )
            origin = next((p.country for p in origin_places if p.country), None)
        places = self._dest_places(dest_tokens) + self._here(tok)
        if (
            not places
            and rule in {"visit.travel", "visit.verb", "visit.arrived"}
            and any(c.lower_ == "there" and c.dep_ == "advmod" for c in tok.children)
        ):
            # "It was his first visit to Canada; he last travelled there in 2019": the place told last
            scene = self._scene(tok.i)
            places = [scene] if scene is not None and scene.country else []
        # "embark on a two-day visit to Mexico": the noun rule handles it.
        visitors = self._visitors_of(tok)
        ahead = tok.dep_ == "pcomp" and tok.head.lower_ == "before" and self.ctx.tense(tok) == "present"
        unnamed = not any(t.i in self.ctx.place_at for d in dest_tokens for t in phrase_tokens(d))
        if not places and rule == "visit.arrived" and unnamed:
            # "NEW DELHI - Kenyan President X arrived on Monday", "arrived at the airport", "arrived
            # in the Federal Capital Territory": a foreign official arriving with no destination, or
            # one no table knows, arrives where the story is set
            scene = self._scene(tok.i)
            visitors = self._from_abroad(visitors, scene)
            if visitors and scene is not None:
                self._emit(tok, visitors, [scene], rule, self.ctx.tense(tok), role=role, strength=1)
            return
        if not places and _goes_home(tok):
            # "She will emplane for home on Friday": the end of the trip, wherever home is
            self._going_home(tok, visitors, rule, self.ctx.tense(tok), role)
            return
        if not places and rule == "visit.departed" and not dest_tokens:
            self._left(tok, visitors, role)
            return
        if not places:
            # "came here", or the noun carries the destination ("made a trip to X")
            return
        if not visitors:
            return
        # "is holding talks in Jakarta before heading on to Manila": the next leg is ahead
        tense: Tense = "future" if ahead else self.ctx.tense(tok)
        if self._dated_legs(tok, visitors, preps, rule, tense, role, origin):
            return
        anchor = None
        if tok.dep_ == "pcomp" and tok.head.lower_ == "before" and not self.ctx.dates_for(tok):
            # "will meet X on Wednesday before flying to Rome": the departure is that day
            anchor = tok.head.head
        self._emit(
            tok, visitors, places, rule, tense, role=role, strength=2, origin=origin, date_anchor=anchor
        )

    def _dated_legs(
        self,
        tok: Token,
        visitors: list[PersonCluster],
        preps: set[str],
        rule: str,
        tense: Tense,
        role: DateRole,
        origin: str | None,
    ) -> bool:
        """Destinations told each with its own day ("will travel to Lisbon on March 3 and to Madrid
        on March 5", "flew to Lisbon on Monday, then to Madrid on Wednesday"): one leg per place, with
        the dates told after it up to the next place. Only when two legs or more have their own date;
        False (nothing emitted) otherwise."""
        heads = [c for c in tok.children if c.dep_ == "prep"]
        stops = self._dest_places(
            [g for h in heads if h.lower_ in preps for g in h.children if g.dep_ == "pobj"]
        )
        stops += [pm for pm in self._conjoined_places([tok, *heads], preps) if pm not in stops]
        stops = [pm for pm in stops if pm.country]
        if len({pm.country for pm in stops}) < 2:
            return False
        legs = self._told_after(stops, tok, tense)
        if sum(1 for _, told in legs if told) < 2:
            return False
        for pm, told in legs:
            self._emit(tok, visitors, [pm], rule, tense, role=role, strength=2, origin=origin, dates=told)
        return True

    def _conjoined_places(self, heads: list[Token], preps: set[str]) -> list[PlaceMention]:
        """Places of a preposition the parser made a conjunct of another word ("to Lisbon on March 3
        and to Madrid": "to Madrid" hangs on "on")."""
        return [
            pm
            for h in heads
            for c in h.children
            if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps
            for pm in self._dest_places([g for g in c.children if g.dep_ == "pobj"])
        ]

    def _told_after(
        self, stops: list[PlaceMention], tok: Token, tense: Tense
    ) -> list[tuple[PlaceMention, list[tuple[m.DateRange, str]]]]:
        """Each place with the dates told after it, up to the next place or the sentence's end."""
        ordered = sorted(stops, key=lambda pm: pm.span.start)
        sent_end = sentence(tok).end
        out: list[tuple[PlaceMention, list[tuple[m.DateRange, str]]]] = []
        for k, pm in enumerate(ordered):
            end = ordered[k + 1].span.start if k + 1 < len(ordered) else sent_end
            told = [
                (self.ctx.resolve_date(dm, tense), dm.span.text)
                for dm in self.ctx.dates
                if pm.span.end <= dm.span.start < end
            ]
            out.append((pm, told))
        return out

    def _starting(self, tok: Token) -> Token | None:
        """The participle that dates a trip's first day: "a visit to Portugal starting March 20",
        "will visit Portugal for three days beginning on Monday" (on the trigger or its verb)."""
        for node in (tok, governing_verb(tok)):
            for c in node.children:
                if (
                    c.lower_ in _STARTING_WORDS
                    and c.dep_ in {"advcl", "acl", "prep", "xcomp"}
                    and self.ctx.dates_for(c, through_talks=False)
                ):
                    return c
        return None

    def _going_home(
        self, tok: Token, visitors: list[PersonCluster], rule: str, tense: Tense, role: DateRole
    ) -> None:
        """A trip home: its day ends each traveller's trip, wherever home is."""
        for v in visitors:
            if v.country:
                self._emit(tok, [v], [], rule, tense, role=role, strength=0, host_override=v.country)

    def _left(self, tok: Token, visitors: list[PersonCluster], role: DateRole) -> None:
        """A departure with no destination ends the visit to where the traveller leaves: "left Tokyo
        on Wednesday after a state visit", "left the country on Monday", "is due to arrive in Rome
        on Sunday and leave on Tuesday" (the place told last). Not "left the meeting early"."""
        objs = objects(tok)
        if any(o.i not in self.ctx.place_at and o.lower_ not in _LEFT_PLACE_WORDS for o in objs):
            return
        origins = [p for p in self._dest_places(objs) if p.country]
        origin = origins[0] if origins else self._scene(tok.i)
        if origin is None or not origin.country:
            return
        found = [v for v in visitors if v.country and v.country != origin.country and v.office is not None]
        if found:
            tense = self.ctx.tense(tok)
            anchor = None
            if tok.dep_ == "pcomp" and tok.head.lower_ == "before" and not self.ctx.dates_for(tok):
                # "The next day he will meet X before leaving the Portuguese capital": that day
                anchor = tok.head.head
                tense = self.ctx.tense(anchor)
            self._emit(
                tok,
                found,
                [origin],
                "visit.departed",
                tense,
                role="end",
                strength=0,
                host_override=origin.country,
                date_anchor=anchor,
            )

    def _on_the_way(self, tok: Token) -> None:
        """ "stopped over in Singapore on his way to Australia": the trip goes on to Australia
        (told in the tense of the clause; "on his way back from" is a trip that is over)."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        places = [p for p in self._dest_places(list(prep_objects(tok, {"to"}))) if p.country]
        if owner is None or not places:
            return
        verb = governing_verb(tok)
        visitors = [c for c in [self.people.cluster_for_token(owner)] if c is not None]
        visitors = [v for v in visitors if v.country and v.country != places[0].country]
        if visitors and not self._negated(verb):
            tense = self.ctx.tense(verb)
            self._emit(tok, visitors, places[:1], "visit.travel", tense, role="activity", strength=1)

    def _returned_from(self, tok: Token) -> None:
        """ "X returned from China on Sunday": a trip to China, over on that day; "X will return
        from China on Friday": still there. (A trip noun, "returned from a trip to Peru", is the
        noun's own record.)"""
        verb = tok.head
        places = [p for p in self._dest_places([g for g in tok.children if g.dep_ == "pobj"]) if p.country]
        if not places or self._negated(verb):
            return
        visitors = [v for v in self._visitors_of(verb) if v.country and v.country != places[0].country]
        if not visitors:
            return
        tense = self.ctx.tense(verb)
        status = "completed" if tense in {"past", "perfect"} else "ongoing"
        self._emit(
            verb, visitors, places[:1], "visit.back_from", tense, role="end", strength=1, status=status
        )

    def _back_from(self, tok: Token) -> None:
        """ "On the way back from Japan, X stopped over in Singapore", "X, recently back from a trip to
        Moscow": a trip that is over."""
        targets: list[Token] = []
        for g in tok.children:
            if g.dep_ != "pobj":
                continue
            targets.append(g)
            if g.lower_ in lx.VISIT_NOUNS:
                targets += list(prep_objects(g, {"to"}))
        places = [p for p in self._dest_places(targets) if p.country]
        if not places:
            return
        back = tok.head
        node = back.head
        owner = self.people.cluster_for_token(node) if node.pos_ in {"PROPN", "NOUN"} else None
        # "Xi, recently back from ...", else the clause's subject
        visitors = [owner] if owner is not None else self._visitors_of(governing_verb(back))
        found = [v for v in visitors if v.country and v.country != places[0].country]
        if found:
            self._emit(
                tok,
                found,
                places[:1],
                "visit.back_from",
                "past",
                role="activity",
                strength=1,
                status="completed",
            )

    def _acting_in(self, tok: Token) -> None:
        """ "Bourita held talks in Cairo", "the minister said in Berlin", "will sign the deal in
        Hanoi": an official who acts in a foreign city is there. Cities only ("invests in Kenya" is
        no presence), hanging from the verb itself, not from a noun ("the violence in Gaza")."""
        if self._negated(tok):
            return
        heads = [tok] + [o for o in objects(tok) if o.lower_ in lx.MEETING_NOUNS]  # "held talks in Cairo"
        preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}]
        places = [
            pm
            for pm in self._dest_places([g for p in preps for g in p.children if g.dep_ == "pobj"])
            if pm.entity.kind in {"city", "site"} and pm.country
        ]
        if not places or _remote(tok):
            return  # "spoke to the forum in Geneva by video link": not there
        visitors = [
            v
            for v in self._visitors_of(tok)
            if v.named and v.country is not None and v.office is not None and v.country != places[0].country
        ]
        if not visitors:
            return
        tense = self.ctx.tense(tok)
        if tense == "future":
            # "agreed to hold the next round in Tokyo": a plan, for the travel verbs to tell; but
            # "(a tour of Qatar ...) In Doha, he will call on the Emir" names a city of a trip told
            told = {
                id(c.visitor)
                for c in self.candidates
                if c.host == places[0].country and c.evidence and c.evidence[0].start < tok.i
            }
            visitors = [v for v in visitors if id(v) in told]
            if not visitors:
                return
        self._emit(tok, visitors, places[:1], "visit.present_in", tense, role="activity", strength=1)

    def _at_event(self, tok: Token) -> None:
        """ "told reporters after the summit", "on the sidelines of the Arab League meeting in Cairo",
        "the conclusions of a European Union summit" (in a story filed from its city): who takes part
        in a summit abroad is there, with or without a verb of travel."""
        node, hops = tok, 0
        while node.dep_ in {"pobj", "dobj", "prep", "compound"} and node.head != node and hops < 5:
            if (
                node.dep_ == "pobj"
                and node.head.lower_ in {"about", "on"}
                and tok.lower_ not in lx.SIDELINE_NOUNS
            ):
                return  # "talks on the summit": a topic
            node = node.head
            hops += 1
        verb = node if is_verb(node) else governing_verb(node)
        if not is_verb(verb) or tok.dep_ in {"nsubj", "nsubjpass"}:
            return
        taking_part = lx.ATTEND_VERBS | lx.MOTION_VERBS | lx.VISIT_VERBS | lx.ARRIVE_VERBS | _JOIN_VERBS
        if verb.lower_ in taking_part and self._negated(verb):
            return  # "did not attend the summit" (but "was not happy with the summit" was there)
        if _remote(verb) or _remote(tok):
            return  # "addressed the conference in Geneva by video link"
        event = tok
        if tok.lower_ in lx.SIDELINE_NOUNS:
            event = next((g for p in prep_objects(tok, {"of"}) for g in [p]), tok)
        places = self._dest_places(list(prep_objects(event, {"in", "at"})))
        for c in event.children:
            pm = self.ctx.place_at.get(c.i)
            if c.dep_ in {"compound", "nmod"} and pm is not None and pm.entity.kind == "city":
                places.append(pm)
        if tok.lower_ in {"conference", "conferences"} and any(
            c.lower_ in lx.VIDEO_WORDS | lx.PHONE_WORDS | {"press", "news"} for c in tok.children
        ):
            return  # a video conference is no venue; a news conference says nothing of a summit
        sent = sentence(tok)
        dateline = self.ctx.dateline
        elsewhere = any(
            pm.entity.kind in {"city", "country"} and not pm.is_demonym and pm is not dateline
            for pm in self.ctx.places_in(sent.start, sent.end)
        )
        if not places and not elsewhere and dateline is not None and dateline.entity.kind == "city":
            places = [dateline]  # "BRATISLAVA - ... a European Union summit": held where filed
        places = [p for p in places if p.country]
        if not places:
            return
        visitors = [
            v
            for v in self._visitors_of(verb)
            if v.named and v.country is not None and v.office is not None and v.country != places[0].country
        ]
        if visitors:
            tense = self.ctx.tense(verb)
            self._emit(tok, visitors, places[:1], "visit.summit", tense, role="activity", strength=1)

    def _scene(self, before: int) -> PlaceMention | None:
        """Where the story is set at a point: the destination last named before it ("preparations in
        the Ghanaian capital, where ..."), else the dateline."""
        earlier = [pm for i, pm in self._destinations if i < before]
        return earlier[-1] if earlier else self.ctx.dateline

    def _from_abroad(self, visitors: list[PersonCluster], scene: PlaceMention | None) -> list[PersonCluster]:
        """Officials the text places in another country than the scene's."""
        if scene is None or not scene.country:
            return []
        return [v for v in visitors if v.country and v.country != scene.country and v.office is not None]

    def _noun(self, tok: Token) -> None:
        if self._negated(governing_verb(tok)) or _mooted(tok):
            return
        places = self._dest_places(list(prep_objects(tok, {"to", "in", "of", "at"})))
        if tok.dep_ == "dobj" and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            # "opened his state visit to Portugal on Saturday", "wrapped up a tour to the Gulf": the
            # parser hangs the trip's destination on the verb the trip is the object of
            places += [p for p in self._dest_places(list(prep_objects(tok.head, {"to"}))) if p not in places]
        if tok.dep_ == "dobj" and tok.head.lower_ in _BEGIN_VERBS:
            # "commenced his tour of West Africa in Dakar on Sunday": where the trip begins is its
            # first stop
            first = self._dest_places(list(prep_objects(tok.head, {"in", "at"})))
            places += [p for p in first if p not in places]
        for agent in prep_objects(tok, {"by", "of"}):
            if agent.i in self.people.by_token:
                # "the visit by Prime Minister X to Poland": the parser hangs the destination on X
                places += [p for p in self._dest_places(list(prep_objects(agent, {"to"}))) if p not in places]
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lower_ in {"leg", "part", "stage"}
        ):
            # "the Chile leg of her visit": the leg's country
            for c in tok.head.head.children:
                pm = self.ctx.place_at.get(c.i)
                if c.dep_ in {"compound", "amod", "nmod"} and pm is not None and pm not in places:
                    places.append(pm)
        # "his U.S. trip", "the Paris visit", "a Japan visit"
        for c in tok.children:
            if c.dep_ in {"compound", "nmod", "amod", "npadvmod"}:
                pm = self.ctx.place_at.get(c.i)
                if pm is not None and not pm.is_demonym and pm not in places:
                    places.append(pm)
        # "a tour that will also take him to Colombia from March 19 to 21": a leg with its own tense
        # and dates, told in a clause on the trip noun; undated ("a tour that took him to Kenya and
        # Tanzania") the clause's places are the trip's own
        itinerary: list[tuple[Token, list[PlaceMention]]] = []
        # "a four-day visit that began on Tuesday", "the visit, which ends on Saturday", "a visit
        # that runs until Friday": a clause on the noun that dates the trip's first or last day
        bounds: list[tuple[DateRole, Token]] = []
        # the parser may hang the clause on the destination ("his visit to China, which ends on
        # Saturday"): a country does not begin or end
        clauses = list(tok.children) + [
            c
            for d in prep_objects(tok, {"to"})
            for c in d.children
            if c.lower_ in _BEGIN_VERBS | _ENDING_VERBS | _LASTING_VERBS
        ]
        # (and their conjuncts: "a visit that began on Sunday and runs until Wednesday")
        clauses += [
            g
            for c in clauses
            if c.dep_ in {"relcl", "acl"}
            for g in c.children
            if g.dep_ == "conj" and g.lower_ in _BEGIN_VERBS | _ENDING_VERBS | _LASTING_VERBS
        ]
        for c in clauses:
            if (c.dep_ in {"relcl", "acl"} or (c.dep_ == "conj" and c.head.dep_ in {"relcl", "acl"})) and (
                c.lower_ in _ITINERARY_VERBS | _LASTING_VERBS
            ):
                legs = [
                    p for p in self._dest_places(list(prep_objects(c, {"in", "at", "to"}))) if p not in places
                ]
                if self._dates(c, self.ctx.tense(c)):
                    if legs:
                        itinerary.append((c, legs))
                    elif c.lower_ in _BEGIN_VERBS:
                        bounds.append(("start", c))
                    elif c.lower_ in _ENDING_VERBS | _LASTING_VERBS:
                        bounds.append(("end", c))
                else:
                    places += legs
        head = tok.head
        if tok.dep_ == "nsubj" and head.lower_ in _BEGIN_VERBS | _ENDING_VERBS | _LASTING_VERBS:
            # "X's visit to Egypt ... continues until Saturday", "the visit ends on Friday"
            if self._dates(head, self.ctx.tense(head)):
                bounds.append(("start" if head.lower_ in _BEGIN_VERBS else "end", head))
        verb = governing_verb(tok)
        if not places and tok.dep_ in {"pobj"} and tok.head.lower_ in {"for", "on"} and not bounds:
            # "arrived in Germany for the first state visit": the verb's own rule covers it
            return
        visitors: list[PersonCluster] = []
        for c in tok.children:
            if c.dep_ == "poss":
                pc = self.people.cluster_for_token(c)
                if pc is not None:
                    visitors.append(pc)
        for p in prep_objects(tok, {"of", "by"}):
            pc = self.people.cluster_for_token(p)
            if pc is None:
                pc = self._unnamed_official(p)
            if pc is not None and pc not in visitors:
                visitors.append(pc)
        trip_told = False
        if not visitors and verb != tok:
            if tok.dep_ in {"dobj", "pobj", "attr", "nsubj", "nsubjpass"}:
                visitors = self._visitors_of(verb)
                if not visitors and tok.dep_ in {"dobj", "pobj", "attr"}:
                    visitors = self._trip_travellers(verb)
                    trip_told = bool(visitors)
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                visitors = []
        for clause, legs in itinerary:
            if visitors and legs and not self._negated(clause):
                self._emit(
                    clause,
                    visitors,
                    legs,
                    "visit.itinerary",
                    self.ctx.tense(clause),
                    role="start",
                    strength=1,
                )
        if (
            not visitors
            and not places
            and any(c.lower_ == "the" for c in tok.children)
            and any(c.dep_ in {"relcl", "acl"} for c in tok.children)
        ):
            # "The visit, which took place from 10 to 13 March, ...": the trip told so far
            last = self._last_visitor(tok.i)
            visitors = [last] if last is not None else []
        if not visitors or not places:
            if visitors and not places and not any(legs for _, legs in itinerary):
                self._placeless(tok, visitors)
            return
        tense = self._noun_tense(tok, verb)
        role, anchor = self._noun_date_role(tok, verb)
        if trip_told:
            # "The tour began with a visit to Kenya on 3-4 November", "His trip ends with a visit to
            # Togo": the stop the trip begins or ends with, not the trip, has these days
            role, anchor = "full", None
        # "the first day of a tour of the Gulf and India" counts the whole tour, not its last leg
        one_stop = not _names_a_tour(tok) and len({p.country for p in places}) == 1 and places[0].country
        day = self._day_of_visit(tok, tense) if one_stop else None
        if day is not None:
            self._emit(tok, visitors, places, "visit.noun", tense, role=day[1], strength=1, dates=day[0])
            return
        if bounds and anchor is None:
            # the clause's own tense places its day ("which ends on Saturday": the coming one); one
            # mention per clause, merged into one visit
            for bound, clause in bounds:
                dates = self._dates(clause, self.ctx.tense(clause))
                self._emit(tok, visitors, places, "visit.noun", tense, role=bound, strength=1, dates=dates)
            if role == "start" and all(bound != "start" for bound, _ in bounds):
                # "began a visit to Morocco on Thursday that runs until Saturday": the verb's day
                # is the first, the clause's the last
                self._emit(tok, visitors, places, "visit.noun", tense, role="start", strength=1)
            return
        if anchor is not None and anchor.pos_ in {"NOUN", "PROPN"} and verb.lower_ in _BEGIN_VERBS:
            # "started his visit with talks on Tuesday": the day of the talks it began with
            begun = [
                (self.ctx.resolve_date(dm, tense), dm.span.text)
                for dm in self.ctx.dates_for(anchor, through_talks=True)
            ]
            self._emit(tok, visitors, places, "visit.noun", tense, role=role, strength=1, dates=begun)
            return
        self._emit(tok, visitors, places, "visit.noun", tense, role=role, strength=1, date_anchor=anchor)

    def _day_of_visit(
        self, tok: Token, tense: Tense
    ) -> tuple[list[tuple[m.DateRange, str]], DateRole] | None:
        """ "on Wednesday, the last day of his visit", "On the second day of her visit on Tuesday": a
        day counted within the visit fixes one end of it (the last day its end; the Nth day its start,
        N - 1 days earlier). None when ``tok`` is not the visit of such a phrase."""
        of = tok.head
        day = of.head
        if not (tok.dep_ == "pobj" and of.lower_ == "of" and day.lower_ == "day" and day.i != of.i):
            return None
        words = {c.lower_ for c in day.children if c.dep_ in {"amod", "nummod"}}
        if words & {"last", "final", "closing"}:
            n = None
        else:
            n = next((_ORDINALS[w] for w in words if w in _ORDINALS), None)
            if n is None:
                return None
        if day.dep_ == "appos" and day.head.i in self.ctx.date_at:
            found = [self.ctx.date_at[day.head.i]]  # "on Wednesday, the last day of his visit"
        else:
            appos = [
                self.ctx.date_at[c.i] for c in day.children if c.dep_ == "appos" and c.i in self.ctx.date_at
            ]
            own = {dm.span.start for dm in self.ctx.dates if dm.span.start <= day.i < dm.span.end}
            found = appos or [
                dm
                for dm in self.ctx.dates_for(governing_verb(day), through_talks=True)
                if dm.span.start not in own
            ]
            if not found:
                # "On the final day of his visit to Egypt on Thursday": the day the phrase itself gives
                inside = {t.i for t in day.subtree}
                found = [dm for dm in self.ctx.dates if dm.span.root.i in inside and dm.span.start not in own]
        out: list[tuple[m.DateRange, str]] = []
        for dm in found[:1]:
            d = self.ctx.resolve_date(dm, tense)
            if d.start is None or d.start != d.end or d.granularity not in {None, "day"}:
                continue
            if n is None:
                out.append((d.model_copy(update={"start": None}), dm.span.text))
            else:
                first = (dt.date.fromisoformat(d.start) - dt.timedelta(days=n - 1)).isoformat()
                out.append((d.model_copy(update={"start": first, "end": None}), dm.span.text))
        if not out:
            return None
        return out, ("end" if n is None else "start")

    def _noun_date_role(self, tok: Token, verb: Token) -> tuple[DateRole, Token | None]:
        """ "concluded a two-day visit to Norway on Tuesday", "wraps up the visit on Friday": the
        date is the last day; "On Wednesday, she will travel to Valparaiso, wrapping up the Chile
        leg of her visit": a participle's day is its main verb's."""
        # "returned from a three-day trip to Brazil on Sunday", "left Tokyo on Wednesday after a
        # state visit", "flew home after a visit to Peru": the day ends the trip
        returned = tok.dep_ == "pobj" and (
            (verb.lower_.startswith("return") and tok.head.lower_ in _RETURN_PREPS)
            or ((verb.lower_ in lx.DEPART_VERBS or _goes_home(verb)) and tok.head.lower_ == "after")
        )
        if (
            verb.lower_ in _BEGIN_VERBS
            and tok.dep_ in {"dobj", "pobj"}
            and self.ctx.dates_for(tok, through_talks=False)
        ):
            return "start", None  # "began a state visit to Mongolia on Monday": its first day
        if verb.lower_ in _BEGIN_VERBS and tok.dep_ == "dobj":
            # "started his visit with talks with X on Tuesday": the day of what it began with
            for w in prep_objects(verb, {"with", "by"}):
                if self.ctx.dates_for(w, through_talks=True):
                    return "start", w
        if verb.lower_ not in _ENDING_VERBS and not returned and not _cut_short(verb):
            return "full", None  # "returned from a three-day trip to Brazil on Sunday" ends then
        if self.ctx.dates_for(tok):
            return "end", None
        participle = verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"}
        if participle and not self.ctx.dates_for(verb):
            # up the chain of clauses to the one that has the day ("On Wednesday, she will travel
            # to Valparaiso to address Congress, wrapping up the Chile leg")
            node = verb.head
            for _ in range(3):
                if (
                    self.ctx.dates_for(node)
                    or node.head == node
                    or node.dep_ not in {"advcl", "xcomp", "conj"}
                ):
                    break
                node = node.head
            return "end", node
        return "end", verb

    def _placeless(self, tok: Token, visitors: list[PersonCluster]) -> None:
        """ "a three-day official visit": dates and status for a visit named elsewhere."""
        verb = governing_verb(tok)
        tense = self._noun_tense(tok, verb)
        role, anchor = self._noun_date_role(tok, verb)
        dates = self._dates(anchor or tok, tense)
        day = self._day_of_visit(tok, tense)
        if day is not None:
            dates, role = day
        status = self._status(tok, tense, [d for d, _ in dates])
        roles: list[DateRole] = [role for _ in dates]
        clauses = [c for c in tok.children if c.dep_ in {"relcl", "acl"}]
        clauses += [g for c in clauses for g in c.children if g.dep_ == "conj" and is_verb(g)]
        for c in clauses:  # (the conjuncts: "that began on Sunday and runs until Wednesday")
            if c.lower_ in _BEGIN_VERBS:
                # "is on a visit that began on Sunday": the clause's day is the first
                for d, _ in self._dates(c, self.ctx.tense(c)):
                    dates.append((d, d.text))
                    roles.append("start")
            # (the pipeline has no lemmatizer: the forms themselves)
            took_place = c.lower_ in {"take", "takes", "took", "taken", "taking"} and any(
                o.lower_ == "place" for o in c.children if o.dep_ == "dobj"
            )
            if c.lower_ in _LASTING_VERBS or took_place:
                # "his visit, which will last until November 25", "the visit, which took place from
                # 10 to 13 March": the visit's own days
                for d, _ in self._dates(c, self.ctx.tense(c)):
                    dates.append((d, d.text))
                    # "which will last until November 25", "that runs until Friday": the last day
                    until = any(p.lower_ in {"until", "till", "through", "to"} for p in c.children)
                    ends = c.lower_ in _ENDING_VERBS  # "for a visit that ends on Tuesday"
                    roles.append("end" if (d.end and not d.start) or until or ends else "full")
        for v in visitors:
            self.candidates.append(
                VisitCandidate(
                    visitor=v,
                    host=None,
                    places=[],
                    status=status,
                    rule="visit.noun",
                    confidence=0.5,
                    evidence=[sentence(tok)],
                    dates=[(d, r) for (d, _), r in zip(dates, roles, strict=True)],
                    strength=0,
                    duration=trip_duration(tok),
                    explanation=[
                        f"no destination in '{sentence(tok).text.strip()[:60]}': "
                        "merged into a visit named elsewhere"
                    ],
                )
            )

    def _noun_tense(self, tok: Token, verb: Token) -> Tense:
        for c in tok.children:
            if c.lower_ in lx.PLANNED_ADJ:
                return "future"
            if c.lower_ in {"recent", "previous", "earlier", "last"}:
                return "past"
        if verb == tok:
            return "present"
        node = verb
        for _ in range(3):
            # "flew home on Friday, ending a four-day visit": a participle is told in its clause's tense
            if not (
                node.tag_ == "VBG"
                and node.dep_ in {"advcl", "xcomp", "conj"}
                and not any(c.dep_ in {"aux", "auxpass"} for c in node.children)
            ):
                break
            node = node.head
        return self.ctx.tense(node)

    def _taken_to(self, tok: Token) -> None:
        """ "The final leg takes him to Singapore from 14 to 15 March", "a tour that will also take
        her to Hanoi": a trip as the subject of "take" carries the people it takes to the places."""
        subj = subjects(tok)
        if any(s.tag_ == "WDT" or s.lower_ == "that" for s in subj):
            # "a tour in Lima on Monday that will take him to Santiago" (the relative clause parsed far
            # from its noun): the trip noun nearest before it
            subj = [t for t in sentence(tok) if t.i < tok.i and t.lower_ in _TRIP_SUBJECTS][-1:]
        if not any(s.lower_ in _TRIP_SUBJECTS for s in subj) or self._negated(tok):
            return
        people = [c for c in tok.children if c.dep_ == "dobj"]
        if people and all(p.lower_ in _OBJECT_PRONOUNS for p in people):
            # "takes him to Singapore": the traveller of the trip told so far, not the last man named
            last = self._last_visitor(tok.i)
            visitors = [last] if last is not None else []
        else:
            visitors = self._persons([t for p in people for t in with_conjuncts(p)])
        places = self._dest_places(list(prep_objects(tok, {"to"})))
        if visitors and places:
            tense = self.ctx.tense(tok)
            self._emit(tok, visitors, places, "visit.taken_to", tense, role="full", strength=2)

    def _brought_together(self, tok: Token) -> None:
        """ "The summit, chaired by X, also brought together A and B", "the forum gathered A and B":
        an event as the subject of a verb of bringing people together; its objects take part."""
        if not any(s.lower_ in lx.EVENT_NOUNS and s.pos_ in {"NOUN", "PROPN"} for s in subjects(tok)):
            return
        people = [t for o in objects(tok) for t in with_conjuncts(o)]
        if people:
            self._attended_by(tok, None, people)

    def _attended_by(self, tok: Token, agent: Token | None, people: list[Token] | None = None) -> None:
        """ "The summit in Samarkand was attended by X and Y", "the summit, attended by X, ...",
        "the summit, held in Samarkand and hosted by Z, which was attended by X": the people of the
        agent phrase take part in the event, so those from abroad are visitors to its place."""
        event = next(
            (c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj"} and c.lower_ in lx.EVENT_NOUNS), None
        )
        node, hops = tok, 0
        while event is None and node.head != node and hops < 6:
            node, hops = node.head, hops + 1
            if node.lower_ in lx.EVENT_NOUNS and node.pos_ in {"NOUN", "PROPN"}:
                event = node
        if event is None or self._negated(tok) or _remote(tok):
            return
        if people is None and agent is not None:
            people = [t for p in agent.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
        visitors = self._persons(people or [])
        # where: "the summit in Samarkand", "the Samarkand summit", "a summit held in Samarkand"
        anchors = [event, *(c for c in event.children if c.dep_ == "acl" and c.lower_ != tok.lower_)]
        places: list[PlaceMention] = []
        for a in anchors:
            places += self._dest_places(list(prep_objects(a, {"in", "at"})))
            for c in a.children:
                pm = self.ctx.place_at.get(c.i)
                if c.dep_ in {"compound", "nmod"} and pm is not None and pm.entity.kind == "city":
                    places.append(pm)
        if not places:
            # "the summit of East African leaders in Arusha": the parser hangs the place lower down
            places = self._dest_places(
                [
                    t
                    for t in event.subtree
                    if t.dep_ == "pobj" and t.head.lower_ in {"in", "at"} and t.i < tok.i
                ]
            )
        if not places and self.ctx.dateline is not None and self.ctx.dateline.entity.kind == "city":
            places = [self.ctx.dateline]  # "ARUSHA - The summit ... brought together X and Y"
        places = [p for p in places if p.country]
        if not places:
            return
        visitors = [
            v
            for v in visitors
            if v.named and v.country and v.office is not None and v.country != places[0].country
        ]
        if not visitors:
            return
        tense = self.ctx.tense(tok)
        # the event's month or year dates the trip ("held in Samarkand in early April"); its day is
        # the event's own
        coarse = [
            (d, dm.span.text)
            for a in anchors
            for dm in self.ctx.dates_for(a)
            for d in [self.ctx.resolve_date(dm, tense)]
            if d.granularity != "day"
        ]
        role: DateRole = "full" if coarse else "activity"
        self._emit(
            tok, visitors, places[:1], "visit.attended_by", tense, role=role, strength=1, dates=coarse[:1]
        )

    def _named_event(self, obj: Token) -> bool:
        """ "attended the APEC Economic Leaders' Week in Lima", "the Africa Climate Week", "the
        Singapore Airshow": an event under a proper name whose head says what kind of event it is
        (not "Harvard University")."""
        return obj.is_title and obj.lower_ in _NAMED_EVENT_HEADS and obj.i not in self.people.by_token

    def _listing_verb(self, tok: Token) -> Token | None:
        """ "Leaders attending the summit included X and Y", "Among those attending the summit were X
        and Y": the verb that lists the people attending."""
        group = tok.head
        if tok.dep_ != "acl" or tok.tag_ != "VBG" or group.lower_ not in _ATTENDEE_NOUNS:
            return None
        if group.dep_ == "nsubj":
            verb = group.head
        elif group.dep_ == "pobj" and group.head.lower_ == "among":
            verb = group.head.head
        else:
            return None
        return verb if verb.lower_ in _LISTING_VERBS and not self._negated(verb) else None

    def _listed(self, verb: Token, group: Token) -> list[PersonCluster]:
        # "Among those attending were X and Y": X may be parsed as the inverted subject
        listed = objects(verb) + [c for c in verb.children if c.dep_ == "nsubj" and c != group]
        return self._persons([t for c in listed for t in with_conjuncts(c)])

    def _chaired_by(self, tok: Token) -> None:
        """ "The summit, chaired by South Sudanese President X": the chair takes part."""
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None and tok.tag_ == "VBN" and not self._negated(tok):
            self._attended_by(tok, agent)

    def _attend(self, tok: Token) -> None:
        if self._negated(tok):
            return  # "had no plans to attend the summit", "will not attend"
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None and tok.tag_ == "VBN":
            self._attended_by(tok, agent)
            return
        visitors = self._visitors_of(tok)
        listing = None if visitors else self._listing_verb(tok)
        if listing is not None:
            visitors = self._listed(listing, tok.head)
        if not visitors:
            return
        places: list[PlaceMention] = []
        for obj in objects(tok):
            if (
                obj.lower_ not in lx.EVENT_NOUNS
                and not any(c.lower_ in lx.EVENT_NOUNS for c in obj.subtree)
                and not self._named_event(obj)
            ):
                continue
            for t in obj.subtree:
                # "a summit in Zurich", not "a summit on the unrest in Iran" (a topic)
                anchor = t.head.head
                of_event = anchor in (obj, tok) or (anchor.dep_ in {"relcl", "acl"} and anchor.head == obj)
                if t.dep_ == "pobj" and t.head.lower_ in {"in", "near", "at"} and of_event:
                    places.extend(self._dest_places([t]))
            # "the Beijing Olympics": a city naming the event (not "the APEC summit": a bloc)
            for c in obj.children:
                pm = self.ctx.place_at.get(c.i)
                if c.dep_ in {"compound", "nmod"} and pm is not None and pm.entity.kind == "city":
                    places.append(pm)
        places += self._dest_places(list(prep_objects(tok, {"in", "at"})))
        if not places and not objects(tok):
            # "Leaders gathered in Addis Ababa for the summit. X and Y were among those attending"
            visitors, places = self._at_event_told(tok, visitors)
        elif not places and any(o.lower_ in lx.EVENT_NOUNS for o in objects(tok)):
            # "Kenyan President X will also attend the summit" in a story set in its city
            scene = self._scene(tok.i)
            visitors = self._from_abroad(visitors, scene)
            places = [scene] if visitors and scene is not None else []
        if not places:
            return
        # "Ministers attending the conference will include X": the listing verb tells the time
        tense = self.ctx.tense(listing or tok)
        # "attended the summit in Beijing last September": a month or a year dates the trip; the day
        # of the event itself is the event's ("will attend the summit on Friday")
        coarse = [
            dm for dm in self.ctx.dates_for(tok) if self.ctx.resolve_date(dm, tense).granularity != "day"
        ]
        role: DateRole = "full" if coarse else "activity"
        self._emit(tok, visitors, places, "visit.attend", tense, role=role, strength=1)

    def _took_part(self, tok: Token) -> None:
        """Taking part told without the event, which the sentence before names: "X and Y were
        present", "Present were X and Y", "X and Y were in attendance", "X took part", "with X
        among the leaders present"."""
        low = tok.lower_
        if (
            low == "present"
            and tok.pos_ in {"ADJ", "PROPN"}
            and not list(prep_objects(tok, {"at", "in", "for"}))
        ):
            if tok.dep_ == "acomp":
                who = subjects(tok.head)
            elif tok.dep_ == "nsubj":  # "Present were X and Y"
                who = [c for c in tok.head.children if c.dep_ in {"nsubj", "attr"} and c != tok]
            else:  # "with X among the leaders present"
                who = [c for c in tok.children if c.dep_ == "nsubj"]
        elif low == "attendance" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            who = subjects(tok.head.head) if tok.head.head.lower_ in _COPULAS else []
        elif low == "part" and tok.dep_ == "dobj" and tok.head.lower_ in _TAKE_VERBS:
            who = [] if list(prep_objects(tok.head, {"in"})) else subjects(tok.head)
        elif low in _PARTICIPATE_FORMS and is_verb(tok) and not list(prep_objects(tok, {"in"})):
            who = subjects(tok)
        else:
            return
        visitors = self._persons([t for w in who for t in with_conjuncts(w)])
        if not visitors or self._negated(governing_verb(tok)):
            return
        if any(t.lower_ in lx.VIDEO_WORDS | {"remotely"} for t in sentence(tok)):
            return  # "took part virtually", "by video link": not there
        visitors, places = self._at_event_told(tok, visitors)
        if places:
            tense = self.ctx.tense(tok if is_verb(tok) else governing_verb(tok))
            self._emit(tok, visitors, places, "visit.attend", tense, role="activity", strength=1)

    def _at_event_told(
        self, tok: Token, visitors: list[PersonCluster]
    ) -> tuple[list[PersonCluster], list[PlaceMention]]:
        """Those of ``visitors`` from abroad, and the place, when ``tok`` takes part in the event
        just told, where its sentence sets it (else the story's scene)."""
        told = self._event_just_told(tok)
        if told is None:
            return [], []
        scene = self._set_in(sentence(told)) or self._scene(tok.i)
        visitors = self._from_abroad(visitors, scene)
        return (visitors, [scene]) if visitors and scene is not None else ([], [])

    def _event_just_told(self, tok: Token) -> Token | None:
        """The event ("the summit") named in the sentence of ``tok`` before it or in the sentence
        before, which an attending told without an object refers to."""
        idx = self.ctx.sentence_index(tok.i)
        start = self.ctx.sents[idx - 1].start if idx > 0 else sentence(tok).start
        events = [
            t for t in tok.doc[start : tok.i] if t.lower_ in lx.EVENT_NOUNS and t.pos_ in {"NOUN", "PROPN"}
        ]
        return events[-1] if events else None

    def _set_in(self, sent: Span) -> PlaceMention | None:
        """The place a sentence sets its events in: the first place after "in" or "at"."""
        for t in sent:
            pm = self.ctx.place_at.get(t.i)
            if pm is not None and pm.country and t.dep_ == "pobj" and t.head.lower_ in {"in", "at"}:
                return pm
        return None

    def _hosted(self, tok: Token) -> None:
        if tok.lower_.startswith("welcom") and not any(c.dep_ == "dobj" for c in tok.children):
            return
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if passive:
            # "X was hosted / received by her Indian counterpart Y": Y hosts, X is the guest
            hosts = self._persons(list(prep_objects(tok, {"by"})))
            guest_tokens = []
            guests = [g for g in self._visitors_of(tok) if g not in hosts]
        else:
            hosts = self._visitors_of(tok)
            guest_tokens = objects(tok) + list(prep_objects(tok, {"to"}))
            guests = []
        if not hosts:
            return
        for o in guest_tokens:
            pc = self.people.cluster_for_token(o)
            if pc is None:
                pc = self._unnamed_official(o)
            if pc is not None and pc not in hosts:
                guests.append(pc)
        if not guests:
            return
        host_country = next((h.country for h in hosts if h.country), None)
        places = self._dest_places(list(prep_objects(tok, {"in", "at"})))
        tense = self.ctx.tense(tok)
        if host_country is None and not places:
            return
        self._emit(
            tok,
            guests,
            places,
            "visit.hosted",
            tense,
            # "will host X at Chequers on 12 March": the day of the coming visit; "received X on
            # Saturday": the day of a meeting, not the visit's
            role="start" if tense == "future" else "activity",
            # "will host X for an official working visit in Washington on Feb. 4": the visit's day
            date_anchor=next((n for n in prep_objects(tok, {"for"}) if n.lower_ in lx.VISIT_NOUNS), None)
            if tense == "future"
            else None,
            strength=1,
            host_override=host_country if not places else None,
        )

    def _visiting_adjective(self, tok: Token) -> None:
        """ "Jordan's visiting King Abdullah II": a visitor whose host is the story's setting."""
        pc = self.people.cluster_for_token(tok.head)
        if pc is None:
            return
        verb = governing_verb(tok.head)
        hosts = self._visitors_of(verb) if verb != tok.head else []
        host_country = next((h.country for h in hosts if h.country and h is not pc), None)
        places = self._dest_places(list(prep_objects(verb, {"in"}))) if verb != tok.head else []
        if host_country is None and not places:
            return
        self._emit(
            tok,
            [pc],
            places,
            "visit.visiting",
            "present",
            role="activity",
            strength=1,
            host_override=host_country,
        )

    def _presence(self, tok: Token) -> None:
        """ "X, currently in Kazakhstan, said ...": the official is abroad now."""
        doc = self.ctx.doc
        nxt = tok.i + 1
        if nxt >= len(doc) or doc[nxt].lower_ not in {"in", "at"}:
            return
        places = self._dest_places([c for c in doc[nxt].children if c.dep_ == "pobj"])
        if not places:
            return
        anchor = doc[nxt].head
        pc = self.people.cluster_for_token(anchor)
        if pc is None:
            verb = governing_verb(anchor)
            vs = self._visitors_of(verb)
            pc = vs[0] if vs else None
        if pc is None:
            return
        self._emit(
            tok, [pc], places, "visit.presence", "present", role="activity", strength=2, status="ongoing"
        )

    def _copula_in(self, tok: Token) -> None:
        """ "X is in Hanoi for talks", "X was in Japan last week": the official is (was) there."""
        heads = [tok] + [o for o in objects(tok) if o.lower_ in lx.MEETING_NOUNS]  # "held talks in Cairo"
        preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}]
        places = self._dest_places([g for p in preps for g in p.children if g.dep_ == "pobj"])
        if not places or not any(p.entity.kind in {"country", "city"} for p in places):
            return
        visitors = [v for v in self._visitors_of(tok) if v.named and v.office is not None]
        if not visitors:
            return
        tense: Tense = "past" if tok.lower_ in {"was", "were"} else "present"
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in tok.children):
            tense = "future"  # "will be in Hanoi on Monday and Tuesday": the coming days
        # "was in Egypt from Aug. 3 to 5 and in Jordan on Aug. 6": each place with the dates told
        # after it (the parser hangs the second "in" on the first one or on the dates)
        heads = preps + [c for c in tok.children if c.dep_ == "prep"]
        legs = [pm for pm in self._conjoined_places(heads, {"in", "at"}) if pm not in places]
        if legs and len({pm.country for pm in [*places, *legs]}) > 1:
            for pm, told in self._told_after([*places, *legs], tok, tense):
                self._emit(tok, visitors, [pm], "visit.presence", tense, role="full", strength=2, dates=told)
            return
        self._emit(tok, visitors, places, "visit.presence", tense, role="full", strength=2)

    def _stop(self, tok: Token) -> None:
        """ "in Pakistan — Shoukry's fourth stop on his Asian tour"; "made a brief stop in Doha"."""
        owner = None
        for c in tok.children:
            if c.dep_ == "poss":
                owner = self.people.cluster_for_token(c)
        if owner is None and tok.lower_ == "stop" and tok.dep_ == "dobj" and tok.head.lower_ in _MAKE_VERBS:
            # "made a brief stop in Doha on his way back from Washington"
            at = [p for p in self._dest_places(list(prep_objects(tok, {"in", "at"}))) if p.country]
            visitors = self._visitors_of(tok.head)
            if at and visitors and not self._negated(tok.head):
                tense = self.ctx.tense(tok.head)
                self._emit(tok, visitors, at[:1], "visit.stop", tense, role="activity", strength=1)
            return
        if owner is None:
            return
        places: list[PlaceMention] = []
        if tok.dep_ == "appos":
            places = self._dest_places([tok.head])
        if not places:
            # "met ... in Pakistan — Shoukry's fourth stop": the place before the dash
            first = min(t.i for t in tok.subtree)
            if first > 0 and self.ctx.doc[first - 1].text in {"—", "–", "-", ","}:
                pm = self.ctx.place_before(first - 1)
                if pm is not None and not pm.is_demonym:
                    places = [pm]
        if not places:
            return
        verb = governing_verb(tok.head)
        tense = self.ctx.tense(verb)
        self._emit(tok, [owner], places, "visit.stop", tense, role="activity", strength=1)

    # ---------------------------------------------------------------- emit
    def _negated(self, tok: Token) -> bool:
        return is_negated(tok) or is_speculative(tok)

    def _dates(self, tok: Token, tense: Tense) -> list[tuple[m.DateRange, str]]:
        out = []
        for dm in self.ctx.dates_for(tok, through_talks=False):
            out.append((self.ctx.resolve_date(dm, tense), dm.span.text))
        return out

    def _status(self, tok: Token, tense: Tense, dates: list[m.DateRange], role: DateRole = "full") -> str:
        context = _context_tokens(tok)
        words = {t.lower_ for t in context}
        if words & lx.CANCEL_WORDS or is_called_off(context) or _plan_given_up(tok):
            return "cancelled"
        published = self.ctx.published
        if (
            tense == "future"
            or words & lx.PLANNED_ADJ & {"planned", "upcoming", "forthcoming"}
            or (not is_verb(tok) and is_anticipated(tok))  # "in the run-up to his visit to China"
        ):
            return "planned"
        if published is not None:
            for d in dates:
                if d.start and dt.date.fromisoformat(d.start) > published and role != "end":
                    return "planned"  # (a last day to come does not make the trip a plan)
                if (
                    role == "end"
                    and d.end
                    and tense in {"past", "perfect"}
                    and d.end <= published.isoformat()
                ):
                    return "completed"  # "returned home on Thursday after a trip to Jordan": told as over
                if role != "full":
                    continue  # the day of departure or of one activity does not end the visit
                days = trip_duration(tok) or 1
                if d.start == d.end and (
                    governing_verb(tok).lower_ in lx.ARRIVE_VERBS | lx.DEPART_VERBS | _BEGIN_VERBS or days > 1
                ):
                    # "arrived on Monday for a state visit", "kicked off a two-day trip on Monday":
                    # the first day, not the end; the trip's length, when told, gives its last day
                    if d.start and days > 1 and tense in {"past", "perfect"}:
                        last = dt.date.fromisoformat(d.start) + dt.timedelta(days=days - 1)
                        if last < published:
                            return "completed"
                    continue
                if (
                    d.end
                    and dt.date.fromisoformat(d.end) < published
                    and (
                        tense in {"past", "perfect"}
                        or d.end < (published - dt.timedelta(days=14)).isoformat()
                    )
                ):
                    return "completed"
        if words & {"recent", "previous", "earlier", "concluded", "wrapped", "ended", "already", "last"}:
            return "completed"
        if _ending(tok, tense):
            return "completed"  # "has returned from a week-long trip to China"
        if tense == "perfect" and tok.lower_ in _VISITED_FORMS:
            return "completed"  # "he has (already) visited Argentina"; not "has arrived in"
        # (with no publication date, a dated day's year is the text's own: DocContext.resolve_date)
        if tense == "past" and published is None and (not dates or any(d.start or d.end for d in dates)):
            # no reference date: a trip told in the past, or dated in a past year, is over
            if tok.lower_ not in lx.ARRIVE_VERBS:
                return "completed"
        return "ongoing"

    def _emit(
        self,
        tok: Token,
        visitors: list[PersonCluster],
        places: list[PlaceMention],
        rule: str,
        tense: Tense,
        *,
        role: DateRole,
        strength: int,
        origin: str | None = None,
        status: str | None = None,
        host_override: str | None = None,
        date_anchor: Token | None = None,
        dates: list[tuple[m.DateRange, str]] | None = None,
    ) -> None:
        if places:
            self._destinations.append((tok.i, places[0]))
        if dates is None:
            dates = self._dates(date_anchor or tok, tense)
            if not dates and role == "start" and tok.dep_ == "conj" and tok.head.lower_ in _ENDING_VERBS:
                # "concluded a visit to Japan on Wednesday and flew to Seoul": the same day
                ended = [
                    tok.head,
                    *(c for c in tok.head.children if c.dep_ == "dobj" and c.lower_ in lx.VISIT_NOUNS),
                ]
                dates = [
                    (d, t) for a in ended for d, t in self._dates(a, tense) if d.granularity in {None, "day"}
                ][:1]
            begun = self._starting(tok) if not dates else None
            if begun is not None:
                # "a three-day visit to Portugal starting March 20": the first day
                dates, role = self._dates(begun, tense), "start"
        if not dates and role == "start" and tense in {"perfect", "present"} and self.ctx.published:
            # "has arrived in Germany", "has departed Abuja": the arrival is the publication day.
            day = self.ctx.published.isoformat()
            aux = [c for c in tok.children if c.dep_ == "aux"]
            first = min([tok, *aux], key=lambda t: t.i)
            text = tok.doc[first.i : tok.i + 1].text
            dates = [
                (m.DateRange(start=day, end=day, granularity="day", year_inferred=True, text=text), text)
            ]
            role = "start"
        if _invited_only(tok) and not any(_agreed(d) for d, _ in dates):
            return  # "was invited to visit Poland later this year": an invitation, not a planned visit
        hosts = _hosts(places)
        duration, trip_scope = trip_duration(tok), _names_a_tour(tok)
        explanation = [f"trigger '{tok.text}' ({rule}), tense {tense}"]
        if duration is not None:
            explanation.append(f"{'the tour' if trip_scope else 'the visit'} lasts {duration} days")
        # a day of departure: one day told with the travel verb ("will fly to X on Monday"), not a
        # range ("traveled to Brasilia April 16-17": the leg's own days) and not no day at all
        departs = (
            rule in {"visit.travel", "visit.departed"}
            and role == "start"
            and any(d.start and d.end in {None, d.start} for d, _ in dates)
        )
        st = status or self._status(tok, tense, [d for d, _ in dates], role)
        if host_override is not None:
            hosts = [(host_override, [p for p in places if p.country == host_override])]
        # a trip to a region ("North Africa") or to a place no table knows: a visit without a host
        region = next((p for p in places if not p.country), None)
        for visitor in visitors:
            if not _is_official(visitor) or visitor.family:
                continue  # a spouse or relative travelling along is not an official party
            if visitor.office is not None and visitor.office.posting is not None:
                if any(h == visitor.office.posting for h, _ in hosts):
                    continue  # an ambassador arriving at their post is not a visit
            legs = hosts
            if not legs and region is not None:
                legs = [(None, [region])]
            for n, (host, host_places) in enumerate(legs):
                leg_dates: list[tuple[m.DateRange, DateRole]] = []
                for d, _ in dates:
                    d_role = role
                    if (
                        (role in {"start", "end"} or (role == "activity" and d.granularity in {None, "day"}))
                        and d.start
                        and d.end
                        and d.start != d.end
                    ):
                        # "will travel to Canberra from 12 to 14 March", "In Buenos Aires, from 4 to
                        # 6 March, she will meet X": a range of days is the stay, not one act
                        d_role = "full"
                    elif d.end and not d.start and not d.start_partial:
                        d_role = "end"  # "a three-day visit through Thursday", "until November 25"
                    elif d.start and not d.end and not d.end_partial and role == "full":
                        d_role = "start"  # "since Monday"
                    if len(legs) > 1 and d.start != d.end and d_role == "full":
                        # An itinerary: the range opens with the first leg and closes with the last.
                        if n == 0:
                            leg_dates.append((_open_end(d), "start"))
                        elif n == len(legs) - 1:
                            leg_dates.append((_open_start(d), "end"))
                    elif len(legs) > 1 and d.granularity in {None, "day"} and d_role == "end":
                        # "returned on Thursday after a trip to Egypt and Jordan": the last leg's day
                        if n == len(legs) - 1:
                            leg_dates.append((d, d_role))
                    elif len(legs) > 1 and d.granularity in {None, "day"}:
                        # "arrived on Monday for a visit to Chile and Uruguay": the first leg's day
                        if n == 0:
                            leg_dates.append((d, "start" if d_role == "full" else d_role))
                    else:
                        leg_dates.append((d, d_role))
                cities = [p for p in host_places if p.entity.kind in {"city", "site"}]
                self.candidates.append(
                    VisitCandidate(
                        visitor=visitor,
                        host=host,
                        places=cities,
                        status=st,
                        rule=rule,
                        confidence=_confidence(rule, visitor),
                        evidence=[sentence(tok)],
                        dates=leg_dates,
                        strength=strength,
                        origin=origin,
                        explanation=[*explanation, f"status {st}"],
                        region=region if host is None else None,
                        # "returns to Adelaide", "flies home to Adelaide", "headed back to"
                        returning=tok.lower_.startswith("return")
                        or _goes_home(tok)
                        or any(c.lower_ == "back" for c in tok.children),
                        tenses={tense},
                        ended=st == "completed" and _ending(tok, tense),
                        leg=(tok.i, n) if len(legs) > 1 else None,
                        current=(len(legs) > 1 and n == 0 and _at_the_start(tok))
                        or (rule == "visit.presence" and tense == "present"),
                        duration=duration if len(legs) == 1 and not trip_scope else None,
                        trip_days=duration if trip_scope or len(legs) > 1 else None,
                        by_departure=departs,
                    )
                )


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
}  # fmt: skip


def trip_duration(tok: Token) -> int | None:
    """Days of a trip the trigger names: "a three-day visit", "his 3-day trip", "a two-day official
    visit"; for a verb, of the visit it goes on ("arrived on a three-day visit")."""
    nouns = [tok] if tok.lower_ in lx.VISIT_NOUNS else []
    # "is due in Tokyo on Sunday for a three-day visit": the copula holds the adjective's objects
    around = [*tok.children, *(tok.head.children if tok.dep_ == "acomp" else [])]
    if not nouns:
        for c in around:
            if c.dep_ == "prep" and c.lower_ in {"on", "for"}:
                nouns += [g for g in c.children if g.dep_ == "pobj" and g.lower_ in lx.VISIT_NOUNS]
            if c.dep_ in {"npadvmod", "appos", "dobj"} and c.lower_ in lx.VISIT_NOUNS:
                nouns.append(c)  # "has arrived in Germany ..., a three-day trip meant to ..."
    # "for the first state visit in 24 years, a three-day trip meant to ...": its apposition
    nouns += [a for n in list(nouns) for a in n.children if a.dep_ == "appos" and a.lower_ in lx.VISIT_NOUNS]
    found = _duration_of(nouns)
    if found is None and tok.pos_ != "NOUN":
        # "will visit Portugal for three days", "will be in Rome for two days"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                for g in c.children:
                    if g.dep_ == "pobj" and g.lower_ == "days":
                        n = next((_number(x.lower_) for x in g.children if x.dep_ == "nummod"), None)
                        found = found or n
            if c.dep_ == "dobj" and c.lower_ == "days" and tok.lower_ in lx.SPEND_VERBS:
                # "will spend three days in Japan"
                found = found or next((_number(x.lower_) for x in c.children if x.dep_ == "nummod"), None)
    if found is None and tok.lower_ in _TAKE_VERBS:
        # "The three-day visit will take Mr Wong to Wellington and Auckland": the trip's own length
        # (a tour's length is the whole tour's, not one stop's)
        found = _duration_of([s for s in subjects(tok) if s.lower_ in {"visit", "trip", "stay"}])
    if found is None and tok.lower_ in lx.ARRIVE_VERBS | lx.DEPART_VERBS:
        # whatever the parser made of the apposition: a single-country trip named in the
        # arrival's sentence (not "a tour that will also take her to ...")
        found = _duration_of([t for t in sentence(tok) if t.i > tok.i and _single_trip(t)])
    return found


def _single_trip(t: Token) -> bool:
    if t.lower_ not in {"visit", "trip", "stay"}:
        return False
    return not any(
        c.dep_ in {"relcl", "acl", "prep"} and c.lower_ in {"to", "that", "which"} for c in t.children
    )


def _duration_of(nouns: list[Token]) -> int | None:
    for noun in nouns:
        doc = noun.doc
        for k in range(noun.left_edge.i, noun.i):
            t = doc[k]
            if t.lower_ in {"day", "days"} and k >= 2 and doc[k - 1].text in {"-", "‑"}:
                n = _number(doc[k - 2].lower_)
                if n is not None:
                    return n
            head, _, tail = t.lower_.partition("-")
            if tail in {"day", "days"}:
                n = _number(head)
                if n is not None:
                    return n
    return None


_VISITED_FORMS = frozenset({"visited", "toured", "been"})
# "returned from a trip to Peru", "returned home after a trip to Peru": the trip is over.
_RETURN_PREPS = frozenset({"from", "after"})


def _ending(tok: Token, tense: Tense) -> bool:
    """ "has wrapped up an East African tour", "concluded his visit", "returned from a trip": told
    as over, whatever else the text says of the trip's days."""
    if tense not in {"past", "perfect"}:
        return False
    verb = governing_verb(tok)
    return (
        verb.lower_ in _ENDING_VERBS
        or _cut_short(verb)
        or (verb.lower_.startswith("return") and tok.head.lower_ in _RETURN_PREPS)
    )


def _cut_short(verb: Token) -> bool:
    """ "cut short his visit", "cut the visit short": the trip ended, early."""
    return verb.lower_ in {"cut", "cuts", "cutting"} and any(c.lower_ == "short" for c in verb.children)


def _speaker_of_sentence(tok: Token) -> bool:
    """ "..., Diko said": the subject of a reporting verb tells the list, it is not in it."""
    node = tok
    while node.dep_ in {"compound", "flat", "appos"} and node.head != node:
        node = node.head
    return node.dep_ == "nsubj" and node.head.lower_ in lx.REPORT_VERBS


# "the possibility of a visit", "reports of a trip to Tokyo", "speculation about a visit": a trip
# talked about, not one the text tells
_HEARSAY = frozenset("reports report rumours rumors rumour rumor speculation".split())
_MOOTED = frozenset("possibility prospect idea proposal option question possible".split()) | _HEARSAY


def _mooted(tok: Token) -> bool:
    """ "discussed the possibility of a visit to Beijing", "the idea of a trip": not a plan."""
    node = tok
    for _ in range(3):
        if node.head == node:
            return False
        prev, node = node, node.head
        if node.lower_ in _MOOTED:
            # "a report on the visit" tells the visit; "reports of a trip" only talk of one
            return not (node.lower_ in _HEARSAY and prev.lower_ == "on")
        if node.dep_ not in {"prep", "pobj"} and node.lower_ != "of":
            return False
    return False


_ATTENDEE_NOUNS = frozenset(
    """leaders heads ministers participants delegates dignitaries guests attendees those others
    presidents officials""".split()
)
# Heads of the proper names of events one attends ("Leaders' Week", "Independence Day parade")
_NAMED_EVENT_HEADS = frozenset(
    """week festival congress convention symposium parade coronation retreat roundtable fair jubilee
    championship championships cup wedding rally airshow show expo biennale dialogue day days
    games olympics jamboree""".split()
)


def _plan_given_up(tok: Token) -> bool:
    """ "abandoned plans to travel to China", "shelved a plan to visit": the plan's verb cancels."""
    node = tok
    if node.dep_ in {"acl", "xcomp"} and node.head.lower_ in {"plan", "plans", "idea", "intention"}:
        plan = node.head
        return plan.dep_ in {"dobj", "nsubjpass"} and plan.head.lower_ in lx.CANCEL_WORDS
    return False


def _set_off(tok: Token) -> bool:
    """ "set off for Moscow", "sets out for Kyiv": a departure on a trip."""
    return tok.lower_ in {"set", "sets", "setting"} and any(
        c.lower_ in {"off", "out"} and c.dep_ in {"prt", "advmod"} for c in tok.children
    )


def _touched_down(tok: Token) -> bool:
    """ "touched down in Tokyo", "flew in on Thursday from Cairo", "jetted in late on Monday": an
    arrival (a journey's verb with a bare "in" arrives where the story is)."""
    if tok.lower_ in {"touch", "touches", "touched", "touching"}:
        return any(c.lower_ == "down" and c.dep_ in {"prt", "advmod"} for c in tok.children)
    return tok.lower_ in lx.MOTION_VERBS and any(
        c.lower_ == "in" and c.dep_ in {"prt", "advmod", "prep"} and not list(c.children)
        for c in tok.children
    )


# every form of the verbs that begin a trip ("began", "kicks off", "is embarking on", "commenced")
_BEGIN_VERBS = frozenset(
    """begin begins began begun beginning start starts started starting kick kicks kicked kicking
    embark embarks embarked embarking launch launches launched launching open opens opened opening
    commence commences commenced commencing""".split()
)
_PARTICIPATION_WORDS = frozenset("present attendance part participated participating participates".split())
_COPULAS = frozenset("is are was were been be".split())
_PARTICIPATE_FORMS = frozenset("participated participating participates participate".split())
_MAKE_VERBS = frozenset("make makes made making".split())
_OBJECT_PRONOUNS = frozenset("him her them".split())
_TAKE_VERBS = frozenset("take takes took taken taking".split())
_FUTURE_MODALS = frozenset("will shall 'll would".split())
_STARTING_WORDS = frozenset("starting beginning commencing".split())
_LEFT_PLACE_WORDS = frozenset("country capital city".split())
_TRIP_SUBJECTS = lx.VISIT_NOUNS | frozenset("leg legs swing stop itinerary programme program".split())
_LISTING_VERBS = frozenset("include includes included including are were is was be".split())
_INVITE_WORDS = frozenset("invite invites invited inviting invitation invitations".split())
_ACCEPT_WORDS = frozenset(
    "accept accepts accepted accepting acceptance take takes took taken taking honour honor".split()
)


def _invited_only(tok: Token) -> bool:
    """ "invited him to visit Nepal", "has been invited to pay a visit", "an invitation to visit":
    the trip is the content of an invitation. "at the invitation of X" is not (the visit happens), nor
    is an accepted invitation ("accepted an invitation to visit")."""
    node = tok
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ not in {"xcomp", "acl", "dobj", "pobj", "prep", "aux", "ccomp", "relcl"}:
            return False
        node = node.head
        if node.lower_ in _INVITE_WORDS:
            if node.pos_ in {"NOUN", "PROPN"} and any(c.lower_ == "of" for c in node.children):
                return False  # "at the invitation of the President"
            head = node.head
            return not (head.lower_ in _ACCEPT_WORDS or any(c.lower_ in _ACCEPT_WORDS for c in node.children))
    return False


def _agreed(d: m.DateRange) -> bool:
    """A date an invitation names as agreed: a day or a month, not "later this year" or "soon"."""
    return d.granularity in {"day", "month"} and not (d.start and d.end and d.start[:7] != d.end[:7])


def _remote(tok: Token) -> bool:
    """ "by video link", "via videoconference", "virtually", "a virtual summit": taking part from afar."""
    words = lx.VIDEO_WORDS | {"telephone", "phone"}
    for c in tok.children:
        if c.lower_ in words:
            return True
        if c.dep_ == "prep" and c.lower_ in {"by", "via", "over", "through"}:
            if any(t.lower_ in words for t in c.subtree):
                return True
    return False


def _at_the_start(tok: Token) -> bool:
    """ "at the start of her first official visit to Paris, Brussels and Warsaw": the first leg is
    where the visitor is now."""
    head = tok.head
    return head.lower_ == "of" and head.head.lower_ in {"start", "beginning", "outset", "first"}


def _names_a_tour(tok: Token) -> bool:
    """ "a four-day tour that will also take her to Kyrgyzstan": the days are the whole trip's."""
    nouns = [tok] + [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(n.lower_ in {"tour", "tours", "trip"} and _has_more_legs(n) for n in nouns) or any(
        n.lower_ in {"tour", "tours"} for n in nouns
    )


def _has_more_legs(noun: Token) -> bool:
    return any(c.dep_ in {"relcl", "acl"} for c in noun.children)


_ORDINALS = {
    "first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}  # fmt: skip


def _number(word: str) -> int | None:
    if word.isdigit() and 0 < int(word) < 60:
        return int(word)
    return _NUMBER_WORDS.get(word)


def _goes_home(tok: Token) -> bool:
    """ "flies home", "will emplane for home", "left for home"."""
    return any(
        c.lower_ == "home" or (c.dep_ == "prep" and any(g.lower_ == "home" for g in c.children))
        for c in tok.children
    )


def _context_tokens(tok: Token) -> list[Token]:
    verb = governing_verb(tok)
    out = [*list(tok.children), tok]
    if verb != tok:
        out.append(verb)
        out.extend(verb.children)
    return out


def _hosts(places: list[PlaceMention]) -> list[tuple[str | None, list[PlaceMention]]]:
    """Group destinations by the country they are in, in order of mention."""
    out: list[tuple[str | None, list[PlaceMention]]] = []
    for p in places:
        if p.entity.kind == "region" and p.entity.country is None:
            continue
        country = p.country
        if country is None:
            continue
        for host, plist in out:
            if host == country:
                plist.append(p)
                break
        else:
            out.append((country, [p]))
    return out


def _open_end(d: m.DateRange) -> m.DateRange:
    return d.model_copy(update={"end": None, "end_partial": None})


def _open_start(d: m.DateRange) -> m.DateRange:
    return d.model_copy(update={"start": None, "start_partial": None})


def _is_official(c: PersonCluster) -> bool:
    """Visitors are officials: a named person, or an unnamed role with an office."""
    return c.named or c.office is not None


def _confidence(rule: str, visitor: PersonCluster) -> float:
    base = {
        "visit.verb": 0.9,
        "visit.arrived": 0.9,
        "visit.departed": 0.85,
        "visit.noun": 0.8,
        "visit.presence": 0.85,
        "visit.stay": 0.8,
        "visit.travel": 0.75,
        "visit.led": 0.8,
        "visit.expected": 0.75,
        "visit.attend": 0.75,
        "visit.attended_by": 0.7,
        "visit.taken_to": 0.75,
        "visit.hosted": 0.75,
        "visit.visiting": 0.7,
        "visit.stop": 0.75,
        "visit.itinerary": 0.75,
    }.get(rule, 0.6)
    if not visitor.named:
        base -= 0.15
    if visitor.office is None:
        base -= 0.1
    return round(max(0.05, min(1.0, base)), 2)


__all__ = ["VisitRules"]
