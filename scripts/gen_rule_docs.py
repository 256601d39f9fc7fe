#!/usr/bin/env python3
"""Generate docs/rules/: one page per rule (<ID>.md) and README.md, an index table.

    python scripts/gen_rule_docs.py          # write docs/rules/ (and delete pages of removed rules)
    python scripts/gen_rule_docs.py --check  # exit 1 if docs/rules/ is out of date

The pages come from the rule files alone (rules/**/*.toml) through assertlint.ruleset.docs, the
same Markdown `assertlint --explain ID` shows. tests/test_rule_docs.py fails when they drift.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules"


def expected() -> dict[str, str]:
    from assertlint.ruleset import builtin_rules_dir, load_rules
    from assertlint.ruleset.docs import rule_docs

    return rule_docs(load_rules(), str(builtin_rules_dir()))


def main(argv: list[str] | None = None) -> int:
    from assertlint.ruleset.docs import compare_folder

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report whether docs/rules/ is up to date")
    args = ap.parse_args(argv)
    files = expected()
    missing, changed, extra = compare_folder(DOCS, files)
    if args.check:
        for label, names in (("missing", missing), ("out of date", changed), ("extra", extra)):
            for n in names:
                print(f"docs/rules/{n}: {label}")
        return 1 if (missing or changed or extra) else 0
    DOCS.mkdir(parents=True, exist_ok=True)
    for name in missing + changed:
        (DOCS / name).write_text(files[name], encoding="utf-8", newline="\n")
    for name in extra:
        (DOCS / name).unlink()
    print(f"docs/rules/: {len(files) - 1} rule pages and README.md; "
          f"{len(missing)} written new, {len(changed)} updated, {len(extra)} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
