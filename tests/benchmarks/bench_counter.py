"""The petition page and count.json must cost the same with 100 or 100,000 signatures.

Two open petitions in one fresh database: one with --small confirmed signatures, one with --large
(inserted with one SQL statement, then `petitions.counter.recount`, as the stored counter would
hold them).
gunicorn serves them; each run GETs each URL of each petition --requests times from
--concurrency threads, alternating which petition goes first. Prints medians over the runs of
each run's median and p90 latency and requests/s, and the large/small ratio (expected about 1).

    .venv/bin/python -m tests.benchmarks.bench_counter [--runs 5] [--workers 2] ...
"""

import argparse
import json
from datetime import timedelta

from tests.benchmarks import harness, stats

OFFSET = 1234
DATABASE = harness.database_name("counter")


def add_confirmed_signatures(petition, count, listed_every):
    """`count` confirmed signatures, one a second back in time; every `listed_every`-th signer
    agreed to be listed among the recent signers (0: nobody did)."""
    from django.db import connection

    from petitions.counter import recount

    listed_every = listed_every or count + 1
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO petitions_signature (
                petition_id, first_name, last_name, email, email_normalised, country,
                postal_code, wants_updates, show_publicly, status, review_reason, ip_hash,
                created_at, confirmed_at, confirmation_sent_at, language, via_widget)
            SELECT %(petition)s, 'Signer', n::text, 'signer' || n || '@example.org',
                'signer' || n || '@example.org', 'FR', '', false, n %% %(listed)s = 0,
                'confirmed', '', '', now() - make_interval(secs => n + 60),
                now() - make_interval(secs => n), now() - make_interval(secs => n + 30), 'en',
                false
            FROM generate_series(1, %(count)s) AS n
            """,
            {"petition": petition.pk, "listed": listed_every, "count": count},
        )
    recount(petition=petition)


def build_petitions(scenarios):
    """One open petition per scenario: (label, signatures, listed_every)."""
    from django.db import connection
    from django.utils import timezone

    from petitions.models import Demand, Petition

    petitions = []
    for number, (_label, count, listed_every) in enumerate(scenarios):
        petition = Petition.objects.create(
            slug=f"bench-{number}",
            title=f"Free the prisoner ({count:,} signatures)",
            target="the Minister of Justice",
            introduction="Held **without trial** since 2021.",
            status=Petition.Status.OPEN,
            opens_at=timezone.now() - timedelta(days=30),
            offset=OFFSET,
            goal=1000,
            goal_steps_up=True,
        )
        Demand.objects.create(petition=petition, text="Release the prisoner", order=1)
        add_confirmed_signatures(petition, count, listed_every)
        petitions.append(petition)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return petitions


def check_displayed_count(port, petition, count):
    expected = count + OFFSET
    shown = json.loads(harness.get(port, f"/petitions/{petition.slug}/count.json").body)["count"]
    page = harness.get(port, f"/petitions/{petition.slug}/").body.decode()
    if shown != expected or f'data-value="{expected}"' not in page:
        raise AssertionError(f"{petition.slug}: shows {shown}, expected {expected}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--concurrency", type=int, default=2, help="client threads")
    parser.add_argument("--requests", type=int, default=150, help="per URL, petition and run")
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument(
        "--listed-every",
        type=int,
        default=3,
        help="every N-th signer agreed to be listed among the recent signers",
    )
    parser.add_argument("--budget", type=float, default=130, help="seconds for the whole run")
    args = parser.parse_args()
    budget = harness.Budget(args.budget)
    listed = f"1 in {args.listed_every} listed"
    # (label, signatures, every n-th listed); the first is the reference for the ratios. The
    # last one is the worst case for the "recent signers" list: nobody agreed to be listed.
    scenarios = [
        (f"{args.small:,}, {listed}", args.small, args.listed_every),
        (f"{args.large:,}, {listed}", args.large, args.listed_every),
        (f"{args.large:,}, none listed", args.large, 0),
    ]

    port = harness.free_port()
    environment = harness.site_environment(database=DATABASE, port=port)
    harness.create_database(DATABASE)
    harness.prepare_site(environment)
    harness.use_django(environment)
    petitions = build_petitions(scenarios)
    budget.check("building the data")

    urls = ["/petitions/{slug}/", "/petitions/{slug}/count.json"]
    # results[url][scenario] = one (median latency, p90 latency, requests/s) per run
    results = {url: [[] for _ in scenarios] for url in urls}
    with harness.Gunicorn(environment, port=port, workers=args.workers):
        for petition, (_label, count, _listed) in zip(petitions, scenarios, strict=True):
            check_displayed_count(port, petition, count)
            for url in urls:  # warm every worker up
                path = url.format(slug=petition.slug)
                harness.load(port, path, requests=4 * args.workers, concurrency=args.workers)
        for run in range(args.runs):
            # Rotate the order from run to run, so that no scenario always goes first.
            order = [(run + i) % len(scenarios) for i in range(len(scenarios))]
            for url in urls:
                for i in order:
                    path = url.format(slug=petitions[i].slug)
                    latencies, rate = harness.load(
                        port, path, requests=args.requests, concurrency=args.concurrency
                    )
                    results[url][i].append((stats.median(latencies), stats.p90(latencies), rate))
            budget.check(f"after run {run + 1}")

    print(
        f"\nPetition page and count.json by number of confirmed signatures. {args.runs} runs of "
        f"{args.requests} GETs per URL and petition; gunicorn {args.workers} sync workers; "
        f"{args.concurrency} client threads. Each figure is the median over the runs of each "
        "run's median latency, p90 latency and requests/s; ratios are to the first line."
    )
    for url in urls:
        medians = [
            [stats.median(column) for column in zip(*runs, strict=True)] for runs in results[url]
        ]
        rows = []
        for (label, _count, _listed), figures in zip(scenarios, medians, strict=True):
            reference = medians[0]
            rows.append(
                [
                    label,
                    stats.ms(figures[0]),
                    stats.ms(figures[1]),
                    f"{figures[2]:.0f}",
                    *(f"{stats.ratio(f, r):.2f}" for f, r in zip(figures, reference, strict=True)),
                ]
            )
        stats.print_table(
            f"GET {url.format(slug='<slug>')}",
            ["signatures", "median", "p90", "req/s", "ratio median", "ratio p90", "ratio req/s"],
            rows,
        )


if __name__ == "__main__":
    main()
