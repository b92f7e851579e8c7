import datetime
import importlib
import os
import socket
import time

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone, translation

from campaigns.models import (
    Campaign,
    Event,
)
from petitions.views import LIVE_COUNTS

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Headless Chromium on a machine with no route to the internet: no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Serve static files without the manifest, which only exists after collectstatic.

    The production storage is exercised by the CI smoke test against gunicorn.
    """
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def english():
    """Start each test in English: a request under /fr/ leaves French active in the thread."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters, counter fold-in throttles and cached pages live in the caches:
    start clean."""
    cache.clear()
    LIVE_COUNTS.clear()
    yield
    cache.clear()
    LIVE_COUNTS.clear()


@pytest.fixture
def clock(monkeypatch):
    """The wall clock, moved on by the test alone (`clock.advance(seconds)`): cached pages and
    Django's local-memory caches expire by it, and form start tokens are dated by it."""

    class Clock:
        now = time.time()

        def advance(self, seconds):
            self.now += seconds

    clock = Clock()
    monkeypatch.setattr(time, "time", lambda: clock.now)
    return clock


@pytest.fixture
def unreachable_cache(settings):
    """The production cache (django-redis, with the settings' outage options) pointed at a
    port where nothing listens: every cache call is a real connection, refused."""
    with socket.socket() as bound_not_listening:
        bound_not_listening.bind(("127.0.0.1", 0))
        port = bound_not_listening.getsockname()[1]
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/11",
                "OPTIONS": settings.CACHE_OUTAGE_OPTIONS,
            }
        }
        yield settings.CACHES["default"]


@pytest.fixture
def silent_server():
    """A port that takes connections and never says a word, like a hung server.

    The kernel completes each TCP handshake and queues what the client sends; nothing ever
    reads it or answers.
    """
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(32)
        yield listener.getsockname()[1]


@pytest.fixture
def database_tasks(settings):
    """Queue tasks in the database (django-tasks-db), as in production."""
    from django.tasks import task_backends

    def reset():
        task_backends.__dict__.pop("settings", None)
        task_backends._settings = None
        if hasattr(task_backends._connections, "default"):
            del task_backends["default"]

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    reset()
    yield
    reset()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads in tests go to a temporary folder, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(
        slug="jane-doe",
        name="Jane Doe",
        summary="Journalist imprisoned for her reporting.",
        biography="Jane Doe reported on **prisons**.",
        place_of_detention="Women's prison no. 1",
        charges="Spreading false information",
        sentence="Five years",
        detained_on=datetime.date(2022, 3, 1),
        time_zone="Europe/Paris",
        organiser_name="Friends of Jane",
        organiser_email="friends@example.org",
        is_published=True,
    )


@pytest.fixture
def unpublished_campaign(db):
    return Campaign.objects.create(slug="john-roe", name="John Roe", summary="Not yet public.")


@pytest.fixture
def event(campaign):
    """A solidarity day a month from now, from 18:00 in Paris."""
    return Event.objects.create(
        campaign=campaign,
        title="Day of solidarity",
        slug="day-of-solidarity",
        starts_on=timezone.localdate() + datetime.timedelta(days=30),
        start_time=datetime.time(18, 0),
        time_zone="Europe/Paris",
        call_to_action="Hold a **rally**.",
        is_published=True,
    )


@pytest.fixture
def past_event(campaign):
    return Event.objects.create(
        campaign=campaign,
        title="Last year's day",
        slug="last-years-day",
        starts_on=datetime.date(2023, 9, 2),
        time_zone="UTC",
        is_published=True,
    )


@pytest.fixture
def staff_editor(db, django_user_model):
    """A staff member in the Organisers group, as the data migration sets it up."""
    if not Group.objects.filter(name="Organisers").exists():
        # Tests with a live server empty the database afterwards, the migrations' group too.
        importlib.import_module(
            "campaigns.migrations.0006_organisers_group"
        ).create_organisers_group(django_apps, None)
        importlib.import_module(
            "petitions.migrations.0002_organisers_run_petitions"
        ).let_organisers_run_petitions(django_apps, None)
    user = django_user_model.objects.create_user(
        "organiser", "organiser@example.org", "a-long-organiser-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Organisers"))
    return user


@pytest.fixture(scope="session")
def playwright():
    """Playwright's one driver for the session: a second sync_playwright() in the same thread
    fails, so a test that needs a browser launched otherwise launches it from this one."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself (fixtures, assertions) are still synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright):
    """One headless Chromium (Debian's, never downloaded) for the whole session."""
    chromium = playwright.chromium.launch(
        executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()


@pytest.fixture
def new_tab(browser, live_server):
    """Opens tabs on Django's live server, each in its own context (own cookies).

    Fails the test if a page breaks the Content Security Policy or throws a script error.
    """
    contexts, problems = [], []

    def open_tab(**context_options):
        context = browser.new_context(base_url=live_server.url, locale="en-GB", **context_options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        tab = context.new_page()
        tab.on(
            "console",
            lambda message: (
                problems.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        tab.on("pageerror", lambda error: problems.append(str(error)))
        return tab

    yield open_tab
    for context in contexts:
        context.close()
    assert not problems, problems


@pytest.fixture
def page(new_tab):
    """A desktop-sized browser tab."""
    return new_tab()


@pytest.fixture
def phone_page(new_tab):
    """A phone-sized tab with touch, for what supporters do on their phones."""
    return new_tab(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
