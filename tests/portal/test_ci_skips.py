"""CI says what it skipped (issue 17, finding 4): a browser test may not skip under CI=true."""

from types import SimpleNamespace

import pytest

from tests.conftest import refuse_browser_skip


def _item(*markers):
    return SimpleNamespace(get_closest_marker=lambda name: name if name in markers else None)


def _skipped(reason="Debian's chromium is not installed"):
    return SimpleNamespace(
        skipped=True, outcome="skipped", longrepr=("tests/x.py", 3, f"Skipped: {reason}")
    )


def test_under_ci_a_skipped_browser_test_fails_with_its_reason(monkeypatch):
    monkeypatch.setenv("CI", "true")
    report = _skipped()
    refuse_browser_skip(_item("browser"), report)
    assert report.outcome == "failed"
    assert "chromium is not installed" in report.longrepr


@pytest.mark.parametrize(
    ("ci", "markers"), [("true", ()), ("", ("browser",)), ("false", ("browser",))]
)
def test_other_skips_and_local_runs_stay_skips(monkeypatch, ci, markers):
    monkeypatch.setenv("CI", ci)
    report = _skipped()
    refuse_browser_skip(_item(*markers), report)
    assert report.outcome == "skipped"


def test_every_skip_is_reported_with_its_reason(pytestconfig):
    assert "s" in pytestconfig.option.reportchars  # -rs in pyproject's addopts
