"""Sites of the network as django-tenants tenants: models, creation, routing by host name."""
