"""`--format sarif`: a SARIF 2.1.0 log (GitHub code scanning, editors' SARIF viewers).

One run. `tool.driver.rules` describes every rule in use (from `ReportOptions.rules`, plus any
rule a finding names that is not there): short description (the message), full description
(why it lands badly), help (text, and the Markdown of `--explain`), default level. Each result
points at the span by line/column (1-based, end column exclusive) and by character offset and
length; `run.columnKind` is `unicodeCodePoints` because offsets count Python characters, with
"\\r\\n" as two. Safe suggestions become `fixes` (the suggestion's `edit` when it has one, which
includes the sentence repairs; otherwise the span and its replacement).
"""
from __future__ import annotations

FORMAT = "sarif"  # the --format name (report/__init__.py finds formats by this)

import json

from .escape import json_safe
import os
from pathlib import Path
from urllib.parse import quote

from .._version import __version__
from ..ruleset.docs import reflow as _reflow

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/assertlint/"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (forward slashes, percent-encoded); an absolute one is a file: URI."""
    if path != "-" and os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


def rule_descriptor(rule) -> dict:
    from ..ruleset.docs import rule_markdown, rule_text

    props = {"category": rule.category, "style": rule.style, "fix": rule.fix,
             "tags": list(dict.fromkeys([rule.style, rule.category, *getattr(rule, "tags", ())]))}
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": _reflow(rule.message)},
        "fullDescription": {"text": _reflow(rule.why) or _reflow(rule.message)},
        "help": {"text": rule_text(rule), "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": props,
    }


def _descriptor_from_finding(f) -> dict:
    return {
        "id": f.rule,
        "name": f.name,
        "shortDescription": {"text": f.message},
        "defaultConfiguration": {"level": LEVEL.get(f.severity, "warning")},
        "properties": {"category": f.category, "style": f.style, "tags": list(dict.fromkeys([f.style, f.category]))},
    }


def _fix(f, s, uri: str) -> dict:
    if s.edit is not None:
        start, end, content = s.edit.start, s.edit.end, s.edit.content
    else:
        start, end, content = f.start, f.end, s.replacement
    return {
        "description": {"text": s.description or f"Replace with: {content}"},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri},
            "replacements": [{
                "deletedRegion": {"charOffset": start, "charLength": end - start},
                "insertedContent": {"text": content},
            }],
        }],
    }


def _result(f, rule_index: int, uri: str, text: str) -> dict:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
        "snippet": {"text": f.text},
    }
    location = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
    if text:
        a = text.rfind("\n", 0, f.start) + 1
        b = text.find("\n", f.end)
        b = len(text) if b == -1 else b
        location["physicalLocation"]["contextRegion"] = {
            "startLine": f.line, "endLine": f.end_line, "snippet": {"text": text[a:b].rstrip("\r")},
        }
    out = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [location],
    }
    fixes = [_fix(f, s, uri) for s in f.suggestions if s.applicability == "safe"]
    if fixes:
        out["fixes"] = fixes
    props = {"category": f.category, "style": f.style}
    if f.suggestions:
        props["suggestions"] = [s.to_json() for s in f.suggestions]
    out["properties"] = props
    return out


def sarif_log(results, opts) -> dict:
    rules: list[dict] = []
    index: dict[str, int] = {}
    for rule in getattr(opts, "rules", ()) or ():
        if rule.id not in index:
            index[rule.id] = len(rules)
            rules.append(rule_descriptor(rule))
    out_results = []
    artifacts: list[dict] = []
    for r in results:
        if r.error:
            continue
        uri = artifact_uri(r.path)
        artifacts.append({"location": {"uri": uri}})
        for f in r.findings:
            if f.rule not in index:
                index[f.rule] = len(rules)
                rules.append(_descriptor_from_finding(f))
            out_results.append(_result(f, index[f.rule], uri, r.text))
    driver = {
        "name": "assertlint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": out_results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results, stream, opts) -> None:
    stream.write(json_safe(json.dumps(sarif_log(results, opts), ensure_ascii=False, indent=2)))
    stream.write("\n")
