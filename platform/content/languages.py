"""Which language a page answers in (issue 16, part 3).

Wagtail routes ``/en/…`` from ``site.root_page.localized``, which falls back to the
Vietnamese home when the site has no live English one: every ``/en/<path>`` then answered 200
with the Vietnamese page declared ``lang="en"``. Here a page answers only in its own language
(``page_in_its_language``, a ``before_serve_page`` hook), the site's home in a language is
found without that fallback (``language_root``), and an English 404 can point to the
Vietnamese page at the same path (``vietnamese_path``).
"""

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import translation


def language_root(site):
    """The live home page of ``site`` in the active language, or None when there is none."""
    root = site.root_page.localized
    if translation.get_language() != settings.LANGUAGE_CODE and root.pk == site.root_page_id:
        return None  # Wagtail's fallback to the Vietnamese home: no home in this language
    return root.specific


def page_in_its_language(page, request, serve_args, serve_kwargs):
    """``before_serve_page``: a page found under another language's prefix is a 404."""
    language = translation.get_language()
    # The Vietnamese tree is the site's root: a Vietnamese request never leaves it.
    if language and language != settings.LANGUAGE_CODE and page.locale.language_code != language:
        raise Http404


def vietnamese_path(request) -> str:
    """The path of the live, public Vietnamese page at the path of this English request
    (``/en/tin-tuc/`` → ``/tin-tuc/``), or "" when there is none."""
    from wagtail.models import Site

    language = translation.get_language()
    prefix = f"/{language}/"
    if language == settings.LANGUAGE_CODE or not request.path_info.startswith(prefix):
        return ""
    path = request.path_info[len(prefix) - 1 :]
    with translation.override(settings.LANGUAGE_CODE):
        try:
            match = resolve(path)
        except Resolver404:
            return ""
        if match.url_name in {"html_sitemap", "site_feed"}:
            return path
        if match.url_name != "wagtail_serve":
            return ""
        site = Site.find_for_request(request)
        if site is None:
            return ""
        try:
            page, _args, _kwargs = site.root_page.specific.route(
                request, [part for part in path.split("/") if part]
            )
        except Http404:
            return ""
        if (
            not page.live
            or page.locale.language_code != settings.LANGUAGE_CODE
            or page.get_view_restrictions().exists()
        ):
            return ""
        return path
