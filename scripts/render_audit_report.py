#!/usr/bin/env python3
"""Regenerate docs/audit-report.png, the README's screenshot of an audit's report.html.

    python scripts/render_audit_report.py

Makes a demo chat archive (generated here: four months of a team channel export, with a crunch
before a release), runs `assertlint audit` on it with the default embedded LocalCluster, and takes
a screenshot of report.html with headless Chromium (Debian: apt-get install chromium). Needs the
audit extra (pip install ".[audit]"). Rerun it when the report's look changes.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "audit-report.png"
PLAIN = [
    "The staging deploy is done.", "Tests pass on the release branch.", "I'll pair with Sam on the parser tomorrow.",
    "The dashboard numbers match the invoices now.", "Can you review the migration before noon?",
    "I need the API keys rotated by Friday.", "Thanks for the quick fix on the login page.",
    "The customer call moved to Thursday at ten.", "I disagree with dropping the cache; it halves the latency.",
    "Release notes are in the shared folder.",
]
PASSIVE = [
    "Sorry to bother you, but is the review done?", "I just wanted to check in on the migration.",
    "I think maybe we should delay the launch.", "Is it okay if I take Friday off?",
    "I'm no expert, but the estimate looks optimistic.", "Sorry if this is a dumb question, but where are the logs?",
]
AGGRESSIVE = [
    "You always break the build.", "If you don't fix this today, I'll escalate it.", "Nobody asked for your opinion.",
    "You never read the spec.", "Whatever. Do what you want.", "Per my last message, this was due yesterday.",
]
PEOPLE = ["ana", "bo", "chidi", "dana", "eli", "farah", "gus", "hana"]
CHANNELS = ["release", "dev", "support", "design", "random"]


def demo(path: Path) -> None:
    rnd = random.Random(2024)
    t = datetime(2024, 2, 1, 8, tzinfo=timezone.utc)
    end = datetime(2024, 6, 1, tzinfo=timezone.utc)
    crunch = (datetime(2024, 4, 1, tzinfo=timezone.utc), datetime(2024, 4, 28, tzinfo=timezone.utc))
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        while t < end:
            n += 1
            channel = rnd.choices(CHANNELS, weights=[3, 5, 4, 2, 1])[0]
            author = rnd.choice(PEOPLE)
            hot = crunch[0] <= t <= crunch[1]
            p_aggr = (0.16 if hot else 0.04) + (0.06 if channel == "release" else 0) + (0.08 if author == "gus" else 0)
            p_pass = 0.10 + (0.10 if author in ("ana", "eli") else 0) - (0.04 if hot else 0)
            sents = []
            for _ in range(rnd.randint(1, 4)):
                r = rnd.random()
                sents.append(rnd.choice(AGGRESSIVE if r < p_aggr else PASSIVE if r < p_aggr + p_pass else PLAIN))
            fh.write(json.dumps({"id": n, "author": author, "channel": channel, "timestamp": t.isoformat(),
                                 "text": " ".join(sents)}) + "\n")
            t += timedelta(minutes=rnd.randint(5, 90))


def main() -> int:
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if chromium is None:
        print("Chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    exe = shutil.which("assertlint") or os.path.join(os.path.dirname(sys.executable), "assertlint")
    tmp = Path(tempfile.mkdtemp(prefix="assertlint-audit-demo-"))
    try:
        archive = tmp / "team-chat.jsonl"
        demo(archive)
        res = subprocess.run([exe, "audit", str(archive), "--out", str(tmp / "audit"), "--isolated", "-q"],
                             capture_output=True, text=True)
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr)
            return 2
        # the report names the archive as given: show a short, stable name instead of the temp path
        report = tmp / "audit" / "report.html"
        report.write_text(report.read_text(encoding="utf-8").replace(str(archive), "team-chat.jsonl"), encoding="utf-8")
        OUT.parent.mkdir(parents=True, exist_ok=True)
        profile = tmp / "profile"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                        "--hide-scrollbars", "--window-size=1150,1480", "--force-device-scale-factor=1",
                        f"--screenshot={OUT}", report.as_uri()], capture_output=True, text=True, timeout=120, check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
