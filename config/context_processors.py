from django.conf import settings


def site(request):
    """Who runs the site, for the header and footer of every page."""
    return {
        "site_name": settings.SITE_NAME,
        "organiser_name": settings.ORGANISER_NAME,
        "contact_email": settings.CONTACT_EMAIL,
    }
