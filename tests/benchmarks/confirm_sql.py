"""The two counter designs compared on the database alone (bench_signing runs it last).

--sql-connections connections run the confirmation transaction's statements at once, the +1 as a
CountChange row ("log") or as an UPDATE of the petition row ("direct", which every confirmation
then waits for, commit included). No HTTP, no Python rendering.
"""

import time
from concurrent.futures import ThreadPoolExecutor

from tests.benchmarks import harness, stats

# What petitions.signing.confirm sends to PostgreSQL, cut down to its statements: lock the
# signature row (not the petition's), mark it confirmed, then record the +1 as each design does.
CONFIRM_SQL = [
    "SELECT s.status, p.status FROM petitions_signature s"
    " JOIN petitions_petition p ON p.id = s.petition_id WHERE s.id = %(id)s FOR UPDATE OF s",
    "UPDATE petitions_signature SET status = 'confirmed', confirmed_at = now() WHERE id = %(id)s",
]
COUNT_SQL = {
    "log": "INSERT INTO petitions_countchange (petition_id, delta, created_at)"
    " VALUES (%(petition)s, 1, now())",
    "direct": "UPDATE petitions_petition SET confirmed_count = confirmed_count + 1"
    " WHERE id = %(petition)s",
}


def pending_signatures(petition, count):
    """`count` pending signatures inserted with one statement; returns their ids."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO petitions_signature (
                petition_id, first_name, last_name, email, email_normalised, country,
                postal_code, wants_updates, show_publicly, status, review_reason, ip_hash,
                created_at, confirmation_sent_at, language, via_widget)
            SELECT %(petition)s, 'Signer', n::text, 'signer' || n || '@example.org',
                'signer' || n || '@example.org', 'FR', '', false, true, 'pending', '', '',
                now(), now(), 'en', false
            FROM generate_series(1, %(count)s) AS n
            RETURNING id
            """,
            {"petition": petition.pk, "count": count},
        )
        return [row[0] for row in cursor.fetchall()]


def sql_run(design, run, *, database_url, connections, confirmations, offset):
    """`confirmations` confirmation transactions from `connections` connections at once."""
    import threading

    import psycopg

    from petitions.counter import fold_counts
    from petitions.models import Petition

    petition = harness.open_petition(f"sql-{design}-{run}", offset=offset)
    ids = pending_signatures(petition, confirmations)
    statements = [*CONFIRM_SQL, COUNT_SQL[design]]
    barrier = threading.Barrier(connections + 1)

    def confirm_share(share):
        latencies = []
        with psycopg.connect(database_url, autocommit=True) as connection:
            barrier.wait()
            for signature_id in ids[share::connections]:
                started = time.perf_counter()
                with connection.transaction():
                    for statement in statements:
                        connection.execute(statement, {"id": signature_id, "petition": petition.pk})
                latencies.append(time.perf_counter() - started)
        return latencies

    with ThreadPoolExecutor(max_workers=connections) as pool:
        futures = [pool.submit(confirm_share, share) for share in range(connections)]
        barrier.wait()
        started = time.perf_counter()
        latencies = [seconds for future in futures for seconds in future.result()]
        wall = time.perf_counter() - started
    fold_started = time.perf_counter()
    folded = fold_counts(petition_id=petition.pk)
    fold_seconds = time.perf_counter() - fold_started
    stored = Petition.objects.get(pk=petition.pk).signature_count
    if stored != offset + confirmations or folded != (confirmations if design == "log" else 0):
        raise AssertionError(f"{petition.slug}: counter {stored}, folded {folded}")
    return {
        "confirmations/s": confirmations / wall,
        "confirm p50": stats.median(latencies),
        "confirm p90": stats.p90(latencies),
        "fold-in": fold_seconds,
    }


def compare(designs, database_url, args, budget, *, offset):
    """The confirmation transaction alone, from many connections, without the HTTP layer."""
    results = {design: [] for design in designs}
    for run in range(args.runs):
        order = designs if run % 2 == 0 else list(reversed(designs))
        for design in order:
            results[design].append(
                sql_run(
                    design,
                    run,
                    database_url=database_url,
                    connections=args.sql_connections,
                    confirmations=args.sql_confirmations,
                    offset=offset,
                )
            )
        budget.check(f"after database-only run {run + 1}")
    print(
        f"\nDatabase only: {args.runs} runs per design of {args.sql_confirmations} confirmation "
        f"transactions (lock the signature row, mark it confirmed, then the design's +1) from "
        f"{args.sql_connections} connections at once; no HTTP, no Python rendering. "
        "Medians over the runs; fold-in is petitions.counter.fold_counts afterwards (log design "
        "only). "
        "Every run ended with the exact count."
    )
    columns = [
        ("confirmations/s", lambda v: f"{v:.0f}"),
        ("confirm p50", stats.ms),
        ("confirm p90", stats.ms),
        ("fold-in", stats.ms),
    ]
    # Only the log design folds, so fold-in has no ratio.
    stats.print_medians(designs, results, columns, without_ratio={"fold-in"})
