#!/bin/sh
# Before serving: copies this release's static files into the volume nginx serves (a volume
# keeps the previous release's files otherwise), and migrates the public schema, every site
# and the clone template, so a release never serves (or clones) a schema behind its code.
set -e
python manage.py collectstatic --noinput -v0
if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
  python manage.py migrate --noinput -v1
fi
exec "$@"
