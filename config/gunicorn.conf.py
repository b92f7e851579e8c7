"""gunicorn's settings for Solidarity: `gunicorn --config config/gunicorn.conf.py config.wsgi`,
as the Dockerfile, docker-compose.yml and CI's smoke test start it.

Threaded workers (gthread): a client slow to send its request ties up one thread, not a whole
worker, and an idle connection waits in the worker's poller, not in a thread. That holds
against a few slow clients; against many, only the proxy in front holds, by reading each
request in full before it passes it on (README: "The proxy in front"). gunicorn is never to
be reachable from the internet directly.
"""

import os

# The Dockerfile sets 0.0.0.0:8000: in a container, the proxy reaches it from outside.
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
worker_class = "gthread"
# About one worker per core; each runs GUNICORN_THREADS requests at once, and each thread
# keeps its own database connection (CONN_MAX_AGE): workers x threads per host.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A worker whose heartbeat stops this long is killed and replaced; on stop or reload, requests
# under way get graceful_timeout to finish.
timeout = 30
graceful_timeout = 30
# How long an idle keep-alive connection (from the proxy) is kept open.
keepalive = 5
# The request line and headers gunicorn accepts (its defaults, written down).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# gunicorn believes X-Forwarded-Proto and its kind only from the proxies Django trusts with
# VISITOR_IP_HEADER (TRUSTED_PROXIES: addresses or networks, comma-separated).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "").replace(" ", "") or "127.0.0.1,::1"
# Heartbeat files in memory: on a container's overlay filesystem they can stall a worker.
# (gunicorn creates them with mkstemp, private to its user.)
SHARED_MEMORY = "/dev/shm"  # noqa: S108
if os.path.isdir(SHARED_MEMORY):
    worker_tmp_dir = SHARED_MEMORY
# Access log on stdout, without the client's address: no raw IP address is ever stored.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
# ... and without the tokens of the confirm and withdraw links (config/access_log.py).
logger_class = "config.access_log.TokenlessAccessLogger"
