"""Settings: Vietnamese defaults, tenant-aware caches, a database that is real or embedded,
and production settings that refuse to start without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from portal.database import database_settings

PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-key-for-the-test",
    "ALLOWED_HOSTS": "dakdoa.gialai.gov.vn",
    "DATABASE_URL": "postgres://portal:secret@db.invalid:5432/portal",
}


def _import_production_settings(env: dict) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    code = (
        "from portal.settings import production as s;"
        "print(s.DATABASES['default']['HOST'], s.ALLOWED_HOSTS, s.DEBUG)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**clean_env, **env, "PYTHONPATH": f"{settings.BASE_DIR}/platform:{settings.BASE_DIR}"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_settings_refuse_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _import_production_settings(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"The environment variable {missing} must be set" in result.stderr


def test_production_settings_use_the_configured_server_and_start_nothing():
    result = _import_production_settings(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["db.invalid", "['dakdoa.gialai.gov.vn']", "False"]


def test_a_database_url_is_used_as_given_and_no_embedded_server_is_started(tmp_path):
    data_dir = tmp_path / "pgdata"
    config = database_settings("postgres://u:p@db.example.org:6543/network", data_dir, "x")
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example.org", 6543, "network")
    assert config["ENGINE"] == "portal.postgresql_backend"
    assert not data_dir.exists()


def test_without_a_database_url_the_embedded_server_in_the_project_is_used():
    config = settings.DATABASES["default"]
    if os.environ.get("DATABASE_URL"):
        pytest.skip("this run uses the server given by DATABASE_URL")
    assert Path(config["HOST"]).is_relative_to(Path(settings.BASE_DIR) / "var")


def test_every_cache_alias_makes_tenant_aware_keys():
    for alias, config in settings.CACHES.items():
        assert config["KEY_FUNCTION"] == "django_tenants.cache.make_key", alias


def test_vietnamese_is_the_default_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == ["vi", "en"]
