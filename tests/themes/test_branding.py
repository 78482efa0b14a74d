"""Per-site branding (issue 6, item 2): set in each site's admin, shown only on that site,
and nothing a site sets can inject markup or break the layout."""

import re

from django_tenants.utils import schema_context

from tests.themes.conftest import admin_client, home

BRANDING_URL = "/admin/settings/branding/sitebranding/{}/"


def _site_id(tenant):
    from wagtail.models import Site

    with schema_context(tenant.schema_name):
        return Site.objects.get(is_default_site=True).pk


def _form(**values):
    data = {
        "emblem": "",
        "banner_image": "",
        "theme": "",
        "primary_colour": "",
        "on_primary_colour": "",
        "accent_colour": "",
        "on_accent_colour": "",
        "owner_body": "",
        "responsible_person": "",
        "address": "",
        "phone": "",
        "email": "",
        "hotline": "",
        "footer_text": "",
        "facebook_url": "",
        "youtube_url": "",
        "zalo_url": "",
    }
    data.update(values)
    return data


def _save(tenant, **values):
    client = admin_client(tenant)
    return client.post(BRANDING_URL.format(_site_id(tenant)), _form(**values))


def _stored(tenant):
    from themes.branding.models import SiteBranding

    with schema_context(tenant.schema_name):
        return SiteBranding.objects.values().first()


def test_a_sites_branding_shows_on_its_pages_and_never_on_another(network):
    iabang, habau = network["iabang"], network["habau"]
    response = _save(
        iabang,
        primary_colour="#0b5394",
        accent_colour="#ffd34d",
        owner_body="Ủy ban nhân dân xã Ia Băng, tỉnh Gia Lai",
        responsible_person="Ông Rơ Châm Hyuh, Phó Chủ tịch",
        address="Thôn Bông Phun, xã Ia Băng",
        phone="0269 3833 123",
        email="iabang@gialai.gov.vn",
        hotline="0912 345 678",
        footer_text="Giấy phép số 12/GP-TTĐT <script>alert(1)</script>\nGhi rõ nguồn khi trích dẫn",
        facebook_url="https://facebook.com/xaiabang",
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    page = home(iabang)
    assert "--primary:#0b5394;" in page and "--accent:#ffd34d;" in page
    assert "Ông Rơ Châm Hyuh, Phó Chủ tịch" in page
    assert "Thôn Bông Phun, xã Ia Băng" in page
    assert 'href="mailto:iabang@gialai.gov.vn"' in page
    assert 'href="tel:0912345678"' in page
    assert 'href="https://facebook.com/xaiabang"' in page
    assert "Cơ quan chủ quản: Ủy ban nhân dân xã Ia Băng, tỉnh Gia Lai" in page
    # Footer text is plain: the tag arrives escaped, line breaks as <br>.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Ghi rõ nguồn" in page
    assert "<script>alert(1)" not in page

    other = home(habau)
    for leak in ("#0b5394", "Rơ Châm Hyuh", "Bông Phun", "xaiabang", "12/GP-TTĐT", "0912 345 678"):
        assert leak not in other
    assert "Cơ quan chủ quản: Ủy ban nhân dân xã Hà Bầu" in other


def test_a_colour_pair_below_aa_contrast_is_refused_with_a_clear_message(network):
    iabang = network["iabang"]
    home(iabang)  # a first page view stores the (empty) branding row
    before = _stored(iabang)
    # Gold header with the default white name: 1.7:1.
    response = _save(iabang, primary_colour="#f2c200", footer_text="không được lưu")
    assert response.status_code == 200
    text = response.content.decode()
    assert "thấp hơn mức tối thiểu 4,5:1" in text
    assert "chữ màu #ffffff trên nền #f2c200 có độ tương phản 1,68:1" in text
    assert _stored(iabang) == before

    # The same gold with dark text passes.
    response = _save(iabang, primary_colour="#f2c200", on_primary_colour="#1a1a1a")
    assert response.status_code == 302
    assert _stored(iabang)["primary_colour"] == "#f2c200"


def test_colours_must_be_hex_and_links_must_be_web_addresses(network):
    iabang = network["iabang"]
    home(iabang)
    before = _stored(iabang)
    response = _save(
        iabang,
        primary_colour="#zz0000",
        accent_colour="red;}body{display:none",
        facebook_url="javascript:alert(1)",
        youtube_url="ftp://example.org/video",
        phone="<b>113</b>",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "mã hex gồm # và 6 chữ số hex" in text
    assert text.count("Nhập một URL hợp lệ.") == 2  # javascript: and ftp: alike
    assert "javascript:alert(1)" not in text.split("</form>")[-1]
    assert "Số điện thoại chỉ gồm chữ số" in text
    assert _stored(iabang) == before


def test_a_bad_value_written_past_the_form_never_reaches_the_page(network):
    """Defence in depth: the page re-checks colours, escapes texts, whatever is stored."""
    from wagtail.models import Site

    from themes.branding.models import SiteBranding

    iabang = network["iabang"]
    with schema_context(iabang.schema_name):
        site = Site.objects.get(is_default_site=True)
        SiteBranding.objects.update_or_create(
            site=site,
            defaults={
                "primary_colour": "};x{a:b",  # as long as the column allows
                "address": '"><img src=x onerror=alert(1)>',
            },
        )
    page = home(iabang)
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "};x{a:b" not in page


def test_contrast_ratio_follows_wcag():
    from themes.contrast import contrast_ratio

    assert round(contrast_ratio("#ffffff", "#000000"), 1) == 21.0
    assert round(contrast_ratio("#a50e0e", "#ffffff"), 2) == 7.87
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54  # the lightest AA grey


def test_the_emblem_and_banner_image_are_served_as_renditions(network):
    """The header shows the site's emblem beside its full name, and its banner image as a
    responsive set of renditions, never the uploaded original."""
    import io

    from django.core.files.images import ImageFile
    from wagtail.images.models import Image
    from wagtail.models import Site

    from content.demo import png_bytes
    from themes.branding.models import SiteBranding

    iabang = network["iabang"]
    with schema_context(iabang.schema_name):
        emblem = Image(
            title="Biểu trưng",
            file=ImageFile(io.BytesIO(png_bytes(400, 400, (200, 20, 20))), name="bieu-trung.png"),
        )
        emblem.save()
        banner = Image(
            title="Băng rôn",
            file=ImageFile(io.BytesIO(png_bytes(1800, 300, (20, 90, 160))), name="bang-ron.png"),
        )
        banner.save()
        SiteBranding.objects.update_or_create(
            site=Site.objects.get(is_default_site=True),
            defaults={"emblem": emblem, "banner_image": banner},
        )
    page = home(iabang)
    header = page.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    emblem_tag = re.search(r"<img[^>]*emblem[^>]*>", header).group(0)
    assert 'class="emblem"' in emblem_tag and 'alt=""' in emblem_tag
    assert re.search(r'src="/media/iabang/images/bieu-trung\.[^"]*height-64', emblem_tag)
    assert 'srcset="/media/iabang/images/bang-ron.' in header and "1440x240" in header
    assert "original_images" not in header
    assert 'class="site-name">Trang thông tin điện tử xã Ia Băng</span>' in header
    assert "bieu-trung" not in home(network["habau"])
