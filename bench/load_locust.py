"""The traffic of ``bench/load.py``: citizens reading and asking, boards publishing (Locust).

Runs in Locust's own environment (``bench/requirements-load.txt``, installed by load.py into
var/bench-venv), so it imports nothing of the platform: what it needs (sites, paths, editors'
logins) comes in the JSON file named by ``LOAD_CONFIG``. Every request goes to nginx on the
loopback with a site's Host header, as a browser would send it.

Citizens keep to one commune, with an address of their own in X-Forwarded-For (the TLS
terminator's part: nginx appends the loopback after it and the app, PORTAL_BEHIND_PROXY=2,
reads the citizen's address, so the question form's per-address limit applies per citizen as
in production). A question goes as a browser sends it: the form is read (from the page cache:
it carries no CSRF token, the signed start time only), a person takes some seconds to write,
then it is posted with the browser's Origin header, which is the public forms' CSRF proof
(serving.csrf). The admin's forms carry Django's token, and the board's posts send it.

Board members log into the Wagtail admin of their site, each at a random moment of the first
``publish_every`` seconds, and publish a news item through the page form every
``publish_every`` seconds; a poller then reads the site's home page as an
anonymous visitor (through nginx's and Django's caches) until the title shows, and notes
how long that took. Results go to ``published`` in the output file when the run stops.
"""

import itertools
import json
import os
import random
import re
import time

import gevent
from board_forms import add_news_path, csrf_token, login_form, news_form
from locust import HttpUser, between, events, task

CONFIG = json.loads(open(os.environ["LOAD_CONFIG"], encoding="utf-8").read())  # noqa: SIM115
PUBLISHED: list[dict] = []
WATCHERS: list[gevent.Greenlet] = []  # each published item's poller, waited for at the end
WORDS = ["chuyển đổi số", "nông thôn mới", "học bổng", "giao thông", "kế hoạch", "đất đai",
         "tiêm chủng", "bảo hiểm y tế", "thông báo", "lịch tiếp dân"]  # fmt: skip
STARTED = re.compile(r'name="started" value="([^"]+)"')
COUNTER = itertools.count(1)  # numbers the items published
BOARDS = itertools.count(0)  # hands each board member its site
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _address() -> str:
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


class Citizen(HttpUser):
    wait_time = between(1, 4)
    weight = 10

    def on_start(self):
        self.site = random.choice(CONFIG["sites"])
        self.client.headers.update(
            {
                "Host": self.site["host"],
                "X-Forwarded-For": _address(),
                "User-Agent": USER_AGENT,
                "Accept-Language": "vi",
            }
        )

    def _get(self, path, name):
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {self.site['host']}{path}")

    @task(30)
    def home(self):
        self._get("/", "home")

    @task(15)
    def section(self):
        self._get(random.choice(self.site["sections"]), "section")

    @task(20)
    def news(self):
        if self.site["news"]:
            self._get(random.choice(self.site["news"]), "news")

    @task(8)
    def documents(self):
        if self.site["documents_list"]:
            self._get(self.site["documents_list"], "documents list")

    @task(8)
    def document(self):
        if self.site["documents"]:
            self._get(random.choice(self.site["documents"]), "document")

    @task(10)
    def search(self):
        self._get(f"/tim-kiem/?q={random.choice(WORDS)}", "search")

    @task(2)
    def ask(self):
        """Read the form, write for a while (the form refuses a post under 3 s), send it.

        Then this user is another citizen (a new address): one person asks once or twice,
        and the form allows three questions an hour per address."""
        page = self.site["questions"]
        if not page:
            return
        with self.client.get(page, name="question form", catch_response=True) as form:
            started = STARTED.search(form.text)
            if form.status_code != 200 or not started:
                form.failure(f"no question form ({form.status_code}) at {self.site['host']}{page}")
                return
        gevent.sleep(random.uniform(4, 8))
        with self.client.post(
            page,
            data={
                "started": started.group(1),
                "website": "",
                "name": "Nguyễn Thị Thử",
                "contact": "",
                "sector": "",
                "question": "Xin hỏi thủ tục đăng ký khai sinh cho con cần giấy tờ gì ạ?",
            },
            headers={
                "Origin": f"http://{self.site['host']}",
                "Referer": f"http://{self.site['host']}{page}",
            },
            name="question post",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"question refused: {response.status_code}")
        self.client.headers["X-Forwarded-For"] = _address()


class Board(HttpUser):
    """One board member per editor site, publishing through the Wagtail admin."""

    fixed_count = CONFIG["editor_count"]
    wait_time = between(CONFIG["publish_every"] * 0.8, CONFIG["publish_every"] * 1.2)

    def on_start(self):
        """Signs in at a moment of its own within the first interval: boards of different
        communes do not start their work in the same second, and five logins and five items at
        once (Locust's start) queued behind one another on the editors' two workers, a herd
        that measured the start of the test rather than the boards' day."""
        self.editor = CONFIG["editors"][next(BOARDS) % len(CONFIG["editors"])]
        gevent.sleep(random.uniform(0, CONFIG["publish_every"]))
        self.client.headers.update({"Host": self.editor["host"], "User-Agent": USER_AGENT})
        login = self.client.get("/admin/login/", name="admin login form")
        with self.client.post(
            "/admin/login/",
            data=login_form(
                csrf_token(login.text) or "", self.editor["username"], self.editor["password"]
            ),
            headers={"Origin": f"http://{self.editor['host']}"},
            name="admin login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused: {response.status_code}")

    @task
    def publish(self):
        add = add_news_path(self.editor["news_section_id"])
        with self.client.get(add, name="admin add form", catch_response=True) as form:
            token = csrf_token(form.text)
            if form.status_code != 200 or not token:
                form.failure(f"no page form ({form.status_code}) at {self.editor['host']}{add}")
                return
        number = next(COUNTER)
        title = f"Tin thử tải {number} {int(time.time())}"
        with self.client.post(
            add,
            data=news_form(
                token,
                title,
                f"tin-thu-tai-{number}-{int(time.time())}",
                "Nội dung tin đăng trong lúc thử tải.",
            ),
            headers={"Origin": f"http://{self.editor['host']}"},
            name="admin publish",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"publish refused: {response.status_code}")
                return
        record = {"host": self.editor["host"], "title": title, "published_at": time.time()}
        PUBLISHED.append(record)
        WATCHERS.append(gevent.spawn(self._watch, record))

    def _watch(self, record):
        """Read the home page as a visitor would until the new title shows (30 s at most)."""
        deadline = record["published_at"] + CONFIG["visible_within"]
        while time.time() < deadline:
            response = self.client.get(
                "/",
                name="home (poll after publish)",
                headers={"Cookie": "", "X-Forwarded-For": _address()},
                cookies={},
            )
            if record["title"] in response.text:
                record["visible_after"] = time.time() - record["published_at"]
                return
            gevent.sleep(0.25)
        record["visible_after"] = None


@events.test_stop.add_listener
def _wait_for_watchers(environment, **kwargs):
    """An item published just before the end is still watched until it shows (or 30 s)."""
    gevent.joinall(WATCHERS, timeout=CONFIG["visible_within"] + 5)


@events.quitting.add_listener
def _write_results(environment, **kwargs):
    with open(CONFIG["output"], "w", encoding="utf-8") as out:
        json.dump({"published": PUBLISHED}, out, ensure_ascii=False)
