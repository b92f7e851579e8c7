"""The demo's letters: the Azat Miftakhov campaign takes letters and postcards, with one design,
the drawn "FREE AZAT 04.09" poster. The facts give no postal address, birthday or donation
link: none is set (the PDF batch says the address is to be added by the organisers)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from campaigns import photos, posters
from campaigns.models import PostcardDesign


def add(azat):
    """Open letters for `azat` and add the poster design, unless it is there already."""
    if not azat.accepts_letters:
        type(azat).objects.filter(pk=azat.pk).update(accepts_letters=True)
        azat.accepts_letters = True
    if azat.postcard_designs.exists():
        return
    event = azat.events.get(slug="international-day-of-solidarity-2023")
    if not event.drawn_poster.get("png"):
        posters.render_poster.call(event.pk)  # drawn now rather than by the worker later
        event.refresh_from_db()
    with default_storage.open(event.drawn_poster["png"], "rb") as drawn:
        cleaned = photos.clean_photo(ContentFile(drawn.read(), name="poster.png"))
    design = PostcardDesign(
        campaign=azat, title="The “FREE AZAT 04.09” poster of the day of solidarity"
    )
    design.image.save("postcard.jpg", cleaned.image, save=False)
    design.thumbnail.save("thumbnail.jpg", cleaned.thumbnail, save=False)
    design.save()
