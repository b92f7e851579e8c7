from django.contrib import admin

from petitions.models import BlockedDomain, BlockedIPRange


@admin.register(BlockedDomain)
class BlockedDomainAdmin(admin.ModelAdmin):
    list_display = ["domain", "note"]
    search_fields = ["domain", "note"]


@admin.register(BlockedIPRange)
class BlockedIPRangeAdmin(admin.ModelAdmin):
    list_display = ["network", "note"]
    search_fields = ["network", "note"]
