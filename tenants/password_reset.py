"""The admin's password reset, per site (issue 14).

Wagtail's reset e-mail links to ``WAGTAILADMIN_BASE_URL``, one address for the whole install,
so a commune's official got a link to localhost (or to another site, where his account does
not exist). Here the link is the user's own site: the host the site answers on (its primary
domain) and the port the request came on.

A known address must not answer slower than an unknown one (that told an attacker who has an
account). Two measures: the mail is sent after the response (``SendAfterResponse``, the
slow part: the SMTP round trip), and an unknown address does the same work before it (the
user lookup, a token, the rendering of the same message) for a stand-in account whose
message is then dropped.

Wagtail's view and form are subclassed; the view is routed at Wagtail's own address ahead of
the admin's URLs (``portal.urls_tenants``), since Wagtail has no setting for the view.
"""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.http import HttpResponseRedirect
from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

logger = logging.getLogger(__name__)
EMAIL_TEMPLATE = "tenants/password_reset_email.txt"


def site_host(request) -> str:
    """The site's primary host name, with the request's port unless it is the default."""
    domain = request.tenant.get_primary_domain().domain
    port = request.get_port()
    return domain if port in ("80", "443") else f"{domain}:{port}"


class SiteLinkPasswordResetForm(PasswordResetForm):
    """Builds the messages without sending them (``outbox``); see the module's docstring."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outbox: list[EmailMultiAlternatives] = []
        self.stand_in = False

    def get_users(self, email):
        users = list(super().get_users(email))
        if users:
            return users
        self.stand_in = True
        return [get_user_model()(email=email, username=email)]

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if not self.stand_in:
            self.outbox.append(message)

    def save(self, request=None, **kwargs):
        kwargs.update(domain_override=site_host(request), email_template_name=EMAIL_TEMPLATE)
        return super().save(request=request, **kwargs)


class SendAfterResponse(HttpResponseRedirect):
    """A redirect that sends its messages once the server has delivered it (``close()``)."""

    def __init__(self, *args, messages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.messages_to_send = list(messages)

    def close(self):
        super().close()
        for message in self.messages_to_send:
            try:
                message.send()
            except Exception:
                logger.exception("Gửi thư đặt lại mật khẩu thất bại")
        self.messages_to_send = []


class SiteLinkPasswordResetView(PasswordResetView):

    def get_form_class(self):
        return SiteLinkPasswordResetForm

    def form_valid(self, form):
        super().form_valid(form)
        return SendAfterResponse(self.get_success_url(), messages=form.outbox)
