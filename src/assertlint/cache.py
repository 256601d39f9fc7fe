"""A per-file result cache: findings keyed by the file's content, the rule set, the model and
the assertlint version, in `.assertlint_cache/`. A run where every file is cached parses nothing
and loads no model. Entries are written atomically (safe against concurrent runs); a corrupt or
unreadable entry is ignored and recomputed."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile

from . import __version__
from .findings import Edit, Finding, Suggestion

DEFAULT_DIR = ".assertlint_cache"


def cache_dir() -> str:
    return os.environ.get("ASSERTLINT_CACHE_DIR") or DEFAULT_DIR


def ensure_cache_dir(root: str) -> None:
    """Make the cache folder, with a .gitignore so it never lands in a commit."""
    marker = os.path.join(root, ".gitignore")
    if not os.path.exists(marker):
        os.makedirs(root, exist_ok=True)
        with open(marker, "w") as fh:
            fh.write("# made by assertlint\n*\n")


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
    h.update(repr(rules).encode())
    h.update(repr(sorted(lexicons.items())).encode())
    h.update(_code_stamp().encode())
    try:
        from importlib import metadata

        h.update(metadata.version("spacy").encode())
    except Exception:  # pragma: no cover - spaCy is a dependency
        pass
    return h.hexdigest()[:24]


def finding_from_json(d: dict, path: str) -> Finding:
    sugg = tuple(
        Suggestion(s["replacement"], s["description"], s["applicability"], Edit(**s["edit"]) if s.get("edit") else None)
        for s in d["suggestions"]
    )
    fields = {k: v for k, v in d.items() if k not in ("suggestions", "path")}
    return Finding(path=path, suggestions=sugg, **fields)


class Cache:
    def __init__(self, fingerprint: str, folder: str | None = None) -> None:
        self.root = folder or cache_dir()
        self.folder = os.path.join(self.root, fingerprint)
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(text: str, kind: str, include_blockquotes: bool) -> str:
        h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
        h.update(f"\0{kind}\0{int(include_blockquotes)}".encode())
        return h.hexdigest()

    def get(self, key: str, path: str) -> list[Finding] | None:
        try:
            with open(os.path.join(self.folder, key[:2], key + ".json"), encoding="utf-8") as fh:
                data = json.load(fh)
            found = [finding_from_json(d, path) for d in data]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, key: str, findings: list[Finding]) -> None:
        folder = os.path.join(self.folder, key[:2])
        try:
            ensure_cache_dir(self.root)
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([f.to_json() for f in findings], fh, ensure_ascii=False)
            os.replace(tmp, os.path.join(folder, key + ".json"))
        except OSError:
            pass  # a cache that cannot be written only costs time
