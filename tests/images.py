"""Image files made on the fly for upload tests."""

import io
import struct
import zlib

from PIL import ExifTags, Image

GPS_LATITUDE = (55.0, 45.0, 21.0)


def jpeg_with_gps(size=(64, 48), orientation=1):
    """A JPEG carrying EXIF GPS coordinates, a camera make and a comment."""
    image = Image.new("RGB", size, "red")
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    exif[ExifTags.IFD.GPSInfo] = gps
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"taken at the rally")
    return buffer.getvalue()


def image_bytes(format="PNG", size=(32, 32), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, "blue" if mode == "RGB" else None).save(buffer, format)
    return buffer.getvalue()


def png_claiming(width, height):
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb's shape."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def mpo_with_exif(size=(64, 48)):
    """A JPEG with an MPF segment and a second frame, as many phones write: Pillow's "MPO"."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(
        buffer,
        "MPO",
        save_all=True,
        append_images=[Image.new("RGB", (size[0] // 2, size[1] // 2), "blue")],
        exif=exif,
    )
    return buffer.getvalue()


def large_png(width, height, mode="RGBA"):
    """A real PNG of one colour, written row by row: small to hold, huge to decode."""
    channels = {"RGB": 3, "RGBA": 4}[mode]
    colour_type = {"RGB": 2, "RGBA": 6}[mode]

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    row = b"\0" + bytes([0, 0, 255, 128][:channels]) * width
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _row in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
