"""Small dependency-tree helpers shared by the visit, meeting and statement rules."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "acl", "pcomp"})


def is_verb(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB")


def governing_verb(tok: Token, max_hops: int = 5) -> Token:
    """The verb a noun hangs from ("his visit" in "during his visit, he met" -> "met")."""
    node = tok
    hops = 0
    while not is_verb(node) and node.head != node and hops < max_hops:
        node = node.head
        hops += 1
    return node


def _antecedent(relcl: Token) -> Token:
    """What a relative clause's pronoun stands for: its head, or for "who" hung on the last noun
    of an apposition ("X, the minister delegate for foreign trade, who met Y"), the name the
    apposition describes."""
    head = relcl.head
    if not any(c.lower_ == "who" for c in relcl.children) or head.pos_ != "NOUN" or head.dep_ != "pobj":
        return head
    node = head
    for _ in range(4):
        if node.dep_ == "appos" and node.head.pos_ == "PROPN":
            return node.head
        if node.dep_ not in {"pobj", "prep"} or node.head == node:
            break
        node = node.head
    return head


def subjects(verb: Token, max_hops: int = 4) -> list[Token]:
    """Subject tokens of a verb, inherited through xcomp/conj/aux chains ("is scheduled to meet")."""
    node = verb
    for _ in range(max_hops):
        found = [c for c in node.children if c.dep_ in SUBJ_DEPS]
        if node.dep_ == "relcl" and node.head != node:
            # "X, who arrived in Athens on Monday, ...": the relative pronoun stands for X
            found = [_antecedent(node) if c.tag_ in {"WP", "WDT"} or c.lower_ == "that" else c for c in found]
        if found:
            out: list[Token] = []
            for s in found:
                out.extend(with_conjuncts(s))
            return out
        if node.dep_ == "pcomp" and node.head.head != node.head:
            # "Before leaving for Beijing, President Bush ...": the main clause's subject
            node = node.head.head
            continue
        if node.dep_ in {"xcomp", "conj", "advcl", "ccomp", "dep", "acomp"} and node.head != node:
            # "adding that ..." (advcl) keeps the main subject; ccomp without subject too.
            node = node.head
            continue
        if node.dep_ == "acl" and node.head.dep_ in {"dobj", "attr", "pobj"} and node.head.head != node.head:
            # "disclosed plans to hold talks": the subject of "disclosed" holds the talks
            node = node.head.head
            continue
        if node.dep_ in {"acl", "relcl"} and node.head.dep_ == "appos":
            # "X held talks ..., the first delegation to visit Bucharest": X visits
            return with_conjuncts(node.head.head)
        if (
            node.dep_ in {"acl", "relcl"}
            and node.head.pos_ in {"NOUN", "PROPN"}
            and not any(c.dep_ in SUBJ_DEPS for c in node.children)
        ):
            return [node.head]  # "the first delegation to visit Bucharest": the delegation
        break
    return []


def with_conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("X and Y", "X, Y and Z")."""
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                stack.append(c)
    return out


def phrase_tokens(tok: Token) -> list[Token]:
    """A noun phrase's tokens, coordinated members included, relative and other clauses left out.

    "Deputy Chairman of the Senate X and Y, chair of ..." gives both X and Y, whichever of them the
    parser made the head.
    """
    out: list[Token] = []
    stack = [tok]
    while stack:
        cur = stack.pop()
        out.append(cur)
        for c in cur.children:
            if c.dep_ in {"relcl", "acl", "advcl", "ccomp", "parataxis"}:
                continue
            if c.dep_ == "conj" and is_verb(c):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def prep_objects(tok: Token, preps: set[str]) -> Iterator[Token]:
    """Objects of prepositions under ``tok``: "visit to Astana" -> Astana for preps {"to"}."""
    for c in tok.children:
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps:
            for g in c.children:
                if g.dep_ in {"pobj", "pcomp"}:
                    yield from with_conjuncts(g)
        elif c.dep_ in {"advmod", "prt"} and c.lower_ in _DIRECTIONAL:
            # "fly back to Buenos Aires", "headed on to Manila": the parser hangs the
            # preposition on the directional particle, not on the verb
            yield from prep_objects(c, preps)


# Particles of direction between a motion verb and its preposition.
_DIRECTIONAL = frozenset({"back", "home", "on", "onward", "onwards", "over", "straight", "directly"})


def objects(tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in {"dobj", "attr", "oprd", "dative"}:
            out.extend(with_conjuncts(c))
    return out


def subtree_span(tok: Token) -> Span:
    left = tok.left_edge.i
    right = tok.right_edge.i + 1
    return tok.doc[left:right]


_SPECULATIVE_MODALS = frozenset({"may", "might", "could"})
_SPECULATIVE_HEADS = frozenset(
    """unclear uncertain unknown speculation speculated rumoured rumored possible possibility
    whether wonder question""".split()
)


def clause_chain(tok: Token, max_hops: int = 4) -> list[Token]:
    """The trigger and the verbs and nouns it hangs from, up to the sentence root."""
    out = [tok]
    node = tok
    for _ in range(max_hops):
        if node.head == node:
            break
        node = node.head
        out.append(node)
    return out


def is_negated(tok: Token) -> bool:
    """ "did not visit", "has no plans to visit", "will not travel to"."""
    for node in clause_chain(tok, 3):
        for c in node.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return True
        if node.dep_ == "pcomp" and node.head.lower_ == "without":
            return True  # "agreed to resign without returning to Kyrgyzstan"
        if node.dep_ not in {"xcomp", "acl", "dobj", "aux", "prep", "pobj"}:
            break
    return False


def is_speculative(tok: Token) -> bool:
    """ "may meet", "whether X will visit", "it is unclear if": not an event, not a plan."""
    verb = governing_verb(tok)
    for node in clause_chain(verb, 3):
        for c in node.children:
            if c.dep_ == "aux" and c.lower_ in _SPECULATIVE_MODALS:
                return True
            if c.dep_ == "mark" and c.lower_ in {"whether", "if"}:
                return True
        if node.lower_ in _SPECULATIVE_HEADS:
            return True
    return any(t.lower_ == "whether" and t.i < tok.i for t in sentence(tok))


def is_called_off(tokens: list[Token]) -> bool:
    """ "called off", "put off" as phrasal verbs of cancelling (not "put back by a day")."""
    return any(
        t.lower_ in {"call", "calls", "called", "calling", "put", "puts", "putting"}
        and any(c.lower_ == "off" for c in t.children)
        for t in tokens
    )


def sentence(tok: Token) -> Span:
    """The sentence of a token. ``Token.sent`` iterates over every sentence of the document on each
    call; this walks only the token's own sentence."""
    doc = tok.doc
    start = tok.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def urges(tok: Token) -> bool:
    """ "called on X to lift the restrictions", "calling on rulers to cooperate": an appeal (a
    to-infinitive follows), not a courtesy call ("called on President X")."""
    return any(t.lower_ == "to" and t.dep_ == "aux" and t.i > tok.i for t in tok.subtree)


# "ahead of", "in advance of", "in the run-up to", "in the lead-up to", "in preparation for": the
# event named after them has not happened at the time of the clause.
_ANTICIPATING = {
    "of": {"ahead", "advance"},
    "to": {"run", "up", "run-up", "lead-up"},
    "for": {"preparation", "preparations"},
}


def is_anticipated(tok: Token) -> bool:
    """Whether a noun stands in a phrase of anticipation ("flew to Washington ahead of the meeting
    with X"), so the event it names is still to come when the clause's event takes place."""
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # "ahead of the summit and talks with X"
    if node.dep_ != "pobj":
        return False
    prep = node.head
    return prep.head.lower_ in _ANTICIPATING.get(prep.lower_, ())


def leaders_of(group: Token) -> list[Token]:
    """The agents a group noun is led or headed by ("a delegation led by X and Y": X, Y)."""
    return [
        t
        for a in group.children
        if a.dep_ == "acl" and a.lower_ in {"led", "headed"}
        for b in a.children
        if b.dep_ == "agent"
        for g in b.children
        if g.dep_ == "pobj"
        for t in with_conjuncts(g)
    ]
