"""Finding 8 of issue 14: every admin avatar was fetched from gravatar.com, which also learnt
a hash of each official's e-mail address."""

from tests.security.conftest import login


def test_admin_pages_send_no_official_to_gravatar(commune):
    client = login(commune, "quantri")
    for url in ("/admin/", "/admin/users/", "/admin/account/", "/admin/ban-bien-tap/"):
        html = client.get(url).content.decode()
        assert "gravatar.com" not in html, url
