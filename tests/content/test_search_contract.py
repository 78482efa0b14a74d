"""The contract the cross-site search indexes by: kind, summary, date and extra fields."""

from datetime import date

from django_tenants.utils import schema_context
from wagtail.search import index


def test_each_page_type_declares_its_search_kind_and_text_fields():
    from content import models

    kinds = {
        models.NewsPage: "news",
        models.DocumentPage: "document",
        models.ProcedurePage: "procedure",
        models.HomePage: "page",
        models.SectionPage: "page",
        models.ContactPage: "page",
        models.IntroductionPage: "page",
        models.QuestionIndexPage: "page",
    }
    for model, kind in kinds.items():
        assert model.search_kind == kind
        searched = {f.field_name for f in model.search_fields if isinstance(f, index.SearchField)}
        assert "title" in searched, model
    assert {"lead", "body"} <= {f.field_name for f in models.NewsPage.search_fields}
    assert {"number", "abstract"} <= {f.field_name for f in models.DocumentPage.search_fields}


def test_a_document_gives_its_number_type_issuer_sector_and_iso_dates(db, demo_network):
    from content.models import DocumentPage

    with schema_context(demo_network["glar"].schema_name):
        document = DocumentPage.objects.get(number="58/KH-UBND")
        extra = document.search_extra()
        assert extra["number"] == "58/KH-UBND"
        assert extra["document_type"] == "Kế hoạch"
        assert extra["issuing_body"] == "Ủy ban nhân dân xã Glar"
        assert extra["sector"] == "Khoa học – Công nghệ"
        assert extra["issue_date"] == document.issue_date.isoformat()
        assert document.search_date() == document.issue_date
        assert document.search_summary() == document.abstract
        assert all(isinstance(v, str) for v in extra.values())


def test_a_news_item_summarises_by_its_lead_and_dates_by_its_publication_date(db, demo_network):
    from content.models import NewsPage, SectionPage

    with schema_context(demo_network["glar"].schema_name):
        item = NewsPage.objects.filter(kind="bai").get()
        assert item.search_summary() == item.lead
        assert isinstance(item.search_date(), date)
        assert item.search_extra()["kind"] == "Bài"
        section = SectionPage.objects.get(slug="tin-tuc")
        assert section.search_date() == section.first_published_at.date()


def test_a_published_question_offers_the_same_contract_and_a_public_address(db, demo_network):
    from content.models import Question

    with schema_context(demo_network["iabang"].schema_name):
        question = Question.published().first()
        assert Question.search_kind == "question"
        assert question.search_summary().startswith(question.answer[3:20])
        assert question.search_date() is not None
        assert question.search_extra()["code"] == question.code
        assert question.public_url() == f"/hoi-dap/tra-cuu/?ma={question.code}"
        assert question.contact not in repr(question.search_extra())
