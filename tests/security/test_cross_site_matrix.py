"""The cross-site matrix (issue 14): for every kind of object a site holds, an actor of site A
(an anonymous visitor, and A's board member logged in on A) asks for site B's through every
route a user has (public URL, admin URL, media URL, search, feeds) and gets nothing: 404, 403
or a redirect to log in, and never B's data.

B's objects carry the marker ``BIMATB`` in their titles and texts; A's responses must never
contain it. Guard tests fail when a model of ours or an admin URL of ours is added without a
row here (or in the commented lists of what is not site data).
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django_tenants.utils import schema_context

from content.demo import pdf_bytes, png_bytes
from tests.conftest import site_client
from tests.security.sites import body, make_site, media_url, member_client

MARKER = "BIMATB"
REFUSED = {302, 403, 404, 405}


@dataclass
class Secrets:
    """What site B holds, by kind: ids, URLs, paths (filled by ``seed``)."""

    site: object
    ids: dict
    urls: dict


def seed(site) -> Secrets:
    """Objects of every kind in site B, each with the marker, none of them existing in A."""
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Page, PageViewRestriction

    from content.models import (
        ContributingUnit,
        DocumentType,
        IssuingBody,
        NewsPage,
        Question,
        QuestionIndexPage,
        Sector,
    )
    from editorial.models import BoardMember
    from themes.branding.models import SiteBanner

    ids, urls = {}, {}
    with schema_context(site.schema):
        news = Page.objects.get(slug="tin-tuc")
        published = news.add_child(
            instance=NewsPage(title=f"Tin đã đăng {MARKER}", slug="tin-b", lead=MARKER)
        )
        published.save_revision().publish()
        draft = news.add_child(
            instance=NewsPage(title=f"Bản nháp tuyệt mật {MARKER}", slug="nhap-b", live=False)
        )
        draft.save_revision()
        private = news.add_child(
            instance=NewsPage(title=f"Tin nội bộ tuyệt mật {MARKER}", slug="noi-bo-b")
        )
        private.save_revision().publish()
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="matkhau-b"
        )
        ids.update(page=published.pk, draft=draft.pk, private=private.pk)
        urls.update(page=published.url, draft=f"/tin-tuc/{draft.slug}/", private=private.url)

        image = Image.objects.create(
            title=f"Ảnh {MARKER}", file=ContentFile(png_bytes(30, 20, (1, 2, 3)), "anh-b.png")
        )
        rendition = image.get_rendition("fill-10x10")
        document = Document.objects.create(
            title=f"Văn bản {MARKER}", file=ContentFile(pdf_bytes([MARKER]), "van-ban-b.pdf")
        )
        ids.update(image=image.pk, document=document.pk)
        urls.update(
            original=media_url(site, image.file.name),
            rendition=media_url(site, rendition.file.name),
            document_file=media_url(site, document.file.name),
            document=document.url,
            private_document_file=media_url(site, site.private_document_path),
            private_document=site.private_document_url,
        )

        ids["sector"] = Sector.objects.create(name=f"Lĩnh vực {MARKER}").pk
        ids["documenttype"] = DocumentType.objects.create(name=f"Loại {MARKER}").pk
        ids["issuingbody"] = IssuingBody.objects.create(name=f"Cơ quan {MARKER}").pk
        unit = ContributingUnit.objects.create(name=f"Đơn vị {MARKER}", monthly_target=1)
        ids["contributingunit"] = unit.pk
        now = timezone.now()
        ids["sitebanner"] = SiteBanner.objects.create(
            title=f"Băng rôn {MARKER}", starts_at=now, ends_at=now + timedelta(days=3)
        ).pk

        user = get_user_model().objects.create_user(
            f"nguoi-{MARKER.lower()}", email="b@xa-b.gov.vn", password="Mat-khau-B-2026"
        )
        user.first_name = MARKER
        user.save()
        BoardMember.objects.create(user=user, unit=unit)
        ids["user"] = user.pk
        ids["group"] = Group.objects.create(name=f"Nhóm {MARKER}").pk

        question = Question.objects.create(name=MARKER, question=f"Câu hỏi {MARKER} của xã B")
        ids["question"] = question.pk
        index = QuestionIndexPage.objects.live().first()
        urls["question_status"] = f"{index.url}tra-cuu/?ma={question.code}"

        from content.models import DraftComment, DraftForComment
        from ratings.models import Rating

        consultations = Page.objects.get(slug="lay-y-kien-du-thao")
        today = timezone.localdate()
        draft_page = consultations.add_child(
            instance=DraftForComment(
                title=f"Dự thảo {MARKER}",
                slug="du-thao-b",
                issuing_body=IssuingBody.objects.first(),
                abstract=MARKER,
                opens_on=today - timedelta(days=1),
                closes_on=today + timedelta(days=9),
                body=f"<p>{MARKER}</p>",
                contact_address=MARKER,
                handling=f"<p>{MARKER}</p>",
            )
        )
        draft_page.save_revision().publish()
        comment = DraftComment.objects.create(
            draft=draft_page, name=MARKER, contact=MARKER, text=f"Góp ý {MARKER} của xã B"
        )
        ids["draftcomment"] = comment.pk
        urls["draft_page"] = draft_page.url
        Rating.objects.create(
            page=published, interface=1, content=1, quality=1, support=1, comment=MARKER
        )

        caches["default"].set("matrix-secret", MARKER)
    ids["maintenancewindow"] = _maintenance_window(site).pk
    return Secrets(site, ids, urls)


def _maintenance_window(site):
    """B's planned stop (a row of the public schema, as every site's are)."""
    from maintenance.models import MaintenanceWindow

    starts = timezone.now() + timedelta(days=60)
    return MaintenanceWindow.objects.create(
        site=site.tenant,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        description=f"Bảo trì {MARKER}",
    )


@pytest.fixture
def sites(db, demo_network):
    a = make_site(demo_network, "Xã Ia Tô")
    b = make_site(demo_network, "Xã Ia Kriêng")
    return a, seed(b)


# ---------------------------------------------------------------------------------------------
# The matrix: (kind of object, how a user reaches it, the URL asked on A's host).

ROUTES = [
    # pages
    ("page", "public", lambda s: s.urls["page"]),
    ("page", "public", lambda s: s.urls["draft"]),
    ("page", "public", lambda s: s.urls["private"]),
    ("page", "admin", lambda s: f"/admin/pages/{s.ids['page']}/"),
    ("page", "admin", lambda s: f"/admin/pages/{s.ids['page']}/edit/"),
    ("page", "admin", lambda s: f"/admin/pages/{s.ids['draft']}/view_draft/"),
    ("page", "admin", lambda s: f"/admin/pages/{s.ids['draft']}/revisions/"),
    # images, renditions and their files
    ("image", "admin", lambda s: f"/admin/images/{s.ids['image']}/"),
    ("image", "admin", lambda s: f"/admin/images/chooser/{s.ids['image']}/"),
    ("image", "media", lambda s: s.urls["original"]),
    ("rendition", "media", lambda s: s.urls["rendition"]),
    # documents and their files
    ("document", "public", lambda s: s.urls["document"]),
    ("document", "public", lambda s: s.urls["private_document"]),
    ("document", "admin", lambda s: f"/admin/documents/edit/{s.ids['document']}/"),
    ("document", "media", lambda s: s.urls["document_file"]),
    ("document", "media", lambda s: s.urls["private_document_file"]),
    # snippets
    *[
        ("snippet", "admin", lambda s, m=model: f"/admin/snippets/content/{m}/edit/{s.ids[m]}/")
        for model in ("sector", "documenttype", "issuingbody", "contributingunit")
    ],
    (
        "snippet",
        "admin",
        lambda s: f"/admin/snippets/branding/sitebanner/edit/{s.ids['sitebanner']}/",
    ),
    # users, groups, the board
    ("user", "admin", lambda s: f"/admin/users/edit/{s.ids['user']}/"),
    ("user", "admin", lambda s: f"/admin/ban-bien-tap/{s.ids['user']}/"),
    ("user", "admin", lambda s: f"/admin/ban-bien-tap/{s.ids['user']}/khoa/"),
    ("group", "admin", lambda s: f"/admin/groups/edit/{s.ids['group']}/"),
    # citizens' questions
    ("question", "admin", lambda s: f"/admin/snippets/content/question/edit/{s.ids['question']}/"),
    # citizens' comments on drafts (issue 20)
    (
        "draft comment",
        "admin",
        lambda s: f"/admin/snippets/content/draftcomment/edit/{s.ids['draftcomment']}/",
    ),
    (
        "draft comment",
        "admin",
        lambda s: f"/admin/snippets/content/draftcomment/delete/{s.ids['draftcomment']}/",
    ),
    ("page", "public", lambda s: s.urls["draft_page"]),
    # royalties, reports and the network console (parent portals only)
    ("royalty", "admin", lambda s: "/admin/nhuan-but/1/dieu-chinh/"),
    ("network", "admin", lambda s: f"/admin/trang-thanh-vien/{s.site.tenant.pk}/"),
    ("network", "admin", lambda s: f"/admin/trang-thanh-vien/{s.site.tenant.pk}/ho-tro/"),
    ("network", "admin", lambda s: f"/admin/trang-thanh-vien/{s.site.tenant.pk}/trang-thai/"),
    ("network", "admin", lambda s: f"/admin/trang-thanh-vien/{s.site.tenant.pk}/sap-nhap/"),
    ("network", "admin", lambda s: f"/admin/trang-thanh-vien/{s.site.tenant.pk}/sao-luu/"),
    ("network", "admin", lambda s: f"/admin/trang-thanh-vien/{s.site.tenant.pk}/gui-lai-thu/"),
    ("network", "admin", lambda s: "/admin/mang-luoi/bang-ron/1/"),
    ("network", "admin", lambda s: "/admin/mang-luoi/bang-ron/1/sua/"),
    ("network", "admin", lambda s: "/admin/mang-luoi/bang-ron/1/go/"),
    ("report", "admin", lambda s: "/admin/bao-cao/mang-luoi/"),
    ("report", "admin", lambda s: "/admin/bao-cao/mang-luoi/tuan-thu/"),
    # planned stops (issue 20): the board's and the network console's
    (
        "maintenance window",
        "admin",
        lambda s: f"/admin/tam-ngung/{s.ids['maintenancewindow']}/huy/",
    ),
    (
        "maintenance window",
        "admin",
        lambda s: f"/admin/mang-luoi-tam-ngung/{s.ids['maintenancewindow']}/huy/",
    ),
]

# Routes where A's own answer is a 200 listing: it must list nothing of B's.
LISTINGS = [
    ("search entry", "search", lambda s: "/tim-kiem/?q=tuy%E1%BB%87t+m%E1%BA%ADt"),
    ("question", "public", lambda s: s.urls["question_status"]),
    ("search entry", "admin", lambda s: "/admin/pages/search/?q=tuy%E1%BB%87t+m%E1%BA%ADt"),
    ("page", "feed", lambda s: "/rss.xml"),
    ("page", "feed", lambda s: "/sitemap.xml"),
    ("page", "feed", lambda s: "/so-do-trang/"),
    # issue 16: robots.txt names A's own sitemap; the English feed and 404 are A's own
    ("page", "feed", lambda s: "/robots.txt"),
    ("page", "feed", lambda s: "/en/rss.xml"),
    ("page", "public", lambda s: "/en/tin-tuc/"),
    ("page", "admin", lambda s: "/admin/pages/"),
    ("image", "admin", lambda s: "/admin/images/"),
    ("document", "admin", lambda s: "/admin/documents/"),
    ("user", "admin", lambda s: "/admin/users/"),
    ("user", "admin", lambda s: "/admin/ban-bien-tap/"),
    ("group", "admin", lambda s: "/admin/groups/"),
    ("question", "admin", lambda s: "/admin/snippets/content/question/"),
    ("snippet", "admin", lambda s: "/admin/snippets/content/sector/"),
    ("report", "admin", lambda s: "/admin/bao-cao/"),
    ("maintenance window", "admin", lambda s: "/admin/tam-ngung/"),
    # open data (issue 20): A's API answers with A's published items only
    ("page", "open data", lambda s: "/du-lieu-mo/tin-tuc/"),
    ("question", "open data", lambda s: "/du-lieu-mo/hoi-dap/"),
    ("page", "open data", lambda s: "/du-lieu-mo/mang-luoi/"),
    ("draft comment", "admin", lambda s: "/admin/snippets/content/draftcomment/"),
    ("consultation", "public", lambda s: "/lay-y-kien-du-thao/"),
    ("rating", "admin", lambda s: "/admin/bao-cao/"),  # the board report's ratings section
]

ACTORS = ["anonymous", "site administrator of A", "chief editor of A"]


def _actor(a, actor):
    if actor == "anonymous":
        return site_client(a.tenant)
    return member_client(a, "quantri" if actor.startswith("site") else "truongban")


def _no_marker(response) -> bool:
    content = body(response)
    return MARKER.encode() not in content and MARKER.lower().encode() not in content


def _case_id(row):
    return f"{row[0]}-{row[1]}"


@pytest.mark.parametrize("actor", ACTORS)
def test_site_a_cannot_reach_any_object_of_site_b(sites, actor):
    """Every row of ROUTES, for each actor: refused, and nothing of B's in the answer."""
    a, secrets = sites
    client = _actor(a, actor)
    failures = []
    for kind, via, url in ROUTES:
        target = url(secrets)
        for method in ("get", "post"):
            response = getattr(client, method)(target)
            if response.status_code not in REFUSED or not _no_marker(response):
                failures.append(f"{kind}/{via} {method.upper()} {target}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("actor", ACTORS)
def test_site_a_lists_nothing_of_site_b(sites, actor):
    """Every row of LISTINGS, for each actor: A's own listing (or a refusal), never B's data."""
    a, secrets = sites
    client = _actor(a, actor)
    failures = []
    for kind, via, url in LISTINGS:
        response = client.get(url(secrets))
        if response.status_code >= 500 or not _no_marker(response):
            failures.append(f"{kind}/{via} {url(secrets)}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_site_bs_own_host_does_serve_what_the_matrix_asks_for(sites):
    """The matrix would pass trivially if B's URLs were wrong: on B's host they work."""
    _a, secrets = sites
    b = secrets.site
    client = site_client(b.tenant)
    for key in ("page", "rendition", "original", "document", "question_status"):
        response = client.get(secrets.urls[key])
        assert response.status_code == 200, key
    assert MARKER.encode() in body(client.get(secrets.urls["page"]))


def test_a_board_member_of_a_is_anonymous_on_site_bs_host(sites):
    """Sessions live in each site's schema: A's session cookie means nothing on B's host."""
    a, secrets = sites
    member = member_client(a)
    assert member.get("/admin/").status_code == 200
    cookie = member.cookies["sessionid"].value
    on_b = site_client(secrets.site.tenant)
    on_b.cookies["sessionid"] = cookie
    response = on_b.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = on_b.get(f"/admin/pages/{secrets.ids['page']}/edit/")
    assert response.status_code == 302 and _no_marker(response)


def test_a_cache_entry_of_site_b_is_not_seen_from_site_a(sites):
    a, secrets = sites
    with schema_context(a.schema):
        assert caches["default"].get("matrix-secret") is None
    with schema_context(secrets.site.schema):
        assert caches["default"].get("matrix-secret") == MARKER


def test_refused_requests_leave_site_bs_data_unchanged(sites):
    a, secrets = sites
    from wagtail.models import Page

    from content.models import Question, Sector
    from maintenance.models import MaintenanceWindow

    def snapshot():
        with schema_context(secrets.site.schema):
            return (
                list(Page.objects.order_by("pk").values_list("pk", "title", "live")),
                list(Sector.objects.order_by("pk").values_list("pk", "name")),
                list(Question.objects.order_by("pk").values_list("pk", "status", "question")),
                list(get_user_model().objects.order_by("pk").values_list("pk", "is_active")),
                list(Group.objects.order_by("pk").values_list("pk", "name")),
                list(MaintenanceWindow.objects.order_by("pk").values_list("pk", "starts_at")),
            )

    before = snapshot()
    member = member_client(a)
    for _kind, _via, url in ROUTES:
        member.post(url(secrets), {"title": "Đã sửa", "name": "Đã sửa", "is_active": ""})
    assert snapshot() == before


# ---------------------------------------------------------------------------------------------
# Guards: a new model or admin URL of ours must be placed in the matrix.

OUR_PACKAGES = (
    "content",
    "editorial",
    "reports",
    "tenants",
    "themes",
    "search",
    "portal",
    "opendata",
    "monitoring",
    "maintenance",
    "tasks",
    "ratings",
    "serving",
)

# Every model of ours, by the kind of the matrix that covers it.
MODEL_KINDS = {
    **{
        f"content.{name}": "page"
        for name in (
            "DocumentIndexPage",
            "DocumentPage",
            "HomePage",
            "SectionPage",
            "NewsPage",
            "IntroductionPage",
            "ContactPage",
            "ProcedureIndexPage",
            "ProcedurePage",
            "QuestionIndexPage",
            "ScheduleIndexPage",
            "ScheduleWeekPage",
            "ConsultationIndexPage",
            "DraftForComment",
        )
    },
    "content.DraftComment": "draft comment",
    "content.DraftCommentTag": "draft comment",
    "ratings.Rating": "rating",
    "search.Consultation": "consultation",
    "content.Question": "question",
    "content.ContributingUnit": "snippet",
    "content.DocumentType": "snippet",
    "content.IssuingBody": "snippet",
    "content.Sector": "snippet",
    "branding.SiteBanner": "snippet",
    "editorial.BoardMember": "user",
    "editorial.RoyaltyRate": "royalty",
    "editorial.RoyaltyBudget": "royalty",
    "editorial.RoyaltyLine": "royalty",
    "tenants.Tenant": "network",
    "tenants.Domain": "network",
    "tenants.SupportGrant": "network",
    "themes.NetworkTheme": "network",
    "themes.CampaignBanner": "network",
    "reports_network.DailyVisit": "report",
    "reports_network.PageVisit": "report",
    "reports_network.ComplianceSnapshot": "report",
    "reports.ManualCheck": "report",
    "search.Entry": "search entry",
    "maintenance.MaintenanceWindow": "maintenance window",
}

# Models of ours that hold no site's data of their own, each with the reason.
NOT_SITE_DATA = {
    # The page caches' generation counters (issue 19): a number per schema name, no content,
    # no route; served to nobody.
    "serving.Generation": "cache generation counters, never served",
    # Schemas cloned in advance and not yet given to any site: no content, no host.
    "tenants.SpareSchema": "an empty clone waiting for a site",
    # The search index's internals: queued changes, the word list built from public titles
    # (suggestions), and a rebuild's progress; none is served, all are derived from
    # search.Entry, which is in the matrix.
    "search.OutboxEvent": "queued index changes, shown parked to the network admins only",
    "search.Word": "words of public titles, for suggestions",
    "search.RebuildProgress": "progress of an index rebuild",
    # A site's settings (one row each, edited only through its own admin's settings screen,
    # which has no object id in its URL: the request's own site is the only one reachable).
    "editorial.BoardSettings": "the site's own settings, reached only as its own",
    "branding.SiteBranding": "the site's own settings, reached only as its own",
    "reports.VisitSettings": "the site's own settings, reached only as its own",
    "monitoring.MonitoringCode": "the site's own settings, reached only as its own",
    # The chief's e-mails a network console sent: shown only on its own member's console page,
    # whose route is a "network" row of the matrix.
    "tenants.ChiefEmail": "e-mails sent to a member's chief, shown on its console page",
    # The task runner's bookkeeping (issue 21), public schema, never served as objects.
    "tasks.PeriodicRun": "which slot of a periodic job ran, never served",
    "tasks.SentEmail": "idempotency keys of e-mails sent by tasks, never served",
    "tasks.TaskProgress": "progress of a task, shown only through its own portal's import page",
    # The rating dedupe of the day (ratings.models): a random key and keyed hashes, never
    # served by any route, deleted the next day.
    "ratings.RatingKey": "the day's random key of the rating dedupe, never served",
    "ratings.RatingMark": "keyed hashes of the day's ratings, never served",
}

# Every admin URL pattern of ours, with the matrix kind whose rows exercise it.
ADMIN_ROUTE_KINDS = {
    "admin/trang-thanh-vien/<int:pk>/": "network",
    "admin/trang-thanh-vien/<int:pk>/trang-thai/": "network",
    "admin/trang-thanh-vien/<int:pk>/ho-tro/": "network",
    "admin/trang-thanh-vien/<int:pk>/sap-nhap/": "network",
    "admin/trang-thanh-vien/<int:pk>/sao-luu/": "network",
    "admin/trang-thanh-vien/<int:pk>/gui-lai-thu/": "network",
    "admin/users/edit/<int:pk>/": "user",
    "admin/mang-luoi/bang-ron/<int:pk>/": "network",
    "admin/mang-luoi/bang-ron/<int:pk>/sua/": "network",
    "admin/mang-luoi/bang-ron/<int:pk>/go/": "network",
    "admin/ban-bien-tap/": "user",
    "admin/ban-bien-tap/<int:user_id>/": "user",
    "admin/ban-bien-tap/<int:user_id>/khoa/": "user",
    "admin/nhuan-but/<int:line_id>/dieu-chinh/": "royalty",
    "admin/bao-cao/": "report",
    "admin/bao-cao/mang-luoi/": "report",
    "admin/bao-cao/mang-luoi/tuan-thu/": "report",
    "admin/tam-ngung/<int:pk>/huy/": "maintenance window",
    "admin/mang-luoi-tam-ngung/<int:pk>/huy/": "maintenance window",
}

# Admin URLs of ours that name no object: each shows or changes only the request's own site
# (or, on a parent portal, the network it heads), so there is no id of B's to ask for.
NOT_OBJECT_ROUTES = {
    "admin/trang-thanh-vien/": "list of the network's member sites (parent portal only)",
    "admin/trang-thanh-vien/khoa-dang-nhap/": "locked logins of the network (parent portal only)",
    "admin/users/new/": "create a user in the request's own site",
    "admin/password_reset/": "ask for a reset link for an account of the request's own site",
    "admin/trang-thanh-vien/tao-moi/": "create a member site (parent portal only)",
    "admin/trang-thanh-vien/nhap-csv/": "import member sites (parent portal only)",
    # A random task id, refused unless the import was started from the request's own portal
    # (tests/security/test_console_tasks.py).
    "admin/trang-thanh-vien/nhap-csv/<uuid:task_id>/": "an import of the portal's own network",
    "admin/trang-thanh-vien/tac-vu/": "failed tasks of the network (parent portal only)",
    # Event ids are posted, but only the portal's own network's are sent back
    # (tests/security/test_search_parked_events.py).
    "admin/trang-thanh-vien/tac-vu/tim-kiem/": "parked search events of the network",
    "admin/trang-thanh-vien/tac-vu/tim-kiem/thu-lai/": "retry the network's parked events",
    "admin/mang-luoi/giao-dien/": "the network's theme (parent portal only)",
    "admin/mang-luoi/bang-ron/": "list of the network's banners (parent portal only)",
    "admin/mang-luoi/bang-ron/tao-moi/": "create a network banner (parent portal only)",
    "admin/ban-bien-tap/moi/": "invite a member into the request's own board",
    "admin/ban-bien-tap/chuyen-muc/": "the request's own site's contributor sections",
    "admin/nhuan-but/": "the request's own site's royalty ledger",
    "admin/nhuan-but/xuat/": "the request's own site's payment list",
    "admin/bao-cao/xlsx/": "the request's own site's board report",
    "admin/bao-cao/docx/": "the request's own site's board report",
    "admin/bao-cao/tuan-thu/": "the request's own site's compliance",
    "admin/tam-ngung/": "the request's own site's planned stops (and its network's, read only)",
    "admin/mang-luoi-tam-ngung/": "the network's planned stops (parent portal only)",
    "admin/mang-luoi-ma-giam-sat/": "the network's monitoring codes (parent portal only)",
}


def _our_admin_routes():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                view = getattr(pattern.callback, "view_class", pattern.callback)
                yield prefix + str(pattern.pattern), view.__module__

    return {
        route
        for route, module in walk(get_resolver("portal.urls_tenants").url_patterns)
        if route.startswith("admin/") and module.split(".")[0] in OUR_PACKAGES
    }


def test_every_model_of_ours_is_in_the_matrix_or_said_not_to_be_site_data():
    ours = {
        model._meta.label
        for model in apps.get_models()
        if model.__module__.split(".")[0] in OUR_PACKAGES
    }
    missing = ours - set(MODEL_KINDS) - set(NOT_SITE_DATA)
    assert not missing, f"add to MODEL_KINDS (and ROUTES) or NOT_SITE_DATA: {sorted(missing)}"
    stale = (set(MODEL_KINDS) | set(NOT_SITE_DATA)) - ours
    assert not stale, f"no longer models: {sorted(stale)}"
    covered = {kind for kind, _via, _url in ROUTES + LISTINGS}
    assert set(MODEL_KINDS.values()) <= covered


def test_every_admin_url_of_ours_is_in_the_matrix_or_names_no_object():
    ours = _our_admin_routes()
    missing = ours - set(ADMIN_ROUTE_KINDS) - set(NOT_OBJECT_ROUTES)
    assert not missing, f"add to ADMIN_ROUTE_KINDS (and ROUTES) or NOT_OBJECT_ROUTES: {missing}"
    stale = (set(ADMIN_ROUTE_KINDS) | set(NOT_OBJECT_ROUTES)) - ours
    assert not stale, f"no longer admin URLs: {sorted(stale)}"
    assert not set(ADMIN_ROUTE_KINDS) & set(NOT_OBJECT_ROUTES)


def test_every_object_route_of_ours_has_a_row_in_the_matrix():
    """Each pattern with an object id is asked for by at least one row of ROUTES/LISTINGS."""
    asked = {url_prefix(url) for _kind, _via, url in ROUTES + LISTINGS}
    for route in ADMIN_ROUTE_KINDS:
        assert route_prefix(route) in asked, route


def route_prefix(route: str) -> str:
    """``admin/nhuan-but/<int:line_id>/dieu-chinh/`` → ``/admin/nhuan-but/*/dieu-chinh/``."""
    parts = ["*" if part.startswith("<") else part for part in route.split("/")]
    return "/" + "/".join(parts)


def url_prefix(url) -> str:
    class Anything:
        ids = dict.fromkeys(MODEL_KINDS_IDS, 0)
        urls = {}
        site = type("S", (), {"tenant": type("T", (), {"pk": 0})()})()

    try:
        text = url(Anything)
    except KeyError:
        return ""
    return "/".join("*" if part.isdigit() else part for part in text.split("?")[0].split("/"))


MODEL_KINDS_IDS = [
    "page",
    "draft",
    "private",
    "image",
    "document",
    "sector",
    "documenttype",
    "issuingbody",
    "contributingunit",
    "sitebanner",
    "user",
    "group",
    "question",
    "maintenancewindow",
    "draftcomment",
]
