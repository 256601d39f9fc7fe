r"""The trigger gate: which text blocks could match any rule, decided without the parser.

For every pattern the gate derives, from the rule file itself, one token the pattern cannot match
without (a literal word, or the inflections of a lemma). A block whose words include none of the
derived triggers is never parsed. Patterns with no literal token make the gate let everything
through, so a rule can never be silently skipped.

The order regexes run on RE2 (google-re2), an automaton with no backtracking: each takes time
linear in the sentence, whatever the rule file says (tests/test_gate_growth.py). RE2 has no
look-behind, so a word start is `\b` on a copy of the text where "_" (the one ASCII character
`\b` counts as a letter and a word start did not) is "#", and `\s` is spelled out as the exact
set of characters Python's `\s` matches: each regex accepts exactly the sentences the Python
regex it replaces accepted.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

import re2

from ..ruleset.model import Pattern, Rule
from ..source.respell import APOSTROPHES, RESPELLED_BARE, respell_ur
from .context import SPELLED_OUT
from .contractions import SPLITS

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_IRREGULAR = {
    "be": "am is are was were been being 's 're 'm",
    "have": "has had having 've 's 'd",
    "do": "does did done doing",
    "go": "goes went gone going",
    "say": "says said saying",
    "tell": "tells told telling",
    "think": "thinks thought thinking",
    "feel": "feels felt feeling",
    "make": "makes made making",
    "get": "gets got gotten getting",
    "know": "knows knew known knowing",
    "take": "takes took taken taking",
    "give": "gives gave given giving",
    "see": "sees saw seen seeing",
    "hear": "hears heard hearing",
    "read": "reads read reading",
    "write": "writes wrote written writing",
    "leave": "leaves left leaving",
    "keep": "keeps kept keeping",
    "mean": "means meant meaning",
    "send": "sends sent sending",
    "find": "finds found finding",
    "bring": "brings brought bringing",
    "break": "breaks broke broken breaking",
    "speak": "speaks spoke spoken speaking",
    "forget": "forgets forgot forgotten forgetting",
    "will": "will would 'll 'd wo",
    "can": "can could ca",
    "shall": "shall should",
    "may": "may might",
    "sorry": "sorry sorrier",
    "run": "runs ran running", "hold": "holds held holding", "stand": "stands stood standing",
    "understand": "understands understood understanding", "sit": "sits sat sitting",
    "buy": "buys bought buying", "catch": "catches caught catching", "teach": "teaches taught teaching",
    "lose": "loses lost losing", "win": "wins won winning", "pay": "pays paid paying",
    "lead": "leads led leading", "meet": "meets met meeting", "sell": "sells sold selling",
    "spend": "spends spent spending", "build": "builds built building", "hide": "hides hid hidden hiding",
    "lie": "lies lay lain lying lied", "lay": "lays laid laying", "swear": "swears swore sworn swearing",
    "tear": "tears tore torn tearing", "throw": "throws threw thrown throwing", "blow": "blows blew blown",
    "grow": "grows grew grown", "drive": "drives drove driven driving", "ride": "rides rode ridden riding",
    "rise": "rises rose risen rising", "choose": "chooses chose chosen choosing",
    "steal": "steals stole stolen stealing", "wake": "wakes woke woken waking",
    "wear": "wears wore worn wearing", "beat": "beats beaten beating", "begin": "begins began begun",
    "forgive": "forgives forgave forgiven forgiving", "deal": "deals dealt dealing",
    "learn": "learns learnt learned", "burn": "burns burnt burned", "fly": "flies flew flown flying",
    "draw": "draws drew drawn drawing", "show": "shows showed shown showing",
    "fall": "falls fell fallen falling", "bite": "bites bit bitten biting", "fight": "fights fought",
    "shoot": "shoots shot shooting", "seek": "seeks sought",
    "put": "puts putting", "cut": "cuts cutting", "hit": "hits hitting", "hurt": "hurts hurting",
    "set": "sets setting", "quit": "quits quitting", "shut": "shuts shutting", "let": "lets letting",
    "child": "children", "person": "people persons", "man": "men", "woman": "women",
    "good": "better best", "bad": "worse worst", "i": "me my mine", "you": "your yours",
}


def inflections(lemma: str) -> set[str]:
    """A superset of the word forms a lemma can take (a gate may let too much through, never too little)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "est", w + "ly"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w[:-1] + "ier", w[:-1] + "iest", w[:-1] + "ily"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er"}
    if w.endswith("ie"):
        forms.add(w[:-2] + "ying")
    forms |= set(_IRREGULAR.get(w, "").split())
    return forms


def _words(value) -> set[str] | None:
    """The words a token constraint value admits, or None when it is not a closed literal set."""
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, dict) and set(value) == {"IN"}:
        return {str(v).lower() for v in value["IN"]}
    return None


def _token_triggers(attrs: dict) -> set[str] | None:
    op = attrs.get("OP")
    if op in ("?", "*", "!") or (isinstance(op, str) and op.startswith(("{0", "{,"))):
        return None  # optional, negated, or a "{0,n}" / "{,n}" repeat: the token may be absent
    for key in ("LOWER", "ORTH", "TEXT"):
        if key in attrs:
            return _words(attrs[key])
    if "LEMMA" in attrs:
        words = _words(attrs["LEMMA"])
        if words is not None:
            return set().union(*(inflections(w) for w in words))
    return None


# The most frequent English words: a trigger among them lets nearly every sentence through.
COMMON = frozenset("""
a about after all also an and any are as at be because been before being but by can could did
do does doing done for from get got had has have he her here him his how i if in into is it its
just know like make me more my no not now of on one only or other our out over said say see she
so some than that the their them then there these they this those through time to too up us very
was we were what when where which who why will with would you your yours it's i'm don't that's
go going want need think well way new good thing things really should may might must let use
""".split())


PUNCT = frozenset(":;,!?.-\u2013\u2014()[]\"'\u2026/&*")
SYMBOLS_FROM = "\u2000"  # curly quotes, dashes, emoji...: a literal made of these is a symbol trigger
_SYMBOL = re.compile(r"[^\x00-\u1fff\w\s]")
_VISIBLE = re.compile(r"'?[a-z]+(?:'[a-z]+)?|n't")


def _normal(w: str) -> str:
    return w.lower().replace("\u2019", "'")


def visible(words: set[str]) -> set[str] | None:
    """The gate-visible words standing for a literal set (a sentence holding a token with one of
    the literals holds one of these words): a literal the gate reads as one word stands for
    itself; a hyphenated, dotted or slashed literal ("holier-than-thou", "w/e") for the rarest of
    its pieces, since a token with that text holds all of them; a literal of marks ("...", "?!",
    an emoji) for its first mark; a literal with none of these makes the set invisible (None)."""
    out: set[str] = set()
    for w in words:
        w = _normal(w)
        if _VISIBLE.fullmatch(w):
            out.add(w)
            continue
        pieces = _WORD.findall(w)
        if pieces:
            out.add(min(pieces, key=lambda p: (_frequency(p), -len(p), p)))
        elif w and (w[0] in PUNCT or w[0] >= SYMBOLS_FROM):
            out.add(w[0])  # ":", "...", "?!", "🤡": the sentence must hold the first mark
        else:
            return None
    return out


def _frequency(word: str) -> float:
    """An estimate of how often a sentence holds `word`: a punctuation mark or symbol in one
    sentence of two (commas, full stops, quotes are everywhere), a contraction piece or a common
    word in one of twenty to fifty, a short word in one of a thousand, any other in ten thousand."""
    if not word[:1].isalpha():
        return 0.05 if word[:1] == "'" and len(word) > 1 else 0.5
    if word in _MIDWORD:
        return 0.05
    if word in COMMON:
        return 0.02
    return 0.001 if len(word) <= 3 else 0.0001


def _score(words: set[str]) -> float:
    """Lower is better: how often a sentence holds one of the words (the rarest set is the one
    the index files a pattern under, so that few sentences ever reach its other tests)."""
    return sum(_frequency(w) for w in words)


Requirement = tuple  # a conjunction: tuple of word sets, each of which the sentence must hit


def phrase_variants(phrase: str, intensified: bool = True) -> tuple[str, ...]:
    """`phrase` and, when it holds contractions, the same phrase typed without their apostrophes
    ("i don't want to hear it" -> "i dont want to hear it"), for the contractions spaCy's tokenizer
    splits the same way either way (do|n't, do|nt); "it's" -> "its" and "we're" -> "were" are other
    words, and are left alone. The matcher and the gate both read phrases through here."""
    straight = respell_ur(phrase.translate(_STRAIGHT))
    forms = [straight]
    spelled = _CONTRACTION.sub(lambda m: _WRITTEN_OUT[m.group().lower()], straight)
    if spelled != straight:
        forms.append(spelled)  # "i'm done talking to you" -> "i am done talking to you"
    if _WILL.search(straight):  # "i'll report you" -> "i'm going to report you", "i'm gonna report you"
        forms += [_WILL.sub(lambda m, g=g: _GOING[m.group(1).lower()] + g, straight) for g in (" going to", " gonna")]
    if _GOING_TO.search(straight):  # and back: the prose reads "i'm gonna" as "i'll" (source/respell.py)
        forms.append(_GOING_TO.sub(lambda m: _WILL_OF[m.group(1).lower()], straight))
    opening = _SUBJECT_AUX.match(straight) if intensified else None
    if opening and straight[opening.end():].split(" ", 1)[0].lower() not in INTENSIFIERS:
        # "i'm done talking to you" -> "i'm literally done talking to you"
        head, tail = straight[:opening.end()], straight[opening.end():]
        forms += [f"{head}{adv} {tail}" for adv in INTENSIFIERS]
    if straight.endswith(".") and not straight.endswith(".."):
        # a phrase that ends its sentence ("scroll up.") ends it as well with "!"
        forms += [f[:-1] + "!" for f in forms]
    out = [v for f in forms for v in _apostrophe_variants(phrase if f is straight else f, f)]
    return tuple(dict.fromkeys(out))


# Words people put between a subject and what they say of it ("I'm literally done talking to you",
# "I'll definitely report you"): a phrase that opens with a subject and its auxiliary takes them there.
INTENSIFIERS = ("really", "literally", "honestly", "seriously", "totally", "definitely")
_INTENSIFIER_RX = r"(?:\W*(?:" + "|".join(INTENSIFIERS) + r"))?"
_SUBJECT_AUX = re.compile(r"(?:i'm|i am|i'll|i will|you're|you are|we're|we are|we'll|i've|it's|that's|this is) ", re.I)

# Contractions written out in full, as careful or formal writers type them ("I am not discussing
# this", "do not come crying to me"): a phrase written with the contraction matches both.
_WRITTEN_OUT = {
    "i'm": "i am", "you're": "you are", "we're": "we are", "they're": "they are", "don't": "do not",
    "doesn't": "does not", "didn't": "did not", "i'll": "i will", "you'll": "you will", "we'll": "we will",
    "won't": "will not", "can't": "cannot", "isn't": "is not", "aren't": "are not", "wasn't": "was not",
    "weren't": "were not", "it's": "it is", "that's": "that is", "there's": "there is", "what's": "what is",
    "who's": "who is", "he's": "he is", "she's": "she is", "i've": "i have", "you've": "you have",
    "we've": "we have", "haven't": "have not", "hasn't": "has not", "i'd": "i would", "you'd": "you would",
    "couldn't": "could not", "wouldn't": "would not", "shouldn't": "should not", "gonna": "going to",
}
_WILL = re.compile(r"(?<![\w'])(i|you|we|they|he|she)(?:'ll| will)(?![\w'])", re.I)
_GOING = {"i": "i'm", "you": "you're", "we": "we're", "they": "they're", "he": "he's", "she": "she's"}
_GOING_TO = re.compile(r"(?<![\w'])(i'm|im|i am|you're|youre|you are|ur|u r|we're|we are) (?:going to|gonna)(?= )", re.I)
_WILL_OF = {"i'm": "i'll", "im": "i'll", "i am": "i'll", "you're": "you'll", "youre": "you'll", "you are": "you'll",
            "ur": "you'll", "u r": "you'll", "we're": "we'll", "we are": "we'll"}
_CONTRACTION = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, _WRITTEN_OUT)) + r")(?![\w'])", re.I)


def _apostrophe_variants(phrase: str, straight: str) -> tuple[str, ...]:
    if "'" not in straight:
        return (phrase,) if straight == phrase else (straight,)
    words = straight.split(" ")
    # (a contraction source/respell.py gives its apostrophe back in the prose, "dont" -> "don't",
    # needs no typed-without variant: the prose never holds it in lower case)
    slots = [i for i, w in enumerate(words) if "'" in w and w.lower().replace("'", "") in SPLITS
             and w.lower().replace("'", "") not in RESPELLED_BARE]
    out = [straight]
    for mask in range(1, 1 << min(len(slots), 3)):  # each contraction typed either way ("i don't care that you dont")
        typed = list(words)
        for bit, i in enumerate(slots[:3]):
            if mask >> bit & 1:
                typed[i] = typed[i].replace("'", "")
        out.append(" ".join(typed))
    return tuple(out)


_STRAIGHT = str.maketrans({c: "'" for c in APOSTROPHES})


def pattern_requirements(pattern: Pattern) -> list[Requirement] | None:
    """The alternatives under which `pattern` can match, each a conjunction of word sets; None
    when some alternative has no literal word the gate can see (then every sentence is parsed)."""
    if pattern.kind == "phrases":
        alts = []
        for phrase in (v for p in pattern.value for v in phrase_variants(p, intensified=False)):
            words = _WORD.findall(phrase.lower().replace("\u2019", "'"))
            if not words:
                return None
            alts.append(tuple({w} for w in dict.fromkeys(words)))
        return alts
    sets = []
    for node in (pattern.value if pattern.kind == "dependency" else matcher_tokens(pattern.value)):
        attrs = node.get("RIGHT_ATTRS", node) if pattern.kind == "dependency" else node
        words = _token_triggers(attrs)
        words = visible(words) if words else None
        if words:
            sets.append(words)
    return [tuple(sets)] if sets else None




# Forms whose lemma is another word (spaCy lemmatises "me" to "i", "n't" to "not", "'ll" to "will"):
# a context entry matched on the lemma may be typed as any of these.
_LEMMA_FORMS = {
    "i": "me", "we": "us", "he": "him", "she": "her", "they": "them", "you": "ya u ye yourself",
    "not": "n't nt", "will": "'ll ll wo", "would": "'d d", "can": "ca", "have": "'ve ve", "be": "'m m 're re 's",
}


def context_requirement(rule: Rule) -> frozenset[str] | None:
    """What a rule's `sentence_has` context asks of the sentence, as gate words: the sentence must
    hold one of the entries, so it holds, for some entry, that entry's rarest word in one of its
    forms (the token's lower case or its lemma is matched). None: no such context, or a word the
    gate cannot see."""
    entries = rule.context.get("sentence_has") or ()
    if not entries:
        return None
    out: set[str] = set()
    for entry in entries:
        best = None
        for word in entry.split():
            forms = inflections(word) | set(_LEMMA_FORMS.get(word, "").split()) if word[:1].isalpha() else {word, SPELLED_OUT.get(word, word)}
            seen = visible(forms)
            if seen and (best is None or _score(seen) < _score(best)):
                best = seen
        if best is None:
            return None
        out |= best
    return frozenset(out)


def sentence_words(text: str) -> set[str]:
    """The words the gate sees, including the pieces spaCy's tokenizer splits contractions into."""
    words = set(_WORD.findall(text.lower().replace("\u2019", "'")))
    return _with_pieces(words, text)


def _with_pieces(words: set[str], text: str) -> set[str]:
    """`words` (found in `text`) with their contraction pieces, and `text`'s marks and symbols."""
    extra = set()
    for w in words:
        pieces = _PIECES.get(w)
        if pieces is None:
            pieces = _PIECES[w] = _pieces(w)
        if pieces:
            extra.update(pieces)
    extra.update(PUNCT.intersection(text))
    extra.update(_SYMBOL.findall(text))
    return words | extra


def _pieces(w: str) -> tuple[str, ...]:
    out: list[str] = []
    if "'" in w:
        head, tail = w.split("'", 1)
        out += [head, "'" + tail]
        if w.endswith("n't"):
            out += [w[:-3], "n't"]  # spaCy's token for the negation: "don't" -> "do" + "n't"
    out += SPLITS.get(w, ())
    return tuple(out)


_PIECES: dict[str, tuple[str, ...]] = {}  # word -> its pieces, filled as words are met


# Exactly the characters Python's `\s` matches in a str (RE2's `\s` is ASCII only); the test
# compares it with Python's over every code point.
_WS = r"[\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
_WILD = r"[\s\S]*"  # anything (RE2 needs no laziness: it never backtracks)
# pieces spaCy cuts from inside a word: gon|na, do|n't, do|nt, i|m, you|re
_MIDWORD = frozenset({"na", "ta", "n't"} | {p for pieces in SPLITS.values() for p in pieces[1:]})


def _escape(w: str) -> str:
    return "".join(c if c.isalnum() else "\\" + c if c.isascii() else c for c in w)


def _literal_regex(words: set[str]) -> str:
    r"""Any of the literal token texts `words`, as they appear in the lowered sentence; a literal
    that starts a token in spaCy starts a word here (`\b`, once for all of them), a piece cut from
    inside a word (ca|n't) may start anywhere; no right edge (a token may go on: ca|n't)."""
    starts, mids = [], []
    for w in sorted({_normal(w).replace("_", "#") for w in words}, key=lambda w: (-len(w), w)):
        first = _WORD.match(w)
        inside = w in _MIDWORD or (first is not None and first.group() in _MIDWORD and first.end() < len(w))
        (starts if w[:1].isalnum() and not inside else mids).append(_escape(w))
    alts = ([r"\b(?:" + "|".join(starts) + ")"] if starts else []) + mids
    return "(?:" + "|".join(alts) + ")"


class GateRegex:
    """An order regex, compiled with RE2. `search(low)` takes the lower-cased sentence (with
    curly apostrophes straightened) and says whether the regex matches somewhere in it."""

    __slots__ = ("source", "_rx")
    _OPTIONS: dict = {}

    @staticmethod
    def _options(size: int):
        """RE2 options for a source of `size` characters. Beyond its memory budget RE2 runs its (still
        linear, slower) NFA instead of a DFA; a long alternation of phrases (a few thousand
        characters) needs more than the default 2 MB to find where a match starts. RE2 must not
        log that fallback: it would write to the user's stderr."""
        budget = 2 << 20 if size < 2000 else 8 << 20
        opts = GateRegex._OPTIONS.get(budget)
        if opts is None:
            opts = GateRegex._OPTIONS[budget] = re2.Options()
            opts.never_capture = True
            opts.log_errors = False
            opts.max_mem = budget
        return opts

    def __init__(self, source: str) -> None:
        self.source = source
        self._rx = re2._re2.RE2(source.encode("utf-8"), GateRegex._options(len(source)))
        if not self._rx.ok():  # pragma: no cover - the sources are built here
            raise ValueError(f"gate regex {source!r}: {self._rx.error()}")

    def search(self, low: str) -> bool:
        data = gate_bytes(low)
        return data is None or self.search_bytes(data)

    def search_bytes(self, data: bytes) -> bool:
        return self._rx.Match(re2._Anchor.UNANCHORED, data, 0, len(data))[0][0] >= 0


def gate_bytes(low: str) -> bytes | None:
    """The lowered sentence as the order regexes read it ("_" as "#"), or None when it cannot
    be encoded (a lone surrogate): then no order regex rejects it."""
    try:
        return low.replace("_", "#").encode("utf-8")
    except UnicodeEncodeError:
        return None


def matcher_tokens(tokens) -> list[dict]:
    """A token pattern as the matcher runs it (engine/compile.py) and the gate reads it: a
    contraction's second half also takes the word spelled out, and an intensifier may follow an
    auxiliary ("I'm literally done talking to you")."""
    out: list[dict] = []
    for k, tok in enumerate(tokens):
        out.append(_spelled_out(tok))
        if k + 1 < len(tokens) and _takes_intensifier(tok, tokens[k + 1]):
            out.append(_INTENSIFIER)
    return out


def _spelled_out(tok: dict) -> dict:
    """A token written as a contraction's second half also matches the word spelled out ("you 're"
    / "you are", "do n't" / "do not"): careful writers type contractions in full (context.SPELLED_OUT)."""
    out = tok
    for key in ("LOWER", "ORTH", "NORM"):
        value = tok.get(key)
        words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None
        if not words:
            continue
        extra = [SPELLED_OUT[w] for w in words if w in SPELLED_OUT and SPELLED_OUT[w] not in words]
        if extra:
            out = {**out, key: {"IN": [*words, *dict.fromkeys(extra)]}}
    return out


# an intensifier between an auxiliary and what follows it does not change what the pattern means
_AUX_FORMS = frozenset({"'m", "am", "'re", "are", "'ll", "will", "m", "re", "ll"})
_INTENSIFIER = {"LOWER": {"IN": list(INTENSIFIERS)}, "OP": "?"}


def _takes_intensifier(tok: dict, nxt: dict) -> bool:
    if tok.get("OP") not in (None, "?") or nxt.get("OP"):
        return False
    value = tok.get("LOWER", tok.get("ORTH"))
    words = {value} if isinstance(value, str) else set(value.get("IN", ())) if isinstance(value, dict) else set()
    return bool(words & _AUX_FORMS)


def rule_words(rules) -> frozenset[str]:
    """Every word a rule's patterns or exceptions name (phrases, and the LOWER / ORTH / TEXT values
    of token and dependency patterns), lower-cased."""
    out: set[str] = set()
    for rule in rules:
        for pattern in (*rule.patterns, *rule.exceptions):
            if pattern.kind == "phrases":
                out.update(w for p in pattern.value for w in _WORD.findall(p.lower()))
                continue
            for node in pattern.value:
                attrs = node.get("RIGHT_ATTRS", node) if pattern.kind == "dependency" else node
                for key in ("LOWER", "ORTH", "TEXT"):
                    if key in attrs:
                        out.update(_words(attrs[key]) or ())
    return frozenset(out)


def token_regex(pattern: Pattern) -> GateRegex | None:
    src = token_regex_source(pattern)
    return None if src is None else GateRegex(src)


@functools.lru_cache(maxsize=None)
def _literal_word(w: str) -> str:
    """_literal_regex of one word, memoised: the phrase lists repeat their words thousands of times."""
    return _literal_regex({w})


def _phrases_regex(pattern: Pattern) -> str:
    alts = []
    for phrase in (v for p in pattern.value for v in phrase_variants(p, intensified=False)):
        low = phrase.lower().replace("\u2019", "'")
        opening = _SUBJECT_AUX.match(low)
        words = _WORD.findall(low)
        rx = r"\W*".join(_literal_word(w) for w in words)
        if opening:  # the intensified variants, as one optional word after the opening
            k = len(_WORD.findall(low[:opening.end()]))
            head = r"\W*".join(_literal_word(w) for w in words[:k])
            tail = r"\W*".join(_literal_word(w) for w in words[k:])
            rx = head + _INTENSIFIER_RX + r"\W*" + tail
        alts.append(rx)
    return "(?:" + "|".join(alts) + ")"


_OP_FORM = {"?": "(?:{u})?", "+": "{u}(?:{u})*", "*": "(?:{u})*"}


def _token_part(tok: dict) -> tuple[str, str]:
    """(kind, regex) of one token: "req" a required literal, "opt" an optional one, "wild" anything."""
    op = tok.get("OP")
    words = _token_triggers({k: v for k, v in tok.items() if k != "OP"})
    if not words or visible(words) is None or op == "!" or (op and op not in _OP_FORM):
        return ("wild", "")
    unit = _literal_regex(words) + _WS + "*"
    kind = "opt" if op in ("?", "*") else "req"
    return (kind, _OP_FORM[op].format(u=unit) if op else unit)


def _join_parts(parts: list[tuple[str, str]]) -> str | None:
    # Leading and trailing optional or wildcard tokens cannot make a match impossible: leave them
    # out, so the regex starts on a required literal and fails fast everywhere else.
    while parts and parts[0][0] != "req":
        parts.pop(0)
    while parts and parts[-1][0] != "req":
        parts.pop()
    if not parts:
        return None
    out: list[str] = []
    for kind, rx in parts:
        if kind == "wild":
            if out and out[-1] == _WILD:
                continue
            rx = _WILD
        out.append(rx)
    return "".join(out)


def token_regex_source(pattern: Pattern) -> str | None:
    """A regex that finds, in lower-cased text, every place a token pattern could match: its
    literal tokens in order, optional ones optional, anything else a lazy wildcard. A superset of
    the Matcher's matches by construction; phrases become their words in order. None: no filter."""
    if pattern.kind == "dependency":
        return None  # the parse decides word order; the word sets are the filter
    if pattern.kind == "phrases":
        return _phrases_regex(pattern)
    return _join_parts([_token_part(tok) for tok in matcher_tokens(pattern.value)])


_UNDERIVED = object()  # a pattern whose order regex has not been derived yet


class Gate:
    """Admits a sentence when some pattern could match it: each of the pattern's required word
    sets is hit (an index lookup), and, for token and phrase patterns, its literal tokens appear
    in order (a regex derived from the pattern)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.open = False  # True: some pattern has no literal word, so every sentence is parsed
        self.ungated: list[str] = []
        index: dict[str, list[tuple]] = {}
        patterns: list = []  # the gated patterns; entries name them by position
        for ri, rule in enumerate(rules):
            context = context_requirement(rule)
            for pattern in rule.patterns:
                reqs = pattern_requirements(pattern)
                if reqs is None:
                    self.open = True
                    self.ungated.append(rule.id)
                    continue
                pi = len(patterns)  # its order regex is derived on first use: most never are
                patterns.append(pattern)
                if context is not None:
                    reqs = [(*req, context) for req in reqs]
                for req in reqs:
                    key = min(req, key=_score)
                    rest = tuple(r for r in req if r is not key)
                    entry = (rest, pi, ri)
                    for w in key:
                        index.setdefault(w, []).append(entry)
        self.index = index
        self.triggers = frozenset(index)
        self._patterns = patterns
        self._sources: list = [_UNDERIVED] * len(patterns)  # pattern position -> regex source
        self._compiled: dict[str, GateRegex] = {}

    def admits(self, text: str) -> bool:
        return bool(self.select(text)) if not self.open else True

    def select_spans(self, text: str, spans: list[tuple[int, int]]) -> list[set[int] | None]:
        """select(text[a:b]) for each of the sentence spans of one block, cut at whitespace, with
        the block lowered and its words found once."""
        if self.open:
            return [None] * len(spans)
        low = text.lower()
        if len(low) != len(text):  # a character whose lower case is longer: offsets would shift
            return [self.select(text[a:b]) for a, b in spans]
        found = [(m.start(), m.group()) for m in _WORD.finditer(low.replace("\u2019", "'"))]
        starts = [pos for pos, _ in found]
        out: list[set[int] | None] = []
        for a, b in spans:
            lo, hi = bisect_left(starts, a), bisect_left(starts, b)
            piece = text[a:b]
            words = _with_pieces({w for _, w in found[lo:hi]}, piece)
            out.append(set() if self.triggers.isdisjoint(words) else self._select(piece, words))
        return out

    def select(self, text: str) -> set[int] | None:
        """The indices of the rules that could match `text` (None: all of them, gate open)."""
        if self.open:
            return None
        return self._select(text, sentence_words(text))

    def _select(self, text: str, words: set[str]) -> set[int]:
        index = self.index
        sources = self._sources
        data = False  # the sentence as the order regexes read it, made on first need
        found: set[int] = set()
        for w in self.triggers.intersection(words):
            for rest, pi, ri in index[w]:
                if ri in found or not all(not words.isdisjoint(r) for r in rest):
                    continue
                rx = sources[pi]
                if rx is _UNDERIVED:
                    rx = self.source(pi)
                if rx is not None:
                    if data is False:
                        data = gate_bytes(text.lower().replace("\u2019", "'"))
                    if data is not None and not self.regex(rx).search_bytes(data):
                        continue
                found.add(ri)
        return found

    def source(self, pi: int) -> str | None:
        """The order regex source of the gated pattern at position `pi` (None: no order to
        check), derived on first use: building them all up front cost a third of start-up."""
        src = self._sources[pi]
        if src is _UNDERIVED:
            src = self._sources[pi] = token_regex_source(self._patterns[pi])
        return src

    def regex(self, source: str) -> GateRegex:
        """The compiled order regex of `source` (compiled on first use: most never are)."""
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = self._compiled[source] = GateRegex(source)
        return compiled


_GATES: list[tuple[tuple, Gate]] = []  # (the rules' pattern tuples, their gate); a few, in memory


def gate_for(rules) -> Gate:
    """The gate of these rules, built once per process for the same patterns (a gate depends on
    the patterns only, not on severities)."""
    key = tuple(r.patterns for r in rules)
    for k, gate in _GATES:
        if len(k) == len(key) and all(a is b for a, b in zip(k, key)):
            return gate
    gate = Gate(list(rules))
    _GATES.append((key, gate))
    del _GATES[:-4]
    return gate
