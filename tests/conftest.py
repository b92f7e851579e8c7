import os

import pytest

from campaigns.models import Campaign

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


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(
        slug="jane-doe",
        name="Jane Doe",
        summary="Journalist imprisoned for her reporting.",
        is_published=True,
    )


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, never downloaded) for the whole session."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself (fixtures, assertions) are still synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
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
