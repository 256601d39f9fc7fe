"""Load rule files (TOML), validating every key; errors name the file, the rule and the key."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import RuleError
from ..taxonomy import APPLICABILITIES, CATEGORIES, SEVERITIES, STYLE_OF
from .lexicon import expand
from .model import SLOT, Context, Example, Pattern, Rule, SuggestionTemplate
from .regex_check import regex_problem, regex_values

TOP_KEYS = {
    "id": True, "name": True, "category": True, "severity": True, "message": True, "why": True,
    "use_instead": True, "patterns": True, "exceptions": False, "context": False,
    "suggestions": True, "examples": True, "suppresses": False, "tags": False,
}
PATTERN_KEYS = ("phrases", "tokens", "dependency")
SUGGESTION_KEYS = {"replacement", "description", "applicability", "mood", "target"}
EXAMPLE_KEYS = {"flag", "clean"}
ID_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9-]*$")


def builtin_rules_dir() -> Path:
    """The rules shipped in the wheel (assertlint/rules, found with importlib.resources); in a
    source checkout installed in development mode, the top-level rules/ beside src/."""
    packaged = Path(str(resources.files("assertlint") / "rules"))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "rules"
    if (checkout / "lexicons").is_dir() and (checkout.parent / "pyproject.toml").is_file():
        return checkout
    return packaged  # missing: load_rules says "rule folder not found" naming it


def load_lexicons(folder: Path, read=None) -> dict[str, list[str]]:
    lex: dict[str, list[str]] = {}
    lex_dir = folder / "lexicons"
    if lex_dir.is_dir():
        for path in sorted(lex_dir.glob("*.toml")):
            data = (read or _read_toml)(path)
            for key, words in data.items():
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise RuleError(str(path), f"lexicon {key!r} must be a list of strings")
                lex[key] = words
    return lex


def load_rules(folders: list[Path] | None = None, *, cache: bool = False) -> list[Rule]:
    """Load the built-in rules, then each extra folder's (a team's own rule packs).

    Every rule is validated on every load. With `cache`, the rule files' contents (plain data,
    as read from TOML) may come from a JSON file in the user's cache folder, signed with the
    user's key and keyed by every file's path, size and time (cache.load_signed): nothing from a
    cache is ever loaded as code, and a planted or edited file is ignored."""
    dirs = [builtin_rules_dir()] + [Path(f) for f in (folders or [])]
    return list(_load_rules_memo(_stamp(dirs), cache))


def _stamp(dirs: list[Path]) -> tuple:
    """Every rule file's path, size and modification time: a changed file is read anew."""
    out: list = []
    for d in dirs:
        out.append(str(d))
        if d.is_dir():
            for path in sorted(d.rglob("*.toml")):
                st = path.stat()
                out.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


@lru_cache(maxsize=8)
def _load_rules_memo(stamp: tuple, cache: bool) -> tuple[Rule, ...]:
    """In memory, for one process (many Sessions, an editor's reloads)."""
    dirs = [Path(x) for x in stamp if isinstance(x, str)]
    for d in dirs:
        if not d.is_dir():
            raise RuleError(str(d), "rule folder not found")
    files = [x[0] for x in stamp if isinstance(x, tuple)]
    data = _cached_data(stamp, files) if cache else None
    if data is None:
        data = {f: _read_toml(Path(f)) for f in files}
        if cache:
            _store_data(stamp, data)
    return tuple(_load_rules(dirs, data))


def _data_cache_path(stamp: tuple) -> tuple[str, str]:
    import hashlib
    import os

    from .._version import __version__
    from ..cache import cache_dir

    key = hashlib.sha256(repr((__version__, stamp)).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return os.path.join(cache_dir(), "rule-data", f"{key}.json"), f"rule-data\0{key}"


def _cached_data(stamp: tuple, files: list[str]) -> dict | None:
    from ..cache import load_signed

    path, context = _data_cache_path(stamp)
    data = load_signed(path, context)
    if not isinstance(data, dict) or sorted(data) != sorted(files) or not all(isinstance(v, dict) for v in data.values()):
        return None
    return data


def _store_data(stamp: tuple, data: dict) -> None:
    from ..cache import dump_signed

    path, context = _data_cache_path(stamp)
    dump_signed(path, context, data)


def _load_rules(dirs: list[Path], data: dict | None = None) -> list[Rule]:
    """Parse and validate every rule; `data` holds each file's TOML contents, by path."""
    def read(path: Path) -> dict:
        return data[str(path)] if data is not None and str(path) in data else _read_toml(path)

    lexicons: dict[str, list[str]] = {}
    for d in dirs:
        if not d.is_dir():
            raise RuleError(str(d), "rule folder not found")
        lexicons.update(load_lexicons(d, read))
    rules: dict[str, Rule] = {}
    for d in dirs:
        for path in sorted(d.rglob("*.toml")):
            if "lexicons" in path.relative_to(d).parts:
                continue
            rule = parse_rule(read(path), str(path), lexicons)
            if rule.id in rules:
                raise RuleError(str(path), f"duplicate rule id (also in {rules[rule.id].source})", rule.id)
            rules[rule.id] = rule
    return sorted(rules.values(), key=lambda r: r.id)


def _read_toml(path: Path) -> dict:
    from ..source.reader import problem, read_regular

    try:
        return tomllib.loads(read_regular(str(path), 16 * 1024 * 1024).decode("utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise RuleError(str(path), f"invalid TOML: {err}") from None
    except UnicodeDecodeError as err:
        raise RuleError(str(path), f"is not valid UTF-8 (byte offset {err.start})") from None
    except RecursionError:
        raise RuleError(str(path), "invalid TOML: nested too deeply") from None
    except OSError as err:
        raise RuleError(str(path), problem(err)) from None


_STRING_KEYS = ("id", "name", "category", "severity", "message", "why", "use_instead")


def _check_top(data: dict, fail) -> None:
    """Known keys, required keys, non-empty strings, id and name forms, category and severity."""
    unknown = sorted(set(data) - set(TOP_KEYS))
    if unknown:
        from ..suggest import did_you_mean

        raise fail(f"unknown key {unknown[0]!r}{did_you_mean(unknown[0], TOP_KEYS)}; allowed keys: {', '.join(TOP_KEYS)}")
    missing = [key for key, required in TOP_KEYS.items() if required and key not in data]
    if missing:
        raise fail(f"missing required key {missing[0]!r}")
    for key in _STRING_KEYS:
        if not isinstance(data[key], str) or not data[key].strip():
            raise fail(f"{key!r} must be a non-empty string")
    if not ID_RE.match(data["id"]):
        raise fail("'id' must look like ABC123 (2-5 capital letters, 3 digits)")
    if not NAME_RE.match(data["name"]):
        raise fail("'name' must be lowercase words joined by hyphens")
    if data["category"] not in CATEGORIES:
        raise fail(f"unknown category {data['category']!r}; allowed: {', '.join(CATEGORIES)}")
    if data["severity"] not in SEVERITIES:
        raise fail(f"unknown severity {data['severity']!r}; allowed: {', '.join(SEVERITIES)}")


def _string_list(data: dict, key: str, fail, allowed=None) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(f"'{key}' must be a list of strings")
    if allowed is not None and any(v not in allowed for v in value):
        raise fail(f"'{key}' must be a list of categories; allowed: {', '.join(allowed)}")
    return tuple(value)


def parse_rule(data: dict, path: str, lexicons: dict[str, list[str]] | None = None) -> Rule:
    lexicons = lexicons or {}
    rid = data.get("id") if isinstance(data.get("id"), str) else None

    def fail(msg: str) -> RuleError:
        return RuleError(path, msg, rid)

    _check_top(data, fail)
    patterns = _patterns(data["patterns"], "patterns", fail, lexicons)
    if not patterns:
        raise fail("'patterns' must hold at least one pattern")
    category = data["category"]
    return Rule(
        id=data["id"], name=data["name"], category=category, style=STYLE_OF[category],
        severity=data["severity"], message=data["message"].strip(), why=data["why"].strip(),
        use_instead=data["use_instead"].strip(), patterns=patterns,
        exceptions=_patterns(data.get("exceptions", []), "exceptions", fail, lexicons),
        context=_context(data.get("context", {}), fail, lexicons), suggestions=_suggestions(data["suggestions"], fail),
        examples=_examples(data["examples"], fail),
        suppresses=_string_list(data, "suppresses", fail, CATEGORIES), source=path,
        tags=_string_list(data, "tags", fail),
    )


def _pattern(item, where: str, fail, lexicons) -> Pattern:
    """One [[patterns]] table: exactly one of phrases, tokens, dependency; an optional message."""
    if not isinstance(item, dict):
        raise fail(f"{where} must be a table")
    keys = set(item) - {"message"}
    bad = keys - set(PATTERN_KEYS)
    if bad or len(keys) != 1:
        raise fail(f"{where} must have exactly one of {', '.join(PATTERN_KEYS)}; got {', '.join(sorted(keys)) or 'none'}")
    message = item.get("message")
    if message is not None and (not isinstance(message, str) or not message.strip()):
        raise fail(f"{where}.message must be a non-empty string")
    kind = keys.pop()
    value = _pattern_value(kind, expand(item[kind], fail, lexicons), where, fail)
    return Pattern(kind, tuple(value), " ".join(message.split()) if message else None)


def _pattern_value(kind: str, value, where: str, fail):
    if kind == "phrases":
        if not isinstance(value, list) or not value or not all(isinstance(p, str) and p.strip() for p in value):
            raise fail(f"{where}.phrases must be a non-empty list of strings")
        return value
    if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
        raise fail(f"{where}.{kind} must be a non-empty list of tables")
    _check_token_keys(value, f"{where}.{kind}", fail, kind == "dependency")
    return value


def _patterns(items, where: str, fail, lexicons) -> tuple[Pattern, ...]:
    if not isinstance(items, list):
        raise fail(f"'{where}' must be a list of tables ([[{where}]])")
    return tuple(_pattern(item, f"{where}[{i}]", fail, lexicons) for i, item in enumerate(items))


_TOKEN_ATTRS = {
    "ORTH", "TEXT", "LOWER", "LEMMA", "POS", "TAG", "MORPH", "DEP", "SHAPE", "ENT_TYPE", "NORM",
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
    "IS_STOP", "IS_SENT_START", "LIKE_NUM", "LENGTH", "OP", "REGEX", "SPACY",
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
        if isinstance(attrs, dict):
            for value in regex_values(attrs):
                problem = regex_problem(value)
                if problem:
                    raise fail(f"{where}[{j}]: REGEX {str(value)[:60]!r} {problem}")


def _context(data, fail, lexicons=None) -> Context:
    """Validate a [context] table against the context checks' registry (engine/checks)."""
    from ..engine.checks import registry

    if not isinstance(data, dict):
        raise fail("'context' must be a table")
    checks = registry()
    bad = sorted(set(data) - set(checks))
    if bad:
        from ..suggest import did_you_mean

        raise fail(f"unknown context key {bad[0]!r}{did_you_mean(bad[0], checks)}; allowed: {', '.join(sorted(checks))}")
    items = tuple((key, mod.parse(data[key], fail, lexicons or {})) for key, mod in checks.items() if key in data)
    return Context(items)


def _suggestion(item, i: int, fail) -> SuggestionTemplate:
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
    return SuggestionTemplate(item["replacement"], item["description"].strip(), app, mood, target)


def _suggestions(items, fail) -> tuple[SuggestionTemplate, ...]:
    if not isinstance(items, list) or not items:
        raise fail("'suggestions' must hold at least one [[suggestions]] table")
    return tuple(_suggestion(item, i, fail) for i, item in enumerate(items))


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
