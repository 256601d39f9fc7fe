"""Helpers for the regex growth test: every module-level compiled pattern in src/, and the
adversarial inputs that make a backtracking regex blow up (runs of the characters and literal
pieces the pattern itself names, repeated, with and without a failing tail)."""
from __future__ import annotations

import importlib
import pkgutil
import re
import time

try:  # Python 3.11+: the parser behind re
    import re._parser as sre_parse  # type: ignore[import-not-found]
    from re import _constants as sre_c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]
    import sre_constants as sre_c  # type: ignore[no-redef]

SKIP_MODULES = ("assertlint.__main__",)


def module_patterns(package: str = "assertlint") -> dict[str, re.Pattern]:
    """'module.NAME' -> pattern for every re.Pattern held at module level (also in tuples,
    lists and dict values) by the modules of `package`."""
    pkg = importlib.import_module(package)
    found: dict[str, re.Pattern] = {}
    names = [package] + [m.name for m in pkgutil.walk_packages(pkg.__path__, package + ".")]
    for name in names:
        if name in SKIP_MODULES:
            continue
        mod = importlib.import_module(name)
        for attr, value in vars(mod).items():
            items = [(attr, value)]
            if isinstance(value, (tuple, list)):
                items = [(f"{attr}[{i}]", v) for i, v in enumerate(value)]
            elif isinstance(value, dict):
                items = [(f"{attr}[{k!r}]", v) for k, v in value.items()]
            for label, v in items:
                if isinstance(v, re.Pattern):
                    found.setdefault(f"{name}.{label}", v)
                else:  # a pattern object holding regexes (source/inline.py InlinePattern)
                    for part in ("full", "no_at", "fallback"):
                        rx = getattr(v, part, None) if hasattr(v, "full") else None
                        if isinstance(rx, re.Pattern):
                            found.setdefault(f"{name}.{label}.{part}", rx)
    # the same object imported into several modules is timed once
    seen: dict[int, str] = {}
    return {k: v for k, v in sorted(found.items()) if seen.setdefault(id(v), k) == k}


_CLASS_SAMPLES = {
    sre_c.CATEGORY_DIGIT: "7", sre_c.CATEGORY_NOT_DIGIT: "a", sre_c.CATEGORY_SPACE: " ",
    sre_c.CATEGORY_NOT_SPACE: "a", sre_c.CATEGORY_WORD: "a", sre_c.CATEGORY_NOT_WORD: "-",
    sre_c.CATEGORY_LINEBREAK: "\n", sre_c.CATEGORY_NOT_LINEBREAK: "a",
}


def _chars_of_in(items) -> list[str]:
    out = []
    for op, av in items:
        if op is sre_c.LITERAL:
            out.append(chr(av))
        elif op is sre_c.RANGE:
            out.append(chr(av[0]))
            if av[1] != av[0]:
                out.append(chr(av[1]))
        elif op is sre_c.CATEGORY:
            out.append(_CLASS_SAMPLES.get(av, "a"))
    return out


def pieces(pattern: re.Pattern, limit: int = 24) -> list[str]:
    """Literal runs and sample characters the pattern names, in pattern order."""
    flags = pattern.flags
    try:
        tree = sre_parse.parse(pattern.pattern if isinstance(pattern.pattern, str) else "", flags)
    except Exception:  # pragma: no cover - an already compiled pattern always parses
        return []
    out: list[str] = []

    def walk(seq) -> None:
        run = ""
        for op, av in seq:
            if op is sre_c.LITERAL:
                run += chr(av)
                continue
            if run:
                out.append(run)
                run = ""
            if op is sre_c.IN:
                out.extend(_chars_of_in(av))
            elif op is sre_c.NOT_LITERAL:
                out.append("a" if chr(av) != "a" else "b")
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
                walk(av[2])
            elif op is sre_c.SUBPATTERN:
                walk(av[-1])
            elif op is getattr(sre_c, "ATOMIC_GROUP", None):
                walk(av)
            elif op is sre_c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
                walk(av[1])
            elif op is sre_c.GROUPREF_EXISTS:
                walk(av[1])
                if av[2]:
                    walk(av[2])
            elif op is sre_c.ANY:
                out.append("a")
        if run:
            out.append(run)

    walk(tree)
    uniq = list(dict.fromkeys(p for p in out if p))
    return uniq[:limit]


def _sample(seq, variant: int, out: list[str]) -> None:
    """Append to `out` the pieces of one string the pattern reads (each repeat once, the
    `variant`-th alternative of each branch), element by element."""
    for op, av in seq:
        if op is sre_c.LITERAL:
            out.append(chr(av))
        elif op is sre_c.IN:
            chars = _chars_of_in(av)
            negated = any(o is sre_c.NEGATE for o, _ in av)
            out.append("a" if negated or not chars else chars[variant % len(chars)])
        elif op is sre_c.NOT_LITERAL or op is sre_c.ANY:
            out.append("a")
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
            for _ in range(max(1, min(av[0], 3))):
                _sample(av[2], variant, out)
        elif op is sre_c.SUBPATTERN:
            _sample(av[-1], variant, out)
        elif op is getattr(sre_c, "ATOMIC_GROUP", None):
            _sample(av, variant, out)
        elif op is sre_c.BRANCH:
            alts = av[1]
            _sample(alts[variant % len(alts)], variant // len(alts), out)


def prefixes(pattern: re.Pattern, variants: int = 6, limit: int = 16) -> list[str]:
    """Prefixes of strings the pattern reads ('<', '<h', ... '<http:'): floods of an opening
    that never closes are the classic quadratic case."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover
        return []
    found: list[str] = []
    for v in range(variants):
        parts: list[str] = []
        _sample(tree, v, parts)
        acc = ""
        for p in parts[:12]:
            acc += p
            if len(acc) >= 2:
                found.append(acc)
    return list(dict.fromkeys(found))[:limit]


def adversarial(pattern: re.Pattern, n: int, pairs: bool = True) -> list[tuple[str, str]]:
    """(label, text) inputs of about n characters: each piece repeated, with a failing tail;
    each pair of pieces alternated; a long run of one piece after another; and the pattern's
    pieces in order, each piece repeated (the shape that makes `a.*?b.*?c` cubic)."""
    ps = pieces(pattern)
    fill = ["a", " ", "\n"]
    out: list[tuple[str, str]] = []
    for p in ps + fill + [p for p in prefixes(pattern) if p not in ps]:
        k = max(1, n // len(p))
        out.append((f"{p!r}*", p * k))
        out.append((f"{p!r}*+!", p * k + "\x00!"))
        out.append((f"x{p!r}*", "x " + p * k + "\x00"))
    small = ps[:12] + fill if pairs else []
    for a in small:
        for b in small:
            if a != b:
                k = max(1, n // (len(a) + len(b)))
                out.append((f"({a!r}{b!r})*", (a + b) * k))
                ka, kb = max(1, n // 2 // len(a)), max(1, n // 2 // len(b))
                out.append((f"{a!r}*{b!r}*", a * ka + b * kb + "\x00"))
    if len(ps) >= 2:
        for j in range(2, len(ps) + 1):
            chosen = ps[:j]
            k = max(1, n // sum(len(p) + 1 for p in chosen))
            text = chosen[0] + " " + "".join((p + " ") * k for p in chosen[1:])
            out.append((f"ordered[:{j}]", text))
    return out


def _time(pattern: re.Pattern, text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _m in pattern.finditer(text):
            pass
        best = min(best, time.perf_counter() - t0)
    return best


SMALL, LARGE = 500, 5000
FLOOR = 0.0005  # seconds: below this a time is noise (a linear pattern on 5,000 chars takes ~0.1 ms)
SLOW_SMALL = 0.05  # already this slow on 500 characters: superlinear, do not try 5,000
MAX_RATIO = 30.0  # 10x the input may cost at most ~30x the time


def _superlinear(t_small: float, t_large: float) -> bool:
    return t_large > FLOOR and t_large > MAX_RATIO * max(t_small, FLOOR / 10)


def growth_failures(pattern: re.Pattern, small: int = SMALL, large: int = LARGE, most: int = 3,
                    pairs: bool = True) -> list[str]:
    """The adversarial inputs on which `pattern` grows faster than linearly (empty: none; at most
    `most` are listed). `pairs=False` leaves out the alternations of two pieces (the gate's
    regexes are many, and their blow-ups come from floods and ordered runs)."""
    bad: list[str] = []
    smalls = dict(adversarial(pattern, small, pairs))
    for label, big in adversarial(pattern, large, pairs):
        if len(bad) >= most:
            break
        t_small = _time(pattern, smalls.get(label, big[:small]), repeat=1)
        if t_small <= SLOW_SMALL:
            t_small = min(t_small, _time(pattern, smalls.get(label, big[:small]), repeat=2))
        if t_small > SLOW_SMALL:
            bad.append(f"{label}: {t_small * 1000:.0f} ms on {small} chars")
            continue
        t_large = _time(pattern, big, repeat=2)
        tries = 0
        while _superlinear(t_small, t_large) and tries < 3:
            # confirm, twice (a busy machine can stall a measurement): the best of more runs
            tries += 1
            t_small = min(t_small, _time(pattern, smalls.get(label, big[:small]), 7))
            t_large = min(t_large, _time(pattern, big, 3))
        if _superlinear(t_small, t_large):
            bad.append(f"{label}: {t_small * 1000:.2f} ms -> {t_large * 1000:.2f} ms for 10x the input")
    return bad
