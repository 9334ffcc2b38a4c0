"""Repairs of parses the rules cannot read, made once before the document model is built.

Two house styles of news the small English model misreads: a day between a modal and its verb
(below), and the present tense of headlines and wire leads ("Modi jets off to Brazil", "Modi heads
to Kyiv": the verb read as a plural noun or hung from the name; ``repair_headline_verbs``).

A day placed between a modal and its verb ("President X will on Wednesday depart Abuja for Accra",
"the minister will, on Monday, travel to Paris") is a house style of many news agencies. The small
English model reads the verb as a noun there ("depart" NN, compound of "Abuja", under "on"), so the
trip, its destination and everyone travelling with it are lost. The repair makes the verb the head
of its clause again: the modal becomes its auxiliary, the day its prepositional phrase, and the
words after it its object and modifiers, as the parser builds them when the day comes last.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from visitextract.rules import lexicon as lx
from visitextract.rules.syntax import sentence

_MODALS = frozenset("will shall would should must 'll can".split())
# the verbs of travel and of meeting a fronted day is seen with, in the base form a modal takes
_VERBS = frozenset(
    w
    for w in lx.VISIT_VERBS
    | lx.ARRIVE_VERBS
    | lx.DEPART_VERBS
    | lx.MOTION_VERBS
    | lx.STAY_VERBS
    | lx.ATTEND_VERBS
    | lx.HOST_VERBS
    | lx.MEET_VERBS
    | lx.TALK_VERBS
    | lx.HOLD_VERBS
    | {"lead", "pay", "sign", "address", "begin", "start", "embark", "undertake", "join", "preside"}
    if not w.endswith(("s", "ed", "ing")) and w not in {"left", "met", "held", "flew", "went", "came"}
) | {"discuss", "address"}
_DAY_WORDS = frozenset(
    """on in at this next coming , monday tuesday wednesday thursday friday saturday sunday today
    tomorrow morning afternoon evening night week weekend january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec the of""".split()
)


def reattach_fronted_days(doc: Doc) -> int:
    """Repairs "will on Wednesday depart Abuja" in place; returns the number of clauses repaired."""
    repaired = 0
    for modal in doc:
        if modal.tag_ != "MD" or modal.lower_ not in _MODALS:
            continue
        verb = _fronted_verb(modal)
        if verb is not None:
            _reattach(modal, verb)
            repaired += 1
    return repaired


def _fronted_verb(modal: Token) -> Token | None:
    """The verb after "will on Wednesday", if the parser took it for a noun."""
    doc = modal.doc
    j = modal.i + 1
    day = False
    while j < len(doc) and j - modal.i <= 6 and (doc[j].lower_ in _DAY_WORDS or doc[j].like_num):
        day = day or doc[j].lower_ not in {"on", "in", "at", "this", "next", "coming", ",", "the", "of"}
        j += 1
    if (
        not day
        or j >= len(doc)
        or j == modal.i + 1
        or doc[modal.i + 1].lower_ not in {"on", ",", "this", "next"}
    ):
        return None
    verb = doc[j]
    if verb.lower_ not in _VERBS or verb.tag_ == "VB":
        return None
    # the parser's own reading is kept when it already hangs the verb under the modal's clause
    if verb.head == modal and verb.dep_ in {"xcomp", "ccomp", "conj"}:
        return None
    return verb


def _take_place(verb: Token, old: Token) -> None:
    """``verb`` takes ``old``'s place in the tree: its head and its relation to it."""
    if old.head == old:
        verb.head = verb
        verb.dep_ = "ROOT"
    else:
        verb.head = old.head
        verb.dep_ = old.dep_


def _reattach(modal: Token, verb: Token) -> None:
    doc = modal.doc
    old_head = verb.head
    # 1. the verb heads the clause in the modal's place
    _take_place(verb, modal)
    verb.tag_ = "VB"
    verb.pos_ = "VERB"
    modal.head = verb
    modal.dep_ = "aux"
    span = range(modal.i + 1, verb.i)
    # 2. the modal's dependents (subject, later phrases, punctuation) are the verb's
    sent = sentence(modal)
    for t in sent:
        if t.head == modal and t != modal and t != verb:
            t.head = verb
    # 3. the day: "on" + its date words, a phrase of the verb
    preps = [doc[k] for k in span if doc[k].lower_ in {"on", "in", "at"}]
    days = [doc[k] for k in span if doc[k].lower_ not in {"on", "in", "at", ",", "this", "next", "coming"}]
    if days:
        last = days[-1]
        if preps:
            last.head = preps[0]
            last.dep_ = "pobj"
            preps[0].head = verb
            preps[0].dep_ = "prep"
        else:
            last.head = verb
            last.dep_ = "npadvmod"  # "will next Monday travel"
        for d in days[:-1]:
            d.head = last
            d.dep_ = "compound"
    for k in span:
        t = doc[k]
        if t.lower_ in {",", "this", "next", "coming"}:
            t.head = verb if t.text == "," else (days[-1] if days else verb)
            t.dep_ = "punct" if t.text == "," else "det"
    # 4. what the parser hung the verb from ("depart" compound of "Abuja") is its object; the
    # object's prepositional phrases ("for Accra") and the words under the day are the verb's
    if old_head.i > verb.i and old_head.pos_ in {"NOUN", "PROPN"}:
        old_head.head = verb
        old_head.dep_ = "dobj"
        for c in list(old_head.children):
            if c.dep_ in {"prep", "punct", "advcl", "cc", "conj"} and c.i > old_head.i:
                c.head = verb
    for t in doc[verb.i + 1 : sent.end]:
        if t.head.i in span:
            t.head = verb
            if t.dep_ == "pobj":
                t.dep_ = "dobj"


# The present tense of headlines and wire leads ("Modi jets off to Brazil", "Modi heads to Kyiv"):
# the small model reads the verb after a name as a plural noun, or hangs it from the name.
_HEADLINE_VERBS = frozenset(
    w
    for w in lx.VISIT_VERBS | lx.ARRIVE_VERBS | lx.DEPART_VERBS | lx.MOTION_VERBS
    if w.endswith("s") and not w.endswith("ss")
)
_AFTER_HEADLINE_VERB = frozenset({"to", "for", "in", "into", "off", "out"})


def repair_headline_verbs(doc: Doc) -> int:
    """Repairs "X jets off to Brazil" / "X heads to Kyiv" read with the verb as a noun or as the
    name's dependent: the verb heads its clause with the name as its subject. Returns the number of
    clauses repaired."""
    repaired = 0
    for verb in doc:
        if verb.lower_ not in _HEADLINE_VERBS or verb.i == 0 or verb.i + 1 >= len(doc):
            continue
        name = doc[verb.i - 1]
        if name.ent_type_ != "PERSON" or doc[verb.i + 1].lower_ not in _AFTER_HEADLINE_VERB:
            continue
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        if verb.pos_ == "VERB" and verb.tag_.startswith("VB") and has_subject:
            continue  # read as it is written
        if not has_subject:
            if name.head != verb:
                # "Modi heads to Kyiv" read as "Modi (ROOT) <- heads (dobj)": the verb takes the
                # name's place in the tree and the name becomes its subject
                _take_place(verb, name)
                for t in doc[name.i + 1 : sentence(verb).end]:
                    if t.head == name and t != verb:
                        t.head = verb
                name.head = verb
            name.dep_ = "nsubj"
        verb.pos_ = "VERB"
        verb.tag_ = "VBZ"
        # "jets off to Brazil": the destination hangs from the particle
        for prt in [c for c in verb.children if c.dep_ == "prt"]:
            for c in list(prt.children):
                if c.dep_ == "prep":
                    c.head = verb
        repaired += 1
    return repaired
