"""Who or what an evaluative word is aimed at, read off the dependency parse.

A word of contempt judges when it lands on a person or on their work, and it does not when it
lands on the writer ("my stupid mistake") or on nothing at all ("damn, the build broke again").
Rules name the targets they accept in `context.target`; this module sorts a word's target into
one of these classes:

  reader       the person addressed: "you", "your" as a person ("you idiot", "people like you"),
               a vocative or an @handle ("Read the docs, genius.", "@sam you clown"), a word
               measured against the reader ("as dumb as you", "lazier than you")
  person       other people: he, she, they, "these devs", "whoever wrote this", "the author",
               a label that itself names people ("idiots everywhere", "what a moron")
  work         what somebody made or decided: a possessed noun ("your patch", "their design",
               "Sam's plan"), a pointed-at thing ("this PR", "that idea"), a noun for a made
               thing ("the ugly hack", "a stupid design")
  pointer      a bare "this", "that" or "it" ("this is garbage", "it sucks"): whatever is being
               discussed, usually somebody's work, sometimes a situation
  addressed    a pointer in a sentence that opens by addressing someone ("@sam that's pretty
               hostile", "Sam, that was rude"): most likely what the addressee wrote or did; a
               rule that accepts "pointer" accepts it too
  artifact     any other made or abstract thing ("a silly interpolation", "the ugly nulls"):
               somebody made it, though the sentence does not say who
  named        a proper noun that may be a person or a product ("Baidu sucks")
  self         the writer: I, we, my, our ("I'm an idiot", "my stupid typo")
  thing        a thing nobody made or owns: weather, time, luck, a device, an accident
               ("the stupid weather", "this damn printer", "an ugly bug")
  label        a noun that names its own target, predicated of nothing else ("these morons broke
               it", "what a clown"): a label for people, or a thing when the noun is one
  exclamation  a verbless outburst about whatever is being discussed ("Pathetic." "So stupid!")
  epithet      a noun standing alone as the sentence ("Troll." "Socialist troll."): a name for
               whoever is being discussed; a rule that accepts "exclamation" accepts it too
  none         no target at all (undirected swearing, a fragment with no head)
"""
from __future__ import annotations

from .context import FIRST, SECOND, pointed_at, subject_of

CLASSES = ("reader", "person", "work", "pointer", "addressed", "artifact", "named", "self", "thing", "label", "exclamation",
           "epithet", "none")
# a narrower class a rule gets when it accepts the broader one ("epithet": a noun standing alone as
# the sentence, "Troll.", is an exclamation too)
BROADER = {"addressed": "pointer", "epithet": "exclamation"}

THIRD = frozenset({
    "he", "she", "they", "him", "her", "them", "himself", "herself", "themselves", "someone", "somebody",
    "anyone", "anybody", "everyone", "everybody", "whoever", "who", "one",
})
POINTERS = frozenset({"this", "that", "these", "those", "it", "which", "what", "such"})
# Nouns for people: "the devs", "these guys", "people like you", "the maintainers"
PERSON_NOUNS = frozenset("""
person people guy guys dude dudes folk folks man men woman women kid kids boy boys girl girls child children
dev devs developer developers maintainer maintainers author authors owner owners team teams user users
admin admins moderator moderators mod mods reviewer reviewers contributor contributors coder coders
programmer programmers engineer engineers manager managers staff employee employees member members
company companies lot bunch crowd individual individuals human humans fan fans boss colleague colleagues
op issuer reporter reporters poster posters submitter submitters commenter commenters requester asker
highness majesty lordship ladyship excellency eminence holiness being beings
contractor contractors consultant consultants intern interns exec execs executive executives hr
""".split())
# Groups of people by politics or civic role ("stupid voters", "these ignorant bureaucrats", "dumb
# liberals"): a verdict on them lands on people, as on "stupid people". Professions and audiences
# are left out ("the guitarists were sloppy tonight", "the dentists were useless at explaining the
# bill" review a performance), and so are words with a technical sense ("parent", "resident", "lib",
# "leader", "follower", "local", "player", "tenant", "winger").
GROUP_NOUNS = frozenset("""
voter voters citizen citizens taxpayer taxpayers liberal liberals leftie lefties lefty righty righties progressive
progressives conservative conservatives democrat democrats dem dems republican republicans repub repubs tory
tories libertarian libertarians protester protesters protestor protestors rioter rioters supporters activist
activists bureaucrat bureaucrats lawmaker lawmakers legislator legislators senator senators congressman congressmen
councillor councillors councilor councilors politician politicians millennial millennials boomer boomers zoomer
zoomers leftist leftists socialist socialists communist communists marxist marxists fascist fascists globalist
globalists nationalist nationalists feminist feminists elitist elitists technocrat technocrats cronies americans
canadians public
""".split())


def is_group(n) -> bool:
    """Does the noun name a group of people ("voters", "liberals", "leftists", "politicians"), or is
    it one of PERSON_NOUNS as written ("folks")?"""
    low = n.lower_
    return low in GROUP_NOUNS or low in PERSON_NOUNS or n.lemma_.lower() in GROUP_NOUNS


# What somebody made or decided: contempt for it lands on its maker, whatever the determiner
# ("the ugly hack", "a stupid design"). Situations nobody made ("the weather", "the build broke")
# are not here.
WORK_NOUNS = frozenset("""
code patch patches pr prs diff commit commits change changes implementation design api interface function
functions method methods class classes constructor variable variables name names naming hack hacks
workaround fix fixes solution approach test tests doc docs documentation comment comments message
messages ui ux feature features library libraries lib module modules package tool tools script scripts
config configuration release update version project repo app application software program product
idea ideas proposal plan suggestion decision decisions answer response reply post argument logic
reasoning attitude behaviour behavior excuse excuses work job effort review pull request wording
spec standard rule rules policy framework architecture syntax format layout website site page
thing things stuff move stunt issue issues ticket tickets report question questions complaint
request requests thread post posts driver drivers function block loop style convention prefix macro
language tests interface documentation mentality mindset
take takes opinion opinions claim claims statement statements remark remarks rant rants screed article articles editorial
tweet tweets
""".split())
# Things nobody made or owns in a conversation: contempt for them is venting, not judging.
NOBODYS = frozenset("""
weather rain snow wind storm cold heat sun sunshine day days week weeks weekend weekends month months year
years morning mornings evening night nights monday tuesday wednesday thursday friday saturday sunday
time timing traffic commute luck life world situation universe flu virus cold cough headache bug bugs
error errors crash crashes accident accidents typo typos mistake mistakes glitch outage outages
printer printers car cars train trains bus plane flight flights phone phones laptop laptops computer
computers machine machines wifi internet network connection battery keyboard mouse door alarm
elevator lift coffee weather meeting meetings queue line lines deadline deadlines headache noise
charger chargers cable cables port ports adapter screen monitor headphones tv fridge oven kettle chair
desk pump tank engine fan battery bike road roads parking hotel room airport airline food
compiler compilers linter linters interpreter browser browsers editor ide terminal shell toolchain
debugger os kernel firmware
device devices controller controllers chip chips chipset chipsets hardware bios bioses cpu cpus gpu gpus
motherboard motherboards pic apic uart dma soc mmu disk disks ssd ssds peripheral
peripherals lag ping server servers hitbox hitboxes rng matchmaking netcode lobby lobbies respawn spawn spawns
photocopier photocopiers copier copiers router routers modem modems reader readers lock locks trolley
trolleys marker markers sensor sensors thermostat thermostats scanner scanners bot bots microwave
dishwasher projector projectors speaker speakers tablet tablets clock clocks timer timers heater heaters
boiler radiator toilet toilets tap taps faucet detector detectors machine vending badge badges till tills
ticket-machine charger dryer washer fridge freezer lamp lamps light lights bulb bulbs runner runners
ci autoformatter autoformatters formatter formatters autocorrect autocomplete spellchecker vpn
movie movies film films sequel sequels episode episodes finale
jenkins travis circleci gitlab github bitbucket docker kubernetes k8s npm pip webpack gradle maven xcode
vendor vendors sdk sdks
""".split())
# What a writer calls their own remark when opening with it ("Dumb question: ...", "Silly nit, but ...").
REMARK_NOUNS = frozenset("""
nit nits nitpick nitpicks question questions observation remark thought thoughts idea suggestion note
aside point comment q instinct hunch guess gut
""".split())
SECOND_GROUPS = frozenset({"you", "u", "ya", "y'all", "yall", "ye", "yourself", "yourselves"})
COPULAS = frozenset({"be", "seem", "look", "sound", "act", "become", "get", "feel", "appear", "remain", "stay"})
CALLING = frozenset({"call", "consider", "label", "name", "think", "find", "make"})
JUDGING = CALLING - {"make"}  # "I made the component dumb on purpose" makes it so; it judges nothing
_INTENSIFIERS = frozenset({
    "so", "such", "very", "really", "too", "totally", "completely", "utterly", "absolutely", "pure",
    "simply", "just", "fucking", "freaking", "damn", "bloody", "little", "big", "stupid", "dumb", "pathetic",
    "total", "complete", "absolute", "utter", "incompetent", "useless", "worthless", "lazy",
})


def target_class(tok) -> str:
    """The class of what `tok` (an adjective, a noun, a verb or an adverb of evaluation) is aimed at."""
    found = _target_class(tok)
    if found in ("work", "pointer", "artifact") and _owned_up(tok.sent):
        return "self"  # "a dumb design choice on our side", "this is an ugly hack, my bad"
    if found in ("pointer", "work") and _general_claim(tok):
        return "none"  # "it's a terrible idea to parse untrusted input in the kernel"
    if found == "pointer" and _opens_addressed(tok.sent):
        return "addressed"
    return found


def _opens_addressed(sent) -> bool:
    """Does the sentence open by addressing someone: an @handle ("@sam that's hostile") or a name
    set off by a comma ("Sam, that was rude")?"""
    words = [t for t in sent if not (t.is_space or (t.is_punct and t.text != ","))]
    if not words:
        return False
    first = words[0]
    if first.text.startswith("@") and len(first.text) > 1:
        return True
    return first.pos_ == "PROPN" and len(words) > 2 and words[1].text == ","


def _general_claim(tok) -> bool:
    """"It's a terrible idea to parse input in the kernel", "it's silly to cache this": a verdict on
    doing something at all, with "it" standing for the infinitive, not for anybody's work; one
    that names a person ("it's pointless to ask you anything") is not general."""
    verb = _claim_verb(tok)
    if verb is None or verb.lemma_ != "be":
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return False
    clause = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB" and _to_infinitive(c)), None)
    return clause is not None and not any(t.lower_ in _NAMING_SOMEBODY for t in clause.subtree)


_NAMING_SOMEBODY = SECOND_GROUPS | THIRD | {"your", "ur", "his", "their"}


def _claim_verb(tok):
    """The verb a verdict hangs on: the span's root itself, the head of its "it", or the verb the
    word (or the noun it modifies) completes."""
    if tok.lemma_ == "be":
        return tok
    if tok.lower_ == "it" and tok.dep_ == "nsubj":
        return tok.head
    word = tok.head if tok.dep_ == "amod" else tok
    return word.head if word.dep_ in ("attr", "acomp") else None


def _to_infinitive(verb) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _target_class(tok) -> str:
    # "you idiot", "you stupid, lazy idiot", "you fucking moron": a name the reader is called;
    # "Read the docs, numbskull.": a name set off at the end of a sentence
    if tok.pos_ in ("NOUN", "PROPN", "ADJ", "X", "VERB") and not _made_so(tok) and (_after_you(tok) or _vocative(tok)):
        return "reader"
    if tok.pos_ == "INTJ" and tok.i > tok.sent.start and _vocative(tok) and _addressed(tok.sent):
        return "reader"  # "Listen, asshat." (the tagger reads an unknown name as an interjection)
    for step in (_sworn_at, _through_symbol, _nothing_but, _quantity_of, _of_someone, _minds, _trait_of_people,
                 _compared_to_reader, _beyond, _rooted_in, _full_of, _like_a, _makes_you, _coordinated,
                 _modifier_of_noun, _modifier_of_modifier, _complement, _verb_subject, _adverb_of_verb):
        found = step(tok)
        if found is not None:
            return found
    if tok.pos_ in ("NOUN", "PROPN", "X", "ADJ"):
        return _own_noun(tok)
    return _verbless(tok)


_SWEARING = frozenset({"fucking", "fuckin", "effing", "freaking", "frigging", "bloody", "goddamn", "goddamned", "damn", "damned"})


def _sworn_at(tok) -> str | None:
    """"Fucking amateurs.": a noun the tagger hangs on a swear word read as a verb, with nothing
    else in the sentence, is an epithet like "Amateurs!" itself."""
    if tok.lower_ in _SWEARING:  # the swear word itself, as the span's root
        tok = next((c for c in tok.children if c.dep_ == "dobj"), tok)
    head = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or head.lower_ not in _SWEARING or head.i != tok.sent.start:
        return None
    rest = [t for t in tok.sent if not t.is_punct and t.i not in (head.i, tok.i)]
    return "epithet" if not rest else None


def _made_so(tok) -> bool:
    """"Dehydration makes you dumb.": the word is what something makes "you", not a name after
    "you" (see _makes_you)."""
    return tok.dep_ == "ccomp" and tok.head.lemma_ == "make" and any(
        c.dep_ == "nsubj" and c.lower_ in SECOND_GROUPS and c.i == tok.i - 1 for c in tok.children)


def _through_symbol(tok) -> str | None:
    """"i'm a clown 🤡": the tagger may read a trailing emoji as the noun and hang the word on it as
    a modifier; the word then stands where the emoji stands."""
    head = tok.head
    if head.i == tok.i or tok.dep_ not in ("amod", "compound", "nmod", "nummod") or any(ch.isalnum() for ch in head.text):
        return None
    if head.is_punct or head.is_space:
        return None
    return _target_class(head)


def _nothing_but(tok) -> str | None:
    """"you're nothing but a troll", "he is nothing more than a shill": the word lands where the
    "nothing" it fills lands."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("but", "than") or prep.head.i == prep.i:
        return None
    nothing = prep.head if prep.head.lower_ != "more" else prep.head.head
    if nothing.lower_ not in ("nothing", "little") or nothing.dep_ not in ("attr", "dobj"):
        return None
    return _target_class(nothing)


_QUANTITIES = frozenset({"piece", "pile", "load", "heap", "bunch", "lump", "sack", "bag", "steaming", "stack", "mountain",
                         "kind", "sort", "brand", "level"})  # "you're some kind of stupid", "your level of stupidity"


def _quantity_of(tok) -> str | None:
    """"your patch is a piece of garbage", "what a load of rubbish", "this pile of crap": the word
    lands where the measure noun it fills lands."""
    prep = tok.head
    if tok.dep_ not in ("pobj", "amod") or prep.lower_ != "of" or prep.head.i == prep.i:
        return None  # ("some kind of stupid": the tagger may hang the word on "of" as a modifier)
    measure = prep.head
    one = measure.lower_ == "one" and measure.dep_ in ("attr", "oprd")  # "you're one of the trolls"
    if not one and (measure.lemma_.lower() not in _QUANTITIES or measure.pos_ != "NOUN"):
        return None
    if one and _kindly(tok):
        return None  # "you're one of the good trolls"
    if measure.lemma_.lower() in _KINDS and measure.dep_ not in ("attr", "oprd") and not any(
            c.dep_ == "poss" and c.lower_ in _OWNERS for c in measure.children):
        return None  # "that kind of crap happens to everyone"; "a special kind of stupid" is said of someone
    return _target_class(measure)


_KINDS = frozenset({"kind", "sort", "brand", "level"})


# Praise on a label that takes its sting ("one of the good trolls", "makes you a great troll")
_KIND = frozenset({
    "good", "great", "perfect", "best", "lovely", "amazing", "wonderful", "nice", "fun", "funny", "friendly",
    "sweet", "cute", "brilliant", "fantastic", "awesome", "excellent", "fine", "brave", "lucky", "adorable",
})


def _kindly(tok) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in _KIND for c in tok.children)


def _of_someone(tok) -> str | None:
    """"That was rude of you", "how petty of him", "stupid of me": with no subject but "that" or
    "it", the judged person follows "of" ("they were dismissive of you" judges them)."""
    if tok.pos_ != "ADJ":
        return None
    subj = subject_of(tok.head) if tok.dep_ in ("acomp", "attr") and tok.head.i != tok.i else None
    if subj is not None and subj.lower_ not in POINTERS:
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
    obj = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is not None and obj.lower_ in _OF_PEOPLE:
        return _noun_class(obj)
    return None


_OF_PEOPLE = SECOND_GROUPS | THIRD | FIRST

# Words for a dull mind: used as a noun ("elected by the stupid") they can only name people, as "the
# poor" does. Words with a plain sense are not here ("the gullible are targeted by scammers", "the
# ignorant and the learned alike"), nor superlatives, which stand for a thing as often ("we chose
# the stupidest, and it worked").
MINDS = frozenset("""
stupid dumb idiotic moronic brainless brain-dead witless
""".split())
_NOMINAL = frozenset({"nsubj", "nsubjpass", "pobj"})  # (not "do the stupid": an act)


def _minds(tok) -> str | None:
    """"Elected by the stupid", "the incredibly stupid can continue ...": an adjective for a mind,
    used as a noun after "the", names people."""
    if tok.lower_ not in MINDS or tok.dep_ not in _NOMINAL:
        return None
    if any(c.dep_ in ("prep", "conj", "cc") for c in tok.children):
        return None  # "the stupid of the two plans", "the dumb and the smart alike"
    return "person" if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) else None


def _trait_of_people(tok) -> str | None:
    """"The stupidity of voters", "Democrat stupidity", "liberal stupidity": a noun for a trait said of
    people, by "of" or by a word for them before it, lands on them ("the stupidity of sanctions" is
    about sanctions, and "the garbage of the tourists" is no trait: both are read as before)."""
    if tok.pos_ != "NOUN" or not tok.lower_.endswith(_TRAIT_ENDINGS):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i:
            found = _of_whom(c)
            if found is not None:
                return found
        elif c.i < tok.i and _people_word(c):
            return "person"
    return None


# A trait has an abstract noun's ending ("stupidity", "idiocy", "ignorance", "laziness", "cowardice",
# "bigotry", "racism"); "the garbage of the tourists" is their rubbish
_TRAIT_ENDINGS = ("ity", "cy", "ness", "ance", "ence", "ism", "ice", "ry")


def _of_whom(prep) -> str | None:
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    found = None if obj is None else _noun_class(obj)
    return found if found in ("reader", "person", "named") else None


def _people_word(c) -> bool:
    """"Democrat" or "voter" before a noun ("Democrat stupidity"), or a side ("liberal stupidity");
    not "public" or "local" ("public trash cans"), nor "human" ("a history of human stupidity" is
    an essay's subject)."""
    if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and is_group(c):
        return True
    return c.dep_ in ("amod", "compound") and c.lower_ in _PEOPLES


# Adjectives that name a side ("liberal stupidity"), unlike "public" or "local" ("public trash cans")
_PEOPLES = frozenset("""
liberal conservative progressive democrat republican leftist libertarian socialist communist
american canadian
""".split())


def _compared_to_reader(tok) -> str | None:
    """"Not all of us are as dumb as you", "nobody here is lazier than you": a word measured against
    the reader says it of the reader, whoever the subject is (except the writer alone: "I'm as
    confused as you are" shares the confusion)."""
    if tok.pos_ != "ADJ":
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("as", "than") and prep.i > tok.i:
            if any(c.dep_ == "pobj" and c.lower_ in SECOND_GROUPS for c in prep.children):
                subj = subject_of(tok.head) if tok.dep_ in ("acomp", "attr") and tok.head.i != tok.i else None
                return None if subj is not None and subj.lower_ in FIRST else "reader"  # "we were all as stupid as you"
    return None


_BEYOND = frozenset({"beyond", "past"})


def _beyond(tok) -> str | None:
    """"Your comment is beyond idiotic", "this is past ridiculous": the tagger hangs the word on the
    preposition; it is the complement of the verb the preposition hangs on."""
    prep = tok.head
    if tok.pos_ not in ("ADJ", "NOUN") or tok.dep_ != "pobj" or prep.lower_ not in _BEYOND or prep.head.i == prep.i:
        return None
    verb = prep.head
    if verb.lemma_ not in COPULAS:
        return None
    subj = subject_of(verb)
    return _noun_class(subj) if subj is not None else None


# Participles that say what a thing rests on or springs from: "your vote was based on stupidity",
# "the ruling is driven by ignorance"
_ROOTED = frozenset({"base", "drive", "root", "fuel", "motivate", "bear", "inspire", "ground"})


def _rooted_in(tok) -> str | None:
    """"Your vote was based on stupidity", "an opinion rooted in ignorance": a word of contempt that
    a thing rests on lands on that thing."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.head.i == prep.i or prep.lower_ not in ("on", "in", "by", "of", "upon"):
        return None
    verb = prep.head
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in _ROOTED:
        return None
    subj = subject_of(verb)
    if subj is None and verb.dep_ in ("acl", "amod") and verb.head.i != verb.i:
        subj = verb.head  # "your opinion, based on stupidity", "an opinion rooted in ignorance"
    # somebody's, by a pronoun: "the sitcom's humour is based on stupidity" judges no one
    return None if subj is None else _someones(subj)


_OWNERS = frozenset({"your", "ur", "yer", "his", "her", "their"})


# Verbs that say how someone comes across: "you sound like an ass", "you look like a clown"
_SEEMING = frozenset({"sound", "look", "seem", "act", "appear", "behave", "talk", "write", "feel"})


def _like_a(tok) -> str | None:
    """"You sound like an ass", "he acts like a toddler": a word after "like" on a verb of seeming
    lands on the verb's subject."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "like" or prep.head.i == prep.i or prep.head.lemma_ not in _SEEMING:
        return None
    subj = subject_of(prep.head)
    return None if subj is None else _noun_class(subj)


def _makes_you(tok) -> str | None:
    """"Defending him makes you an idiot", "that makes you pathetic", "..., making you even more
    pathetic": a label, or a word that what the reader did makes them ("dehydration makes you
    dumb" is what it does to anyone)."""
    head = tok.head
    if tok.dep_ != "ccomp" or tok.pos_ not in ("NOUN", "ADJ") or head.lemma_ != "make":
        return None
    who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.pos_ == "ADJ" and _general_cause(head):
        return "thing"  # "dehydration makes you dumb", "practising in public makes you silly": what it does to anyone
    return "reader" if who is not None and who.lower_ in SECOND_GROUPS and not _kindly(tok) else None


_DEICTIC = frozenset({"this", "that", "which", "what"})  # ("it makes you lazy" is as general as "coffee does")


def _general_cause(make) -> bool:
    """Is what does the making a thing other than the reader or what they just did ("dehydration
    makes you dumb", "it makes you lazy"), rather than "that" or "you" ("you made yourself dumber")?"""
    cause = subject_of(make) or next((c for c in make.children if c.dep_ == "csubj"), None)
    if cause is None or cause.lower_ in _DEICTIC | SECOND_GROUPS:
        return False
    return not any(c.dep_ == "poss" and c.lower_ in ("your", "ur", "yer") for c in cause.children)  # ("your hatred made you blind")


def _full_of(tok) -> str | None:
    """"Are you really that full of stupid?", "your reply is full of nonsense": what someone is
    full of lands where "full" lands."""
    holder = _holder(tok)
    if holder is None:
        return None
    found = _someones(holder)
    # a person is full of it; of a thing, only what somebody says ("your inbox is full of junk")
    return found if found != "work" or holder.lemma_.lower() in _SAYINGS else None


def _holder(tok):
    """What is full of `tok` ("your reply is full of nonsense": "reply"), or None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i or prep.head.lower_ != "full":
        return None
    full = prep.head
    if full.dep_ in ("acomp", "attr", "oprd"):
        return subject_of(full.head)
    return full.head if full.dep_ == "amod" and full.head.i != full.i else None


def _contents(n) -> str | None:
    """"I'm full of silly ideas", "the gift shop was full of silly souvenirs": what fills the writer
    or a thing nobody here made is theirs or nobody's ("your code is full of stupid hacks" is read
    as before)."""
    holder = _holder(n)
    if holder is None:
        return None
    found = _noun_class(holder)
    if found == "work" and holder.lemma_.lower() in FICTION and not any(c.dep_ == "poss" for c in holder.children):
        return "thing"  # "that novel is full of awful people": its characters
    if n.lemma_.lower() in PERSON_NOUNS:
        return None  # ("the room was full of ignorant people": people all the same)
    if found == "artifact":
        return "thing"
    return found if found in ("self", "thing") else None


_SAYINGS = frozenset({
    "reply", "comment", "post", "answer", "argument", "message", "email", "essay", "review", "claim",
    "statement", "speech", "article", "thread", "rant", "response", "head", "mouth", "words", "writing",
    "patch", "code", "pr", "doc", "docs", "proposal", "logic", "reasoning", "theory", "opinion", "take",
})


def _someones(n) -> str | None:
    """The class of `n` when it is a person or a thing a pronoun says is somebody's ("your reply",
    "their plan"), else None ("this bag is full of garbage", "the sitcom's humour")."""
    found = _noun_class(n)
    if found == "work":
        return found if any(c.dep_ == "poss" and c.lower_ in _OWNERS for c in n.children) else None
    return found if found in ("reader", "person", "self") else None


def _coordinated(tok) -> str | None:
    head = tok.head
    if tok.dep_ == "conj" and head.i != tok.i and head.pos_ == tok.pos_ and head.i < tok.i and not _owned(tok):
        return target_class(head)  # "how rude and ignorant you are": the first word's target
    return None


def _owned(tok) -> bool:
    """Has the word an owner of its own ("our economy and your stupidity")?"""
    return any(c.dep_ == "poss" for c in tok.children)


def _modifier_of_noun(tok) -> str | None:
    head = tok.head
    if tok.dep_ in ("amod", "compound", "nmod", "poss") and head.i != tok.i and (
            head.pos_ in ("NOUN", "PROPN", "PRON", "X") or _one_said_of_someone(head)):
        # ("you are the stupid one": "one" said of the subject; "the silly one is for the kids" is a thing)
        held = _contents(head)
        if held is None and tok.dep_ == "amod" and _measure_said_of_subject(head):
            held = _quantity_of(head)  # "you're all a bunch of nasty hags" (not "a bunch of nasty weather")
            held = held if held in ("reader", "person", "work") else None
        if held is not None:
            return held
        return _said_of(head) or _noun_class(head)
    return None


def _said_of(noun) -> str | None:
    """What a noun predicated of a subject lands on ("you are a lazy coder": the subject); after
    "there are", the noun's people themselves ("there are so many stupid voters"), or no one
    ("there are no stupid people")."""
    if noun.dep_ not in ("attr", "oprd") or noun.head.i == noun.i:
        return None
    subj = subject_of(noun.head)
    if subj is None:
        return None
    if subj.dep_ != "expl":
        return _predicated(noun, subj)
    found = _noun_class(noun)
    if found not in ("person", "reader"):
        return _predicated(noun, subj)  # ("there is a stupid bug in the parser": as before)
    return "none" if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) else found


def _measure_said_of_subject(noun) -> bool:
    """Is `noun` what fills a measure said of a subject ("you are a bunch of nasty hags"), not one
    that merely counts things ("npm installs a bunch of useless dependencies")?"""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i or _noun_class(noun) not in ("artifact", "label", "person"):
        return False
    return prep.head.dep_ in ("attr", "oprd")


# Nouns that say a subject is a human being ("Trump is a terrible human being"); not "company",
# "team" or "crowd", which a product or a club may be
_HUMANS = frozenset({"human", "humans", "being", "beings", "person", "people", "man", "men", "woman", "women", "guy",
                     "guys", "individual", "individuals"})


def _predicated(noun, subj) -> str:
    """"Their process is a terrible mess", "you are a lazy coder": a noun predicated of the subject
    lands its modifier on the subject, with what the noun says of it."""
    found = _noun_class(subj)
    if found == "pointer" and _noun_class(noun) in ("work", "person", "reader", "named"):
        return _noun_class(noun)  # "this is a terrible name": the name is someone's work
    if found == "pointer" and _made_by_writer(noun):
        return "self"  # "this is the dumbest bug I've ever written"
    if found == "artifact" and _noun_class(noun) == "work":
        return "work"  # "that helper is a terrible name", "the parser is terrible code"
    if found in ("artifact", "named") and noun.lower_ in _HUMANS:
        return "person"  # "Trump is a terrible human being": what the noun says the subject is
    return found


def _one_said_of_someone(head) -> bool:
    """"You are the stupid one", "I'm the lazy one": "one" said of a person ("that's the ugly one"
    is a thing)."""
    if head.lower_ != "one" or head.dep_ not in ("attr", "oprd") or head.head.i == head.i:
        return False
    subj = subject_of(head.head)
    return subj is not None and subj.lower_ in SECOND_GROUPS | FIRST | THIRD


def _modifier_of_modifier(tok) -> str | None:
    head = tok.head
    if tok.dep_ == "advmod" and head.pos_ in ("ADJ", "ADV") and head.i != tok.i:
        return target_class(head)  # "pathetically slow" -> whatever "slow" is aimed at
    return None


def _complement(tok) -> str | None:
    head = tok.head
    judged = _judged_object(tok, head)
    if judged is not None:
        return judged
    seeming = tok.dep_ == "dobj" and tok.pos_ == "ADJ" and head.lemma_ in COPULAS  # "how idiotic you sound" (misparsed)
    if tok.dep_ not in ("acomp", "attr", "oprd", "xcomp") and not seeming or head.i == tok.i:
        return None
    if _felt_with(tok, head):
        return "none"
    found = _owner_or_clause(tok, head)
    if found is not None:
        return found
    subj = _subject_for(tok, head)
    if subj is not None:
        return _noun_class(subj)
    if head.lemma_ == "be" and _imperative(head):
        return "reader"  # "stop being an asshat", "be a decent human": an order to the reader
    return _verbless(tok)


def _owner_or_clause(tok, head) -> str | None:
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children):
        return _noun_class(tok)  # "it was my own stupidity", "that was your garbage": the owner's
    return _clause_subject(head)  # (before a subject borrowed from a verb it is joined to)


def _subject_for(tok, head):
    return subject_of(head) or _own_subject(tok) or _gerund_subject(head)


def _own_subject(tok):
    """"Was he suicidal or just stupid?": in a question the tagger may hang the subject on the word."""
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def _gerund_subject(being):
    """"She should resign for being stupid", "he should be impeached for being stupid": the subject of
    "being" after a preposition is the subject of the clause it belongs to, when that clause asks for
    them to be put out."""
    prep = being.head
    if being.tag_ != "VBG" or being.dep_ != "pcomp" or prep.i == being.i or prep.dep_ != "prep":
        return None
    verb = prep.head
    return subject_of(verb) if verb.lemma_ in _SANCTIONS and _demanded(verb) else None


def _demanded(verb) -> bool:
    """"She needs to resign", "he should be fired": what is asked for, not reported ("she resigned
    for being dishonest, the paper reported") or wondered about ("can a senator be removed ...?")."""
    if verb.tag_ not in ("VB", "VBN"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought", "shall", "gotta") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("need", "have", "deserve", "ought", "got")


# What a person should be put out for ("needs to resign for being stupid", "should be impeached for
# being stupid"); not what was done to them ("bullied for being stupid") or what they did ("apologised
# for being rude")
_SANCTIONS = frozenset({"resign", "impeach", "fire", "sack", "ban", "punish", "jail", "remove", "expel", "replace",
                        "recall", "oust", "dismiss", "quit", "go"})


# Verbs of sharing what someone feels ("I know how stupid you feel"), and of setting it aside
# ("don't worry about how silly you looked")
_KNOWING = frozenset({"know", "understand", "imagine", "get", "see", "remember", "recall", "appreciate", "realize", "realise"})
_SETTING_ASIDE = frozenset({"worry", "stress", "forget", "fret", "obsess"})


def _felt_with(tok, head) -> bool:
    """"I know how stupid you feel after that", "don't worry about how dumb you looked": the writer
    shares or waves away what the reader feels, or fears they looked like; "you look stupid" and
    "I can see how stupid you look" still say it."""
    if not any(c.dep_ == "advmod" and c.lower_ == "how" for c in tok.children) or head.lemma_ not in _SEEMING:
        return False
    clause = head.head.head if head.head.dep_ == "prep" else head.head  # ("worry about how ...")
    if head.dep_ not in ("ccomp", "pcomp", "advcl") or clause.i == head.i:
        return False
    if clause.lemma_ in _SETTING_ASIDE:  # "don't worry about ...", "forget how ...", "I wouldn't stress about ..."
        return subject_of(clause) is None or any(c.dep_ == "neg" for c in clause.children)
    return head.lemma_ == "feel" and clause.lemma_ in _KNOWING and _first_person(subject_of(clause))


def _judged_object(tok, head) -> str | None:
    """"Call it stupid", "I call your words stupid", "some consider your attitude ignorant": the
    word is said of the object of a verb of calling, whoever says it (with no subject, any verb of
    calling; "make" only then: "I made the component dumb on purpose" makes it so)."""
    if head.i == tok.i or head.lemma_ not in CALLING:
        return None
    if tok.pos_ == "ADJ" and tok.dep_ == "ccomp":
        return _object_as_subject(tok, head)
    subj = subject_of(head)
    if tok.dep_ not in ("acomp", "attr", "oprd", "xcomp") or (subj is not None and not _judged_by_subject(head, tok)):
        return None
    skip = (tok.i, getattr(subj, "i", -1))
    obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubj", "ccomp") and c.i not in skip), None)
    if obj is None:
        return None
    # with a judge named, only the reader or what is someone's by a pronoun ("I find the layout
    # ugly" stays the writer's taste)
    return _noun_class(obj) if subj is None else _someones(obj)


def _clause_subject(head) -> str | None:
    """"What you wrote is nonsense", "what you are is boorish" (said of the reader), "what I did was
    stupid" (the writer's own), "what this guy did was stupid" (his); not "what you describe is
    awful", which the reader met."""
    clause = next((c for c in head.children if c.dep_ == "csubj"), None)
    if clause is None:
        return None
    being = clause.lemma_ == "be" and not any(c.dep_ in ("prep", "prt") for c in clause.children)  # not "been through"
    doer = subject_of(clause) if being or clause.lemma_ in _DOING else None
    if doer is None or doer.i > clause.i:
        return None
    if doer.lower_ in SECOND_GROUPS:
        return "reader" if being else "work"
    if doer.lower_ in FIRST:
        return "self"
    return None if being else _theirs(doer)


def _theirs(doer) -> str | None:
    """"What this guy did was stupid", "what he wrote is garbage": a named person's doing is their
    work (not "what anyone says")."""
    return "work" if doer.lower_ not in _ANYONE and _noun_class(doer) == "person" else None


_ANYONE = frozenset({"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "one", "who", "whoever", "people"})


def _object_as_subject(tok, verb) -> str | None:
    """"Some consider your attitude ignorant": the tagger may make the object the word's subject."""
    own = next((c for c in tok.children if c.dep_ == "nsubj"), None) if verb.lemma_ in JUDGING else None
    return None if own is None else _someones(own)


def _judged_by_subject(verb, tok) -> bool:
    """"I call your words stupid": a verb of judging with its object before the word."""
    return verb.lemma_ in JUDGING and (tok.dep_ == "oprd" or _object_before(verb, tok))


def _object_before(verb, tok) -> bool:
    """Does `verb` have its object between itself and `tok` ("consider your attitude ignorant")?"""
    return any(c.dep_ == "dobj" and verb.i < c.i < tok.i for c in verb.children)


def _imperative(verb) -> bool:
    """Is `verb` (with no subject) an order to the reader: the root of its sentence in the base form,
    or the complement of such a root ("stop being", "quit being"), not an infinitive ("to be fair")?"""
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ not in ("do", "don't", "dont") for c in verb.children):
            return False
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
    # "NAK, and please stop sending ...": an order joined to the sentence's root counts too
    return verb.tag_ == "VB" and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _verb_subject(tok) -> str | None:
    if tok.pos_ == "VERB" or tok.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl") and tok.pos_ == "AUX":
        subj = subject_of(tok)
        if subj is not None:
            return _noun_class(subj)
    return None


def _adverb_of_verb(tok) -> str | None:
    head = tok.head
    if tok.dep_ == "advmod" and head.i != tok.i:  # "you stupidly deleted it"
        subj = subject_of(head)
        return _noun_class(subj) if subj is not None else "none"
    return None


def _own_noun(tok) -> str:
    head = tok.head
    if tok.dep_ in ("appos", "conj") and head.i != tok.i and head.pos_ in ("PRON", "NOUN", "PROPN") and not (
            tok.dep_ == "conj" and _owned(tok)):
        # "you, the idiot who ...", "Sam, that clown" ("our economy and your stupidity": its own owner)
        return _noun_class(head)
    if _vocative(tok):
        return "reader"
    if _dismay(tok):
        return "none"
    if _verbless(tok) == "exclamation":
        return _outburst(tok)
    if tok.dep_ in ("dobj", "pobj") and head.lemma_ in CALLING:
        return "person"
    if _made_by_reader(tok):
        return "work"  # "stop sending garbage to this list", "you keep pushing crap to main"
    own = _noun_class(tok)
    # "these idiots", "what a moron": the word names its target
    return "label" if own in ("thing", "artifact") and tok.pos_ != "ADJ" else own


def _outburst(tok) -> str:
    """"Troll.", "Socialist troll.": a bare noun standing alone names someone (an epithet); "So
    pathetic." and "Such a joke." judge whatever is being discussed (an exclamation)."""
    if tok.lower_ in _EXPLETIVES or tok.pos_ not in ("NOUN", "PROPN"):
        return "exclamation"  # ("Shit." names no one)
    if any(c.dep_ == "det" or c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children):
        return "exclamation"  # "Such a joke.", "Feature creep."
    if tok.pos_ == "PROPN" and tok.lower_.endswith(_ADJECTIVE_ENDINGS):
        return "exclamation"  # "Negligent.", "Mediocre.": an adjective the tagger took for a name
    return "epithet"


_ADJECTIVE_ENDINGS = ("ent", "ant", "ous", "ive", "ful", "less", "ible", "able", "ic", "al", "ish", "ed", "ing", "ory",
                      "ary", "id", "re", "ly", "y")


# Verbs whose object is what their subject made and handed over ("stop sending garbage").
PRODUCING = frozenset({
    "send", "post", "submit", "push", "write", "merge", "commit", "upload", "ship", "paste", "dump",
    "publish", "spew", "churn", "produce", "release", "spam", "drop", "land", "code", "contribute",
})


# Verbs of filling a shared space with something ("flood the tracker with junk").
FILLING = frozenset({"fill", "flood", "spam", "clutter", "litter", "pollute", "bombard", "swamp", "bury"})


def _filled_by_reader(tok) -> bool:
    """"can you not fill the issues with random crap", "stop flooding the list with garbage": the
    word is what the reader fills a shared space with. "the logs fill with garbage" is a thing's,
    "I flooded the channel with junk" the writer's own."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with" or prep.head.i == prep.i:
        return False
    verb = prep.head
    if verb.lemma_ not in FILLING:
        return False
    subj = subject_of(verb)
    return _imperative(verb) if subj is None else subj.lower_ in SECOND_GROUPS


def _made_by_reader(tok) -> bool:
    """The word is the object of a verb of producing whose doer is the reader: an order to them
    ("stop posting garbage", "don't push crap to main") or "you" keeping it up ("you keep sending
    junk"). "I pushed garbage" is the writer's own, "the bot posts garbage" is a thing's, and "make
    sure you're not writing garbage back" may be about data."""
    if _filled_by_reader(tok):
        return True
    verb = tok.head
    if tok.dep_ != "dobj" or verb.i == tok.i or verb.lemma_ not in PRODUCING:
        return False
    subj = subject_of(verb)
    if subj is None:
        return _imperative(verb)
    kept_up = verb.dep_ == "xcomp" and verb.head.lemma_ in ("keep", "continue", "insist")
    return kept_up and subj.lower_ in SECOND_GROUPS


def _after_you(tok) -> bool:
    """"you idiot": the word follows "you" (past intensifiers and adjectives) and is not the
    verb's complement ("you are an idiot" is caught by the subject instead)."""
    i = tok.i - 1
    doc = tok.doc
    skipped = 0
    while i >= 0 and skipped < 3 and (doc[i].lower_ in _INTENSIFIERS or doc[i].pos_ == "ADJ" or doc[i].lower_ == ","):
        i -= 1
        skipped += 1
    if i < 0 or doc[i].lower_ not in ("you", "u", "ya", "ye"):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # "you idiot!" / "you clueless moron." / "you stupid idiot, read it" - not "you idiot proof X"
    return tok.pos_ != "VERB" or nxt is None or nxt.is_punct


def _left_of_address(tok, sent):
    """The token before a name, past an owner word (", your highness.", ", my friend.")."""
    doc = tok.doc
    left = doc[tok.i - 1] if tok.i > sent.start else None
    if left is not None and left.lower_ in ("your", "my") and left.i - 1 > sent.start and doc[left.i - 1].text == ",":
        return doc[left.i - 1]
    return left


def _vocative(tok) -> bool:
    """A name the reader is called, set off by punctuation: at the end of a sentence after a comma
    ("Read the docs, genius." / "Nice try, sweetie"), or at the start before a comma with more to
    follow ("Idiot, it's in the README."). "Crap!" and "Crap, it broke" at the start are not:
    an exclamation names nobody, so the start needs the reader named in what follows."""
    doc = tok.doc
    sent = tok.sent
    left = _left_of_address(tok, sent)
    right = doc[tok.i + 1] if tok.i + 1 < sent.end else None
    if left is not None and (left.text in (",", "—", ";") or left.lower_ in ("you", "u", "ya")):
        return _set_off_at_end(left, right)
    if left is None and right is not None and right.text == ",":
        rest = doc[right.i + 1 : sent.end]
        return any(t.lower_ in ("you", "your", "u", "ur", "yourself") for t in rest) or (
            len(rest) > 1 and rest[0].pos_ == "VERB" and rest[0].tag_ == "VB"
        )
    return False


def _set_off_at_end(left, right) -> bool:
    """", genius." / "you idiot!": set off with nothing but punctuation (or "and", "but") after;
    not after nothing but discourse words ("Well, fuck." / "Oh, crap.": an outburst)."""
    if left.text in (",", "—", ";") and _only_particles(left.doc[left.sent.start : left.i]):
        return False
    return right is None or right.is_punct or right.lower_ in ("and", "but", "you")


_PARTICLES = frozenset({
    "well", "oh", "ah", "aw", "ugh", "argh", "welp", "great", "just", "perfect", "wonderful", "fine", "ok",
    "okay", "yeah", "yes", "no", "nope", "man", "god", "gosh", "jeez", "geez", "wow", "so", "and", "oh", "hmm",
    "sigh", "again", "lol", "haha", "damn", "crap", "shit", "fuck", "dammit", "ffs",
})


_EXPLETIVES = frozenset({
    "crap", "shit", "fuck", "damn", "dammit", "damnit", "hell", "bollocks", "bugger", "crud", "frick", "fml",
    "heck", "shite", "shoot", "sod", "balls", "feck", "ffs", "christ",
})


def _dismay(tok) -> bool:
    """"Oh, crap." / "Well, shit.": an expletive after nothing but discourse words is dismay, not a
    verdict on anything. So is one opening a sentence about the writer, set off by a comma ("shit, I
    left my keys at the office"), unless the sentence speaks to the reader ("shit, you broke it")."""
    sent = tok.sent
    if tok.lower_ not in _EXPLETIVES:
        return False
    if tok.i > sent.start and _only_particles(tok.doc[sent.start : tok.i]):
        return True
    return (tok.i == sent.start and tok.i + 2 < sent.end and tok.doc[tok.i + 1].text in (",", "...", "!", "-", "—")
            and tok.doc[tok.i + 2].lower_ in ("i", "we", "i'm", "im", "my", "our") and not _addressed(sent))


def _addressed(sent) -> bool:
    """Does the sentence speak to the reader: a "you" word, or an order ("Listen, ...")?"""
    return any(t.lower_ in ("you", "your", "u", "ur", "yourself") for t in sent) or (
        sent[0].tag_ == "VB" and sent[0].dep_ == "ROOT")


def _only_particles(span) -> bool:
    """Is `span` (what precedes a final ", X") nothing but interjections and discourse words?"""
    words = [t for t in span if not t.is_punct]
    return bool(words) and all(t.lower_ in _PARTICLES for t in words)


def _verbless(tok) -> str:
    """A verbless sentence ("Pathetic." / "So stupid!" / "Simply stupid.") is an outburst about
    what is being discussed ("Stupid me!" about the writer); anything else with no head is aimed
    at nothing."""
    if any(c.lower_ in FIRST for c in tok.children):
        return "self"
    sent = tok.sent
    beside = _degree_clause(tok)
    if not any(t.pos_ in ("VERB", "AUX") and t not in beside for t in sent) and tok.dep_ in (
            "ROOT", "amod", "advmod", "npadvmod", "dep", "intj", "appos"):
        return "none" if _dismay(tok) else "exclamation"
    return "none"


_DEGREES = frozenset({"too", "enough"})
_WORKING = frozenset({"work", "succeed", "fail", "run", "compile", "pass", "matter", "fit", "happen", "last", "break", "sell",
                      "win", "fly"})  # "dumb enough to work": a verdict on a plan


def _degree_clause(tok) -> frozenset:
    """"Too stupid to vote!", "Dumb enough to believe it.": the infinitive that measures the word
    (hung on the word or on "enough") leaves the sentence verbless: what it does is somebody's.
    "Too dumb to be funny" and "dumb enough to work" are verdicts on a joke and a plan, and stay
    out; "too stupid to run a business" has a doer again."""
    degree = next((c for c in tok.children if c.lower_ in _DEGREES), None)
    if degree is None:
        return frozenset()
    clause = next((c for c in (*tok.children, *degree.children)
                   if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and _to_infinitive(c)), None)
    if clause is None or (clause.lemma_ in _WORKING and not any(c.dep_ == "dobj" for c in clause.children)):
        return frozenset()
    return frozenset(clause.subtree)


def _word_class(n, low: str) -> str | None:
    """The class the word itself gives away: a pronoun, an @handle, a pointer, a clause."""
    if low in SECOND_GROUPS:
        return "reader"
    if low in FIRST:
        return "self"
    if low.startswith("@") and len(low) > 1:
        return "reader"
    if low == "one" and _anaphoric_one(n):
        pointing = any(c.dep_ == "det" and c.lower_ in POINTERS for c in n.children)
        return _relative_class(n) or ("work" if pointing else "thing")  # like "this patch"
    if low in THIRD:
        return "person"
    if low in POINTERS:
        return "pointer"
    if n.dep_ in ("csubj", "csubjpass") or n.pos_ == "VERB":
        return "work"  # "what you did is stupid", "merging this was stupid"
    return None


# Words for a part of a group ("many of you", "most of them", "half of these voters")
_PARTS = frozenset({"many", "most", "some", "all", "half", "several", "each", "both", "lots", "plenty"})


def _partitive(n, low: str) -> str | None:
    """"Many of you are stupid", "most of them are too dumb to ...": a part of a group is of the
    group's class."""
    if low not in _PARTS and low != "none":
        return None
    prep = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = None if prep is None else next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return None
    if low == "none":
        return "none"  # "none of you are stupid" judges no one
    found = _noun_class(obj)  # (only people carry over: "most of the libs are garbage" stays as it was read)
    return found if found in ("reader", "person", "self") else None


def _anaphoric_one(n) -> bool:
    """"The ugly one is my favourite mug", "the expensive one is useless": "one" after "the" stands
    for a noun said before, most often a thing; "one would think", "no one is that dumb" and "hey,
    ignorant one" are people. "That one" is the thing pointed at ("this patch"); "the one who wrote
    this" is a person."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in n.children):
        return False
    # "the stupid one here is you", "the lazy one on our team": said to be somebody
    head = n.head
    if n.dep_ == "nsubj" and head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lower_ in SECOND_GROUPS | THIRD | FIRST for c in head.children):
        return False
    return not any(c.dep_ == "prep" and any(g.dep_ == "pobj" and (g.lemma_.lower() in PERSON_NOUNS or g.lower_ in FIRST)
                                            for g in c.children) for c in n.children)


_AMONG_US = frozenset({"resident"})  # "our local build" is still the writer's own


def _possessed(n, c) -> str:
    """The class of noun n owned by c ("your patch", "my typo", "Sam's plan", "your people")."""
    if c.lower_ in ("my", "our", "mine", "ours"):
        # "our resident troll": a person among us, named by a role we give them
        return "person" if any(a.dep_ == "amod" and a.lower_ in _AMONG_US for a in n.children) else "self"
    pc = _noun_class(c) if c.lower_ not in ("your", "ur", "yer", "yours", "thy") else "reader"
    if pc == "self":
        return "self"
    if pc == "thing" and c.pos_ != "PRON":
        return "thing"  # "the vendor's datasheet", "the kernel's handling": nobody here made it
    return "reader" if n.lemma_.lower() in PERSON_NOUNS and pc == "reader" else "work"


def _children_class(n) -> tuple[str | None, str | None]:
    """(the determiner, the class the children give away), reading the children in order."""
    det = None
    for c in n.children:
        if c.dep_ == "poss":
            return det, _possessed(n, c)
        if c.dep_ == "det":
            det = c.lower_
        if c.dep_ == "prep":
            found = _prep_class(c)
            if found is not None:
                return det, found
    return det, None


def _prep_class(prep) -> str | None:
    """Whose a noun is, from a preposition on it: "people like you" (the reader), "dumb people like
    me" (the writer's own kind), not "idiots like him"; "the rude reply from @sam", "the ugly patch
    by Tom" (whoever it is from)."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return None
    if prep.lower_ == "like":  # "people like me and you" take in the reader
        likes = {obj.lower_, *(c.lower_ for c in obj.conjuncts)}
        return "reader" if likes & SECOND_GROUPS else "self" if obj.lower_ in FIRST else None
    if prep.lower_ in ("from", "by") and (obj.text.startswith("@") or obj.pos_ == "PROPN" or obj.lower_ in SECOND_GROUPS | THIRD | FIRST):
        found = _noun_class(obj)
        return found if found in ("reader", "person", "named", "self") else None
    return None


def _noun_class(n) -> str:
    low = n.lower_
    found = _word_class(n, low) or _partitive(n, low)
    if found is not None:
        return found
    if in_fiction(n):
        return "thing"  # "the ex-husband in that movie was such a creep": a character, not a person present
    det, found = _children_class(n)
    if found is not None:
        return found
    if _had_by_reader(n):
        return "person" if n.lemma_.lower() in PERSON_NOUNS else "work"
    return _lemma_class(n, low, det)


# Where characters live: "the villain in that show", "the dad from the book", "the guy on that sitcom"
FICTION = frozenset("""
movie movies film films book books novel novels play musical sitcom sitcoms cartoon cartoons anime manga
comic comics sequel western westerns screenplay fable fairytale novella trilogy
""".split())


_STORY_PREPS = frozenset({"in", "from", "on"})


def in_fiction(n) -> bool:
    """Is the noun a character of a story: "the ex-husband in that movie", "the mum from the book"?
    The story hangs on the noun, or on the word right after it, wherever the parser hangs that
    ("the ex in that movie was ...": "in" may hang on the verb)."""
    doc = n.doc
    preps = [c for c in n.children if c.dep_ == "prep"]
    if n.i + 1 < n.sent.end:
        preps.append(doc[n.i + 1])
    return any(p.lower_ in _STORY_PREPS and any(o.dep_ == "pobj" and o.lemma_.lower() in FICTION for o in p.children)
               for p in preps)


def _had_by_reader(n) -> bool:
    """"you've got a condescending tone", "you have a stupid idea": what the reader has is theirs
    (not a thing nobody owns: "you have a terrible cold")."""
    if n.dep_ != "dobj" or n.head.lemma_ not in ("have", "get") or n.lemma_.lower() in NOBODYS:
        return False
    subj = subject_of(n.head)
    return subj is not None and subj.lower_ in SECOND_GROUPS


def _you_before(n) -> bool:
    return any(c.lower_ in ("you", "u", "ya") for c in n.children) or bool(n.i and n.doc[n.i - 1].lower_ in ("you", "u", "ya"))


def _tagged_to_reader(n) -> bool:
    """"Hateful little prog, aren't you?": a name put first and handed to the reader by a tag
    question (the tagger makes both the name and "you" subjects of the "are")."""
    head = n.head
    return n.dep_ == "nsubj" and head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in SECOND_GROUPS and c.i > n.i for c in head.children)


def _lemma_class(n, low: str, det: str | None) -> str:
    lemma = n.lemma_.lower()
    if _tagged_to_reader(n):
        return "reader"
    if lemma in PERSON_NOUNS or is_group(n):
        return "reader" if _you_before(n) else "person"  # "you guys", "you people", "you lot": the reader
    if n.tag_ in ("NNS", "NNPS") and n.dep_ in ("nsubj", "nsubjpass") and any(
            c.lower_ in ("you", "u", "ya") and c.i == n.i - 1 for c in n.children):
        return "reader"  # "You Trumpsters are such illiterates", "you Canadians are so lazy": the reader's group
    if n.pos_ == "PROPN":  # "the legacy PIC", "some BIOSes": hardware typed in capitals is still a thing
        return "thing" if lemma in NOBODYS or low in NOBODYS else "named"
    if n.pos_ == "PRON":
        return _whose_doing(n) or "thing"
    return _made_or_nobodys(n, low, lemma, det)


_INDEFINITE = frozenset({"something", "anything", "everything", "all", "whatever"})
# What a person says or does, as against what they only meet ("what you went through", "anything
# you read", "something to see"): only these make an indefinite pronoun or a clause theirs.
_DOING = frozenset({
    "say", "do", "write", "post", "add", "make", "suggest", "propose", "claim", "argue", "tweet", "send",
    "comment", "reply", "answer", "push", "commit", "build", "code", "design", "decide", "choose", "pick",
    "submit", "type", "put", "bring", "contribute", "offer", "share", "produce", "create", "spew", "spout",
})


def _whose_doing(n) -> str | None:
    """"Everything you post is garbage", "you said something so idiotic", "all you added was
    bullshit": an indefinite pronoun for what someone said or did is theirs."""
    if n.lower_ not in _INDEFINITE:
        return None
    if n.dep_ == "dobj" and n.head.i != n.i:
        verb = n.head
    else:
        verb = next((c for c in n.children if c.dep_ == "relcl"), None)
    doer = None if verb is None or verb.lemma_ not in _DOING else subject_of(verb)
    if doer is None:
        return None  # ("anything you read online", "something to see": what the reader met, not made)
    if doer.lower_ in SECOND_GROUPS:
        return "work"
    return "self" if doer.lower_ in FIRST else _theirs(doer)  # ("he said something stupid": his words)


def _own_remark(n, lemma: str, det: str | None) -> bool:
    """"Dumb question: ...", "Silly nit, but ...", "Stupid idea - what if ...": a bare remark noun
    opening the sentence and introducing what follows is the writer's own remark."""
    if det is not None or lemma not in REMARK_NOUNS or n.i - n.sent.start > 3 or n.i + 1 >= n.sent.end:
        return False
    return n.doc[n.i + 1].lower_ in (":", ",", "-", "–", "—", "but", "though", "(", "here", "...")


def _made_or_nobodys(n, low: str, lemma: str, det: str | None) -> str:
    """A thing nobody made, somebody's work, a person after all ("the one who ..."), or a made thing."""
    if lemma in NOBODYS or low in NOBODYS:
        return "thing"
    if _own_remark(n, lemma, det) or _made_by_writer(n):
        return "self"
    if det not in ("this", "that", "these", "those") and (_inherited(n) or _come_across(n)):
        return "thing"
    if det in ("this", "that", "these", "those") or lemma in WORK_NOUNS or low in WORK_NOUNS:
        return "work"
    found = _relative_class(n)
    if found is not None:
        return found
    return "artifact" if n.pos_ in ("NOUN", "X") else "thing"


# Modifiers of a thing that was there before anybody in the thread touched it ("the old code",
# "the legacy config parser", "the existing abstraction"): contempt for it judges no one present.
INHERITED = frozenset({
    "old", "legacy", "existing", "previous", "original", "ancient", "upstream", "stock", "default",
    "outdated", "former", "prior", "historical", "deprecated", "obsolete",
    # made by a machine: "the generated code is hideous but it works"
    "generated", "autogenerated", "auto-generated", "minified", "transpiled", "decompiled",
})
# Nouns that make a noun what a machine says ("the error message", "the log output").
MACHINE_SAYS = frozenset({"error", "log", "warning", "compiler", "crash"})
# Verbs of coming across a thing ("the behaviour you describe", "the error you hit"): the reader
# found it, they did not make it.
COME_ACROSS = frozenset({
    "describe", "mention", "report", "see", "hit", "encounter", "experience", "observe", "notice",
    "quote", "cite", "link", "reference", "face", "reproduce",
})


def _inherited(n) -> bool:
    """"the old code", "the generated bindings", "the error message" (what a thing says)."""
    return any((c.dep_ == "amod" and c.lower_ in INHERITED) or (c.dep_ == "compound" and c.lower_ in MACHINE_SAYS)
               for c in n.children)


def _come_across(n) -> bool:
    return any(c.dep_ == "relcl" and c.lemma_ in COME_ACROSS for c in n.children)


# Verbs of making, choosing or doing: "I picked a terrible name", "the awful hack I wrote", "the
# dumbest thing I've ever done", "I asked a stupid question" (not seeing or reading: "the dumbest
# thing I've ever seen" is somebody else's)
MAKING = frozenset({
    "pick", "choose", "give", "write", "make", "create", "add", "introduce", "name", "build", "design",
    "code", "implement", "put", "leave", "commit", "push", "draft", "come", "do", "say", "buy", "ask", "try",
    "have", "hold",  # "the dumbest idea I've ever had", "the stupid opinion I held about Rust"
})


def _made_by_writer(n) -> bool:
    """"I picked a terrible name", "the ugly hack I wrote", "such a terrible name I gave this
    class": the writer made or chose it, so contempt for it is self-criticism."""
    head = n.head
    if _authored_by_writer(n, head):
        return True  # "I wrote this garbage", "did I really code this mess?"
    if any(c.dep_ == "relcl" and (subj := subject_of(c)) is not None and not _first_person(subj) for c in n.children):
        return False  # "I tried the garbage fix you pushed": the writer used it, the reader made it
    if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "the", "my", "our", "some") for c in n.children):
        return False  # "I'd rather not add this rubbish", "I'll merge your awful hack": someone else's
    if n.dep_ == "dobj" and _made_by_me(head, n):
        return True
    return any(c.dep_ == "relcl" and _made_by_me(c, n) for c in n.children)


_HAD = frozenset({"idea", "ideas", "thought", "thoughts", "opinion", "opinions", "take", "takes", "plan", "plans", "notion",
                  "hunch", "instinct", "theory"})


def _made_by_me(verb, n) -> bool:
    """A verb of making with the writer as its subject. "The dumbest idea I've had" is the writer's
    (an idea or a plan, not "the dumbest PR I've ever had", which the writer only got); "the dumbest
    PR I've had to review" is what the writer had to put up with."""
    if verb.lemma_ not in MAKING or not _first_person(subject_of(verb)):
        return False
    if verb.lemma_ not in ("have", "hold"):
        return True
    return n.lower_ in _HAD and not any(c.dep_ in ("xcomp", "dobj", "ccomp") and c.i != n.i for c in verb.children)


AUTHORING = frozenset({"write", "code", "build", "design", "create", "implement", "draft", "hack", "post", "upload", "submit",
                       "paste"})


def _authored_by_writer(n, head) -> bool:
    """"I wrote this garbage", "did I really write this mess?": a thing pointed at ("this") that the
    writer says they wrote, done (past tense or "did"), is their own; "I'll write this rubbish
    up" and "I'd add this junk" are not about authorship."""
    subj = subject_of(head)
    if not pointed_at(n) or head.lemma_ not in AUTHORING or not _first_person(subj) or subj.dep_ == "nsubjpass":
        return False  # "I was sent this garbage" is someone else's
    return head.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_ in ("do", "have") for c in head.children)


# "a dumb design choice on our side", "awful hack, my bad", "mea culpa": the writer owns the thing
_OWNING = frozenset({
    ("on", "our", "side"), ("on", "my", "side"), ("on", "our", "part"), ("on", "my", "part"), ("on", "our", "end"),
    ("on", "my", "end"), ("my", "bad"), ("our", "bad"), ("my", "fault"), ("our", "fault"), ("mea", "culpa"),
    ("my", "mistake"), ("our", "mistake"),
})


def _owned_up(sent) -> bool:
    words = [t.lower_ for t in sent]
    if any(w in _OWNERS for w in words):
        return False  # "your design is dumb, my fault for approving it" still judges the design
    grams = set(zip(words, words[1:])) | set(zip(words, words[1:], words[2:]))
    return not grams.isdisjoint(_OWNING)


def _first_person(tok) -> bool:
    return tok is not None and tok.lower_ in FIRST


def _relative_class(n) -> str | None:
    """"the one who wrote this": a person; "the way you talk", "the comments you left": the
    reader's doing."""
    for c in n.children:
        if c.dep_ != "relcl":
            continue
        if any(g.lower_ in ("who", "whoever") for g in c.subtree):
            return "person"
        if any(g.dep_ == "nsubj" and g.lower_ in SECOND_GROUPS for g in c.children):
            return "work"
    return None
