"""Aliases in context resolve to canonical entities: a table of mentions, each in a sentence.

Each case is a sentence written for this table with the mention in brackets: ``"talks in [Kyiv]"``.
The brackets are removed before extraction and give the mention's expected character offsets; the
case then names the expected ``entity_id`` and ``country`` of the mention found at exactly those
offsets in ``Extraction.mentions``. Negative cases (``no_place``) assert that nothing at those
offsets resolves to a place (a country, city, region, site or bloc): ordinary words, people's
names, and places the gazetteer does not know, which are left unresolved rather than guessed.

All sentences are extracted in one ``Extractor.pipe`` call per session (see ``extractions``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from visitextract import Extractor
from visitextract.models import Extraction, Mention

PLACE_KINDS = {"country", "city", "region", "site", "bloc", "organization"}
_FROM_ID = object()
_MARK = re.compile(r"\[([^\[\]]+)\]")


def _unmark(marked: str) -> tuple[str, int, int, str]:
    """The plain sentence and the offsets and text of the one bracketed mention."""
    found = list(_MARK.finditer(marked))
    assert len(found) == 1, f"a case marks exactly one mention: {marked!r}"
    m = found[0]
    text = marked[: m.start()] + m.group(1) + marked[m.end() :]
    return text, m.start(), m.start() + len(m.group(1)), m.group(1)


def P(marked: str, entity_id: str, country: Any = _FROM_ID, note: str = "") -> Any:
    """A mention that must resolve to ``entity_id`` (country from a country id unless given)."""
    if country is _FROM_ID:
        assert entity_id.startswith("country:"), f"give the country of {entity_id} explicitly"
        country = entity_id.split(":", 1)[1]
    return pytest.param(marked, entity_id, country, id=_case_id(marked))


def N(marked: str, note: str = "") -> Any:
    """Words that must not resolve to any place (a person mention at the same offsets is fine)."""
    return pytest.param(marked, None, None, id="not-" + _case_id(marked))


def _case_id(marked: str) -> str:
    text, start, end, surface = _unmark(marked)
    left = text[max(0, start - 18) : start]
    right = text[end : end + 18]
    return f"{left}[{surface}]{right}".replace(" ", "_")


# ------------------------------------------------------------------------------------------ cases
COUNTRY_NAMES = [
    P("The delegation arrived in [Burma] on Monday.", "country:MMR"),
    P("Officials in [Myanmar] postponed the vote.", "country:MMR"),
    P("[Türkiye] will host the next round of talks.", "country:TUR"),
    P("The minister flew to [Turkey] for two days.", "country:TUR"),
    P("Exports from [Turkiye] rose sharply last year.", "country:TUR"),
    P("A trade fair in [Czechia] drew buyers from abroad.", "country:CZE"),
    P("The [Czech Republic] joined the alliance in 1999.", "country:CZE"),
    P("Cocoa prices in [Ivory Coast] fell this year.", "country:CIV"),
    P("The envoy presented her credentials in [Côte d'Ivoire].", "country:CIV"),
    P("The envoy presented his credentials in [Cote d'Ivoire].", "country:CIV"),
    P("[Swaziland] changed its name in 2018.", "country:SWZ"),
    P("The king of [Eswatini] received the delegation.", "country:SWZ"),
    P("Fans in [Holland] celebrated the victory.", "country:NLD", note="colloquial for the Netherlands"),
    P("The [Netherlands] recalled its ambassador.", "country:NLD"),
    P("He served as a consul in [Persia] before the war.", "country:IRN"),
    P("Tea from [Ceylon] was once the island's main export.", "country:LKA"),
    P("The kingdom of [Siam] was never colonised.", "country:THA"),
    P("The country was renamed [Zaire] in 1971.", "country:COD"),
    P("The [Democratic Republic of the Congo] signed a ceasefire.", "country:COD"),
    P("Troops withdrew from the [Republic of the Congo] in June.", "country:COG"),
    P("A donors' meeting in [Cabo Verde] ended on Friday.", "country:CPV"),
    P("The island nation of [Cape Verde] hosted the talks.", "country:CPV"),
    P("The [Republic of Korea] and Japan signed the accord.", "country:KOR"),
    P("[South Korea] and Japan agreed to resume talks.", "country:KOR"),
    P("[North Korea] launched a missile on Sunday.", "country:PRK"),
    P("The [People's Republic of China] marked an anniversary.", "country:CHN"),
    P("Leaders of [East Timor] met donors in the capital.", "country:TLS"),
    P("[Timor-Leste] applied to join the bloc.", "country:TLS"),
    P("The [Holy See] sent an observer to the conference.", "country:VAT"),
    P("The [Vatican] expressed concern about the fighting.", "country:VAT"),
    P("The [United States] imposed new tariffs on steel.", "country:USA"),
    P("[America] and its allies responded within hours.", "country:USA"),
    P("The [United Kingdom] left the bloc in 2020.", "country:GBR"),
    P("[Britain] will send an envoy to the region.", "country:GBR"),
    P("[Great Britain] won three medals on the first day.", "country:GBR"),
    P("[Russia] rejected the proposal on Tuesday.", "country:RUS"),
    P("The [Russian Federation] filed a complaint.", "country:RUS"),
    P("[Iran] and Saudi Arabia restored diplomatic ties.", "country:IRN"),
    P("Iran and [Saudi Arabia] restored diplomatic ties.", "country:SAU"),
    P("[Bosnia] and Serbia held talks on the border.", "country:BIH"),
    P("[Bosnia and Herzegovina] applied for membership.", "country:BIH"),
    P("[North Macedonia] joined the alliance in 2020.", "country:MKD"),
    P("[Macedonia] and Greece settled the naming dispute in 2018.", "country:MKD"),
    P("[Kosovo] declared independence in 2008.", "country:XKX"),
    P("[Palestine] was admitted as an observer state.", "country:PSE"),
    P("[Taiwan] held elections in January.", "country:TWN"),
    P("[Brunei] hosted the regional meeting.", "country:BRN"),
    P("[Laos] borders five countries.", "country:LAO"),
    P("The minister of [Lao PDR] attended the forum.", "country:LAO"),
    P("[Vietnam] and the Philippines signed a maritime deal.", "country:VNM"),
    P("[Viet Nam] and the Philippines signed a maritime deal.", "country:VNM"),
    P("[Belarus] hosted the joint exercise.", "country:BLR"),
    P("The tractor plant in [Byelorussia] was built in 1950.", "country:BLR"),
    P("[Moldova] applied for membership of the bloc.", "country:MDA"),
    P("[Kyrgyzstan] and Tajikistan agreed on the border.", "country:KGZ"),
    P("[Upper Volta] became Burkina Faso in 1984.", "country:BFA"),
    P("[Dahomey] became independent in 1960.", "country:BEN"),
    P("[Kampuchea] was the name used in the late 1970s.", "country:KHM"),
    P("Exports to [Micronesia] doubled in a decade.", "country:FSM"),
    P("[São Tomé and Príncipe] held elections in September.", "country:STP"),
    P("[Sao Tome and Principe] held elections in September.", "country:STP"),
    P("The [Syrian Arab Republic] sent a delegation.", "country:SYR"),
    P("The talks on [Syria] resumed in the autumn.", "country:SYR"),
    P("[Tanzania] and Kenya signed a rail agreement.", "country:TZA"),
    P("The [Gambia] rejoined the Commonwealth in 2018.", "country:GMB"),
    P("Ministers from [Gambia] and Senegal met.", "country:GMB"),
    P("Flights to the [Bahamas] were cancelled.", "country:BHS"),
    P("[Venezuela] reopened its border crossing.", "country:VEN"),
    P("[Bolivia] nationalised the gas fields.", "country:BOL"),
    P("The [Kazakhstan] delegation arrived late.", "country:KAZ"),
    P("[Lebanon] named a new prime minister.", "country:LBN"),
    P("[Cuba] and Mexico signed a health agreement.", "country:CUB"),
]

ABBREVIATIONS = [
    P("[US] officials said the talks went well.", "country:USA"),
    P("The [U.S.] embassy issued a warning.", "country:USA"),
    P("The [USA] team arrived on Sunday.", "country:USA"),
    P("[UK] ministers met in the morning.", "country:GBR"),
    P("The [U.K.] government published the plan.", "country:GBR"),
    P("The [UAE] will host the climate conference.", "country:ARE"),
    P("The [U.A.E.] signed the agreement in Abu Dhabi.", "country:ARE"),
    P("The [DPRK] rejected the statement.", "country:PRK"),
    P("The [PRC] embassy protested the visit.", "country:CHN"),
    P("The [DRC] government accused the rebels.", "country:COD"),
    P("The [KSA] delegation left early.", "country:SAU"),
    P("The [ROK] navy joined the drill.", "country:KOR"),
    P("[BiH] authorities arrested two suspects.", "country:BIH"),
    P("[NZ] diplomats attended the ceremony.", "country:NZL"),
    P("The [CAR] government and the rebels signed a truce.", "country:CAF"),
    P("The [ROC] government in Taipei protested.", "country:TWN"),
    P("The [U.S.A.] and Canada share a long border.", "country:USA"),
    P("The [FYROM] dispute lasted for decades.", "country:MKD"),
]

DEMONYMS = [
    P("[Russian] troops withdrew from the village.", "country:RUS"),
    P("The [Russians] walked out of the meeting.", "country:RUS"),
    P("The [Chinese] said they would respond.", "country:CHN"),
    P("A [Kazakhstani] diplomat met the press.", "country:KAZ"),
    P("[Kazakh] officials welcomed the guests.", "country:KAZ"),
    P("The [Kazakhs] voted in a referendum.", "country:KAZ"),
    P("An [Emirati] official confirmed the deal.", "country:ARE"),
    P("The [Emiratis] offered to mediate.", "country:ARE"),
    P("A [Filipino] envoy arrived on Monday.", "country:PHL"),
    P("Thousands of [Filipinos] work in the Gulf.", "country:PHL"),
    P("[Americans] voted in record numbers.", "country:USA"),
    P("An [American] delegation toured the port.", "country:USA"),
    P("[British] ministers met their counterparts.", "country:GBR"),
    P("The [French] proposed a compromise.", "country:FRA"),
    P("The [Germans] were cautious about the plan.", "country:DEU"),
    P("[Dutch] farmers protested in the capital.", "country:NLD"),
    P("[Polish] officials opened the crossing.", "country:POL"),
    P("The [Poles] and the Czechs signed a deal.", "country:POL"),
    P("[Turkish] drones were shown at the fair.", "country:TUR"),
    P("[Israeli] and Palestinian negotiators met.", "country:ISR"),
    P("Israeli and [Palestinian] negotiators met.", "country:PSE"),
    P("[Saudi] officials received the envoy.", "country:SAU"),
    P("[Pakistani] diplomats attended the talks.", "country:PAK"),
    P("[Ukrainian] forces held the line.", "country:UKR"),
    P("The [Ukrainians] asked for more air defence.", "country:UKR"),
    P("[Japanese] investors bought the port.", "country:JPN"),
    P("[South Korean] officials confirmed the visit.", "country:KOR"),
    P("[North Korean] state media reported the test.", "country:PRK"),
    P("[Uzbek] officials signed the contracts.", "country:UZB"),
    P("[Azerbaijani] and Armenian ministers met.", "country:AZE"),
    P("Azerbaijani and [Armenian] ministers met.", "country:ARM"),
    P("[Azeri] officials denied the report.", "country:AZE"),
    P("A [Georgian] delegation arrived on Monday.", "country:GEO"),
    P("[Nigerian] officials met the investors.", "country:NGA"),
    P("[Nigerien] soldiers guarded the border.", "country:NER"),
    P("[Bruneian] officials hosted the meeting.", "country:BRN"),
    P("A [Malagasy] minister attended the summit.", "country:MDG"),
    P("[Swiss] banks froze the accounts.", "country:CHE"),
    P("The [Brazilians] proposed a new fund.", "country:BRA"),
    P("An [Egyptian] mediator shuttled between the sides.", "country:EGY"),
    P("[Vietnamese] exporters welcomed the deal.", "country:VNM"),
    P("A [Singaporean] diplomat chaired the session.", "country:SGP"),
    P("The [Qatari] mediators met both sides.", "country:QAT"),
    P("[Kyrgyz] border guards closed the post.", "country:KGZ"),
    P("A [Mongolian] delegation toured the mine.", "country:MNG"),
    P("[Lebanese] banks limited withdrawals.", "country:LBN"),
    P("[Iraqi] officials announced the result.", "country:IRQ"),
    P("[Tajik] and Kyrgyz officials met at the border.", "country:TJK"),
    P("A [Turkmen] gas pipeline was discussed.", "country:TKM"),
    P("[Indian] diplomats attended the meeting.", "country:IND"),
]

SEATS_AND_CAPITALS = [
    P("The [Kremlin] denied the report.", "site:kremlin", "RUS"),
    P("The [White House] said the talks would continue.", "site:white-house", "USA"),
    P("[Downing Street] said the prime minister was confident.", "site:downing-street", "GBR"),
    P("A spokesman for [No 10] declined to comment.", "site:downing-street", "GBR"),
    P("The [Elysee] confirmed the visit.", "site:elysee-palace", "FRA"),
    P("The [Élysée] confirmed the visit.", "site:elysee-palace", "FRA"),
    P("Talks at the [Elysee Palace] lasted three hours.", "site:elysee-palace", "FRA"),
    P("[Zhongnanhai] has not commented.", "site:zhongnanhai", "CHN"),
    P("The [Blue House] announced the summit.", "site:blue-house", "KOR"),
    P("Officials at [Foggy Bottom] were surprised.", "site:foggy-bottom", "USA"),
    P("The [Quai d'Orsay] summoned the ambassador.", "site:quai-d-orsay", "FRA"),
    P("[Akorda] said the president would attend.", "site:akorda", "KAZ"),
    P("The talks were held at [Ak Orda] on Monday.", "site:akorda", "KAZ"),
    P("The guests were received at [Bellevue Palace].", "site:bellevue-palace", "DEU"),
    P("A banquet was held at [Schloss Bellevue].", "site:bellevue-palace", "DEU"),
    P("The [Pentagon] announced the deployment.", "site:pentagon", "USA"),
    P("Lawmakers on [Capitol Hill] questioned the deal.", "site:capitol-hill", "USA"),
    P("The [Chancellery] in Berlin issued a statement.", "site:german-chancellery", "DEU"),
    P("The [Farnesina] called in the envoy.", "site:farnesina", "ITA"),
    P("Talks at [Palazzo Chigi] ended late.", "site:palazzo-chigi", "ITA"),
    P("[Matignon] said the reform would pass.", "site:matignon", "FRA"),
    P("The [Kantei] declined to comment.", "site:kantei", "JPN"),
    P("A ceremony was held at [Rashtrapati Bhavan].", "site:rashtrapati-bhavan", "IND"),
    P("Officials in [South Block] drafted the reply.", "site:south-block", "IND"),
    P("The [Casa Rosada] announced the visit.", "site:casa-rosada", "ARG"),
    P("[Itamaraty] summoned the ambassador.", "site:itamaraty", "BRA"),
    P("[Malacañang] said the president was resting.", "site:malacanang-palace", "PHL"),
    P("[Bankova] released a video statement.", "site:bankova", "UKR"),
    P("The [Knesset] approved the budget.", "site:knesset", "ISR"),
    P("Leaders met in the [Great Hall of the People].", "site:great-hall-of-the-people", "CHN"),
    P("The meeting in the [Oval Office] lasted an hour.", "site:white-house", "USA"),
    P("[Whitehall] officials drafted the bill.", "site:whitehall", "GBR"),
    P("The president received them at the [Hofburg].", "site:hofburg", "AUT"),
    P("The ceremony took place at [Prague Castle].", "site:prague-castle", "CZE"),
    P("The governors met at [Aso Rock] on Friday.", "site:aso-rock", "NGA"),
    P("The deal was signed at the [Union Buildings].", "site:union-buildings", "ZAF"),
    P("[Smolensk Square] rejected the note.", "site:smolensk-square", "RUS"),
    P("Officials in the [Berlaymont] drafted the sanctions.", "site:berlaymont", "EU"),
    P("[Moscow] rejected the claim.", "city:moscow", "RUS"),
    P("[Beijing] said it opposed the visit.", "city:beijing", "CHN"),
    P("[Tokyo] and Seoul agreed to share data.", "city:tokyo", "JPN"),
    P("[Kyiv] asked for more support.", "city:kyiv", "UKR"),
    P("[Ankara] has objected to the plan.", "city:ankara", "TUR"),
    P("[Tehran] denied the charges.", "city:tehran", "IRN"),
    P("[Riyadh] and Tehran restored ties.", "city:riyadh", "SAU"),
    P("[Astana] will host the next round.", "city:astana", "KAZ"),
    P("[New Delhi] welcomed the decision.", "city:new-delhi", "IND"),
    P("[Canberra] lodged a protest.", "city:canberra", "AUS"),
    P("[Ottawa] expelled a diplomat.", "city:ottawa", "CAN"),
    P("[Brasília] wants a seat on the council.", "city:brasilia", "BRA"),
    P("[Brussels] proposed new rules.", "city:brussels", "BEL"),
    P("[Pyongyang] fired two missiles.", "city:pyongyang", "PRK"),
    P("[Islamabad] recalled its envoy.", "city:islamabad", "PAK"),
    P("[Baku] and Yerevan exchanged prisoners.", "city:baku", "AZE"),
    P("Baku and [Yerevan] exchanged prisoners.", "city:yerevan", "ARM"),
    P("[Tashkent] hosted the forum.", "city:tashkent", "UZB"),
    P("[Minsk] denied any role.", "city:minsk", "BLR"),
    P("[Vilnius] hosted the summit.", "city:vilnius", "LTU"),
    P("[Hanoi] and Manila signed the accord.", "city:hanoi", "VNM"),
    P("[Abuja] welcomed the delegation.", "city:abuja", "NGA"),
    P("[Pretoria] said the summit would go ahead.", "city:pretoria", "ZAF"),
]

CITY_NAMES = [
    P("He flew on to [Nur-Sultan] in 2021.", "city:astana", "KAZ"),
    P("The old town of [Akmola] grew quickly.", "city:astana", "KAZ"),
    P("The conference was held in [Kiev] in 2015.", "city:kyiv", "UKR"),
    P("The ship docked in [Bombay] in 1990.", "city:mumbai", "IND"),
    P("The students marched in [Peking] in 1919.", "city:beijing", "CHN"),
    P("The embassy in [Rangoon] closed in 2006.", "city:yangon", "MMR"),
    P("The last helicopter left [Saigon] in 1975.", "city:ho-chi-minh-city", "VNM"),
    P("The siege of [Leningrad] lasted 872 days.", "city:saint-petersburg", "RUS"),
    P("The treaty was signed in [Alma-Ata] in 1991.", "city:almaty", "KAZ"),
    P("The port of [Madras] was busy.", "city:chennai", "IND"),
    P("The flight to [Calcutta] was delayed.", "city:kolkata", "IND"),
    P("Floods hit [Dacca] in 1988.", "city:dhaka", "BGD"),
    P("The embassy in [Kishinev] reopened.", "city:chisinau", "MDA"),
    P("Engineers in [Bangalore] built the app.", "city:bengaluru", "IND"),
    P("A trade fair in [Canton] attracted buyers.", "city:guangzhou", "CHN"),
    P("The peace of Westphalia was signed in [Muenster].", "city:munster", "DEU"),
    P("The peace of Westphalia was signed in [Münster].", "city:munster", "DEU"),
    P("The fair opened in [Duesseldorf] on Monday.", "city:dusseldorf", "DEU"),
    P("The fair opened in [Düsseldorf] on Monday.", "city:dusseldorf", "DEU"),
    P("Bankers met in [Zurich] on Friday.", "city:zurich", "CHE"),
    P("Bankers met in [Zürich] on Friday.", "city:zurich", "CHE"),
    P("The summit moved to [Sao Paulo].", "city:sao-paulo", "BRA"),
    P("The summit moved to [São Paulo].", "city:sao-paulo", "BRA"),
    P("Talks in [Bogota] ended without a deal.", "city:bogota", "COL"),
    P("The port of [Odessa] reopened.", "city:odesa", "UKR"),
    P("Shelling hit [Kharkov] overnight.", "city:kharkiv", "UKR"),
    P("The fair in [Hanover] drew crowds.", "city:hannover", "DEU"),
    P("The court sits in [The Hague].", "city:the-hague", "NLD"),
    P("The court sits in [Den Haag].", "city:the-hague", "NLD"),
    P("The pilgrims arrived in [Mecca] on Friday.", "city:makkah", "SAU"),
    P("The pilgrims travelled on to [Medina].", "city:madinah", "SAU"),
    P("The junta moved the capital to [Naypyidaw].", "city:nay-pyi-taw", "MMR"),
    P("The talks were held in [Ulan Bator].", "city:ulaanbaatar", "MNG"),
    P("The minister landed in [Prishtina].", "city:pristina", "XKX"),
    P("The minister landed in [Port Vila].", "city:port-vila", "VUT"),
    P("Leaders gathered in [St Petersburg] for the forum.", "city:saint-petersburg", "RUS"),
    P("Leaders gathered in [St. Petersburg] for the forum.", "city:saint-petersburg", "RUS"),
    P("The embassy in [Teheran] was closed.", "city:tehran", "IRN"),
    P("The ministers met in [Ghent].", "city:gent", "BEL"),
    P("The forum in [Davos] opened on Monday.", "city:davos", "CHE"),
    P("The summit in [Sharm el-Sheikh] ended with a statement.", "city:sharm-el-sheikh", "EGY"),
    P("[HANOI], Dec 5 (Reuters) - Talks resumed.", "city:hanoi", "VNM"),
    P("[MEXICO CITY], March 3 - The minister arrived.", "city:mexico-city", "MEX"),
    P("[KUWAIT CITY], May 2 - The talks ended.", "city:kuwait-city", "KWT"),
    P("[ASTANA], Kazakhstan - The forum opened.", "city:astana", "KAZ"),
    P(
        "The party's [Delhi] media head said it would appeal.",
        "city:delhi",
        "IND",
        note="a modifier of an office, not a place visited; the city reading is correct",
    ),
]

BLOCS = [
    P("The [EU] agreed new sanctions.", "bloc:EU", "EU"),
    P("The [E.U.] agreed new sanctions.", "bloc:EU", "EU"),
    P("The [European Union] agreed new sanctions.", "bloc:EU", "EU"),
    P("[NATO] allies met in Brussels.", "bloc:NATO", "NATO"),
    P("[Nato] allies met in Brussels.", "bloc:NATO", "NATO"),
    P("The [North Atlantic Treaty Organization] was founded in 1949.", "bloc:NATO", "NATO"),
    P("The [UN] called for a ceasefire.", "bloc:UN", "UN"),
    P("The [U.N.] called for a ceasefire.", "bloc:UN", "UN"),
    P("The [United Nations] called for a ceasefire.", "bloc:UN", "UN"),
    P("[ASEAN] foreign ministers met in Jakarta.", "bloc:ASEAN", "ASEAN"),
    P("[Asean] foreign ministers met in Jakarta.", "bloc:ASEAN", "ASEAN"),
    P("The [AU] sent observers.", "bloc:AU", "AU"),
    P("The [African Union] sent observers.", "bloc:AU", "AU"),
    P("The [SCO] summit opened on Friday.", "bloc:SCO", "SCO"),
    P("The [Shanghai Cooperation Organisation] admitted a new member.", "bloc:SCO", "SCO"),
    P("The [CSTO] sent troops.", "bloc:CSTO", "CSTO"),
    P("The [OSCE] monitors left the region.", "bloc:OSCE", "OSCE"),
    P("The [G7] leaders issued a statement.", "bloc:G7", "G7"),
    P("The [G-7] leaders issued a statement.", "bloc:G7", "G7"),
    P("The [Group of Seven] leaders issued a statement.", "bloc:G7", "G7"),
    P("The [G20] summit ended on Sunday.", "bloc:G20", "G20"),
    P("The [G-20] summit ended on Sunday.", "bloc:G20", "G20"),
    P("[BRICS] leaders discussed a common currency.", "bloc:BRICS", "BRICS"),
    P("[Brics] leaders discussed a common currency.", "bloc:BRICS", "BRICS"),
    P("The [European Commission] proposed the rules.", "org:european-commission", "EU"),
    P("The [European Parliament] voted on the deal.", "org:european-parliament", "EU"),
    P("The [European Council] met on Thursday.", "org:european-council", "EU"),
    P("The [Council of Europe] criticised the law.", "bloc:COE", "COE"),
    P("The [UN Security Council] met in emergency session.", "org:un-security-council", "UN"),
    P("The [UN General Assembly] adopted the resolution.", "org:un-general-assembly", "UN"),
    P("The [GCC] ministers met in Riyadh.", "bloc:GCC", "GCC"),
    P("The [Gulf Cooperation Council] ministers met in Riyadh.", "bloc:GCC", "GCC"),
    P("The [Arab League] held an emergency meeting.", "bloc:LAS", "LAS"),
    P("The [OIC] condemned the attack.", "bloc:OIC", "OIC"),
    P("The [EAEU] agreed on tariffs.", "bloc:EAEU", "EAEU"),
    P("The [ECOWAS] leaders met in Abuja.", "bloc:ECOWAS", "ECOWAS"),
    P("The [Mercosur] summit ended in Montevideo.", "bloc:MERCOSUR", "MERCOSUR"),
    P("The [APEC] meeting opened in Lima.", "bloc:APEC", "APEC"),
    P("The [AUKUS] partners met in San Diego.", "bloc:AUKUS", "AUKUS"),
    P("The [OPEC] ministers cut output.", "bloc:OPEC", "OPEC"),
    P("The leaders of the [Quad] met in Tokyo.", "bloc:QUAD", "QUAD"),
    P("The [Commonwealth] heads of government met in Kigali.", "bloc:COMMONWEALTH", "COMMONWEALTH"),
    P("The [IAEA] inspectors visited the plant.", "org:iaea", "UN"),
    P("The [WHO] declared an emergency.", "org:who", "UN"),
    P("The [WTO] ruled against the tariffs.", "org:wto", None),
    P("The [IMF] approved the loan.", "org:imf", "UN"),
    P("The [World Bank] approved the loan.", "org:world-bank", "UN"),
    P("The [ICC] issued a warrant.", "org:icc", None),
]

DISAMBIGUATION = [
    # Georgia: the country or the US state, by the other places the text names
    P("[Georgia]'s prime minister met officials in Tbilisi.", "country:GEO"),
    P("Protesters in Tbilisi demanded that [Georgia] join the bloc.", "country:GEO"),
    P("Russia keeps troops in Abkhazia and [Georgia] wants them out.", "country:GEO"),
    P("[Georgia] joined the Eastern Partnership in 2009.", "country:GEO"),
    P("A Georgian minister said [Georgia] would not recognise the vote.", "country:GEO"),
    P("The governor of [Georgia] spoke in Atlanta.", "region:us-georgia", "USA"),
    P("Voters in Atlanta and Savannah helped [Georgia] flip.", "region:us-georgia", "USA"),
    P("Savannah, [Georgia], hosted the summit.", "region:us-georgia", "USA"),
    P("The state of [Georgia] certified the results.", "region:us-georgia", "USA"),
    P("[Georgia] state senators met on Tuesday.", "region:us-georgia", "USA"),
    # Washington: the capital, the state, or a surname
    P("[Washington] imposed sanctions on Moscow.", "city:washington", "USA"),
    P("Talks in [Washington] ended on Friday.", "city:washington", "USA"),
    P("The envoy flew to [Washington, D.C.], on Monday.", "city:washington", "USA"),
    P("The envoy flew to [Washington DC] on Monday.", "city:washington", "USA"),
    P("Seattle, [Washington], is home to the company.", "region:us-washington", "USA"),
    P("[Washington] state approved the measure.", "region:us-washington", "USA"),
    P("The governor of [Washington] state signed the bill.", "region:us-washington", "USA"),
    P("[New York] state sued the company.", "region:us-new-york", "USA"),
    P("The ministers met at the UN in [New York].", "city:new-york-city", "USA"),
    # person names and country names
    P("King Abdullah of [Jordan] met the envoy.", "country:JOR"),
    P("Foreign ministers from [Jordan] and Egypt met in Amman.", "country:JOR"),
    P("Rebels advanced in eastern [Chad] last week.", "country:TCD"),
    P("[Chad] and Niger closed the border.", "country:TCD"),
    P("[Israel] and Egypt reopened the crossing.", "country:ISR"),
    P("The minister flew to [Israel] on Sunday.", "country:ISR"),
    P("Talks in [Paris] ended without a deal.", "city:paris", "FRA"),
    P(
        "The cabinet met in [Victoria] to discuss the budget.",
        "city:victoria",
        "SYC",
        note="the capital of Seychelles outranks Victoria, Canada",
    ),
    # city or country
    P("He visited [Luxembourg] and Belgium.", "country:LUX"),
    P("The meeting was held in [Luxembourg City].", "city:luxembourg", "LUX"),
    P("[Singapore] signed a free trade agreement.", "country:SGP"),
    P("[Djibouti] hosts several foreign bases.", "country:DJI"),
    P("The ship unloaded in [Djibouti City].", "city:djibouti", "DJI"),
    P("[Kuwait] raised its oil output.", "country:KWT"),
    P("The envoy landed in [Kuwait City] on Monday.", "city:kuwait-city", "KWT"),
    P("[Monaco] and France signed a tax treaty.", "country:MCO"),
    P("[Panama] widened the canal.", "country:PAN"),
    P("The talks moved to [Panama City].", "city:panama-city", "PAN"),
    P("[Mexico] and Canada renegotiated the deal.", "country:MEX"),
    P("The ministers met in [Mexico City].", "city:mexico-city", "MEX"),
    P("[San Marino] held a referendum.", "country:SMR"),
    # two countries share an alias: the other places decide
    P("In Kinshasa, officials said [Congo] would ask for help.", "country:COD"),
    P("In Brazzaville, officials said [Congo] would ask for help.", "country:COG"),
    P("A [Congolese] minister arrived from Kinshasa.", "country:COD"),
    P("A [Congolese] minister arrived from Brazzaville.", "country:COG"),
    P("A [Korean] delegation from Seoul arrived.", "country:KOR"),
    P("A [Korean] delegation from Pyongyang arrived.", "country:PRK"),
    P("A [Dominican] minister flew in from Santo Domingo.", "country:DOM"),
    P("A [Dominican] minister flew in from Roseau.", "country:DMA"),
    # regions: kept as regions, with no country
    P("The [West] imposed sanctions on the regime.", "region:west", None),
    P("Relations with the [West] have soured.", "region:west", None),
    P("[Western] governments condemned the coup.", "region:west", None),
    P("Tensions in the [Gulf] rose after the attack.", "region:gulf", None),
    P("Tankers crossed the [Persian Gulf] at night.", "region:gulf", None),
    P("Ministers from the [Gulf] states met in Doha.", "region:gulf", None),
    P("The [Middle East] peace process stalled.", "region:middle-east", None),
    P("Leaders from [Central Asia] met in Astana.", "region:central-asia", None),
    P("Trade with [Southeast Asia] grew.", "region:southeast-asia", None),
    P("The conflict over [Kashmir] flared up.", "region:kashmir", None),
    P("Shipping routes in the [Arctic] are opening.", "region:arctic", None),
    P("Patrols in the [South China Sea] increased.", "region:south-china-sea", None),
    P("Growth in [Latin America] slowed.", "region:latin-america", None),
    P("Investment in [Africa] doubled.", "region:africa", None),
    P("Ships patrolled the [Indo-Pacific].", "region:indo-pacific", None),
    P("The talks covered the [Sahel] and the coast.", "region:sahel", None),
    # areas inside a country
    P("Russia annexed [Crimea] in 2014.", "region:crimea", "UKR"),
    P("Fighting continued in the [Donbas].", "region:donbas", "UKR"),
    P("The envoy discussed [Tibet] and trade.", "region:tibet", "CHN"),
    P("Reports from [Xinjiang] were discussed.", "region:xinjiang", "CHN"),
    P("Russian troops remain in [Abkhazia].", "region:abkhazia", "GEO"),
    P("Russian troops remain in [South Ossetia].", "region:south-ossetia", "GEO"),
    P("Russian troops remain in [Transnistria].", "region:transnistria", "MDA"),
    P("The war over [Nagorno-Karabakh] ended in 2023.", "region:nagorno-karabakh", "AZE"),
    P("The ferry to [Northern Ireland] was cancelled.", "region:northern-ireland", "GBR"),
    P("The first minister of [Scotland] met the envoy.", "region:scotland", "GBR"),
    P("Aid reached the [Gaza Strip] on Monday.", "region:gaza-strip", "PSE"),
    P("Wildfires spread across [California].", "region:us-california", "USA"),
    P("The governor of [Texas] sent troops to the border.", "region:us-texas", "USA"),
]

NOT_PLACES = [
    # ordinary words
    N("We ate [turkey] at the dinner."),
    N("She bought [china] plates at the market."),
    N("The summit is planned for [May]."),
    N("We had [nice] weather for the ceremony."),
    N("[Nice] weather helped the ceremony."),
    N("The table had a [polish] finish."),
    N("Workers [polish] the floors every week."),
    N("The ballot had a hanging [chad]."),
    N("He was [reading] the report."),
    N("[Reading] the statement aloud, he paused."),
    N("[Mobile] phones were banned in the hall."),
    N("The [mobile] clinic opened on Monday."),
    N("The [west] wing of the building was closed."),
    N("The [gulf] between rich and poor grew."),
    N("Storms hit the [Gulf] of Mexico."),
    N("Join [us] for the meeting."),
    N("Officials [who] attended were named."),
    N("[Man] of the match was the goalkeeper."),
    N("[Batman] is a comic book hero."),
    N("She added [chile] peppers to the stew."),
    N("He wore a red [jersey] to the match."),
    N("The kids kept a [guinea] pig."),
    N("She spoke [english] at home."),
    N("The [quad] bike was parked outside."),
    # people's names
    N("[Paris] Hilton attended the party."),
    N("[Jordan] Peterson gave a lecture."),
    N("Michael [Jordan] won six titles."),
    N("[Georgia] O'Keeffe painted flowers."),
    N("George [Washington] crossed the river."),
    N("Denzel [Washington] starred in the film."),
    N("[Chad] Smith visited the museum."),
    N("[Israel] Adesanya won the fight."),
    N("[Victoria] Nuland met the opposition leaders."),
    N("Lewis [Hamilton] won the race."),
    N("Abraham [Lincoln] signed the proclamation."),
    N("Whitney [Houston] sang the anthem."),
    N("[Florence] Nightingale nursed the wounded."),
    N("Andrew [Jackson] was elected in 1828."),
    N("Defence Minister [Israel] Katz visited the base."),
    N("The singer [Kenya] Moore arrived late."),
    # places the gazetteer does not know: not guessed
    N("The ministers met in [Velmoria], a village near the border."),
    N("The convoy passed through [Ostrakand] at night."),
    N("Refugees gathered in [Dunmarrow] camp."),
    N("The talks took place in [Kelvashi] on Monday."),
]

CASES = (
    COUNTRY_NAMES
    + ABBREVIATIONS
    + DEMONYMS
    + SEATS_AND_CAPITALS
    + CITY_NAMES
    + BLOCS
    + DISAMBIGUATION
    + NOT_PLACES
)


def test_table_size() -> None:
    """The issue asks for at least 300 mentions, and at least 30 that must not become a country."""
    assert len(CASES) >= 300
    assert len(NOT_PLACES) >= 30


@pytest.fixture(scope="module")
def extractions(ungated: Extractor) -> dict[str, Extraction]:
    # These sentences test the normaliser, not the relevance gate: most name no official.
    texts = sorted({_unmark(p.values[0])[0] for p in CASES})
    return dict(zip(texts, ungated.pipe(texts), strict=True))


def _describe(mentions: list[Mention]) -> str:
    return ", ".join(f"{m.text!r}@{m.start}:{m.end}->{m.entity_id}({m.country})" for m in mentions) or "none"


@pytest.mark.parametrize(("marked", "entity_id", "country"), CASES)
def test_mention(
    marked: str, entity_id: str | None, country: str | None, extractions: dict[str, Extraction]
) -> None:
    text, start, end, surface = _unmark(marked)
    assert text[start:end] == surface
    mentions = extractions[text].mentions
    if entity_id is None:
        # An unknown place may be kept ("place:<slug>", with no country), never guessed.
        wrong = [
            m
            for m in mentions
            if m.kind in PLACE_KINDS
            and m.start < end
            and start < m.end
            and (m.country is not None or not m.entity_id.startswith("place:"))
        ]
        assert not wrong, f"{surface!r} must not resolve to a known place; got {_describe(wrong)}"
        return
    at = [m for m in mentions if m.start == start and m.end == end and m.kind != "person"]
    assert at, f"no mention at {start}:{end} ({surface!r}); mentions: {_describe(mentions)}"
    got = at[0]
    assert got.text == surface
    assert (got.entity_id, got.country) == (entity_id, country), (
        f"{surface!r} resolved to {got.entity_id} ({got.country}); expected {entity_id} ({country})"
    )


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("A statement from the US Department of State said the talks went well.", "US", "USA"),
        ("Prime Minister Anwar Ibrahim received him at Perdana Putra on Monday.", "Perdana Putra", "MYS"),
        ("The Prime Minister will host the Chancellor at Chequers on 12 March.", "Chequers", "GBR"),
        (
            "Saudi Foreign Minister Faisal bin Farhan said Nigeria was a key partner of the Kingdom.",
            "the Kingdom",
            "SAU",
        ),
    ],
    ids=["alias-inside-a-body", "seat-perdana-putra", "seat-chequers", "the-kingdom"],
)
def test_more_mentions(ungated: Extractor, text, surface, country) -> None:
    ex = ungated.extract(text, published="2024-03-06")
    found = [mn for mn in ex.mentions if mn.text == surface]
    assert found and found[0].country == country, [(mn.text, mn.country) for mn in ex.mentions]
