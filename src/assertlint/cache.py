"""A per-file result cache: findings keyed by the file's content, the rule set, the model and the
assertlint version. A run where every file is cached parses nothing and loads no model.

The cache is plain data, never code: one JSON file per entry, written atomically, in the user's
cache folder (`$XDG_CACHE_HOME/assertlint`, or `~/.cache/assertlint`; `ASSERTLINT_CACHE_DIR`
moves it). Each entry is signed with HMAC-SHA256 under a random key kept in the user's cache
folder (mode 0600), never in the cache folder ASSERTLINT_CACHE_DIR names, so an entry planted or
edited by someone who can write into a linted folder or a shared cache folder fails the check
and costs only a miss. An entry is also validated field by field, and every finding's text must
equal the file's text at its offsets, so a cache can never make assertlint report or fix text
that is not in the file.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os

from ._version import __version__
from .atomic import write_whole
from .findings import Edit, Finding, Suggestion
from .taxonomy import APPLICABILITIES

FORMAT = 2  # entry layout version


def user_cache_root() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "assertlint")


def cache_dir() -> str:
    return os.environ.get("ASSERTLINT_CACHE_DIR") or user_cache_root()


def ensure_cache_dir(root: str) -> None:
    """Make the cache folder (private to the user), with a .gitignore so it never lands in a commit."""
    os.makedirs(root, mode=0o700, exist_ok=True)
    marker = os.path.join(root, ".gitignore")
    try:
        whole = os.path.getsize(marker) > 0
    except OSError:
        whole = False
    if not whole:  # missing, or left empty by a full disk: written whole or not at all
        write_whole(marker, "# made by assertlint\n*\n", 0o600)


def signing_key() -> bytes | None:
    """The user's secret key (made on first use), or None when it cannot be kept safely."""
    root = user_cache_root()
    path = os.path.join(root, "cache-key")
    try:
        os.makedirs(root, mode=0o700, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32).hex().encode())
        st = os.stat(path)
        if st.st_mode & 0o077 or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            return None  # readable or writable by others, or not ours: do not trust it
        with open(path, "rb") as fh:
            key = fh.read().strip()
        return key if len(key) == 64 else None
    except OSError:
        return None


def _model_version(model: str | None) -> str:
    from importlib import metadata

    from .nlp.loader import available_default

    name = model or available_default() or "none"
    try:
        return f"{name}=={metadata.version(name.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return name


def _code_stamp() -> str:
    """Sizes and times of assertlint's own modules: an edited engine (an editable install at
    the same version) never reuses results of the old code."""
    root = os.path.dirname(os.path.abspath(__file__))
    parts = []
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return ";".join(sorted(parts))


def fingerprint(rules, model: str | None, lexicons: dict) -> str:
    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(_model_version(model).encode())
    h.update(repr(list(rules)).encode())
    h.update(repr(sorted(lexicons.items())).encode())
    h.update(_code_stamp().encode())
    try:
        from importlib import metadata

        h.update(metadata.version("spacy").encode())
    except Exception:  # pragma: no cover - spaCy is a dependency
        pass
    return h.hexdigest()[:24]


def _mac(secret: bytes, context: str, body: str) -> str:
    return hmac.new(secret, f"{FORMAT}\0{context}\0{body}".encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def load_signed(path: str, context: str):
    """The JSON value stored at `path` by dump_signed with the same `context`, or None when it is
    missing, unreadable, malformed or not signed with this user's key."""
    secret = signing_key()
    if secret is None:
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            entry = json.load(fh)
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or not isinstance(entry.get("body"), str):
            return None
        if not hmac.compare_digest(_mac(secret, context, entry["body"]), str(entry.get("hmac", ""))):
            return None
        return json.loads(entry["body"])
    except (OSError, ValueError, RecursionError):
        return None


def dump_signed(path: str, context: str, value) -> None:
    """Store a JSON value at `path`, signed for `context` (nothing when no key can be kept)."""
    secret = signing_key()
    if secret is None:
        return
    body = json.dumps(value, ensure_ascii=False)
    try:
        folder = os.path.dirname(path)
        ensure_cache_dir(cache_dir())
        os.makedirs(folder, mode=0o700, exist_ok=True)
        write_whole(path, json.dumps({"format": FORMAT, "hmac": _mac(secret, context, body), "body": body},
                                     ensure_ascii=False), 0o600)
    except OSError:
        pass  # a cache that cannot be written only costs time


class CacheEntryError(ValueError):
    """A cache entry that is not exactly what assertlint writes."""


def _int(d: dict, key: str, lo: int, hi: int) -> int:
    v = d.get(key)
    if type(v) is not int or not lo <= v <= hi:
        raise CacheEntryError(key)
    return v


def _str(d: dict, key: str) -> str:
    v = d.get(key)
    if type(v) is not str:
        raise CacheEntryError(key)
    return v


def _suggestion(d, text: str) -> Suggestion:
    if not isinstance(d, dict) or set(d) - {"replacement", "safe", "description", "applicability", "edit"}:
        raise CacheEntryError("suggestion")
    app = _str(d, "applicability")
    if app not in APPLICABILITIES:
        raise CacheEntryError("applicability")
    edit = None
    if d.get("edit") is not None:
        e = d["edit"]
        if not isinstance(e, dict) or set(e) != {"start", "end", "content"}:
            raise CacheEntryError("edit")
        start = _int(e, "start", 0, len(text))
        edit = Edit(start, _int(e, "end", start, len(text)), _str(e, "content"))
    return Suggestion(_str(d, "replacement"), _str(d, "description"), app, edit)


def finding_from_json(d, path: str, text: str, rules: dict) -> Finding:
    """A finding from a cache entry, or CacheEntryError: its rule must be one of `rules` with the
    same metadata, its offsets inside `text`, and its text `text[start:end]`."""
    from .source.document import LineIndex

    if not isinstance(d, dict):
        raise CacheEntryError("finding")
    rule = rules.get(d.get("rule"))
    if rule is None:
        raise CacheEntryError("rule")
    start = _int(d, "start", 0, len(text))
    end = _int(d, "end", start, len(text))
    if _str(d, "text") != text[start:end]:
        raise CacheEntryError("text")
    for key in ("name", "category", "style", "severity"):
        if d.get(key) != getattr(rule, key):
            raise CacheEntryError(key)
    if d.get("message") not in rule.messages:
        raise CacheEntryError("message")
    sugg = d.get("suggestions")
    if not isinstance(sugg, list):
        raise CacheEntryError("suggestions")
    index = LineIndex(text)
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    return Finding(path=path, rule=rule.id, name=rule.name, category=rule.category, style=rule.style,
                   severity=rule.severity, message=d["message"], start=start, end=end, line=line, column=col,
                   end_line=end_line, end_column=end_col, text=text[start:end],
                   suggestions=tuple(_suggestion(s, text) for s in sugg))


class Cache:
    def __init__(self, fingerprint: str, folder: str | None = None, rules=()) -> None:
        self.root = folder or cache_dir()
        self.fingerprint = fingerprint
        self.folder = os.path.join(self.root, fingerprint)
        self.rules = {r.id: r for r in rules}
        self._key: bytes | None | bool = False  # False: not read yet
        self.hits = 0
        self.misses = 0

    @property
    def key_bytes(self) -> bytes | None:
        if self._key is False:
            self._key = signing_key()
        return self._key  # type: ignore[return-value]

    @staticmethod
    def key(text: str, kind: str, include_blockquotes: bool) -> str:
        h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
        h.update(f"\0{kind}\0{int(include_blockquotes)}".encode())
        return h.hexdigest()

    def _sign(self, key: str, body: str) -> str | None:
        secret = self.key_bytes
        if secret is None:
            return None
        msg = f"{FORMAT}\0{self.fingerprint}\0{key}\0{body}".encode("utf-8", "surrogatepass")
        return hmac.new(secret, msg, hashlib.sha256).hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".json")

    def get(self, key: str, path: str, text: str) -> list[Finding] | None:
        """The cached findings for this text, or None (a miss) for anything not exactly right."""
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                entry = json.load(fh)
            if not isinstance(entry, dict) or entry.get("format") != FORMAT or not isinstance(entry.get("body"), str):
                raise CacheEntryError("entry")
            sig = self._sign(key, entry["body"])
            if sig is None or not hmac.compare_digest(sig, str(entry.get("hmac", ""))):
                raise CacheEntryError("signature")
            data = json.loads(entry["body"])
            if not isinstance(data, list):
                raise CacheEntryError("findings")
            found = [finding_from_json(d, path, text, self.rules) for d in data]
        except (OSError, ValueError, RecursionError):
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, key: str, findings: list[Finding]) -> None:
        body = json.dumps([f.to_json() for f in findings], ensure_ascii=False)
        sig = self._sign(key, body)
        if sig is None:
            return  # no safe key: no cache
        folder = os.path.join(self.folder, key[:2])
        try:
            ensure_cache_dir(self.root)
            os.makedirs(folder, mode=0o700, exist_ok=True)
            write_whole(self._path(key), json.dumps({"format": FORMAT, "hmac": sig, "body": body}, ensure_ascii=False), 0o600)
        except OSError:
            pass  # a cache that cannot be written only costs time
