"""Reports (issue 9): visits, the board's periodic report, the network report and compliance.

Two Django apps live here. ``reports`` is a tenant app: what belongs to one site (its visit
settings, the manual compliance results its board records). ``reports.network`` is a shared
app in the public schema: the daily visit counters of every site and the latest compliance
score of every site, so the network report reads them in one query (DESIGN.md, decision 7).
"""
