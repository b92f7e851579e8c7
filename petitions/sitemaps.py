"""sitemap.xml section for the petitions: each petition in each language it is written in."""

from django.contrib.sitemaps import Sitemap

from petitions.models import Petition


class PetitionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"
    priority = 0.9

    def items(self):
        return Petition.objects.published()

    def get_languages_for_item(self, petition):
        return petition.translated_languages()


sitemaps = {"petitions": PetitionSitemap}
