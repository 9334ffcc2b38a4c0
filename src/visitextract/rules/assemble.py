"""From a processed Doc to an ``Extraction``: run the rules, then reconcile what they found.

The rules see one sentence at a time; this module sees the whole article. It merges the mentions of
one visit, fills the countries the sentences left open (a departure city is home; the people a
visitor meets abroad belong to the host country; whoever invites a visitor is a host), puts
meetings at the place of the visit they happen in, and turns clusters into contract records.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span

from visitextract import models as m
from visitextract.errors import Errors
from visitextract.normalize.gazetteer import Gazetteer
from visitextract.pipeline.entities import NESTED_KEY
from visitextract.rules import lexicon as lx
from visitextract.rules.candidates import MeetingCandidate, StatementCandidate, VisitCandidate
from visitextract.rules.context import DocContext, PlaceMention
from visitextract.rules.meetings import MeetingRules
from visitextract.rules.people import PeopleResolver, PersonCluster, slug
from visitextract.rules.repair import reattach_fronted_days, repair_headline_verbs
from visitextract.rules.statements import StatementRules
from visitextract.rules.syntax import is_called_off, is_verb, sentence
from visitextract.rules.visits import VisitRules

_COMPANION_VERBS = frozenset(
    """accompanied accompany accompanies accompanying joined join joins travelling traveling
    includes include included comprising""".split()
)
_STATUS_ORDER = {"ongoing": 3, "planned": 2, "completed": 1, "cancelled": 0}
_RESIDENT_CATEGORIES = {"ambassador"}


def assemble(doc: Doc, published: dt.date | None, doc_id: str | None, gazetteer: Gazetteer) -> m.Extraction:
    """Build the Extraction for one processed Doc."""
    if len(doc) and not doc.has_annotation("DEP"):
        raise ValueError(Errors.E034.format(pipeline=doc.lang_))
    reattach_fronted_days(doc)
    repair_headline_verbs(doc)
    ctx = DocContext.build(doc, published, gazetteer)
    people = PeopleResolver(ctx)
    statements = StatementRules(ctx, people).run()
    meetings = MeetingRules(ctx, people).run()
    rules = VisitRules(ctx, people)
    visit_cands = rules.run()

    _countries_from_travel(visit_cands)
    _countries_from_invitations(ctx, people, visit_cands)
    # a companion takes the principal's country from the text first, else once the principal has
    # the story's home country
    _countries_from_companions(rules.companions)
    _countries_from_home(ctx, people, visit_cands)
    _countries_from_companions(rules.companions)
    visits = _merge_visits(ctx, visit_cands)
    _countries_from_meetings(meetings, visits, rules.companions)
    # the attendees a story lists without a country are its own side's (a host agency lists the
    # host's officials, the visitor's press the delegation): the story's home country
    attendees = {id(p) for mc in meetings for p in mc.attendees}
    _countries_from_home(ctx, people, visit_cands, include_all=True, attendees=attendees)
    visits = _merge_visits(ctx, visit_cands)
    visit_cands += _companion_visits(ctx, rules.companions, visits)
    implied = _visits_from_meetings(ctx, meetings, visits)
    # a companion of a trip known only from its talks abroad makes it too ("X will hold talks with
    # Y in Tokyo. Z will join them")
    implied += _companion_visits(ctx, rules.companions, implied)
    visits = _merge_visits(ctx, visit_cands + implied)
    _dates_within_visits(ctx, meetings, visits)
    _place_meetings(meetings, visits)
    _places_from_meetings(meetings, visits)
    _status_from_meetings(ctx, meetings, visits)
    _one_place_at_a_time(ctx, visits)
    _changed_plans(ctx, people, visits, meetings)
    meetings = _merge_meetings(meetings)
    # after the merge: mentions of one meeting are merged on the dates the text gives them
    _dates_from_visits(ctx, meetings, visits)
    return _build(ctx, people, visits, meetings, statements, doc_id)


# ---------------------------------------------------------------- countries
def _countries_from_travel(cands: list[VisitCandidate]) -> None:
    """ "left Tokyo for the United States": the place of departure is the traveller's country."""
    for c in cands:
        if c.origin and c.visitor.country is None and c.host != c.origin:
            c.visitor.set_country(c.origin, "departure")


def _countries_from_invitations(ctx: DocContext, people: PeopleResolver, cands: list[VisitCandidate]) -> None:
    """ "a visit to Japan at the invitation of Prime Minister X": X belongs to the host country."""
    for c in cands:
        if c.host is None:
            continue
        sent = c.evidence[0]
        for tok in sent:
            if tok.lower_ != "invitation":
                continue
            for t in tok.subtree:
                host = people.by_token.get(t.i)
                if host is not None and host is not c.visitor:
                    host.set_country(c.host, "invitation")


def _home_country(
    ctx: DocContext,
    people: PeopleResolver,
    hosts: set[str],
    cluster: PersonCluster,
    own_hosts: AbstractSet[str] = frozenset(),
) -> str | None:
    """The country an unqualified official belongs to: the dateline's, else the story's own.

    News names foreign officials with a demonym ("Chinese President Xi") and its own without one
    ("Prime Minister Takaichi"), so the story's country is the most named country that is neither
    visited nor used to qualify someone, nor the country of this person's counterpart. A dateline
    in a country that one of the story's own officials is visiting ("ATHENS - Foreign Minister X
    arrived ...") says where the correspondent travelled, not whose story it is.
    """
    if (
        ctx.dateline is not None
        and ctx.dateline.country
        and len(ctx.dateline.country) == 3
        and ctx.dateline.country not in hosts
        and ctx.dateline.country not in own_hosts
        and not (
            cluster.counterpart_of is not None
            and people.clusters[cluster.counterpart_of].country == ctx.dateline.country
        )
    ):
        return ctx.dateline.country
    counts: Counter[str] = Counter()
    for pm in ctx.places:
        if pm.country and len(pm.country) == 3 and pm.entity.kind in {"country", "city", "site"}:
            counts[pm.country] += 1
    if not counts:
        return None
    qualifiers = {
        c.text_country
        for c in people.clusters
        if c.text_country and c.text_source in {"demonym", "counterpart"}
    }
    counterparts = {c.country for c in people.clusters if c.counterpart_of == cluster.key and c.country}
    if cluster.counterpart_of is not None:
        counterparts.add(people.clusters[cluster.counterpart_of].country or "")
    ranked_all = sorted(((n, c) for c, n in counts.items() if c not in counterparts), reverse=True)
    if (
        ranked_all
        and ranked_all[0][1] in own_hosts
        and ranked_all[0][0] >= 3
        # a story that qualifies that country's officials ("Brazil's minister") is told from abroad
        and ranked_all[0][1] not in qualifiers
    ):
        # A story that names one country far more than any other is told from there: a "visit"
        # to it by someone without a country of their own is most likely a domestic trip.
        others = [n for n, c in ranked_all if c not in hosts]
        if not others or others[0] * 3 < ranked_all[0][0]:
            return ranked_all[0][1]
    # never the country this person is said to visit: "Speaker X landed in Taipei" says nothing
    # of X's own country
    for excluded in (hosts | counterparts, counterparts | set(own_hosts)):
        ranked = sorted(((n, c) for c, n in counts.items() if c not in excluded), reverse=True)
        if not ranked:
            continue
        top_n, top = ranked[0]
        if top in qualifiers:
            plain = [(n, c) for n, c in ranked if c not in qualifiers]
            if plain and plain[0][0] * 2 >= top_n:
                return plain[0][1]
        if len(ranked) > 1 and ranked[1][0] == top_n:
            return None
        return top
    return None


def _countries_from_home(
    ctx: DocContext,
    people: PeopleResolver,
    cands: list[VisitCandidate],
    *,
    include_all: bool = False,
    attendees: AbstractSet[int] = frozenset(),
) -> None:
    # Countries the story's own travellers visit: visitors the text does not qualify as foreign
    # (a foreign minister "arriving in Cairo" rather says Cairo is home) on trips that are not at
    # home ("Trump arrives at the White House").
    hosts = {
        c.host
        for c in cands
        if c.host
        and c.host != c.visitor.country
        and not c.visitor.qualified
        and not c.returning  # "flies home to Adelaide" names home, not a destination
    }
    visitors = {id(c.visitor) for c in cands}
    for cluster in people.clusters:
        if cluster.country is not None or not cluster.named:
            continue
        if cluster.office is None and id(cluster) not in visitors and id(cluster) not in attendees:
            # a visitor is an official even when the text gives no title ("Sarkozy heads to Beijing")
            continue
        if id(cluster) in visitors or include_all:
            own = {c.host for c in cands if c.host and c.visitor is cluster}
            home = _home_country(ctx, people, hosts, cluster, own)
            if (
                home is not None
                and cluster.office is None
                and id(cluster) not in attendees  # (an attendee of talks is an official)
                and (ctx.dateline is None or ctx.dateline.country != home)
            ):
                # without a title, only a country the story keeps naming
                if sum(1 for pm in ctx.places if pm.country == home) < 2:
                    continue
            if home is not None:
                cluster.set_country(home, "home country of the story")


def _countries_from_companions(companions: list[tuple[PersonCluster, PersonCluster, Span]]) -> None:
    """ "travelling with Trade Minister X": X is from the principal's country, before the story's
    home country is guessed for X."""
    for companion, principal, _ in companions:
        if companion.country is None and principal.country is not None:
            companion.set_country(principal.country, "travels with a visitor")


def _countries_from_meetings(
    meetings: list[MeetingCandidate],
    visits: list[VisitCandidate],
    companions: list[tuple[PersonCluster, PersonCluster, Span]],
) -> None:
    """Whom a visitor meets abroad, with no country of their own, belongs to the host country; so
    does whom an official from elsewhere meets in a named city of another country, before the
    official's trip is known ("X is joined on the trip by Y, who met Trade Minister Z in Ottawa":
    Y's trip is made from X's later), unless Z travels with that official."""
    together = {(id(a), id(b)) for a, b, _ in companions} | {(id(b), id(a)) for a, b, _ in companions}
    for mc in meetings:
        if mc.mode != "in_person":
            continue
        if mc.country is not None and mc.place is not None and not mc.place_inferred:
            abroad = [
                q for q in mc.participants if q.country and q.country != mc.country and q.office is not None
            ]
            for p in mc.participants:
                if p.country is not None or not p.named or p in mc.attendees or not abroad:
                    continue
                if p.office is not None and p.office.category in _RESIDENT_CATEGORIES:
                    continue
                if any(p is v.visitor for v in visits) or any((id(p), id(q)) in together for q in abroad):
                    continue
                p.set_country(mc.country, "met the visitor in the host country")
        during = _leg_of(
            mc,
            [
                v
                for v in visits
                if v.visitor in mc.participants and v.host is not None and _meeting_in_visit(mc, v)
            ],
        )
        if len({v.host for v in during}) != 1:
            continue  # which leg of a trip is unclear
        for v in during[:1]:
            for p in mc.participants:
                if (
                    p in mc.attendees
                    and p.country is None
                    and v.visitor.country is not None
                    and p.office is not None
                    and p.office.category in _RESIDENT_CATEGORIES
                ):
                    # "The talks were attended by Ambassador X": the visitor's envoy to the host
                    # (other attendees may be either side's: "On the Italian side" says which)
                    p.set_country(v.visitor.country, "attended with the visitor")
                if p is v.visitor or p in mc.attendees or p.country is not None:
                    continue
                if p.office is not None and p.office.category in _RESIDENT_CATEGORIES:
                    continue
                if any(p is other.visitor for other in visits if other.host == v.host):
                    continue
                p.set_country(v.host, "met the visitor in the host country")


def _leg_of(mc: MeetingCandidate, during: list[VisitCandidate]) -> list[VisitCandidate]:
    """Of the legs of a trip a meeting may belong to, the one the text ties it to: the leg told in
    the meeting's sentence ("In Amman, X met Y and was received by the King"), else the one whose
    dates hold the meeting's day, else the leg told last before it ("X will fly to Bishkek on
    Wednesday. In the Kyrgyz capital she will meet Y")."""
    if len({v.host for v in during}) <= 1:
        return during
    told = [v for v in during if any(e.start <= mc.trigger_i < e.end for e in v.evidence)]
    if len({v.host for v in told}) == 1:
        return told
    day = mc.date.start if mc.date is not None and mc.date.start == mc.date.end else None
    if day is not None:
        held = [
            v for v in during if (r := _visit_range(v)) is not None and r[0] and r[1] and r[0] <= day <= r[1]
        ]
        if len({v.host for v in held}) == 1:
            return held
    before = [
        (max(e.start for e in v.evidence if e.start <= mc.trigger_i), v)
        for v in during
        if any(e.start <= mc.trigger_i for e in v.evidence)
    ]
    if before:
        last = max(i for i, _ in before)
        recent = [v for i, v in before if i == last]
        if len({v.host for v in recent}) == 1:
            return recent
    return during


def _meeting_in_visit(mc: MeetingCandidate, v: VisitCandidate) -> bool:
    if mc.country is not None and mc.country != v.host:
        return False
    compatible = {
        "held": {"ongoing", "completed"},
        "planned": {"planned", "ongoing"},
        "cancelled": {"planned", "cancelled", "ongoing"},
    }
    if v.status not in compatible.get(mc.status, set()):
        return False
    rng = _visit_range(v)
    if mc.date is not None and mc.date.start and rng is not None:
        start, end = rng
        day = mc.date.start
        if (start and day < start) or (end and day > end):
            return False
    return True


# ------------------------------------------------------------------- visits
def _merge_visits(ctx: DocContext, cands: list[VisitCandidate]) -> list[VisitCandidate]:
    """One visit per visitor and host; a trip home gives an end date instead of a visit."""
    groups: dict[tuple[int, str | None], list[VisitCandidate]] = {}
    returns: list[VisitCandidate] = []
    for c in cands:
        if c.host is not None and c.visitor.country is not None and c.host == c.visitor.country:
            if c.returning:
                returns.append(c)
            continue
        if c.host is None and c.region is None:
            continue
        if c.returning and c.visitor.country is None:
            continue  # "returning to Kyrgyzstan": most likely home; nothing says it is abroad
        groups.setdefault((c.visitor.key, c.host), []).append(c)
    merged: list[VisitCandidate] = []
    for (_, host), group in groups.items():
        if host is None:
            # a region-only trip stands only when the visitor has no country-level visit
            if any(k[0] == group[0].visitor.key and k[1] is not None for k in groups):
                continue
        merged.extend(_merge_group(episode) for episode in _episodes(ctx, group))
    # placeless mentions ("a three-day visit") add dates, a duration and status to the visitor's
    # only visit
    for c in cands:
        if c.host is None and c.region is None and c.strength == 0:
            mine = [v for v in merged if v.visitor is c.visitor]
            if len(mine) == 1:
                mine[0].dates.extend(c.dates)
                mine[0].duration = mine[0].duration or c.duration
            elif len(mine) > 1 and c.status != "cancelled":
                # "The visit, which took place from 10 to 13 March" of a trip to Germany and the
                # Netherlands: the range opens the first leg told and closes the last one
                legs = sorted(mine, key=lambda v: min(e.start for e in v.evidence))
                for d, role in c.dates:
                    if role == "full" and d.start and d.end and d.start != d.end and d.granularity == "day":
                        legs[0].dates.append((d.model_copy(update={"end": None}), "start"))
                        legs[-1].dates.append((d.model_copy(update={"start": None}), "end"))
    for r in returns:
        # "The Mexican delegation will fly back on Tuesday night": the named travellers of its country
        mine = [
            v
            for v in merged
            if (v.visitor is r.visitor or (not r.visitor.named and v.visitor.country == r.visitor.country))
            and v.status in {"ongoing", "planned"}
        ]
        if r.status != "planned":
            # "returned to Helsinki on Wednesday": a trip home already made ends no trip still ahead
            # ("will attend the summit in Washington in July")
            mine = [v for v in mine if v.status != "planned"]
        for v in _last_legs(mine):
            rng = _visit_range(v)
            for d, _ in r.dates:
                end = d.start or d.end
                if end and not (rng is not None and rng[0] and end < rng[0]):  # never before the start
                    v.dates.append((d.model_copy(update={"start": None, "end": end}), "end"))
                    v.explanation.append(f"end date from '{d.text}' (return home)")
                    if (
                        r.tenses & {"past", "perfect"}
                        and ctx.published is not None
                        and end <= ctx.published.isoformat()
                        and v.status == "ongoing"
                    ):
                        # "returned to Nairobi on Saturday evening": back home, the trip is over
                        v.status = "completed"
                        v.explanation.append("status completed: the visitor has returned home")
    _chain_legs(merged)
    for v in merged:
        _status_from_dates(ctx, v)
    merged.sort(key=lambda v: min(s.start for s in v.evidence))
    return merged


def _last_legs(visits: list[VisitCandidate]) -> list[VisitCandidate]:
    """Each visitor's last leg: a trip home ends the tour's last stop, not every stop ("talks in
    Brasilia on Wednesday before travelling on to Buenos Aires ... He returns to Berlin on
    Friday"). The last leg is one still ahead, else the one that starts last, else the one told
    last."""
    by_visitor: dict[int, list[VisitCandidate]] = {}
    for v in visits:
        by_visitor.setdefault(v.visitor.key, []).append(v)

    def order(v: VisitCandidate) -> tuple[bool, str, int]:
        rng = _visit_range(v)
        start = rng[0] if rng is not None and rng[0] else ""
        return (v.status == "planned", start, min(e.start for e in v.evidence))

    return [max(legs, key=order) for legs in by_visitor.values()]


def _chain_legs(visits: list[VisitCandidate]) -> None:
    """Legs of one trip: a leg with a start and no end ends the day the next leg begins ("arrived
    in Astana on Monday ... will fly to Bishkek on Wednesday": Kazakhstan until Wednesday)."""
    by_visitor: dict[int, list[tuple[str, VisitCandidate]]] = {}
    for v in visits:
        d = _best_dates(v)
        if d is not None and d.start and d.granularity in {None, "day"} and v.status != "cancelled":
            by_visitor.setdefault(v.visitor.key, []).append((d.start, v))
    for legs in by_visitor.values():
        legs.sort(key=lambda x: x[0])
        for (start, leg), (next_start, nxt) in itertools.pairwise(legs):
            d = _best_dates(leg)
            if d is None or d.end or nxt.host == leg.host or next_start <= start or not nxt.by_departure:
                continue  # only a stated departure for the next leg ends this one
            if (dt.date.fromisoformat(next_start) - dt.date.fromisoformat(start)).days > 14:
                continue  # another trip, not the next leg
            day = m.DateRange(start=None, end=next_start, granularity="day", text="next leg")
            leg.dates.append((day, "end"))
            leg.explanation.append(f"end date {next_start}: leaves for the next leg ({nxt.host})")
        # "a four-day tour" from the first leg's start: the last leg ends on its last day
        days = next((v.trip_days for _, v in legs if v.trip_days), None)
        if days and len(legs) >= 2:
            last = legs[-1][1]
            d = _best_dates(last)
            if d is not None and not d.end:
                end = (dt.date.fromisoformat(legs[0][0]) + dt.timedelta(days=days - 1)).isoformat()
                if end >= legs[-1][0]:
                    last.dates.append(
                        (m.DateRange(start=None, end=end, granularity="day", text="tour"), "end")
                    )
                    last.explanation.append(f"end date {end}: the last day of a {days}-day tour")


def _episodes(ctx: DocContext, group: list[VisitCandidate]) -> list[list[VisitCandidate]]:
    """Mentions of one visitor's trips to one country, split into separate trips when a trip's dates
    end over a month before the publication and over a month before the next mention's ("attended
    the summit in Beijing last September" and "a state visit to China later this year"); undated
    mentions join the trip of the same status, else the latest."""
    if ctx.published is None:
        return [group]
    past_limit = ctx.published - dt.timedelta(days=30)
    dated: list[tuple[dt.date, dt.date, VisitCandidate]] = []
    for c in group:
        d = _best_dates(c)
        if d is not None and (d.start or d.end):
            first = dt.date.fromisoformat(d.start or d.end or "")
            dated.append((first, dt.date.fromisoformat(d.end or d.start or ""), c))
    if len(dated) < 2:
        return [group]
    dated.sort(key=lambda x: x[0])
    episodes: list[tuple[dt.date, list[VisitCandidate]]] = []
    for first, last, c in dated:
        if episodes and (first <= episodes[-1][0] + dt.timedelta(days=30) or episodes[-1][0] > past_limit):
            episodes[-1] = (max(episodes[-1][0], last), [*episodes[-1][1], c])
        else:
            episodes.append((last, [c]))
    if len(episodes) == 1:
        return [group]
    out = [cands for _, cands in episodes]
    for c in group:
        if any(c in cands for cands in out):
            continue
        same = [cands for cands in out if any(x.status == c.status for x in cands)]
        (same or out)[-1].append(c)
    return out


def _status_from_dates(ctx: DocContext, v: VisitCandidate) -> None:
    """Dates outrank tense (reported speech shifts tenses): after publication is planned."""
    if ctx.published is None or v.status == "cancelled":
        return
    d = _best_dates(v)
    if d is None:
        return
    today = ctx.published.isoformat()
    if d.start and d.start > today and v.status != "planned":
        v.explanation.append(f"status planned: starts {d.start}, after publication")
        v.status = "planned"
    elif (
        d.end
        and d.end < (ctx.published - dt.timedelta(days=1)).isoformat()
        and v.status in {"ongoing", "planned"}
    ):
        v.explanation.append(f"status completed: ended {d.end}, before publication")
        v.status = "completed"
    elif d.start and d.end and d.start < today <= d.end and v.status == "planned" and d.granularity == "day":
        v.explanation.append("status ongoing: publication falls within the visit's dates")
        v.status = "ongoing"


def _merge_group(group: list[VisitCandidate]) -> VisitCandidate:
    group = sorted(group, key=lambda c: (-c.strength, -c.confidence))
    best = group[0]
    places: list[PlaceMention] = []
    seen: set[str] = set()
    evidence: list[Span] = []
    dates = []
    explanation: list[str] = []
    # "left for Wellington on Sunday evening, arriving on Monday": the day of arrival starts the
    # visit, the day of departure only when no arrival is told
    arrivals = [
        dt.date.fromisoformat(d.start)
        for c in group
        if c.rule == "visit.arrived"
        for d, role in c.dates
        if role == "start" and d.start and d.granularity in {None, "day"}
    ]
    for c in sorted(group, key=lambda c: min(s.start for s in c.evidence)):
        for p in c.places:
            if p.entity.id not in seen:
                seen.add(p.entity.id)
                places.append(p)
        for e in c.evidence:
            if all(e.start != x.start for x in evidence):
                evidence.append(e)
        for d, role in c.dates:
            if (
                arrivals
                and role == "start"
                and c.rule in {"visit.departed", "visit.travel"}
                and d.start
                and 0 < (min(arrivals) - dt.date.fromisoformat(d.start)).days <= 2
            ):
                continue
            dates.append((d, role))
        explanation.extend(c.explanation)
    strong = [c for c in group if c.strength == best.strength]
    status = max(strong, key=lambda c: _STATUS_ORDER[c.status]).status
    if all(c.status == "cancelled" for c in group):
        status = "cancelled"
    elif any(c.ended for c in group):
        status = "completed"  # "has wrapped up a tour that took him to Kenya": over
    confidence = min(1.0, best.confidence + 0.05 * (len(group) - 1))
    return VisitCandidate(
        visitor=best.visitor,
        host=best.host,
        places=places,
        status=status,
        rule=best.rule,
        confidence=round(confidence, 2),
        evidence=evidence,
        dates=dates,
        strength=best.strength,
        origin=best.origin,
        explanation=explanation,
        region=best.region,
        duration=next((c.duration for c in group if c.duration), None),
        trip_days=next((c.trip_days for c in group if c.trip_days), None),
        by_departure=any(c.by_departure for c in group),
        tenses=set().union(*(c.tenses for c in group)),
        leg=next((c.leg for c in group if c.leg), None),
        current=any(c.current for c in group),
        ended=any(c.ended for c in group),
    )


def _best_dates(v: VisitCandidate) -> m.DateRange | None:
    """Combine what the mentions of one visit say about its dates (the devset's conventions).

    A stated range ("from 5 to 7 December", "December 5-7") is the visit's; otherwise the start is
    the day of arrival or departure for it, the end the day it ends, of the return home or of
    departure for the next leg. A duration with a start gives the end ("arrived on Friday on a
    three-day visit": Sunday), and with an end the start. The days of meetings and other activities
    say nothing of the visit's own dates.
    """
    starts = [d for d, role in v.dates if role == "start"]
    ends = [d for d, role in v.dates if role == "end"]
    # the day an arrival verb gives is the start, also for the visit noun under it ("arrived in
    # Hanoi on Tuesday for a state visit")
    bounds = {(d.span.start, d.span.end) for d in starts + ends if d.span is not None}
    full = [
        d
        for d, role in v.dates
        if role == "full" and not (d.span is not None and (d.span.start, d.span.end) in bounds)
    ]

    def rank(d: m.DateRange) -> tuple[int, int, int]:
        gran = {"day": 3, "week": 2, "month": 1, "year": 0}.get(d.granularity or "", 0)
        both = int(bool(d.start and d.end and d.start != d.end))
        known = int(bool(d.start or d.start_partial))
        return (gran, both, known)

    if any(d.granularity == "day" for d in starts + ends):
        # "next week ... will arrive on Tuesday": the day, not the week
        full = [d for d in full if d.granularity in {None, "day"}] or []
    base = max(full, key=rank) if full else None
    days = sorted({d.start for d in full if d.granularity in {None, "day"} and d.start and d.start == d.end})
    if base is not None and len(days) > 1 and all(d.start == d.end for d in full if d.start):
        # "will be in Wellington on Monday and in Auckland on Tuesday": there from the first to the last
        base = base.model_copy(update={"start": days[0], "end": days[-1]})
    if base is None and not starts and not ends:
        return None
    if base is None:
        base = starts[0] if starts else ends[0]
        if not starts:
            base = base.model_copy(update={"start": None, "start_partial": None})
        else:
            base = base.model_copy(update={"end": None, "end_partial": None})
    start, end = base.start, base.end
    ranged = bool(start and end and start != end) or base.granularity not in {None, "day"}
    if starts and not ranged:
        # a day of arrival, not a coarse "since 2003" ("the first visit by a president since 2003")
        day_starts = [d.start for d in starts if d.start and d.granularity in {None, "day"}]
        if day_starts:
            start = min(day_starts)
            if base in starts or base.start != start:
                end = None if not (base in full and base.end == base.start == start) else end
    if ends:
        later = max((d.end for d in ends if d.end), default=None)
        if (
            later
            and (end is None or (end == start and base not in full) or (later > end and base not in full))
            and not (start and later < start)
        ):
            end = later
    arrivals_after = [
        d.start for d in starts if d.start and d.granularity in {None, "day"} and end and d.start > end
    ]
    if arrivals_after and start:
        # "in Ottawa on Monday and Tuesday before heading to Montreal on Wednesday": a later
        # arrival in the same country is still the visit
        end = max(arrivals_after)
    if v.duration and base.granularity in {None, "day"}:
        if start and (end is None or end == start) and v.duration >= 1:
            # ("a one-day visit" on Wednesday ends on Wednesday)
            end = (dt.date.fromisoformat(start) + dt.timedelta(days=v.duration - 1)).isoformat()
        elif end and start is None:
            start = (dt.date.fromisoformat(end) - dt.timedelta(days=v.duration - 1)).isoformat()
        elif (
            start
            and end
            and v.by_departure
            and (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days == v.duration
        ):
            # "will leave for Wellington on Sunday night" for "the three-day visit" whose last day is
            # Wednesday: the night of departure is the journey, the visit is Monday to Wednesday
            start = (dt.date.fromisoformat(start) + dt.timedelta(days=1)).isoformat()
    texts = [base.text] + [d.text for d in starts + ends if d.text != base.text]
    update: dict[str, object] = {"start": start, "end": end, "text": "; ".join(dict.fromkeys(texts))}
    if base.granularity == "week" and (start, end) != (base.start, base.end):
        # "next week ... The next day he will leave Lisbon": days told within the week are days
        update["granularity"] = "day"
    return base.model_copy(update=update)


def _visit_range(v: VisitCandidate) -> tuple[str | None, str | None] | None:
    d = _best_dates(v)
    if d is None:
        return None
    return d.start, d.end


def _companion_visits(
    ctx: DocContext, companions: list[tuple[PersonCluster, PersonCluster, Span]], visits: list[VisitCandidate]
) -> list[VisitCandidate]:
    """ "On the trip with the President are X and Y": X and Y make the President's visits too."""
    out: list[VisitCandidate] = []
    for companion, principal, sent in companions:
        if companion.office is not None and companion.office.category in _RESIDENT_CATEGORIES:
            continue
        # the tense of the companion's own verb ("the presidency said X will be joined by Y")
        # ("X, who flew to Accra with Y, will address a forum": the flight's tense, not the forum's)
        verb = next(
            (
                t
                for t in sent
                if t.lower_ in _COMPANION_VERBS
                or (t.lower_ in lx.MOTION_VERBS and any(c.lower_ == "with" for c in t.children))
            ),
            sent.root,
        )
        tense = ctx.tense(verb)
        for v in visits:
            if v.visitor is not principal or v.host is None:
                continue
            told = _best_dates(v)
            if (
                told is not None
                and told.granularity == "year"
                and any(
                    o is not v
                    and o.visitor is principal
                    and o.host == v.host
                    and (od := _best_dates(o)) is not None
                    and od.granularity in {"day", "month"}
                    for o in visits
                )
            ):
                continue  # "he last travelled there in 2019" beside this trip: a visit in passing
            if (tense == "future" and v.status not in {"planned", "ongoing"}) or (
                tense == "past" and v.status == "planned"
            ):
                continue  # "will be accompanied by X": not on the trip of last January
            _countries_from_companions([(companion, principal, sent)])
            if companion.country is not None and companion.country == v.host:
                continue
            status, dates = v.status, list(v.dates)
            if tense == "future" and v.status == "ongoing":
                # "X will be joined in Mali by Y": Y's trip is still ahead, its days untold
                status, dates = "planned", []
            out.append(
                VisitCandidate(
                    visitor=companion,
                    host=v.host,
                    places=list(v.places),
                    status=status,
                    rule="visit.companion",
                    confidence=round(min(v.confidence, 0.7), 2),
                    evidence=[sent, *v.evidence[:1]],
                    dates=dates,
                    strength=0,
                    # "a three-day visit": the principal's duration ends the companion's stay too
                    duration=v.duration if dates else None,
                    explanation=[f"travels with {principal.name}"],
                )
            )
    return out


def _dates_within_visits(
    ctx: DocContext, meetings: list[MeetingCandidate], visits: list[VisitCandidate]
) -> None:
    """A weekday during a visit is that weekday of the visit: "a summit with X on Tuesday" in a
    story about next week's trip is next week's Tuesday, not today."""
    from visitextract.normalize.dates import resolve

    for mc in meetings:
        dm = mc.date_mention
        if dm is None or mc.date is None or not mc.date.start or not dm.expr_is_weekday:
            continue
        if mc.mode != "in_person":
            continue  # a call is not part of a trip
        for v in visits:
            if v.visitor not in mc.participants:
                continue
            if v.status not in {"planned": {"planned", "ongoing"}, "held": {"ongoing", "completed"}}.get(
                mc.status, set()
            ):
                continue
            rng = _visit_range(v)
            if rng is None or not rng[0] or mc.date is None or not mc.date.start:
                continue
            start, end = rng[0], rng[1]
            assert start is not None
            if start <= mc.date.start <= (end or start):
                break
            anchor = dt.date.fromisoformat(start) - dt.timedelta(days=1)
            moved = resolve(dm.expr, anchor, "future", text=dm.span.text, span=ctx.span_of(dm.span))
            if moved.start and start <= moved.start <= (end or "9999"):
                mc.explanation.append(f"'{dm.span.text}' read inside the visit's dates ({start}..{end})")
                mc.date = moved
                break


def _status_from_meetings(
    ctx: DocContext, meetings: list[MeetingCandidate], visits: list[VisitCandidate]
) -> None:
    """A visitor who has already met a host official in person is there: the visit is under way."""
    for v in visits:
        if v.status != "planned" or v.host is None:
            continue
        for mc in meetings:
            if mc.status != "held" or mc.mode != "in_person" or v.visitor not in mc.participants:
                continue
            hosts = [p for p in mc.participants if p is not v.visitor and p.country == v.host]
            where = mc.country or (mc.place.country if mc.place is not None else None)
            if not hosts or (where is not None and where != v.host):
                continue  # met elsewhere ("in Astana, when he and Seitov discussed ...")
            if mc.date is not None and ctx.published is not None and mc.date.start:
                if mc.date.start > ctx.published.isoformat():
                    continue
                rng = _visit_range(v)
                start = (rng[0] if rng is not None else None) or (
                    ctx.published - dt.timedelta(days=7)
                ).isoformat()
                if (mc.date.end or mc.date.start) < start:
                    continue  # "last met in February": an earlier encounter, not this trip
            v.status = "ongoing"
            v.explanation.append(f"status ongoing: already met {hosts[0].name} ({v.host})")
            break


def _one_place_at_a_time(ctx: DocContext, visits: list[VisitCandidate]) -> None:
    """A traveller is in one country at a time. When the story puts a visitor in one country now
    (the visit spans the publication day, is told from there, or "is in" it), the visitor's other
    trips that read as under way are over if they came before (or are told in the past) and still
    ahead if they come after (or are told in the future): "Orban has arrived in Moscow ... after he
    met with Zelensky in Kiev"; "at the start of her visit to Paris, Brussels and Warsaw"."""
    by_visitor: dict[int, list[VisitCandidate]] = {}
    for v in visits:
        if v.host is not None and v.status != "cancelled":
            by_visitor.setdefault(v.visitor.key, []).append(v)
    pub = ctx.published.isoformat() if ctx.published else None
    scene = ctx.dateline.country if ctx.dateline is not None else None
    for trips in by_visitor.values():
        if len(trips) < 2:
            continue
        ongoing = [v for v in trips if v.status == "ongoing"]
        current = [v for v in ongoing if v.current]
        if not current and pub is not None:
            current = [v for v in ongoing if _spans(_best_dates(v), pub)]
        if not current and scene is not None:
            current = [v for v in ongoing if v.host == scene]
        if len(current) != 1:
            continue
        here = current[0]
        here_dates = _best_dates(here)
        here_start = here_dates.start if here_dates is not None else None
        for v in trips:
            if v is here or v.status != "ongoing":
                continue
            d = _best_dates(v)
            order = _leg_order(v, here)
            if (d is not None and d.start and here_start and d.start < here_start) or order == "before":
                new = "completed"
            elif (d is not None and d.start and here_start and d.start > here_start) or order == "after":
                new = "planned"
            elif v.tenses and v.tenses <= {"past", "perfect"}:
                new = "completed"
            elif v.tenses and v.tenses <= {"future"}:
                new = "planned"
            else:
                continue
            v.status = new
            v.explanation.append(f"status {new}: the visitor is now in {here.host}")


_TRIP_WORDS = frozenset("visit visits trip trips tour tours leg stop stopover journey".split())
_RESCHEDULE_WORDS = frozenset("rescheduled reschedule reschedules".split())


def _changed_plans(
    ctx: DocContext, people: PeopleResolver, visits: list[VisitCandidate], meetings: list[MeetingCandidate]
) -> None:
    """Plans the story says were changed, read over the whole article: "has postponed his trip"
    cancels the visitor's coming trips (to the places named, else all of them) and the meetings
    planned with the hosts; "the Manila leg has been rescheduled for Feb. 24-25" brings a leg back,
    with its new dates. Later statements outweigh earlier ones."""
    for tok in ctx.tokens:
        low = tok.lower_
        cancel = (low in lx.CANCEL_WORDS or is_called_off([tok])) and is_verb(tok)
        rescheduled = low in _RESCHEDULE_WORDS and is_verb(tok)
        if not (cancel or rescheduled):
            continue
        if cancel and any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
            continue  # "put back by a day": shifted, not called off
        targets = [
            c
            for c in tok.children
            if c.dep_ in {"dobj", "nsubjpass", "nsubj"} and c.lower_ in _TRIP_WORDS | lx.MEETING_NOUNS
        ]
        if not targets:
            continue
        owners: list[PersonCluster] = []
        hosts: set[str] = set()
        for t in targets:
            for c in t.subtree:
                if c.dep_ == "poss" and c.head == t:
                    found = people.cluster_for_token(c)
                    if found is not None:
                        owners.append(found)
                pm = ctx.place_at.get(c.i)
                if pm is not None and pm.country and not pm.is_demonym:
                    hosts.add(pm.country)
        if not owners:
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                found = people.cluster_for_token(subj)
                if found is not None:
                    owners.append(found)
        if not owners and not hosts:
            continue
        affected = [
            v
            for v in visits
            if (not owners or v.visitor in owners)
            and v.host is not None
            and (v.host in hosts if hosts else True)
            and v.status != "completed"
        ]
        why = sentence(tok).text.strip()[:60]
        if cancel:
            for v in affected:
                if v.status != "cancelled":
                    v.status = "cancelled"
                    v.explanation.append(f"status cancelled: '{why}'")
            cancelled_hosts = {v.host for v in affected}
            for mc in meetings:
                if mc.status == "planned" and any(v.visitor in mc.participants for v in affected):
                    if any(p.country in cancelled_hosts for p in mc.participants):
                        mc.status = "cancelled"
                        mc.explanation.append(f"cancelled with the trip: '{why}'")
        else:
            dms = ctx.dates_for(tok)
            for v in affected:
                v.status = "planned"
                if dms:
                    v.dates = [(ctx.resolve_date(dm, "future"), "full") for dm in dms[:1]]
                v.explanation.append(f"status planned: rescheduled ('{why}')")
            for mc in meetings:
                if mc.status == "cancelled" and any(v.visitor in mc.participants for v in affected):
                    mc.status = "planned"


def _spans(d: m.DateRange | None, day: str) -> bool:
    """Whether a day-precise visit takes in ``day`` (an arrival that day, or a range around it)."""
    if d is None or not d.start or d.granularity not in {None, "day"}:
        return False
    return d.start <= day <= (d.end or d.start)


def _leg_order(v: VisitCandidate, here: VisitCandidate) -> str | None:
    """ "before" / "after" when both are legs of one itinerary ("to Paris, Brussels and Warsaw")."""
    if v.leg is None or here.leg is None or v.leg[0] != here.leg[0]:
        return None
    return "before" if v.leg[1] < here.leg[1] else "after"


# ----------------------------------------------------------------- meetings
def _place_meetings(meetings: list[MeetingCandidate], visits: list[VisitCandidate]) -> None:
    """A meeting during a visit with one named city takes place there. Of a participant's visits,
    one to another participant's country comes first ("will hold talks with President Jeri on
    Wednesday before travelling on to Quito": Lima, Jeri's), then the one told in the meeting's
    sentence ("They then travelled to Warsaw to meet X": Warsaw, not the Berlin of the sentence
    before)."""

    def order(mc: MeetingCandidate, v: VisitCandidate) -> tuple[bool, bool]:
        told = any(e.start <= mc.trigger_i < e.end for e in v.evidence)
        local = any(p.country == v.host for p in mc.participants if p is not v.visitor)
        return (not local, not told)

    for mc in meetings:
        if mc.place is not None or mc.mode != "in_person":
            continue
        mine = [v for v in visits if v.visitor in mc.participants and _meeting_in_visit(mc, v)]
        mine.sort(key=lambda v: order(mc, v))
        for v in mine:
            cities = [p for p in v.places if p.entity.kind == "city"]
            if len(cities) == 1:
                mc.place = cities[0]
                mc.place_inferred = True
                mc.explanation.append(f"place from the visit to {cities[0].entity.name}")
                break


def _dates_from_visits(
    ctx: DocContext, meetings: list[MeetingCandidate], visits: list[VisitCandidate]
) -> None:
    """A meeting told without a day of its own, on a leg of a participant's trip, takes the day the
    text gives: the one day its sentence names when that day is within the leg ("X, who arrived in
    Helsinki on Thursday, held talks with Y"), else the leg's day when the leg lasts one day ("In
    Amman, X met Y" on a trip that was in Amman on Wednesday, or a planned stop told by its day).
    Runs after the merge, so that the mentions of one meeting are merged on their own dates."""
    # a day told for one meeting is that meeting's ("will hold talks with X on Friday and is
    # expected to call on Y": Friday is not Y's)
    claimed = {(mc.date.span.start, mc.date.span.end) for mc in meetings if mc.date and mc.date.span}
    for mc in meetings:
        if mc.date is not None or mc.mode != "in_person" or mc.status not in {"held", "planned"}:
            continue
        legs = _leg_of(mc, [v for v in visits if v.visitor in mc.participants and _meeting_in_visit(mc, v)])
        # (a visit in passing, "he last travelled there in 2019", is no leg of this trip)
        legs = [v for v in legs if (d := _best_dates(v)) is None or d.granularity in {None, "day"}]
        if len(legs) != 1:
            continue
        leg = legs[0]
        rng = _visit_range(leg)
        if rng is None or not rng[0]:
            continue
        # a planned stop told by its day alone is that day; a held visit told by its day of
        # arrival alone may have lasted longer
        start, end = rng[0], rng[1] or (rng[0] if leg.status == "planned" else None)
        if end is None:
            continue
        trigger = ctx.doc[mc.trigger_i]
        sent = sentence(trigger)
        days: dict[str, m.DateRange] = {}
        for dm in ctx.dates:
            if not max(sent.start, ctx.dateline_end_token) <= dm.span.start < sent.end:
                continue  # (a dateline's day is the story's)
            scope = dm.span.root.head  # the word the day modifies: "fly" in "On Wednesday ... fly"
            if scope.pos_ == "ADP":
                scope = scope.head
            if (dm.span.start_char, dm.span.end_char) in claimed and trigger not in scope.subtree:
                continue
            d = ctx.resolve_date(dm, ctx.tense(dm.span.root))
            if d.start and d.start == d.end and d.granularity == "day":
                days[d.start] = d
        if len(days) == 1:
            (day, told), *_ = days.items()
            if start <= day <= end:
                mc.date = told
                mc.explanation.append(f"date {day}: the one day its sentence names, within the visit")
            continue
        best = _best_dates(leg)
        if not days and best is not None and start == end:
            mc.date = best.model_copy(update={"end": start})
            mc.explanation.append(f"date {start}: the one day of the visit it is part of")


def _places_from_meetings(meetings: list[MeetingCandidate], visits: list[VisitCandidate]) -> None:
    """ "X met Y in Oslo" during a visit to Norway: Oslo is one of the visit's places."""
    for mc in meetings:
        pm = mc.place
        if pm is None or mc.place_inferred or mc.mode != "in_person" or pm.entity.kind != "city":
            continue
        for v in visits:
            if v.visitor in mc.participants and v.host == pm.country and _meeting_in_visit(mc, v):
                if all(p.entity.id != pm.entity.id for p in v.places):
                    v.places.append(pm)
                    v.explanation.append(f"place {pm.entity.name} from a meeting there")


def _visits_from_meetings(
    ctx: DocContext, meetings: list[MeetingCandidate], visits: list[VisitCandidate]
) -> list[VisitCandidate]:
    """People from elsewhere who meet in a named place have travelled there."""
    out: list[VisitCandidate] = []
    for mc in meetings:
        if mc.mode != "in_person" or mc.place_inferred or mc.country is None or mc.status == "cancelled":
            continue
        for p in mc.participants:
            if not p.named or p.country is None or p.country == mc.country:
                continue
            if p.office is not None and p.office.category in _RESIDENT_CATEGORIES:
                continue
            if any(v.visitor is p and v.host == mc.country for v in visits):
                continue
            status = "planned" if mc.status == "planned" else "ongoing"
            if mc.past and mc.status == "held":
                status = "completed"
            dates = []
            if mc.date is not None:
                if (
                    ctx.published
                    and mc.date.end
                    and mc.date.end < (ctx.published - dt.timedelta(days=14)).isoformat()
                ):
                    status = "completed" if mc.status == "held" else status
                dates.append((mc.date.model_copy(update={"end": None, "end_partial": None}), "start"))
            out.append(
                VisitCandidate(
                    visitor=p,
                    host=mc.country,
                    places=[mc.place] if mc.place is not None else [],
                    status=status,
                    rule="visit.meeting_abroad",
                    confidence=0.6,
                    evidence=mc.evidence,
                    dates=dates,  # type: ignore[arg-type]
                    strength=0,
                    explanation=[f"{p.name} ({p.country}) met in {mc.country}: {mc.rule}"],
                    tenses={"past"} if mc.past or mc.tense == "past" else ({mc.tense} if mc.tense else set()),
                )
            )
    return out


def _coarser(a: m.DateRange, b: m.DateRange) -> bool:
    """Whether ``a`` is a month or a year that holds the day ``b`` ("talks this year", "on Wednesday")."""
    order = {"year": 0, "month": 1}
    if a.granularity not in order or not (a.start and a.end and b.start):
        return False
    finer = order.get(b.granularity or "day", 2) > order[a.granularity]
    return finer and a.start <= b.start <= a.end


def _same_time(a: m.DateRange, b: m.DateRange) -> bool:
    return a.start == b.start or _coarser(a, b) or _coarser(b, a)


def _merge_meetings(meetings: list[MeetingCandidate]) -> list[MeetingCandidate]:
    out: list[MeetingCandidate] = []
    for mc in meetings:
        keys = {id(p) for p in mc.participants}
        for other in out:
            if (
                {id(p) for p in other.participants} != keys
                or other.status != mc.status
                or other.mode != mc.mode
            ):
                continue
            if mc.date and other.date and not _same_time(mc.date, other.date):
                continue
            other.evidence.extend(e for e in mc.evidence if all(e.start != x.start for x in other.evidence))
            if other.date is None or (mc.date is not None and _coarser(other.date, mc.date)):
                other.date = mc.date
            if other.place is None or (
                other.place_inferred and mc.place is not None and not mc.place_inferred
            ):
                other.place, other.place_inferred = mc.place, mc.place_inferred
            other.confidence = round(min(1.0, max(other.confidence, mc.confidence) + 0.05), 2)
            other.explanation.extend(mc.explanation)
            break
        else:
            out.append(mc)
    return out


# -------------------------------------------------------------------- build
class _Builder:
    def __init__(self, ctx: DocContext, people: PeopleResolver) -> None:
        self.ctx = ctx
        self.people = people
        self.persons: dict[int, m.Person] = {}
        self.orgs: dict[str, m.Organization] = {}
        self.ids: dict[str, int] = {}

    def person(self, c: PersonCluster) -> m.Person:
        p = self.persons.get(c.key)
        if p is None:
            p = self.people.to_person(c)
            owner = self.ids.setdefault(p.id, c.key)
            if owner != c.key:
                p = p.model_copy(update={"id": f"{p.id}-{c.key}"})
            self.persons[c.key] = p
        return p

    def org(self, span: Span) -> m.Organization:
        span = self._antecedent(span)
        name = span.text
        for prefix in ("the ", "The "):
            name = name.removeprefix(prefix)
        known = self.ctx.place_at.get(span.start)
        if known is not None and known.entity.kind == "organization" and known.span.end >= span.end:
            name = known.entity.name  # "AFP" and "Agence France-Presse" are one institution
        country = None
        for pm in self.ctx.places_in(span.start, span.end):
            if pm.country:
                country = pm.country
                break
        if country is None:
            near = self.ctx.country_near(span.start)
            country = near.country if near is not None else None
        if country is None and span.root.lower_ in {
            "ministry",
            "government",
            "presidency",
            "office",
            "cabinet",
        }:
            # "the foreign ministry said": the story's own ministry
            if self.ctx.dateline is not None and self.ctx.dateline.country:
                country = self.ctx.dateline.country
        oid = "org:" + slug(name)
        org = self.orgs.get(oid)
        if org is None:
            org = m.Organization(id=oid, name=name, country=country, mentions=[])
        org = org.model_copy(update={"mentions": [*org.mentions, self.ctx.span_of(span)]})
        self.orgs[oid] = org
        return org

    def _antecedent(self, span: Span) -> Span:
        """ "the ministry" after "the Ministry of External Affairs" is that ministry."""
        words = [t.lower_ for t in span if t.lower_ != "the"]
        if (
            len(words) > 2
            or not words
            or words[-1] not in {"ministry", "government", "presidency", "embassy", "office"}
        ):
            return span
        earlier = [
            o
            for o in self.ctx.orgs
            if o.start < span.start and words[-1] in {t.lower_ for t in o} and len(o) > len(span)
        ]
        if words[:-1] and earlier:
            earlier = [o for o in earlier if all(w in {t.lower_ for t in o} for w in words[:-1])] or earlier
        return earlier[-1] if earlier else span

    def place(self, pm: PlaceMention) -> m.Place:
        e = pm.entity
        kind = e.kind if e.kind in {"country", "city", "region", "site", "bloc"} else "site"
        return m.Place(id=e.id, name=e.name, kind=kind, country=e.country)


def _build(
    ctx: DocContext,
    people: PeopleResolver,
    visits: list[VisitCandidate],
    meetings: list[MeetingCandidate],
    statements: list[StatementCandidate],
    doc_id: str | None,
) -> m.Extraction:
    b = _Builder(ctx, people)
    out_visits: list[m.Visit] = []
    named_trips = {(v.visitor.country, v.host) for v in visits if v.visitor.named}
    for v in visits:
        if not v.visitor.named and v.visitor.office is None:
            continue
        if not v.visitor.named and (v.visitor.country, v.host) in named_trips:
            continue  # "the Vietnamese delegation" on the trip of a named Vietnamese official
        places = [b.place(p) for p in v.places]
        if v.host is None and v.region is not None:
            places = [b.place(v.region)]
        out_visits.append(
            m.Visit(
                visitor=b.person(v.visitor),
                visitor_country=v.visitor.country,
                host_country=v.host,
                places=places,
                dates=_best_dates(v),
                status=v.status,
                evidence=[ctx.span_of(_trim_span(e)) for e in v.evidence],
                confidence=v.confidence,
                rule=v.rule,
                explanation=v.explanation,
            )
        )
    out_meetings: list[m.Meeting] = []
    for mc in meetings:
        out_meetings.append(
            m.Meeting(
                participants=[b.person(p) for p in mc.participants],
                date=mc.date,
                place=b.place(mc.place) if mc.place is not None else None,
                status=mc.status,
                mode=mc.mode,
                evidence=[ctx.span_of(_trim_span(e)) for e in mc.evidence],
                confidence=mc.confidence,
                rule=mc.rule,
                explanation=mc.explanation,
            )
        )
    out_statements: list[m.Statement] = []
    seen: list[tuple[int, int, str]] = []
    for sc in sorted(statements, key=lambda s: (not s.direct, s.quote_start)):
        speaker: m.Person | m.Organization
        if sc.speaker_person is not None:
            speaker = b.person(sc.speaker_person)
        elif sc.speaker_org is not None:
            speaker = b.org(sc.speaker_org)
        else:
            continue
        if any(speaker.id == sid and s < sc.quote_end and sc.quote_start < e for s, e, sid in seen):
            continue
        seen.append((sc.quote_start, sc.quote_end, speaker.id))
        out_statements.append(
            m.Statement(
                speaker=speaker,
                quote=ctx.text[sc.quote_start : sc.quote_end],
                direct=sc.direct,
                date=sc.date,
                evidence=[ctx.span_of(_trim_span(e)) for e in sc.evidence],
                confidence=sc.confidence,
                rule=sc.rule,
                quote_span=ctx.char_span(sc.quote_start, sc.quote_end),
            )
        )
    out_statements.sort(key=lambda s: s.quote_span.start if s.quote_span else 0)
    # every official the text names, and everyone who takes part in a record
    for c in people.clusters:
        if c.named and (c.office is not None or c.counterpart_of is not None):
            b.person(c)
    persons = sorted(b.persons.values(), key=lambda p: p.mentions[0].start if p.mentions else 0)
    mentions = _mentions(ctx, persons, list(b.orgs.values()))
    return m.Extraction(
        doc_id=doc_id,
        published=ctx.published.isoformat() if ctx.published else None,
        people=persons,
        visits=out_visits,
        meetings=out_meetings,
        statements=out_statements,
        mentions=mentions,
        organizations=sorted(b.orgs.values(), key=lambda o: o.mentions[0].start if o.mentions else 0),
    )


def _trim_span(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while end > start and doc[end - 1].is_space:
        end -= 1
    while start < end and doc[start].is_space:
        start += 1
    return doc[start:end]


def _mentions(ctx: DocContext, persons: list[m.Person], orgs: list[m.Organization]) -> list[m.Mention]:
    out: list[m.Mention] = []
    for pm in ctx.places:
        e = pm.entity
        kind = e.kind if e.kind in {"country", "city", "region", "site", "bloc", "organization"} else "site"
        out.append(
            m.Mention(
                text=pm.span.text,
                start=pm.span.start_char,
                end=pm.span.end_char,
                entity_id=e.id,
                kind=kind,
                country=e.country,
                name=e.name,
                alias_type=pm.alias_type,
            )
        )
    actors: list[tuple[m.Person | m.Organization, str]] = [(p, "person") for p in persons]
    actors += [(o, "organization") for o in orgs]
    for actor, kind in actors:
        for s in actor.mentions:
            out.append(
                m.Mention(
                    text=s.text,
                    start=s.start,
                    end=s.end,
                    entity_id=actor.id,
                    kind=kind,
                    country=actor.country,
                    name=actor.name,
                    alias_type=kind,
                )
            )
    for span in ctx.doc.spans.get(NESTED_KEY, []):
        inner = ctx.gazetteer.entities.get(str((span._.ve_place or {}).get("id", "")))
        if inner is None or any(x.start == span.start_char and x.end == span.end_char for x in out):
            continue
        out.append(
            m.Mention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                entity_id=inner.id,
                kind=inner.kind if inner.kind in {"country", "city", "region", "site", "bloc"} else "site",
                country=inner.country,
                name=inner.name,
                alias_type=str((span._.ve_place or {}).get("type", "name")),
            )
        )
    out.sort(key=lambda x: (x.start, x.end))
    return out
