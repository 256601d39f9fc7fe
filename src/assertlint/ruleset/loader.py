"""Load rule files (TOML), validating every key; errors name the file, the rule and the key."""
from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

from ..errors import RuleError
from ..taxonomy import APPLICABILITIES, CATEGORIES, SEVERITIES, STYLE_OF
from .model import SLOT, Context, Example, Pattern, Rule, SuggestionTemplate

TOP_KEYS = {
    "id": True, "name": True, "category": True, "severity": True, "message": True, "why": True,
    "use_instead": True, "patterns": True, "exceptions": False, "context": False,
    "suggestions": True, "examples": True, "suppresses": False, "tags": False,
}
PATTERN_KEYS = ("phrases", "tokens", "dependency")
CONTEXT_VALUES = {
    "quoted": ("skip", "allow"),
    "negated": ("skip", "allow", "require"),
    "question": ("skip", "allow", "require"),
    "praise": ("skip", "allow"),
    "position": ("any", "sentence-start", "whole-sentence"),
}
PERSONS = ("first", "second", "third", "none")
SUGGESTION_KEYS = {"replacement", "description", "applicability", "mood", "target"}
EXAMPLE_KEYS = {"flag", "clean"}
ID_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9-]*$")
LEXICON_REF = re.compile(r"^\$([a-z][a-z0-9_]*)$")


def builtin_rules_dir() -> Path:
    """The rules shipped in the wheel (importlib.resources, never a walk up from __file__)."""
    return Path(str(resources.files("assertlint") / "rules"))


def load_lexicons(folder: Path) -> dict[str, list[str]]:
    lex: dict[str, list[str]] = {}
    lex_dir = folder / "lexicons"
    if lex_dir.is_dir():
        for path in sorted(lex_dir.glob("*.toml")):
            data = _read_toml(path)
            for key, words in data.items():
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise RuleError(str(path), f"lexicon {key!r} must be a list of strings")
                lex[key] = words
    return lex


def load_rules(folders: list[Path] | None = None, *, cache_dir: str | None = None) -> list[Rule]:
    """Load the built-in rules, then each extra folder's (a team's own rule packs).

    With `cache_dir`, the parsed rules are kept there as a pickle keyed by every rule file's
    path, size and modification time (and assertlint's version): a warm start skips the TOML.
    """
    dirs = [builtin_rules_dir()] + [Path(f) for f in (folders or [])]
    if cache_dir is None:
        return _load_rules(dirs)
    import hashlib
    import os
    import pickle

    from .. import __version__

    h = hashlib.sha256(__version__.encode())
    for d in dirs:
        if not d.is_dir():
            raise RuleError(str(d), "rule folder not found")
        for path in sorted(d.rglob("*.toml")):
            st = path.stat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    cached = os.path.join(cache_dir, f"rules-{h.hexdigest()[:24]}.pickle")
    try:
        with open(cached, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    rules = _load_rules(dirs)
    try:
        import tempfile

        from ..cache import ensure_cache_dir

        ensure_cache_dir(cache_dir)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(rules, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return rules


def _load_rules(dirs: list[Path]) -> list[Rule]:
    lexicons: dict[str, list[str]] = {}
    for d in dirs:
        if not d.is_dir():
            raise RuleError(str(d), "rule folder not found")
        lexicons.update(load_lexicons(d))
    rules: dict[str, Rule] = {}
    for d in dirs:
        for path in sorted(d.rglob("*.toml")):
            if "lexicons" in path.relative_to(d).parts:
                continue
            rule = parse_rule(_read_toml(path), str(path), lexicons)
            if rule.id in rules:
                raise RuleError(str(path), f"duplicate rule id (also in {rules[rule.id].source})", rule.id)
            rules[rule.id] = rule
    return sorted(rules.values(), key=lambda r: r.id)


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise RuleError(str(path), f"invalid TOML: {err}") from None
    except UnicodeDecodeError as err:
        raise RuleError(str(path), f"is not valid UTF-8 (byte offset {err.start})") from None
    except OSError as err:
        raise RuleError(str(path), f"cannot be read ({err.strerror})") from None


def parse_rule(data: dict, path: str, lexicons: dict[str, list[str]] | None = None) -> Rule:
    lexicons = lexicons or {}
    rid = data.get("id") if isinstance(data.get("id"), str) else None

    def fail(msg: str) -> RuleError:
        return RuleError(path, msg, rid)

    unknown = sorted(set(data) - set(TOP_KEYS))
    if unknown:
        raise fail(f"unknown key {unknown[0]!r}; allowed keys: {', '.join(TOP_KEYS)}")
    for key, required in TOP_KEYS.items():
        if required and key not in data:
            raise fail(f"missing required key {key!r}")
    for key in ("id", "name", "category", "severity", "message", "why", "use_instead"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise fail(f"{key!r} must be a non-empty string")
    if not ID_RE.match(data["id"]):
        raise fail("'id' must look like ABC123 (2-5 capital letters, 3 digits)")
    if not NAME_RE.match(data["name"]):
        raise fail("'name' must be lowercase words joined by hyphens")
    category = data["category"]
    if category not in CATEGORIES:
        raise fail(f"unknown category {category!r}; allowed: {', '.join(CATEGORIES)}")
    if data["severity"] not in SEVERITIES:
        raise fail(f"unknown severity {data['severity']!r}; allowed: {', '.join(SEVERITIES)}")

    patterns = _patterns(data["patterns"], "patterns", fail, lexicons)
    if not patterns:
        raise fail("'patterns' must hold at least one pattern")
    exceptions = _patterns(data.get("exceptions", []), "exceptions", fail, lexicons)
    context = _context(data.get("context", {}), fail, lexicons)
    suggestions = _suggestions(data["suggestions"], fail)
    examples = _examples(data["examples"], fail)
    suppresses = data.get("suppresses", [])
    if not isinstance(suppresses, list) or any(c not in CATEGORIES for c in suppresses):
        raise fail(f"'suppresses' must be a list of categories; allowed: {', '.join(CATEGORIES)}")
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise fail("'tags' must be a list of strings")
    return Rule(
        id=data["id"], name=data["name"], category=category, style=STYLE_OF[category],
        severity=data["severity"], message=data["message"].strip(), why=data["why"].strip(),
        use_instead=data["use_instead"].strip(), patterns=patterns, exceptions=exceptions,
        context=context, suggestions=suggestions, examples=examples,
        suppresses=tuple(suppresses), source=path, tags=tuple(tags),
    )


def _expand(value, fail, lexicons):
    """Replace "$name" strings inside IN / NOT_IN lists by the named lexicon's words."""
    if isinstance(value, dict):
        return {k: _expand(v, fail, lexicons) for k, v in value.items()}
    if isinstance(value, list):
        out: list = []
        for v in value:
            m = LEXICON_REF.match(v) if isinstance(v, str) else None
            if m:
                if m.group(1) not in lexicons:
                    raise fail(f"unknown lexicon ${m.group(1)}; known: {', '.join(sorted(lexicons)) or 'none'}")
                out.extend(lexicons[m.group(1)])
            else:
                out.append(_expand(v, fail, lexicons))
        return out
    if isinstance(value, str):
        m = LEXICON_REF.match(value)
        if m:
            if m.group(1) not in lexicons:
                raise fail(f"unknown lexicon ${m.group(1)}")
            return list(lexicons[m.group(1)])
    return value


def _patterns(items, where: str, fail, lexicons) -> tuple[Pattern, ...]:
    if not isinstance(items, list):
        raise fail(f"'{where}' must be a list of tables ([[{where}]])")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise fail(f"{where}[{i}] must be a table")
        keys = set(item)
        bad = keys - set(PATTERN_KEYS)
        if bad or len(keys) != 1:
            raise fail(f"{where}[{i}] must have exactly one of {', '.join(PATTERN_KEYS)}; got {', '.join(sorted(keys)) or 'none'}")
        kind = keys.pop()
        value = _expand(item[kind], fail, lexicons)
        if kind == "phrases":
            if not isinstance(value, list) or not value or not all(isinstance(p, str) and p.strip() for p in value):
                raise fail(f"{where}[{i}].phrases must be a non-empty list of strings")
            out.append(Pattern("phrases", tuple(value)))
        else:
            if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
                raise fail(f"{where}[{i}].{kind} must be a non-empty list of tables")
            _check_token_keys(value, f"{where}[{i}].{kind}", fail, kind == "dependency")
            out.append(Pattern(kind, tuple(value)))
    return tuple(out)


_TOKEN_ATTRS = {
    "ORTH", "TEXT", "LOWER", "LEMMA", "POS", "TAG", "MORPH", "DEP", "SHAPE", "ENT_TYPE", "NORM",
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
    "IS_STOP", "IS_SENT_START", "LIKE_NUM", "LENGTH", "OP", "REGEX",
}


def _check_token_keys(tokens: list, where: str, fail, dependency: bool) -> None:
    for j, tok in enumerate(tokens):
        attrs = tok.get("RIGHT_ATTRS", {}) if dependency else tok
        if dependency:
            extra = set(tok) - {"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"}
            if extra or "RIGHT_ID" not in tok or "RIGHT_ATTRS" not in tok:
                raise fail(f"{where}[{j}]: a dependency node has RIGHT_ID, RIGHT_ATTRS, and (after the first) LEFT_ID and REL_OP")
        bad = set(attrs) - _TOKEN_ATTRS
        if bad:
            raise fail(f"{where}[{j}]: unknown token attribute {sorted(bad)[0]!r}")


def _context(data, fail, lexicons=None) -> Context:
    if not isinstance(data, dict):
        raise fail("'context' must be a table")
    allowed = set(CONTEXT_VALUES) | {"subject", "sentence_has", "target", "focus"}
    bad = sorted(set(data) - allowed)
    if bad:
        raise fail(f"unknown context key {bad[0]!r}; allowed: {', '.join(sorted(allowed))}")
    kw = {}
    for key, values in CONTEXT_VALUES.items():
        if key in data:
            if data[key] not in values:
                raise fail(f"context.{key} must be one of {', '.join(values)}")
            kw[key] = data[key]
    if "subject" in data:
        subj = data["subject"]
        if isinstance(subj, str):
            subj = [subj]
        if not isinstance(subj, list) or any(s not in PERSONS for s in subj):
            raise fail(f"context.subject must list some of {', '.join(PERSONS)}")
        kw["subject"] = tuple(subj)
    if "sentence_has" in data:  # words ("$lexicon" allowed) the rest of the sentence must contain
        words = _expand(data["sentence_has"], fail, lexicons or {})
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise fail("context.sentence_has must be a non-empty list of words")
        kw["sentence_has"] = tuple(w.lower() for w in words)
    if "target" in data:  # what the evaluated word must be aimed at
        from ..engine.target import CLASSES

        tgt = data["target"]
        if isinstance(tgt, str):
            tgt = [tgt]
        if not isinstance(tgt, list) or not tgt or any(t not in CLASSES for t in tgt):
            raise fail(f"context.target must list some of {', '.join(CLASSES)}")
        kw["target"] = tuple(tgt)
    if "focus" in data:
        if not isinstance(data["focus"], str) or not data["focus"]:
            raise fail("context.focus must name a dependency node or a token index")
        kw["focus"] = data["focus"]
    return Context(**kw)


def _suggestions(items, fail) -> tuple[SuggestionTemplate, ...]:
    if not isinstance(items, list) or not items:
        raise fail("'suggestions' must hold at least one [[suggestions]] table")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise fail(f"suggestions[{i}] must be a table")
        bad = sorted(set(item) - SUGGESTION_KEYS)
        if bad:
            raise fail(f"suggestions[{i}]: unknown key {bad[0]!r}; allowed: {', '.join(sorted(SUGGESTION_KEYS))}")
        for key in ("replacement", "description"):
            if not isinstance(item.get(key), str):
                raise fail(f"suggestions[{i}].{key} must be a string")
        has_slot = bool(SLOT.search(item["replacement"]))
        app = item.get("applicability", "display-only" if has_slot else "unsafe")
        if app not in APPLICABILITIES:
            raise fail(f"suggestions[{i}].applicability must be one of {', '.join(APPLICABILITIES)}")
        if has_slot and app != "display-only":
            raise fail(f"suggestions[{i}]: a replacement with a <slot> is display-only")
        mood = item.get("mood")
        if mood not in (None, "question", "statement"):
            raise fail(f"suggestions[{i}].mood must be question or statement")
        target = item.get("target")
        if target is not None and not (isinstance(target, str) and re.fullmatch(r"[A-Za-z0-9_]+(?:\.\.[A-Za-z0-9_]+)?", target)):
            raise fail(f"suggestions[{i}].target must name a pattern node or token index, or a run 'first..last'")
        out.append(SuggestionTemplate(item["replacement"], item["description"].strip(), app, mood, target))
    return tuple(out)


def _examples(data, fail) -> Example:
    if not isinstance(data, dict):
        raise fail("'examples' must be a table with 'flag' and 'clean' lists")
    bad = sorted(set(data) - EXAMPLE_KEYS)
    if bad:
        raise fail(f"examples: unknown key {bad[0]!r}; allowed: flag, clean")
    for key in ("flag", "clean"):
        v = data.get(key)
        if not isinstance(v, list) or not v or not all(isinstance(s, str) and s.strip() for s in v):
            raise fail(f"examples.{key} must be a non-empty list of strings (every rule shows both)")
    return Example(tuple(data["flag"]), tuple(data["clean"]))
