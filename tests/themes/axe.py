"""axe-core for the browser tests, from the npm registry (issue 6: "axe-core from the npm
registry, injected into the page"). Fetched once with ``npm pack`` into var/ at a pinned
version (npm checks the tarball's integrity); the tests skip, saying why, without npm."""

import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

AXE_VERSION = "4.10.3"
ROOT = Path(__file__).resolve().parents[2]
AXE_DIR = ROOT / "var" / "axe"
SERIOUS = ("serious", "critical")


def axe_source() -> str:
    target = AXE_DIR / f"axe-{AXE_VERSION}.min.js"
    if not target.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: cannot fetch axe-core")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        tarball = AXE_DIR / f"axe-core-{AXE_VERSION}.tgz"
        if not tarball.exists():
            subprocess.run(  # noqa: S603 - fixed arguments
                [npm, "pack", f"axe-core@{AXE_VERSION}", "--silent"],
                cwd=AXE_DIR,
                check=True,
                timeout=300,
                capture_output=True,
            )
        with tarfile.open(tarball) as archive:
            member = archive.extractfile("package/axe.min.js")
            target.write_bytes(member.read())
    return target.read_text(encoding="utf-8")


def serious_violations(page, source: str) -> list[str]:
    """Run axe on the page (WCAG 2.1 A/AA rules) and describe its serious and critical
    violations, one line per failing element."""
    # Evaluated through the browser's debugging protocol, not as a <script> tag, which the
    # page's Content-Security-Policy (no 'unsafe-inline' on public pages) would block.
    page.evaluate(source + "\n;0")  # the value of the last statement is not needed
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                            'best-practice']},
            resultTypes: ['violations']})"""
    )
    assert len(result["passes"]) > 20, "axe did not run its rules"
    return [
        f"{v['impact']} {v['id']}: {node['target']} {node.get('failureSummary', '')[:200]}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
        for node in v["nodes"]
    ]


def all_violations(page, source: str) -> list[str]:
    """Run every axe rule, experimental ones included (label-content-name-mismatch is one),
    and describe each violation of any impact, one line per failing element."""
    page.evaluate(source + "\n;0")
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'rule', values: axe.getRules().map(r => r.ruleId)},
            resultTypes: ['violations']})"""
    )
    assert len(result["passes"]) > 20, "axe did not run its rules"
    return [
        f"{v['impact']} {v['id']}: {node['target']} {node.get('failureSummary', '')[:300]}"
        for v in result["violations"]
        for node in v["nodes"]
    ]
