# Solidarity: the same steps .ci/run proves on every change (install, compilemessages,
# collectstatic, gunicorn, /healthz).

FROM python:3.13-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
RUN python -m venv /venv
COPY pyproject.toml README.md ./
RUN /venv/bin/pip install .
COPY . .
RUN /venv/bin/django-admin compilemessages \
    && SECRET_KEY=collectstatic-only /venv/bin/python manage.py collectstatic --no-input

FROM python:3.13-slim
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
RUN useradd --system --uid 10001 --create-home solidarity
COPY --from=build /venv /venv
COPY --from=build --chown=root:root /app /app
RUN mkdir -p /app/media && chown solidarity /app/media
WORKDIR /app
USER solidarity
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "config/healthcheck.py", "http://127.0.0.1:8000/healthz"]
# gunicorn's settings are in config/gunicorn.conf.py (WEB_CONCURRENCY workers, GUNICORN_THREADS
# threads each). Listening on every interface of the container, it must only be reachable from
# the proxy in front (docker-compose.yml publishes the proxy alone).
ENV GUNICORN_BIND=0.0.0.0:8000
CMD ["gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi"]
