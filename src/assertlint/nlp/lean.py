"""Exact, cheaper stand-ins for two of the model's rule components.

spaCy's attribute_ruler runs a Matcher with every one of its patterns (179 in en_core_web_sm)
over every token, although almost all of them test one token's tag, lower-case form or
dependency label; and its rule lemmatizer tests candidate lemmas against lists of tens of
thousands of words (`form in list`), caching only some of its answers. Both cost as much as the
parser on the sentences assertlint parses.

`make_lean(nlp)` keeps the model's own components and tables and changes how they are applied:

- the attribute ruler's single-token patterns become a table keyed on the token attributes they
  test (text, lower-case form, tag, dependency label, part of speech, whether it is a space),
  filled on first sight of each key; the rest (multi-token patterns, other attributes or
  operators) still run through a Matcher that holds only them. Attributes are then set in the
  ruler's own order with spaCy's own `set_token_attrs`, so later patterns win exactly as before;
- the rule lemmatizer looks candidate forms up in sets, and caches every answer by the key
  spaCy's own cache uses (form, part of speech, morphology).

Anything either cannot prove it handles exactly is left to spaCy. tests/test_nlp.py checks that
tags, parts of speech, morphology, lemmas and dependencies are identical to the stock pipeline.
"""
from __future__ import annotations

import re

# Token attributes the table can read from a token, and how.
_READERS = {
    "ORTH": lambda t: t.orth_, "TEXT": lambda t: t.orth_, "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_, "POS": lambda t: t.pos_,
    "IS_SPACE": lambda t: t.is_space,
}
_KEY_ATTRS = ("ORTH", "LOWER", "TAG", "DEP", "POS", "IS_SPACE")  # TEXT reads as ORTH


def _value_test(attr: str, value):
    """(a function of the attribute's value, the values it accepts when they are a closed set or
    None) for one constraint; None when the table cannot handle it exactly (then the pattern stays
    with the Matcher)."""
    if attr == "IS_SPACE":
        return ((lambda v, want=value: v == want), (value,)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return (lambda v, want=value: v == want), (value,)
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        return _operator_test(op, arg)
    return None


def _operator_test(op: str, arg):
    strings = isinstance(arg, list) and all(isinstance(a, str) for a in arg)
    if op == "IN" and strings:
        return (lambda v, want=frozenset(arg): v in want), tuple(arg)
    if op == "NOT_IN" and strings:
        return (lambda v, want=frozenset(arg): v not in want), None
    if op == "REGEX" and isinstance(arg, str):
        return (lambda v, rx=re.compile(arg): rx.search(v) is not None), None
    return None


_SELECTIVE = ("LOWER", "ORTH", "DEP", "TAG", "POS", "IS_SPACE")  # the slot an entry is filed under, best first


def _token_test(spec: dict):
    """(predicate over a token key, (slot, accepted values) to file it under, or None) for one
    single-token pattern; None when the table cannot handle it."""
    tests, closed = [], {}
    for attr, value in spec.items():
        if attr not in _READERS:
            return None
        found = _value_test(attr, value)
        if found is None:
            return None
        test, values = found
        slot = _KEY_ATTRS.index("ORTH" if attr == "TEXT" else attr)
        tests.append((slot, test))
        if values is not None:
            closed.setdefault(_KEY_ATTRS[slot], (slot, values))
    filed = next((closed[a] for a in _SELECTIVE if a in closed), None)
    return (lambda key: all(test(key[slot]) for slot, test in tests)), filed


class TableAttributeRuler:
    """The model's AttributeRuler, applied through a table for its single-token patterns."""

    def __init__(self, ruler) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.name = getattr(ruler, "name", "attribute_ruler")
        self._rest = Matcher(ruler.vocab, validate=False)
        self._has_rest = False
        # (slot, value) -> [(entry index, predicate)]: the patterns a token can only match when its
        # attribute in that slot has that value; `_always`: patterns filed under no value
        self._filed: dict[tuple[int, object], list[tuple[int, object]]] = {}
        self._always: list[tuple[int, object]] = []
        for i, entry in enumerate(ruler.patterns):
            found = [_token_test(p[0]) if len(p) == 1 else None for p in entry["patterns"]]
            if entry["index"] not in (0, -1) or not found or any(f is None for f in found):
                self._rest.add(str(i), entry["patterns"])
                self._has_rest = True
                continue
            for test, filed in found:  # an entry with several patterns is filed once per pattern
                if filed is None:
                    self._always.append((i, test))
                else:
                    slot, values = filed
                    for v in dict.fromkeys(values):
                        self._filed.setdefault((slot, v), []).append((i, test))
        self._table: dict[tuple, tuple[int, ...]] = {}

    def _entries_for(self, key: tuple) -> tuple[int, ...]:
        found = self._table.get(key)
        if found is None:
            candidates = list(self._always)
            filed = self._filed
            for slot, value in enumerate(key):
                candidates.extend(filed.get((slot, value), ()))
            found = self._table[key] = tuple(sorted({i for i, test in candidates if test(key)}))
        return found

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        ruler = self.ruler
        todo: list[tuple[int, int]] = []  # (entry index, token index): the order the ruler applies them
        for t in doc:
            key = (t.orth_, t.lower_, t.tag_, t.dep_, t.pos_, t.is_space)
            todo.extend((i, t.i) for i in self._entries_for(key))
        if self._has_rest:
            strings = ruler.vocab.strings
            for m_id, s, e in self._rest(doc, allow_missing=True, as_spans=False):
                i = int(strings[m_id])
                todo.append((i, doc[s:e][ruler.indices[i]].i))
        todo.sort()
        for i, ti in todo:
            set_token_attrs(doc[ti], ruler.attrs[i])
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class LeanRuleLemmatizer:
    """spaCy's rule lemmatizer (English or base) with set lookups and a complete cache."""

    def __init__(self, lem) -> None:
        self.lem = lem
        self.name = getattr(lem, "name", "lemmatizer")
        tables = {name: lem.lookups.get_table(name, {}) for name in ("lemma_index", "lemma_exc", "lemma_rules")}
        self._index = {pos: frozenset(words) for pos, words in tables["lemma_index"].items()}
        self._exc = tables["lemma_exc"]
        self._rules = tables["lemma_rules"]
        self._cache: dict[tuple, str] = {}

    def _forms(self, token) -> list[str]:
        """spaCy's Lemmatizer.rule_lemmatize, with `form in index` on a set."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.lem.rule_lemmatize(token)  # spaCy's own answer (and its warning)
        if self.lem.is_base_form(token):
            return [string.lower()]
        from spacy.strings import get_string_id

        pos_id = get_string_id(univ_pos)
        index = self._index.get(pos_id, frozenset())
        exceptions = self._exc.get(univ_pos, {})
        rules = self._rules.get(univ_pos, {})
        if not (index or exceptions or rules):
            return [string] if univ_pos == "propn" else [string.lower()]
        return _rule_forms(string, index, exceptions, rules)

    def __call__(self, doc):
        overwrite = self.lem.overwrite
        cache = self._cache
        for token in doc:
            if overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = self._forms(token)[0]
                token.lemma_ = lemma
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def _rule_forms(orig: str, index, exceptions, rules) -> list[str]:
    """The candidate lemmas of `orig` by the suffix rules, as spaCy orders them."""
    string = orig.lower()
    forms: list[str] = []
    oov_forms: list[str] = []
    for old, new in rules:
        if string.endswith(old):
            form = string[: len(string) - len(old)] + new
            if not form:
                pass
            elif form in index:
                forms.insert(0, form)
            elif not form.isalpha():
                forms.append(form)
            else:
                oov_forms.append(form)
    forms = list(dict.fromkeys(forms))
    for form in exceptions.get(string, []):
        if form not in forms:
            forms.insert(0, form)
    return forms or oov_forms or [orig]


def _lemmatizer_is_stock(lem) -> bool:
    """True for spaCy's own rule lemmatizer (English or base), whose answers depend only on a
    token's form, part of speech and morphology."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    if getattr(lem, "mode", None) != "rule" or type(lem) not in (EnglishLemmatizer, Lemmatizer):
        return False
    if type(lem).rule_lemmatize is not Lemmatizer.rule_lemmatize:
        return False
    index = lem.lookups.get_table("lemma_index", {}) if "lemma_index" in lem.lookups.tables else {}
    return all(isinstance(v, (list, tuple, set, frozenset)) for v in index.values())


def make_lean(nlp):
    """Swap the attribute ruler and the rule lemmatizer for their exact, cheaper stand-ins (in
    place; the model's components and tables are kept and reused)."""
    from spacy.pipeline import AttributeRuler

    for i, (name, proc) in enumerate(nlp.pipeline):
        if type(proc) is AttributeRuler:
            nlp._components[i] = (name, TableAttributeRuler(proc))
        elif _lemmatizer_is_stock(proc):
            if not proc._validated:
                proc._validate_tables()
            nlp._components[i] = (name, LeanRuleLemmatizer(proc))
    return nlp
