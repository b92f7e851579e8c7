from django.contrib import admin

from campaigns.models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "is_published", "order", "is_demo"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published", "is_demo"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
