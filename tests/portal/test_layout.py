"""The source layout: ``platform/`` is a source root, never a package shadowing the stdlib."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings


def test_platform_folder_is_not_a_python_package():
    assert not (Path(settings.BASE_DIR) / "platform" / "__init__.py").exists()


def test_stdlib_platform_module_still_works_with_the_source_roots_on_the_path():
    import platform

    assert Path(platform.__file__).parent == Path(subprocess.__file__).parent
    assert platform.system() == "Linux"


def test_manage_py_runs_django_checks_with_the_development_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
