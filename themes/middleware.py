"""Keeps theme previews out of every cache: a ``?giao-dien=`` response is private, unstored."""

from django.utils.cache import add_never_cache_headers

from themes.theming import PREVIEW_PARAM


class ThemePreviewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if PREVIEW_PARAM in request.GET:
            add_never_cache_headers(response)
        return response
