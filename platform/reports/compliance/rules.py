"""What a rule and a gap are."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Gap:
    """Something the site lacks, said as the board would say it, and where to fix it."""

    message: str
    fix_url: str = ""


@dataclass(frozen=True)
class Rule:
    code: str  # the row of portal-requirements.md: C6, F5…
    title: str
    law: str
    check: Callable[..., list[Gap]] | None = None  # None: checked by hand
    weight: int = 1
    by_platform: bool = False  # met by the platform's code for every site

    @property
    def manual(self) -> bool:
        return self.check is None


@dataclass(frozen=True)
class RuleSet:
    key: str
    name: str
    effective_from: str  # ISO date
    effective_until: str | None
    rules: tuple[Rule, ...]

    def rule(self, code: str) -> Rule:
        return next(rule for rule in self.rules if rule.code == code)
