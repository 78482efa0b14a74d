"""Checking a site against a rule set: its score, its gaps, its rules left to check by hand."""

from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Site

from reports.compliance.checks import SiteFacts
from reports.compliance.rules import Gap, Rule, RuleSet

PASSED, FAILED, UNCHECKED = "dat", "chua-dat", "chua-kiem-tra"


@dataclass
class RuleResult:
    rule: Rule
    status: str
    gaps: list[Gap] = field(default_factory=list)
    note: str = ""

    @property
    def passed(self) -> bool:
        return self.status == PASSED


@dataclass
class ComplianceResult:
    ruleset: RuleSet
    results: list[RuleResult]

    @property
    def score(self) -> int:
        """Weighted share of the rules met, out of those checked (by program or by hand)."""
        checked = [r for r in self.results if r.status != UNCHECKED]
        total = sum(r.rule.weight for r in checked)
        met = sum(r.rule.weight for r in checked if r.passed)
        return round(100 * met / total) if total else 0

    @property
    def failed(self) -> list[RuleResult]:
        return [r for r in self.results if r.status == FAILED]

    @property
    def failed_codes(self) -> set[str]:
        return {r.rule.code for r in self.failed}

    @property
    def unchecked(self) -> list[RuleResult]:
        return [r for r in self.results if r.status == UNCHECKED]

    @property
    def gaps(self) -> list[tuple[str, Gap]]:
        return [(r.rule.code, gap) for r in self.failed for gap in r.gaps]


def evaluate(tenant, ruleset: RuleSet, site: Site | None = None) -> ComplianceResult:
    """Check the current schema's site; manual rules take the board's recorded answer."""
    from reports.models import ManualCheck

    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    facts = SiteFacts(tenant, site, timezone.localdate())
    manual = {m.code: m for m in ManualCheck.objects.filter(ruleset=ruleset.key)}
    results = []
    for rule in ruleset.rules:
        if rule.manual:
            record = manual.get(rule.code)
            if record is None:
                results.append(RuleResult(rule, UNCHECKED))
            elif record.passed:
                results.append(RuleResult(rule, PASSED, note=record.note))
            else:
                text = f"{rule.title}: chưa đạt (kiểm tra thủ công)"
                if record.note:
                    text += f" — {record.note}"
                results.append(RuleResult(rule, FAILED, [Gap(text)], record.note))
            continue
        gaps = rule.check(facts)
        results.append(RuleResult(rule, FAILED if gaps else PASSED, gaps))
    return ComplianceResult(ruleset, results)


def save_snapshot(tenant, result: ComplianceResult) -> None:
    """Keep the latest result in the public schema for the network console."""
    from reports.network.models import ComplianceSnapshot

    ComplianceSnapshot.objects.update_or_create(
        tenant=tenant,
        ruleset=result.ruleset.key,
        defaults={
            "score": result.score,
            "gaps": [
                {"code": code, "message": gap.message, "fix_url": gap.fix_url}
                for code, gap in result.gaps
            ],
            "checked_at": timezone.now(),
        },
    )
