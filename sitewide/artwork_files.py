"""Where drawn images and posters are kept and how they are served: files in the upload storage
under random names (a new name for each new drawing, so an address never shows an old image),
rendered by tasks, and answered with a fallback whenever a file is not there (yet).
"""

import logging
import secrets
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from sitewide import artwork

logger = logging.getLogger(__name__)

# A versioned address (its `v` names the file it serves) never changes: kept a year.
VERSIONED_SECONDS = 365 * 24 * 3600
# Anything else (an old or missing version, a fallback) is asked for again soon.
UNVERSIONED_SECONDS = 300


def leave_to_task(instance, save_kwargs, field):
    """`save()`'s keyword arguments without `field` when `instance` updates its row: the field
    belongs to the task that draws, and an object loaded before the task ran must not write the
    old value back."""
    if instance._state.adding or save_kwargs.get("force_insert"):
        return save_kwargs
    fields = save_kwargs.get("update_fields")
    if fields is None:
        fields = [f.name for f in instance._meta.concrete_fields if not f.primary_key]
    return {**save_kwargs, "update_fields": [name for name in fields if name != field]}


def store(folder, content, extension):
    """Save `content` (bytes) as a new file in `folder`; returns its name in the storage."""
    name = f"{folder}/{secrets.token_urlsafe(12)}.{extension}"
    return default_storage.save(name, ContentFile(content))


def discard(names):
    """Delete files once the transaction commits (those it replaced); a failure is only logged."""
    for name in filter(None, set(names)):
        transaction.on_commit(partial(_delete, name), robust=True)


def _delete(name):
    try:
        default_storage.delete(name)
    except Exception:
        logger.exception("Could not delete %s", name)


def in_language(drawings):
    """Of drawings stored per language ({"languages": {code: {"poster", "wide", "alt"}}}), those
    of the active language (else the site's): {"url" (of the poster), "alt", "share_name" and
    "share_version" (of the wide image)}, or {} before anything is drawn."""
    by_language = drawings.get("languages", {})
    drawn = by_language.get(get_language()) or by_language.get(settings.LANGUAGE_CODE)
    if not drawn:
        return {}
    return {
        "url": url(drawn.get("poster")),
        "alt": drawn["alt"],
        "share_name": drawn["wide"],
        "share_version": version_of(drawn["wide"]),
    }


def exists(name):
    try:
        return default_storage.exists(name)
    except Exception:
        logger.warning("Could not look for %s", name, exc_info=True)
        return False


def size(name):
    """The file's size in bytes, or None if the storage cannot tell."""
    try:
        return default_storage.size(name)
    except Exception:
        logger.warning("Could not measure %s", name, exc_info=True)
        return None


def url(name):
    return default_storage.url(name) if name else ""


def version_of(name):
    """The short key that changes with the file: its random stem."""
    return name.rsplit("/", 1)[-1].split(".", 1)[0] if name else ""


def queue(task, *args):
    """Queue a rendering task once the transaction commits (the worker then reads what was
    saved); failing to queue never fails the save that asked for it."""
    transaction.on_commit(partial(_enqueue, task, *args), robust=True)


def queue_once(task, *args):
    """`queue`, at most once in UNVERSIONED_SECONDS for the same task and arguments (the
    shared cache remembers): for drawings found out of date while serving them."""
    key = f"artwork:queued:{task.name}:{args}"
    try:
        first = cache.add(key, 1, timeout=UNVERSIONED_SECONDS)
    except Exception:
        first = False
    if first:
        queue(task, *args)


def _enqueue(task, *args):
    try:
        task.enqueue(*args)
    except Exception:
        logger.exception("Could not queue %s%s", task.name, args)


def serve_png(request, names):
    """The first of the stored PNG files `names` that can be read, else the site's card.

    Cached a year when the request's `v` names the file served; briefly otherwise. A missing
    file or a storage outage gives the fallback, never an error.
    """
    for name in filter(None, names):
        try:
            with default_storage.open(name, "rb") as stored:
                content = stored.read()
        except Exception:
            logger.warning("Could not read %s; trying the next image", name, exc_info=True)
            continue
        versioned = request.GET.get("v") == version_of(name)
        return _png_response(content, VERSIONED_SECONDS if versioned else UNVERSIONED_SECONDS)
    return _png_response(artwork.site_card(settings.SITE_NAME), UNVERSIONED_SECONDS)


def _png_response(content, seconds):
    response = HttpResponse(content, content_type="image/png")
    patch_cache_control(response, public=True, max_age=seconds)
    if seconds == VERSIONED_SECONDS:
        patch_cache_control(response, immutable=True)
    return response
