"""Page types every government site carries (home, sections, news …)."""
