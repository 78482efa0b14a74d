"""What reaches the index without a page being published: a new site's skeleton, and the
citizens' questions the board answers and makes public (issue 7, gaps 1 and 2)."""

import re

from django.core.management import call_command
from django.db import transaction
from django_tenants.utils import schema_context
from wagtail.models import Page

from search.models import Entry, Word
from tenants.models import Tenant
from tenants.services import create_site
from tests.conftest import site_client
from tests.search.conftest import search, section, titles


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_new_sites_sections_are_found_from_another_site_without_a_rebuild(network):
    district = Tenant.objects.get(slug="dakdoa")
    new = create_site(
        name="Xã Ia Pết", slug="iapet", kind="commune", domain="iapet.localhost", parent=district
    ).tenant

    page = text_of(
        site_client(network["glar"]).get("/tim-kiem/", {"q": "to chuc bo may", "don_vi": "iapet"})
    )
    found = page[page.find("kết quả") - 100 : page.find("kết quả") + 1500]
    assert "1 kết quả" in page, found
    assert 'href="http://iapet.localhost/to-chuc-bo-may/"' in page, found
    assert "Xã Ia Pết" in page
    with schema_context(new.schema_name):
        live = Page.objects.filter(depth__gt=1, live=True).count()
    assert Entry.objects.filter(site_id=new.pk).count() == live >= 10


def test_a_site_made_again_under_the_same_name_is_indexed_at_its_own_address(network):
    district = Tenant.objects.get(slug="dakdoa")
    with transaction.atomic():  # a first "iapet" (at iapet.dakdoa.localhost), rolled back
        create_site(name="Xã Ia Pết", slug="iapet", kind="commune", parent=district)
        transaction.set_rollback(True)
    new = create_site(
        name="Xã Ia Pết", slug="iapet", kind="commune", domain="iapet.localhost", parent=district
    ).tenant
    urls = list(Entry.objects.filter(site_id=new.pk).values_list("url", flat=True))
    assert len(urls) >= 10
    assert all(url.startswith("http://iapet.localhost/") for url in urls), urls


def _ask(tenant, text, *, name="Nguyễn Văn Hỏi", contact="0905123456"):
    from content.models import Question

    with schema_context(tenant.schema_name):
        return Question.objects.create(name=name, contact=contact, question=text)


def _answer(tenant, question, answer, *, public=True):
    from content.models import Question

    with schema_context(tenant.schema_name):
        question = Question.objects.get(pk=question.pk)
        question.status = Question.Status.ANSWERED
        question.answer = f"<p>{answer}</p>"
        question.answered_by = "Công chức Tư pháp – Hộ tịch"
        question.is_public = public
        question.full_clean()
        question.save()
        return question


def test_an_answered_public_question_is_found_as_a_question_from_every_site(network):
    tenant = network["habau"]
    question = _ask(tenant, "Thủ tục đăng ký khai sinh Qazwsx cho con cần giấy tờ gì?")
    assert search("qazwsx").total == 0  # received, not answered

    question = _answer(tenant, question, "Mang giấy chứng sinh bản chính.", public=False)
    assert search("qazwsx").total == 0  # answered, not public

    question = _answer(tenant, question, "Mang giấy chứng sinh bản chính.")
    result = search("qazwsx")
    [hit] = result.hits
    assert hit.kind == "question" and hit.site_name == "Xã Hà Bầu"
    assert hit.url == f"http://habau.localhost/hoi-dap/tra-cuu/?ma={question.code}"
    assert search("giay chung sinh qazwsx", kinds=["question"]).total == 1  # the answer too
    assert search(question.code).total == 1
    # …but its random letters are not offered as words by the typo correction.
    assert not Word.objects.filter(word=question.code.split("-")[-1].lower()).exists()

    page = text_of(site_client(network["iabang"]).get("/tim-kiem/", {"q": "khai sinh qazwsx"}))
    assert "Hỏi – Đáp" in page and f"ma={question.code}" in page
    # The asker's name and contact are never stored in the network-wide index.
    entry = Entry.objects.get(site_id=tenant.pk, kind="question", title__contains="Qazwsx")
    stored = " ".join([entry.title, entry.summary, entry.body, entry.keywords, str(entry.extra)])
    assert "Nguyễn Văn Hỏi" not in stored and "0905123456" not in stored


def test_withdrawing_or_deleting_a_question_removes_it(network):
    tenant = network["glar"]
    first = _answer(tenant, _ask(tenant, "Hỏi về Edcrfv trợ cấp người cao tuổi"), "Đủ 80 tuổi.")
    second = _answer(tenant, _ask(tenant, "Hỏi về Tgbyhn cấp đổi căn cước"), "Tại công an xã.")
    assert search("edcrfv").total == search("tgbyhn").total == 1

    _answer(tenant, first, "Đủ 80 tuổi.", public=False)
    assert search("edcrfv").total == 0
    with schema_context(tenant.schema_name):
        type(second).objects.get(pk=second.pk).delete()
    assert search("tgbyhn").total == 0


def test_questions_follow_their_list_page_and_survive_a_rebuild(network):
    tenant = network["namyang"]
    _answer(tenant, _ask(tenant, "Hỏi về Ujmikol hỗ trợ nhà ở"), "Liên hệ bộ phận một cửa.")
    call_command("rebuild_search_index", site=["namyang"], fresh=True, stdout=None)
    assert titles(search("ujmikol")) == ["Hỏi về Ujmikol hỗ trợ nhà ở"]

    with schema_context(tenant.schema_name):
        section(tenant, "hoi-dap").unpublish()
    assert search("ujmikol").total == 0  # no public page to read it on
    with schema_context(tenant.schema_name):
        section(tenant, "hoi-dap").save_revision().publish()
    assert search("ujmikol").total == 1
