"""The blueprint of a site: everything a new site contains, declared in one place.

* its page tree: the sections the law requires (``content.skeleton.REQUIRED_SECTIONS``),
  under a home page, in Vietnamese with English as the second language;
* its board: the roles of ``editorial.roles``, each carrying every permission it has
  (pages, media, models, one section), and both review workflows;
* its default lists (``sitebuild.lists``): document types, sectors, royalty rates, and the
  issuing bodies and contributing units named after the site's authority;
* its chief's account, made at provisioning (``sitebuild.builder.provision``).

``fingerprint()`` digests the declaration. Each schema stores the fingerprint it was built
with (``sitebuild.BlueprintState``); ``migrate`` re-applies the blueprint to the clone template
and to every site whose fingerprint differs, so a role gaining a permission reaches every
existing site with no hand-written data migration. Applying is additive and idempotent: it
grants what is missing, never takes away what a board added, and fills a list only while it
is empty (a board's edits to its own lists stay).
"""

import hashlib

from content import skeleton
from editorial import roles
from sitebuild import lists

LANGUAGES = ("vi", "en")
HOME_SLUG = "trang-chu"
HOME_TITLE = "Trang chủ"
ROOT_TITLE = "Trang gốc"  # Wagtail names the tree's root "Root", shown in the explorer
# Wagtail's own English defaults, removed: a commune board meets only its own roles.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def page_tree():
    return skeleton.REQUIRED_SECTIONS


def board_roles():
    return roles.BOARD_ROLES


def workflows():
    return roles.WORKFLOW_TASKS


def declaration() -> tuple:
    """Everything the blueprint applies, as plain values (what the fingerprint digests)."""
    return (
        LANGUAGES,
        HOME_SLUG,
        ROOT_TITLE,
        tuple((s.key, s.slug, s.page_type) for s in page_tree()),
        tuple(board_roles()),
        tuple(
            (name, tuple((task, role.key) for task, role in steps))
            for name, steps in workflows().items()
        ),
        lists.DOCUMENT_TYPES,
        lists.SECTORS,
        lists.ISSUING_BODIES,
        lists.CONTRIBUTING_UNITS,
        lists.ROYALTY_RATES,
    )


def fingerprint() -> str:
    return hashlib.sha256(repr(declaration()).encode()).hexdigest()[:16]
