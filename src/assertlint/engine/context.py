"""The shared context layer: one place decides quotation, reported speech, negation, the person
of the subject, praise polarity, questions and position in the sentence. Rules only declare which
of these they care about (their [context] table)."""
from __future__ import annotations

import re

VERBAL = ("VERB", "AUX")
FIRST = frozenset({"i", "we", "me", "us", "myself", "ourselves"})
SECOND = frozenset({"you", "u", "ya", "yourself", "yourselves", "y'all", "yall"})
NEGATORS = frozenset({"not", "n't", "never", "no", "nt", "nobody", "nothing", "neither", "nor"})
REPORTING = frozenset({
    "say", "tell", "write", "text", "ask", "yell", "scream", "shout", "claim", "reply", "respond",
    "post", "email", "message", "mutter", "snap", "type", "comment", "tweet", "quote", "answer",
    "go", "hiss", "whisper", "call", "announce", "insist",
    # a characterising or a threat told of someone: "described him as a liar", "mocked customers as
    # idiots", "the villain threatens to kill the family"
    "describe", "mock", "label", "brand", "dub", "deride", "threaten", "vow",
})
OPEN_CLOSE = {"\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb"}


class _Quotes:
    """The scan behind quote_regions: one handler per kind of mark."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.regions: list[tuple[int, int]] = []
        self.dq_open: int | None = None
        self.sq_open: int | None = None
        self.curly: list[tuple[str, int]] = []

    def _prev(self, i: int) -> str:
        return self.text[i - 1] if i else " "

    def _next(self, i: int) -> str:
        return self.text[i + 1] if i + 1 < len(self.text) else " "

    def straight_double(self, i: int) -> None:
        if self.dq_open is None:
            if not self._prev(i).isspace() and (self._next(i).isspace() or i + 1 == len(self.text)):
                return  # a closing mark with nothing open ('harmful drama" you might ...'): a stray
            self.dq_open = i
        else:
            self.regions.append((self.dq_open, i + 1))
            self.dq_open = None

    def curly_open(self, i: int, c: str) -> None:
        if c == "\u2018" or not self._prev(i).isalnum():
            self.curly.append((OPEN_CLOSE[c], i))

    def curly_close(self, i: int, c: str) -> None:
        if c == "\u2019" and self._next(i).isalpha():
            return  # an apostrophe: don’t
        if self.curly and self.curly[-1][0] == c:
            _, s = self.curly.pop()
            self.regions.append((s, i + 1))

    def straight_single(self, i: int) -> None:
        prev, nxt = self._prev(i), self._next(i)
        if self.sq_open is None and not prev.isalnum() and nxt.isalpha():
            self.sq_open = i
        elif self.sq_open is not None and prev not in " \t" and not nxt.isalnum():
            self.regions.append((self.sq_open, i + 1))
            self.sq_open = None

    def newline(self, i: int) -> None:
        if self.sq_open is not None and self.text[i - 1 : i] == "\n":
            self.sq_open = None  # a blank line ends an unclosed single quote


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (straight or curly, double or single)."""
    q = _Quotes(text)
    for i, c in enumerate(text):
        if c == '"':
            q.straight_double(i)
        elif c in OPEN_CLOSE:
            q.curly_open(i, c)
        elif c in ("\u201d", "\u2019", "\u00bb"):
            q.curly_close(i, c)
        elif c == "'":
            q.straight_single(i)
        elif c == "\n":
            q.newline(i)
    return q.regions


def in_regions(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in regions)


def span_root(doc, start: int, end: int):
    """The span's first token whose head lies outside it, a word before a mark (", grow up": "grow")."""
    roots = [tok for tok in doc[start:end] if not (start <= tok.head.i < end) or tok.head.i == tok.i]
    return next((t for t in roots if not t.is_punct), roots[0] if roots else doc[start])


def governing_verb(tok):
    seen = 0
    while tok.pos_ not in VERBAL and tok.head.i != tok.i and seen < 12:
        tok = tok.head
        seen += 1
    return tok


def person(tok) -> str:
    low = tok.lower_
    if low in FIRST:
        return "first"
    if low in SECOND:
        return "second"
    if tok.dep_ == "expl":
        return "none"
    return "third"


def subject_of(verb):
    """The subject token of a verb, climbing through xcomp/conj/aux chains; None if imperative.
    An @handle is the person addressed, not a subject: "@sam check your tone" is an order; so is
    an opener or a name set off by a comma before the verb ("Dude, cut the snark", "Sam, stop")."""
    for _ in range(6):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl") and not child.text.startswith("@") and not _vocative(child, verb):
                return child
        if verb.dep_ in ("xcomp", "conj", "aux", "auxpass", "acomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def _vocative(subj, verb) -> bool:
    """"Dude," / "Sam," opening the sentence before its verb: the person addressed."""
    doc = subj.doc
    nxt = subj.i + 1
    return (nxt < len(doc) and doc[nxt].text == "," and nxt < verb.i and subj.i == subj.sent.start
            and (subj.lower_ in OPENERS or subj.pos_ == "PROPN") and subj.lower_ not in SECOND)


# Orders the tagger can misread as a name when they open the sentence: "Quit whining" tagged "Quit"/PROPN
_ORDER_OPENERS = frozenset({"quit", "stop", "cut", "drop"})


def subject_person(verb) -> str:
    subj = subject_of(verb)
    if subj is None or _order_misread(subj):
        return "none"
    return person(subj)


def _order_misread(subj) -> bool:
    """"Quit whining about it", "Quit complaining and fix it": an order whose verb the tagger took for a
    noun heading the gerund right after it."""
    gerund = subj.head
    return (subj.i == subj.sent.start and subj.tag_ in ("NNP", "NN") and subj.lower_ in _ORDER_OPENERS
            and gerund.tag_ == "VBG" and gerund.i == subj.i + 1)


def negated(verb, start: int, end: int) -> bool:
    """Is the clause of `verb` negated, by a negator outside the matched span?"""
    def has_neg(v) -> bool:
        for child in v.children:
            if (child.dep_ == "neg" or child.lower_ in NEGATORS) and not (start <= child.i < end):
                return True
        return False

    if has_neg(verb):
        return not _prescribed(verb)
    # "I don't think you're ...", "I would never want you to ..."
    head = verb.head
    if verb.dep_ in ("ccomp", "xcomp", "conj") and head.i != verb.i and has_neg(head):
        if _exclaimed(verb) or (_incredulous(head) and verb.lemma_ not in _SAYING):
            return False  # "I can't believe (how) rude you are" says that you are
        if verb.dep_ == "ccomp" and verb.i < head.i and any(t.text in (",", ";") for t in verb.doc[verb.i:head.i]):
            return False  # "I told her about it, I didn't think you'd mind": an afterthought, not its negation
        return head.lemma_ in _DENYING or head.lemma_ == "want" or verb.dep_ == "xcomp"
    return False


def denied(root, start: int, end: int) -> bool:
    """Is the verdict at `root` denied rather than said: the clause a negated verb of thinking or
    saying denies ("I don't think you're stupid", "I never said your code was garbage", "nobody here
    thinks you're a liar", "I'd never call you incompetent"), or a clause about no one ("No question
    is dumb here")? Not "I'm not saying you're an idiot, but ...", which says it after all."""
    clause = governing_verb(root)
    if clause.lemma_ == "call":
        return _call_denied(root, clause, start, end)
    if _nobody_is(clause):
        return True
    if _measured_against_reader(clause):
        return False  # "I don't think anyone could be as useless as you"
    for _ in range(2):  # "I don't think anyone here thinks you're careless"
        head = clause.head
        if clause.dep_ not in ("ccomp", "xcomp") or head.i == clause.i or head.lemma_ not in _DENYING:
            return False
        if _exclaimed(clause) or _incredulous(head) or _said_after_all(clause, head, start, end):
            return False
        if _negative_subject(head) or _negated_here(head, start, end):
            return True
        clause = head
    return False


_NO_ONE = frozenset({"nobody", "noone", "none", "nothing"})


def _call_denied(root, call, start: int, end: int) -> bool:
    """"I would never call him incompetent", "nobody here called you a liar"; but "I won't call you
    stupid, the results speak for themselves" is the old backhand, and stays a verdict on the
    reader."""
    if not _is_name(root, call) or _said_after_all(call, call, start, end):
        return False
    if _negative_subject(call):
        return True
    return _negated_here(call, start, end) and not any(
        c.dep_ in ("dobj", "dative") and person(c) == "second" for c in call.children)


def _measured_against_reader(clause) -> bool:
    doc = clause.doc
    return any(t.lower_ in ("as", "than") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _READER_WORDS
               for t in clause.subtree)


def _negative_subject(verb) -> bool:
    subj = subject_of(verb)
    return subj is not None and (subj.lower_ in _NO_ONE or _no_det(subj))


def _no_det(tok) -> bool:
    """"no question", "no one": a subject quantified by "no"."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _negated_here(verb, start: int, end: int) -> bool:
    return any((c.dep_ == "neg" or c.lower_ in NEGATORS) and not (start <= c.i < end) for c in verb.children)


def _nobody_is(verb) -> bool:
    """"No question is dumb here": a verdict about nothing, unless it measures something against
    it ("no design is as bad as this one")."""
    subj = subject_of(verb)
    if verb.lemma_ != "be" or subj is None or not _no_det(subj):
        return False  # "nobody asked", "nobody trusts you with anything": the sting is the "nobody"
    return not any(t.lower_ in ("as", "than", "this", "that", "so", "such", "except", "but") for t in verb.subtree)


def _said_after_all(clause, head, start: int, end: int) -> bool:
    doc = clause.doc
    if clause.i < head.i and any(t.text in (",", ";") for t in doc[clause.i:head.i]):
        return True  # "you're an idiot, I don't think anyone doubts it": an afterthought
    if head.lemma_ in ("say", "call", "mean", "suggest", "imply", "claim") and any(
            t.lower_ == "but" for t in doc[end:clause.sent.end]):
        return True  # "I'm not saying you're lazy, but ...": says it after all
    if any(_asserted_later(t, start, end, subject_of(clause)) for t in doc[end:end + 12]):
        return True  # "I'm not calling you stupid, I'm saying you act it", "I don't think you're a moron, I know it"
    # "I don't think you're dumb, just lazy", "I wouldn't call him a genius, more like a moron": the
    # word after "just" or "more like" is asserted
    return any(t.lower_ in ("but", "just", "only", "rather", "merely", "simply", "more", "like") for t in doc[head.i + 1:start])


def _asserted_later(verb, start: int, end: int, denied) -> bool:
    """A verb of saying or knowing by the writer after the denial that asserts it anyway. "Saying"
    does only when what is said names the one denied again ("I'm not calling you stupid, I'm saying
    you act it"); "I'm not saying the senator is a crook, I'm saying you should read the audit"
    moves on."""
    if verb.lemma_ not in ("say", "know", "call") or _negated_here(verb, start, end) or subject_person(verb) != "first":
        return False
    if verb.lemma_ != "say":
        return True
    later = [t for t in verb.subtree if t.i > verb.i]
    if denied is None or denied.lower_ in _READER_WORDS:
        return any(t.lower_ in _READER_WORDS for t in later)
    return any(t.lemma_ == denied.lemma_ for t in later)


_DEGREE = frozenset({"so", "this", "that", "such"})
# "I can't believe you think I called you lazy": disbelief at what the reader says, not a verdict
_SAYING = frozenset({"think", "say", "call", "mean", "claim", "suggest", "believe", "imply", "assume"})
# verbs whose negation denies the clause they govern ("I didn't say", "nobody thinks")
_DENYING = (_SAYING - {"assume"}) | {"tell", "feel"}


def _prescribed(verb) -> bool:
    """"You shouldn't be so rude", "you must not be this lazy": a negated "should" with a degree
    word says that the reader is so; "you shouldn't be rude" (no degree word) is advice."""
    if not any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children):
        return False
    return any(t.i > verb.i and t.lower_ in _DEGREE and (
        (t.dep_ == "advmod" and t.head.pos_ in ("ADJ", "ADV")) or t.lower_ == "such") for t in verb.subtree)


def _incredulous(verb) -> bool:
    """"I can't believe ...", "I couldn't believe ...": disbelief at something that is so."""
    return verb.lemma_ == "believe" and any(c.dep_ == "aux" and c.lower_ in ("ca", "can", "could") for c in verb.children)


def _exclaimed(clause) -> bool:
    """A clause opened by an exclamative "how" or "what a" ("how rude you are", "what a mess you made")."""
    first = clause.doc[clause.left_edge.i]
    if first.i >= clause.i:
        return False
    if first.lower_ == "how":
        return first.head.pos_ in ("ADJ", "ADV")
    return first.lower_ == "what" and first.dep_ in ("det", "predet")


def reported(doc, root) -> bool:
    """Is the matched span (from its root up) the complement of a reporting verb with a
    third-person subject: "She said you always ...", "He texted me whatever", "described him as a
    liar", "messages saying she was stupid"?"""
    tok = root
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return False
        if _reported_by(head, tok):
            subj = subject_of(head)
            if subj is None:
                return _told_by_another(head, tok)
            # "nobody told me": a negative subject reports nothing ("I'm not upset, just
            # surprised nobody told me" is the writer's own sentence, however it is parsed)
            # a passive subject is what is said, not who says it ("If you'd read it, it's answered
            # there"), unless the clause is what was said ("it was said that ...")
            if (person(subj) == "third" and subj.lower_ not in NEGATORS and not _lets(subj) and not _evidence(subj, head)
                    and (subj.dep_ != "nsubjpass" or tok.dep_ == "ccomp")):
                return True
        tok = head
    return False


def _reported_by(head, tok) -> bool:
    """Is `tok` what the reporting verb `head` says ("said you ...", "described him as ...")?"""
    return (_reports(head, tok) and (tok.dep_ in _REPORTED_DEPS or (tok.dep_ == "prep" and tok.lower_ == "as"))
            and not pointed_at(tok) and not _perceived(head, tok))


_ANYONE = frozenset({"everyone", "everybody", "anyone", "anybody", "we", "you", "all", "y'all"})


def _perceived(verb, tok) -> bool:
    """"you're griefing on purpose, everyone can tell": "tell" with "can", said of everyone and nobody told,
    is seeing, not saying ("she could tell he was a liar" still reports her; "anyone can tell when you're a
    liar" asserts nothing: a condition, still left alone)."""
    if verb.lemma_ != "tell":
        return False
    subj = subject_of(verb)
    return (subj is not None and subj.lower_ in _ANYONE
            and any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in verb.children)
            and not any(c.dep_ in ("dative", "iobj", "dobj") for c in verb.children)
            and not any(c.lower_ in ("when", "if", "whether") for c in tok.children))


# What tells the writer something is evidence, not a speaker: "the fact that you shipped this tells
# me you're a terrible engineer" is the writer's own verdict ("his reply said you're a liar" reports).
_EVIDENCE = frozenset({"fact", "this", "that", "evidence", "history", "record", "behaviour", "behavior", "attitude",
                       "silence"})
_SHOWING = frozenset({"tell", "show", "prove", "suggest", "indicate"})


def _evidence(subj, verb) -> bool:
    return verb.lemma_ in _SHOWING and (subj.lower_ in _EVIDENCE or subj.lemma_ in _EVIDENCE)


def pointed_at(tok) -> bool:
    """Is `tok` an object pointed at ("this garbage", "those patches")? As what was said or written
    it is the writer's own word for it: "grown adults wrote this shit"; "he said garbage" reports it."""
    return tok.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those")
                                      for c in tok.children)


_SPEECH = frozenset({"say", "tell", "call", "describe", "mock", "label", "brand", "dub", "deride", "threaten", "vow",
                     "shout", "yell", "scream", "claim", "insist", "announce", "whisper", "hiss", "mutter", "snap"})
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "advcl", "oprd", "attr", "acomp", "npadvmod"})


def _told_by_another(verb, said) -> bool:
    """A participle of saying with no subject of its own, told of someone else: "messages saying
    she was stupid", "the negotiators walked out, saying there was nothing left to discuss"; not
    the writer's ("I left, saying I was done") nor words about the reader ("saying you're stupid
    would be kind")."""
    if verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("advcl", "acl", "pcomp", "csubj", "relcl"):
        return False
    if verb.lemma_ not in _SPEECH:  # "paid for writing code this sloppy": the writing is the work
        return False
    if any(t.lower_ in _READER_WORDS for t in verb.subtree):
        return False
    if verb.dep_ == "advcl":
        teller = subject_of(verb.head)
        return teller is not None and person(teller) == "third"
    return True


def _reports(verb, tok) -> bool:
    """Does `verb` report `tok` as someone's words? "go" only as speech ("she goes, whatever"), not
    the future ("she was going to find out anyway"); "call" only of the name it gives ("he called
    me an idiot"), not of a clause beside it ("gave your number to my cousin, he'll call you")."""
    if verb.lemma_ == "go" and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    if verb.lemma_ == "call" and tok.dep_ not in ("oprd", "xcomp", "attr", "acomp", "npadvmod", "dobj"):
        return False
    return verb.lemma_ in REPORTING


# a word talked about, not said: "the word idiot", "words like stupid", "Is pillock a rude word?"
_WORD_NOUNS = frozenset({"word", "words", "term", "terms", "label", "labels", "slur", "slurs", "insult", "insults",
                         "epithet", "epithets", "swearword", "swearwords", "expletive", "expletives"})
_WORD_VERDICTS = frozenset({"insult", "slur", "swearword", "swear", "expletive", "epithet", "offensive",
                            "derogatory", "pejorative", "ableist", "vulgar", "profane", "profanity"})
_WORD_ORIGINS = frozenset({"mean", "means", "meant", "come", "comes", "derive", "derives", "originate", "originates"})
_READER_WORDS = SECOND | {"your", "yours", "ur"}  # the reader, as a pronoun or an owner
_MARKS = frozenset({"'", '"', "\u201c", "\u201d", "\u2018", "\u2019", "`"})


def mentioned(root, single: bool = True) -> bool:
    """Is `root` a word talked about rather than said? "the word idiot", "terms like moron and
    clown", "Is pillock a rude word?", "stupid means ...", and the name in "stop calling people
    idiots" or "you called me a liar" (a name someone other than the writer gives, and not to the
    reader). `single`: the match is that one word (a verdict about a word is about a word alone)."""
    word = root
    for _ in range(4):  # "words like stupid and lazy": the first of a list
        if word.dep_ != "conj" or word.head.i == word.i:
            break
        word = word.head
    if _reader_is_it(word):
        return False
    if _name_given(root):
        return True
    # "the word idiot fits you", "words like stupid were made for people like you": said of the reader
    if any(t.lower_ in _READER_WORDS and t.dep_ != "nsubj" for t in word.sent):
        return False
    return _after_word_noun(word) or (single and _word_judged(word))


def _reader_is_it(word) -> bool:
    """The reader made the word's holder later in its sentence: "Stop calling people idiots,
    you're the biggest one here". (A twist in the next sentence, "Is clown an insult? Not when
    it's your job description.", is not seen: each sentence is matched on its own.)"""
    return any(tok.lower_ in ("you're", "youre", "ur") or (
        tok.lower_ in ("you", "u") and tok.dep_ == "nsubj" and tok.head.lemma_ == "be")
        for tok in word.doc[word.i + 1:word.sent.end])


def _after_word_noun(word) -> bool:
    doc, i = word.doc, word.i - 1
    for _ in range(3):  # "words like", "terms such as", "the word 'idiot'"
        if i >= 0 and (doc[i].lower_ in ("like", "as", "such", ":") or doc[i].text in _MARKS):
            i -= 1
    if i < 0 or doc[i].lower_ not in _WORD_NOUNS:
        return False
    # "in a word, pathetic" / "in other words, idiots": a manner of speaking, not a mention
    return not (i > 0 and doc[i - 1].lower_ in ("a", "one", "other", "few", "two", "my", "your", "his", "her", "their"))


def _word_judged(word) -> bool:
    """The bare word as the subject of a verdict about words: "Is moron considered offensive?",
    "Idiot is a strong word", "Pillock means a fool"."""
    doc, i = word.doc, word.i
    # bare: first in its sentence, after a quotation mark or after "is" ("Is moron ...?")
    if i != word.sent.start and doc[i - 1].text not in _MARKS and doc[i - 1].lower_ not in ("is", "was", "isn't", "wasn't"):
        return False
    for tok in doc[i + 1:min(i + 7, word.sent.end)]:
        if tok.is_punct and tok.text not in _MARKS:
            return False
        # "a rude word" only in a question about it ("Is pillock a rude word?"): "Idiot is a strong word
        # for you" is the writer's own
        if tok.lower_ in _WORD_VERDICTS or (tok.lower_ in _WORD_ORIGINS and tok.i == i + 1) or (
                tok.lower_ in ("word", "term") and word.sent[-1].text == "?"):
            # "Pathetic is the only word for it": the word used as the writer's verdict
            return not (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("for", "to"))
    return False


def _name_given(root) -> bool:
    """The name in a calling someone other than the writer does, to someone other than the reader:
    "stop calling people idiots", "banned for calling maintainers idiots", "don't call him a moron",
    "you called me a liar"; "I'd call you a fool" and "calling you an idiot is generous" stay the
    writer's words."""
    verb = root.head
    if verb.lemma_ not in ("call", "tell") or not _is_name(root, verb):
        return False
    if any(c.dep_ in ("dobj", "dative") and person(c) == "second" for c in verb.children):
        return False
    if _untold(verb):  # "Calling someone's work garbage is ...", "people calling each other liars"
        return True
    return verb.lemma_ == "call" and _caller_not_writer(verb)


_NAME_DEPS = frozenset({"oprd", "attr", "xcomp", "acomp", "dobj", "ccomp"})


def _is_name(root, verb) -> bool:
    """Is `root` what `verb` (call, tell) names or tells, and not a word beside it: "don't call me
    again, you idiot" and "never call me that again, moron" end on the address, set off by a comma;
    in "you call this garbage a fix?" the garbage is the thing called, the writer's word."""
    if root.head.i != verb.i or verb.i == root.i or root.dep_ not in _NAME_DEPS:
        return False
    lo, hi = sorted((root.i, verb.i))
    if any(t.text in (",", ";", ":") for t in root.doc[lo:hi]):
        return False
    return root.dep_ != "dobj" or any(c.dep_ in ("dobj", "dative") and c.i != root.i for c in verb.children)


def _caller_not_writer(verb) -> bool:
    """The calling is done by someone other than the writer, and not to the reader in the passive
    ("you should be called a clown" stays the writer's)."""
    subj = subject_of(verb)
    if subj is None:
        return True
    if person(subj) == "first":
        return False
    return not (person(subj) == "second" and any(c.dep_ == "auxpass" for c in verb.children))


def _untold(verb) -> bool:
    """A calling or telling with no teller: a gerund or participle that names the act ("for calling
    maintainers idiots", "Telling someone their code is trash is ...", "people calling each other
    liars"), not an order ("call him an idiot") or a clause with its own subject."""
    if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ not in ("csubj", "pcomp", "acl", "pobj", "xcomp", "advcl"):
        return False
    # "is this your way of telling us you don't understand?": the reader's telling
    tok = verb
    for _ in range(3):
        tok = tok.head
        if any(c.dep_ == "poss" and c.lower_ in _READER_WORDS for c in tok.children) or person(tok) == "second":
            return False
    return True


def _lets(subj) -> bool:
    """"Let's just say ...": the "'s" of "let's" is the writer and the reader, not a third person."""
    return subj.lower_ in ("'s", "us") and subj.i > 0 and subj.doc[subj.i - 1].lower_ == "let"


def praised(verb, start: int, end: int, lexicons: dict) -> bool:
    """Praise polarity: "you always deliver" and "you never fail to make us laugh" are praise;
    "you never listen" is not, though "you always listen" is."""
    if any(t.lower_ in ("yourself", "yourselves", "urself") for t in verb.subtree):
        return False  # "you always make everything about yourself"
    if any(t.lower_ == "about" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("you", "u") for t in verb.subtree):
        return False  # "you always make everything about you"
    praise = lexicons.get("praise_verbs", ())
    never_praise = lexicons.get("praise_when_never", ())
    words = {t.lower_ for t in verb.doc[start:end]} | {c.lower_ for c in verb.children if c.dep_ in ("neg", "advmod")}
    lexicon = never_praise if ("never" in words or "n't" in words or "not" in words) else praise
    if verb.lemma_ in lexicon:
        return True
    return lexicon is praise and _praised_by_children(verb, start, end, praise, lexicons)


def _praised_by_children(verb, start: int, end: int, praise, lexicons: dict) -> bool:
    adverbs = lexicons.get("praise_adverbs", ())
    adjectives = lexicons.get("praise_adjectives", ())
    for child in verb.children:
        # "you always write such thorough commit messages"
        if child.dep_ == "dobj" and any(g.dep_ == "amod" and g.lower_ in adjectives for g in child.children):
            return True
        if child.dep_ in ("xcomp", "ccomp", "acomp", "attr") and child.lemma_ in praise:
            return True
        # "you always explain it clearly", "you always handle these so well"
        if child.dep_ == "advmod" and not (start <= child.i < end) and child.lower_ in adverbs:
            return True
    return False


_INVERTING = frozenset({
    "do", "does", "did", "is", "are", "was", "were", "am", "can", "could", "will", "would", "should", "shall",
    "may", "might", "have", "has", "had", "must",
})
_WH = frozenset({"what", "why", "how", "who", "whom", "whose", "which", "where", "when"})
QUESTION_OPENERS = _INVERTING | _WH  # words a question typed without its "?" starts with


def is_question(sent) -> bool:
    """Ends in "?", or, with no end mark at all (chat), starts like a question: an auxiliary
    before its subject ("does that make sense", "is that ok") or a question word."""
    text = sent.text.rstrip().rstrip("\"'\u201d\u2019)")
    if text.rstrip("!1").endswith("?"):  # "?!!!", "?!1"
        return True
    if not text or text[-1] in ".!:;" or len(sent) < 2:
        return False
    words = _words(sent, sent.start)
    bare = next((i for i, w in enumerate(words) if w.lower_ not in OPENERS), len(words))
    if any(_opens_question(ws) for ws in (words, words[bare:], _words(sent, opener_end(sent)))):
        return True  # "what do you mean", "so what do you mean", "Sam, what do you mean"
    # the clause after the last comma, inverted: "no reply, what kind of support is that",
    # "here's the plan, does that work" (but not "I'll do it, when I have time")
    commas = [t.i for t in sent if t.text == ","]
    return bool(commas) and _inverted(_words(sent, commas[-1] + 1))


def _words(sent, start: int) -> list:
    return [t for t in sent.doc[start:sent.end] if not (t.is_punct or t.is_space or t.pos_ == "INTJ")]


def _opens_question(words) -> bool:
    if len(words) < 2:
        return False
    first = words[0].lower_
    if first in _WH:  # "what a mess" is an exclamation, "what do you mean" a question
        return words[1].lower_ not in ("a", "an", "such")
    return first in _INVERTING and _subject(words[1])


_PRONOUNS = frozenset("i you u we they he she it this that these those there".split())


def _subject(tok) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass", "expl")


def _inverted(words) -> bool:
    """An auxiliary before its subject, at the start or after a short question phrase ("what kind
    of support is that", "how is this")."""
    if len(words) < 2 or words[0].lower_ not in _INVERTING | _WH:
        return False
    if words[0].lower_ in _INVERTING:
        return _subject(words[1])
    return any(w.lower_ in _INVERTING and (_subject(n) or n.lower_ in _PRONOUNS)
               for w, n in zip(words[1:6], words[2:7]))


# Words people open a sentence with before its clause, set off by a comma ("Look, go away.",
# "Dude, whatever you say.", "Honestly, must be nice."): the clause after them starts the sentence
# for the rules that read a sentence's first word.
OPENERS = frozenset("""
look listen dude dudes bro bruh man mate buddy pal honestly seriously frankly ok okay k yeah yea yep yup
um umm uh oh ohh ugh wow hey hi hello guys folks everyone anyway anyways alright right so also btw lol
lmao tbh ngl well sigh god jeez geez gosh welp hmm hm ah aha meh sorry srsly bruv fam sir madam
""".split())
_SET_OFF = frozenset({",", ":", "\u2014", "\u2013", "-", "..."})
# openers that chat runs into the clause with no comma ("honestly you're a joke", "tbh whatever")
_BARE_OPENERS = frozenset("honestly seriously frankly tbh ngl lol lmao btw bruh bro dude ugh sigh jeez geez welp".split())


def opener_end(sent) -> int:
    """The index of the first token of the sentence's clause: after leading punctuation and
    interjections, and after a run of openers, @handles and names set off by a comma ("Look,",
    "Sam,", "Hey Sam,", "Ok so, ..."); the sentence's first token when it has none."""
    toks = [t for t in sent]
    k = 0
    while k < len(toks) and _leading_mark(toks[k]):
        k += 1
    if k == len(toks):
        return sent.end
    first = toks[k].i
    cut = None  # just after the last mark that set off an opener run
    for tok in toks[k:]:
        if tok.text in _SET_OFF:
            if tok.i == first:
                return first
            cut = tok.i + 1
        elif not _opener(tok):
            break
    if cut is None and toks[k].lower_ in _BARE_OPENERS and k + 1 < len(toks) and not toks[k + 1].is_punct:
        return first + 1
    return cut if cut is not None else first


def _leading_mark(tok) -> bool:
    return tok.is_space or (tok.is_punct and tok.text not in _SET_OFF) or tok.pos_ == "INTJ"


def _opener(tok) -> bool:
    return tok.lower_ in OPENERS or tok.text.startswith("@") or tok.pos_ in ("PROPN", "INTJ")


def at_sentence_start(sent, start: int) -> bool:
    for tok in sent:
        if tok.is_punct or tok.is_space or tok.pos_ == "INTJ":
            continue
        return tok.i >= start or start <= opener_end(sent)
    return True


def clause_start(tok) -> bool:
    """A sentence's first token, or the first token after its openers ("Look, [go] away.")."""
    if tok.is_sent_start:
        return True
    doc = tok.doc
    if tok.i == 0:
        return False
    before = doc[tok.i - 1]
    if before.text not in _SET_OFF and before.lower_ not in _BARE_OPENERS:
        return False
    return opener_end(tok.sent) == tok.i


def whole_sentence(sent, start: int, end: int) -> bool:
    for tok in sent:
        if start <= tok.i < end:
            continue
        if not (tok.is_punct or tok.is_space or tok.pos_ == "INTJ" or tok.lower_ in ("oh", "ok", "okay", "well", "fine", "ugh")):
            return False
    return True


# a contraction's second half and the word spelled out ("you 're" / "you are") are one word to
# sentence_has: careful writers type contractions in full
SPELLED_OUT = {"'re": "are", "'m": "am", "'ll": "will", "n't": "not", "'ve": "have"}


def sentence_has(sent, start: int, end: int, words) -> bool:
    """Does the sentence, outside the matched tokens, hold one of `words` (lowercase or lemma)?
    "That was fair, right?" has "fair" beside the tag; "It's at 3, right?" has none. An entry
    with spaces is a run of consecutive tokens: "i should", "you 'd" (spaCy's split of "you'd")."""
    toks = [t for t in sent if not (start <= t.i < end)]
    forms = [(t.lower_, t.lemma_.lower(), SPELLED_OUT.get(t.lower_, t.lower_)) for t in toks]
    for w in words:
        parts = [SPELLED_OUT.get(p, p) for p in w.split()]
        n = len(parts)
        for k in range(len(forms) - n + 1):
            if all(p in forms[k + j] and toks[k + j].i == toks[k].i + j for j, p in enumerate(parts)):
                return True
    return False


# The writer taking a verdict they report or deny as their own: "people call you an idiot, and
# they're right", "Your teammates told me you're a lazy parasite. I believe them.", "Someone said
# you're a fraud. Accurate."
_ENDORSING = re.compile(r"""(?ix)
    \b(?:they|he|she|it|people|everyone|everybody)(?:'re|'s|\u2019re|\u2019s|\s+are|\s+is|\s+was|\s+were)
        \s+(?:(?:so|quite|absolutely|totally|dead)\s+)?(?:right|not\s+wrong|correct|spot\s+on)\b
  | \bi(?:'d|\u2019d|\s+would)?\s+(?:(?:totally|fully|have\s+to|tend\s+to|must)\s+)?(?:agree|concur)(?:\s+with\s+(?:them|him|her|that|it|the\s+\w+))?\s*(?:[.!,;]|$)
  | \bfor\s+(?:a|good)\s+reason\b
  | \bi\s+believe\s+(?:them|him|her|it|every\s+word)\b
  | \bi(?:'m|\u2019m|\s+am)\s+(?:just\s+)?(?:proving|showing|demonstrating)\s+it\b
  | \band\s+so\s+(?:are|is)\s+(?:you|everything\s+you)\b
  | \bi(?:'d|\u2019d|\s+would)?\s+(?:call|describe)\s+you\s+(?:one|the\s+same|that|worse)\b
""")
_ENDORSING_OPENER = re.compile(r"(?i)^\W*(?:accurate|spot\s+on|correct|true\s+story|facts|can't\s+argue)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def endorsed(m) -> bool:
    """Does the writer take the verdict as their own, later in its sentence or in the next one
    ("..., and they're right", "... . I'd agree.", "... . Accurate.")? Needs the block's text. A
    verdict on the writer ("he called me an idiot. He's right") is self-criticism all the same."""
    if m.block is None or _on_writer(m.root):
        return False
    last = m.doc[m.end - 1]
    here = m.base + last.idx + len(last)
    sent_end = m.base + m.doc[m.end - 1].sent.end_char
    rest = m.block[here:sent_end]
    after = m.block[sent_end:sent_end + 200].lstrip()
    stop = _SENTENCE_END.search(after)
    following = after[:stop.end()] if stop else after
    return bool(_ENDORSING.search(rest) or _ENDORSING.search(following) or _ENDORSING_OPENER.search(following))


_NAMING = frozenset({"call", "label", "brand", "dub", "name", "consider"})


def _on_writer(root) -> bool:
    """Is the verdict at `root` said of the writer: the one called it ("called me an idiot") or the
    subject it is said of ("says I'm lazy")?"""
    for t in root.sent:
        if t.lower_ not in FIRST:
            continue
        if t.dep_ in ("dobj", "dative", "oprd") and t.head.lemma_ in _NAMING:
            return True
        if t.dep_ in ("nsubj", "nsubjpass") and (t.head.i == root.i or t.head.i == root.head.i):
            return True
    return False
