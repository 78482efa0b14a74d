"""``migrate`` is ``migrate_schemas``: the public schema, every site and the clone template."""

from tenants.management.commands.migrate_schemas import Command  # noqa: F401
