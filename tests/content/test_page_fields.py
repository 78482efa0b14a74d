"""What a citizen sees on each page type: its fields, dates as dd/mm/yyyy, the breadcrumb,
print and share tools, and the metadata machines read (Dublin Core, Open Graph)."""

import re

import pytest
from django_tenants.utils import schema_context

from tests.conftest import site_client


def _page(tenant, model_name, **filters):
    from content import models

    with schema_context(tenant.schema_name):
        page = getattr(models, model_name).objects.live().filter(**filters).first()
        return page, page.url


def _html(tenant, path):
    response = site_client(tenant).get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_a_news_article_shows_its_kind_date_lead_body_blocks_and_credits(db, demo_network):
    tenant = demo_network["iabang"]
    page, path = _page(tenant, "NewsPage", kind="bai")
    html = _html(tenant, path)
    assert "<h1>Mô hình trồng cà phê xen sầu riêng giúp nông dân Ia Băng tăng thu nhập</h1>" in html
    assert ">Bài</span>" in html
    assert page.date.strftime("%d/%m/%Y") in html
    assert "tăng thu nhập bình quân" not in html or page.lead in html
    assert page.lead in html
    assert "<blockquote>" in html and "Chủ tịch Hội Nông dân" in html
    assert "<caption>Diện tích trồng xen qua các năm (ha)</caption>" in html
    assert '<th scope="col">Năm</th>' in html
    assert 'alt="Vườn cà phê xen sầu riêng ở Ia Băng"' in html
    assert "Tác giả: Ban biên tập" in html
    assert "Hội Nông dân xã Ia Băng" in html


def test_a_photo_item_shows_its_gallery_and_an_audio_item_its_player(db, demo_network):
    tenant = demo_network["habau"]
    _, photo_path = _page(tenant, "NewsPage", kind="tin-anh")
    html = _html(tenant, photo_path)
    assert 'class="block-gallery"' in html
    assert len(set(re.findall(r'<img [^>]*alt="Ngày hội Hà Bầu \d"', html))) == 3

    _, audio_path = _page(tenant, "NewsPage", kind="audio")
    html = _html(tenant, audio_path)
    assert re.search(r'<audio controls preload="none" src="[^"]+\.mp3"', html)
    assert "Nội dung bản tin" in html


def test_a_document_shows_the_seven_fields_the_law_names_plus_signer_and_sector(db, demo_network):
    tenant = demo_network["glar"]
    page, path = _page(tenant, "DocumentPage", number="164/TB-UBND")
    html = _html(tenant, path)
    for label, value in [
        ("Số ký hiệu", "164/TB-UBND"),
        ("Loại văn bản", "Thông báo"),
        ("Cơ quan ban hành", "Ủy ban nhân dân xã Glar"),
        ("Ngày ban hành", page.issue_date.strftime("%d/%m/%Y")),
        ("Ngày hiệu lực", page.effective_date.strftime("%d/%m/%Y")),
        ("Trích yếu", page.abstract),
        ("Người ký", "Nguyễn Văn Hùng"),
        ("Lĩnh vực", "Tư pháp – Hộ tịch"),
    ]:
        assert re.search(rf"<dt>{label}</dt><dd>(<time[^>]*>)?{re.escape(value)}", html), label
    assert "Tải văn bản" in html and ".pdf" in html


def test_a_procedure_shows_code_level_time_fees_documents_and_online_link(db, demo_network):
    tenant = demo_network["namyang"]
    _, path = _page(tenant, "ProcedurePage", code="1.001193")
    html = _html(tenant, path)
    assert "<h1>Đăng ký khai sinh</h1>" in html
    assert "<dd>1.001193</dd>" in html
    assert "Dịch vụ công trực tuyến toàn trình" in html
    assert "<dd>Ngay trong ngày</dd>" in html and "<dd>Miễn</dd>" in html
    assert "Tờ khai theo mẫu" in html
    assert 'href="https://dichvucong.gov.vn"' in html


def test_the_schedule_opens_on_this_week_and_links_the_previous_week(db, demo_network):
    from content.models import ScheduleWeekPage

    tenant = demo_network["iabang"]
    with schema_context(tenant.schema_name):
        weeks = list(ScheduleWeekPage.objects.live().order_by("-week_start"))
        index_url = weeks[0].get_parent().url
    html = _html(tenant, index_url)
    current, previous = weeks[0], weeks[1]
    assert f'<h2 id="current-week"><a href="{current.url}">{current.title}</a></h2>' in html
    assert f"Từ {current.week_start:%d/%m/%Y} đến {current.week_end:%d/%m/%Y}" in html
    assert "Giao ban Ủy ban nhân dân" in html
    assert f'<a href="{previous.url}">{previous.title}</a>' in html


def test_introduction_organisation_and_contact_show_what_the_law_requires(db, demo_network):
    tenant = demo_network["dakdoa"]
    intro = _html(tenant, "/gioi-thieu/")
    assert "Chức năng, nhiệm vụ, quyền hạn" in intro and "cơ quan hành chính nhà nước" in intro
    assert "Điều kiện tự nhiên" in intro
    organisation = _html(tenant, "/to-chuc-bo-may/")
    assert "<h3>Nguyễn Văn Hùng</h3>" in organisation
    assert "Chủ tịch Ủy ban nhân dân" in organisation and "Tiểu sử:" in organisation
    contact = _html(tenant, "/lien-he/")
    assert "ubnd.dakdoa@gialai.gov.vn" in contact
    assert "Lê Thị Mai" in contact
    assert "Đầu mối tiếp nhận yêu cầu cung cấp thông tin" in contact


def test_the_home_page_shows_news_documents_this_weeks_schedule_links_and_hotline(db, demo_network):
    html = _html(demo_network["iabang"], "/")
    assert "Tin nổi bật" in html and "Tin mới" in html
    assert "Văn bản mới" in html and "164/TB-UBND" in html
    assert "Lịch công tác tuần" in html and "Giao ban Ủy ban nhân dân" in html
    assert 'href="https://dichvucong.gov.vn"' in html
    assert 'href="tel:02693835123"' in html
    assert html.count("Ia Băng triển khai kế hoạch chuyển đổi số năm 2026</a>") == 1


@pytest.mark.parametrize("path", ["/tin-tuc/", "/van-ban/", "/lien-he/", "/hoi-dap/"])
def test_every_page_has_a_breadcrumb_back_to_the_home_page(db, demo_network, path):
    html = _html(demo_network["glar"], path)
    assert '<nav class="usa-breadcrumb breadcrumb" aria-label="Vị trí trang">' in html
    assert '<a class="usa-breadcrumb__link" href="/"><span>Trang chủ</span></a>' in html
    assert '<li class="usa-breadcrumb__list-item usa-current" aria-current="page">' in html


def test_an_item_carries_dublin_core_open_graph_print_and_share(db, demo_network):
    tenant = demo_network["iabang"]
    page, path = _page(tenant, "DocumentPage", number="58/KH-UBND")
    html = _html(tenant, path)
    url = f"http://iabang.localhost{path}"
    assert f'<meta name="DC.title" content="{page.title}">' in html
    assert '<meta name="DC.creator" content="Ủy ban nhân dân xã Ia Băng">' in html
    assert f'<meta name="DC.date" content="{page.issue_date.isoformat()}">' in html
    assert f'<meta name="DC.description" content="{page.abstract}">' in html
    assert '<meta name="DC.publisher" content="Ủy ban nhân dân xã Ia Băng">' in html
    assert f'<meta name="DC.identifier" content="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="vi_VN">' in html
    assert 'print-button" data-print' in html  # wired by the nonce'd script (CSP)
    assert "facebook.com/sharer/sharer.php?u=http%3A%2F%2Fiabang.localhost" in html


def test_images_without_alternative_text_are_refused(db, demo_network):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image

    from content.blocks import CaptionedImageBlock

    with schema_context(demo_network["glar"].schema_name):
        block = CaptionedImageBlock()
        value = block.to_python(
            {"image": Image.objects.first().pk, "alt_text": "", "caption": "", "credit": ""}
        )
        with pytest.raises(ValidationError) as error:
            block.clean(value)
    assert list(error.value.block_errors) == ["alt_text"]


def test_a_video_block_without_a_link_or_file_explains_what_is_missing():
    from wagtail.blocks import StructBlockValidationError

    from content.blocks import VideoBlock

    block = VideoBlock()
    empty = block.to_python({"embed": None, "file": None, "caption": "", "transcript": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(empty)
    assert error.value.as_json_data()["blockErrors"]["embed"]["messages"] == [
        "Hãy nhập đường dẫn video hoặc chọn một tệp MP4."
    ]
