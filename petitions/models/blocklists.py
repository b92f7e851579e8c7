"""The organisers' blocklists (spam layers 7 and 8, petitions/spam.py).

Every valid signature is checked against both, so they are read from the shared cache, not the
database. The cached copy carries a version, which saving or deleting an entry changes (at once,
and again once the transaction commits): the next signature is checked against the new lists.
"""

import ipaddress
import uuid

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from petitions.addresses import InvalidAddress, canonical_domain, email_domain_and_parents

VERSION_KEY = "petitions:blocklists:version"
LISTS_KEY = "petitions:blocklists"


class BlockedDomain(models.Model):
    """Email domains whose signatures are kept as spam (subdomains included)."""

    domain = models.CharField(_("domain"), max_length=253, unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("blocked email domain")
        verbose_name_plural = _("blocked email domains")

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        domain = self.domain.strip().lstrip("@")
        try:
            self.domain = canonical_domain(domain)  # the form addresses are compared in
        except InvalidAddress:
            self.domain = domain.lower()
        super().save(*args, **kwargs)

    @classmethod
    def blocks(cls, email):
        domains, _networks = blocklists()
        return not domains.isdisjoint(email_domain_and_parents(email))


def validate_network(value):
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError as error:
        raise ValidationError(
            _("Enter an IP address or a range such as 203.0.113.0/24."), code="invalid"
        ) from error


class BlockedIPRange(models.Model):
    """IP ranges whose signatures are kept as spam. The address itself is never stored."""

    network = models.CharField(
        _("IP range"),
        max_length=50,
        unique=True,
        validators=[validate_network],
        help_text=_("An address or a range in CIDR notation, for example 203.0.113.0/24."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["network"]
        verbose_name = _("blocked IP range")
        verbose_name_plural = _("blocked IP ranges")

    def __str__(self):
        return self.network

    @classmethod
    def blocks(cls, ip):
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            return False
        _domains, networks = blocklists()
        for network in networks:
            try:
                if address in ipaddress.ip_network(network, strict=False):
                    return True
            except ValueError:
                continue
        return False


def blocklists():
    """(the blocked domains, a frozenset; the blocked networks, a tuple of strings), from the
    shared cache when it holds the current version, else from the database."""
    found = cache.get_many([VERSION_KEY, LISTS_KEY])
    version = found.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    cached = found.get(LISTS_KEY)
    if version is not None and isinstance(cached, tuple) and cached[0] == version:
        return cached[1]
    lists = (
        frozenset(BlockedDomain.objects.values_list("domain", flat=True)),
        tuple(BlockedIPRange.objects.values_list("network", flat=True)),
    )
    if version is not None:  # None: the cache is down
        cache.set(LISTS_KEY, (version, lists), timeout=None)
    return lists


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


@receiver(post_save, sender=BlockedDomain, dispatch_uid="blocklists.domain.saved")
@receiver(post_delete, sender=BlockedDomain, dispatch_uid="blocklists.domain.deleted")
@receiver(post_save, sender=BlockedIPRange, dispatch_uid="blocklists.range.saved")
@receiver(post_delete, sender=BlockedIPRange, dispatch_uid="blocklists.range.deleted")
def blocklist_changed(sender, using=None, **kwargs):
    """A new version now, so that no check runs on the cached lists, and again once the
    transaction commits, so that lists read in between (from the data before it) are not kept."""
    _new_version()
    transaction.on_commit(_new_version, using=using, robust=True)
