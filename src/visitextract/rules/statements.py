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

from spacy.tokens import Span, Token

from visitextract.rules import lexicon as lx
from visitextract.rules.candidates import StatementCandidate
from visitextract.rules.context import DocContext
from visitextract.rules.people import PeopleResolver, PersonCluster
from visitextract.rules.syntax import governing_verb, is_verb, subjects

MIN_DIRECT_WORDS = 6
_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_TRAIL = " \t\n,.;:–—-\"'”’"
SPEECH_NOUNS = frozenset({"statement", "release", "communique", "communiqué", "readout", "tweet", "post"})


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages (content only), in one linear pass.

    Curly quotes pair up directly; straight double quotes and doubled apostrophes ('' ... '')
    alternate within a paragraph, which is where news copy closes them.
    """
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    open_at: int | None = None
    open_mark = ""
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch in _OPEN_CLOSE:
                open_at, open_mark = i + 1, _OPEN_CLOSE[ch]
            elif ch == '"':
                open_at, open_mark = i + 1, '"'
            elif text.startswith("''", i):
                open_at, open_mark = i + 2, "''"
                i += 1
        else:
            if text.startswith(open_mark, i) and i > open_at:
                spans.append((open_at, i))
                i += len(open_mark) - 1
                open_at = None
            elif ch == "\n" and text.startswith("\n", i + 1):
                open_at = None  # a paragraph break closes a dangling quotation
        i += 1
    return spans


class StatementRules:
    def __init__(self, ctx: DocContext, people: PeopleResolver) -> None:
        self.ctx = ctx
        self.people = people
        self.candidates: list[StatementCandidate] = []
        self.quotes = find_quotations(ctx.doc.text)
        self._quote_tokens: set[int] = set()
        for start, end in self.quotes:
            span = ctx.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                self._quote_tokens.update(t.i for t in span)
        self._last_org: Span | None = None

    def run(self) -> list[StatementCandidate]:
        used_verbs: set[int] = set()
        for start, end in self.quotes:
            verb = self._direct(start, end)
            if verb is not None:
                used_verbs.add(verb.i)
        for tok in self.ctx.doc:
            if tok.i in self._quote_tokens or tok.i in used_verbs:
                continue
            low = tok.lower_
            if (low in lx.REPORT_VERBS and is_verb(tok)) or self._phrasal(tok):
                self._reported(tok)
            elif low == "according" and tok.i + 1 < len(self.ctx.doc) and self.ctx.doc[tok.i + 1].lower_ == "to":
                self._according(tok)
        return self.candidates

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
            for c in tok.children:
                if c.dep_ in {"poss", "compound"}:
                    org = self.ctx.org_at.get(c.i)
                    if org is not None:
                        return None, org
                    pc = self.people.cluster_for_token(c)
                    if pc is not None:
                        return pc, None
        pm = self.ctx.place_at.get(tok.i)
        if pm is not None and pm.entity.kind in {"country", "bloc", "organization", "site"} and not pm.is_demonym:
            return None, pm.span
        return None, None

    def _speaker_of(self, verb: Token) -> tuple[PersonCluster | None, Span | None]:
        for s in subjects(verb):
            p, o = self._speaker(s)
            if p is not None or o is not None:
                return p, o
        # inverted attribution: "said Bagchi", "read the MEA release"
        doc = self.ctx.doc
        for j in range(verb.i + 1, min(len(doc), verb.i + 6)):
            if doc[j].is_punct and doc[j].text not in {"'s", "’s"}:
                break
            p, o = self._speaker(doc[j])
            if p is not None or o is not None:
                return p, o
        return None, None

    # ---------------------------------------------------------------- direct
    def _direct(self, start: int, end: int) -> Token | None:
        text = self.ctx.doc.text
        q_start, q_end = _trim(text, start, end)
        if len(text[q_start:q_end].split()) < MIN_DIRECT_WORDS:
            return None
        doc = self.ctx.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        verb = self._attribution_verb(span)
        if verb is None:
            return None
        person, org = self._speaker_of(verb)
        if person is None and org is None:
            return None
        tense = self.ctx.tense(verb)
        date = next((self.ctx.resolve_date(dm, tense) for dm in self.ctx.dates_for(verb)), None)
        self._add(person, org, q_start, q_end, True, "statement.quote", 0.9, verb, date)
        return verb

    def _attribution_verb(self, quote: Span) -> Token | None:
        doc = self.ctx.doc
        # after the quotation, in the same sentence: "“...,” the minister underlined."
        last_sent = doc[quote.end - 1].sent if quote.end - 1 < len(doc) else quote.sent
        for j in range(quote.end, min(len(doc), max(last_sent.end, quote.end + 1) + 1, quote.end + 12)):
            t = doc[j]
            if t.i in self._quote_tokens:
                break
            if (t.lower_ in lx.REPORT_VERBS or t.lower_ in lx.QUOTE_READ_VERBS) and is_verb(t):
                return t
            if t.text in {".", "!", "?"} and j > quote.end + 1:
                break
        # the verb that governs the quotation: "X told reporters that he hopes to “...”"
        node = quote.root
        for _ in range(6):
            if node.head == node:
                break
            node = node.head
            if node.i in self._quote_tokens:
                continue
            if node.lower_ in lx.REPORT_VERBS and is_verb(node):
                return node
        # before the quotation in the same sentence: "Bagchi said, “...”", "Quote: “...”"
        first_sent = doc[quote.start].sent
        for j in range(quote.start - 1, max(first_sent.start - 1, quote.start - 10), -1):
            t = doc[j]
            if (t.lower_ in lx.REPORT_VERBS) and is_verb(t) and t.i not in self._quote_tokens:
                return t
        return None

    # -------------------------------------------------------------- reported
    def _phrasal(self, tok: Token) -> bool:
        doc = self.ctx.doc
        if tok.i + 1 >= len(doc):
            return False
        return (tok.lower_, doc[tok.i + 1].lower_) in lx.REPORT_PHRASAL and is_verb(tok)

    def _content(self, verb: Token) -> tuple[int, int] | None:
        """Token range of what the verb reports."""
        for c in verb.children:
            if c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i:
                sub = list(c.subtree)
                start = sub[0].i
                if self.ctx.doc[start].lower_ == "that":
                    start += 1
                return start, sub[-1].i + 1
        if verb.lower_ in lx.REPORT_OBJECT_VERBS or self._phrasal(verb) or verb.lower_ in {"urged", "urges"}:
            right = [c for c in verb.children if c.i > verb.i and c.dep_ not in {"punct", "cc", "conj"}]
            if not right:
                return None
            end = max(t.i for c in right for t in c.subtree) + 1
            return verb.i, end
        return None

    def _inner_speaker_clause(self, verb: Token, start: int, end: int) -> bool:
        """Whether the content is itself a reporting clause with a speaker of its own."""
        for c in verb.children:
            if c.dep_ == "ccomp" and (c.lower_ in lx.REPORT_VERBS or self._phrasal(c)):
                p, o = self._speaker_of(c)
                if p is not None or o is not None:
                    return True
        return False

    def _reported(self, verb: Token) -> None:
        content = self._content(verb)
        if content is None:
            return
        start, end = content
        if end - start < 3:
            return
        if self._inner_speaker_clause(verb, start, end):
            return
        covered = sum(1 for i in range(start, end) if i in self._quote_tokens)
        if covered / max(1, end - start) >= 0.5:
            return
        person, org = self._speaker_of(verb)
        if person is None and org is None:
            return
        doc = self.ctx.doc
        c_start, c_end = _trim(doc.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        tense = self.ctx.tense(verb)
        date = next((self.ctx.resolve_date(dm, tense) for dm in self.ctx.dates_for(verb)), None)
        self._add(person, org, c_start, c_end, False, "statement.reported", 0.75, verb, date)

    def _according(self, tok: Token) -> None:
        doc = self.ctx.doc
        to = doc[tok.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return
        person, org = self._speaker(source)
        if person is None and org is None:
            return
        main = governing_verb(tok)
        if main == tok:
            return
        if main.lower_ in lx.REPORT_VERBS or self._phrasal(main):
            subj_p, subj_o = self._speaker_of(main)
            if subj_p is not None and len(subjects(main)) == 1:
                return  # "According to the ministry, Wang mentioned ..." is Wang's statement
        sub = [t for t in main.subtree if not (tok.i <= t.i <= source.right_edge.i)]
        sub = [t for t in sub if t.i > source.right_edge.i or t.i < tok.i]
        if not sub:
            return
        start = min(t.i for t in sub)
        end = max(t.i for t in sub) + 1
        while start < end and doc[start].is_punct:
            start += 1
        c_start, c_end = _trim(doc.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        if len(doc.text[c_start:c_end].split()) < 3:
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
                evidence=[verb.sent],
                date=date if isinstance(date, m.DateRange) else None,
            )
        )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    while start < end and text[start] in " \t\n\"'“‘":
        start += 1
    # keep a closing bracket or quote that pairs with one inside
    if end < len(text) and text[end] == ")" and "(" in text[start:end]:
        end += 1
    return start, end
