"""Shared templates and static files of every site, and (later) themes and branding."""
