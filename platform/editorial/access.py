"""Who may do what on the board, decided from the user's role groups (``editorial.roles``).

Wagtail's page permissions already stop a contributor from publishing or approving; these
helpers add what Wagtail has no notion of: the board screens (chief and site administrator),
the royalty screens (chief), and keeping contributors out of each other's drafts.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from editorial.roles import CHIEF, CONTRIBUTOR, DEPUTY, EDITOR, SITE_ADMIN
from portal.groups import group_names


def is_chief(user) -> bool:
    return user.is_active and (user.is_superuser or CHIEF.group_name in group_names(user))


def manages_board(user) -> bool:
    """The chief and the site administrator run the "Ban biên tập" screen."""
    return is_chief(user) or (user.is_active and SITE_ADMIN.group_name in group_names(user))


def is_contributor_only(user) -> bool:
    """A contributor with no editing role: sees only their own drafts."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = group_names(user)
    editing = {CHIEF.group_name, DEPUTY.group_name, EDITOR.group_name}
    return CONTRIBUTOR.group_name in names and not (names & editing)


def contributor_sections():
    """The sections the chief has opened to contributors (add_page on the section)."""
    return Page.objects.filter(
        group_permissions__group__name=CONTRIBUTOR.group_name,
        group_permissions__permission__codename="add_page",
    ).order_by("path")


def set_contributor_sections(pages) -> None:
    """Contributors may write in exactly these sections (and nowhere else)."""
    group = Group.objects.get(name=CONTRIBUTOR.group_name)
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    wanted = {page.pk for page in pages}
    GroupPagePermission.objects.filter(group=group, permission=add_page).exclude(
        page_id__in=wanted
    ).delete()
    for page_id in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page_id=page_id, permission=add_page)


def visible_to_contributor(pages, user):
    """Another author's draft (or a page with draft changes, whose draft title shows in
    listings) is hidden from a contributor; published pages, their own pages, the sections
    opened to them and any page with children (a section, to navigate through) are not."""
    return pages.filter(
        Q(owner=user)
        | Q(live=True, has_unpublished_changes=False)
        | Q(numchild__gt=0)
        | Q(pk__in=contributor_sections().values("pk"))
    )


class BoardPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that a contributor's explorable pages (what the admin's
    page search and listings start from) leave out other authors' drafts."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if is_contributor_only(user):
            return visible_to_contributor(pages, user)
        return pages
