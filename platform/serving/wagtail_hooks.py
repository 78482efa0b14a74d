"""Remembers which page a response shows, so a page-cache hit counts a view of it."""

from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    request.served_page_id = page.pk
