"""Accepting a request twice makes one copy (issue 22, finding 3): a double click on "Nhận vào
chuyên mục", or two deputies at once. The second accept is told in Vietnamese that the item
was just accepted; the portal holds one copy."""

from django.contrib.messages import get_messages
from django_tenants.utils import schema_context

from exchange import upward
from exchange.network.models import Submission
from tests.exchange.conftest import login, make_news, section

TITLE = "Ia Một tổ chức ngày hội đại đoàn kết toàn dân tộc"


def _copies(portal) -> int:
    from content.models import NewsPage

    with schema_context(portal.schema_name):
        return NewsPage.objects.filter(title=TITLE).count()


def _accept(client, submission, news):
    return client.post(
        f"/admin/trao-doi/tin-co-so/{submission.pk}/xu-ly/",
        {"action": "accept", "section": news},
    )


def _sent(network):
    source_id = make_news(network.commune, TITLE, with_files=False)
    login(network.commune).post(f"/admin/trao-doi/gui-len/{source_id}/", {"note": ""})
    return Submission.objects.get()


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_two_accepts_one_after_the_other_make_one_copy(network):
    submission = _sent(network)
    deputy = login(network.portal, "phoban")
    news = section(network.portal, "tin-tuc")
    assert _accept(deputy, submission, news).status_code == 302
    second = _accept(deputy, submission, news)
    assert second.status_code == 302
    assert _copies(network.portal) == 1
    assert "Tin này đã được nhận." in _messages(second)


def test_an_accept_that_read_the_request_before_the_other_committed_makes_no_copy(
    network, monkeypatch
):
    """Both requests read the request as "sent" before either committed: the race of two
    deputies choosing two sections. The second one, holding that stale read, still finds the
    request accepted (without the lock it made a second copy in the other section)."""
    submission = _sent(network)
    deputy, chief = login(network.portal, "phoban"), login(network.portal)
    news = section(network.portal, "tin-tuc")
    with schema_context(network.portal.schema_name):
        other = next(p.pk for p in upward.news_sections() if p.pk != news)
    stale = Submission.objects.select_related("source", "portal").get(pk=submission.pk)

    assert _accept(deputy, submission, news).status_code == 302
    monkeypatch.setattr(upward, "_submission", lambda request, pk: stale)
    second = _accept(chief, submission, other)

    assert second.status_code == 302
    assert _copies(network.portal) == 1
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED
    with schema_context(network.portal.schema_name):
        from wagtail.models import Page

        assert Page.objects.get(pk=submission.copy_page_id).title == TITLE
    assert any("bấm hai lần" in text and "một bản sao" in text for text in _messages(second))
