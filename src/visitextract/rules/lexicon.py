"""Word lists the rules key on, as lower-case surface forms.

Forms rather than lemmas: the rules must not depend on the lemmatizer, which the fast pipeline
leaves out (see docs/performance.md).
"""

from __future__ import annotations


def _forms(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------- travel
VISIT_VERBS = _forms("visit visits visited visiting")
ARRIVE_VERBS = _forms("arrive arrives arrived arriving land lands landed landing")
DEPART_VERBS = _forms("depart departs departed departing leave leaves left leaving")
MOTION_VERBS = _forms(
    """travel travels travelled traveled travelling traveling fly flies flew flown flying head heads
    headed heading go goes went gone going come comes came coming return returns returned returning
    embark embarks embarked embarking tour tours toured touring stop stops stopped stopping
    jet jets jetted emplane emplanes emplaned emplaning"""
)
STAY_VERBS = _forms("stay stays stayed staying remain remains remained")
# "will spend three days in Japan": a stay when what is spent is time
SPEND_VERBS = _forms("spend spends spent spending")
TIME_NOUNS = _forms("day days night nights hour hours week weeks")
ATTEND_VERBS = _forms("attend attends attended attending")
HOST_VERBS = _forms(
    "host hosts hosted hosting receive receives received receiving welcome welcomes welcomed welcoming"
)
VISIT_NOUNS = _forms("visit visits trip trips tour tours stopover stopovers journey voyage arrival stay")
# Events whose venue a visitor travels to ("attend a summit in Zurich").
EVENT_NOUNS = _forms(
    """summit summits conference conferences funeral ceremony ceremonies session sessions meeting
    meetings forum talks assembly games olympics olympic celebrations celebration inauguration
    gathering dialogue expo exhibition commemoration"""
)

# ---------------------------------------------------------------- meetings
MEET_VERBS = _forms("meet meets met meeting")
TALK_VERBS = _forms(
    """talk talks talked talking speak speaks spoke spoken speaking confer confers conferred
    converse conversed conversing discuss discusses discussed discussing negotiate negotiated"""
)
HOLD_VERBS = _forms("hold holds held holding have has had having")
MEETING_NOUNS = _forms(
    """meeting meetings talks summit conversation conversations call calls discussion discussions
    consultations audience banquet lunch dinner breakfast exchange encounter session dialogue
    call-on"""
)
JOINT_VERBS = _forms("agreed agree agrees discussed discuss discusses reviewed review signed sign shook")
# Verbs of calling someone ("X phoned Y"); with the call words, what makes a meeting a phone call
PHONE_VERBS = _forms(
    "phone phones phoned phoning telephone telephones telephoned telephoning rang dialled dialed"
)
PHONE_WORDS = PHONE_VERBS | _forms("call calls called")
VIDEO_WORDS = _forms("video videoconference video-conference virtual virtually online zoom teleconference")

# ---------------------------------------------------------------- statements
# Verbs that characterise: "described the talks as frank", "termed the visit historic". They report
# only with the characterisation ("as ..." or a predicate), never a bare object ("described the route").
CHARACTERISE_VERBS = _forms(
    """describe describes described describing characterise characterises characterised
    characterising characterize characterizes characterized characterizing term terms termed
    terming dub dubs dubbed dubbing brand brands branded branding"""
)
REPORT_VERBS = CHARACTERISE_VERBS | _forms(
    """congratulate congratulates congratulated regret regrets regretted deplore deplores deplored
    lament laments lamented hail hails hailed commend commends commended
    say says said saying tell tells told telling stress stresses stressed stressing underline
    underlines underlined underlining note notes noted noting add adds added adding urge urges urged
    urging express expresses expressed expressing thank thanks thanked thanking praise praises
    praised praising announce announces announced announcing disclose discloses disclosed
    disclosing confirm confirms confirmed confirming mention mentions mentioned mentioning highlight
    highlights highlighted highlighting reiterate reiterates reiterated reiterating explain explains
    explained explaining emphasize emphasizes emphasized emphasise emphasises emphasised insist
    insists insisted warn warns warned warning argue argues argued claim claims claimed state
    states stated declare declares declared affirm affirms affirmed assure assures assured voice
    voices voiced convey conveys conveyed assert asserts asserted accuse accuses accused deny denies
    denied reject rejects rejected welcome welcomes welcomed tweet tweets tweeted write writes
    wrote told reaffirm reaffirms reaffirmed acknowledge acknowledges acknowledged pledge pledges
    pledged promise promises promised vow vows vowed condemn condemns condemned report reports
    reported indicate indicates indicated reveal reveals revealed outline outlines outlined posted
    reply replies replied replying respond responds responded responding answer answers answered
    retort retorts retorted remark remarks remarked comment comments commented recall recalls
    recalled admit admits admitted concede concedes conceded predict predicts predicted caution
    cautions cautioned underscore underscores underscored observe observes observed contend
    contends contended allege alleges alleged complain complains complained acknowledging
    propose proposes proposed suggest suggests suggested"""
)
# "called for", "pointed out": a reporting verb plus its particle.
REPORT_PHRASAL = {
    ("call", "for"),
    ("calls", "for"),
    ("called", "for"),
    ("calling", "for"),
    ("point", "out"),
    ("points", "out"),
    ("pointed", "out"),
    ("call", "on"),  # "called on X to lift the restrictions" (with "to"; "called on X" is a visit)
    ("calls", "on"),
    ("called", "on"),
    ("calling", "on"),
    ("raise", "concerns"),
    ("raised", "concerns"),
}
# Reporting verbs whose complement is the claim itself, not a clause ("thanked X for ...").
# ("welcomed the delegation" is a courtesy, not a claim: a welcome speaks only with a clause of its
# own, "welcomed that ...")
REPORT_OBJECT_VERBS = _forms(
    """congratulate congratulates congratulated congratulating regret regrets regretted regretting
    deplore deplores deplored lament laments lamented hail hails hailed commend commends commended
    thank thanks thanked thanking praise praises praised praising express expresses expressed
    expressing urge urges urged urging voice voices voiced reject rejects
    rejected condemn condemns condemned mention mentions mentioned highlight highlights highlighted
    disclose discloses disclosed announce announces announced reveal reveals revealed outline
    outlines outlined"""
)
QUOTE_READ_VERBS = _forms("read reads")
# ---------------------------------------------------------------- tense and status
FUTURE_AUX = _forms("will 'll shall wo")
FUTURE_VERBS = _forms(
    """scheduled set expected due slated planned plans plan planning intends intend intended hopes
    hope aims aim going poised billed"""
)
# participles that place an event next to another in time: they share its tense
SEQUENCE_PARTICIPLES = frozenset({"followed", "preceded"})
CANCEL_WORDS = _forms(
    """cancel cancels cancelled canceled cancelling canceling scrap scraps scrapped postpone
    postpones postponed postponing call-off abandon abandons abandoned abandoning shelve shelves
    shelved shelving defer defers deferred deferring"""
)
# Groups that travel and meet under a head ("a delegation led by X", "his entourage")
DELEGATION_NOUNS = frozenset("delegation delegations entourage team party mission".split())
REFUSE_WORDS = _forms("refuse refuses refused refusing decline declines declined snub snubbed")
PLANNED_ADJ = _forms("planned upcoming forthcoming scheduled proposed next expected future coming impending")
PRESENT_ADV = _forms("currently now presently")

PRONOUNS_MALE = _forms("he him his himself")
PRONOUNS_FEMALE = _forms("she her hers herself")
PRONOUNS_SUBJ = _forms("he she")
# "on the sidelines of the summit": where talks happen beside an event
SIDELINE_NOUNS = _forms("sidelines sideline margins margin")
# Words before or in a name's title that mark its grammatical gender.
FEMALE_WORDS = _forms(
    """mrs ms miss madam madame lady dame queen princess sheikha baroness empress duchess
    spokeswoman chairwoman congresswoman councilwoman stateswoman businesswoman first-lady"""
)
MALE_WORDS = _forms(
    """mr sir lord king prince sheikh emir sultan baron emperor duke spokesman chairman congressman
    councilman statesman businessman"""
)

# Unnamed official actors ("a French minister", "Moroccan diplomats").
OFFICIAL_NOUNS = _forms(
    """minister ministers president diplomat diplomats delegation delegations official officials
    envoy envoys negotiator negotiators leader leaders premier chancellor king queen emir
    secretary-general ambassador lawmakers parliamentarians"""
)
# Plural or group references to two people already named ("the two ministers").
GROUP_WORDS = _forms("two both")
# Nouns for the two people of a story whatever their office: "the two men spoke by phone".
GROUP_PEOPLE_NOUNS = _forms("men women sides parties counterparts officials heads")
# Meeting verbs with a particle: "will sit down with X", "got together with Y".
MEET_PHRASAL = {
    ("sit", "down"),
    ("sits", "down"),
    ("sat", "down"),
    ("sitting", "down"),
    ("get", "together"),
    ("got", "together"),
    ("getting", "together"),
}
