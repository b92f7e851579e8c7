"""Issue 9's goals measured in one run: the petition page near a static file's speed, count.json,
signing, flat from 1k to 1M signatures, and a surge held.

The site runs as in production (gunicorn with config/gunicorn.conf.py, DEBUG off, PostgreSQL,
Redis) on 127.0.0.1 with the demo content. Each run measures, in a rotating order, with wrk
(--seconds each, 32 connections): a 185-byte static file (the reference), the open petition
page with its form (1,000 signatures), the same page of a petition with --large signatures, a
campaign page, the home page, count.json of both petitions; then --signers signatures (GET the
form, then POST it, from --signing-clients threads that keep their connections open, as the
proxy in front does). For each: server CPU ms per request from /proc (gunicorn and its
PostgreSQL backends; Redis apart), requests/s and the ratio of the rate to the static file's in
the same run. Medians over --runs runs. The surge (surge.py) runs first.

With --baseline REV, that version of the site is served beside this one on the same database
and measured in the same runs, alternating which goes first, for before/after ratios.

    .venv/bin/python -m tests.benchmarks.bench_goals [--runs 5] [--baseline REV] ...
"""

import argparse
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks import baseline, bench_signing, goals_report, harness, server_cpu, surge, wrk

DATABASE = harness.database_name("goals")
# The open demo petition (the Navalny one closed on 16 February 2024): its text, demands and
# campaign.
PETITION = "liberte-pour-azat-miftakhov"
CAMPAIGN = "aleksei-navalny"
CONNECTIONS = 32


@dataclass
class Site:
    name: str
    project: Path
    port: int
    environment: dict
    server: harness.Gunicorn = None
    meter: server_cpu.Meter = None
    figures: dict = field(default_factory=dict)  # measurement -> one dict per run
    label: str = "this tree"


def site_for(name, project, database):
    port = harness.free_port()
    environment = harness.site_environment(database=database, port=port)
    # Each site's database connections carry its name, to find its PostgreSQL backends; kept
    # ten minutes so that none ends, with its CPU time, inside a measurement.
    environment["DATABASE_URL"] += f"?application_name=bench-{name}"
    environment["CONN_MAX_AGE"] = "600"
    return Site(name, project, port, environment)


def build_petitions(large):
    """The demo petition gets 1,000 confirmed signatures, and a copy of it `large` (one signer
    in three listed among the recent signers). Returns the copy's slug."""
    from django.db import connection

    from petitions.models import Petition
    from tests.benchmarks.bench_counter import add_confirmed_signatures

    petition = Petition.objects.get(slug=PETITION)
    demands = list(petition.demands.all())
    add_confirmed_signatures(petition, 1000, 3)
    petition.pk, petition.slug, petition.confirmed_count = None, f"{PETITION}-large", 0
    petition.save(force_insert=True)
    for demand in demands:
        demand.pk, demand.petition = None, petition
        demand.save()
    add_confirmed_signatures(petition, large, 3)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return petition.slug


def measure(site, path, seconds):
    """wrk on one path for `seconds`; the server CPU it took."""
    before = site.meter.sample()
    report = wrk.run(
        f"http://{harness.HOST}:{site.port}{path}", connections=CONNECTIONS, seconds=seconds
    )
    used = server_cpu.used(before, site.meter.sample())
    if report.errors:
        raise AssertionError(f"{site.name} GET {path}: {report.errors} errors")
    return {
        "cpu": used.server / report.requests,
        "database": used.database / report.requests,
        "redis": used.redis / report.requests,
        "rate": report.rate,
        "p99": report.p99,
    }


def signing_run(site, run, signers, clients):
    """`signers` people GET the form, then POST it, from `clients` threads that each keep one
    connection open (as the proxy in front keeps its connections to gunicorn); CPU per phase,
    rate, and the CPU this process (the client) spent."""
    path = f"/petitions/{PETITION}/"
    addresses = [f"signer-{site.name}-{run}-{n}@example.org" for n in range(signers)]
    opened, kept = [], threading.local()

    def connection():
        if not hasattr(kept, "connection"):
            kept.connection = harness.connect(site.port)
            opened.append(kept.connection)
        return kept.connection

    def open_form(_address):
        return bench_signing.open_form(site.port, path, "started", connection=connection())

    first, client_started = site.meter.sample(), time.process_time()
    forms, get_wall = harness.in_threads(open_form, addresses, clients)
    middle = site.meter.sample()

    def post(pair):
        (_page, headers, fields), address = pair
        fields = {**fields, **bench_signing.SIGNER, "email": address}
        sent = harness.post_form(site.port, path, fields, headers=headers, connection=connection())
        if sent.status != 302 or not sent.headers.get("location", "").endswith("/thanks/"):
            raise AssertionError(f"{site.name} POST {path} answered {sent.status}")

    pairs = list(zip(forms, addresses, strict=True))
    _done, post_wall = harness.in_threads(post, pairs, clients)
    last, client_cpu = site.meter.sample(), time.process_time() - client_started
    for each in opened:
        each.close()
    get_cpu = server_cpu.used(first, middle).server / signers
    posting = server_cpu.used(middle, last)
    post_cpu = posting.server / signers
    return {
        "get": get_cpu,
        "post": post_cpu,
        "post database": posting.database / signers,
        "cpu": get_cpu + post_cpu,
        "rate": signers / (get_wall + post_wall),
        "client": client_cpu / signers,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=2, help="wrk time per URL and run")
    parser.add_argument("--signers", type=int, default=150, help="signatures per run")
    parser.add_argument("--signing-clients", type=int, default=8, help="threads that sign")
    parser.add_argument("--large", type=int, default=1_000_000, help="signatures, flatness")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--surge-readers", type=int, default=256)
    parser.add_argument("--surge-signers", type=int, default=32)
    parser.add_argument("--surge-signatures", type=int, default=10, help="at most, per signer")
    parser.add_argument("--surge-seconds", type=int, default=15)
    parser.add_argument("--baseline", metavar="REV", help="also measure this git revision")
    parser.add_argument("--budget", type=float, default=290, help="seconds for the whole run")
    args = parser.parse_args()
    if not wrk.installed():
        parser.error("wrk is not installed: `make bench` installs it (apt-get install wrk)")
    budget = harness.Budget(args.budget)

    sites = [site_for("now", harness.PROJECT, DATABASE)]
    harness.create_database(DATABASE)
    harness.prepare_site(sites[0].environment)
    if args.baseline:
        folder, commit = baseline.extract(args.baseline)
        sites.append(site_for("before", folder, DATABASE))
        sites[-1].label = f"before ({commit[:9]})"
        baseline.prepare(folder, sites[-1].environment)
    harness.manage(sites[0].environment, "load_demo")
    # Building a million signatures takes longer than the site's statement timeout allows.
    harness.use_django({**sites[0].environment, "DATABASE_STATEMENT_TIMEOUT_MS": "0"})
    large_slug = build_petitions(args.large)
    budget.check("building the data")

    paths = {
        "static file": None,  # found on the home page
        "petition page": f"/petitions/{PETITION}/",
        f"petition page, {args.large:,} signatures": f"/petitions/{large_slug}/",
        "campaign page": f"/campaigns/{CAMPAIGN}/",
        "home page": "/",
        "count.json": f"/petitions/{PETITION}/count.json",
        f"count.json, {args.large:,} signatures": f"/petitions/{large_slug}/count.json",
    }
    try:
        for site in sites:
            site.server = harness.Gunicorn(
                site.environment,
                port=site.port,
                workers=args.workers,
                project=site.project,
                production=True,
            ).__enter__()
            site.meter = server_cpu.Meter(
                site.server.process.pid, harness.POSTGRES_URL, f"bench-{site.name}"
            )
        home = harness.get(sites[0].port, "/").body.decode()
        paths["static file"] = re.search(r'href="(/static/img/favicon[^"]*\.svg)"', home)[1]
        for site in sites:  # warm every thread and connection up
            for path in paths.values():
                wrk.run(f"http://{harness.HOST}:{site.port}{path}", connections=32, seconds=1)
        surges = {}
        for site in sites:
            surges[site.name] = surge.run(
                site,
                label="surge",
                readers=args.surge_readers,
                signers=args.surge_signers,
                signatures_each=args.surge_signatures,
                seconds=args.surge_seconds,
            )
            budget.check(f"after the surge on {site.name}")
        for run in range(args.runs):
            order = sites if run % 2 == 0 else sites[::-1]
            names = list(paths)
            names = names[run % len(names) :] + names[: run % len(names)]
            for site in order:
                for name in names:
                    site.figures.setdefault(name, []).append(
                        measure(site, paths[name], args.seconds)
                    )
                site.figures.setdefault("signing", []).append(
                    signing_run(site, run, args.signers, args.signing_clients)
                )
            budget.check(f"after run {run + 1}")
    finally:
        for site in sites:
            if site.meter:
                site.meter.close()
            if site.server:
                site.server.__exit__()
    goals_report.print_all(sites, list(paths), surges, args)


if __name__ == "__main__":
    main()
