"""Entity correction: places, demonyms, offices, people and organisations.

The statistical NER of a small English pipeline is a good start and a poor end for diplomatic news:
it tags "Mukhtar Tileuberdi" and "Kazakh" as ORG and swallows "Kazakh President Kassym-Jomart
Tokayev" into one ORG. This component runs after ``ner`` and corrects it with knowledge tables:

* every gazetteer alias (countries, demonyms, capitals, seats of government, blocs) becomes a span
  in ``doc.spans["ve_places"]`` with ``span._.ve_place = {"id", "type"}``;
* every office title becomes a span in ``doc.spans["ve_offices"]`` with ``span._.ve_office``;
* a run of capitalised words after a title, "counterpart" or an honorific, or before ", <title>",
  is a PERSON whatever the model said; later surname-only mentions of a known person are PERSON too;
* organisations ("the Lithuanian Foreign Ministry") go to ``doc.spans["ve_orgs"]``.

``doc.ents`` is rewritten so that these corrections win over the model where they overlap. Matching
is done with PhraseMatchers built once per component, so the cost is linear in the text. Span values
are plain dicts, so docs stay serialisable (DocBin, ``nlp.pipe(n_process=...)``).
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from visitextract.normalize.gazetteer import Alias, Entity, Gazetteer
from visitextract.normalize.offices import INSTITUTION_HEADS, OfficeInfo, OfficeTaxonomy, default_taxonomy
from visitextract.pipeline.patterns import cached_tokens, phrase_matcher

PLACES_KEY = "ve_places"
OFFICES_KEY = "ve_offices"
PEOPLE_KEY = "ve_people"
ORGS_KEY = "ve_orgs"
NESTED_KEY = "ve_nested_places"

# Honorifics are not part of a name ("Prince Faisal bin Farhan" -> "Faisal bin Farhan").
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. prince princess sheikh sheikha senator sen.
    h.e h.e. he. sir dame lord lady madam excellency majesty highness holiness eminence royal
    president-elect gen. gen general lt. col. colonel admiral amb amb. hon hon. honourable honorable
    engr engr. sayyid sayyida""".split()
)
# Words that make a military rank with the honorific after them ("Vice Admiral", "Rear Admiral",
# "Air Marshal", "Lieutenant General", "Major General", "Brigadier General"), and the "Right" of
# "The Right Honourable", "the Rt Hon." (a form of address of Commonwealth ministers).
RANK_PREFIXES = frozenset(
    "vice rear air lieutenant lt lt. major maj maj. brigadier brig. field fleet chief right rt rt.".split()
)
RANKS = frozenset("admiral marshal general gen gen. commodore honourable honorable hon hon.".split())


def is_address(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is a form of address before a name: an honorific ("Dr", "Sheikh") or a
    word of a military rank ("Vice" of "Vice Admiral")."""
    low = doc[i].lower_
    if low in HONORIFICS or low in RANKS:
        return True
    return (
        low in RANK_PREFIXES
        and doc[i].text[:1].isupper()
        and i + 1 < len(doc)
        and (doc[i + 1].lower_ in RANKS or (doc[i + 1].lower_ in RANK_PREFIXES and is_address(doc, i + 1)))
    )


# "His Excellency", "Her Majesty": the possessive of a form of address, not a pronoun.
ADDRESS_WORDS = frozenset("excellency majesty highness holiness eminence royal".split())
# Parts of speech that never begin a personal name: "Separately, the minister ...", "Also, the
# President ..." (the tagger reads sentence-initial connectives as adverbs or prepositions).
NOT_NAME_TAGS = frozenset("RB RBR RBS IN CC DT PDT WRB WDT WP WP$ MD UH PRP PRP$ EX".split())
# Honorific abbreviations spaCy's English tokenizer splits ("Amb", "."), which would cut a sentence
# before the name; build_pipeline makes each one token, like spaCy's own "Sen." and "Gov.".
HONORIFIC_ABBREVIATIONS = ("Amb.", "Hon.", "Engr.")
# Words that start a name run although they are not a title: "his Kazakh counterpart X".
NAME_TRIGGERS = frozenset({"counterpart", "counterparts"})
# "son of" / "daughter of" in Arabic names: a title word right before one is a given name.
_NASAB = frozenset({"bin", "bint", "ibn"})
NAME_PARTICLES = frozenset(
    """bin bint ibn al el de da di van von der den du le la del dos das abu ben ter zu y""".split()
)
# Capitalised words that never belong to a person's name.
NOT_NAME = frozenset(
    """The A An On In At For And But Or Of To From With By As During After Before Since Until While
    This That These Those His Her Their Its Our My Your He She They We I It Mr Mrs Ms Dr Minister
    President Prime Chancellor Secretary Ambassador Foreign Deputy Vice Senate Parliament Ministry
    Government State Republic Kingdom Union Committee Council Commission Office House January
    February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow Following According Speaking
    Meanwhile However Earlier Later Also Both Reuters AFP AP PTI ANI Xinhua Source Photo Background
    Details Quote Update Note Context Video Read More Editor Reporting Writing Editing Updated
    Created Play Watch Slideshow Gallery Image Images Getty EPA Previously Elect Related Advertisement
    Share Embed Skip Close Loading Week Weekend Month Year Summit Conference Forum Festival Congress
    Convention Symposium""".split()
)
ORG_HEADS = frozenset(
    """ministry government office presidency embassy department agency commission council parliament
    senate cabinet administration secretariat""".split()
)
STRONG_PLACE_PREPS = frozenset(
    {"in", "to", "from", "at", "near", "for", "visit", "visited", "visiting", "via"}
)
DATELINE_PUNCT = frozenset({",", "-", "–", "—", "(", ":"})
# Words before "of"/"from" that make the next alias a US state ("the governor of Georgia").
US_STATE_WORDS = frozenset({"state", "governor", "senator", "congressman", "congresswoman", "representative"})
# Nouns after a weak demonym that show it names a country or region ("Western governments").
GROUP_NOUNS = frozenset(
    {
        "allies",
        "authorities",
        "capitals",
        "countries",
        "delegation",
        "delegations",
        "diplomats",
        "envoys",
        "forces",
        "governments",
        "government",
        "leaders",
        "media",
        "military",
        "ministers",
        "nations",
        "officials",
        "partners",
        "powers",
        "sanctions",
        "states",
        "troops",
    }
)
# Words that, after a place name, make the name of a thing rather than of a person: "Paris Agreement"
# and "Jordan Valley" keep their place; "Paris Hilton" and "Israel Katz" do not.
PLACE_NAME_HEADS = frozenset(
    {
        "accord",
        "accords",
        "agreement",
        "airport",
        "airlines",
        "army",
        "basin",
        "bay",
        "bridge",
        "canal",
        "capitals",
        "cathedral",
        "centre",
        "center",
        "city",
        "club",
        "conference",
        "consensus",
        "convention",
        "county",
        "declaration",
        "defense",
        "defence",
        "district",
        "economic",
        "embassy",
        "exchange",
        "fair",
        "festival",
        "forces",
        "format",
        "forum",
        "games",
        "gate",
        "globe",
        "group",
        "harbor",
        "harbour",
        "herald",
        "highway",
        "initiative",
        "institute",
        "international",
        "island",
        "islands",
        "journal",
        "lake",
        "marathon",
        "metro",
        "mountains",
        "museum",
        "national",
        "navy",
        "olympics",
        "opera",
        "peace",
        "plan",
        "police",
        "port",
        "post",
        "process",
        "protocol",
        "province",
        "region",
        "river",
        "road",
        "sea",
        "square",
        "stadium",
        "station",
        "stock",
        "street",
        "strait",
        "summit",
        "talks",
        "tech",
        "times",
        "treaty",
        "tribune",
        "university",
        "valley",
        "war",
        "zoo",
    }
)
# Head nouns that, capitalised right after a personal name, make the name of a thing named after the
# person: "Martin Luther King Day", "St Patrick's Day", "Jomo Kenyatta International Airport", "the
# Nelson Mandela Foundation", "the Nobel Prize". Not words that are also common surnames (Park, Hall).
EPONYM_HEADS = frozenset(
    """day eve airport foundation prize award stadium arena avenue boulevard highway square university
    hospital memorial lecture centre center museum institute library academy mausoleum""".split()
)
_EPONYM_LINKS = frozenset({"'s", "’s", "International", "National", "Memorial"})
_PLURALS = {
    "minister": "ministers",
    "president": "presidents",
    "secretary": "secretaries",
    "leader": "leaders",
    "ambassador": "ambassadors",
    "envoy": "envoys",
    "premier": "premiers",
    "chancellor": "chancellors",
}


def office_phrases(taxonomy: OfficeTaxonomy) -> dict[str, OfficeInfo]:
    """Every office phrase the component matches (titles, their plurals, roles), with its office."""
    phrases: dict[str, OfficeInfo] = {}
    for phrase, info in taxonomy.iter_phrases():
        phrases.setdefault(phrase, info)
        words = phrase.split()
        plural = _PLURALS.get(words[-1])
        if plural:
            phrases.setdefault(" ".join([*words[:-1], plural]), info)
    for phrase, info in taxonomy.roles.items():
        phrases.setdefault(phrase, OfficeInfo(office=info.office, category="role:" + info.category))
    return phrases


def office_abbreviations(taxonomy: OfficeTaxonomy, phrases: dict[str, OfficeInfo]) -> dict[str, OfficeInfo]:
    """ "FM", "PM": the taxonomy's abbreviations whose phrase is matched, with its office."""
    return {abbr: phrases[phrase] for abbr, phrase in taxonomy.abbreviations.items() if phrase in phrases}


def matcher_texts(
    gazetteer: Gazetteer, phrases: dict[str, OfficeInfo], abbreviations: dict[str, OfficeInfo]
) -> dict[str, list[str]]:
    """The phrases of each PhraseMatcher by match key, sorted (models/build_patterns.py caches their
    tokens from the same function)."""
    return {
        "VE_PLACE": sorted({alias.text for alias in gazetteer.iter_aliases()}),
        "VE_OFFICE": sorted(phrases),
        "VE_OFFICE_ABBR": sorted(abbreviations),
    }


def _register_extensions() -> None:
    for name in ("ve_place", "ve_office"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


@Language.factory(
    "visitextract_entities",
    requires=["token.orth"],
    assigns=["doc.ents", "doc.spans"],
    default_config={"user_tables": [], "weak_city_population": 1_000_000},
)
def make_entity_corrector(
    nlp: Language, name: str, user_tables: list[str], weak_city_population: int
) -> EntityCorrector:
    """Factory registered as ``visitextract_entities``; add it after ``ner``."""
    gazetteer = Gazetteer.load(user_tables=user_tables) if user_tables else Gazetteer.default()
    return EntityCorrector(nlp, name, gazetteer, default_taxonomy(), weak_city_population)


class EntityCorrector:
    """Corrects and completes the statistical NER with the gazetteer and the office taxonomy."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        gazetteer: Gazetteer,
        taxonomy: OfficeTaxonomy,
        weak_city_population: int = 1_000_000,
    ) -> None:
        _register_extensions()
        self.name = name
        self.gazetteer = gazetteer
        self.taxonomy = taxonomy
        self.weak_city_population = weak_city_population
        phrases = office_phrases(taxonomy)
        self._offices = phrases
        # First words of office titles: "Israel Katz" is a name, "Jordan King Abdullah" is not.
        self._office_words = frozenset(p.split()[0] for p in phrases)
        # "FM Wang Yi", "PM Modi": abbreviations match in their own upper case only ("3 pm" is not one)
        self._abbreviations = office_abbreviations(taxonomy, phrases)
        # the tokens of the shipped tables' phrases are cached (models/patterns.json): no Doc each
        cached = cached_tokens(nlp)
        texts = matcher_texts(gazetteer, phrases, self._abbreviations)
        self.place_matcher = phrase_matcher(nlp, "VE_PLACE", texts["VE_PLACE"], "LOWER", cached)
        self.office_matcher = phrase_matcher(nlp, "VE_OFFICE", texts["VE_OFFICE"], "LOWER", cached)
        self.abbreviation_matcher = phrase_matcher(
            nlp, "VE_OFFICE_ABBR", texts["VE_OFFICE_ABBR"], "ORTH", cached
        )

    # ------------------------------------------------------------------ places
    def _alias_candidates(self, span: Span) -> list[Alias]:
        text = span.text
        found = self.gazetteer.lookup(text)
        if not found:
            return []
        exact = [a for a in found if a.text == text]
        if exact:
            return exact
        letters = [c for c in text if c.isalpha()]
        # All-caps text (datelines: "MEXICO CITY", "HANOI").
        if letters and all(c.isupper() for c in letters) and len(letters) > 3:
            return [a for a in found if a.text.upper() == text]
        # Seats and bodies written with a lower-case tail ("Bellevue palace", "Elysee palace").
        if len(span) > 1 and text[:1].isupper():
            return [
                a
                for a in found
                if a.text[:1] == text[:1]
                and a.text.lower() == text.lower()
                and self.gazetteer.entity(a.entity_id).kind in {"site", "organization", "bloc"}
            ]
        return []

    def _place_spans(self, doc: Doc) -> list[Span]:
        person_ents = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        person_tokens = {t.i for ent in person_ents for t in ent}
        found: list[tuple[Span, list[Alias]]] = []
        for _, start, end in self.place_matcher(doc):
            span = Span(doc, start, end, label="PLACE")
            aliases = self._alias_candidates(span)
            if aliases:
                found.append((span, aliases))
        # Countries the document names without ambiguity decide the ambiguous ones ("Georgia").
        context: Counter[str] = Counter()
        # The single reading of a match by its last token ("Savannah" in "Savannah, Georgia").
        ends: dict[int, Entity] = {}
        starts: set[int] = set()
        for span, aliases in found:
            starts.add(span.start)
            countries = {self.gazetteer.entity(a.entity_id).country for a in aliases}
            if len(countries) == 1:
                (only,) = countries
                if only:
                    context[only] += 1
            if len({a.entity_id for a in aliases}) == 1:
                ends[span.end - 1] = self.gazetteer.entity(aliases[0].entity_id)
        candidates: list[Span] = []
        for span, aliases in found:
            alias = self._choose(aliases, context, span, ends)
            if not self._accept(doc, span, alias, person_tokens, person_ents, ends, starts):
                continue
            entity = self.gazetteer.entity(alias.entity_id)
            out = Span(doc, span.start, span.end, label=_place_label(entity.kind, alias.type))
            out._.ve_place = {"id": entity.id, "type": alias.type}
            candidates.append(out)
        kept = filter_spans(candidates)
        # "the US Department of State", "the UAE Armed Forces": a country's alias inside the name of
        # a body is still a mention of the country (for the mentions table, not for the rules)
        bodies = [k for k in kept if k.label_ in {"ORG", "FAC"}]
        doc.spans[NESTED_KEY] = [
            c
            for c in candidates
            if c.label_ in {"GPE", "NORP"}
            and any(
                b.start <= c.start and c.end <= b.end and (b.start, b.end) != (c.start, c.end) for b in bodies
            )
        ]
        return kept

    def _choose(
        self,
        aliases: list[Alias],
        context: Counter[str],
        span: Span | None = None,
        ends: dict[int, Entity] | None = None,
    ) -> Alias:
        """Pick one reading of an ambiguous alias.

        In order: a cue next to the mention ("the state of Georgia", "Georgia state", "Savannah,
        Georgia"), then the countries the rest of the document names, then the table's ranking.
        """
        if len(aliases) == 1:
            return aliases[0]
        state_cue = span is not None and _us_state_cue(span)
        before = _place_before_comma(span, ends) if span is not None and ends else None

        def cue(entity: Entity) -> int:
            if state_cue and entity.id.startswith("region:us-"):
                return 1
            # "<city>, <container>": the reading that contains the city just named
            if before is not None and entity.kind != "city" and entity.country == before.country:
                return 1
            return 0

        return max(
            aliases,
            key=lambda a: (
                cue(self.gazetteer.entity(a.entity_id)),
                context.get(self.gazetteer.entity(a.entity_id).country or "", 0),
                -aliases.index(a),
            ),
        )

    def _accept(
        self,
        doc: Doc,
        span: Span,
        alias: Alias,
        person_tokens: set[int],
        person_ents: list[Span],
        ends: dict[int, Entity] | None = None,
        starts: set[int] | None = None,
    ) -> bool:
        """Whether a matched alias is used as a place here, not as (part of) a name or a word."""
        entity = self.gazetteer.entity(alias.entity_id)
        demonym = alias.type in {"demonym", "demonym_plural"}
        common = "common_word" in alias.ambiguity and not _exact_abbreviation(span, alias)
        minor_city = entity.kind == "city" and not entity.capital
        weak = common or (minor_city and (entity.population or 0) < self.weak_city_population)
        place_ends = set(ends or ())
        if any(t.i in person_tokens for t in span):
            ent = next(e for e in person_ents if e.start <= span.start < e.end)
            if demonym:
                # A demonym inside a PERSON span is a place only at its start ("Lithuanian X").
                if ent.start != span.start:
                    return False
            elif _other_name_tokens(ent, span):
                # "Jordan" in "Michael Jordan", "Washington" in "George Washington"; but not
                # "the Quai d'Orsay", which the model sometimes tags as a person, nor "Jordan" alone
                # in "Jordan said it would close the border" (a given name is told by what follows).
                return False
            elif weak and not _place_context(span, place_ends):
                return False
        if (
            "person_name" in alias.ambiguity
            and not span.text.isupper()
            and (self._name_follows(span, starts or set()) or _name_precedes(span))
        ):
            return False  # "Paris Hilton", "Israel Katz", "Denzel Washington", "Mr Jordan"
        # "bin Sultan", "Al Saud": a particle before the word makes it part of a name.
        if (
            span.start > 0
            and doc[span.start - 1].lower_ in NAME_PARTICLES
            and doc[span.start - 1].text[:1].islower()
        ):
            return False
        if common and _of_name_follows(span):
            return False  # "the Gulf of Mexico" is not the Gulf
        if not weak:
            return True
        if demonym and _group_noun_follows(span):
            return True  # "Western governments", "English officials"
        if common and entity.kind != "city" and _definite_name(span):
            return True  # "the West", "the Gulf", "the Quad": a capitalised noun after "the"
        return _place_context(span, place_ends)

    def _name_follows(self, span: Span, place_starts: set[int]) -> bool:
        """The alias is a given name: a surname-like word follows ("Paris Hilton", "Israel Katz").

        Words that make the name of a thing after a place ("Paris Agreement", "Jordan Valley",
        "Washington Post"), other places and office titles do not count.
        """
        doc = span.doc
        if span.end >= len(doc) or span.end in place_starts:
            return False
        nxt = doc[span.end]
        if not _is_name_token(nxt) or nxt.text.isupper() or nxt.tag_ not in {"NNP", "NNPS"}:
            return False
        stop_lists = (PLACE_NAME_HEADS, INSTITUTION_HEADS, HONORIFICS, self._office_words)
        return not any(nxt.lower_ in words for words in stop_lists)

    # ----------------------------------------------------------------- offices
    def _office_spans(self, doc: Doc, places: list[Span]) -> list[Span]:
        raw = [Span(doc, s, e, label="OFFICE") for _, s, e in self.office_matcher(doc)]
        raw += [Span(doc, s, e, label="OFFICE") for _, s, e in self.abbreviation_matcher(doc)]
        spans: list[Span] = []
        for span in filter_spans(raw):
            info = self._offices.get(span.text.lower()) or self._abbreviations.get(span.text)
            if info is None:
                continue
            if span.text in self._abbreviations and not (
                (span.end < len(doc) and _is_name_token(doc[span.end])) or _abbreviation_as_role(doc, span)
            ):
                continue  # an abbreviation is a title before a name, or a role after "the" ("the PM")
            if span.start > 0 and doc[span.start - 1].lower_ in NAME_PARTICLES:
                continue  # "bin Sultan" is a name
            if (
                len(span) == 1
                and span.start > 0
                and doc[span.start - 1].lower_ in {"dr", "dr.", "mr", "mr.", "mrs", "ms", "sheikh", "prof."}
                and span.end < len(doc)
                and _is_name_token(doc[span.end])
            ):
                continue  # "Dr. Sultan Al Jaber": a given name after an honorific
            if len(span) == 1 and span.end < len(doc) and doc[span.end].lower_ in _NASAB:
                continue  # "Sultan bin Ahmed Al Jaber": a given name before "son of"
            extended, new_info = self._extend_office(doc, span, info, places)
            if new_info is None:
                continue
            extended._.ve_office = asdict(replace(new_info, title=extended.text))
            spans.append(extended)
        return filter_spans(spans)

    def _extend_office(
        self, doc: Doc, span: Span, info: OfficeInfo, places: list[Span]
    ) -> tuple[Span, OfficeInfo | None]:
        """Extend "Chairman" to "Chairman of the Senate Foreign Relations Committee"."""
        is_role = info.category.startswith("role:")
        base_category = info.category.removeprefix("role:")
        end = span.end
        run = self._portfolio_run(doc, span, info, places)
        if run is not None:
            # "Minister of International Relations and Cooperation Naledi Pandor", "Minister of
            # African Integration Sara Diop": a portfolio no table has, made of portfolio words
            extended = Span(doc, span.start, run, label="OFFICE")
            normalised = self.taxonomy.normalize(extended.text)
            if normalised is None or normalised.category in {"minister", "other"}:
                # "Minister of African Integration and Foreign Affairs": the portfolio that says
                # which minister, of those the title joins
                of = next(t.i for t in extended if t.lower_ == "of") + 1
                parts = " ".join(doc[of:run].text.replace("&", " and ").split()).split(" and ")
                for part in parts:
                    found = self.taxonomy.normalize(f"Minister of {part}")
                    if found is not None and found.category not in {"minister", "other"}:
                        normalised = found
                        break
            base = info
            if normalised is not None and normalised.category not in {"minister", "other"}:
                base = replace(info, office=normalised.office, category=normalised.category)
            elif info.category not in {"minister", "deputy_minister"} or " of " in span.text.lower():
                base = replace(info, office="Minister", category="minister")
            country = _country_in(extended, places, self.gazetteer)
            return extended, replace(base, title=extended.text, country=country or base.country)
        if end < len(doc) and doc[end].lower_ in {"of", "for", "to"}:
            prep = doc[end].lower_
            if prep != "to" or base_category in {"ambassador", "envoy"}:
                new_end = _institution_end(doc, end + 1, places)
                if new_end is not None:
                    # "Ambassador of X to Y": a posting after the institution
                    if (
                        new_end + 1 < len(doc)
                        and doc[new_end].lower_ == "to"
                        and base_category in {"ambassador", "envoy"}
                    ):
                        posting = _institution_end(doc, new_end + 1, places)
                        if posting is not None:
                            new_end = posting
                    if new_end + 1 < len(doc) and doc[new_end].lower_ == "for":
                        # "High Representative of the European Union for Foreign Affairs and ..."
                        topic_end = self._topic_end(doc, new_end + 1)
                        if topic_end is not None:
                            new_end = topic_end
                    extended = Span(doc, span.start, new_end, label="OFFICE")
                    normalised = self.taxonomy.normalize(extended.text)
                    if normalised is not None:
                        country = _country_in(extended, places, self.gazetteer, skip_after_to=True)
                        return extended, OfficeInfo(
                            office=normalised.office,
                            category=normalised.category,
                            country=country or normalised.country or info.country,
                            title=extended.text,
                            former=info.former,
                            posting=_posting(extended, places, self.gazetteer),
                        )
        if end + 1 < len(doc) and doc[end].lower_ == "for":
            # "High Commissioner for Human Rights", "Special Envoy for Climate": a topic
            topic_end = self._topic_end(doc, end + 1)
            if topic_end is not None:
                extended = Span(doc, span.start, topic_end, label="OFFICE")
                base = info if not is_role else OfficeInfo(info.office, base_category)
                office = f"{base.office} for {Span(doc, end + 1, topic_end).text}"
                return extended, replace(base, office=office, title=extended.text)
        if (
            not is_role
            and info.is_minister
            and end < len(doc)
            and doc[end].text == ","
            and any(t.lower_ in {"of", "for"} for t in span)
        ):
            list_end = _portfolio_list_end(doc, end, places, self.taxonomy.portfolio_words)
            if list_end is not None:
                # "... African Cooperation and Moroccan Expatriates": the country of the ministry
                extended = Span(doc, span.start, list_end, label="OFFICE")
                country = _country_in(extended, places, self.gazetteer)
                return extended, replace(info, title=extended.text, country=country or info.country)
        if (
            not is_role
            and end + 1 < len(doc)
            and doc[end].lower_ in {"and", "&"}
            and any(t.lower_ in {"of", "for"} for t in span)
        ):
            # "Minister of State and Foreign Affairs", "Minister of Foreign Affairs and East African
            # Cooperation": one more portfolio after "and", then the name
            k = end + 1
            words = self.taxonomy.portfolio_words
            ends_in_word = False  # a portfolio word closes it, not a place ("... and Ghana")
            while k < len(doc):
                if doc[k].text[:1].isupper() and (doc[k].lower_ in words or _in_places(k, places)):
                    ends_in_word = doc[k].lower_ in words and not _in_places(k, places)
                    k += 1
                elif (
                    k + 2 < len(doc)
                    and doc[k + 1].text == "-"
                    and f"{doc[k].lower_}-{doc[k + 2].lower_}" in words
                ):
                    k += 3  # "Co-operation", split at its hyphen
                    ends_in_word = True
                else:
                    break
            if ends_in_word:
                extended = Span(doc, span.start, k, label="OFFICE")
                # the office is the first portfolio's, unless that one says no more than a rank
                # ("Minister of State and Foreign Affairs" is the foreign minister)
                base = info
                if not info.is_minister or info.category in {"minister", "deputy_minister"}:
                    added = self.taxonomy.normalize(f"Minister of {doc[end + 1 : k].text}")
                    if added is not None and added.category not in {"minister", "other"}:
                        base = replace(info, office=added.office, category=added.category)
                country = _country_in(extended, places, self.gazetteer)
                return extended, replace(base, title=extended.text, country=country or base.country)
        if is_role and span.text == "Secretary" and span.start > 0 and doc[span.start - 1].lower_ == "the":
            # "The Secretary looks forward to ...": a reference to the story's secretary (of State,
            # General), resolved by the people model
            return span, OfficeInfo("Secretary", "official")
        if is_role:
            return span, None
        return span, info

    def _portfolio_run(self, doc: Doc, span: Span, info: OfficeInfo, places: list[Span]) -> int | None:
        """End of a minister's portfolio written with capitalised portfolio words after "of", when
        a name follows it: "Minister[ of International Relations and Cooperation]", "Minister of
        [African Integration]" (where the matcher stopped at the demonym). None otherwise."""
        if not info.is_minister and info.category not in {"minister", "role:minister"}:
            return None
        k = span.end
        if k < len(doc) and doc[k].lower_ == "of":
            k += 1
        elif not any(t.lower_ == "of" for t in span):
            return None
        words = self.taxonomy.portfolio_words
        start, last = k, None
        while k < min(len(doc), start + 10):
            tok = doc[k]
            if tok.text[:1].isupper() and (tok.lower_ in words or _in_places(k, places)):
                k += 1
                last = k
            elif tok.lower_ in {"and", "&"} and last is not None:
                k += 1
            else:
                break
        if last is None or last >= len(doc) or not _is_name_token(doc[last]):
            return None
        if not any(doc[j].lower_ in words and not _in_places(j, places) for j in range(start, last)):
            return None  # "Minister of Kenya X" is the country's minister, not a portfolio
        return last

    def _topic_end(self, doc: Doc, i: int) -> int | None:
        """End of the longest known topic phrase starting at token ``i`` (capitalised in text)."""
        best = None
        for n in range(1, 7):
            if i + n > len(doc):
                break
            words = doc[i : i + n]
            if words[0].text[:1].islower() and words[0].lower_ != "the":
                break
            if words.text.lower() in self.taxonomy.topics:
                best = i + n
        if best is not None and best < len(doc) and doc[best].text == "Affairs":
            best += 1  # "Minister of State for Defence Affairs"
        return best

    # ------------------------------------------------------------------ people
    def _name_run(self, doc: Doc, start: int, blocked: set[int]) -> Span | None:
        """The longest plausible personal name starting at token ``start``."""
        i = start
        if i < len(doc) and doc[i].text == "(":
            i += 1
        while i < len(doc) and (is_address(doc, i) or doc[i].text in {"H.E", "H.E."}) and i - start < 3:
            i += 1
        first = i
        end = i
        j = i
        while j < len(doc) and j - first < 8:
            tok = doc[j]
            if j in blocked:
                break
            if _is_name_token(tok):
                j += 1
                end = j
                continue
            if tok.text in {"-", "‑"} and j > first and not doc[j - 1].whitespace_ and j + 1 < len(doc):
                nxt = doc[j + 1]
                if not tok.whitespace_ and nxt.text[:1].isalpha():
                    j += 2
                    end = j
                    continue
            if tok.lower_ in NAME_PARTICLES and j > first:
                k = j
                while k < len(doc) and doc[k].lower_ in NAME_PARTICLES and k - j < 3:
                    k += 1
                if k < len(doc) and k not in blocked and _is_name_token(doc[k]):
                    j = k
                    continue
            break
        if end <= first or doc[first].tag_ in NOT_NAME_TAGS:
            return None
        span = Span(doc, first, end, label="PERSON")
        if (
            span.text in NOT_NAME
            or (len(span) == 1 and len(span.text) < 2)
            or _is_heading(span)
            or _names_a_thing(doc, first, end)
        ):
            return None
        return span

    def _name_run_before(self, doc: Doc, end: int, blocked: set[int]) -> Span | None:
        """A name that ends at ``end`` ("Anouar El Anouni" in "Anouar El Anouni, spokesperson for")."""
        j = end
        start = end
        while j > 0 and end - j < 6:
            tok = doc[j - 1]
            if tok.i in blocked or tok.tag_ in NOT_NAME_TAGS:
                break
            if _is_name_token(tok):
                j -= 1
                start = j
                continue
            if tok.lower_ in NAME_PARTICLES and j - 1 > 0 and _is_name_token(doc[j - 2]):
                j -= 1
                continue
            break
        if start >= end:
            return None
        span = Span(doc, start, end, label="PERSON")
        if span.text in NOT_NAME or len(span.text) < 3 or _is_heading(span):
            return None
        # A name begins a sentence, follows punctuation or a word like "said"; not mid-noun-phrase.
        if (
            start > 0
            and doc[start - 1].text[:1].isupper()
            and not doc[start - 1].is_punct
            and doc[start - 1].lower_ not in HONORIFICS
        ):
            return None
        return span

    def _people(self, doc: Doc, offices: list[Span], places: list[Span]) -> list[Span]:
        blocked = {t.i for s in places for t in s} | {t.i for s in offices for t in s}
        found: list[Span] = []
        # (a) the model's PERSON entities, cleaned of honorifics and titles.
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            cleaned = self._clean_person(doc, ent, blocked)
            if cleaned is not None:
                found.append(cleaned)
        # (a2) a full name the office-holder tables know, whatever the model said ("Lula met Olaf
        # Scholz in Berlin": the small model reads "Olaf Scholz" as an ORG)
        known = _officeholders()
        for ent in doc.ents:
            if (
                ent.label_ != "PERSON"
                and 2 <= len(ent) <= 5
                and not any(t.i in blocked for t in ent)
                and all(_is_name_token(t) or t.lower_ in NAME_PARTICLES for t in ent)
                and known.knows(ent.text)
            ):
                found.append(Span(doc, ent.start, ent.end, label="PERSON"))
        # (a2b) a name the model cut short of the full name the tables know ("Samia Suluhu" +
        # "Hassan"): extended by the name words after it
        office_tokens = {t.i for s in offices for t in s}
        for n, span in enumerate(found):
            for more in (2, 1):
                e = span.end + more
                if (
                    e <= len(doc)
                    # (over a place the gazetteer knows too: "Hassan" is also a city in India)
                    and all(_is_name_token(t) and t.i not in office_tokens for t in doc[span.end : e])
                    and known.knows(doc[span.start : e].text)
                ):
                    found[n] = Span(doc, span.start, e, label="PERSON")
                    break
        # (a3) a full name the tables know that the model tagged as nothing ("Burundi's Évariste
        # Ndayishimiye"): the longest known run of name words, two words at least
        covered = blocked | {t.i for s in found for t in s}
        i = 0
        while i < len(doc):
            if i in covered or not _is_name_token(doc[i]):
                i += 1
                continue
            j = i
            while (
                j < len(doc)
                and j - i < 5
                and j not in covered
                and (_is_name_token(doc[j]) or doc[j].lower_ in NAME_PARTICLES)
            ):
                j += 1
            for e in range(j, i + 1, -1):
                if known.knows(doc[i:e].text):
                    found.append(Span(doc, i, e, label="PERSON"))
                    i = e - 1
                    break
            i += 1
        # (b) names after a title, "counterpart" or an honorific, whatever the model said.
        starts: list[int] = []
        for office in offices:
            starts.append(office.end)
            # "the presidential adviser on media and publicity, Ajuri Ngelale"
            edge = office.end
            head = office.root
            if head.right_edge.i + 1 > edge and head.right_edge.i - office.end < 8:
                edge = head.right_edge.i + 1
            for e in {office.end, edge, _after_of_places(doc, office.end, places)}:
                if e + 1 < len(doc) and doc[e].text in {",", "(", ":"}:
                    starts.append(e + 1)
            # "Anouar El Anouni, spokesperson for the European Commission";
            # "Karim Nassar, Egypt's new foreign minister,"
            b = office.start
            while b > 0 and (
                doc[b - 1].lower_ in {"the", "a", "an"}
                or doc[b - 1].tag_ in {"POS", "JJ"}
                or doc[b - 1].text in {"'s", "’s"}
                or ((b - 1) in blocked and not any(o.start <= b - 1 < o.end for o in offices))
            ):
                b -= 1
            if b > 1 and doc[b - 1].text in {",", "—", "–"}:
                run = self._name_run_before(doc, b - 1, blocked)
                if run is not None:
                    found.append(run)
        for tok in doc:
            if tok.lower_ in NAME_TRIGGERS:
                starts.append(tok.i + 1)
            elif tok.lower_ in HONORIFICS and tok.text[:1].isupper():
                starts.append(tok.i)
        bare_titles = {
            o.end for o in offices if o.start > 0 and doc[o.start - 1].lower_ == "the" and o.end < len(doc)
        }
        for start in starts:
            if start >= len(doc):
                continue
            run = self._name_run(doc, start, blocked)
            if run is None or any(t.lower_ in INSTITUTION_HEADS for t in run):
                continue
            found.append(run)
        # "briefed the President Airtel's plans": after a bare title, a one-word name that owns
        # something is a company or a body, whichever path proposed it
        found = [
            f
            for f in found
            if not (
                f.start in bare_titles
                and len(f) == 1
                and f.end < len(doc)
                and doc[f.end].text in {"'s", "’s"}
            )
        ]
        people = _split_run_together(doc, filter_spans(found), blocked)
        # (c) later partial mentions of a known person ("Landsbergis", "Wang", "Mr Macron").
        parts: set[str] = set()
        for person in people:
            content = [t.text for t in person if t.lower_ not in NAME_PARTICLES and t.text not in {"-", "‑"}]
            if len(content) >= 2:
                parts.update(w for w in content if len(w) > 2)  # "Wang" of "Wang Yi", not "Yi"
        taken = {t.i for s in people for t in s} | blocked
        extra: list[Span] = []
        for tok in doc:
            if tok.i in taken or tok.text not in parts:
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.lower_ in NAME_PARTICLES and prev.i not in taken:
                extra.append(Span(doc, tok.i - 1, tok.i + 1, label="PERSON"))  # "El Anouni"
                continue
            if (
                prev is not None
                and prev.i not in taken
                and _is_name_token(prev)
                and prev.text not in NOT_NAME
            ):
                continue  # part of another, longer name
            extra.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
        return filter_spans(people + extra)

    def _clean_person(self, doc: Doc, ent: Span, blocked: set[int]) -> Span | None:
        start, end = ent.start, ent.end
        while start < end and (
            doc[start].lower_ in HONORIFICS or start in blocked or not _is_name_token(doc[start])
        ):
            start += 1  # "GETTY Obama", "STREET BEATING Donald Trump" (captions run into the text)
        while end > start and (
            doc[end - 1].tag_ == "POS"
            or doc[end - 1].text in {"'s", "’s", ",", "'"}
            or (not _is_name_token(doc[end - 1]) and doc[end - 1].lower_ not in NAME_PARTICLES)
        ):
            end -= 1
        if end <= start:
            return None
        if any(i in blocked for i in range(start, end)):
            # A title or place inside: keep the part after the last blocked token ("President X").
            last_blocked = max(i for i in range(start, end) if i in blocked)
            start = last_blocked + 1
            if end <= start:
                return None
        span = Span(doc, start, end, label="PERSON")
        if (
            not any(_is_name_token(t) for t in span)
            or _is_heading(span)
            or span.text in NOT_NAME
            or _names_a_thing(doc, start, end)
        ):
            return None
        return span

    # ------------------------------------------------------------ organisations
    def _orgs(self, doc: Doc, taken: set[int], places: list[Span]) -> list[Span]:
        orgs: list[Span] = []
        for ent in doc.ents:
            if ent.label_ not in {"ORG", "NORP", "GPE"}:
                continue
            if ent.label_ != "ORG" and not any(t.lower_ in ORG_HEADS for t in ent):
                continue
            span = Span(doc, ent.start, ent.end, label="ORG")
            if any(t.i in taken and not _in_places(t.i, places) for t in span):
                continue
            if all(_in_places(t.i, places) for t in span if not t.is_punct and t.lower_ != "the"):
                continue
            orgs.append(span)
        # "the foreign ministry", "Mexico's government": heads the model often leaves untagged.
        for tok in doc:
            if tok.lower_ not in ORG_HEADS or tok.i in taken:
                continue
            if (
                tok.lower_ == "office"
                and tok.i >= 2
                and doc[tok.i - 1].text in {"'s", "’s"}
                and (tok.i - 2) in taken
            ):
                # "the Prime Minister's Office": the office of a title, an institution
                start = tok.i - 2
                while start > 0 and (start - 1) in taken:
                    start -= 1
                if start > 0 and doc[start - 1].lower_ == "the":
                    start -= 1
                orgs.append(Span(doc, start, tok.i + 1, label="ORG"))
                continue
            if tok.lower_ in {"office", "council", "commission", "senate", "parliament"}:
                continue
            start = tok.i
            while start > 0 and (
                doc[start - 1].lower_
                in {"foreign", "defence", "defense", "external", "affairs", "federal", "interior"}
                or _in_places(start - 1, places)
                or doc[start - 1].tag_ == "POS"
            ):
                start -= 1
            end = tok.i + 1
            if end + 1 < len(doc) and doc[end].lower_ == "of":
                new_end = _institution_end(doc, end + 1, places)
                if new_end is not None:
                    end = new_end
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            orgs.append(Span(doc, start, end, label="ORG"))
        return filter_spans(orgs)

    # --------------------------------------------------------------- __call__
    def __call__(self, doc: Doc) -> Doc:
        places = self._place_spans(doc)
        offices = self._office_spans(doc, places)
        place_tokens = {t.i for s in places for t in s}
        # An office never overlaps a place except as its own country part ("President of Mexico").
        offices = [o for o in offices if not any(t.i in place_tokens for t in o) or len(o) > 2]
        people = self._people(doc, offices, places)
        person_tokens = {t.i for s in people for t in s}
        places = [p for p in places if not any(t.i in person_tokens for t in p)]
        taken = person_tokens | {t.i for s in offices for t in s}
        orgs = self._orgs(doc, taken, places)
        unknown = [p for p in _unknown_places(doc, taken, places, orgs) if not self.gazetteer.lookup(p.text)]
        described = _described_countries(doc, places, self.gazetteer, taken)
        covered = {t.i for s in described for t in s}
        places = [p for p in places if not any(t.i in covered for t in p)]
        unknown = [p for p in unknown if not any(t.i in covered for t in p)]
        places = sorted(places + unknown + described, key=lambda s: s.start)
        doc.spans[PLACES_KEY] = places
        doc.spans[OFFICES_KEY] = offices
        doc.spans[PEOPLE_KEY] = people
        doc.spans[ORGS_KEY] = orgs
        doc.ents = _merge_ents(doc, [*people, *places, *orgs])
        return doc


# Nouns that a description of a country ends with: "the Andean country", "the Gulf kingdom".
_COUNTRY_NOUNS = frozenset(
    """country nation state kingdom emirate sultanate monarchy republic archipelago neighbour
    neighbor""".split()
)


@functools.cache
def _descriptions() -> dict[str, frozenset[str]]:
    """models/hand/descriptions.csv: the countries a descriptive word may stand for."""
    from visitextract.normalize.gazetteer import models_dir

    path = models_dir() / "hand" / "descriptions.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["description"]: frozenset(row["countries"].split()) for row in csv.DictReader(fh)}


def _described_countries(doc: Doc, places: list[Span], gazetteer: Gazetteer, taken: set[int]) -> list[Span]:
    """ "the Andean country", "the Gulf kingdom", "the Himalayan nation", "the island state": the
    country of the story that fits the description (the most named of those that fit), as a
    mention of that country. A description that fits none or several named equally is left alone."""
    table = _descriptions()
    named: Counter[str] = Counter()
    for p in places:
        entity = gazetteer.entities.get(str((p._.ve_place or {}).get("id", "")))
        if entity is not None and entity.country and entity.kind in {"country", "city"}:
            named[entity.country] += 1
    if not named or not table:
        return []
    # the country of a place that opens the text's first line (a dateline: "Riyadh, May 21, SPA --")
    first_line = doc.text.split("\n", 1)[0]
    filed_from = next(
        (
            e.country
            for p in places
            if p.start_char < min(40, len(first_line))
            and (e := gazetteer.entities.get(str((p._.ve_place or {}).get("id", "")))) is not None
            and e.kind in {"country", "city"}
        ),
        None,
    )
    out: list[Span] = []
    for tok in doc:
        if tok.lower_ not in _COUNTRY_NOUNS or tok.i < 2 or tok.i in taken:
            continue
        j = tok.i - 1
        words: list[str] = []
        while j >= 0 and tok.i - j <= 3 and doc[j].lower_ != "the":
            words.insert(0, doc[j].lower_)
            j -= 1
        if j < 0 or doc[j].lower_ != "the":
            continue
        if not words and not (tok.text[:1].isupper() and tok.lower_ in table):
            continue  # "the country" says nothing; "the Kingdom" (a name for the story's kingdom) does
        sets = []
        phrase = " ".join(words)
        if phrase in table:
            sets.append(table[phrase])
        else:
            for w in words:
                if w in table:
                    sets.append(table[w])
                elif w not in {"oil-rich", "resource-rich", "tiny", "small", "neighbouring", "neighboring"}:
                    sets = []  # "the United Kingdom": a name, not a description
                    break
            else:
                if tok.lower_ in table:
                    sets.append(table[tok.lower_])
        if phrase in table and tok.lower_ in table:
            sets.append(table[tok.lower_])
        if not sets:
            continue
        fits = frozenset.intersection(*sets)
        if not words and filed_from in fits:
            # "the Kingdom's Vision 2030" in a story filed from Riyadh: a country's own press names
            # it so, whichever other kingdom the story is about
            ranked = [(named[filed_from], filed_from)]
        else:
            ranked = sorted(((n, c) for c, n in named.items() if c in fits), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            continue
        country = ranked[0][1]
        if gazetteer.entities.get(f"country:{country}") is None:
            continue
        span = Span(doc, j, tok.i + 1, label="GPE")
        span._.ve_place = {"id": f"country:{country}", "type": "description"}
        out.append(span)
    return out


def _unknown_places(doc: Doc, taken: set[int], places: list[Span], orgs: list[Span]) -> list[Span]:
    """Places the statistical NER finds and no table knows ("Kigoma", "Gondor"): kept with their kind
    and no country rather than guessed. Their id is ``place:<slug of the text>``. (A name the tables
    know but the context rejected, "Israel" in "Israel Adesanya", is not brought back here.)"""
    busy = taken | {t.i for s in [*places, *orgs] for t in s}
    out: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC"} or any(t.i in busy for t in ent):
            continue
        words = [t for t in ent if t.lower_ != "the"]
        if not words or not all(t.text[:1].isupper() for t in words) or any(t.is_digit for t in words):
            continue
        span = Span(doc, words[0].i, words[-1].i + 1, label=ent.label_)
        slug = "-".join(t.lower_ for t in words if t.is_alpha) or "unknown"
        span._.ve_place = {
            "id": f"place:{slug}",
            "type": "unknown",
            "kind": "city" if ent.label_ == "GPE" else "region",
        }
        out.append(span)
    return out


def _place_label(kind: str, alias_type: str) -> str:
    if alias_type in {"demonym", "demonym_plural"}:
        return "NORP"
    return {"country": "GPE", "city": "GPE", "region": "LOC", "site": "FAC", "bloc": "ORG"}.get(kind, "ORG")


def _abbreviation_as_role(doc: Doc, span: Span) -> bool:
    """ "The PM left for Tallinn", "India's EAM said": an upper-case office abbreviation after a
    determiner or a possessive stands for the office's holder, unless a common noun follows it
    ("the FM band")."""
    if span.start == 0:
        return False
    k = span.start - 1
    if k > 0 and doc[k].text[:1].isupper() and doc[k].tag_ in {"JJ", "NNP", "NNPS"}:
        k -= 1  # "the Vietnamese PM", "the Indian EAM"
    before = doc[k]
    if before.lower_ not in {"the", "'s", "’s", "his", "her", "their", "its"}:
        return False
    return not (span.end < len(doc) and doc[span.end].is_lower and doc[span.end].tag_ in {"NN", "NNS"})


def _after_of_places(doc: Doc, i: int, places: list[Span]) -> int:
    """The position after "of Chile, Peru and Bolivia" following a title ("the foreign ministers of
    Chile and Peru, A and B"): where the names of the list begin after a comma."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return i
    place_tokens = {t.i for s in places for t in s}
    j = i + 1
    while j < len(doc) and (
        j in place_tokens or doc[j].lower_ in {"and", "the"} or (doc[j].text == "," and j + 1 in place_tokens)
    ):
        j += 1
    return j if j > i + 1 and (j - 1) in place_tokens else i


def _officeholders() -> Any:
    from visitextract.normalize.leaders import LeaderIndex

    return LeaderIndex.officeholders()


def _names_a_thing(doc: Doc, start: int, end: int) -> bool:
    """Whether the name in ``doc[start:end]`` is part of the name of a thing called after a person:
    its last word or the capitalised word after it (past "'s", "International") is an eponym's
    head ("Martin Luther King Day", "St Patrick's Day", "Jomo Kenyatta International Airport")."""

    def head(tok: Token) -> bool:
        return tok.lower_ in EPONYM_HEADS and tok.text[:1].isupper()

    if end <= start or head(doc[end - 1]):
        return end > start
    i = end
    while i < len(doc) and doc[i].text in _EPONYM_LINKS and i - end < 2:
        i += 1
    return i < len(doc) and head(doc[i])


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    if not text or not text[0].isupper() or text in NOT_NAME:
        return False
    if len(text) == 1:
        return text.isalpha()  # an initial: "S Jaishankar"
    if text.endswith(".") and len(text) == 2:
        return True
    if not any(c.isalpha() for c in text):
        return False
    if text.isupper() and len(text) > 3:
        return False  # "VILNIUS", "NATO"
    return text.replace("-", "").replace("'", "").replace("’", "").replace(".", "").isalpha()


def _split_run_together(doc: Doc, people: list[Span], blocked: set[int] | None = None) -> list[Span]:
    """Two names with the punctuation between them lost ("Mitch McConnell Trump flew ..."): split
    when both parts' last words are also named apart from each other elsewhere in the text.

    "Pham Minh Chinh" stays whole: "Minh" is never named on its own.
    """
    words: dict[str, list[int]] = {}
    for t in doc:
        # a word of a place's name is no name elsewhere ("Minh" of "Ho Chi Minh City")
        if t.text[:1].isupper() and (blocked is None or t.i not in blocked):
            words.setdefault(t.text, []).append(t.i)
    out: list[Span] = []
    for span in people:
        if len(span) < 3:
            out.append(span)
            continue
        cut = None
        for k in range(span.start + 2, span.end):
            left_last, right_last = doc[k - 1], doc[span.end - 1]
            if not _is_name_token(doc[k]) or doc[k].lower_ in NAME_PARTICLES or doc[k - 1].text in {"-", "‑"}:
                continue
            elsewhere_left = [i for i in words.get(left_last.text, []) if not span.start <= i < span.end]
            elsewhere_right = [i for i in words.get(right_last.text, []) if not span.start <= i < span.end]
            if (
                elsewhere_left
                and elsewhere_right
                and all(doc[i + 1].text != doc[k].text for i in elsewhere_left if i + 1 < len(doc))
            ):
                cut = k
                break
        if cut is None:
            out.append(span)
        else:
            out.append(Span(doc, span.start, cut, label="PERSON"))
            out.append(Span(doc, cut, span.end, label="PERSON"))
    return out


def _is_heading(span: Span) -> bool:
    """ "Background:" or "Source:" at the start of a line is a heading, not a name; "Separately," or
    "Additionally," at the start of a sentence is a connective the tagger took for a proper noun."""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc):
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    at_line_start = prev is None or prev.is_space or "\n" in prev.text
    if at_line_start and doc[span.end].text == ":":
        return True
    at_sentence_start = (
        at_line_start or span[0].is_sent_start or (prev is not None and prev.text in {".", "!", "?"})
    )
    low = span[0].lower_
    return at_sentence_start and doc[span.end].text == "," and low.endswith("ly") and len(low) > 6


def _place_context(span: Span, place_ends: set[int] | None = None) -> bool:
    """Whether a weak alias (a minor city, a common word) is used as a place here."""
    doc = span.doc
    if any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in span):
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in STRONG_PLACE_PREPS:
        return True
    if span.start == 0 or doc[span.start - 1].is_space:
        # a dateline ("HANOI, Dec 5", "Mobile (AP) -"), not a sentence that starts with the word
        nxt = doc[span.end] if span.end < len(doc) else None
        return span.text.isupper() or nxt is None or nxt.text in DATELINE_PUNCT
    # "in Atlanta and Savannah", "Atlanta, Savannah and Macon": listed with another place
    if (
        place_ends
        and span.start >= 2
        and doc[span.start - 1].lower_ in {",", "and", "or"}
        and (span.start - 2 in place_ends)
    ):
        return True
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].ent_type_ == "GPE"


def _us_state_cue(span: Span) -> bool:
    """ "the state of Georgia", "governor of Washington", "Washington state", "senator from Georgia"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "state":
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ in {"of", "from"}:
        return doc[span.start - 2].lower_ in US_STATE_WORDS
    return False


def _place_before_comma(span: Span, ends: dict[int, Entity]) -> Entity | None:
    """The city named just before ", <span>" ("Savannah, Georgia", "Tbilisi, Georgia")."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == ",":
        entity = ends.get(span.start - 2)
        if entity is not None and entity.kind == "city":
            return entity
    return None


def _exact_abbreviation(span: Span, alias: Alias) -> bool:
    """An abbreviation in its own upper case in running text ("the CAR government"), not a headline."""
    if alias.type != "abbreviation" or span.text != alias.text or not span.text.isupper():
        return False
    doc = span.doc
    around = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc) and doc[i].is_alpha]
    return not any(t.text.isupper() and len(t.text) > 1 for t in around)


def _other_name_tokens(ent: Span, span: Span) -> bool:
    """Whether a PERSON entity has name words besides the alias ("Michael Jordan", not "the Quai d'Orsay")."""
    return any(
        not (span.start <= t.i < span.end) and not t.is_punct and t.lower_ not in {"the", "'s", "’s"}
        for t in ent
    )


def _name_precedes(span: Span) -> bool:
    """The alias is a surname: an honorific before it ("Mr Jordan", "General Washington"), or a
    given name that the model tags together with it ("Denzel Washington")."""
    doc = span.doc
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ in HONORIFICS and prev.text[:1].isupper():
        return True
    if prev.ent_type_ in {"PERSON", "ORG", "NORP", "WORK_OF_ART"} and prev.ent_iob_ in {"B", "I"}:
        same_ent = span[0].ent_iob_ == "I" and span[0].ent_type_ == prev.ent_type_
        return same_ent and _is_name_token(prev) and not prev.text.isupper()
    return False


def _of_name_follows(span: Span) -> bool:
    """ "Gulf of Mexico", "Gulf of Aden": the alias heads a longer proper name."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].text[:1].isupper()


def _group_noun_follows(span: Span) -> bool:
    """A demonym that qualifies the actors of politics ("Western governments") is a place mention."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in GROUP_NOUNS


def _definite_name(span: Span) -> bool:
    """A capitalised word after "the" is a name ("the West", "the Gulf"), not the common noun."""
    doc = span.doc
    return span.text[:1].isupper() and span.start > 0 and doc[span.start - 1].lower_ == "the"


def _place_at(i: int, places: list[Span]) -> Span | None:
    for p in places:
        if p.start <= i < p.end:
            return p
    return None


def _institution_end(doc: Doc, i: int, places: list[Span]) -> int | None:
    """End of "<the> <Country's> Senate Foreign Relations Committee" starting at token ``i``.

    Without an institution word the phrase may only be a place ("President of Mexico", "Ambassador
    to Japan"): it then ends with that place, so a following name is not swallowed.
    """
    j = i
    seen_head = False
    last_good: int | None = None
    first_place_end: int | None = None
    limit = min(len(doc), i + 14)
    while j < limit:
        tok = doc[j]
        low = tok.lower_
        if low == "the" or tok.tag_ == "POS" or tok.text in {"'s", "’s"}:
            j += 1
            continue
        if low in {"of", "on", "for", "and"} and seen_head:
            j += 1
            continue
        if tok.text == "," and seen_head and j + 1 < limit and doc[j + 1].text[:1].isupper():
            # "Committee on Foreign Affairs, Defense and Security"; not "the Speaker of Nepal's
            # parliament, Devraj Ghimire" (no "and" closes the list before the next comma)
            if doc[j + 1].ent_type_ == "PERSON" or doc[j + 1].lower_ in HONORIFICS:
                break
            if not _list_closes(doc, j + 1, limit):
                break
            j += 1
            continue
        place = _place_at(j, places)
        if place is not None:
            if first_place_end is None and not seen_head:
                first_place_end = place.end
            j = place.end
            last_good = j
            continue
        lower_ok = low in {"parliamentary", "national", "federal", "foreign", "state"} or (
            # "the chair of the foreign affairs committee": lower-case words before an institution word
            tok.pos_ in {"NOUN", "ADJ", "PROPN"}
            and any(doc[k].lower_ in INSTITUTION_HEADS for k in range(j, min(limit, j + 4)))
        )
        if tok.text[:1].isupper() or lower_ok:
            if tok.ent_type_ == "PERSON" and low not in INSTITUTION_HEADS:
                break
            if low in HONORIFICS:
                break
            if low in INSTITUTION_HEADS:
                seen_head = True
            j += 1
            last_good = j
            continue
        break
    if last_good is None:
        return None
    if not seen_head:
        return first_place_end
    # Trim trailing capitalised words after the last institution word ("... Senate Askar Shakirov").
    end = last_good
    k = end
    while k > i and doc[k - 1].lower_ not in INSTITUTION_HEADS:
        prev = doc[k - 2] if k - 2 >= i else None
        if prev is not None and prev.lower_ in {"on", "of", "for", "and", ","}:
            break
        if any(doc[m].lower_ in {"on", "of", "for"} for m in range(i, k - 1)):
            break
        k -= 1
    return k


def _list_closes(doc: Doc, i: int, limit: int) -> bool:
    """Whether capitalised words from ``i`` run into "and <Capitalised>" before a comma or a verb:
    the rest of a list ("Defense and Security"), not a name after an office."""
    for k in range(i, min(limit + 4, len(doc))):
        tok = doc[k]
        if tok.lower_ in {"and", "&"}:
            return k + 1 < len(doc) and doc[k + 1].text[:1].isupper() and doc[k + 1].ent_type_ != "PERSON"
        if tok.text == "," or (tok.is_sent_start and k > i):
            return False
        if not (tok.text[:1].isupper() or tok.lower_ in {"of", "the", "-", "for"}):
            return False
    return False


def _portfolio_list_end(doc: Doc, i: int, places: list[Span], words: frozenset[str]) -> int | None:
    """End of the rest of a portfolio written as a list after a minister's title, starting at the
    comma ``i``: "Minister of Foreign Affairs[, African Cooperation and Moroccan Expatriates],
    Nasser Bourita". The list closes with "and <Capitalised words>"; after the "and" only portfolio
    ``words`` and places, so that a name right after the list ("... and Cooperation José Manuel
    Albares") is not taken into it; a name, an office or a verb before the "and" means it is not one."""
    k = i
    seen_and = False
    last_good: int | None = None
    while k < min(len(doc), i + 14):
        tok = doc[k]
        if tok.text == ",":
            if seen_and:
                break
            k += 1
            continue
        if tok.lower_ in {"and", "&"}:
            if seen_and:
                break
            seen_and = True
            k += 1
            continue
        if seen_and and (tok.lower_ in words or _in_places(k, places)) and tok.text[:1].isupper():
            k += 1
            last_good = k  # a portfolio word even where the NER reads a name into it
            continue
        if seen_and and last_good is not None:
            return last_good  # the list's last portfolio is complete; a name follows
        if seen_and and doc[k - 1].lower_ in {"and", "&"} and doc[k - 2].text == ",":
            return None  # "..., and Adolfo Urso, Minister of ...": the next name of a list of people
        if tok.ent_type_ == "PERSON" or tok.lower_ in HONORIFICS:
            return None
        if tok.text[:1].isupper() or _in_places(k, places) or (tok.lower_ in {"of", "the"} and k > i + 1):
            k += 1
            if seen_and:
                last_good = k
            continue
        break
    if not seen_and or last_good is None:
        return None
    while last_good > i and doc[last_good - 1].lower_ in {"of", "the"}:
        last_good -= 1
    if last_good < len(doc) and _is_name_token(doc[last_good]):
        return None  # "... and Moroccan Expatriates Nasser Bourita": the name is not cut off
    return last_good


def _in_places(i: int, places: list[Span]) -> bool:
    return _place_at(i, places) is not None


def _country_in(
    span: Span, places: list[Span], gazetteer: Gazetteer, *, skip_after_to: bool = False
) -> str | None:
    """The country named inside an office span ("Deputy Chairman of Kazakhstan's Senate")."""
    doc = span.doc
    for p in places:
        if p.start >= span.start and p.end <= span.end:
            if skip_after_to and any(doc[k].lower_ == "to" for k in range(span.start, p.start)):
                return None
            data: dict[str, Any] = p._.ve_place or {}
            entity = gazetteer.entities.get(data.get("id", ""))
            if entity is not None and entity.country:
                return entity.country
    return None


def _posting(span: Span, places: list[Span], gazetteer: Gazetteer) -> str | None:
    """ "Ambassador to Japan": the country after "to"."""
    doc = span.doc
    for k in range(span.start, span.end):
        if doc[k].lower_ == "to":
            for p in places:
                if p.start > k and p.end <= span.end:
                    entity = gazetteer.entities.get(str((p._.ve_place or {}).get("id", "")))
                    return entity.country if entity is not None else None
    return None


def _merge_ents(doc: Doc, ours: Iterable[Span]) -> tuple[Span, ...]:
    ours_list = list(ours)
    taken = {t.i for s in ours_list for t in s}
    kept = [e for e in doc.ents if not any(t.i in taken for t in e)]
    spans = [Span(doc, s.start, s.end, label=s.label_) for s in ours_list] + kept
    return tuple(sorted(filter_spans(spans), key=lambda s: s.start))
