import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FACTS_FIT = """facts => [...facts.querySelectorAll('dt, dd')].every(
    item => item.getBoundingClientRect().right <= document.documentElement.clientWidth
        && item.scrollWidth <= item.clientWidth)"""


def test_on_a_phone_a_russian_profile_keeps_its_long_words_on_screen(phone_page, db):
    call_command("load_demo", verbosity=0)
    phone_page.goto("/ru/campaigns/aleksei-navalny/")
    facts = phone_page.locator(".facts")
    expect(facts).to_contain_text("Исправительная колония ИК-3 в Харпе")
    assert facts.evaluate(FACTS_FIT)
