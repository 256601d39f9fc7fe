"""Who an evaluative word is aimed at (engine/target.py), read off the parse."""
from __future__ import annotations

import pytest

from assertlint.engine.target import target_class


@pytest.fixture(scope="module")
def nlp():
    from assertlint.nlp.loader import load_pipeline

    return load_pipeline(None)


@pytest.mark.parametrize("text,word,want", [
    ("You are so stupid.", "stupid", "reader"),
    # a word measured against the reader lands on the reader, whoever the subject is; the writer
    # alone shares it
    ("Not all of us are as dumb as you.", "dumb", "reader"),
    ("Nobody here is lazier than you.", "lazier", "reader"),
    ("I'm as confused as you are.", "confused", "self"),
    ("I'm as confused as you.", "confused", "self"),
    # "beyond" hangs the word on the preposition: it is still the verb's complement
    ("Your comment is beyond idiotic.", "idiotic", "work"),
    ("The weather is beyond awful today.", "awful", "thing"),
    # what a thing rests on or springs from lands on the thing
    ("Your vote was based on stupidity.", "stupidity", "work"),
    ("The crash was caused by my stupidity.", "stupidity", "self"),
    ("Their decision was driven by stupidity.", "stupidity", "work"),
    ("Their house was built on garbage, literally.", "garbage", "label"),
    # a group the reader is named in, "the ... one" said of the reader, what someone is full of
    ("You developers are such amateurs.", "amateurs", "reader"),
    ("You Vimmers are such illiterates.", "illiterates", "reader"),
    ("I promise you airlines are useless at refunds.", "useless", "thing"),
    ("That's the ugly one; the blue one is nicer.", "ugly", "thing"),
    ("We were all as stupid as you at that age.", "stupid", "self"),
    ("That kind of crap happens to everyone.", "crap", "label"),
    ("Your inbox is full of garbage again.", "garbage", "label"),
    ("Sounds like you are the stupid one.", "stupid", "reader"),
    # "people like ..." takes its owner from who they are like: the reader, or the writer's own kind
    ("This is no place for lazy people like you.", "lazy", "reader"),
    ("The sentence needs rephrasing for dumb people like me.", "dumb", "self"),
    ("The sentence needs rephrasing for dumb people like me and you.", "dumb", "reader"),
    # "the X one" stands for a thing said before; "no one" and "that one" do not
    ("The expensive one is useless for beginners.", "useless", "thing"),
    ("No one is that stupid.", "stupid", "person"),
    ("That one is garbage.", "garbage", "work"),
    # what fills the writer or a thing nobody here made is theirs or nobody's
    ("I'm full of silly ideas today.", "silly", "self"),
    ("The gift shop was full of silly souvenirs.", "silly", "thing"),
    ("Your code is full of stupid hacks.", "stupid", "work"),
    # a conjunct with an owner of its own is that owner's
    ("The damage they did to our economy and your clear stupidity.", "stupidity", "work"),
    ("How rude and ignorant you are.", "ignorant", "reader"),
    # the tagger may make the word the object of a verb of seeming
    ("Do you realize how idiotic you sound?", "idiotic", "reader"),
    # what something makes the reader; what a noun says a named subject is
    ("And you read it all, making you even more pathetic.", "pathetic", "reader"),
    ("Trump is just a terrible Human Being.", "terrible", "person"),
    ("Dehydration makes you dumb.", "dumb", "thing"),  # what it does to anyone
    ("Copilot is nice but it makes you lazy.", "lazy", "thing"),
    ("That makes you pathetic.", "pathetic", "reader"),
    # the writer sharing or waving away what the reader feels is no verdict; seeing it still is
    ("I know how stupid you feel after missing that bug.", "stupid", "none"),
    ("Don't stress about how ridiculous you sound practising Italian.", "ridiculous", "none"),
    ("I can see how stupid you look.", "stupid", "reader"),
    ("I worry about how stupid you look in front of the client.", "stupid", "reader"),
    # what the reader made of themselves; a word on a group the reader is called; his words; a tag question
    ("You just made yourself dumber than you were before.", "dumber", "reader"),
    ("You are all a bunch of nasty hags, angry and weird.", "nasty", "reader"),
    ("That was a bunch of nasty weather.", "nasty", "thing"),
    ("npm installs a bunch of useless dependencies.", "useless", "artifact"),
    ("Google is a terrible company.", "terrible", "named"),  # not "person": a company may be a product
    ("The stupid one here is you.", "stupid", "person"),  # said to be somebody, not a thing
    ("The room was full of ignorant people.", "ignorant", "person"),
    ("He said something stupid again.", "stupid", "work"),
    ("Someone always says something stupid at these dinners.", "stupid", "thing"),
    ("Hateful little prog, aren't you?", "Hateful", "reader"),
    # what a named person did is theirs, even when the clause is joined to the writer's
    ("I respect the police, but what this guy did was horribly stupid.", "stupid", "work"),
    ("What people say online is stupid sometimes.", "stupid", "artifact"),
    ("Are you really that full of nonsense?", "nonsense", "reader"),
    ("Your reply is full of nonsense.", "nonsense", "work"),
    ("This bag is full of garbage.", "garbage", "label"),
    # a verb of judging says the word of its object, whoever judges; "make" makes it so
    ("I call your words stupid.", "stupid", "work"),
    ("Some may consider your attitude ignorant.", "ignorant", "work"),
    ("I made the component dumb on purpose.", "dumb", "thing"),
    # a kind of something lands where the kind lands
    ("You're a special kind of stupid.", "stupid", "reader"),
    # what someone said or did, named by a pronoun or a clause, is theirs; what the reader met is not
    ("Everything you post is garbage.", "garbage", "work"),
    ("You said something so idiotic.", "idiotic", "work"),
    ("What you are is boorish.", "boorish", "reader"),
    ("What I did was stupid.", "stupid", "self"),
    ("What you describe is awful.", "awful", "none"),
    ("What you've been through is awful.", "awful", "none"),
    ("Did you read anything stupid today?", "stupid", "thing"),
    # "like" after a verb of seeming, "one of", and a label something makes the reader
    ("You sound like an ass.", "ass", "reader"),
    ("I feel like an idiot.", "idiot", "self"),
    ("You're one of the trolls.", "trolls", "reader"),
    ("Defending him makes you an idiot.", "idiot", "reader"),
    # "our" is the writer's own, unless it names a person among us by a role
    ("I pushed our stupid config by mistake.", "stupid", "self"),
    ("Another drive-by from our resident troll, how lovely.", "troll", "person"),
    ("ugh stupid flaky ci, third rerun today.", "stupid", "thing"),
    ("That movie was terrible, two hours I'll never get back.", "terrible", "thing"),
    # the object of a verb of producing is what the doer made: the reader's, on an order or after "you"
    ("please stop sending half-tested garbage to this list.", "garbage", "work"),
    ("you keep pushing crap to main.", "crap", "work"),
    ("NAK, and please stop sending garbage to this list.", "garbage", "work"),
    ("If the read fails, how do we know you're not writing garbage back?", "garbage", "label"),
    ("I pushed crap to main last night.", "crap", "self"),
    # what the reader fills a shared space with is theirs; what a thing fills with is not
    ("can you not fill the issues with random crap", "crap", "work"),
    ("Stop flooding the tracker with garbage.", "garbage", "work"),
    ("The logs fill with garbage when the disk is full.", "garbage", "label"),
    # a measure of contempt ("a piece of", "a load of") lands where the measure noun lands
    ("Your patch is a piece of garbage.", "garbage", "work"),
    ("I wrote a pile of crap yesterday, sorry.", "crap", "self"),
    ("This piece of crap printer jammed again.", "crap", "thing"),
    # "from"/"by" a person names whose the thing is
    ("The rude reply from Sam was uncalled for.", "rude", "named"),
    ("That ugly hack by you broke the build.", "ugly", "reader"),
    ("The stupid error from Jenkins again.", "stupid", "thing"),
    ("Clown behaviour from me today.", "Clown", "self"),
    # what the writer says they wrote is their own, pointed at or not
    ("Did I really write this garbage? Yikes.", "garbage", "self"),
    ("I'd rather not add this rubbish to main.", "rubbish", "work"),
    # a trailing emoji the tagger reads as the noun: the word stands where the emoji stands
    ("the fix was one character, i'm a clown 🤡.", "clown", "self"),
    ("you're a clown 🤡.", "clown", "reader"),
    ("Get out of my way, you idiot.", "idiot", "reader"),
    ("Your design is idiotic.", "idiotic", "work"),
    ("This API sucks.", "sucks", "work"),
    ("They are pathetic at answering issues.", "pathetic", "person"),
    ("Idiots like you are the problem.", "Idiots", "reader"),
    ("My stupid mistake broke the build.", "stupid", "self"),
    ("I was stupid to push on Friday.", "stupid", "self"),
    ("The stupid weather ruined the picnic.", "stupid", "thing"),
    ("These morons broke it again.", "morons", "work"),
    ("Pathetic, really.", "Pathetic", "exclamation"),
    ("What an ugly hack.", "ugly", "work"),
    ("Read the docs, numbskull.", "numbskull", "reader"),
    ("You are showing how rude and ignorant you can be.", "ignorant", "reader"),
    # an order to be something is aimed at the reader; an infinitive is not an order
    ("Stop being an asshat.", "asshat", "reader"),
    ("Stop being a troll.", "troll", "reader"),
    # "nothing but a X" lands where the "nothing" lands
    ("You're nothing but a troll.", "troll", "reader"),
    ("He is nothing more than a shill.", "shill", "person"),
    # a thing that was there before anyone in the thread, or that the reader came across, is nobody's
    # work here; the reader's own old thing, or the one they suggest, still is
    ("The old code was stupid but at least it was correct.", "stupid", "thing"),
    ("The existing abstraction is idiotic for our use case.", "idiotic", "thing"),
    ("Your old code was stupid.", "stupid", "work"),
    ("The behaviour you describe is horrible UX.", "horrible", "thing"),
    ("The approach you suggest is stupid.", "stupid", "work"),
    ("The vendor's datasheet is garbage.", "garbage", "thing"),
    ("Sam's plan is stupid.", "stupid", "work"),
    ("It will protect his delicate ego.", "ego", "work"),
    # a made thing predicated of an unowned noun is still work: "X is a terrible name"
    ("The parser is terrible code.", "terrible", "work"),
    ("The weather is terrible news for the picnic.", "terrible", "thing"),
    ("This is the dumbest bug I've ever written.", "dumbest", "self"),
    ("The generated code is hideous.", "hideous", "thing"),
    ("The error message is terrible.", "terrible", "thing"),
    ("Your error message is terrible.", "terrible", "work"),
    ("To be fair, the second patch is a mess.", "mess", "work"),
    # a bare remark noun opening the sentence is the writer's own remark; with a determiner it is not
    ("Really dumb nit: two spaces after the period.", "dumb", "self"),
    ("That's a dumb question.", "dumb", "work"),
    # "this is a terrible X": X says what is judged; somebody's work, or a thing nobody made
    ("This is a terrible name for a function.", "terrible", "work"),
    ("This is a terrible day.", "terrible", "pointer"),
    # what the reader has is theirs, unless nobody owns it
    ("You've got a really condescending tone.", "condescending", "work"),
    ("You have a stupid boss.", "stupid", "person"),
    ("You have a terrible cold.", "terrible", "thing"),
    # what the writer made or chose is their own; "this rubbish" they add is somebody else's
    ("I picked a terrible name for this function.", "terrible", "self"),
    ("I wrote some awful code last night, sorry.", "awful", "self"),
    ("The vendor SDK is absolute garbage, so we wrap it.", "garbage", "thing"),
    ("The ugly hack I wrote last year finally broke.", "ugly", "self"),
    ("I'd rather not add this rubbish to every module.", "rubbish", "work"),
    # a pointer in a sentence that opens by addressing someone is most likely what they wrote
    ("@sam that's pretty hostile.", "hostile", "addressed"),
    ("Sam, that was really unprofessional.", "unprofessional", "addressed"),
    ("That was really unprofessional.", "unprofessional", "pointer"),
    ("What a childish mentality.", "childish", "work"),
    # a verdict on doing something at all is aimed at nobody, unless the doing names somebody
    ("It's a terrible idea to parse untrusted input in the kernel.", "terrible", "none"),
    ("It's pointless to ask you anything.", "pointless", "pointer"),
    # ... and so is what the writer owns up to in the same sentence
    ("That was a dumb design choice on our side.", "dumb", "self"),
    ("This is an ugly hack, my bad.", "ugly", "self"),
    ("Your design is dumb, my fault for approving it.", "dumb", "work"),
    # a tool nobody in the conversation made: venting, not judging
    ("The compiler is being stupid about lifetimes again.", "stupid", "thing"),
    # ... hardware typed in capitals, which the tagger reads as a name, is still a thing
    ("The legacy PIC is fairly stupid about spurious interrupts.", "stupid", "thing"),
    ("Sam is fairly stupid about interrupts.", "stupid", "named"),
    # with no subject but "that" or "it", the person after "of" is the one judged
    ("That was really rude of you.", "rude", "reader"),
    ("It was careless of him to push to main.", "careless", "person"),
    ("That was stupid of me.", "stupid", "self"),
    ("They were dismissive of you.", "dismissive", "person"),
    # a person who takes part in the thread, named by their part in it
    ("The issuer is a complete noob.", "noob", "person"),
    # what the reader does, named by a relative clause; a thing they only found is not theirs
    ("The way you talk to people is condescending.", "condescending", "work"),
    ("The bug you found is nasty.", "nasty", "thing"),
    # a label set off after an order; an expletive after discourse words names nobody
    ("Listen, asshat.", "asshat", "reader"),
    ("Well, fuck.", "fuck", "none"),
    ("Oh, crap.", "crap", "none"),
    # what the writer did or said is their own; what they saw is somebody else's
    ("Quitting in March was the dumbest thing I've ever done.", "dumbest", "self"),
    ("That is the dumbest thing I've ever seen.", "dumbest", "pointer"),
    ("I tried the garbage fix you pushed.", "garbage", "work"),  # the writer used it; the reader made it
    # a character of a story is nobody present
    ("The landlord from that book is a vile man.", "vile", "thing"),
    # a group of people by politics, role or place is people, as "stupid people" are
    ("There are so many stupid voters in this town.", "stupid", "person"),
    ("Stupid liberals ruined the park.", "Stupid", "person"),
    ("The ignorant bureaucrats lost my form again.", "ignorant", "person"),
    ("Stupid leftists and moronic socialists.", "Stupid", "person"),
    # a trait said of people by "of" or by a word for them; "the stupid" used as a noun
    ("The stupidity of voters is amazing.", "stupidity", "person"),
    ("I'm amazed with Democrat stupidity.", "stupidity", "person"),
    ("Liberal stupidity knows no bounds.", "stupidity", "person"),
    ("The essay explores the history of human stupidity.", "stupidity", "label"),
    ("Tillerson highlights the stupidity of sanctions.", "stupidity", "label"),
    ("Put it in the public trash can.", "trash", "artifact"),
    ("He was elected by the stupid.", "stupid", "person"),
    ("The stupid thing is that it worked.", "stupid", "work"),
    # a complement with its own owner is the owner's
    ("Honestly it was my own stupidity, and I've learned from it.", "stupidity", "self"),
    ("It was your stupidity.", "stupidity", "work"),
    # a question's subject hung on the word, and the subject of "for being"
    ("Was he suicidal or just incredibly stupid?", "stupid", "person"),
    ("She needs to resign for just being stupid.", "stupid", "person"),
    ("I got fired for being lazy.", "lazy", "none"),
    ("He was bullied for being stupid as a kid.", "stupid", "none"),
    ("She resigned for being dishonest about her expenses, the paper reported.", "dishonest", "none"),
    ("He should be fired for being lazy.", "lazy", "person"),
    ("Don't do the stupid.", "stupid", "thing"),
    ("The dumb and the smart alike make this mistake.", "dumb", "thing"),
    ("There are no stupid people, only uninformed ones.", "stupid", "none"),
    # a part of a group is of the group's class
    ("Many of you are stupid.", "stupid", "reader"),
    ("Most of them are too stupid to understand what is going on.", "stupid", "person"),
    ("Some of my ideas are stupid.", "stupid", "self"),
    ("None of you are stupid.", "stupid", "none"),
    # words with a technical sense are no groups; rubbish is no trait; a superlative may be a thing
    ("The parent is useless after fork, so close it.", "useless", "artifact"),
    ("Volunteers collected the garbage of the tourists on the beach.", "garbage", "label"),
    ("Of the three plans, we chose the stupidest, and it worked.", "stupidest", "self"),
    ("The guitarists were terrible tonight.", "terrible", "artifact"),  # a performance reviewed
    ("Stupid socialists.", "Stupid", "person"),
    # "there are" introduces the noun: the word lands on it, not on "there"
    ("There are some stupid people out there.", "stupid", "person"),
    ("There is a stupid bug in the parser.", "stupid", "thing"),
    # a bare noun standing alone as the sentence names someone; with a determiner or as an
    # adjective it judges whatever is being discussed
    ("Troll.", "Troll", "epithet"),
    ("Obvious troll.", "troll", "epithet"),
    ("Such a joke.", "joke", "exclamation"),
    ("So pathetic.", "pathetic", "exclamation"),
    # a take, a claim or an article is somebody's work; an idea the writer had is their own
    ("Another stupid take.", "stupid", "work"),
    ("The dumbest idea I've ever had.", "dumbest", "self"),
    ("The dumbest idea you've ever had.", "dumbest", "work"),
    ("The dumbest patch I've ever had to review.", "dumbest", "work"),
    ("The dumbest PR I've ever had.", "dumbest", "work"),  # had = got, not made
    ("I had the dumbest idea last night.", "dumbest", "self"),
    # the infinitive that measures the word does not make the sentence a clause
    ("Too stupid to vote!", "stupid", "exclamation"),
    ("Stupid enough to believe it.", "Stupid", "exclamation"),
    ("Stupid enough to work.", "Stupid", "thing"),
    ("Dumb enough to buy it.", "Dumb", "exclamation"),  # the infinitive hung on "enough"
    ("Too stupid to run a business.", "stupid", "exclamation"),  # a plan "works"; a person runs a business
    ("Too stupid to be funny.", "stupid", "thing"),
    ("Useless.", "Useless", "exclamation"),
    # an adjective the tagger takes for a name at the start ("Negligent.") is no epithet
    ("The hospital left my dad on a trolley. Negligent.", "Negligent", "exclamation"),
    ("Shit.", "Shit", "exclamation"),
    ("Fucking amateurs.", "amateurs", "epithet"),  # the tagger reads the swear word as a verb
    ("Fucking amateurs broke the build again.", "amateurs", "label"),
])
def test_target_classes(nlp, text, word, want):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert target_class(tok) == want, [(t.text, t.pos_, t.dep_, t.head.text) for t in doc]


@pytest.mark.parametrize("text,word,want", [
    ("I don't think you're being dismissive.", "dismissive", True),
    ("You shouldn't be rude to new contributors.", "rude", True),
    ("You shouldn't be rude to that customer.", "rude", True),
    # "should not be so ..." says the reader is so; disbelief and exclamation are not negation
    ("You shouldn't be so dismissive.", "dismissive", False),
    # a negated afterthought after a comma does not negate the clause before it
    ("I told my sister about your debt, I didn't think you'd mind.", "told", False),
    ("I can't believe how dismissive you are.", "dismissive", False),
    ("I can't believe you're so dismissive.", "dismissive", False),
])
def test_negated_clause(nlp, text, word, want):
    from assertlint.engine.context import governing_verb, negated

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert negated(governing_verb(tok), tok.i, tok.i + 1) is want, [(t.text, t.dep_, t.head.text) for t in doc]


@pytest.mark.parametrize("text,judged", [
    # a label fixed to someone's conduct by a possessive survives a negated verb around it
    ("Nobody wants to read your whining.", True),
    ("Your snarky comments are not helping.", True),
    # a negation that denies the label itself still counts
    ("You're not being unreasonable; the deadline moved.", False),
    ("It's not your fault.", False),
    # a negation in another clause does not reach an order set off by a comma
    ("Your hobby project isn't a real job, grow up.", True),
])
def test_negation_denies_a_label_only_when_it_is_said_of_the_label(text, judged):
    _assert_category(text, "judging", judged)


@pytest.mark.parametrize("text,want", [
    # someone else's news: a third person is the subject of a clause that is not the source clause
    ("Sam is going through a divorce.", True),
    ("Ben's parents are splitting up.", True),
    ("He told me last week that he's quitting.", True),
    ("The CTO is leaving in June.", True),
    # the source of the news alone, the writer, the reader or a thing is not news about someone
    ("She told me last week.", False),
    ("I'm applying for the lead role.", False),
    ("You should keep the logs.", False),
    ("The release is confidential.", False),
])
def test_news_about_another_person(nlp, text, want):
    from assertlint.engine.checks.news import _about_other

    doc = nlp(text)
    assert _about_other(doc) is want, [(t.text, t.pos_, t.dep_, t.head.lemma_) for t in doc]


@pytest.mark.parametrize("text,breach", [
    ("Sam's going through a divorce, he told me last week, but keep it to yourself.", True),
    ("I'm not supposed to tell anyone, but the CTO is leaving in June.", True),
    ("If you don't like the new logo, keep it to yourself.", False),
    ("Keep this to yourself for now: I'm applying for the lead role.", False),
])
def test_secrecy_request_counts_only_beside_someone_elses_news(text, breach):
    _assert_category(text, "confidence-breach", breach)


@pytest.mark.parametrize("text,judged", [
    # an expletive opening a sentence about the writer is dismay, not a verdict
    ("shit, I left my keys at the office", False),
    ("Shit, your patch broke the build again.", True),
    # the judging word inside someone else's quoted words is theirs, not the writer's
    ('In the thread he called the maintainers "lazy clowns". I reported the comment.', False),
    ("He is being lazy and rude in every thread.", True),
    # what the writer posted is their own work; what another person posted is not
    ("Sorry, I posted this garbage screenshot by accident, here's the right one.", False),
    ("He posted this garbage fix without a single test.", True),
])
def test_dismay_and_quoted_judging_words(text, judged):
    _assert_category(text, "judging", judged)


@pytest.mark.parametrize("text,judged", [
    # a label said of a character in a story, with no reader in the sentence (context.fiction)
    ("The ex-husband in that movie was such a creep, I was yelling at the screen.", False),
    ("The dad on that sitcom is such a loser.", False),
    # a label said of a person, or of the reader beside a story, still judges
    ("The guy from accounting is such a creep.", True),
    ("You're a loser, just like the dad on that sitcom.", True),
    ("My boss is such a moron, he fell asleep in the movie.", True),  # the story names no character here
    ("The reviewers on this series are idiots.", True),
])
def test_labels_for_characters_in_stories(text, judged):
    _assert_category(text, "judging", judged)


def _assert_category(text: str, category: str, want: bool) -> None:
    import assertlint

    found = assertlint.check(text)
    assert any(f.category == category for f in found) is want, (text, [(f.rule, f.text) for f in found])


@pytest.mark.parametrize("text,word,want", [
    # a clause reported as a third person's words
    ("She said you always break the build.", "break", True),
    ("He called me an idiot in the meeting.", "idiot", True),
    # evidence is no speaker: the verdict it "tells" the writer is the writer's own
    ("The fact that you shipped this tells me you're a terrible engineer.", "terrible", False),
    ("She told me you're a terrible engineer.", "terrible", True),
    ("His reply said you're a terrible engineer.", "terrible", True),  # a reply speaks; only evidence "tells" the writer
    # the future ("going to") and a call beside the clause report nothing
    ("told mum about your debt, she was going to find out anyway", "told", False),
    ("gave your number to my cousin, he'll call you tonight", "gave", False),
    # a passive subject is what is said, not who says it
    ("If you'd bothered to read the thread, it's answered there.", "bothered", False),
    ("In the retro it was said that the maintainers don't even bother to reply.", "bother", True),
    # a characterising or a threat told of someone, and a participle of saying with no teller of its own
    ("The president described the opposition leader as a liar.", "liar", True),
    ("The villain threatens to kill the whole family.", "kill", True),
    ("The court heard that he sent her messages saying she was stupid.", "stupid", True),
    ("I walked out, saying there was nothing left to discuss.", "nothing", False),
    ("Must be nice to get paid for writing code this sloppy.", "sloppy", False),
    ("Calling you an idiot would be too kind.", "idiot", False),
    # an object pointed at is the writer's own word for what was written or said
    ("She said garbage.", "garbage", True),
    ("Grown adults wrote this garbage.", "garbage", False),
    ("They wrote that crap in the docs.", "crap", False),
    ("She called him a stupid idiot.", "idiot", True),
])
def test_reported_speech(nlp, text, word, want):
    from assertlint.engine.context import reported

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert reported(doc, tok) is want, [(t.text, t.dep_, t.head.text) for t in doc]


@pytest.mark.parametrize("text,judged", [
    # a verdict denied by a negated verb of thinking or saying, or by its negative subject
    ("I don't think you're stupid; the docs are confusing.", False),
    ("I never said your code was garbage.", False),
    ("Nobody here thinks you're a liar.", False),
    ("I don't think anyone here thinks you're careless.", False),
    ("I didn't mean to suggest you were careless.", False),
    ("I would never call him incompetent, I was criticizing the process.", False),
    ("Just to be clear, nobody in this thread called you a liar.", False),
    # ... but the old backhand at the reader stays a verdict
    ("I won't call you stupid, the results speak for themselves.", True),
    ("I don't think anyone could be as useless as you.", True),
    ("Stop calling people idiots, you're the biggest one here.", True),
    ("Please don't tell people their question is stupid.", False),
    ("No question is dumb here.", False),
    ("I wouldn't call him a genius, more like a moron.", True),
    ("I'm not calling you stupid, I'm saying your patch is.", True),
    # ... unless what is said next moves on from the reader
    ("I'm not saying the senator is a crook, I'm saying the funds should be audited.", False),
    ("I'm not saying the senator is a crook, I'm saying you should read the audit yourself.", False),
    ("I'm not saying the senator is a crook, I'm saying the senator is a thief.", True),
    ("You're not just useless, you're dangerous.", True),
    # "nobody" as the sting, not a denial
    ("Cool, nobody asked your troll self.", True),
    # ... but not when it is said after all, or by everyone
    ("I don't think you're stupid, I think you're lazy.", True),
    ("Not saying you're stupid, but come on.", True),
    ("Everyone thinks you're an idiot.", True),
    ("I can't believe how stupid you are.", True),
    ("You're an idiot, I don't think anyone doubts that.", True),
])
def test_a_denied_verdict_is_not_a_verdict(text, judged):
    _assert_category(text, "judging", judged)


@pytest.mark.parametrize("text,judged", [
    # a word talked about is not said: named as a word, asked about, ruled offensive
    ("The word idiot comes from Greek.", False),
    ("Words like stupid and lazy put new contributors off.", False),
    ("Is pillock a rude word?", False),
    ("Is moron considered offensive in the UK?", False),
    ("Retard is a slur, please don't use it here.", False),
    # a name someone else gives, to someone other than the reader, is theirs
    ("Please stop calling people idiots.", False),
    ("Calling someone a clown is against the code of conduct.", False),
    ("You called me a liar yesterday and I'd like to talk about it.", False),
    # the act of calling or telling named, with no one doing it: moderation notes, codes of conduct
    ("A user was banned for repeatedly calling maintainers idiots.", False),
    ("The retro got tense when someone called the plan delusional.", False),
    ("You can disagree without calling anyone ignorant.", False),
    ("Calling someone's work garbage is not constructive feedback.", False),
    ("We locked the thread because it turned into people calling each other liars.", False),
    # ... unless it is the reader's ("your way of telling us ...") or aimed at the reader
    ("Is this your way of telling us you don't understand what volatile means?", True),
    # the address after a comma is not the name given
    ("Never call me that again, moron.", True),
    ("Don't ever call me at home again, loser.", True),
    ("Don't call this garbage a fix.", True),
    # the writer's own use of the word stays judging
    ("In a word: pathetic.", True),
    ("Pathetic is the only word for it.", True),
    ("Idiot is a strong word, but it fits you.", True),
    ("I'd call you a fool.", True),
    ("Calling you an idiot would be too kind.", True),
    ("Idiots, all of you.", True),
])
def test_words_talked_about_are_not_said(text, judged):
    _assert_category(text, "judging", judged)


@pytest.mark.parametrize("text,judged", [
    # a report or a denial the writer then takes as their own is said after all
    ("People call you an idiot behind your back, and they're right.", True),
    ("Your teammates told me you're a lazy parasite. I believe them.", True),
    ("Someone on reddit said you're a fraud and a coward. Accurate.", True),
    ("They call you an idiot for a reason.", True),
    ("Your manager calls you incompetent and for once he's right.", True),
    # ... not a verdict on the writer, nor an agreement with something else
    ("He called me an idiot. He's right, I forgot the tests.", False),
    ("Sam says I'm lazy. He's right.", False),
    ("I don't think you're stupid. I agree with Sam on the plan.", False),
    ("He called me an idiot in front of the whole team.", False),
])
def test_an_endorsed_report_is_said(text, judged):
    _assert_category(text, "judging", judged)


@pytest.mark.parametrize("text,judged", [
    # open affection in the same breath makes it banter
    ("lmao ur such an idiot i love u", False),
    ("You're a terrible liar, I knew you'd planned the party. Love you!", False),
    # thanks are not affection: sarcastic thanks with a label stay flagged
    ("Thanks so much, idiot.", True),
    # laughter alone does not, nor does sarcastic love
    ("lol you're pathetic", True),
    ("I love how you always mess this up, you idiot.", True),
])
def test_banter_with_open_affection(text, judged):
    _assert_category(text, "judging", judged)


@pytest.mark.parametrize("text,word", [
    ("Look, go away.", "go"),
    ("Dude, whatever you say.", "whatever"),
    ("Hey Sam, must be nice.", "must"),
    ("honestly you're a joke", "you"),
    ("Go away.", "Go"),
    # no opener: the sentence's own first word, and nothing after a comma in the clause
    ("For example, perhaps we could cache it.", "For"),
    ("Look at the logs first.", "Look"),
])
def test_openers_before_the_clause(nlp, text, word):
    from assertlint.engine.context import clause_start, opener_end

    doc = nlp(text)
    sent = next(iter(doc.sents))
    tok = next(t for t in doc if t.text == word)
    assert opener_end(sent) == tok.i, [(t.text, t.pos_) for t in doc]
    starts = {t.i for t in sent if clause_start(t)}  # the sentence's first token, and its clause's
    assert starts == {sent.start, tok.i}, [(t.text, clause_start(t)) for t in sent]


@pytest.mark.parametrize("text,category,want", [
    ("Dude, cut the snark and answer the question.", "judging", True),  # "Dude" is addressed, not a subject
    ("Sam, stop whining and send a patch.", "judging", True),
    ("Look, whatever you say.", "passive-aggressive", True),
    ("Honestly, whatever works for you is fine.", "passive-aggressive", False),
    ("Is this a joke?!!!", "judging", True),  # a question, shouted
])
def test_openers_and_end_marks(text, category, want):
    _assert_category(text, category, want)


@pytest.mark.parametrize("text,judged", [
    ("Ah, ok troll.", True),
    ("Useless dems.", True),
    ("Tried the new charger for a week. Useless.", False),
    # the answer to a question asking what something is
    ("What lives under the bridge in the fairy tale? Troll.", False),
    ("Why is he still posting? Troll.", True),
    ("Did you even read it? Troll.", True),
])
def test_epithets_and_answers(text, judged):
    _assert_category(text, "judging", judged)
