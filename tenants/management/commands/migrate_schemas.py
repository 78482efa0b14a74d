"""``migrate_schemas`` (and so ``migrate``): the public schema, the clone template, every site.

After the migrations, the site blueprint (``tenants.building``) is applied to the template
and re-applied to every site built with an older one.

A plain run checks every schema's applied migrations in one query and migrates only those
that are behind, so a deploy with nothing to do costs seconds at a thousand sites instead of
django-tenants' ~0.4 s per site (84 s at 200 sites, measured). It shows progress, carries on
past a site that fails, reports it, and exits non-zero; running it again resumes.

With ``--executor=multiprocessing`` the sites behind go to django-tenants' executor in one
call, so one pool of ``TENANT_MULTIPROCESSING_MAX_PROCESSES`` processes migrates them in
chunks of ``TENANT_MULTIPROCESSING_CHUNKS`` (the public schema and the template stay
sequential: the sites depend on them). That executor reports only the first failure and
drops the rest of the failing chunk, so afterwards one query asks which sites are still
behind, and those are migrated again one by one: a site that fails then is reported with its
own error. Inside a caller's transaction (the tests) sites are migrated one by one: the
workers could not see its data and closing its connection would end it.

The clone template is always included: django-tenants migrates only schemas with a tenant
row, and a template left behind produces sites whose tables lack new columns (prototype, P2).

Any other run (a schema, an app label, --fake, --plan, …) is django-tenants' own.
"""

from contextlib import nullcontext

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection, transaction
from django_tenants.management.commands import SyncCommon
from django_tenants.management.commands.migrate_schemas import (
    GET_EXECUTOR_FUNCTION,
    MigrateSchemasCommand,
)
from django_tenants.migration_executors import MultiprocessingExecutor, StandardExecutor
from django_tenants.utils import get_public_schema_name, schema_context

from tenants import spares
from tenants.building import site_builder
from tenants.models import Tenant
from tenants.upgrades import public_migrations, schemas_behind, site_migrations

# Options that ask for django-tenants' own behaviour.
SPECIFIC_RUN = (
    "schema_name",
    "app_label",
    "migration_name",
    "fake",
    "fake_initial",
    "plan",
    "check_unapplied",
    "prune",
    "shared",
    "tenant",
)


class Command(MigrateSchemasCommand):
    help = (
        "Migrate the public schema, the clone template and every site, skipping the schemas"
        " that are up to date."
    )

    def handle(self, *args, **options):
        if any(options.get(option) for option in SPECIFIC_RUN):
            return super().handle(*args, **options)
        SyncCommon.handle(self, *args, **options)
        self.upgrade()

    def upgrade(self) -> None:
        public, template = get_public_schema_name(), settings.TENANT_BASE_SCHEMA
        self.executor_instance = GET_EXECUTOR_FUNCTION(codename=self.executor)(
            self.args, self.options
        )
        # One schema at a time goes through the standard executor: a process pool per schema
        # would only add the cost of starting it.
        self.one_by_one = (
            StandardExecutor(self.args, self.options)
            if isinstance(self.executor_instance, MultiprocessingExecutor)
            else self.executor_instance
        )
        # The public schema first: it holds the list of sites.
        behind = schemas_behind([public], public_migrations())
        if behind and self._migrate_each(behind):
            raise CommandError("The public schema failed to migrate; no site was touched.")
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {connection.ops.quote_name(template)}")
        sites = list(
            Tenant.objects.exclude(schema_name=public)
            .order_by("schema_name")
            .values_list("schema_name", flat=True)
        )
        schemas = [template, *sites]
        behind = schemas_behind(schemas, site_migrations())
        self._say(
            f"{len(schemas) - len(behind) + 1}/{len(schemas) + 1} schemas up to date"
            f" ({len(sites)} sites); migrating {len(behind)}."
        )
        sites_behind = [schema for schema in behind if schema != template]
        if self._in_parallel(sites_behind):
            failures = self._migrate_each([template]) if template in behind else []
            failures += self._migrate_in_parallel(sites_behind)
        else:
            failures = self._migrate_each(behind)
        if template not in failures:
            builder = site_builder()
            with schema_context(template):
                if builder.build_template():
                    self._say("Applied the site blueprint to the template for new sites.")
            failures += self._upgrade_sites([s for s in sites if s not in failures], builder)
            if made := spares.fill():
                self._say(f"Prepared {made} spare schema(s) for new sites.")
        if failures:
            raise CommandError(
                f"{len(failures)} schema(s) failed to migrate: {', '.join(failures)}. Fix and"
                " run migrate again: schemas already migrated are skipped."
            )

    def _upgrade_sites(self, sites: list[str], builder) -> list[str]:
        """Re-apply the site blueprint where it changed since the site was built (one query
        finds them); return the sites that failed. This is how a role gaining a permission
        reaches every existing site, with no data migration."""
        failures = []
        outdated = builder.outdated(sites)
        tenants = Tenant.objects.in_bulk(outdated, field_name="schema_name")
        for number, schema in enumerate(outdated, start=1):
            try:
                # All of a site's blueprint or none of it: a failure half way must not leave
                # a role with half its rights (a savepoint inside a caller's transaction).
                with transaction.atomic(), schema_context(schema):
                    builder.upgrade(tenants[schema])
            except Exception as error:  # reported; the other sites go on
                failures.append(schema)
                self._say(f"[{number}/{len(outdated)}] {schema}: blueprint FAILED: {error}")
            else:
                self._say(f"[{number}/{len(outdated)}] {schema}: site blueprint applied")
        connection.set_schema_to_public()
        return failures

    def _in_parallel(self, sites: list[str]) -> bool:
        return (
            len(sites) > 1
            and self.one_by_one is not self.executor_instance
            and not connection.in_atomic_block
        )

    def _migrate_in_parallel(self, sites: list[str]) -> list[str]:
        """Migrate the sites in one call of the multiprocessing executor; return those that
        failed (found again one by one, each with its own error)."""
        self._say(f"Migrating {len(sites)} sites with the multiprocessing executor.")
        try:
            self.executor_instance.run_migrations(tenants=list(sites))
        except Exception as error:  # the first failure only; the sites still behind tell
            self._say(f"A site failed in the multiprocessing executor: {error}", self.stderr)
        connection.set_schema_to_public()
        left = schemas_behind(sites, site_migrations())
        self._say(f"{len(sites) - len(left)}/{len(sites)} sites migrated in parallel.")
        return self._migrate_each(left) if left else []

    def _migrate_each(self, schemas: list[str]) -> list[str]:
        """Migrate each schema; return those that failed.

        Each migration commits on its own, as Django intends: Wagtail's data migrations leave
        deferred constraint checks that a later ALTER TABLE in the same transaction refuses.
        Inside a caller's transaction (the tests), a savepoint per schema contains a failure.
        """
        failures = []
        for number, schema in enumerate(schemas, start=1):
            guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
            try:
                with guard:
                    self.one_by_one.run_migrations(tenants=[schema])
            except Exception as error:  # reported; the other schemas go on
                failures.append(schema)
                self._say(f"[{number}/{len(schemas)}] {schema}: FAILED: {error}", self.stderr)
            else:
                self._say(f"[{number}/{len(schemas)}] {schema}: migrated")
        connection.set_schema_to_public()
        return failures

    def _say(self, message: str, stream=None) -> None:
        if self.options.get("verbosity", 1) >= 1:
            (stream or self.stdout).write(message)
