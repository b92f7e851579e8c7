"""What the benchmarks share: a fresh PostgreSQL database, gunicorn on a loopback port, a small
threaded HTTP client (the statistics are in stats.py).

Everything talks to 127.0.0.1 only. BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432)
and BENCH_CACHE_URL (default redis://127.0.0.1:6379/5) say where PostgreSQL and Redis are; the
benchmarks create their own databases (named BENCH_DATABASE_PREFIX + a name, by default
solidarity_bench_*) and empty that Redis database.
"""

import atexit
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import namedtuple
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

PROJECT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5")
DATABASE_PREFIX = os.environ.get("BENCH_DATABASE_PREFIX", "solidarity_bench_")
# Far above any rush the benchmarks send from their one IP address.
GENEROUS_RATE = "1000000/m"
REQUEST_TIMEOUT = 30
# Emails and gunicorn's log go to a temporary folder, removed when the benchmark ends.
SCRATCH = Path(tempfile.mkdtemp(prefix="solidarity-bench-"))
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)

Response = namedtuple("Response", "status headers body seconds")


class Budget:
    """A wall-clock limit for a whole benchmark: `check()` stops it once the time is up."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def check(self, what=""):
        if time.monotonic() > self.deadline:
            sys.exit(f"Time budget of {self.seconds:.0f} s exhausted {what}; nothing reported.")


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def database_name(name):
    """A benchmark database's name: BENCH_DATABASE_PREFIX + name."""
    return f"{DATABASE_PREFIX}{name}"


def site_environment(*, database, port):
    """Production-like settings (DEBUG off, PostgreSQL, Redis, tasks in the database) on
    loopback, with the spam layers' timing and rate limits out of the way of a rush from one IP."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": f"http://{HOST}:{port}",
        "DATABASE_URL": f"{POSTGRES_URL}/{database}",
        "CONN_MAX_AGE": "60",
        "CACHE_URL": CACHE_URL,
        "EMAIL_URL": f"filemail://{SCRATCH / 'mail'}",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "PETITIONS_MIN_FILL_SECONDS": "0",
        "PETITIONS_RATE_PER_PETITION": GENEROUS_RATE,
        "PETITIONS_RATE_OVERALL": GENEROUS_RATE,
        "RECAPTCHA_PUBLIC_KEY": "",
        "RECAPTCHA_PRIVATE_KEY": "",
        # Plain HTTP on loopback: cookies without the Secure flag, as a browser would need.
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }


def create_database(name):
    """Drop and create a PostgreSQL database for one benchmark."""
    import psycopg
    from psycopg import sql

    if not re.fullmatch(r"solidarity_[a-z0-9_]*bench[a-z0-9_]*", name):
        raise ValueError(f"benchmark databases are named solidarity_*bench*, not {name!r}")
    with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def manage(environment, *arguments, timeout=120, project=PROJECT):
    """Run a manage.py command as a separate process; returns its output."""
    result = subprocess.run(  # noqa: S603 - our own manage.py with arguments we wrote
        [sys.executable, "manage.py", *arguments],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare_site(environment, project=PROJECT, migrate=True):
    """Migrate the fresh database and collect static files (the pages need the manifest)."""
    if migrate:
        manage(environment, "migrate", "--no-input", project=project)
    manage(environment, "collectstatic", "--no-input", "--verbosity", "0", project=project)


def open_petition(slug, offset=0):
    """A new open petition in the benchmark's database (after use_django)."""
    from django.utils import timezone

    from petitions.models import Petition

    return Petition.objects.create(
        slug=slug,
        title=f"Rush {slug}",
        target="the Minister of Justice",
        status=Petition.Status.OPEN,
        opens_at=timezone.now() - timedelta(days=1),
        offset=offset,
    )


def use_django(environment):
    """Set Django up in this process on the benchmark's settings (to build data with the ORM),
    and empty the benchmark's Redis database (rate-limit counters, fold-in throttles)."""
    import django

    os.environ.update(environment)
    django.setup()
    from django.core.cache import cache

    cache.clear()


class Gunicorn:
    """gunicorn serving the site on a loopback port; stopped by its PID on leaving the block.

    With `production=True` it reads config/gunicorn.conf.py as the Dockerfile starts it (threaded
    workers, its access log formatted and thrown away); otherwise plain sync workers.
    """

    def __init__(
        self, environment, *, port, workers, app="config.wsgi", project=PROJECT, production=False
    ):
        self.environment, self.port, self.workers, self.app = environment, port, workers, app
        self.project, self.production = project, production
        self.process = None
        self.log = SCRATCH / f"gunicorn-{port}.log"

    def __enter__(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        arguments = ["--bind", f"{HOST}:{self.port}", "--workers", str(self.workers)]
        if self.production:
            arguments += ["--config", "config/gunicorn.conf.py"]
        self.process = subprocess.Popen(  # noqa: S603 - the venv's gunicorn, our arguments
            [str(gunicorn), self.app, *arguments, "--error-logfile", str(self.log)],
            cwd=self.project,
            env=self.environment,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._fail("gunicorn exited")
            try:
                if get(self.port, "/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self._fail("/healthz did not answer 200 within 30 s")

    def __exit__(self, *exc_info):
        if self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def _fail(self, why):
        self.__exit__()
        log = self.log.read_text()[-3000:] if self.log.exists() else "(empty)"
        sys.exit(f"{why}; gunicorn's log:\n{log}")


# HTTP ------------------------------------------------------------------------------------------


def connect(port):
    """A connection to keep alive between requests, as a browser does (threaded workers)."""
    return http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)


def request(port, method, path, *, body=None, headers=None, connection=None):
    """One request, on `connection` or else on a new one closed after it."""
    own = connection is None
    connection = connect(port) if own else connection
    try:
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        content = answer.read()
        seconds = time.perf_counter() - started
    finally:
        if own:
            connection.close()
    return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, content, seconds)


def get(port, path, headers=None, connection=None):
    return request(port, "GET", path, headers=headers, connection=connection)


def post_form(port, path, fields, headers=None, connection=None):
    headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    return request(
        port, "POST", path, body=urlencode(fields), headers=headers, connection=connection
    )


def in_threads(function, items, concurrency):
    """Call `function(item)` for every item from `concurrency` threads at once.

    Returns (results in the items' order, wall-clock seconds for all of them).
    """
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(function, items))
    return results, time.perf_counter() - started


def load(port, path, *, requests, concurrency):
    """GET `path` `requests` times from `concurrency` threads; every answer must be a 200.

    Returns (latencies in seconds, requests per second).
    """

    def one(_index):
        response = get(port, path)
        if response.status != 200:
            raise AssertionError(f"GET {path} answered {response.status}")
        return response.seconds

    latencies, wall = in_threads(one, range(requests), concurrency)
    return latencies, requests / wall


class Poller(threading.Thread):
    """GETs a path every `interval` seconds in the background, as open pages' counters do."""

    def __init__(self, port, path, interval):
        super().__init__(daemon=True)
        self.port, self.path, self.interval = port, path, interval
        self.stopped = threading.Event()
        self.statuses = []

    def run(self):
        while not self.stopped.wait(self.interval):
            self.statuses.append(get(self.port, self.path).status)

    def stop(self):
        self.stopped.set()
        self.join(timeout=REQUEST_TIMEOUT)
