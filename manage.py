#!/usr/bin/env python3
"""Django's command-line utility; development settings unless DJANGO_SETTINGS_MODULE is set.

``platform/`` is a source root, not a package: a package named ``platform`` would shadow the
standard library module of that name (DESIGN.md), so it is put on ``sys.path`` here instead.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
