import ipaddress

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from petitions.addresses import InvalidAddress, canonical_domain, email_domain_and_parents


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
        return cls.objects.filter(domain__in=email_domain_and_parents(email)).exists()


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
        for network in cls.objects.values_list("network", flat=True):
            try:
                if address in ipaddress.ip_network(network, strict=False):
                    return True
            except ValueError:
                continue
        return False
