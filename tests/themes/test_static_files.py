"""Static files in production (issue 6, item 5): collected once with hashed names that pages
link to, so nginx may let browsers cache them for a year (docker/nginx.conf)."""

import re

from django.core.management import call_command
from django.test import override_settings

from tests.themes.conftest import home


def test_production_pages_link_hashed_theme_files(network, tmp_path, settings):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages, DEBUG=False):
        call_command("collectstatic", interactive=False, verbosity=0)
        page = home(network["iabang"])
    links = re.findall(r'href="/static/(themes/css/[^"]+)"', page)
    assert len(links) == 1, links  # one stylesheet: the design system and every token set
    for link in links:
        assert re.search(r"\.[0-9a-f]{12}\.css$", link), link
        assert (tmp_path / link).exists()
    # The USWDS icons the stylesheet names are collected with it, under hashed names too.
    css = (tmp_path / links[0]).read_text(encoding="utf-8")
    icons = re.findall(r'url\("?(\.\./img/[^")]+)"?\)', css)
    assert icons
    for icon in icons:
        assert re.search(r"\.[0-9a-f]{12}\.svg$", icon), icon
        assert (tmp_path / "themes" / "css" / icon).resolve().exists(), icon
