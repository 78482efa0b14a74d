"""Accepting a request twice makes one copy (issue 22, finding 3): a double click on "Nhận vào
chuyên mục", or two deputies at once. The second accept is told in Vietnamese that the item
was just accepted; the portal holds one copy."""

from django.contrib.messages import get_messages
from django_tenants.utils import schema_context

from exchange import upward
from exchange.network.models import Submission
from tests.conftest import site_client
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


def _in_thread(function, *args):
    """On the thread's own connection, committed, as a second browser tab's request is."""
    import threading

    from django.db import connection

    errors = []

    def run():
        try:
            function(*args)
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def test_two_accepts_at_the_same_moment_make_one_copy(demo_network, django_db_blocker):
    """Two deputies at once, each choosing a section: two requests on two connections,
    released together (in one section the tree's unique path already refuses a second copy,
    with an error; in two sections nothing did). The demo network is committed, so both see
    the request; what the test adds, it removes."""
    import threading

    from django.utils import timezone
    from wagtail.models import Page

    from tests.tenants.test_console import PASSWORD as DEMO_PASSWORD

    portal, commune = demo_network["dakdoa"], demo_network["iabang"]
    title = "Ia Băng nhận tin đồng thời hai lần"
    made = {}
    start = threading.Barrier(2, timeout=30)
    answers = []

    def prepare():
        source_id = make_news(commune, title, with_files=False)
        made["submission"] = Submission.objects.create(
            source=commune,
            portal=portal,
            source_page_id=source_id,
            source_url=f"http://{commune.slug}.localhost/",
            title=title,
            sent_by="truongban@iabang",
            sent_at=timezone.now(),
        ).pk
        with schema_context(portal.schema_name):
            made["sections"] = [p.pk for p in upward.news_sections()][:2]
        made["source"] = source_id

    def accept(which):
        client = site_client(portal)
        client.post("/admin/login/", {"username": "admin", "password": DEMO_PASSWORD})
        start.wait()
        response = client.post(
            f"/admin/trao-doi/tin-co-so/{made['submission']}/xu-ly/",
            {"action": "accept", "section": made["sections"][which]},
        )
        answers.append((response.status_code, _messages(response)))

    def copies() -> int:
        with schema_context(portal.schema_name):
            return Page.objects.filter(title=title).count()

    def clean_up():
        Submission.objects.filter(title=title).delete()
        for tenant in (portal, commune):
            with schema_context(tenant.schema_name):
                for page in Page.objects.filter(title=title):
                    page.delete()

    with django_db_blocker.unblock():
        try:
            thread, errors = _in_thread(prepare)
            thread.join()
            assert errors == []
            runs = [_in_thread(accept, which) for which in range(2)]
            for thread, errors in runs:
                thread.join()
                assert errors == []
            counted = []
            thread, errors = _in_thread(lambda: counted.append(copies()))
            thread.join()
            assert errors == [] and counted == [1]
            texts = [" ".join(messages) for _status, messages in answers]
            assert sorted(status for status, _ in answers) == [302, 302]
            assert sum("Đã tạo bản nháp" in text for text in texts) == 1
            assert sum("vừa được nhận" in text or "đã được nhận" in text for text in texts) == 1
        finally:
            thread, _errors = _in_thread(clean_up)
            thread.join()
