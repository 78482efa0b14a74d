"""English versions (Decree 42/2022 art. 7(2)): wagtail-localize makes a linked page, the
switcher appears only where a translation is live, and hreflang links tie the two."""

from django_tenants.utils import schema_context

from tests.conftest import site_client


def _translate_contact_page(tenant):
    """What an editor does: translate the home and the contact page, fill in, publish."""
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    from content.models import ContactPage

    with schema_context(tenant.schema_name):
        english = Locale.objects.get(language_code="en")
        contact = ContactPage.objects.get(locale__language_code="vi")
        home = contact.get_parent().specific
        translate_object(home, [english])
        translate_object(contact, [english])
        home_en = home.get_translation(english)
        home_en.title = "Ia Bang Commune Portal"
        home_en.save_revision().publish()
        contact_en = contact.get_translation(english)
        contact_en.title = "Contact"
        contact_en.working_hours = "Monday to Friday, 7:00 – 17:00"
        contact_en.save_revision().publish()
        return contact, contact_en


def test_translating_a_page_to_english_creates_a_linked_page(db, demo_network):
    tenant = demo_network["iabang"]
    contact, contact_en = _translate_contact_page(tenant)
    with schema_context(tenant.schema_name):
        assert contact_en.translation_key == contact.translation_key
        assert contact_en.locale.language_code == "en"
        assert contact_en.url == "/en/lien-he/"


def test_the_english_page_is_served_in_english_with_a_switcher_back(db, demo_network):
    tenant = demo_network["iabang"]
    _translate_contact_page(tenant)
    html = site_client(tenant).get("/en/lien-he/").content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Contact</h1>" in html
    assert "Monday to Friday" in html
    assert '<a href="/lien-he/" hreflang="vi" lang="vi">Tiếng Việt</a>' in html
    assert '<link rel="alternate" hreflang="vi" href="http://iabang.localhost/lien-he/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://iabang.localhost/en/lien-he/">' in html
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://iabang.localhost/lien-he/">'
        in (html)
    )
    assert ">Home</a>" in html  # the platform's own strings, from locale/platform/en
    assert ">Print</button>" in html


def test_the_vietnamese_page_links_its_translation_and_others_show_no_switcher(db, demo_network):
    tenant = demo_network["iabang"]
    _translate_contact_page(tenant)
    client = site_client(tenant)
    html = client.get("/lien-he/").content.decode()
    assert '<a href="/en/lien-he/" hreflang="en" lang="en">English</a>' in html
    untranslated = client.get("/tin-tuc/").content.decode()
    assert 'class="language-switcher' not in untranslated
    assert 'hreflang="en"' not in untranslated


def test_a_draft_translation_shows_no_switcher(db, demo_network):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    from content.models import IntroductionPage

    tenant = demo_network["glar"]
    with schema_context(tenant.schema_name):
        english = Locale.objects.get(language_code="en")
        intro = IntroductionPage.objects.get(slug="gioi-thieu")
        translate_object(intro.get_parent(), [english])
        translate_object(intro, [english])
        assert not intro.get_translation(english).live
    html = site_client(tenant).get("/gioi-thieu/").content.decode()
    assert 'class="language-switcher' not in html
