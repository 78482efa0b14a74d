"""Every route of the exchange (issue 18) against the visitors who must not use it: an
anonymous visitor, a lower role of the same site (editor, contributor), and users of other
sites (their session means nothing here; their own board, on their own host, finds nothing).
Each is refused and nothing changes: no exchange row, no page, no e-mail."""

import pytest
from django.core import mail
from django_tenants.utils import schema_context

from exchange.network.models import Dispatch, Receipt, Submission
from tests.conftest import site_client
from tests.exchange.conftest import (  # noqa: F401 - the network fixture
    login,
    make_document,
    make_news,
    network,
    section,
)


@pytest.fixture
def exchange(network):  # noqa: F811
    """A request sent up, a document sent down to the commune only, and a news item of the
    portal to push."""
    commune, portal = network.commune, network.portal
    news = make_news(commune, "Tin gửi lên để thử quyền", with_files=False)
    login(commune).post(f"/admin/trao-doi/gui-len/{news}/", {"note": "thử"})
    document = make_document(portal, "Văn bản gửi xuống để thử quyền")
    portal_news = make_news(portal, "Tin của cổng để thử quyền", with_files=False)
    login(portal).post(
        f"/admin/trao-doi/gui-xuong/{document}/", {"target": "chosen", "sites": [commune.pk]}
    )
    return {
        "network": network,
        "news": news,
        "portal_news": portal_news,
        "submission": Submission.objects.get().pk,
        "dispatch": Dispatch.objects.get().pk,
        "receipt": Receipt.objects.get(site=commune).pk,
        "commune_section": section(commune, "van-ban"),
        "portal_section": section(portal, "tin-tuc"),
    }


def routes(x):
    """(site, method, path, data) of every route, with data that would act if allowed."""
    return [
        ("commune", "get", f"/admin/trao-doi/gui-len/{x['news']}/", None),
        ("commune", "post", f"/admin/trao-doi/gui-len/{x['news']}/", {"note": "đổi"}),
        ("commune", "get", "/admin/trao-doi/da-gui-len/", None),
        ("portal", "get", "/admin/trao-doi/tin-co-so/", None),
        ("portal", "get", f"/admin/trao-doi/tin-co-so/{x['submission']}/", None),
        (
            "portal",
            "post",
            f"/admin/trao-doi/tin-co-so/{x['submission']}/xu-ly/",
            {"action": "accept", "section": x["portal_section"], "submit_for_review": "on"},
        ),
        (
            "portal",
            "post",
            f"/admin/trao-doi/tin-co-so/{x['submission']}/xu-ly/",
            {"action": "decline", "reason": "không"},
        ),
        ("portal", "get", f"/admin/trao-doi/gui-xuong/{x['portal_news']}/", None),
        ("portal", "post", f"/admin/trao-doi/gui-xuong/{x['portal_news']}/", {"target": "all"}),
        ("portal", "get", "/admin/trao-doi/da-gui-xuong/", None),
        ("portal", "get", f"/admin/trao-doi/da-gui-xuong/{x['dispatch']}/", None),
        ("portal", "post", f"/admin/trao-doi/da-gui-xuong/{x['dispatch']}/nhac/", {}),
        ("commune", "get", "/admin/trao-doi/tu-cap-tren/", None),
        ("commune", "get", f"/admin/trao-doi/tu-cap-tren/{x['receipt']}/", None),
        (
            "commune",
            "post",
            f"/admin/trao-doi/tu-cap-tren/{x['receipt']}/xu-ly/",
            {"action": "publish", "section": x["commune_section"]},
        ),
        (
            "commune",
            "post",
            f"/admin/trao-doi/tu-cap-tren/{x['receipt']}/xu-ly/",
            {"action": "decline", "reason": "không"},
        ),
    ]


def _state(network):  # noqa: F811
    from wagtail.models import Page

    rows = [
        list(Submission.objects.values().order_by("pk")),
        list(Dispatch.objects.values().order_by("pk")),
        list(Receipt.objects.values().order_by("pk")),
    ]
    for tenant in network.all():
        with schema_context(tenant.schema_name):
            rows.append(list(Page.objects.values_list("pk", "live", "title").order_by("pk")))
    return rows


def _send(client, method, path, data):
    return client.post(path, data) if method == "post" else client.get(path)


def test_anonymous_visitors_are_sent_to_the_login(exchange):
    net = exchange["network"]
    before = _state(net)
    mail.outbox.clear()
    for site, method, path, data in routes(exchange):
        response = _send(site_client(getattr(net, site)), method, path, data)
        assert response.status_code == 302, (method, path)
        assert "/admin/login/" in response["Location"], (method, path)
    assert _state(net) == before and mail.outbox == []


@pytest.mark.parametrize("username", ["bientap", "ctv"])
def test_lower_roles_are_refused(exchange, username):
    """Editors and contributors of the very sites involved are turned away."""
    net = exchange["network"]
    before = _state(net)
    mail.outbox.clear()
    clients = {site: login(getattr(net, site), username) for site in ("commune", "portal")}
    for site, method, path, data in routes(exchange):
        response = _send(clients[site], method, path, data)
        # Wagtail's admin turns the refusal into a redirect to the dashboard with a message.
        assert response.status_code == 302, (username, method, path)
        assert response["Location"] == "/admin/", (username, method, path)
    assert _state(net) == before and mail.outbox == []


def test_another_sites_session_means_nothing_here(exchange):
    """A board member logged into the neighbour site, the other parent or its commune
    carries a session that the target site's schema does not know."""
    net = exchange["network"]
    before = _state(net)
    for other in (net.neighbour, net.other_portal, net.outsider):
        visitor = login(other)
        for site, method, path, data in routes(exchange):
            target = getattr(net, site)
            host = target.get_primary_domain().domain
            response = getattr(visitor, method)(path, data or {}, HTTP_HOST=host)
            assert response.status_code == 302, (other.slug, method, path)
            assert "/admin/login/" in response["Location"]
    assert _state(net) == before


def test_other_boards_on_their_own_sites_find_nothing(exchange):
    """The same paths on another site's own host, by its chief: what they name is not theirs
    (404), the lists are empty of it, and a send-up or push from a site of the wrong level
    is refused."""
    net = exchange["network"]
    before = _state(net)
    mail.outbox.clear()
    for other in (net.neighbour, net.other_portal, net.outsider):
        client = login(other)
        for _, method, path, data in routes(exchange):
            response = _send(client, method, path, data)
            body = response.content.decode() if response.status_code == 200 else ""
            assert response.status_code in (200, 404), (other.slug, method, path)
            assert "để thử quyền" not in body, (other.slug, path)
    assert _state(net) == before and mail.outbox == []
