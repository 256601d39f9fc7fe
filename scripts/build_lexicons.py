#!/usr/bin/env python3
"""Rebuild rules/lexicons/contempt.toml: the insult and contempt lexicon, from data we may ship.

Sources (both licences let the wheel carry what is derived from them):
- Civil Comments toxic spans (CC0 1.0), ../shared/data/toxicspans: for every word, how often
  raters marked it inside an Insult, Profane/Obscene, Identity or Other span, per rater who saw
  it ("marked rate"), and in how many posts.
- The npm package `cuss` 2.2.0 (MIT, Titus Wormer): English profane words with a sureness
  rating 0-2. Only rating 2 ("surely profane") is used. Its licence travels in
  rules/lexicons/LICENSE-cuss.

How words are chosen (the thresholds are constants below; the review lists are in this file with
their reasons):
1. Toxic spans: a word marked by raters in at least MIN_HITS rater-posts, with a marked rate of at
   least STRONG_RATE (strong) or MEDIUM_RATE (medium).
2. cuss: single words rated 2 that never occur in ordinary prose (the benchmark docs corpus and
   the Stanford politeness requests in ../shared), so "beanbag" or "booty" are not taken, and
   that are either a compound of a swear word ("asshat", "dickhead") or were marked by toxic-span
   raters at least twice (slurs with evidence of use).
3. Dropped after review: identity terms (a group's name is not an insult), body and medical
   words, violence verbs (the threat rules own them), and words with a common technical or
   neutral sense (NOT_CONTEMPT below).
4. A word that names someone (it follows "a", "the" or "you" in at least two marked posts, or it
   is a cuss compound ending in a person suffix or "-er") also enters in its plural, marked as
   such ("bastards", "motherfuckers").
5. Words are grouped by strength, not by part of speech: the rules read the part of speech and
   the target from the parse of each sentence. Nouns for stuff ("garbage", THING_NOUNS) and swear
   words (SWEAR_STEMS) have lists of their own.

    python scripts/build_lexicons.py [--shared ../shared] [--cuss PATH-to-cuss-package] [--check]

--check exits 1 when the file on disk differs from what the sources give (a test runs it).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "lexicons" / "contempt.toml"
LICENSE_OUT = ROOT / "rules" / "lexicons" / "LICENSE-cuss"
CUSS_VERSION = "2.2.0"

MIN_HITS = 8
STRONG_RATE = 0.40
MEDIUM_RATE = 0.25
WORD = re.compile(r"[A-Za-z][A-Za-z'*$@0-9]*")

# Reviewed out, with the reason. A word here never enters the lexicon whatever its statistics.
NOT_CONTEMPT = {
    # identity terms: a group's name is never an insult by itself
    "muslims", "muslim", "mexicans", "mexican", "homosexuals", "homosexual", "evangelicals", "christians",
    "gays", "gay", "lesbians", "blacks", "whites", "jews", "arabs", "immigrants", "liberals", "conservatives",
    "republicans", "democrats", "women", "men", "trans", "negro", "catholics", "islam", "feminists",
    # body, sex and medical words: vulgar in some posts, anatomy or medicine in most text
    "penis", "vagina", "anal", "anus", "urine", "clitoris", "masturbation", "balls", "breasts", "sex",
    "sexual", "genitals", "testicles", "butt", "poo", "excrement", "vomit", "cock", "boobs", "nude",
    # violence: the threat rules own these, with their own targeting
    "kill", "kills", "killed", "killing", "shoot", "shot", "punch", "castrate", "rape", "rapes", "raped",
    "murder", "hang", "lynch", "die", "dead", "beat", "kicked", "kick", "slap", "burn", "shooting",
    # a common technical or neutral sense ("a dummy variable", "a primitive type", "dirty pages",
    # "the spawn call", "a master/slave bus", "gross margin", "a marginal gain", "chemical")
    "dummy", "primitive", "dirty", "gross", "spawn", "slave", "slaves", "master", "marginal", "chemical",
    "sock", "coke", "nuts", "nut", "licking", "puppy", "blind", "deaf", "dumbing", "dumbed", "ing", "cks",
    "ck", "sh", "f'n", "fu", "gyp", "bugger", "mouthed", "spit", "plastic", "sick", "weird", "crazy",
    "insane", "hell", "damned", "darn", "darned", "frickin", "fricking", "freakin", "friggin", "dammit",
    "damn", "damnit", "god", "jesus", "christ", "lord", "holy", "bloody",
    # biology: "the parasite lives in the gut" (the weak labels keep "you parasite")
    "parasite", "parasites", "parasitic",
    # words about acts or ideas rather than people, too broad to carry a judgment on their own
    "ridicule", "hypocrisy", "stupidity", "idiocy", "ignorance", "foolishness", "ridiculousness",
    "mediocrity", "terrorists", "terrorist", "predator", "thief", "thieves", "murderer", "rapist",
    "abuser", "sympathizer", "warmongers", "racist", "racists", "sexist", "misogynist", "misogynists",
    "xenophobe", "xenophobes", "xenophobic", "homophobic", "fascist", "fascists", "traitor", "traitors",
    "traitorous", "bullies", "bully", "crook", "crooks", "scammer", "demagogue", "ignorants", "stupids",
    # the words "it", "you" or a post-specific coinage
    "youcan'tfixstupid", "stupidgit", "niger", "nigers", "trumptard", "spaghetti",
    # ordinary words that cuss rates profane, or data senses ("a corrupt file", "deficient input")
    "niggle", "niggled", "niggles", "niggling", "nigglings", "niggard", "niggarded", "niggarding",
    "niggardliness", "niggardlinesss", "niggards", "corrupt", "deficient", "bald", "drunken", "malignant",
    "miserable", "killer", "killers", "murderers", "mafia", "cking", "pussycat", "perverted", "slobbering",
    "welfare", "cocky", "cockfight", "shitlist", "fuckbook", "shithappens", "shithapens", "hiscock",
    "gypsies", "transvestite", "negroes", "hobo", "hooker", "hookers", "hillbilly", "poop", "puke", "spunk",
    "sexed", "pansies", "dope", "dumpster",
}
# Animal names insult only when a person is called one ("you pig"); a pig on a farm, Apache Pig,
# "monkey-patching" and "rats!" are not. They are left out here: the hand-written weak_labels list
# in aggressive.toml carries them, for rules that need a person called one.
# Words whose sense for a thing is technical and neutral ("a useless assignment" is dead code)
# but an insult for a person ("you're useless"): rules use them only with a person as the target.
PEOPLE_ONLY = {"useless"}
ANIMALS = {"pig", "pigs", "rat", "rats", "donkey", "donkeys", "swine", "monkey", "monkeys", "slug", "weasel", "sheep"}
# Profane words whose use as a swear word (not at anybody) is common; they are kept in their own
# list so that rules can ask for a target ("fuck you", "your shitty code") before flagging.
SWEAR_STEMS = ("fuck", "shit", "crap", "piss", "bullshit", "ass", "arse", "bitch", "bastard", "damn", "dick", "cunt", "cock", "wank", "bollock", "turd", "douche")
# Masked forms people type ("f**k", "sh*t", "b***h"), most likely first.
MASKED = [
    "fuck", "fucking", "fucked", "fucker", "fuckers", "fucks", "shit", "shitty", "bitch", "bitches",
    "bitchy", "asshole", "assholes", "ass", "bastard", "damn", "dick", "cunt", "crap", "piss", "pissed",
    "motherfucker", "bullshit", "goddamn", "hell", "whore", "slut", "pussy", "cock", "wanker", "retard",
    "retarded", "idiot", "stupid", "moron",
]
# A compound with one of these names a person ("dickhead", "asshat", "fuckwit"): an insult, not a swear.
PERSON_SUFFIXES = ("hole", "holes", "head", "heads", "wad", "wit", "bag", "bags", "face", "hat", "clown", "wipe", "tard", "brain")
COMPOUND_STEMS = ("fuck", "shit", "cunt", "dick", "cock", "bitch", "piss", "asshole", "assh", "arse", "wank", "twat")
# Nouns of contempt for stuff, not names for a person ("this is garbage", not "you garbage").
THING_NOUNS = {"garbage", "trash", "rubbish", "crap", "bullshit", "horseshit", "nonsense", "junk", "filth",
               "drivel", "wtf", "crapola", "jackshit", "bullcrap", "shite", "krap"}


def find_cuss(path: str | None) -> dict[str, int]:
    """The cuss word ratings, from a package folder, a tarball, or `npm pack` into a temp dir."""
    if path is None:
        tmp = tempfile.mkdtemp()
        try:
            subprocess.run(["npm", "pack", f"cuss@{CUSS_VERSION}", "--silent"], cwd=tmp, check=True,
                           capture_output=True, timeout=120)
        except (OSError, subprocess.SubprocessError) as err:
            sys.exit(f"error: cannot fetch cuss@{CUSS_VERSION} with npm ({err}); pass --cuss PATH")
        path = str(next(Path(tmp).glob("cuss-*.tgz")))
    p = Path(path)
    if p.is_file():
        with tarfile.open(p) as tf:
            src = tf.extractfile("package/index.js").read().decode()
            lic = tf.extractfile("package/license").read().decode()
    else:
        src = (p / "index.js").read_text()
        lic = (p / "license").read_text()
    ratings = {k: int(v) for k, v in re.findall(r"^\s*'?([^':\n]+?)'?:\s*(\d)\s*,?\s*$", src, re.M)}
    if len(ratings) < 1000:
        sys.exit(f"error: {path} does not look like the cuss package (only {len(ratings)} entries)")
    find_cuss.license = lic
    return ratings


def toxic_span_stats(folder: Path):
    csv.field_size_limit(10**8)
    with open(folder / "comments.csv", newline="", encoding="utf-8") as fh:
        text = {r["comment_id"]: r["comment_text"] for r in csv.DictReader(fh)}
    raters: Counter = Counter()
    ann = {}
    with open(folder / "annotations.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            ann[r["annotation"]] = r["comment_id"]
            raters[r["comment_id"]] += 1
    spans = defaultdict(list)
    with open(folder / "spans.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cid = ann.get(r["annotation"])
            if cid is not None and r["start"]:
                spans[cid].append((int(r["start"]), int(r["end"]), r["type"], r["annotation"]))
    occ: Counter = Counter()
    hits: Counter = Counter()
    posts: Counter = Counter()
    types = defaultdict(Counter)
    contexts = defaultdict(list)
    for cid, t in text.items():
        n = raters[cid]
        seen = set()
        for m in WORD.finditer(t):
            w = m.group().lower().rstrip("'")
            occ[w] += n
            marked = {a for s, e, ty, a in spans.get(cid, ()) if s < m.end() and m.start() < e}
            for s, e, ty, a in spans.get(cid, ()):
                if a in marked and s < m.end() and m.start() < e:
                    types[w][ty] += 1
            hits[w] += len(marked)
            if marked and w not in seen:
                posts[w] += 1
                seen.add(w)
                if len(contexts[w]) < 40:
                    contexts[w].append((t, m.start(), m.end()))
    return occ, hits, posts, types, contexts


# Mass nouns with no plural in use ("scum", "swine").
MASS_NOUNS = {"scum", "swine", "filth", "sheep", "riffraff", "trash", "garbage", "rubbish"}
# Words that may follow a name for someone at the end of its phrase: "a moron who ...", "you idiot and ...".
PHRASE_ENDS = {"who", "that", "is", "are", "was", "were", "and", "or", "like", "in", "on", "at", "of", "for", "to", "with", "if", "but", "you", "he", "she", "they"}
# Words before a noun that names someone: "a moron", "you bastard", "such a creep".
NOUN_CUES = {"a", "an", "the", "you", "such", "this", "that", "some", "total", "complete", "absolute", "utter", "little", "your", "his", "her", "their", "my"}


def _plural(w: str) -> str:
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return w + "es"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def _names_someone(w: str, contexts, why: str) -> bool:
    """Is `w` a noun for a person, whose plural people also write ("you bastards", "those
    dickheads")? From the toxic-span posts: it follows an article or "you" in at least two of them;
    for a cuss compound, it ends in a person suffix ("-head", "-wad") or "-er" ("motherfucker")."""
    if w.endswith(("s", "ing", "ed", "ish", "ic", "ous", "ive", "est", "ly", "y", "al", "ant")) or w in THING_NOUNS | MASS_NOUNS | ANIMALS:
        return False
    if w.endswith("er") and w[:-2] in contexts:
        return False  # a comparative: "dumber"
    if w.startswith(SWEAR_STEMS) and not w.endswith(PERSON_SUFFIXES) and not w.endswith("er"):
        return False  # "crap", "bullshit": a swear, not a name
    cues = before_noun = 0
    for text, start, end in contexts.get(w, ()):
        before = WORD.findall(text[max(0, start - 30):start])
        after = text[end:end + 12].lstrip()
        ends_phrase = not after or not after[0].isalpha() or after.split()[0].lower() in PHRASE_ENDS
        cued = bool(before) and before[-1].lower() in NOUN_CUES
        cues += cued and ends_phrase
        before_noun += cued and not ends_phrase  # "a daft idea": an adjective
    if cues >= 2 and cues > before_noun:
        return True
    return why.startswith("cuss") and (w.endswith(PERSON_SUFFIXES) or (w.endswith("er") and w[:-2] not in contexts))


def clean_prose_words(shared: Path) -> Counter:
    """Word counts in ordinary prose: the benchmark docs and the politeness requests."""
    words: Counter = Counter()
    for p in sorted((shared / "bench" / "corpus").rglob("*.md")) + [shared / "bench" / "corpus" / "large.txt"]:
        if p.is_file():
            words.update(w.lower() for w in WORD.findall(p.read_text(encoding="utf-8", errors="replace")))
    for name in ("wikipedia.annotated.csv", "stack-exchange.annotated.csv"):
        p = shared / "data" / "politeness" / name
        if p.is_file():
            with open(p, newline="", encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    words.update(w.lower() for w in WORD.findall(r["Request"]))
    return words


def build(shared: Path, cuss_path: str | None) -> tuple[str, str]:
    ts = shared / "data" / "toxicspans"
    for f in ("comments.csv", "annotations.csv", "spans.csv"):
        if not (ts / f).is_file():
            sys.exit(f"error: {ts / f} not found (../shared ships with the team's checkouts, not user clones)")
    occ, hits, posts, types, contexts = toxic_span_stats(ts)
    cuss = find_cuss(cuss_path)
    prose = clean_prose_words(shared)

    stats = {}
    for w in hits:
        if hits[w] < MIN_HITS or w in NOT_CONTEMPT or not w.isalpha():
            continue
        rate = hits[w] / occ[w]
        if rate >= MEDIUM_RATE:
            stats[w] = ("strong" if rate >= STRONG_RATE else "medium", f"toxic spans {rate:.2f} of {occ[w]} rater-reads, {posts[w]} posts")
    for w, r in cuss.items():
        if r != 2 or not w.isalpha() or w in stats or w in NOT_CONTEMPT or prose[w] or len(w) < 4:
            continue
        if any(stem in w for stem in COMPOUND_STEMS):
            stats[w] = ("strong", "cuss 2, a compound of a swear word")
        elif hits[w] >= 2:
            stats[w] = ("strong", f"cuss 2, marked {hits[w]} times in toxic spans")

    for w, (tier, why) in list(stats.items()):
        plural = _plural(w)
        if plural not in stats and plural not in NOT_CONTEMPT and _names_someone(w, contexts, why):
            stats[plural] = (tier, f"plural of {w}")

    groups = defaultdict(list)
    for w, (tier, why) in sorted(stats.items()):
        if w.startswith(SWEAR_STEMS) and not any(w.endswith(s) for s in PERSON_SUFFIXES):
            key = "swear_words"
        elif w in THING_NOUNS:
            key = "contempt_things"
        elif w in PEOPLE_ONLY:
            key = "contempt_of_people"
        elif w in ANIMALS:
            continue  # the hand-written weak_labels carry them, with the person they must be said of
        else:
            key = f"contempt_{tier}"
        groups[key].append((w, why))

    lines = [
        "# GENERATED by scripts/build_lexicons.py: do not edit by hand; change the script and rerun it.",
        "#",
        "# Insult and contempt words, derived from data whose licence lets the wheel carry them:",
        "# - Civil Comments toxic spans (CC0 1.0; github.com/ipavlopoulos/toxic_spans @ beaf170): words",
        f"#   raters marked in insult/profane/identity/other spans in >= {MIN_HITS} rater-posts, strong at a",
        f"#   marked rate >= {STRONG_RATE}, medium at >= {MEDIUM_RATE} (the rate is printed beside each word);",
        f"# - the npm package cuss {CUSS_VERSION} (MIT, (c) 2016 Titus Wormer, licence in LICENSE-cuss): words",
        "#   rated 2 (surely profane), never seen in ordinary prose, that are compounds of a swear word or",
        "#   were marked by toxic-span raters at least twice.",
        "# Identity terms, anatomy, violence verbs and words with a common technical sense are left out",
        "# (NOT_CONTEMPT in the script says which and why).",
        "",
    ]
    order = ["contempt_strong", "contempt_medium", "contempt_of_people", "contempt_things", "swear_words"]
    notes = {
        "contempt_strong": "Words of contempt (labels, adjectives, verbs) that judge whoever or whatever they are aimed at.",
        "contempt_medium": "Milder words of contempt, or with a neutral sense too: rules ask for a person or their work as the target.",
        "contempt_of_people": "Words of contempt for a person that describe a thing neutrally (\"a useless assignment\").",
        "contempt_things": "Contempt for a thing, an idea or a piece of work (not a name for a person).",
        "swear_words": "Profanity: an insult when aimed at someone, undirected swearing otherwise.",
    }
    for key in order:
        lines.append(f"# {notes[key]}")
        lines.append(f"{key} = [")
        for w, why in groups.get(key, []):
            lines.append(f'  "{w}",  # {why}')
        lines.append("]")
        lines.append("")
    lines.append("# Masked swear words are unmasked to the first of these that fits (\"f**k\" -> fuck).")
    lines.append("masked_words = [" + ", ".join(f'"{w}"' for w in MASKED) + "]")
    lines.append("")
    return "\n".join(lines), find_cuss.license


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cuss", help="the cuss package: a folder or the npm tarball (default: npm pack)")
    ap.add_argument("--check", action="store_true", help="exit 1 if rules/lexicons/contempt.toml is stale")
    args = ap.parse_args()
    text, lic = build(args.shared, args.cuss)
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: rerun scripts/build_lexicons.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    LICENSE_OUT.write_text(lic, encoding="utf-8")
    n = sum(1 for line in text.splitlines() if line.startswith('  "'))
    print(f"wrote {OUT} ({n} words) and {LICENSE_OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
