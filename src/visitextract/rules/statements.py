"""Statements: who said what, as a verbatim quotation or as reported speech.

* ``statement.quote``      a quotation of six words or more, attributed by the reporting verb next to
                           it ("“...,” the minister underlined", "Bagchi said, “...”")
* ``statement.reported``   a reporting verb and its content ("X said (that) ...", "X called for ...",
                           "X thanked Y for ...", "X expressed ...")
* ``statement.according``  "According to X, <clause>" when the clause has no speaker of its own

An outer speaker that only relays an inner one ("the ministry said X called for ...") gives the
statement to the inner speaker, who is the one whose words are reported.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from visitextract.rules import lexicon as lx
from visitextract.rules.candidates import StatementCandidate
from visitextract.rules.context import DocContext, is_agency
from visitextract.rules.people import PeopleResolver, PersonCluster
from visitextract.rules.syntax import governing_verb, is_verb, sentence, subjects, urges

MIN_DIRECT_WORDS = 6
_TRAIL = " \t\n,.;:–—-\"'”’"
SPEECH_NOUNS = frozenset(
    {
        "statement",
        "release",
        "communique",
        "communiqué",
        "readout",
        "tweet",
        "post",
        "email",
        "e-mail",
        "letter",
        "message",
    }
)
# Reporting verbs that take the claim as an object when there is no clause ("stressed the importance of").
_CLAIM_BY_OBJECT = frozenset(
    """stressed stresses stress underlined underlines underline emphasized emphasised emphasizes
    emphasises reiterated reiterates noted notes confirmed confirms warned voiced affirmed affirms
    reaffirmed reaffirms""".split()
)
_PHRASAL_FIRST = frozenset(first for first, _ in lx.REPORT_PHRASAL)
_TELL_FORMS = frozenset("tell tells told telling".split())
_PURPOSE_WORDS = frozenset("meant aimed designed intended aiming seeking expected".split())
_STATE_BODY_HEADS = frozenset(
    """ministry government office presidency embassy department commission council cabinet court
    secretariat administration palace house kremlin""".split()
)
# "quoted X as saying", "cited X as saying": the relayed words are X's, not the relay's.
_QUOTING_VERBS = frozenset("quoted quotes quoting cited cites citing".split())
# Verbs that may follow the speaker's words and precede the speaker: "..., said Bagchi."
INVERTING = frozenset(
    {"said", "says", "added", "adds", "read", "reads", "wrote", "told", "noted", "asked", "posted", "tweeted"}
)


class StatementRules:
    def __init__(self, ctx: DocContext, people: PeopleResolver) -> None:
        self.ctx = ctx
        self.people = people
        self.candidates: list[StatementCandidate] = []
        self.quotes = ctx.quotes
        self._quote_tokens = ctx.quote_tokens
        self._last_org: Span | None = None
        self._last_direct: tuple[PersonCluster | None, Span | None, int] | None = None

    def run(self) -> list[StatementCandidate]:
        used_verbs: set[int] = set()
        for start, end in self.quotes:
            verb = self._direct(start, end)
            if verb is not None:
                used_verbs.add(verb.i)
        for tok in self.ctx.tokens:
            if tok.i in self._quote_tokens or tok.i in used_verbs:
                continue
            low = tok.lower_
            if (low in lx.REPORT_VERBS and is_verb(tok)) or self._phrasal(tok):
                self._reported(tok)
            elif (
                low in {"according", "as"}
                and tok.i + 1 < len(self.ctx.doc)
                and self.ctx.doc[tok.i + 1].lower_ == ("to" if low == "according" else "per")
            ):
                self._according(tok)  # "according to the ministry", "as per a release by the MEA"
        self._release_body()
        return self.candidates

    def _release_body(self) -> None:
        """ "Statement by Foreign Minister X at the start of her visit:" heading a press release: the
        unquoted body is X's own words, each sentence a direct statement."""
        text = self.ctx.text
        head = _RELEASE_HEADING.search(text[:600])
        if head is None:
            return
        doc = self.ctx.doc
        span = doc.char_span(head.start(), head.end(), alignment_mode="expand")
        if span is None:
            return
        person = next((c for t in span if (c := self.people.by_token.get(t.i)) is not None and c.named), None)
        if person is None:
            return
        for sent in self.ctx.sents:
            if sent.end_char <= head.end() or sent.start in self._quote_tokens:
                continue
            if text[head.end() : sent.start_char].count("\n\n") > 12:
                break
            # (the parser may run the heading into the body's first sentence)
            start, end = _trim(text, max(sent.start_char, head.end()), sent.end_char)
            if len(text[start:end].split()) >= MIN_DIRECT_WORDS and not any(
                t.i in self._quote_tokens for t in sent
            ):
                self._add(person, None, start, end, True, "statement.release_body", 0.7, sent.root, None)

    # --------------------------------------------------------------- speakers
    def _speaker(self, tok: Token) -> tuple[PersonCluster | None, Span | None]:
        person = self.people.cluster_for_token(tok)
        if person is not None:
            return person, None
        if tok.lower_ == "it" and self._last_org is not None:
            return None, self._last_org
        org = self.ctx.org_at.get(tok.i)
        if org is not None:
            return None, org
        if tok.lower_ in SPEECH_NOUNS:
            # "a release issued by the MEA": the agent of the participle that qualifies it
            for acl in (c for c in tok.children if c.dep_ == "acl"):
                for agent in (a for a in acl.children if a.dep_ == "agent"):
                    for g in agent.subtree:
                        if self.ctx.org_at.get(g.i) is not None:
                            return None, self.ctx.org_at[g.i]
                        p = self.people.cluster_for_token(g)
                        if p is not None:
                            return p, None
            for c in tok.children:
                if (
                    c.dep_ == "prep"
                    and c.lower_ in {"from", "by"}
                    and any(self.ctx.org_at.get(g.i) is not None for g in c.subtree)
                ):
                    # "A statement from the presidency said", "a release issued by the MEA"
                    g = next(g for g in c.subtree if self.ctx.org_at.get(g.i) is not None)
                    return None, self.ctx.org_at[g.i]
                if c.dep_ == "prep" and c.lower_ == "by":  # "a statement by the presidential adviser X"
                    for g in c.children:
                        p = self.people.cluster_for_token(g)
                        if p is not None:
                            return p, None
                        for t in g.subtree:
                            p = self.people.by_token.get(t.i)
                            if p is not None:
                                return p, None
                if c.dep_ in {"poss", "compound"}:
                    org = self.ctx.org_at.get(c.i)
                    if org is not None:
                        return None, org
                    pc = self.people.cluster_for_token(c)
                    if pc is not None:
                        return pc, None
        pm = self.ctx.place_at.get(tok.i)
        if (
            pm is not None
            and pm.entity.kind in {"country", "bloc", "organization", "site"}
            and not pm.is_demonym
        ):
            return None, pm.span
        return None, None

    def _speaker_of(
        self, verb: Token, quote_end: int | None = None
    ) -> tuple[PersonCluster | None, Span | None]:
        """Who speaks through a reporting verb. After a quotation the words inside it are not the
        speaker ("“Minister X will visit ...,” the MEA's statement read")."""
        quoting = verb.head.head if verb.head.lower_ == "as" else verb.head
        if verb.lower_ == "saying" and quoting.lower_ in _QUOTING_VERBS:
            # "The agency quoted Ambassador X as saying ...": the words are X's
            for obj in quoting.children:
                if obj.dep_ in {"dobj", "nsubjpass"}:
                    relayed = self._speaker(obj)
                    if relayed != (None, None):
                        return relayed
        outer = _coordinated_in_claim(verb)
        if outer is not None and not any(
            self.people.cluster_for_token(t) is not None for t in subjects(verb.head)
        ):
            # "X said Egypt appreciated ... and stressed that ...": the second verb is X's too; not
            # "the ministry said Ito held talks with Y and told him that ...": Ito's
            return self._speaker_of(outer)
        subj = [t for t in subjects(verb) if t.i not in self._quote_tokens]
        if quote_end is not None and not subj:
            for j in range(verb.i - 1, quote_end - 1, -1):
                p, o = self._speaker(self.ctx.doc[j])
                if p is not None or o is not None:
                    return p, o
        if len(subj) > 1:
            # "Motegi and Wang confirmed ...": a joint claim is the source's, if one is named
            source = self._according_source(verb)
            if source != (None, None):
                return source
        for s in subj:
            p, o = self._speaker(s)
            if p is not None or o is not None:
                return p, o
        # inverted attribution after a quotation: "..., said Bagchi", "..." read the MEA release
        doc = self.ctx.doc
        if verb.lower_ not in INVERTING or verb.i == 0:
            return None, None
        prev = doc[verb.i - 1]
        if not (prev.is_punct or prev.i in self._quote_tokens):
            return None, None
        for j in range(verb.i + 1, min(len(doc), verb.i + 6)):
            if doc[j].is_punct and doc[j].text not in {"'s", "’s"}:
                break
            p, o = self._speaker(doc[j])
            if p is not None or o is not None:
                return p, o
        return None, None

    def _according_source(self, verb: Token) -> tuple[PersonCluster | None, Span | None]:
        sent = sentence(verb)
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and self.ctx.doc[t.i + 1].lower_ == "to":
                obj = next((c for c in self.ctx.doc[t.i + 1].children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return self._speaker(obj)
        return None, None

    # ---------------------------------------------------------------- direct
    def _direct(self, start: int, end: int) -> Token | None:
        text = self.ctx.text
        q_start, q_end = _trim(text, start, end)
        doc = self.ctx.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        if len(text[q_start:q_end].split()) < MIN_DIRECT_WORDS:
            # too short to be a statement, but a sentence said still names who speaks on: '"Japan
            # stands with you," Kishida said. "We will continue to support your coast guard."'
            if any(t.tag_.startswith("VB") for t in span):
                verb = self._attribution_verb(span)
                if verb is not None:
                    person, org = self._speaker_of(verb, quote_end=span.end if verb.i >= span.end else None)
                    if person is not None or org is not None:
                        self._last_direct = (person, org, end)
            return None
        if not any(t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB") for t in span):
            # a quoted phrase ("in a new political situation") is not something said, unless it is
            # the speaker's characterisation: 'called the talks "constructive and very useful"'
            verb = _characterisation(span, self._quote_tokens)
            if verb is None and text[q_end : end + 1].strip(" \"'”’“") in {",", ""} and q_end < end:
                # '"Productive talks with my friend Prime Minister Modi today," Albanese wrote': a
                # quotation closed by its comma and attributed right after it is said, verb or not
                verb = self._attribution_verb(span)
                if verb is not None and not (verb.i >= span.end and verb.i - span.end <= 6):
                    verb = None
            if verb is None:
                return None
        else:
            verb = self._attribution_verb(span)
        if verb is None:
            self._continued(start, end)
            return None
        person, org = self._speaker_of(verb, quote_end=span.end if verb.i >= span.end else None)
        if person is None and org is None:
            return None
        self._last_direct = (person, org, end)
        tense = self.ctx.tense(verb)
        date = next((self.ctx.resolve_date(dm, tense) for dm in self.ctx.dates_for(verb)), None)
        clause = self._embedding_clause(span, verb)
        if clause is not None:
            # "confirmed that their countries will promote a “mutually beneficial relationship”":
            # a quoted phrase inside a reported claim; the claim is the statement.
            c_start, c_end = clause
            self._add(person, org, c_start, c_end, False, "statement.reported", 0.75, verb, date)
            return verb
        self._add(person, org, q_start, q_end, True, "statement.quote", 0.9, verb, date)
        return verb

    def _embedding_clause(self, quote: Span, verb: Token) -> tuple[int, int] | None:
        """The reported clause around a quotation, when the quotation is under 60% of it."""
        if verb.i >= quote.start:
            return None  # attribution after the quotation: the quotation is the whole statement
        content = self._content(verb)
        if content is None:
            return None
        start, end = content
        if not (start <= quote.start and quote.end <= end + 1):
            return None
        words = [t for t in self.ctx.doc[start:end] if not t.is_punct]
        inside = [t for t in words if t.i in self._quote_tokens]
        if not words or len(inside) / len(words) >= 0.6:
            return None
        text = self.ctx.text
        return _trim(
            text, self.ctx.doc[start].idx, self.ctx.doc[end - 1].idx + len(self.ctx.doc[end - 1].text)
        )

    def _same_paragraph(self, quote: Span, tok: Token) -> bool:
        lo, hi = sorted((quote.start_char, tok.idx))
        return "\n\n" not in self.ctx.text[lo:hi]

    def _continued(self, start: int, end: int) -> None:
        """ "“...,” X told reporters. “...”": an unattributed quotation right after X's quotation,
        in the same paragraph, is X's too."""
        last = self._last_direct
        if last is None:
            return
        person, org, prev_end = last
        gap = self.ctx.text[prev_end + 1 : max(prev_end + 1, start - 1)]  # without the quote marks
        if "\n\n" in gap or len(gap) > 120 or any(ch in gap for ch in '“”"'):
            return
        q_start, q_end = _trim(self.ctx.text, start, end)
        span = self.ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        self._add(person, org, q_start, q_end, True, "statement.quote_continued", 0.8, span.root, None)
        self._last_direct = (person, org, end)

    def _attribution_verb(self, quote: Span) -> Token | None:
        doc = self.ctx.doc
        # after the quotation, in the same sentence: "“...,” the minister underlined."
        for j in range(quote.end, min(len(doc), quote.end + 12)):
            t = doc[j]
            if t.i in self._quote_tokens:
                break
            if t.dep_ == "cc":
                break  # '"...", but noted that ...': a second claim of the speaker named before
            if (t.lower_ in lx.REPORT_VERBS or t.lower_ in lx.QUOTE_READ_VERBS) and is_verb(t):
                return t
            if t.text in {".", "!", "?"} and j > quote.end + 1:
                break
            if t.text == "\n" or (t.is_space and "\n\n" in t.text):
                break
        # the verb that governs the quotation: "X told reporters that he hopes to “...”"
        for tok in quote:
            if tok.head.i in self._quote_tokens and tok.head != tok:
                continue  # only tokens whose head lies outside the quotation lead out of it
            node = tok
            for _ in range(6):
                if node.head == node:
                    break
                child, node = node, node.head
                if node.i in self._quote_tokens:
                    continue
                if node.lower_ in lx.REPORT_VERBS and is_verb(node) and self._same_paragraph(quote, node):
                    return node
                if _names_as(node, child):
                    return node  # 'called the talks "a turning point in our relations"'
        # before the quotation in the same sentence: "Bagchi said, “...”", "Quote: “...”"
        first_sent = sentence(doc[quote.start])
        for j in range(quote.start - 1, max(first_sent.start - 1, quote.start - 10), -1):
            t = doc[j]
            if (t.lower_ in lx.REPORT_VERBS) and is_verb(t) and t.i not in self._quote_tokens:
                return t
        return None

    # -------------------------------------------------------------- reported
    def _phrasal(self, tok: Token) -> bool:
        doc = self.ctx.doc
        if tok.lower_ not in _PHRASAL_FIRST or tok.i + 1 >= len(doc):
            return False
        pair = (tok.lower_, doc[tok.i + 1].lower_)
        if pair not in lx.REPORT_PHRASAL or not is_verb(tok):
            return False
        if pair[1] == "on":
            return urges(tok)  # "called on X to ...": an appeal; "called on X": a courtesy call
        return True

    def _content(self, verb: Token) -> tuple[int, int] | None:
        """Token range of what the verb reports, within the verb's own paragraph."""
        found = self._content_range(verb)
        if found is None:
            return None
        start, end = found
        doc = self.ctx.doc
        # never reach across a line break (a dateline line above the lede)
        for i in range(verb.i - 1, start - 1, -1):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                start = i + 1
                break
        for i in range(verb.i, end):
            if "\n" in doc[i].text:
                end = i
                break
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return (start, end) if end > start else None

    def _content_range(self, verb: Token) -> tuple[int, int] | None:
        """A clause ("said (that) X", "X, she said") first; else the verb and its objects for verbs
        that report by their object ("urged X to", "thanked X for", "stressed the importance of")."""
        ccomp = [c for c in verb.children if c.dep_ == "ccomp"]
        if not ccomp and (
            verb.lower_ in lx.REPORT_OBJECT_VERBS
            or self._phrasal(verb)
            or verb.lower_ in _CLAIM_BY_OBJECT
            or self._characterises(verb)
        ):
            span = self._object_content(verb)
            if span is not None:
                return span
        if not ccomp:
            # "said in a statement that X": the parser hangs the clause on "statement"
            for p in verb.children:
                if p.dep_ == "prep":
                    for noun in p.children:
                        if noun.lower_ in SPEECH_NOUNS:
                            ccomp = [
                                c
                                for c in noun.children
                                if c.dep_ in {"acl", "ccomp", "relcl"}
                                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                            ]
        if not ccomp and verb.lower_ in _TELL_FORMS:
            # "told the meeting both sides should prepare ...": without "that", the parser hangs
            # the claim on the listener as a relative clause with a subject of its own
            ccomp = [
                r
                for o in verb.children
                if o.dep_ in {"dobj", "dative"}
                for r in o.children
                if r.dep_ == "relcl"
                and r.i > o.i
                and any(
                    ch.dep_ in {"nsubj", "nsubjpass"} and ch.tag_ not in {"WDT", "WP", "WP$"}
                    for ch in r.children
                )
                and not any(ch.lower_ in {"that", "who", "which", "whom"} for ch in r.children)
            ]
        if not ccomp and verb.dep_ == "parataxis" and verb.head.i > verb.i and is_verb(verb.head):
            # "The talks, the minister said, had been constructive": the clause around the verb;
            # the longer of its two sides is the verbatim part that carries the claim
            head = verb.head
            before = (head.left_edge.i, verb.left_edge.i)
            after = (verb.right_edge.i + 1, head.right_edge.i + 1)
            start, end = max(before, after, key=lambda r: r[1] - r[0])
            doc = self.ctx.doc
            while start < end and doc[start].is_punct:
                start += 1
            while end > start and doc[end - 1].is_punct:
                end -= 1
            return (start, end) if end > start else None
        for c in ccomp + [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}]:
            if c.dep_ in {"ccomp", "acl", "relcl"} or (c.dep_ == "xcomp" and c.i > verb.i):
                sub = list(c.subtree)
                start = sub[0].i
                if self.ctx.doc[start].lower_ == "that":
                    start += 1
                end = sub[-1].i + 1
                for g in c.children:
                    if _coordinated_in_claim(g) == verb:
                        # "said Egypt appreciated X and stressed that Y": the claim ends before "and"
                        end = min(end, g.left_edge.i)
                        while end > start and self.ctx.doc[end - 1].dep_ == "cc":
                            end -= 1
                # "said he believed the leaders ... would stick to ...": the parser may cut one
                # clause in two, both hanging from the verb; the content runs to the end of the last
                for more in verb.children:
                    if more.dep_ == "ccomp" and more.i > c.i and c.i > verb.i:
                        end = max(end, more.right_edge.i + 1)
                while end > start and self.ctx.doc[end - 1].is_punct:
                    end -= 1
                return start, end
        return None

    @staticmethod
    def _characterises(verb: Token) -> bool:
        """ "described the talks as frank", "termed the visit historic": the characterisation is the
        claim; "described the route" characterises nothing."""
        if verb.lower_ not in lx.CHARACTERISE_VERBS:
            return False
        return any(
            (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in {"oprd", "acomp"}
            for c in list(verb.children) + [g for c in verb.children if c.dep_ == "dobj" for g in c.children]
        )

    def _object_content(self, verb: Token) -> tuple[int, int] | None:
        """The verb and its objects, not a participle clause that follows ("..., expressing ...")."""
        doc = self.ctx.doc
        right = [
            c
            for c in verb.children
            if c.i > verb.i
            and (
                c.dep_ not in {"punct", "cc", "conj", "advcl", "parataxis", "relcl"}
                # "rejected the threats and denigrating references ...": a participle the parser
                # took for a clause, though nothing sets it off from the object
                or (
                    c.dep_ in {"advcl", "conj"}
                    and c.tag_ == "VBG"
                    and c.left_edge.i == c.i
                    and doc[c.i - 1].dep_ == "cc"
                    and any(g.dep_ == "dobj" for g in c.children)
                )
                # "affirmed the UAE's keenness to strengthen its relations": an infinitive right
                # after the object completes it (the parser hangs it on the verb)
                or (
                    c.dep_ == "advcl"
                    and doc[c.left_edge.i].lower_ == "to"
                    and doc[c.left_edge.i - 1].text != ","
                    and any(g.dep_ == "dobj" and g.i < c.i for g in verb.children)
                )
            )
        ]
        if not right:
            return None
        if not self._characterises(verb) and any(
            c.dep_ == "dobj" and c.lower_ in {"this", "that", "it", "these"} for c in right
        ):
            return None  # "disclosed this in a statement": the claim is elsewhere
        end = max(t.i for c in right for t in c.subtree) + 1
        while end > verb.i and doc[end - 1].is_punct:
            if doc[end - 1].is_quote and sum(t.is_quote for t in doc[verb.i : end]) % 2 == 0:
                break  # 'described the meeting as "businesslike"': the quotation closes in the claim
            end -= 1
        return verb.i, end

    def _inner_speaker_clause(self, verb: Token, start: int, end: int) -> bool:
        """Whether the content is itself a reporting clause with a speaker of its own."""
        for c in verb.children:
            if c.dep_ == "ccomp" and (c.lower_ in lx.REPORT_VERBS or self._phrasal(c)):
                p, o = self._speaker_of(c)
                if p is not None or (o is not None and not self._is_place(o)):
                    return True
        return False

    def _country_speaker(self, org: Span) -> bool:
        pm = self.ctx.place_at.get(org.start)
        return pm is not None and pm.entity.kind == "country" and org.start not in self.ctx.org_at

    def _narrator(self, org: Span) -> bool:
        """The agency that carries the story (its dateline credit) reports; it is not a source."""
        credited = self.ctx.credited_agencies
        return any(pm.entity.id in credited for pm in self.ctx.places_in(org.start, org.end))

    def _is_place(self, span: Span) -> bool:
        """ "X said Vietnam welcomed ...": a country inside a claim is what the claim is about."""
        return span.start in self.ctx.place_at and span.start not in self.ctx.org_at

    def _relayed(self, verb: Token) -> bool:
        """The verb is inside another reporting verb's claim ("X said Vietnam welcomed ...")."""
        head = verb.head
        return (
            verb.dep_ == "ccomp" and head != verb and (head.lower_ in lx.REPORT_VERBS or self._phrasal(head))
        )

    def _reported(self, verb: Token) -> None:
        if verb.dep_ == "xcomp" and verb.head.lower_ in _PURPOSE_WORDS:
            return  # "a trip meant to underline the ties": a purpose, not words said
        if any(c.dep_ == "neg" for c in verb.children):
            return  # "the ministry has not confirmed the date", "did not say when": nothing said
        content = self._content(verb)
        if content is None:
            return
        start, end = content
        if end - start < 3:
            return
        covered = sum(1 for i in range(start, end) if i in self._quote_tokens)
        if covered / max(1, end - start) >= 0.5:
            return
        person, org = self._speaker_of(verb)
        if person is None and org is None:
            return
        if person is None and org is not None and self._country_speaker(org):
            if not any(c.dep_ == "ccomp" for c in verb.children):
                return  # "China called for a ceasefire": the state's act; "India conveyed that ..." speaks
        if self._inner_speaker_clause(verb, start, end):
            # "X said Y noted ...": Y's words. An institution that relays them ("The PMO said in an
            # email that Trudeau noted ...") has made a statement of its own too.
            if person is not None or org is None or not self._state_body(org):
                return

        if (
            person is None
            and org is not None
            and (self._narrator(org) or (self._is_place(org) and self._relayed(verb)))
        ):
            return  # "NAN reports that ..." in NAN's own story: the narrator, not a source
        doc = self.ctx.doc
        start = max(start, self.ctx.dateline_end_token)  # not inside "NEW DELHI, Mar 10 (PTI) -"
        if end - start < 3:
            return
        c_start, c_end = _trim(self.ctx.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        tense = self.ctx.tense(verb)
        date = next((self.ctx.resolve_date(dm, tense) for dm in self.ctx.dates_for(verb)), None)
        self._add(person, org, c_start, c_end, False, "statement.reported", 0.75, verb, date)
        for more in _further_that_clauses(verb):
            # "told reporters that A, and that B": B is a second claim of the same speaker (the
            # clause after its "that")
            words = list(more.subtree)[1:]
            if len(words) >= 3:
                m_start, m_end = _trim(self.ctx.text, words[0].idx, words[-1].idx + len(words[-1].text))
                self._add(person, org, m_start, m_end, False, "statement.reported", 0.7, verb, date)

    def _state_body(self, org: Span) -> bool:
        """A government body ("the Prime Minister's Office", "the foreign ministry", "the Royal
        Court"), not a newspaper or an agency that passes on someone's words."""
        if self._narrator(org):
            return False
        known = [pm for pm in self.ctx.places_in(org.start, org.end) if pm.entity.kind == "organization"]
        if known:
            return not any(is_agency(pm) for pm in known)
        return not self._is_place(org) and org.root.lower_ in _STATE_BODY_HEADS

    def _according(self, tok: Token) -> None:
        doc = self.ctx.doc
        to = doc[tok.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return
        person, org = self._speaker(source)
        if person is None and org is None:
            return
        if person is None and org is not None and self._narrator(org):
            return
        main = governing_verb(tok.head) if tok.head != tok else tok
        if main == tok:
            return
        while main.dep_ == "conj" and main.head != main:
            main = main.head  # "Mexico is X and is Y, according to ...": the whole claim
        reporter = main
        while reporter.dep_ == "ccomp" and reporter.head != reporter:
            reporter = reporter.head  # "Chinh said Vietnam welcomed ..., according to a readout"
        for verb in dict.fromkeys((main, reporter)):
            if verb.lower_ in lx.REPORT_VERBS or self._phrasal(verb):
                subj_p, _subj_o = self._speaker_of(verb)
                if subj_p is not None and len(subjects(verb)) == 1:
                    return  # "According to the ministry, Wang mentioned ..." is Wang's statement
        sub = [t for t in main.subtree if not (tok.i <= t.i <= source.right_edge.i)]
        sub = [t for t in sub if t.i > source.right_edge.i or t.i < tok.i]
        if not sub:
            return
        start = min(t.i for t in sub)
        end = max(t.i for t in sub) + 1
        while start < end and doc[start].is_punct:
            start += 1
        c_start, c_end = _trim(self.ctx.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        if len(self.ctx.text[c_start:c_end].split()) < 3:
            return
        self._add(person, org, c_start, c_end, False, "statement.according", 0.7, main, None)

    # ------------------------------------------------------------------- add
    def _add(
        self,
        person: PersonCluster | None,
        org: Span | None,
        start: int,
        end: int,
        direct: bool,
        rule: str,
        confidence: float,
        verb: Token,
        date: object,
    ) -> None:
        from visitextract import models as m

        if org is not None:
            self._last_org = org
        if person is not None and not person.named:
            confidence -= 0.1
        self.candidates.append(
            StatementCandidate(
                speaker_person=person,
                speaker_org=org if person is None else None,
                quote_start=start,
                quote_end=end,
                direct=direct,
                rule=rule,
                confidence=round(confidence, 2),
                evidence=[sentence(verb)],
                date=date if isinstance(date, m.DateRange) else None,
            )
        )


# The heading of a statement published in its author's name: "Statement by Foreign Minister X at
# the start of her visit:", "Remarks by President X on ...:", alone on its line and ending in a colon.
_RELEASE_HEADING = re.compile(
    r"(?m)^[ \t]*(?:Press |Joint |Opening |Closing )?(?:Statement|Remarks|Speech|Address|Message|Op-ed|"
    r"Article)s?[ \t]+(?:by|of|from)[ \t]+[^\n]{3,200}?:[ \t]*$"
)


_CALL_FORMS = frozenset("call calls called calling".split())


def _names_as(verb: Token, child: Token) -> bool:
    """ "called the talks <child>", "described the talks as <child>": ``child`` characterises."""
    if child.dep_ in {"oprd", "acomp", "xcomp"} and any(c.dep_ == "dobj" for c in verb.children):
        return verb.lower_ in _CALL_FORMS or verb.lower_ in lx.CHARACTERISE_VERBS
    return child.dep_ == "pobj" and child.head.lower_ == "as" and verb.lower_ in lx.CHARACTERISE_VERBS


def _characterisation(quote: Span, quote_tokens: set[int]) -> Token | None:
    """The verb a verbless quotation characterises by ('called the talks "constructive and very
    useful"', 'described the visit as "a new chapter in our ties"')."""
    for tok in quote:
        if tok.head.i in quote_tokens or tok.head == tok:
            continue
        head = tok.head
        if head.lower_ == "as" and tok.dep_ == "pobj":
            verb = head.head.head if head.head.dep_ == "dobj" else head.head  # "described the visit as"
            if _names_as(verb, tok):
                return verb
            continue
        if _names_as(head, tok):
            return head
    return None


def _further_that_clauses(verb: Token) -> list[Token]:
    """Clauses coordinated with a reporting verb's claim, each with its own "that" ("told reporters
    that A, and that B"), which the parser hangs on the verb; not a second reporting verb."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.i > verb.i
        and c.lower_ not in lx.REPORT_VERBS
        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)
    ]


def _coordinated_in_claim(verb: Token) -> Token | None:
    """The reporting verb whose claim a coordinated reporting verb without its own subject was
    parsed into ("X said Egypt appreciated ... and stressed that ..." hangs "stressed" on
    "appreciated"), else None."""
    if verb.dep_ != "conj" or verb.lower_ not in lx.REPORT_VERBS or not is_verb(verb):
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    head = verb.head
    if (
        head.dep_ == "ccomp"
        and head.head != head
        and head.head.lower_ in lx.REPORT_VERBS
        and is_verb(head.head)
    ):
        return head.head
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    while start < end and text[start] in " \t\n\"'“‘,;:–—":
        start += 1
    # keep a closing bracket or quote that pairs with one inside
    if end < len(text) and text[end] == ")" and "(" in text[start:end]:
        end += 1
    elif (
        end < len(text) and text[end] in '"”' and text[start:end].count('"') + text[start:end].count("“") == 1
    ):
        end += 1  # 'described the meeting as "businesslike"'
    return start, end
