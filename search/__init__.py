"""Cross-site search: one index fed by every site, on PostgreSQL or Elasticsearch (issue 7)."""
