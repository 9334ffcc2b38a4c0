"""The leaders table at the story's date decides a head's country; other tables and the text follow.

Precedence (issue "who is who"): the office-holder table at the story's date, then what the text
says of the person, then a list's order, then proximity. A namesake whose office in the text is not
the table's keeps the text's country.
"""

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
        # the table agrees with the text's demonym: the table is the stronger evidence
        (
            "Kenyan President Uhuru Kenyatta arrived in Addis Ababa on Monday.",
            "2019-02-11",
            "Uhuru Kenyatta",
            "KEN",
            "President",
            "leaders table",
        ),
        # a demonym next to the name qualifies someone else: the table decides
        (
            "German Foreign Minister Annalena Baerbock held talks with President Emmanuel Macron "
            "after she arrived in Paris on Monday.",
            "2022-03-07",
            "Emmanuel Macron",
            "FRA",
            "President",
            "leaders table",
        ),
        # a title reference linked to the wrong leader does not decide the country
        (
            "President Cyril Ramaphosa arrived in Harare on Saturday. He was received by the President "
            "of Zimbabwe, who thanked the South African President for coming.",
            "2018-03-18",
            "Cyril Ramaphosa",
            "ZAF",
            "President",
            "leaders table",
        ),
    ],
)
def test_leader_country_from_table(extract, text, published, name, country, office, source) -> None:
    ex = extract(text, published=published)
    person = person_named(ex, name)
    assert (person.country, person.office, person.country_source) == (country, office, source), summary(ex)
    if name != "Emmanuel Macron":
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
