"""An English version made the way an editor makes it (wagtail-localize: translate, fill in,
publish), for the tests of metadata and of the English version (issue 16)."""

from django_tenants.utils import schema_context


def publish_in_english(tenant, page, **fields):
    """Translates ``page`` (its parents first, as the editor must), sets ``fields`` on the
    English copy and publishes it; returns the English page."""
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    with schema_context(tenant.schema_name):
        english = Locale.objects.get(language_code="en")
        page = page.specific
        if not page.get_translations().filter(locale=english).exists():
            translate_object(page, [english])
        translated = page.get_translation(english).specific
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        translated.refresh_from_db()
        return translated


def english_news(tenant, item, title: str, lead: str = ""):
    """The home, the news section and ``item`` published in English; the English item."""
    from wagtail.models import Page

    with schema_context(tenant.schema_name):
        section = Page.objects.get(pk=item.get_parent().pk)
        home = section.get_parent()
    publish_in_english(tenant, home, title="Home (English)")
    publish_in_english(tenant, section, title="News")
    return publish_in_english(tenant, item, title=title, lead=lead)
