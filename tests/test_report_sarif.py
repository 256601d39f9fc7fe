"""`--format sarif`: valid SARIF 2.1.0 (checked against the OASIS schema in tests/data/), with
rule metadata, exact regions and fixes for safe suggestions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assertlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
TEXT = (
    "Hi Dana,\r\n\r\nSorry to bother you, but is the report ready? I just wanted to check.\r\n"
    "Per my last email, it was due on the 3rd. You always ignore my emails.\n"
)


def sarif(args, input=None) -> dict:
    res = CliRunner().invoke(main, ["--isolated", "--format", "sarif", *args], input=input, catch_exceptions=False)
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


def validate(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)  # the schema is draft-04
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def test_schema_file_is_the_oasis_one():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_examples_validate_against_the_schema(monkeypatch):
    monkeypatch.chdir(ROOT)
    log = sarif(["examples/"])
    validate(log)
    assert log["runs"][0]["results"], "examples/ should have findings"


def test_invalid_log_is_caught_by_the_schema():
    """The validator is live: a wrong level is an error."""
    jsonschema = pytest.importorskip("jsonschema")
    log = sarif(["-"], input=TEXT)
    log["runs"][0]["results"][0]["level"] = "fatal"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log))


def test_driver_rules_and_results(tmp_path):
    p = tmp_path / "mail.txt"
    p.write_bytes(TEXT.encode())
    log = sarif([str(p)])
    validate(log)
    assert log["version"] == "2.1.0" and "$schema" in log
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "assertlint" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for rule in driver["rules"]:
        for key in ("id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"):
            assert key in rule, (rule["id"], key)
        assert rule["help"]["text"] and rule["help"]["markdown"].startswith(f"# {rule['id']} ")
        assert "Why it lands badly" in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run["results"]
    assert {r["ruleId"] for r in results} >= {"APO001", "JDG001"}
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in ("error", "warning", "note") and r["message"]["text"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == p.as_uri()
        reg = loc["region"]
        a, n = reg["charOffset"], reg["charLength"]
        assert TEXT[a : a + n] == reg["snippet"]["text"]
        # line/column agree with the offset ("\r\n" counts as two characters)
        line_start = TEXT.rfind("\n", 0, a) + 1
        assert reg["startLine"] == TEXT.count("\n", 0, a) + 1
        assert reg["startColumn"] == a - line_start + 1
        assert reg["endLine"] >= reg["startLine"] and reg["endColumn"] >= 1


def test_fixes_only_for_safe_suggestions_and_they_apply():
    log = sarif(["-"], input=TEXT)
    results = log["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    assert "fixes" not in by_rule["JDG001"]  # display-only rewrite: shown, never a fix
    apo = by_rule["APO001"]
    (fix,) = apo["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "-"
    (rep,) = change["replacements"]
    a, n = rep["deletedRegion"]["charOffset"], rep["deletedRegion"]["charLength"]
    fixed = TEXT[:a] + rep["insertedContent"]["text"] + TEXT[a + n :]
    # the suggestion's edit includes the sentence repair (capital letter)
    assert "\r\n\r\nIs the report ready?" in fixed
    for r in results:
        for fx in r.get("fixes", []):
            assert fx["description"]["text"]


def test_relative_paths_stay_relative(monkeypatch):
    monkeypatch.chdir(ROOT)
    log = sarif(["examples/draft.txt"])
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"examples/draft.txt"}


def test_no_findings_is_still_a_valid_log():
    log = sarif(["-"], input="Thanks, looks good.\n")
    validate(log)
    assert log["runs"][0]["results"] == []
