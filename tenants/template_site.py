"""The site inside the clone template: home page, required sections, locales, board settings.

Every new site starts with the same page tree, so it is built once, in the template, and
copied by the clone with everything else (building ten pages through Wagtail took more than
half of a site's creation). ``migrate`` calls ``ensure_template_site`` after migrating the
template; it rebuilds the tree whenever ``content.skeleton.REQUIRED_SECTIONS`` changes, so the
copy always matches the code. The template is never served: its host name is ``.invalid``.
"""

from django.conf import settings
from django_tenants.utils import schema_context

TEMPLATE_HOST = "template.invalid"
HOME_SLUG = "trang-chu"
HOME_TITLE = "Trang chủ"


def ensure_template_site() -> bool:
    """Build the template's site if it is missing or stale; return whether it was rebuilt."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.log_actions import LogContext
    from wagtail.models import Locale, Page, Site

    from content.models import HomePage
    from content.skeleton import REQUIRED_SECTIONS, build_site_tree
    from editorial.board import grant_deputy_documents, set_workflow

    expected = [(s.slug, s.page_type.lower()) for s in REQUIRED_SECTIONS]
    with schema_context(settings.TENANT_BASE_SCHEMA), LogContext(user=None):
        home = HomePage.objects.filter(depth=2).first()
        if home is not None and Page.objects.filter(depth=2).count() == 1:
            types = ContentType.objects.in_bulk()
            actual = [
                (slug, f"{types[ct].app_label}.{types[ct].model}")
                for slug, ct in home.get_children().values_list("slug", "content_type_id")
            ]
            if actual == expected:
                return False

        vietnamese, _created = Locale.objects.get_or_create(language_code="vi")
        Locale.objects.get_or_create(language_code="en")
        if home is None:
            root = Page.get_first_root_node()
            old_pages = list(root.get_children())  # Wagtail's "Welcome" page
            home = HomePage(title=HOME_TITLE, slug=HOME_SLUG, locale=vietnamese)
            root.add_child(instance=home)
            site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
            site.hostname, site.port, site.site_name, site.root_page = TEMPLATE_HOST, 80, "", home
            site.save()
            for page in old_pages:
                page.delete()
        else:  # outdated sections: rebuild them under the same home page
            for page in home.get_children():
                page.delete()
            home.refresh_from_db()
        sections = build_site_tree(home)
        set_workflow(home, approval_steps=2)
        grant_deputy_documents(sections.get("documents"))
        return True
