"""context.news_about: "require" keeps a match only when its sentence (the parse unit, which spaCy
may cut into clauses it calls sentences) says something about another person: a clause whose
subject is a third person ("Priya is leaving", "he's dropping out", "Ben's parents are splitting
up"). A secrecy request around it then passes that person's news on. Clauses that only name the
source of the news ("she told me", "he asked me not to say") do not count, nor do clauses about
the writer or the reader."""
from __future__ import annotations

from . import choice
from ..target import PERSON_NOUNS

KEY = "news_about"
VALUES = ("allow", "require")
DEFAULT = "allow"
NOOP = "allow"
ORDER = 75
parse = choice(KEY, VALUES)

THIRD_PERSONS = frozenset({"he", "she", "they"})
# people whose news it would be, beyond the generic person nouns of engine/target.py
RELATIONS = frozenset("""
mom mum mother dad father parent parents brother brothers sister sisters wife husband partner
boyfriend girlfriend fiance fiancee ex son daughter cousin aunt uncle grandma grandpa nephew niece
friend friends neighbour neighbor neighbours neighbors roommate roommates flatmate housemate
coworker coworkers co-worker colleague lead cto ceo cfo coo vp director founder founders head chair
teacher student students intern interns landlord tenant doctor nurse
""".split())
# verbs that name where the news came from, not the news itself
SOURCE_VERBS = frozenset("""
tell ask say mention confide promise swear beg want share text message email whisper let make
""".split())
# named things that are not people
NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "PRODUCT", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL",
                        "PERCENT", "QUANTITY", "EVENT", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE", "NORP"})


def keep(m, value) -> bool:
    return _about_other(m.doc)


def _about_other(unit) -> bool:
    for tok in unit:
        if tok.dep_ in ("nsubj", "nsubjpass") and _other_person(tok) and tok.head.lemma_.lower() not in SOURCE_VERBS:
            return True
        if _contracted_subject(tok) and _other_person(tok):
            return True
    return False


def _contracted_subject(tok) -> bool:
    """"Ana's pregnant", "Dev's in rehab": the parser may read the "'s" of "is" as a possessive and
    hang the name on what follows; a possessive on anything but a noun is such a subject."""
    return tok.dep_ == "poss" and tok.head.pos_ in ("ADJ", "ADP", "ADV", "VERB") and any(
        c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in tok.children)


def _other_person(tok) -> bool:
    low = tok.lower_
    if low in THIRD_PERSONS:
        return True
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in NOT_PEOPLE and not tok.text.startswith("@")
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in RELATIONS or low in RELATIONS or lemma in PERSON_NOUNS)
