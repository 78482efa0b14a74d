"""The page form's block definitions, packed once per process instead of once per request.

Wagtail's StreamField widget (``BlockWidget``) serialises the whole block tree — every block,
its labels, help texts and child widgets — to telepath JSON each time a page form is built,
and the form is built for every request of the add and edit views: the news body alone took
about a tenth of the CPU of the "add news" form (issue 21, part 3). The definition depends on
nothing of the request except the interface language (labels are translated when packed) and
the URLconf chooser URLs are reversed with, so it is kept on the block definition, keyed by
those two. Block definitions are made once, with their model's StreamField, so the cache
lives as long as they do.
"""

from django.apps import apps
from django.conf import settings
from django.urls import get_urlconf
from django.utils import translation
from wagtail.blocks.base import BlockWidget
from wagtail.fields import StreamField

_wagtail_build = BlockWidget._build_block_json
_PACKED = "_portal_packed_definitions"


def _build_once(widget: BlockWidget) -> None:
    packed = widget.block_def.__dict__.setdefault(_PACKED, {})
    key = (translation.get_language(), get_urlconf())
    if key not in packed:
        _wagtail_build(widget)
        packed[key] = (widget._js_context, widget._block_json)
    widget._js_context, widget._block_json = packed[key]


def pack_all() -> int:
    """Pack every StreamField's definition in every admin language (sites' URLconf): each
    server process does it at start (``portal.wsgi`` calls ``ContentConfig.warm_up``), so no
    editor's first page form of a process pays for it. Returns how many were packed."""
    count = 0
    for model in apps.get_models():
        for field in model._meta.local_fields:
            if not isinstance(field, StreamField):
                continue
            for language, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES:
                with translation.override(language):
                    BlockWidget(field.stream_block).block_json  # noqa: B018 (packs it)
                count += 1
    return count


def install() -> None:
    """Called from ``ContentConfig.ready``; pinned by tests/editorial/test_admin_costs.py."""
    BlockWidget._build_block_json = _build_once
