"""What a board member's browser sends to the Wagtail admin: the login form and the "add news"
page form, published. The benches that publish as an editor does (``load.py``'s warm-up,
``load_locust.py``'s boards, ``publish_visible.py``) all post these, so a change to the page
form is made here once.

Standard library only: ``load_locust.py`` imports it in Locust's own environment, apart from
the platform's.
"""

import json
import re
from datetime import date

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(html: str) -> str | None:
    """The form's CSRF token, or None when the page carries no form (not signed in, an error)."""
    found = CSRF.search(html)
    return found.group(1) if found else None


def add_news_path(section_id: int) -> str:
    return f"/admin/pages/add/content/newspage/{section_id}/"


def login_form(token: str, username: str, password: str) -> dict[str, str]:
    return {"csrfmiddlewaretoken": token, "username": username, "password": password}


def news_form(token: str, title: str, slug: str, text: str) -> dict[str, str]:
    """The page form of a news item with ``text`` as its lead and its body's one paragraph
    (the rich text editor posts Draft.js content state), sent with "Xuất bản"."""
    body = {
        "blocks": [
            {
                "key": "k1",
                "text": text,
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    return {
        "csrfmiddlewaretoken": token,
        "title": title,
        "slug": slug,
        "kind": "tin",
        "date": date.today().strftime("%d/%m/%Y"),
        "lead": text,
        "body": json.dumps(body),
        "author": "Ban biên tập",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
