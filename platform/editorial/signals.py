"""Reacting to Wagtail's publishing: the royalty line of an item's first publication."""

from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context
from wagtail.signals import page_published

from editorial.royalties import record_first_publication


@receiver(page_published, dispatch_uid="editorial_royalty_on_first_publication")
def write_royalty_line(sender, instance, revision=None, **kwargs):
    """The publisher (the approving chief, in a workflow) records the line."""
    user = get_active_log_context().user or (revision.user if revision else None)
    record_first_publication(instance, user=user if getattr(user, "pk", None) else None)
