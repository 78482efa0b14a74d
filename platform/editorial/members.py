"""The board's members as the "Ban biên tập" screen changes them: invite, change, deactivate.

A member is an ordinary user of the site's schema, in one or more role groups
(``editorial.roles``), with a ``BoardMember`` row for unit and position. An invited member has
no password until they follow their one-time link (``editorial.board.set_password_path``).
"""

import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from editorial.board import set_password_path
from editorial.models import BoardMember
from editorial.roles import BOARD_ROLES
from tasks.mail import send_once

ROLE_NAMES = {role.key: role.group_name for role in BOARD_ROLES}


@dataclass
class MemberRow:
    user: object
    roles: list[str]
    unit: object
    position: str


def members() -> list[MemberRow]:
    users = (
        get_user_model()
        .objects.filter(Q(groups__name__in=ROLE_NAMES.values()) | Q(board_member__isnull=False))
        .distinct()
        .prefetch_related("groups")
        .order_by("-is_active", "first_name", "username")
    )
    details = {m.user_id: m for m in BoardMember.objects.select_related("unit")}
    rows = []
    for user in users:
        member = details.get(user.pk)
        names = {group.name for group in user.groups.all()}
        rows.append(
            MemberRow(
                user,
                [name for name in ROLE_NAMES.values() if name in names],
                member.unit if member else None,
                member.position if member else "",
            )
        )
    return rows


def roles_of(user) -> list[str]:
    names = set(user.groups.values_list("name", flat=True))
    return [key for key, name in ROLE_NAMES.items() if name in names]


def _apply(user, *, full_name, roles, unit, position) -> None:
    user.first_name, user.last_name = full_name.strip(), ""
    user.save(update_fields=["first_name", "last_name"])
    board_groups = Group.objects.filter(name__in=ROLE_NAMES.values())
    user.groups.remove(*board_groups)
    user.groups.add(*board_groups.filter(name__in=[ROLE_NAMES[key] for key in roles]))
    BoardMember.objects.update_or_create(
        user=user, defaults={"unit": unit, "position": position.strip()}
    )


@transaction.atomic
def invite(*, email, full_name, roles, unit, position, base_url: str):
    """Create the member's account and e-mail them their one-time link; returns (user, link)."""
    user = get_user_model().objects.create_user(username=email, email=email)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    _apply(user, full_name=full_name, roles=roles, unit=unit, position=position)
    link = base_url.rstrip("/") + set_password_path(user)
    from editorial.tasks import send_invitation

    # Queued with the account (same transaction); the worker makes its own link and sends it.
    send_invitation.enqueue(user.pk, base_url, list(roles), f"invite:{user.pk}:{uuid.uuid4().hex}")
    return user, link


def send_invitation_now(user_id: int, base_url: str, roles: list[str], key: str) -> bool:
    """The invitation e-mail with a fresh one-time link (``editorial.tasks.send_invitation``)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    return send_once(
        key,
        _("Mời tham gia Ban biên tập"),
        _(
            "Chào %(name)s,\n\nBạn được mời tham gia Ban biên tập với vai trò: %(roles)s.\n"
            "Đặt mật khẩu (liên kết chỉ dùng được một lần):\n%(link)s\n\n"
            "Tên đăng nhập của bạn: %(email)s"
        )
        % {
            "name": user.get_full_name() or user.email,
            "roles": ", ".join(ROLE_NAMES[key] for key in roles if key in ROLE_NAMES),
            "link": base_url.rstrip("/") + set_password_path(user),
            "email": user.email,
        },
        [user.email],
    )


@transaction.atomic
def change(user, *, full_name, roles, unit, position) -> None:
    _apply(user, full_name=full_name, roles=roles, unit=unit, position=position)


def set_active(user, active: bool) -> None:
    """Deactivated members cannot log in; their items and ledger lines stay theirs."""
    user.is_active = active
    user.save(update_fields=["is_active"])
