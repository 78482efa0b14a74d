"""URLs of the public schema, served only to a host that is mapped to it.

No site lives in the public schema (the parent portal is a tenant of its own), so by default
no host reaches these; a health check is all there is, for load balancers that probe by IP.
"""

from django.http import HttpResponse
from django.urls import path


def health(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("healthz", health, name="health")]
