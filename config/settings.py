"""Solidarity's one settings module.

Every deployment-specific value comes from the environment (or an optional `.env` file beside
`manage.py`); `.env.example` documents each variable. The defaults are for local development.
"""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Values already in the environment win over the file's; ENV_FILE names another file.
ENV_FILE = Path(os.environ.get("ENV_FILE", BASE_DIR / ".env"))
if ENV_FILE.is_file():
    env.read_env(ENV_FILE)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string (or DEBUG=true for local development)."
        )
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105 - only ever used with DEBUG on

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Before the admin: the models' translation fields exist by the time it reads them.
    "modeltranslation",
    "sitewide.apps.SolidarityAdminConfig",  # Django's admin, under the site's name
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
    "django_ratelimit",
    "django_recaptcha",
    "django_tasks_db",
    "django_countries",
    "sitewide",
    "campaigns",
    "petitions",
]

MIDDLEWARE = [
    "config.middleware.TrustedProxyHeaderMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages a proxy may keep never carry a cookie (it sees what the middleware below adds).
    "config.middleware.SharedCacheGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, minus "Vary: Accept-Language": the address alone sets the language.
    "config.middleware.LocaleMiddleware",
    "config.middleware.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.middleware.NulInQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    # Turns django-ratelimit's refusals into the RATELIMIT_VIEW page (429), not a 403.
    "django_ratelimit.middleware.RatelimitMiddleware",
]

# Widget templates may be overridden in templates/ (the reCAPTCHA widget is).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
            ],
        },
    },
]

# Database: SQLite is the zero-setup default; production and CI use PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer must not hold a worker for minutes (psycopg waits 130 s
    # to connect by default): give up connecting after DATABASE_CONNECT_TIMEOUT seconds (2 at
    # least), and have the server cancel a statement that runs past
    # DATABASE_STATEMENT_TIMEOUT_MS (0: no limit, and no startup option, for PgBouncer). Both
    # raise OperationalError, which the visitor sees as the friendly 503 (config.middleware).
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=3))
    _statement_timeout = env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=10_000)
    if _statement_timeout:
        _db_options["options"] = " ".join(
            filter(None, [f"-c statement_timeout={_statement_timeout}", _db_options.get("options")])
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory is fine for one development process; production points CACHE_URL at
# Redis so that every gunicorn worker and host shares rate-limit counters.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# A cache outage is never a 500: with django-redis a call that fails (Redis down, unreachable,
# too slow) answers as a miss instead of raising, and gives up after CACHE_SOCKET_TIMEOUT
# seconds. What depends on the cache then degrades: the counter folds in from cron only, and
# rate limits fail open (RATELIMIT_FAIL_OPEN). The failure is logged at most once a minute per
# process (LOGGING), and /healthz reports the cache as down.
CACHE_OUTAGE_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": env.float("CACHE_SOCKET_TIMEOUT", default=1.0),
    "SOCKET_TIMEOUT": env.float("CACHE_SOCKET_TIMEOUT", default=1.0),
}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # Options given in CACHE_URL's query string win.
    CACHES["default"]["OPTIONS"] = CACHE_OUTAGE_OPTIONS | CACHES["default"].get("OPTIONS", {})
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Background work (emails) goes through Django's tasks framework. Development and tests run
# tasks immediately; production uses the database backend and `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# Email: EMAIL_URL (smtp+tls://user:password@host:587, consolemail://, filemail:///path) is
# turned into Django's MAILERS setting.
_email = env.email_url("EMAIL_URL", default="consolemail://")
_email_options = {}
if _email["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    _email_options = {
        "host": _email["EMAIL_HOST"],
        "port": _email["EMAIL_PORT"],
        "username": _email["EMAIL_HOST_USER"] or "",
        "password": _email["EMAIL_HOST_PASSWORD"] or "",
        "use_tls": _email.get("EMAIL_USE_TLS", False),
        "use_ssl": _email.get("EMAIL_USE_SSL", False),
        "timeout": env.int("EMAIL_TIMEOUT", default=15),
    }
elif _email["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend":
    _email_options = {"file_path": "/" + _email["EMAIL_FILE_PATH"]}
elif _email["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend":
    # Printed decoded, with whole links to click (Django's prints quoted-printable).
    _email["EMAIL_BACKEND"] = "sitewide.console_mail.EmailBackend"
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Solidarity <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# reCAPTCHA: optional; without keys the site runs without it.
RECAPTCHA_PUBLIC_KEY = env.str("RECAPTCHA_PUBLIC_KEY", default="")
RECAPTCHA_PRIVATE_KEY = env.str("RECAPTCHA_PRIVATE_KEY", default="")

SILENCED_SYSTEM_CHECKS = []
if not RECAPTCHA_PUBLIC_KEY:
    # django-recaptcha complains about its test keys; without keys we do not use it at all.
    SILENCED_SYSTEM_CHECKS.append("django_recaptcha.recaptcha_test_key_error")
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
    # Only acceptable for the single-process development default; `check --deploy` still
    # fails on an unshared cache (sitewide.checks).
    SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003", "django_ratelimit.W001"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language of the interface, translated into the
# other languages (locale/). What organisers write exists in any of them (django-modeltranslation:
# a column per language, registered in each app's translation.py; sitewide/content_languages.py).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
]
# The admin fills in a new page's web address from its title in this language.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = LANGUAGE_CODE
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
# British date formats for English (config/formats/en), as on the public pages.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True

# Static files are served by whitenoise: compressed, with hashed names cached for a year.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Photos sent by supporters: larger files or images are refused (campaigns.photos).
PHOTO_MAX_UPLOAD_BYTES = env.int("PHOTO_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=24_000_000)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security. Behind a TLS-terminating load balancer set SECURE_PROXY_SSL_HEADER_ENABLED.
if env.bool("SECURE_PROXY_SSL_HEADER_ENABLED", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A supporter's browser talks to this site only: no script, style, font or image from elsewhere
# (the petition form widens this for reCAPTCHA alone, on that page only).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env.list("CSP_MEDIA_ORIGINS", default=[])],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Who runs this site: named in the footer and in emails, and in the privacy notice as the data
# controller with its contact. The defaults are placeholders for development: `check --deploy`
# warns while either shows (sitewide.checks).
SITE_NAME = env.str("SITE_NAME", default="Solidarity")
SITE_PLACEHOLDERS = {
    "ORGANISER_NAME": "Example Organisation",
    "CONTACT_EMAIL": "contact@example.org",
}
ORGANISER_NAME = env.str("ORGANISER_NAME", default=SITE_PLACEHOLDERS["ORGANISER_NAME"])
CONTACT_EMAIL = env.str("CONTACT_EMAIL", default=SITE_PLACEHOLDERS["CONTACT_EMAIL"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "once_a_minute": {"()": "config.logging_filters.OncePerInterval", "seconds": 60},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        # django-redis logs each cache call it could not make; while Redis is down that is
        # every request, so the log says it once a minute.
        "django_redis.cache": {"filters": ["once_a_minute"]},
        # fpdf2 subsets the poster's font through fontTools, which reports every step.
        "fontTools": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
RATELIMIT_VIEW = "sitewide.views.rate_limited"
# When the cache cannot count (Redis down), rate limits let requests through rather than refuse
# every form: a supporter must be able to sign during an outage, and the other spam layers
# still hold (honeypot, fill time, reCAPTCHA, blocklists, and above all the confirmation
# email: a signature counts only once its address confirms it; actions and photos wait for an
# organiser's approval).
RATELIMIT_FAIL_OPEN = True
# Behind a reverse proxy, the request header that holds the visitor's address as the proxy set
# it (for example HTTP_X_REAL_IP); rate limits, blocked IP ranges and the IP hash all read it
# through sitewide.client_ip, which falls back to REMOTE_ADDR when the header is missing or odd.
VISITOR_IP_HEADER = env.str("VISITOR_IP_HEADER", default="")
# The addresses or networks (CIDR) of the proxies in front: VISITOR_IP_HEADER is believed only
# in requests that come from one of them (`check --deploy` fails on a header without them).
# gunicorn trusts the same addresses (config/gunicorn.conf.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
RATELIMIT_IP_META_KEY = "sitewide.client_ip.ratelimit_ip"

# The site's public address, for links in emails (which are sent outside any request). The
# default is where `make run` serves the site: the same host, so the same cookies.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Petitions: the spam layers and privacy, each configurable.
PETITIONS_MIN_FILL_SECONDS = env.int("PETITIONS_MIN_FILL_SECONDS", default=3)
PETITIONS_RATE_PER_PETITION = env.str("PETITIONS_RATE_PER_PETITION", default="5/h")
PETITIONS_RATE_OVERALL = env.str("PETITIONS_RATE_OVERALL", default="20/h")
# reCAPTCHA v3 scores from 0.0 (a bot) to 1.0 (a person); below this the signature is spam.
PETITIONS_RECAPTCHA_MIN_SCORE = env.float("PETITIONS_RECAPTCHA_MIN_SCORE", default=0.5)
PETITIONS_CONFIRM_DAYS = env.int("PETITIONS_CONFIRM_DAYS", default=30)
# How long the link to a signer's own data works (petitions/my_data.py).
PETITIONS_MY_DATA_DAYS = env.int("PETITIONS_MY_DATA_DAYS", default=30)
PETITIONS_ANONYMISE_AFTER_DAYS = env.int("PETITIONS_ANONYMISE_AFTER_DAYS", default=90)
# Letters: days a writer's email is kept (for a rejection notice or a reply), then erased by
# `manage.py erase_letter_emails`.
LETTERS_KEEP_EMAIL_DAYS = env.int("LETTERS_KEEP_EMAIL_DAYS", default=180)

# Webhooks (petitions.webhooks): how long each connect and read to an endpoint may wait, and
# whether endpoints may be http:// or on this machine or a private network (development and
# tests only: in production that would let an admin form reach internal services, SSRF).
WEBHOOKS_TIMEOUT_SECONDS = env.float("WEBHOOKS_TIMEOUT_SECONDS", default=5.0)
WEBHOOKS_ALLOW_LOCAL = env.bool("WEBHOOKS_ALLOW_LOCAL", default=DEBUG)
