"""Photos sent by the public: checked, cleaned and re-encoded before anything is stored.

An upload is hostile until proven otherwise. Only a real JPEG, PNG or WebP image passes (Pillow
decides, not the file name), within a size and a pixel budget (decompression bombs). What is kept
is a fresh JPEG drawn from the pixels alone: no EXIF (GPS would reveal where a protester stood),
no XMP, no comments, no colour profile, no trailing bytes.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
# The only parsers Pillow may run on an upload. Its JPEG parser also opens the JPEGs with an
# MPF segment (a second frame) that many phones write; Pillow calls those "MPO".
PARSERS = ("JPEG", "PNG", "WEBP")
ALLOWED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
ACCEPT = "image/jpeg,image/png,image/webp"
LONG_SIDE = 2048
THUMBNAIL_SIDE = 480
JPEG_QUALITY = 85


@dataclass(frozen=True)
class CleanPhoto:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


def clean_photo(upload):
    """Check an uploaded file and return it re-encoded, with a thumbnail; or raise ValidationError.

    Nothing is written anywhere: the caller stores the result through the storage API.
    """
    if PurePath(upload.name or "").suffix.lower() not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Send a photo as a JPEG, PNG or WebP file (.jpg, .jpeg, .png or .webp)."),
            code="extension",
        )
    if upload.size > settings.PHOTO_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is %(size)s; photos can be %(limit)s at most."),
            code="too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.PHOTO_MAX_UPLOAD_BYTES),
            },
        )
    _open(upload, verify=True)
    # verify() leaves the image unusable: open it again to decode the pixels.
    return _reencode(_open(upload, verify=False))


def _open(upload, *, verify):
    """Open the upload with Pillow; `verify` checks the whole file, otherwise decode it."""
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns between its two bomb thresholds; treat the warning as the error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload, formats=PARSERS)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(_not_an_image(), code="format")
            width, height = image.size
            if width * height > settings.PHOTO_MAX_PIXELS:
                raise _too_many_pixels()
            if verify:
                image.verify()
            else:
                image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except ValidationError:
            raise
        except Exception as error:
            # Pillow signals a broken or hostile file with many exception types (OSError,
            # SyntaxError, struct.error...): each one means "not an image we accept".
            raise ValidationError(_not_an_image(), code="not_an_image") from error
    return image


def _not_an_image():
    return _("This file is not a photo we can read. Send a JPEG, PNG or WebP image.")


def _too_many_pixels():
    return ValidationError(
        _("This image is too large: send a photo of at most %(megapixels)s megapixels."),
        code="too_many_pixels",
        params={"megapixels": settings.PHOTO_MAX_PIXELS // 1_000_000},
    )


def _reencode(image):
    """A new JPEG from the first frame's pixels only (an MPO's other frames are dropped)."""
    image = ImageOps.exif_transpose(image)  # keep the photo upright once EXIF is gone
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, "white")
        image = Image.alpha_composite(background, image)
    image = image.convert("RGB")
    image.thumbnail((LONG_SIDE, LONG_SIDE))
    # A new image holds the pixels and nothing else: no metadata can ride along.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    thumbnail = clean.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return CleanPhoto(
        image=ContentFile(_jpeg(clean), name="photo.jpg"),
        thumbnail=ContentFile(_jpeg(thumbnail), name="thumbnail.jpg"),
        width=clean.width,
        height=clean.height,
    )


def _jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()
