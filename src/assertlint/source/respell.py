"""Undo how people type before the parser reads the prose: leetspeak ("m0ron", "1diot"), masked
swear words ("f**k", "sh*t", "a$$hole"), stretched letters ("stuuupid"), shouting ("YOU ARE
SO LAZY") and swear words used as intensifiers ("you're fucking useless"), so that rules written
for "moron" also catch "m0ron", and the tagger sees a word it knows.

A word is respelled only into a word the rules know (the `vocabulary`, drawn from the rule
lexicons), so "mp3", "k8s", "x86" and "$HOME" are left alone. A respelled word becomes a synthetic
piece of the Prose mapped to the whole source word: findings still point at what the writer
typed, and no fix is ever applied across it (Prose.plain is False there).
"""
from __future__ import annotations

import re
from itertools import islice, product

import re2

from .prose import Prose

# characters typed for a letter, and the letters they can stand for
LEET = {
    "0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "!": "i", "|": "li", "€": "e",
}
MASKS = frozenset("*#%")
_ODD = "".join(re.escape(c) for c in sorted(set(LEET) | MASKS))
# A candidate: a run of letters and typed stand-ins that holds a stand-in between or before
# letters, or a letter written three times in a row. Handles ("@name") and money ("$5") never
# qualify: they need letters on both sides of the stand-ins or a mask.
_TOKEN = rf"[A-Za-z0-9{_ODD}]"
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") | set(LEET) | MASKS
# Where a candidate can be: a stand-in character, or a letter written three times in a row. The
# scan is a plain character-class search (fast on ordinary prose, where most words have neither);
# each hit is widened to its word, and the search resumes after that word, so every pattern here
# runs in linear time on any input (tests/test_respell.py times a 200 kB token).
_HIT = re.compile(rf"[{_ODD}]|([A-Za-z])\1\1")
# Cheap first looks (one plain scan each, no lookaround): most blocks need none of the work below.
_STAND_IN = re.compile(rf"[{_ODD}]")
_TRIPLE = re.compile(r"([A-Za-z])\1\1")
_CAPS4 = re.compile(r"[A-Z]{4}")
_LONE_UR = re.compile(r"(?:^| )[ur](?![\w@/\-]|\.\w|'(?!(?:re|ll|d|ve)\b))")
_TOKEN_RUN = re.compile(rf"{_TOKEN}*+")
# Emphasis typed in plain text ("You have *zero* reason", "_any_ other", "**such** a mess"): the
# marks around one to four words are left out of the parse, so the words read as one phrase. A
# mark glued to a word on its outer side ("snake_case_name", "f**k", "2*3*4") is not emphasis.
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=[A-Za-z])((?:[A-Za-z'’-]++ ?){1,4}?)(?<! )\1(?![\w*])")
_MAX_WORD = 40  # longer runs are not words anybody typed for a word (hashes, base64, hostile input)
# Three or more shouted words in a row ("YOU NEVER LISTEN"): lowered for the tagger.
# (a shout starts where its run of capitals and apostrophes starts, never inside one: each run is
# scanned once)
_SHOUT = re.compile(r"\b(?<![A-Z']')[A-Z][A-Z'][A-Z']*+(?:[ \t]++(?:[A-Z][A-Z'][A-Z']*+|A|I)\b){2,}")
_TRAILING_NAME = re.compile(r", ([A-Z][a-z]{1,15})(?=[.!?]+(?:\s|$))")
_CAPS_WORD = re.compile(r"\b[A-Z]{4,}+\b")
_SHOUT_WORD = re.compile(r"[A-Za-z']++")
# "u" for "you" in chat ("sorry u feel that way", "who asked u"): a lone lower-case u between words
# ("shame on u.", "u're late" and "u'll see" too; not "u.s." or "u's")
_YOU = re.compile(r"u(?<![\w'@/.\-]u)(?![\w@/\-]|\.\w|'(?!(?:re|ll|d|ve)\b))")  # the letter first: the engine scans for it
# "u r so lazy": a lone "r" after a pronoun is "are"
_ARE = re.compile(r"r(?:(?<=\bu r)|(?<=\byou r)|(?<=\bwe r)|(?<=\bthey r))(?![\w'@/.\-])")
# "r u serious", "R u kidding": a lone "r" before "u" is "are"
_R_U = re.compile(r"(?<![\w'@/.\-])[Rr](?= u(?![\w'@/.\-]))")
# "ur so lazy", "ur a joke": "ur" before an adverb, an article or a participle is "you're" ("ur code",
# "ur stupid code" stay "your", which the rules read as typed)
_UR_ARE = re.compile(
    r"(?<![\w'@/.\-])[Uu]r(?= (?:so|such|too|really|just|always|never|not|a|an|the|being|gonna|going|literally|"
    r"clearly|obviously|wrong|kidding|joking|acting|making|talking|still|actually|honestly|basically|totally|"
    r"completely|absolutely|seriously|probably|officially|done|welcome|right|fine|late|okay|ok|sure|here|there|"
    r"in|on|out|up|off|over|about|like|trying|doing|getting|saying|asking|telling|ignoring|lying)\b)")
# "ur" before a word for how someone is, closing the clause ("ur thick.", "ur so wrong", "ur
# busy but", "ur dead to me") is "you're"; before a noun ("ur stupid code") it stays "your"
_HOW_SOMEONE_IS = (
    r"(?:busy|tired|mad|angry|upset|sick|scared|stupid|dumb|crazy|insane|annoying|lazy|"
    r"thick|rude|ugly|fat|useless|pathetic|hilarious|funny|cute|amazing|awesome|beautiful|smart|kind|sweet|lucky|"
    r"trash|delusional|clueless|toxic|ridiculous|unbelievable|dead|boring|weird|slow|obsessed|jealous|selfish|"
    r"spoiled|dense|mean|nuts|psycho|bad|good|great|brilliant|hopeless|embarrassing|disgusting|annoyed|done)"
    r"(?=[^\w ]|$| (?:and|but|or|lol|lmao|af|tbh|ngl|bro|dude|man|mate|smh|tho|though|if|when|because|cuz|bc|"
    r"haha|fr|rn|to|for|at|with|about|of|as|sometimes|today|tonight|now)\b)")
_UR_ADJ = re.compile(r"(?<![\w'@/.\-])[Uu]r(?= " + _HOW_SOMEONE_IS + ")")
# ... and "your" the same way ("your stupid.", "your so lazy and rude"): a possessive is followed by
# its noun, never by a word that closes the clause
_YOUR_ADJ = re.compile(r"(?<![\w'@/.\-])([Yy])our(?= " + _HOW_SOMEONE_IS + ")")
# "your an embarrassment", "your so dense", "your not listening": "your" typed for "you're" before an
# article or an adverb that a possessive never precedes ("your so-called fix" stays: a hyphen follows)
_YOUR_ARE = re.compile(
    r"(?<![\w'@/.\-])([Yy])our(?= (?:a|an|the|such|so|not|too|clearly|obviously|literally|kidding|joking|acting|lying|"
    r"being ridiculous|being rude|being difficult|being an?|full of|as(?= [\w-]+ as\b)|"
    r"all (?:so |too |just |really )?(?:stupid|dumb|idiots|morons|clowns|liars|crazy|insane|nuts|lazy|pathetic|"
    r"useless|clueless|ignorant|wrong|hypocrites|cowards|fools|delusional|brainwashed|sheep))\b(?!-))")
# "you're post was stupid", "you're argument is garbage": "you're" typed for "your" before a noun and
# its verb, where no other reading is possible
_YOURE_YOUR = re.compile(
    r"(?<![\w'@/.\-])([Yy])ou(?:'|\u2019)?re(?= (?:post|posts|comment|comments|argument|arguments|point|logic|"
    r"reply|answer|code|patch|idea|ideas|opinion|opinions|statement|claim|attitude|behaviou?r|reasoning|position|"
    r"view|views|take|party|president|leader|side|mind|brain|spelling|grammar|article|letter|question) "
    r"(?:is|was|are|were|has|have|makes|made|sounds|seems|shows|proves|just|really|only|doesn't|does|isn't|"
    r"wasn't|means|matters)\b)")
# "you'e", "your'e", "you'r", "you;re": "you're" mistyped, a form no other word has
_YOURE_TYPO = re.compile(r"(?<![\w'@/.\-])([Yy])ou(?:'e|r'e|'r|;re)(?![\w'@/\-])")
# every other "ur" before a word is "your" ("i read ur diary", "ur code"): the tagger reads a bare
# "ur" as a proper noun and loses the possessive
_UR_YOUR = re.compile(r"(?<![\w'@/.\-])[Uu]r(?= [A-Za-z])")
# contractions typed without the apostrophe that are no other word ("youre", "im", "thats"): the
# tokenizer splits them, but the pieces ("re", "m", "s") lose the lemma "be" the rules read
_BARE = {
    "youre": "you're", "youve": "you've", "youll": "you'll", "theyre": "they're", "theyve": "they've",
    "theyll": "they'll", "weve": "we've", "ive": "i've", "im": "i'm", "thats": "that's", "whats": "what's",
    "whos": "who's", "hes": "he's", "shes": "she's", "wheres": "where's", "ull": "you'll", "youd": "you'd",
    "theyd": "they'd", "itd": "it'd", "thatd": "that'd",
    "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't",
    "werent": "weren't", "wont": "won't", "cant": "can't", "couldnt": "couldn't", "wouldnt": "wouldn't",
    "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't", "hadnt": "hadn't", "aint": "ain't",
}
# "Ill" before what one will do is "I'll" ("Ill report you", "ill be there"); "ill" the word comes
# before a noun or after a verb ("ill health", "fell ill")
_ILL = re.compile(
    r"(?<![\w'@/.\-])[Ii]ll(?= (?:be|have|do|make|tell|report|just|never|send|take|get|go|see|let|need|call|show|leave|close|kill|"
    r"ban|block|sue|fire|find|stop|keep|come|bring|write|handle|sort|assume|say|stay|try|give|put|check|"
    r"fix|ping|email|text|delete|remove|post|share|leak|expose|also|probably|definitely|always|still|wait|"
    r"look|talk|ruin|destroy|pay|deal|cancel|drop|quit|walk|unfollow|mute|escalate|forward|start|think|"
    r"believe|ask|answer|reply|explain|teach|clean|remember|forget|move|merge|revert|review)\b)")
# "its been", "lets just say": the possessive and the verb are never followed by these
_ITS_LETS = re.compile(
    r"(?<![\w'@/.\-])(?:[Ii]ts(?= (?:been|gonna|not|going|getting|ok|okay|fine|true|over|done|like|literally|actually|"
    r"always|never|really|so|too|because|just|all|a|an|the|your|my|time)\b)|[Ll]ets(?= (?:just|be|not|face|agree|hope)\b))")
RESPELLED_BARE = frozenset(_BARE)  # what the prose never holds typed without its apostrophe (in lower case)
# A shouted contraction ("I DON'T care", "You CANT even read", "or I'LL report you"): the tokenizer
# splits a contraction only in lower or title case, so the rules would meet "DON'T" as one word.
# Lowered, like a longer shout ("IT'S" and the other 's forms are split already). Only forms that
# are no other word: not "IM" (instant messaging) or "ID".
_SHOUTED_BARE = sorted(w.upper() for w in _BARE if w.endswith("nt") or w in ("youre", "theyre"))
_SHOUTED_CONTRACTION = re.compile(
    r"(?<![\w'@/.\-])(?:[A-Z]{1,8}N'T|(?:YOU|WE|THEY)'(?:RE|VE|LL|D)|I'(?:M|LL|VE|D)|Y'ALL|"
    + "|".join(_SHOUTED_BARE) + r")(?![\w'@/\-])")
_BARE_WORD = re.compile(r"(?<![\w'@/.\-])(?:" + "|".join(_BARE) + r")(?![\w'@/\-])", re.I)
# chat particles ("lol", "tbh", "ngl") run into the clause around them and the tagger makes them its
# nouns ("your code is garbage lol": "garbage" becomes a compound of "lol"); set off by commas, as a
# careful writer would, they stay asides
PARTICLES = ("lol", "lmao", "lmfao", "rofl", "tbh", "ngl", "smh", "ffs", "jk", "haha", "hahaha", "hehe", "lel", "xd",
             "imo", "imho", "btw")
_PARTICLE = re.compile(r"(?<![\w'@/.\-])(?:" + "|".join(PARTICLES) + r")(?![\w'@/\-])", re.I)
# one linear scan (RE2) that says whether a block holds any chat word at all: most prose holds none,
# and the exact patterns above (with their lookarounds) then never run
_CHAT_HINT = re2.compile(r"(?i)\b(?:" + "|".join((*_BARE, *PARTICLES, "ill", "lets (?:just|be|not|face|agree|hope)",
                                                        "its (?:been|gonna|not|going|getting|ok|okay|fine|true|over|done|like|literally|actually|always|never|really|so|too|because|just|all|a|an|the|your|my|time)")) + r")\b")
STRETCHED_COMMON = frozenset("""
so too very really please no yes what why stop you your now ever never what whatever seriously
omg lol wow ok okay sure good bad just please thanks thank well oh ugh hey xd lmao lmfao rofl
""".split())
_RUN = re.compile(r"([A-Za-z])\1{2,}")
# Words typed one per sentence for emphasis ("Grow. Up.", "Read. The. Docs.", "STOP. TOUCHING. MY. BRANCH.",
# "You. Got. Conned."): two or more one-word sentences in a row, opening a sentence, are read as
# the one sentence they spell ("Read the docs."). Single letters spelled out ("C. U. N. T.") are
# read as their word when it is a word the rules know. (Bounded: a run holds at most 12 words of at
# most 16 characters, and each word is scanned once.)
_CLIPPED = re.compile(
    r"(?:^|(?<=[.!?:\n] )|(?<=\n))[A-Za-z][A-Za-z']{0,15}+([.!]) (?:[A-Za-z][A-Za-z']{0,15}+\1 ){0,10}"
    r"[A-Za-z][A-Za-z'*#$@]{0,15}+\1(?=[\s\"')\]]|$)")  # one mark throughout: "Not. Even. Close! Sorry."
_CLIPPED_WORD = re.compile(r"(?<![A-Za-z'*#$@])([A-Za-z][A-Za-z'*#$@]*+)([.!]) ?")
_CLIPPED_HINT = re.compile(r"[A-Za-z][.!] [A-Za-z][A-Za-z'*#$@]{0,15}+[.!](?:\s|$)")
# not words anybody clips for emphasis: abbreviations ("etc. etc. etc.", "Mr. Dr. Smith.")
_ABBREVIATIONS = frozenset("etc mr mrs ms dr st jr sr vs no fig eg ie cf al approx".split())
# one-word sentences that rules read as sentences of their own ("Noted. Whatever.", "You missed it.
# Again. Typical."): a run holding one is left as typed
_STANDALONE = frozenset("""
whatever typical again noted fine sure ok okay k kk cool wow nope yes yeah yep no great thanks thank
seriously unbelievable pathetic disgraceful ridiculous classic amazing wonderful brilliant lovely
perfect right done bravo riveting shocking embarrassing unacceptable figures sigh lol lmao congrats
cute adorable understood interesting fascinating rich priceless nice good bye later next wrong
incredible impressive predictable hilarious sad tragic yikes oof absurd useless shameful bold
genius clearly obviously sorry please cheers
""".split())
# two one-word sentences are one order only when the second is the particle of a phrasal verb
# ("Grow. Up.", "Shut. Up.", "Back. Off.", "Go. Away.")
_PARTICLES_OF_ORDERS = frozenset("up off down out away in over".split())
# Applause typed between words ("great 👏 job 👏 breaking 👏 prod"): two or more claps, each between
# two words, are read as spaces, so the words read as the phrase they spell.
_CLAP = "\U0001F44F"
_CLAPS = re.compile(r"(?<=\w) ?\U0001F44F[\U0001F3FB-\U0001F3FF]? ?(?=\w)")
_MAX_TRIES = 256


class Respeller:
    """Respells typed-around words into words of `vocabulary`. `masked` lists the words people
    mask with * or #, most likely first: "f**k" -> the first of them that fits ("fuck")."""

    def __init__(self, vocabulary, masked=(), common=(), named=(), swearing=(), judged=()) -> None:
        self.vocabulary = frozenset(w.lower() for w in vocabulary if w.isalpha())
        # every word the rules name (a trailing "Einstein" is what a rule reads, not a name to drop)
        self.named = frozenset(w.lower() for w in named) | self.vocabulary
        # stretched common words ("sooo", "reallyyy", "pleeease") are squeezed too, never un-leeted
        self.common = frozenset(w.lower() for w in common if w.isalpha()) | STRETCHED_COMMON
        self.masked = tuple(w.lower() for w in masked if w.isalpha())
        self._by_shape: dict[tuple[int, str], list[str]] = {}
        # a swear word used as an intensifier before an adjective the rules judge people by ("you're
        # fucking useless", "stop being so damn lazy") is left out of the parse: the tagger reads
        # "fucking" there as the sentence's verb, and the adjective loses its subject
        self.judged = frozenset(w.lower() for w in judged)
        words = sorted({w.lower() for w in swearing if w.isalpha()}, key=len, reverse=True)
        # and so is one after the writer's own subject and auxiliary ("I'm fucking done talking to
        # you", "I'll bloody report you"): the rules' phrases read the sentence without it. After
        # "you're" / "you'll" it stays unless an adjective follows ("you'll fucking see" is JDG013's)
        self._swearing = re.compile(
            r"(?:\b(?:i'm|im|i am|i'll|i will|we're|we are|we'll|we will|i've|we've)[ \t]++)?"
            r"(\b(?:" + "|".join(words) + r")[ \t]++)(?=([A-Za-z][A-Za-z-]*+))", re.I) if words else None
        self._swear_look = re2.compile(r"(?i)\b(?:" + "|".join(words) + r")\b") if words else None  # a cheap first look
        for w in self.masked:
            self._by_shape.setdefault((len(w), w[0]), []).append(w)

    def word(self, raw: str) -> str | None:
        """The vocabulary word `raw` was typed for, or None."""
        low = raw.lower()
        if low in self.vocabulary:
            return None  # already a word the rules know
        letters = sum(c.isalpha() for c in low)
        if any(c in MASKS for c in low):
            return self._unmask(low, letters)
        if any(c in LEET for c in low):
            return self._unleet(low, letters)
        return self._unstretch(low)

    def _unmask(self, low: str, letters: int) -> str | None:
        stars = sum(c in MASKS for c in low)
        if not low[0].isalpha() or letters < 1 or stars > 2 * letters + 1:
            return None
        for w in self._by_shape.get((len(low), low[0]), ()):
            if all(c in MASKS or c == wc or LEET.get(c, "").find(wc) >= 0 for c, wc in zip(low, w)):
                return w
        return None

    def _unleet(self, low: str, letters: int) -> str | None:
        swaps = sum(c in LEET for c in low)
        if letters < 2 or swaps > letters:
            return None
        options = [LEET.get(c, c) if not c.isalpha() else c for c in low]
        for combo in islice(product(*options), _MAX_TRIES):
            cand = "".join(combo)
            if cand in self.vocabulary:
                return cand
            squeezed = self._unstretch(cand)
            if squeezed:
                return squeezed
        return None

    def _unstretch(self, low: str) -> str | None:
        runs = list(_RUN.finditer(low))
        if not runs:
            return None
        # each run of three or more becomes one letter or two ("stuuupid" -> "stupid", "fuuuck" -> "fuck")
        pieces, pos = [], 0
        for m in runs:
            pieces.append((low[pos:m.start()],))
            pieces.append((m.group(1), m.group(1) * 2))
            pos = m.end()
        pieces.append((low[pos:],))
        for combo in islice(product(*pieces), _MAX_TRIES):
            cand = "".join(combo)
            if cand in self.vocabulary or cand in self.common:
                return cand
        return None

    def __call__(self, prose: Prose) -> Prose:
        prose = straighten(prose)
        text = prose.text
        swaps: list[tuple[int, int, str]] = []
        shouted = self._shouted(text)
        # chat typing is read in the shout lowered ("UR SO BAD" -> "you're so bad"); where both
        # respell a word, the chat reading wins (_disjoint keeps the first of two equal swaps)
        _chat_swaps(_lowered(text, shouted) if shouted else text, swaps)
        if ", " in text:
            self._trailing_names(text, swaps)
        swaps.extend(shouted)
        self._left_out(text, swaps)
        if _STAND_IN.search(text) or _TRIPLE.search(text):
            self._typed_words(text, swaps)
        if _CLIPPED_HINT.search(text):
            self._clipped(text, swaps)
        if text.count(_CLAP) >= 2:
            claps = list(_CLAPS.finditer(text))
            if len(claps) >= 2:
                swaps.extend((m.start(), m.end(), " ") for m in claps)
        if not swaps:
            return prose
        return prose.respelled(_disjoint(swaps))

    def _left_out(self, text: str, swaps: list) -> None:
        """Words and marks the parse reads past: swear words used as intensifiers, emphasis marks."""
        if self._swear_look is not None and self._swear_look.search(text):
            swaps.extend((m.start(1), m.end(1), "") for m in self._swearing.finditer(text)
                         if m.start(1) > m.start() or m.group(2).lower() in self.judged)
        if "*" in text or "_" in text:
            for m in _EMPHASIS.finditer(text):
                swaps.append((m.start(), m.start(2), ""))
                swaps.append((m.end(2), m.end(), ""))

    def _trailing_names(self, text: str, swaps: list) -> None:
        """A name said last, after a comma ("Do whatever you want, Sam."), is left out of the parse:
        the sentence then ends where its rules expect it to. A word the rules know ("Sure thing,
        Einstein.", "Thanks, Karen.") stays: it is what they read."""
        for m in _TRAILING_NAME.finditer(text):
            if m.group(1).lower() not in self.named:
                swaps.append((m.start(), m.end(), ""))

    def _shouted(self, text: str) -> list[tuple[int, int, str]]:
        """Shouted words lowered: a run of them, one the rules know, one contraction."""
        shouted: list[tuple[int, int, str]] = []
        caps = _CAPS4.search(text) is not None
        if caps:
            self._shouting(text, shouted)
        if caps or "'" in text:
            shouted.extend(_shouted_contractions(text))
        return shouted

    def _shouting(self, text: str, swaps: list) -> None:
        for m in _SHOUT.finditer(text):  # every shouted word lowered (and respelled) on its own
            for w in _SHOUT_WORD.finditer(text, m.start(), m.end()):
                word = w.group()
                if word != "I":
                    swaps.append((w.start(), w.end(), self.word(word) or word.lower()))
        for m in _CAPS_WORD.finditer(text):  # one shouted word the rules know: "DISGUSTING"
            low = m.group().lower()
            if low in self.vocabulary:
                swaps.append((m.start(), m.end(), low))

    def _clipped(self, text: str, swaps: list) -> None:
        """Each run of one-word sentences read as the sentence it spells (see _CLIPPED)."""
        for m in _CLIPPED.finditer(text):
            words = list(_CLIPPED_WORD.finditer(text, m.start(), m.end()))
            lows = [w.group(1).lower() for w in words]
            kind = _run_kind(lows)
            if kind == "letters":  # letters spelled out: "C. U. N. T."
                word = "".join(lows)
                if len(word) >= 3 and word in self.vocabulary:
                    swaps.append((m.start(), words[-1].start(2), word))
            elif kind == "words":
                swaps.extend(_joined(words))

    def _typed_words(self, text: str, swaps: list) -> None:
        for start, raw in _candidates(text):
            raw = raw.rstrip("!|")  # "1diot!": a closing "!" is punctuation, not an "i"
            new = self.word(raw) if raw else None
            if new is not None:
                if raw[0].isupper():
                    new = new[0].upper() + new[1:]
                swaps.append((start, start + len(raw), new))


def _run_kind(lows: list[str]) -> str | None:
    """"letters" for letters spelled out, "words" for words clipped for emphasis, None for a run
    that is neither: an abbreviation or a word rules read as a sentence of its own ("Noted.
    Whatever."), initials ("I. G. Smith."), or two sentences that are no order ("Thanks. Bye.")."""
    if any(w in _ABBREVIATIONS or w in _STANDALONE for w in lows):
        return None
    if all(len(w) == 1 for w in lows):
        return "letters"
    if any(len(w) == 1 and w not in ("a", "i") for w in lows):
        return None
    if len(lows) == 2 and lows[1] not in _PARTICLES_OF_ORDERS:
        return None
    return "words"


def _joined(words: list) -> list[tuple[int, int, str]]:
    """Swaps that read a run of clipped words as one sentence: the marks between them become
    spaces, and every word but "I" is in lower case after a capital first."""
    swaps = []
    for k, w in enumerate(words):
        word = w.group(1)
        if word.isalpha():
            low = word if word == "I" else word.lower()
            if k == 0:
                low = low[0].upper() + low[1:]
            if low != word:
                swaps.append((w.start(1), w.end(1), low))
        if k < len(words) - 1:
            swaps.append((w.start(2), w.end(), " "))
    return swaps


def _lowered(text: str, shouted: list[tuple[int, int, str]]) -> str:
    """`text` with each shouted word in lower case (its letters are ASCII: the length stays)."""
    out, pos = [], 0
    for start, end, _ in sorted(shouted):
        if start >= pos:
            out.append(text[pos:start])
            out.append(text[start:end].lower())
            pos = end
    out.append(text[pos:])
    return "".join(out)


# The near future said with "going to" ("I'm going to report you", "ur gonna regret this") is read
# as "will", the form the rules are written in; not before a place or a thing ("going to the
# office", "going to school"), where "going" is the verb.
_FUTURE = re.compile(
    r"(?<![\w'@/.\-])(?:([Ii])(?:'m| am|m)|([Yy]ou|[Uu])(?:'re| are| r|re)|([Uu])r|([Ww]e)(?:'re| are))"
    r" (?:going to|gonna)(?= (?!(?:the|a|an|my|your|ur|his|her|their|our|its|this|that|these|those|some|school|work|"
    r"bed|class|church|town|lunch|dinner|breakfast|court|jail|prison|hospital|college|university|home|sleep|"
    r"hell|war|mars|london|paris|be\s+(?:a|an|the)\b)\b)[a-z])")


# A condition said in two words after a demand ("Pay by Friday. If not, I'm calling my lawyer.",
# "Move it; if you don't, it goes in the skip.") is read as "otherwise", the word the ultimatum
# rules are written for. Only where a clause starts (the text's start, after a sentence mark, a
# semicolon, a colon or a comma) and when the consequence follows (a comma, "then", or the
# pronoun that opens it): "if not sooner", "if not for you" and "ask if not sure" stay as typed.
_IF_NOT = re.compile(
    r"(?:^|(?<=[.!?;:,] )|(?<=\n))([Ii])(?i:f (?:(?:not|(?:you|u) (?:don't|do not|dont|won't|will not|wont))"
    r"(?:,? then(?=[\s,])|(?=,|\s+(?:i(?!\.)|i'm|im|i'll|we|we're|we'll|you're|you'll|it's|it'll)\b))))")

_IF_NOT_HINT = re.compile(r"[Ii][Ff] (?:[Nn][Oo][Tt]|[Yy][Oo][Uu]|[Uu]\b)")


def _otherwise(m) -> str:
    return "Otherwise" if m.group(1) == "I" else "otherwise"


def _future(m) -> str:
    i, you, u, we = m.groups()
    if i:
        return "I'll"
    if we:
        return we + "'ll"
    word = you or u
    return ("You" if word[0].isupper() else "you") + "'ll"


def _chat_swaps(text: str, swaps: list) -> None:
    """How people type in chat, read as the words they stand for: "u r" -> "you are", "ur" ->
    "you're" or "your", "youre" -> "you're", "lol" set off by commas."""
    if "going to" in text or "gonna" in text:
        swaps.extend((m.start(), m.end(), _future(m)) for m in _FUTURE.finditer(text))
    if _IF_NOT_HINT.search(text):
        swaps.extend((m.start(), m.end(), _otherwise(m)) for m in _IF_NOT.finditer(text))
    _you_swaps(text, swaps)
    if not _CHAT_HINT.search(text):
        return
    # (all capitals are left alone: "IM" is also instant messaging, and shouting is lowered above)
    swaps.extend((m.start(), m.end(), _bare(m.group())) for m in _BARE_WORD.finditer(text) if not m.group().isupper())
    swaps.extend((m.start(), m.end(), "I'll") for m in _ILL.finditer(text))
    swaps.extend((m.start(), m.end(), m.group()[:-1] + "'s") for m in _ITS_LETS.finditer(text))
    swaps.extend(_set_off(text, m) for m in _PARTICLE.finditer(text))


def _you_swaps(text: str, swaps: list) -> None:
    """"u", "r", "ur" read as "you", "are", "you're" or "your"."""
    if _LONE_UR.search(text):
        swaps.extend((m.start(), m.end(), "you") for m in _YOU.finditer(text))
        swaps.extend((m.end() - 1, m.end(), "are") for m in _ARE.finditer(text))
        swaps.extend((m.start(), m.end(), "Are" if m.group() == "R" else "are") for m in _R_U.finditer(text))
    if "ur " in text or "Ur " in text:
        swaps.extend(_ur_swaps(text))
    _your_swaps(text, swaps)


def _your_swaps(text: str, swaps: list) -> None:
    """"your" typed for "you're" and "you're" typed for "your"."""
    if "our " in text:
        swaps.extend((m.start(), m.end(), m.group(1) + "ou're") for m in _YOUR_ARE.finditer(text))
        swaps.extend((m.start(), m.end(), m.group(1) + "ou're") for m in _YOUR_ADJ.finditer(text))
    if "ou'" in text or "our'" in text or "ou;" in text:
        swaps.extend((m.start(), m.end(), m.group(1) + "ou're") for m in _YOURE_TYPO.finditer(text))
    if "ou're " in text or "oure " in text or "ou\u2019re " in text:
        swaps.extend((m.start(), m.end(), m.group(1) + "our") for m in _YOURE_YOUR.finditer(text))


def _ur_swaps(text: str) -> list[tuple[int, int, str]]:
    """Each "ur" as "you're" or "your" (the prose and the rule phrases read it the same way)."""
    swaps = [(m.start(), m.end(), "you're") for m in _UR_ARE.finditer(text)]
    swaps.extend((m.start(), m.end(), "you're") for m in _UR_ADJ.finditer(text))
    # (after the "you're" swaps: where both start together, _disjoint keeps the first)
    swaps.extend((m.start(), m.end(), "Your" if m.group()[0] == "U" else "your") for m in _UR_YOUR.finditer(text))
    return swaps


def _set_off(text: str, m) -> tuple[int, int, str]:
    """The particle `m`, with a comma before it when a word runs into it and after it when it runs
    into a word ("garbage lol" -> "garbage , lol"; "ngl ur" -> "ngl, ur"); one that closes the
    sentence is a sentence of its own ("scroll up lol" -> "scroll up . lol")."""
    start, end = m.start(), m.end()
    word = m.group()
    if start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
        closes = end == len(text) or text[end] in "\n.!?"
        word = (". " if closes else ", ") + word
    if end + 1 < len(text) and text[end] == " " and text[end + 1].isalpha():
        word += ","
    return start, end, word


def _shouted_contractions(text: str) -> list[tuple[int, int, str]]:
    """Each contraction typed in capitals, lowered and given its apostrophe ("DONT" -> "don't")."""
    out = []
    for m in _SHOUTED_CONTRACTION.finditer(text):
        low = m.group().lower()
        low = _BARE.get(low, low)
        out.append((m.start(), m.end(), "I" + low[1:] if low.startswith("i'") else low))
    return out


def _bare(word: str) -> str:
    """The contraction `word` was typed for, in its case ("Youre" -> "You're")."""
    full = _BARE[word.lower()]
    return full[0].upper() + full[1:] if word[0].isupper() else full


def respell_ur(text: str) -> str:
    """`text` with each "ur" read as the Respeller reads it ("you're" or "your"), for rule
    phrases typed the chat way ("wats ur problem"), which must meet the respelled prose."""
    if "ur " not in text and "Ur " not in text:
        return text
    out, pos = [], 0
    for start, end, new in _disjoint(_ur_swaps(text)):
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


# An apostrophe typed as something else inside a contraction ("don’t", "I´m", "it`s", "youʼre"):
# the tokenizer splits contractions only at a straight one, and the rules spell them so.
APOSTROPHES = "’´ʼ`"  # what people type for an apostrophe besides "'" (the rules spell it straight)
_APOSTROPHE = re.compile(rf"(?<=[A-Za-z])[{APOSTROPHES}](?=(?:t|s|m|re|ll|ve|d)\b)", re.I)
_APOSTROPHE_CHARS = frozenset(APOSTROPHES)


def straighten(prose: Prose) -> Prose:
    """`prose` with the apostrophes of contractions typed straight. One character for one: every
    offset, and what a finding or a fix points at in the file, stays where it was."""
    text = prose.text
    if _APOSTROPHE_CHARS.isdisjoint(text):
        return prose
    new = _APOSTROPHE.sub("'", text)
    return prose if new == text else prose.retyped(new)


def _candidates(text: str):
    """(start, word) of each word holding a stand-in character or a tripled letter, and a letter."""
    pos = 0
    n = len(text)
    while pos < n:
        m = _HIT.search(text, pos)
        if m is None:
            return
        start = m.start()
        low = max(pos, start - _MAX_WORD)
        while start > low and text[start - 1] in _TOKEN_CHARS:
            start -= 1
        end = _TOKEN_RUN.match(text, m.start()).end()
        pos = max(end, m.start() + 1)
        if end - start > _MAX_WORD or (start > 0 and text[start - 1] in _TOKEN_CHARS):
            continue  # a run longer than any word
        word = text[start:end]
        if any(c.isalpha() for c in word):
            yield start, word


def _disjoint(swaps: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted, without overlaps (where two swaps start together, the longer wins)."""
    swaps.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str]] = []
    for s in swaps:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out
