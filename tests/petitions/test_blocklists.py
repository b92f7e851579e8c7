"""The organisers' blocklists, read from the shared cache and forgotten whenever they change
(petitions/models/blocklists.py). The spam layers that use them: test_spam*.py."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from petitions.models import BlockedDomain, BlockedIPRange
from petitions.models import blocklists as module

pytestmark = pytest.mark.django_db


def test_once_read_the_lists_are_checked_without_a_database_query(django_assert_num_queries):
    BlockedDomain.objects.create(domain="spam.example")
    BlockedIPRange.objects.create(network="203.0.113.0/24")
    assert BlockedDomain.blocks("bot@spam.example")
    with django_assert_num_queries(0):
        assert BlockedDomain.blocks("bot@mail.spam.example")
        assert not BlockedDomain.blocks("ada@example.org")
        assert BlockedIPRange.blocks("203.0.113.7")
        assert not BlockedIPRange.blocks("198.51.100.7")


def test_a_domain_blocked_in_the_admin_blocks_the_next_signature_at_once(admin_client):
    assert not BlockedDomain.blocks("bot@spam.example")
    added = admin_client.post(
        reverse("admin:petitions_blockeddomain_add"), {"domain": "Spam.example", "note": ""}
    )
    assert added.status_code == 302
    assert BlockedDomain.blocks("bot@spam.example")


def test_ranges_deleted_in_the_admin_block_no_more_at_once(admin_client):
    blocked = BlockedIPRange.objects.create(network="203.0.113.0/24")
    assert BlockedIPRange.blocks("203.0.113.7")
    admin_client.post(
        reverse("admin:petitions_blockediprange_changelist"),
        {"action": "delete_selected", "_selected_action": [blocked.pk], "post": "yes"},
    )
    assert not BlockedIPRange.objects.exists()
    assert not BlockedIPRange.blocks("203.0.113.7")


def test_a_range_edited_in_place_blocks_its_new_addresses(db):
    blocked = BlockedIPRange.objects.create(network="203.0.113.0/24")
    assert not BlockedIPRange.blocks("198.51.100.7")
    blocked.network = "198.51.100.0/24"
    blocked.save()
    assert BlockedIPRange.blocks("198.51.100.7")
    assert not BlockedIPRange.blocks("203.0.113.7")


def test_lists_read_while_a_change_commits_are_not_kept_after_it(
    django_capture_on_commit_callbacks,
):
    assert not BlockedDomain.blocks("bot@spam.example")
    with django_capture_on_commit_callbacks(execute=True):
        BlockedDomain.objects.create(domain="spam.example")
        # Meanwhile another request reads the lists from the data before the commit and keeps
        # them under the version of that moment.
        cache.set(module.LISTS_KEY, (cache.get(module.VERSION_KEY), (frozenset(), ())))
    assert BlockedDomain.blocks("bot@spam.example")


def test_while_the_cache_is_down_the_lists_come_from_the_database(unreachable_cache):
    BlockedDomain.objects.create(domain="spam.example")
    assert BlockedDomain.blocks("bot@spam.example")
    assert not BlockedDomain.blocks("ada@example.org")
