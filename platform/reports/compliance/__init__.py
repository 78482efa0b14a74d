"""Legal compliance of a site (issue 9, part 4): rule sets versioned by the law they come from.

A rule is data (code, title, legal reference, weight) plus, where a program can tell, a small
check function returning the gaps it finds, each with the admin address where the board fixes
it. A rule without a function is checked by hand ("kiểm tra thủ công"); the board records the
result (``reports.models.ManualCheck``). A new decree is a new rule set in ``rulesets``.
Rows are those of ``shared/law/portal-requirements.md`` (checklist C1–C24, functions F1–F24).
"""
