"""Logging filters named in settings.LOGGING."""

import logging
import threading
import time


class OncePerInterval(logging.Filter):
    """Lets one record through every `seconds`, per process, and drops the others.

    For failures that every request meets while they last, such as the cache being down: the
    log says so once a minute instead of once per request.
    """

    def __init__(self, seconds=60):
        super().__init__()
        self.seconds = seconds
        self.next_allowed = float("-inf")
        self._lock = threading.Lock()

    def filter(self, record):
        now = time.monotonic()
        with self._lock:
            if now < self.next_allowed:
                return False
            self.next_allowed = now + self.seconds
        return True
