from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "serving"
    verbose_name = "Phục vụ trang"

    def ready(self):
        from portal import site_memo
        from serving import invalidation, refresh, restrictions, site_facts

        invalidation.connect()
        refresh.connect()  # after: a bump made outside a transaction goes first
        restrictions.install()
        site_memo.provide(site_facts.remembered)
