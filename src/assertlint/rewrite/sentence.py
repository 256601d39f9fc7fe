"""Is what remains of a sentence still a sentence? A frame may be removed safely only when the
rest has a main clause: a subject and a finite verb ("the pump sounds wrong", "could you check
it?"), or an imperative at its start ("send the slides"). "If I'm being dumb here." (a clause
opened by a subordinator) and a bare noun phrase are fragments. A sentence that was a fragment
before the removal ("Just checking in on the contract.") may stay one."""
from __future__ import annotations

FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
AUXES = frozenset({"aux", "auxpass"})
SKIP_POS = frozenset({"PUNCT", "SPACE", "SYM", "X", "INTJ"})
WH_TAGS = frozenset({"WP", "WRB", "WDT", "WP$"})
# clauses the parser may hang below a word that is not a verb (a misparse of "Id rather we rent")
CLAUSE_DEPS = frozenset({"conj", "parataxis", "ccomp", "advcl"})


def _remaining(tokens, removed: list[tuple[int, int]]) -> list[int]:
    def gone(t) -> bool:
        return any(a <= t[0] and t[1] <= b for a, b in removed)

    return [i for i, t in enumerate(tokens) if not gone(t)]


def _kids(tokens, keep: set[int], i: int) -> list[int]:
    return [j for j in keep if j != i and tokens[j][5] == i]


def _finite(tokens, i: int, kids: list[int]) -> bool:
    return tokens[i][3] in FINITE or any(tokens[j][4] in AUXES and tokens[j][3] in FINITE for j in kids)


def is_clause(tokens, keep: set[int], i: int, first_word: int | None, question: bool = False) -> bool:
    """Does token i head a main clause among the kept tokens?"""
    kids = _kids(tokens, keep, i)
    if any(tokens[j][4] == "mark" for j in kids):
        return False  # "if I'm ...", "because ...": a subordinate clause
    if tokens[i][2] not in ("VERB", "AUX"):
        return False
    has_subject = any(tokens[j][4] in SUBJECTS for j in kids)
    finite = _finite(tokens, i, kids)
    if finite and (has_subject or question):
        return True  # a statement; a question ("is the office open?": the subject may parse as attr)
    return tokens[i][3] == "VB" and not has_subject and i == first_word  # an imperative


def _first_word(tokens, words: list[int]) -> int | None:
    return next((i for i in words if tokens[i][3] != "CC" and tokens[i][2] != "CCONJ"), None)


def sentence_left(tokens, removed: list[tuple[int, int]]) -> bool:
    """After removing the source ranges `removed`, do the sentence's other tokens form a sentence?
    Without token information (nothing to judge by) the answer is yes."""
    if not tokens:
        return True
    keep = _remaining(tokens, removed)
    words = [i for i in keep if tokens[i][2] not in SKIP_POS]
    if not words:
        return False
    kept = set(keep)
    first_word = _first_word(tokens, words)
    question = any(tokens[i][6] == "?" for i in keep)
    if question and first_word is not None and tokens[first_word][3] in WH_TAGS:
        return True  # "What if we moved it?", "How about Monday?"
    if not question and _lost_subject(tokens, kept):
        return False  # "I hope that all makes sense." -> "Makes sense.": a verb kept, its subject gone
    return any(is_clause(tokens, kept, i, first_word, question) for i in _heads(tokens, words, kept))


def _heads(tokens, words: list[int], kept: set[int]) -> list[int]:
    """Kept words that may head a clause: the tops of what is left, and clause-like dependents."""
    return [i for i in words if tokens[i][5] == i or tokens[i][5] not in kept or tokens[i][4] in CLAUSE_DEPS]


def _lost_subject(tokens, kept: set[int]) -> bool:
    """Does a kept verb have a removed subject and no kept one?"""
    for j, tok in enumerate(tokens):
        head = tok[5]
        if tok[4] in SUBJECTS and j not in kept and head in kept and tokens[head][2] in ("VERB", "AUX"):
            if not any(k in kept and tokens[k][5] == head and tokens[k][4] in SUBJECTS for k in range(len(tokens))):
                return True
    return False


def removal_is_safe(tokens, removed: list[tuple[int, int]]) -> bool:
    """A removal may leave a fragment only where the sentence was one already ("Just checking
    in." -> "Checking in."): it must not break a sentence that had a main clause."""
    return sentence_left(tokens, removed) or not sentence_left(tokens, [])


def _marks(tokens, keep: list[int]) -> list[str]:
    return [tokens[i][6] for i in keep if len(tokens[i]) > 6]


def removed_ranges(tokens, text: str, start: int, end: int, repl: str) -> list[tuple[int, int]] | None:
    """The source ranges of the tokens in [start, end) that `repl` drops, or None when `repl`
    brings words of its own (a rephrasing: its template vouches for it, not this check)."""
    cursor = 0
    removed: list[tuple[int, int]] = []
    for a, b, *_ in tokens:
        if not (start <= a and b <= end):
            continue
        word = text[a:b]
        k = repl.find(word, cursor)
        if k != -1 and not any(ch.isalnum() for ch in repl[cursor:k]):
            cursor = k + len(word)
        else:
            removed.append((a, b))
    if any(ch.isalnum() for ch in repl[cursor:]):
        return None
    return removed
