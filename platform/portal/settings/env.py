"""The one place settings read the environment.

Every variable read here is listed in the README's table with its purpose and default;
nothing else in the code base reads ``os.environ``.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set (see the README's table of variables)."
        )
    return default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str] | None = None, *, required: bool = False) -> list[str]:
    value = env(name, required=required)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]
