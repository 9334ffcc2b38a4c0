"""The leaders table fills a country the text does not give, and never overrides the text."""

from __future__ import annotations

import pytest

from conftest import person_named, summary


@pytest.mark.parametrize(
    ("text", "published", "name", "country", "office", "source"),
    [
        # no country in the text: the table knows who led where on that date
        (
            "Angela Merkel will travel to Madrid on Friday for talks on migration.",
            "2015-09-01",
            "Angela Merkel",
            "DEU",
            "Chancellor",
            "leaders table",
        ),
        (
            "Narendra Modi arrived in Tokyo on Sunday for a summit.",
            "2019-06-30",
            "Narendra Modi",
            "IND",
            "Prime Minister",
            "leaders table",
        ),
        # the table's name is a contiguous part of the text's ("Samia Suluhu" in "Samia Suluhu Hassan")
        (
            "President Samia Suluhu Hassan arrived in Nairobi on Monday for talks on trade.",
            "2023-05-08",
            "Samia Suluhu Hassan",
            "TZA",
            "President",
            "leaders table",
        ),
        # a full name known from another term gives the nationality only: the text's office stays
        (
            "President-elect Claudia Sheinbaum will travel to Ottawa next week for talks on trade.",
            "2024-08-22",
            "Claudia Sheinbaum",
            "MEX",
            "President-elect",
            "leaders table (nationality)",
        ),
        # the text's own demonym wins over any table
        (
            "Kenyan President Uhuru Kenyatta arrived in Addis Ababa on Monday.",
            "2019-02-11",
            "Uhuru Kenyatta",
            "KEN",
            "President",
            "demonym",
        ),
    ],
)
def test_leader_country_from_table(extract, text, published, name, country, office, source) -> None:
    ex = extract(text, published=published)
    person = person_named(ex, name)
    assert (person.country, person.office, person.country_source) == (country, office, source), summary(ex)
    assert any(v.visitor.name == name and v.visitor_country == country for v in ex.visits), summary(ex)


def test_unknown_name_stays_without_country(extract) -> None:
    ex = extract("Minister Ilse Vandermeer arrived in Lima on Monday.", published="2019-02-11")
    person = person_named(ex, "Ilse Vandermeer")
    assert person.country_source != "leaders table"


def test_a_namesake_with_another_office_is_not_the_leader(extract) -> None:
    # The table has a head of government of this name; the text makes her a trade minister of
    # another country, so the table must not add a country or change the office.
    ex = extract("Chilean Trade Minister Angela Merkel arrived in Lima on Monday.", published="2015-09-01")
    person = person_named(ex, "Angela Merkel")
    assert (person.country, person.office) == ("CHL", "Trade Minister"), summary(ex)
