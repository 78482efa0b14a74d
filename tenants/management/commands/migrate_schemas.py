"""``migrate_schemas`` that also migrates the clone template schema.

django-tenants migrates only schemas that have a tenant row, and fakes the migrations of a
clone, so a template left behind produces sites whose tables lack new columns (prototype, P2).
Migrating the template in the same command as everything else makes that impossible to forget.
"""

from django.conf import settings
from django.db import connection
from django_tenants.management.commands.migrate_schemas import (
    GET_EXECUTOR_FUNCTION,
    MigrateSchemasCommand,
)
from django_tenants.utils import schema_exists


class Command(MigrateSchemasCommand):
    help = MigrateSchemasCommand.help + " Also keeps the template schema new sites are cloned from."

    def handle(self, *args, **options):
        super().handle(*args, **options)
        if self.sync_tenant and not options.get("schema_name"):
            migrate_template_schema(self.args, self.options, self.executor)


def migrate_template_schema(args, options, executor=None) -> None:
    template = settings.TENANT_BASE_SCHEMA
    if not schema_exists(template):
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{template}"')
    GET_EXECUTOR_FUNCTION(codename=executor)(args, options).run_migrations(tenants=[template])
