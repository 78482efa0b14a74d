"""The routes of issue 20 against who must not use them: the board's screens of comments on
drafts (list, edit, delete, add), the comment form's POST and the rating POST, asked by an
anonymous visitor, a lower role of the same site and a user of another site. Each is refused
and nothing changes; the public POSTs accept citizens but never another site's page."""

import pytest
from django_tenants.utils import schema_context

from tests import factories
from tests.conftest import site_client
from tests.content.test_consultations import form, publish_draft

LIST = "/admin/snippets/content/draftcomment/"
SECRET = "Góp ý riêng của người dân Ia Tô về quy chế"


@pytest.fixture
def sites(db, demo_network):
    a = factories.commune(demo_network["dakdoa"])
    b = factories.commune(demo_network["dakdoa"])
    members = factories.board(a)
    factories.board(b)
    draft = publish_draft(a)
    from content.models import DraftComment

    with schema_context(a.schema_name):
        comment = DraftComment.objects.create(
            draft_id=draft.pk, name="Nguyễn Bí Mật", contact="0911000111", text=SECRET
        )
    return a, b, members, draft, comment


def login(tenant, username):
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": username, "password": factories.PASSWORD})
    assert response.status_code == 302
    return client


def state(tenant):
    from content.models import DraftComment

    with schema_context(tenant.schema_name):
        return list(DraftComment.objects.order_by("pk").values_list("pk", "status", "answer"))


def admin_routes(comment):
    return [
        LIST,
        f"{LIST}edit/{comment.pk}/",
        f"{LIST}delete/{comment.pk}/",
        f"{LIST}add/",
    ]


@pytest.mark.parametrize("actor", ["anonymous", "bientap", "ctv1", "quantri"])
def test_anonymous_and_lower_roles_cannot_read_or_change_comments(sites, actor):
    a, _b, _members, _draft, comment = sites
    client = site_client(a) if actor == "anonymous" else login(a, actor)
    before = state(a)
    for url in admin_routes(comment):
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"status": "tiep-thu", "answer": "Sửa"})
            assert response.status_code in (302, 403), (actor, method, url)
            assert SECRET not in response.content.decode() and b"0911000111" not in response.content
            if actor == "anonymous" and response.status_code == 302:
                assert "/admin/login/" in response["Location"]
    assert state(a) == before


def test_the_chief_and_deputy_handle_comments_and_only_the_chief_deletes(sites):
    a, _b, _members, _draft, comment = sites
    deputy, chief = login(a, "phoban"), login(a, "truongban")
    assert SECRET in deputy.get(LIST).content.decode()
    assert deputy.get(f"{LIST}add/").status_code in (302, 403)  # citizens only add comments
    deputy.post(f"{LIST}delete/{comment.pk}/")
    assert len(state(a)) == 1
    chief.post(f"{LIST}delete/{comment.pk}/")
    assert state(a) == []


def test_a_user_of_another_site_reaches_nothing(sites):
    a, b, _members, _draft, comment = sites
    # B's chief on B's own host: the comment's id names nothing there.
    on_b = login(b, "truongban")
    for url in admin_routes(comment)[1:3]:
        response = on_b.get(url)
        assert response.status_code in (302, 404) and SECRET not in response.content.decode()
    assert SECRET not in on_b.get(LIST).content.decode()
    # B's session cookie on A's host is no session at all.
    on_a = site_client(a)
    on_a.cookies["sessionid"] = on_b.cookies["sessionid"].value
    response = on_a.get(LIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # A's draft asked for on B's host does not exist there; nothing is stored in either site.
    posted = site_client(b).post(
        "/lay-y-kien-du-thao/du-thao-quy-che/", form(), REMOTE_ADDR="203.0.113.40"
    )
    assert posted.status_code == 404
    assert len(state(a)) == 1 and state(b) == []


def test_the_public_comment_post_takes_a_citizens_comment_and_shows_nobody_elses(sites):
    a, _b, _members, _draft, _comment = sites
    client = site_client(a)
    response = client.post(
        "/lay-y-kien-du-thao/du-thao-quy-che/",
        form(text="Một góp ý công khai của công dân về quy chế."),
        REMOTE_ADDR="203.0.113.41",
    )
    assert response.status_code == 302
    page = client.get("/lay-y-kien-du-thao/du-thao-quy-che/").content.decode()
    assert SECRET not in page and "Nguyễn Bí Mật" not in page and "0911000111" not in page
    assert len(state(a)) == 2


def test_the_rating_post_refuses_another_sites_form_and_get(sites):
    from ratings.models import Rating

    a, b, _members, _draft, _comment = sites
    client = site_client(a)
    scores = {"interface": 4, "content": 4, "quality": 4, "support": 4}
    other = f"http://{b.get_primary_domain().domain}"
    assert client.post("/danh-gia/", scores, HTTP_ORIGIN=other).status_code == 403
    assert client.post("/danh-gia/", scores, HTTP_REFERER=f"{other}/tin-tuc/").status_code == 403
    assert client.get("/danh-gia/").status_code == 405
    board = login(a, "truongban")  # a logged-in member is no exception to the Origin rule
    assert board.post("/danh-gia/", scores, HTTP_ORIGIN=other).status_code == 403
    for tenant in (a, b):
        with schema_context(tenant.schema_name):
            assert Rating.objects.count() == 0
    own = f"http://{a.get_primary_domain().domain}"
    assert client.post("/danh-gia/", scores, HTTP_ORIGIN=own).status_code == 201
    with schema_context(b.schema_name):
        assert Rating.objects.count() == 0  # A's rating stays in A


def test_an_archived_site_takes_neither_comments_nor_ratings(sites):
    from tenants.models import Tenant

    a, _b, _members, _draft, _comment = sites
    Tenant.objects.filter(pk=a.pk).update(status="archived")
    client = site_client(a)
    own = f"http://{a.get_primary_domain().domain}"
    scores = {"interface": 4, "content": 4, "quality": 4, "support": 4}
    assert client.post("/danh-gia/", scores, HTTP_ORIGIN=own).status_code == 403
    response = client.post(
        "/lay-y-kien-du-thao/du-thao-quy-che/", form(), REMOTE_ADDR="203.0.113.42"
    )
    assert response.status_code == 403
    assert len(state(a)) == 1
