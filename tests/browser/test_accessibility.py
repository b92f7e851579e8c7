"""axe-core over every kind of public page, on a phone and a laptop: 0 violations of WCAG 2.0,
2.1 and 2.2, levels A and AA.

axe-core comes from PyPI's axe-playwright-python (a dev dependency), which bundles axe.min.js:
installed with the project like every other test tool, nothing to vendor or keep in step by
hand, and nothing fetched from another host when the tests run. The script is evaluated in the
page through Playwright (as the browser's devtools would), so the site's Content Security
Policy, which refuses inline scripts, stays as it is.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.public_pages import LAPTOP, PHONE, load_public_site, visit_every_public_page

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def violations(tab):
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(tab, options=options)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_every_public_page_has_no_wcag_violation(new_tab, transactional_db, settings, screen):
    event = load_public_site(settings)
    tab = new_tab(**(PHONE if screen == "phone" else LAPTOP))
    found, seen = {}, []
    for name in visit_every_public_page(tab, event):
        seen.append(name)
        if problems := violations(tab):
            found[name] = problems
    assert len(seen) >= 29
    assert not found, found


def test_axe_finds_a_planted_violation(page, db):
    """The check above can fail: a field without a label is found."""
    page.goto("/")
    assert violations(page) == []
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input>')")
    [problem] = violations(page)
    assert problem.startswith("label (critical)")
