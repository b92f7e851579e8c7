"""gunicorn's access log without the secrets some paths carry: the signed tokens of the confirm
and withdraw links in every email. Anyone who could read the log could otherwise confirm or
withdraw somebody's signature. `logger_class` in config/gunicorn.conf.py."""

import re

from gunicorn.glogging import Logger

SIGNED_LINK = re.compile(r"/(confirm|withdraw)/[^/?#\s]+")
REDACTED = r"/\1/[token]"


class TokenlessAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("U", "r", "f"):  # the path, the request line, the referrer
            if isinstance(atoms.get(key), str):
                atoms[key] = SIGNED_LINK.sub(REDACTED, atoms[key])
        return atoms
