"""ASGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT, ROOT / "platform"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from django.core.asgi import get_asgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_asgi_application()
