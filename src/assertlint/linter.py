"""A Linter: the engine (rules → candidates), the rewrite step (candidates → findings with
suggestions) and the result cache, configured once when made and never changed afterwards."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from time import perf_counter

from .engine.linter import Engine, Input
from .engine.parallel import WorkerFailure
from .findings import Finding
from .rewrite.suggest import findings_for

__all__ = ["Linter", "Input", "WorkerFailure", "make_linter"]


class Linter:
    def __init__(self, rules, *, model: str | None = None, lexicons: dict | None = None, gate: bool = True,
                 jobs: int = 1, cache=None) -> None:
        self.engine = Engine(rules, model=model, lexicons=lexicons, gate=gate, jobs=jobs)
        self.cache = cache  # a cache.Cache, or None

    @property
    def rules(self) -> tuple:
        return self.engine.rules

    @property
    def model(self) -> str | None:
        return self.engine.model

    @property
    def lexicons(self) -> dict:
        return self.engine.lexicons

    @property
    def jobs(self) -> int:
        return self.engine.jobs

    @property
    def nlp(self):
        return self.engine.nlp

    @property
    def compiled(self):
        return self.engine.compiled

    @property
    def parsed_units(self) -> int:
        return self.engine.parsed_units

    @property
    def timings(self):
        return self.engine.timings

    def check(self, inputs: Sequence[Input]) -> list:
        """Findings for each input, in input order, each list sorted by position; in place of
        the list, a WorkerFailure (engine/parallel.py) for an input whose worker process died."""
        return self.check_notes(inputs)[0]

    def check_notes(self, inputs: Sequence[Input]) -> tuple[list, list[tuple[str, ...]]]:
        """check(), and notes on what was left out of each input (a file past the bounds of
        source/limits.py); a file with notes is not cached."""
        notes: list[tuple[str, ...]] = [()] * len(inputs)
        out: list[list[Finding] | None] = [None] * len(inputs)
        keys: list[str | None] = [None] * len(inputs)
        todo = []
        for i, item in enumerate(inputs):
            if self.cache is not None:
                keys[i] = self.cache.key(item.text, item.kind, item.include_blockquotes)
                out[i] = self.cache.get(keys[i], item.path, item.text)
            if out[i] is None:
                todo.append(i)
        groups = self.engine.candidates([inputs[i] for i in todo]) if todo else []
        t0 = perf_counter()
        for k, (i, gs) in enumerate(zip(todo, groups)):
            if isinstance(gs, WorkerFailure):
                out[i] = gs
                continue
            out[i] = findings_for(gs, inputs[i].path, inputs[i].text)
            notes[i] = tuple(self.engine.notes[k])
            if self.cache is not None and not notes[i]:
                self.cache.put(keys[i], out[i])
        self.engine.timings["rewrite+findings"] += perf_counter() - t0
        return out, notes  # type: ignore[return-value]


def make_linter(
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    rule_paths: Sequence[str] | None = None,
    model: str | None = None,
    severity: Mapping[str, str] | None = None,
    jobs: int = 1,
    cache: bool = False,
) -> Linter:
    """A fully configured Linter over the built-in rules (plus `rule_paths`), narrowed by
    select/ignore, with `severity` overrides ({rule id: level}), `jobs` and the result cache."""
    from dataclasses import replace

    from .errors import ConfigError
    from .ruleset import load_rules, select_rules
    from .ruleset.loader import builtin_rules_dir, load_lexicons

    all_rules = load_rules([Path(p) for p in (rule_paths or [])], cache=cache)
    rules = select_rules(all_rules, list(select or []), list(ignore or []))
    if severity:
        known = {r.id for r in all_rules}
        for rid in severity:
            if rid not in known:
                raise ConfigError(f"severity.{rid}: no such rule (see --list-rules)")
        rules = [replace(r, severity=severity.get(r.id, r.severity)) for r in rules]
    lexicons = load_lexicons(builtin_rules_dir())
    for p in rule_paths or []:
        lexicons.update(load_lexicons(Path(p)))
    result_cache = None
    if cache:
        from .cache import Cache, fingerprint

        result_cache = Cache(fingerprint(rules, model, lexicons), rules=rules)
    return Linter(rules, model=model, lexicons=lexicons, jobs=jobs, cache=result_cache)
