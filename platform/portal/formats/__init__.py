"""Locale formats Django lacks for Vietnamese (FORMAT_MODULE_PATH)."""
