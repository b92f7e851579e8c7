"""docker-compose.yml, config/nginx.conf, the Dockerfile and CI agree with the project and with
each other: every command a service runs exists, every file it names is there."""

import importlib.util
import json
import re
import shlex

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

from tests.sitewide.test_settings import PROJECT_DIR

COMPOSE = yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
NGINX_CONF = (PROJECT_DIR / "config" / "nginx.conf").read_text()
DOCKERFILE = (PROJECT_DIR / "Dockerfile").read_text()


def service_commands(service):
    """The commands a service runs, as argument lists: its own and its health check's."""
    commands = []
    if "command" in service:
        command = service["command"]
        commands.append(command if isinstance(command, list) else shlex.split(command))
    test = service.get("healthcheck", {}).get("test")
    if test and test[0] == "CMD":
        commands.append(test[1:])
    elif test and test[0] == "CMD-SHELL":
        commands.append(shlex.split(test[1]))
    return commands


# The services built from this project (the others run their image's own programs).
PROJECT_COMMANDS = [
    pytest.param(argv, id=f"{name}: {' '.join(argv)}")
    for name, service in SERVICES.items()
    if "build" in service
    for argv in service_commands(service)
]


def test_the_site_runs_as_web_worker_database_cache_and_proxy_each_with_a_health_check():
    assert {"web", "worker", "db", "cache", "proxy"} <= set(SERVICES)
    long_running = [name for name, s in SERVICES.items() if s.get("restart") != "no"]
    assert sorted(long_running) == ["cache", "db", "proxy", "web", "worker"]
    for name in long_running:
        assert SERVICES[name]["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}, name


@pytest.mark.parametrize("argv", PROJECT_COMMANDS)
def test_every_command_the_projects_services_run_exists(argv):
    program, *args = argv
    if program == "gunicorn":
        config = args[args.index("--config") + 1]
        assert (PROJECT_DIR / config).is_file()
        assert importlib.util.find_spec(args[-1]) is not None  # the WSGI module
    elif program == "python" and args[0] == "manage.py":
        assert args[1] in get_commands(), f"no management command {args[1]!r}"
    elif program == "python":
        assert (PROJECT_DIR / args[0]).is_file()
    else:
        pytest.fail(f"{program} is not one of the project's programs")


def test_the_files_mounted_from_the_project_exist():
    mounted = [
        volume.split(":")[0]
        for service in SERVICES.values()
        for volume in service.get("volumes", [])
        if volume.startswith(".")
    ]
    assert mounted
    for path in mounted:
        assert (PROJECT_DIR / path).is_file(), path


def test_the_web_service_runs_what_the_dockerfile_and_ci_run():
    web = SERVICES["web"]
    cmd = re.search(r"^CMD (\[.*\])$", DOCKERFILE, re.MULTILINE)[1]
    assert json.loads(cmd) == web["command"]
    healthcheck = re.search(r"^HEALTHCHECK .*\n\s+CMD (\[.*\])$", DOCKERFILE, re.MULTILINE)[1]
    assert json.loads(healthcheck) == web["healthcheck"]["test"][1:]
    ci = (PROJECT_DIR / ".ci" / "run").read_text()
    assert " ".join(web["command"][1:]) in ci  # .venv/bin/gunicorn with the same arguments


def test_web_and_worker_start_once_the_migrations_have_run():
    assert SERVICES["migrate"]["command"] == ["python", "manage.py", "migrate", "--no-input"]
    for name in ("web", "worker"):
        assert SERVICES[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_only_the_proxy_is_reachable_from_outside():
    assert [name for name, service in SERVICES.items() if "ports" in service] == ["proxy"]


def test_django_believes_the_visitor_address_from_the_proxy_alone():
    environment = SERVICES["web"]["environment"]
    proxy_address = SERVICES["proxy"]["networks"]["solidarity"]["ipv4_address"]
    assert environment["TRUSTED_PROXIES"] == proxy_address
    assert environment["VISITOR_IP_HEADER"] == "HTTP_X_REAL_IP"
    assert "proxy_set_header X-Real-IP $remote_addr;" in NGINX_CONF
    assert SERVICES["worker"]["environment"]["TRUSTED_PROXIES"] == proxy_address


def test_the_proxy_buffers_requests_and_caps_bodies_just_above_the_photo_limit():
    assert "proxy_request_buffering on;" in NGINX_CONF
    body_cap = int(re.search(r"client_max_body_size (\d+)m;", NGINX_CONF)[1]) * 1024 * 1024
    photo_cap = settings.PHOTO_MAX_UPLOAD_BYTES
    assert photo_cap < body_cap < photo_cap + 2 * 1024 * 1024
    assert "client_header_timeout" in NGINX_CONF


def test_the_proxy_logs_no_visitor_address():
    log_format = re.search(r"log_format solidarity '([^']*)'", NGINX_CONF)[1]
    assert "$remote_addr" not in log_format
    assert "$http_x_forwarded_for" not in log_format
    assert "access_log /dev/stdout solidarity;" in NGINX_CONF


def test_the_proxy_keeps_only_what_says_public_and_compresses():
    assert "proxy_cache solidarity_pages;" in NGINX_CONF
    assert "proxy_cache_valid" not in NGINX_CONF  # no answer is kept unless it says so
    assert "proxy_ignore_headers" not in NGINX_CONF  # Cache-Control, Set-Cookie and Vary hold
    assert "proxy_no_cache $cookie_sessionid $cookie_petition_receipt;" in NGINX_CONF
    assert "proxy_cache_bypass $cookie_sessionid $cookie_petition_receipt;" in NGINX_CONF
    assert "gzip on;" in NGINX_CONF
