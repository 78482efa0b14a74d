"""What the chief editor's admin pages cost (issue 21, part 3): the queries of the "add news"
form and of publishing through it, on a site made in the test, pinned so that nobody adds a
query unnoticed; the block definitions packed once per language; the user's groups read once.

The publish is counted with the production task backend (a row per task, run later by the
worker), not the test settings' immediate one, which would count the tasks' own queries."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.utils import translation
from django_tenants.utils import schema_context
from wagtail.admin.telepath import JSContext
from wagtail.blocks.base import BlockWidget

from content.models import NewsPage
from editorial.roles import CHIEF, DEPUTY
from portal.groups import group_names, in_any_group
from tests.editorial.conftest import BODY, NO_COMMENTS, member, page_id

# Measured on this branch (the same site, test settings): add form 34, publish 118. Before
# (main): 41 and 118.
ADD_FORM_QUERIES = 34
PUBLISH_QUERIES = 118
DATABASE_TASKS = {"default": {"BACKEND": "tasks.backend.SiteDatabaseBackend", "OPTIONS": {}}}


def _add_url(site):
    return f"/admin/pages/add/content/newspage/{page_id(site, slug='tin-tuc')}/"


def test_add_news_form_stays_within_its_queries(one_step_site, django_assert_max_num_queries):
    chief = member(one_step_site, "truongban")
    url = _add_url(one_step_site)
    assert chief.get(url).status_code == 200  # the first request of a process packs the blocks
    connection.set_schema_to_public()
    with django_assert_max_num_queries(ADD_FORM_QUERIES):
        response = chief.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    # Everything the editor had is still there: the body's block menu, the chooser of images,
    # the board's menu items.
    for text in ('data-w-block-data-value="', "paragraph", "/admin/images/chooser/",
                 "/admin/ban-bien-tap/"):  # fmt: skip
        assert text in page, text


@override_settings(TASKS=DATABASE_TASKS)
def test_publishing_stays_within_its_queries(one_step_site, django_assert_max_num_queries):
    chief = member(one_step_site, "truongban")
    url = _add_url(one_step_site)
    data = {
        "title": "Tin đăng để đếm truy vấn",
        "slug": "tin-dang-de-dem-truy-van",
        "kind": "tin",
        "date": "20/11/2026",
        "lead": "Tin.",
        "body": BODY,
        "author": "Ban biên tập",
        **NO_COMMENTS,
        "action-publish": "action-publish",
    }
    connection.set_schema_to_public()
    with django_assert_max_num_queries(PUBLISH_QUERIES):
        response = chief.post(url, data)
    assert response.status_code == 302
    with schema_context(one_step_site.schema_name):
        page = NewsPage.objects.get(slug="tin-dang-de-dem-truy-van")
        assert page.live and page.title == "Tin đăng để đếm truy vấn"


def _unkeyed(definition: str) -> str:
    """A packed definition without the random keys of its default values (a new block's
    Draftail keys and list item ids), which differ at each packing."""
    return re.sub(r'(\\*"(?:key|id)\\*": \\*")[^"\\]+', r"\1…", definition)


def test_block_definitions_are_packed_once_per_language():
    from content.models import NewsPage

    block = NewsPage._meta.get_field("body").stream_block
    packed = {}
    for language in ("vi", "en", "vi"):
        with translation.override(language):
            widget = BlockWidget(block)
            fresh = json.dumps(JSContext().pack(block))
            assert _unkeyed(widget.block_json) == _unkeyed(fresh), "what Wagtail would pack"
            assert "wagtailadmin/js/telepath/blocks.js" in str(widget.media)
            packed.setdefault(language, widget.block_json)
            assert widget.block_json is packed[language], "packed once per language"
    assert packed["vi"] != packed["en"], "labels follow the editor's language"


def test_group_names_are_read_once_and_follow_a_change(one_step_site, django_assert_num_queries):
    with schema_context(one_step_site.schema_name):
        user = get_user_model().objects.get(username="phoban")
        with django_assert_num_queries(1):
            assert in_any_group(user, (CHIEF.group_name, DEPUTY.group_name))
            assert not in_any_group(user, CHIEF.group_name)
            assert group_names(user) == {DEPUTY.group_name}
        user.groups.add(Group.objects.get(name=CHIEF.group_name))
        assert in_any_group(user, CHIEF.group_name), "a change through user.groups is seen"
        user.groups.clear()
        assert group_names(user) == frozenset()


@pytest.mark.django_db
def test_anonymous_user_has_no_groups():
    from django.contrib.auth.models import AnonymousUser

    assert group_names(AnonymousUser()) == frozenset()
    assert not in_any_group(AnonymousUser(), CHIEF.group_name)


def test_server_start_packs_what_the_editors_first_form_needs(one_step_site):
    """``portal.wsgi`` warms each process (``ContentConfig.warm_up``): the add form then
    packs nothing more, in either admin language."""
    from content.block_definitions import _PACKED, pack_all

    assert pack_all() >= 2
    block = NewsPage._meta.get_field("body").stream_block
    before = dict(block.__dict__[_PACKED])
    chief = member(one_step_site, "truongban")
    assert chief.get(_add_url(one_step_site)).status_code == 200
    assert block.__dict__[_PACKED] == before
