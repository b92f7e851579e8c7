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
from PIL import ExifTags, Image, ImageOps

ALLOWED_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
# The only parsers Pillow may run on an upload. Its JPEG parser also opens the JPEGs with an
# MPF segment (a second frame) that many phones write; Pillow calls those "MPO".
PARSERS = ("JPEG", "PNG", "WEBP")
ALLOWED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
ACCEPT = "image/jpeg,image/png,image/webp"
LONG_SIDE = 2048
THUMBNAIL_SIDE = 480
JPEG_QUALITY = 85
BAND_ROWS = 128  # shrunk rows per step while decoding a large image


@dataclass(frozen=True)
class CleanPhoto:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


def clean_photo(upload, *, long_side=LONG_SIDE):
    """Check an uploaded file and return it re-encoded, with a thumbnail; or raise ValidationError.

    The image is shrunk to fit `long_side` pixels.

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
    _open(upload, verify=True, long_side=long_side)
    # verify() leaves the image unusable: open it again to decode the pixels.
    return _reencode(_open(upload, verify=False, long_side=long_side))


def _open(upload, *, verify, long_side):
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
                image = _decode_small(image, long_side)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except ValidationError:
            raise
        except Exception as error:
            # Pillow signals a broken or hostile file with many exception types (OSError,
            # SyntaxError, struct.error...): each one means "not an image we accept".
            raise ValidationError(_not_an_image(), code="not_an_image") from error
    return image


def _decode_small(image, long_side):
    """Decode the image at about the stored size, so memory follows that size, not the upload's.

    A JPEG is decoded straight at 1/2, 1/4 or 1/8 scale (draft). Any other image is decoded
    once, then converted and shrunk by a whole factor a band of rows at a time: Pillow's own
    conversions and reductions would each make a full-size copy first. May close `image`.
    """
    image.draft(None, _fit(image.size, long_side))
    image.load()
    orientation = image.getexif().get(ExifTags.Base.Orientation)
    mode = _working_mode(image)
    width, height = image.size
    factor = max(1, max(image.size) // long_side)
    if factor == 1 and mode == image.mode:
        small = image  # small enough already, and in a mode we can work in
    else:
        small = Image.new(mode, (-(-width // factor), -(-height // factor)))
        rows = BAND_ROWS * factor
        for top in range(0, height, rows):
            band = image.crop((0, top, width, min(top + rows, height))).convert(mode)
            small.paste(band.reduce(factor) if factor > 1 else band, (0, top // factor))
        image.close()  # frees the full-size pixels now rather than when the caller lets go
    if orientation:
        small.getexif()[ExifTags.Base.Orientation] = orientation  # for exif_transpose
    small.thumbnail((long_side, long_side))
    return small


def _working_mode(image):
    """The mode to shrink the image in: 8-bit RGB or grey, with its transparency if it has any."""
    if image.mode in ("L", "LA", "RGB", "RGBA"):
        return image.mode
    if image.mode == "PA" or (image.mode == "P" and "transparency" in image.info):
        return "RGBA"
    return "RGB"  # palette, CMYK, 16-bit, 1-bit...


def _fit(size, long_side):
    """`size` scaled down to fit a `long_side` square (never up)."""
    scale = min(1, long_side / max(size))
    return (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))


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
    # A new image holds the pixels and nothing else: no metadata can ride along. Transparent
    # parts become white.
    clean = Image.new("RGB", image.size, "white")
    clean.paste(image, mask=image if image.mode in ("RGBA", "LA") else None)
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
