"""Event posters uploaded by organisers: a PDF, or an image cleaned like a public photo."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campaigns import photos

POSTER_EXTENSIONS = ["pdf", "png", "jpg", "jpeg"]
# A4 at 300 dots per inch: sharp enough to print.
POSTER_LONG_SIDE = 3508


def clean_poster(upload):
    """Return the file to store for an uploaded poster, or raise ValidationError.

    A PDF is kept as sent once its first bytes say it is one. An image goes through the photos'
    cleaning: verified by Pillow, re-encoded as JPEG, every piece of metadata gone.
    """
    extension = PurePath(upload.name or "").suffix.lower().removeprefix(".")
    if extension not in POSTER_EXTENSIONS:
        raise ValidationError(_("A poster is a PDF, PNG or JPEG file."), code="extension")
    if extension == "pdf":
        upload.seek(0)
        if upload.read(5) != b"%PDF-":
            raise ValidationError(
                _("This file is not a PDF. Export the poster as PDF and send it again."),
                code="not_a_pdf",
            )
        upload.seek(0)
        return upload
    try:
        return photos.clean_photo(upload, long_side=POSTER_LONG_SIDE).image
    except ValidationError as error:
        if error.code in ("format", "not_an_image"):
            raise ValidationError(
                _("This file is not an image we can read. Send a PNG or JPEG image, or a PDF."),
                code=error.code,
            ) from error
        raise
