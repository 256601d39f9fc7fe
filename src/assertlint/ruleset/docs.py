"""A rule's documentation as Markdown (used by --explain and by the generated docs/rules/)."""
from __future__ import annotations

from .model import Rule

_FIX_TEXT = {
    "safe": "Safe: `--fix` applies it. It removes an undercutting frame and keeps every content word.",
    "unsafe": "Unsafe: applied only with `--fix --unsafe-fixes`. It rephrases (voice, person or mood), so read it first.",
    "display-only": "Display-only: the rewrite needs facts only you know (the `<slots>`), so it is shown, never applied.",
}


def rule_markdown(rule: Rule) -> str:
    out = [f"# {rule.id} {rule.name}", ""]
    out.append(f"*category* `{rule.category}` · *style* `{rule.style}` · *severity* `{rule.severity}`")
    out += ["", "## What it flags", "", rule.message, "", "## Why it lands badly", "", rule.why, ""]
    out += ["## Example", ""]
    out += [f"- {e}" for e in rule.examples.flag]
    out += ["", "## Use instead", "", rule.use_instead, ""]
    for s in rule.suggestions:
        shown = s.replacement if s.replacement else "(remove it)"
        out.append(f"- `{shown}`: {s.description} ({s.applicability})")
    out += ["", "## Not flagged", ""]
    out += [f"- {e}" for e in rule.examples.clean]
    out += ["", "## Fix safety", "", _FIX_TEXT.get(rule.fix, "No rewrite is offered."), ""]
    return "\n".join(out)
