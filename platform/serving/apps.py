from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "serving"
    verbose_name = "Phục vụ trang"

    def ready(self):
        from portal import site_memo
        from serving import invalidation, restrictions, site_facts

        invalidation.connect()
        restrictions.install()
        site_memo.provide(site_facts.remembered)
