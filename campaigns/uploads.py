"""Where uploaded files go: random names, which neither tell who sent a file nor can be guessed."""

import secrets
from pathlib import PurePath

from django.utils.deconstruct import deconstructible


@deconstructible
class RandomName:
    """`upload_to` for FileField: `<folder>/<random>.<original extension, lower case>`."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = PurePath(filename).suffix.lower()
        return f"{self.folder}/{secrets.token_urlsafe(16)}{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder

    def __hash__(self):
        return hash(self.folder)
