"""Helpers for the tests of drawn images: draw now, read what the page and the files say."""

import io
import re

from django.core.files.storage import default_storage
from PIL import Image

from campaigns import posters, visuals
from sitewide import artwork_files


def drawn(*objects):
    """Run the drawing tasks of campaigns and events now (the tests' transaction never commits,
    so the tasks they queue on commit would not run); refresh each object."""
    for item in objects:
        if hasattr(item, "visuals"):
            visuals.render_visuals.call(item.pk)
        else:
            posters.render_poster.call(item.pk)
        item.refresh_from_db()
    return objects[0]


def png_size(name):
    with default_storage.open(name) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert image.format == "PNG"
        return image.size


def img_tags(html):
    return re.findall(r"<img [^>]*>", html)


def meta(html, key):
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return match and match.group(1)


def queued_drawing(callback):
    """Whether an on-commit callback queues a drawing task (and not, say, a cache bump)."""
    return getattr(callback, "func", None) is artwork_files._enqueue
