"""Development: debug on, any host (every site is a host name), e-mail to the console."""

from portal.settings.base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
