"""The record builder as a spaCy component, for users who run visitextract inside their own pipeline.

``nlp.add_pipe("visitextract_records")`` (after ``visitextract_entities`` and ``visitextract_dates``)
sets ``doc._.visitextract`` to the Extraction. The reference date comes from ``doc._.published``
(a date or ISO string; set it before the pipeline runs, e.g. with ``nlp.make_doc`` then the
components), else from the component's ``published`` setting. The result is kept in ``doc.user_data``
as JSON-ready data, so docs stay serialisable for ``nlp.pipe(n_process=...)`` and DocBin.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from visitextract.errors import Errors
from visitextract.normalize.gazetteer import Gazetteer

_KEY = "visitextract_extraction"


def _get_extraction(doc: Doc) -> Any:
    from visitextract.models import Extraction

    data = doc.user_data.get(_KEY)
    return None if data is None else Extraction.model_validate(data)


def _register() -> None:
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)
    if not Doc.has_extension("visitextract"):
        Doc.set_extension("visitextract", getter=_get_extraction)


@Language.factory(
    "visitextract_records",
    requires=["doc.spans", "doc.ents"],
    assigns=["doc._.visitextract"],
    default_config={"published": None, "user_tables": []},
)
def make_record_builder(
    nlp: Language, name: str, published: str | None, user_tables: list[str]
) -> RecordBuilder:
    """Factory registered as ``visitextract_records``."""
    gazetteer = Gazetteer.load(user_tables=user_tables) if user_tables else Gazetteer.default()
    return RecordBuilder(name, gazetteer, published)


class RecordBuilder:
    """Runs the rules layer on a Doc that went through the visitextract components."""

    def __init__(self, name: str, gazetteer: Gazetteer, published: str | None = None) -> None:
        _register()
        self.name = name
        self.gazetteer = gazetteer
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        from visitextract.pipeline.entities import PLACES_KEY
        from visitextract.rules.assemble import assemble
        from visitextract.rules.context import parse_published

        if PLACES_KEY not in doc.spans:
            raise ValueError(
                Errors.E011.format(
                    component=self.name, needed="doc.spans['ve_places']", after="visitextract_entities"
                )
            )
        published = parse_published(doc._.published or self.published)
        extraction = assemble(doc, published, doc._.doc_id, self.gazetteer)
        doc.user_data[_KEY] = extraction.model_dump(mode="json")
        return doc
