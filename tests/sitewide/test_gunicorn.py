"""gunicorn as the Dockerfile, docker-compose.yml and CI start it: config/gunicorn.conf.py."""

import http.client
import os
import pydoc
import runpy
import socket
import subprocess
import sys
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from tests.sitewide.test_settings import PROJECT_DIR

GUNICORN_CONFIG = PROJECT_DIR / "config" / "gunicorn.conf.py"


@pytest.fixture
def gunicorn_settings(monkeypatch):
    """The settings the config file gives gunicorn, in an environment with only `env` set."""

    def read(**env):
        for name in ("GUNICORN_BIND", "WEB_CONCURRENCY", "GUNICORN_THREADS", "TRUSTED_PROXIES"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(GUNICORN_CONFIG))

    return read


def test_threaded_workers_listen_on_the_loopback_unless_told_otherwise(gunicorn_settings):
    config = gunicorn_settings()
    assert config["worker_class"] == "gthread"
    assert config["threads"] > 1
    assert config["bind"] == ["127.0.0.1:8000"]
    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"


def test_gunicorn_trusts_forwarded_headers_from_the_same_proxies_as_django(gunicorn_settings):
    config = gunicorn_settings(
        TRUSTED_PROXIES="172.28.0.10, 10.0.0.0/8",
        GUNICORN_BIND="0.0.0.0:8000",
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="4",
    )
    assert config["forwarded_allow_ips"] == "172.28.0.10,10.0.0.0/8"
    assert config["bind"] == ["0.0.0.0:8000"]
    assert (config["workers"], config["threads"]) == (3, 4)


def test_the_access_log_holds_no_visitor_address(gunicorn_settings):
    log_format = gunicorn_settings()["access_log_format"].lower()
    assert "%(h)s" not in log_format
    assert "x-real-ip" not in log_format
    assert "x-forwarded-for" not in log_format


@pytest.fixture
def gunicorn_port():
    """gunicorn with the config file and the site (DEBUG off), on a socket opened here: clients
    may connect at once, their connections wait in the queue until the workers are up."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "CACHE_URL"}}
        environment.update(
            ENV_FILE=os.devnull,
            SECRET_KEY="gunicorn-test-" + "k" * 40,
            ALLOWED_HOSTS="testserver",
            WEB_CONCURRENCY="2",  # as many workers as the two slow clients of issue 8 held
        )
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(GUNICORN_CONFIG),
                "--bind",
                f"fd://{listener.fileno()}",
                "config.wsgi",
            ],
            cwd=PROJECT_DIR,
            env=environment,
            pass_fds=[listener.fileno()],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            yield listener.getsockname()[1]
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def test_clients_slow_to_send_their_headers_do_not_take_the_site_down(gunicorn_port):
    slow_clients = []
    try:
        for _ in range(4):  # twice as many as it took with sync workers
            slow = socket.create_connection(("127.0.0.1", gunicorn_port))
            slow.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: testserver\r\n")  # and no more
            slow_clients.append(slow)

        visitor = http.client.HTTPConnection("127.0.0.1", gunicorn_port, timeout=20)
        visitor.request("GET", "/robots.txt", headers={"Host": "testserver"})
        response = visitor.getresponse()
        assert response.status == 200
        assert b"Disallow: /admin/" in response.read()
        visitor.close()
    finally:
        for slow in slow_clients:
            slow.close()


def test_the_access_log_holds_no_confirm_or_withdraw_token(gunicorn_settings):
    """A withdraw link's token never reaches the access log: reading the log is no way to
    withdraw somebody's signature."""
    config = gunicorn_settings()
    logger_class = pydoc.locate(config["logger_class"])
    logger = logger_class(Config())
    response = SimpleNamespace(status="404 Not Found", sent=10, headers=[])
    lines = []
    for path in ["/petitions/withdraw/SECRET-W/", "/fr/petitions/confirm/SECRET-C/"]:
        environ = {
            "REQUEST_METHOD": "GET",
            "RAW_URI": path,
            "PATH_INFO": path,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_REFERER": f"https://solidarity.example.org{path}",
        }
        atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, timedelta(0))
        lines.append(config["access_log_format"] % atoms + f" {atoms['r']} {atoms['f']}")
    logged = "\n".join(lines)
    assert "/petitions/withdraw/[token]/" in logged
    assert "/fr/petitions/confirm/[token]/" in logged
    assert "SECRET" not in logged
