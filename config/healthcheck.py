"""Container health check: GET /healthz on the local gunicorn; exit 0 when healthy.

Used by the Dockerfile's HEALTHCHECK and by the CI smoke test. Sends the first ALLOWED_HOSTS
name as Host, so Django's host validation accepts the request.
"""

import os
import sys
import urllib.error
import urllib.request

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/healthz"
host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip().lstrip(".")
request = urllib.request.Request(  # noqa: S310 - the URL is ours, http only
    url, headers={"Host": host, "X-Forwarded-Proto": "https"}
)
try:
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        sys.exit(0 if response.status == 200 else 1)
except (urllib.error.URLError, OSError) as error:
    print(f"unhealthy: {error}", file=sys.stderr)
    sys.exit(1)
