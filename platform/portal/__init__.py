"""The Django project package of the portal platform: settings, URLconfs, WSGI/ASGI.

``platform/`` is a source root (DESIGN.md), and the top-level apps (tenants, themes, search)
live in the repository root above it. A server that imports ``portal.wsgi`` with only
``platform/`` on its path finds them because importing this package adds the root.
"""

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.append(_ROOT)
