"""A signing rush through the real HTTP path, then an exact count.

Each run opens a new petition and, with --concurrency client threads:
1. signs it --signers times, each signer as a browser does: GET the page (its form fields,
   the signed "started" field), POST the form (honeypot left empty), follow the redirect to the
   thanks page. Timed: signatures/s.
2. sends the confirmation emails with `manage.py db_worker --batch` (the tasks backend is the
   database, as in production) to a filemail folder, and reads each signer's confirmation link
   from their email (not timed). Every signer must have exactly one.
3. opens every confirmation link and presses its button (GET, then POST), while one more thread
   GETs count.json every 0.2 s as open petition pages do (each view may fold pending changes
   in). Timed: confirmations/s.
4. runs `manage.py fold_signature_counts`, then requires count.json, the page and the database to
   agree exactly: offset + confirmed signatures.

Two designs of the counter are compared under the same load, with runs alternating between them
(two gunicorns on one database, one idle while the other is measured):
- "log": the site as it is; a confirmation inserts a CountChange row, folded in by batches.
- "direct": tests/benchmarks/direct_count_wsgi.py; a confirmation updates the petition row
  (confirmed_count + 1) inside its own transaction.
On a small machine the HTTP path is bound by Python's CPU time, which hides the difference; so the
script then compares the two designs on the database alone: --sql-connections connections
running the confirmation transaction's statements at once, the +1 as a log row or as an UPDATE of
the petition row (which every confirmation then waits for, commit included).

    .venv/bin/python -m tests.benchmarks.bench_signing [--runs 5] [--signers 100] ...
"""

import argparse
import email
import email.policy
import json
import re
import time
from contextlib import closing, nullcontext
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

from tests.benchmarks import confirm_sql, harness, stats

DATABASE = harness.database_name("signing")
OFFSET = 5000
DESIGNS = {
    "log": "config.wsgi",
    "direct": "tests.benchmarks.direct_count_wsgi",
}
HIDDEN_INPUT = r'name="{name}" value="([^"]+)"'
# What each signer types (the honeypot left empty); the email differs.
SIGNER = {
    "first_name": "Ada",
    "last_name": "Signer",
    "country": "FR",
    "postal_code": "75001",
    "website": "",
    "show_publicly": "on",
}


def new_petition(slug):
    return harness.open_petition(slug, offset=OFFSET)


def open_form(port, path, *hidden, connection=None):
    """GET a page with a form, as a browser: (the page, the headers to send it back with (its
    CSRF cookie if it set one, and the page's origin), and the form's `hidden` fields and CSRF
    token if it holds one; the sign form has none: sitewide/same_origin.py)."""
    page = harness.get(port, path, connection=connection)
    if page.status != 200:
        raise AssertionError(f"GET {path} answered {page.status}")
    html = page.body.decode()
    headers = {"Origin": f"http://{harness.HOST}:{port}", "Sec-Fetch-Site": "same-origin"}
    if "set-cookie" in page.headers:
        csrf_cookie = SimpleCookie(page.headers["set-cookie"])["csrftoken"].value
        headers["Cookie"] = f"csrftoken={csrf_cookie}"
    fields = {name: re.search(HIDDEN_INPUT.format(name=name), html)[1] for name in hidden}
    token = re.search(HIDDEN_INPUT.format(name="csrfmiddlewaretoken"), html)
    if token:
        fields["csrfmiddlewaretoken"] = token[1]
    return page, headers, fields


def sign(port, petition_path, address, thanks=True, connection=None):
    """A browser signs: page, form, thanks page (unless `thanks` is false), on `connection` or
    else on one of its own. Returns the seconds the requests took."""
    with closing(harness.connect(port)) if connection is None else nullcontext(connection) as kept:
        page, headers, fields = open_form(port, petition_path, "started", connection=kept)
        fields |= {**SIGNER, "email": address}
        sent = harness.post_form(port, petition_path, fields, headers=headers, connection=kept)
        location = sent.headers.get("location", "")
        if sent.status != 302 or not location.endswith("/thanks/"):
            raise AssertionError(f"POST {petition_path} answered {sent.status} {location!r}")
        if not thanks:
            return page.seconds + sent.seconds
        thanks_page = harness.get(port, location, connection=kept)
    if thanks_page.status != 200:
        raise AssertionError(f"GET {location} answered {thanks_page.status}")
    return page.seconds + sent.seconds + thanks_page.seconds


def confirmation_links(folder):
    """{address: path of the confirmation link} from the filemail backend's files."""
    links = {}
    for path in Path(folder).glob("*.log"):
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not raw.strip():
                continue
            message = email.message_from_bytes(raw, policy=email.policy.default)
            text = message.get_body(preferencelist=("plain",)).get_content()
            match = re.search(r"https?://\S+/confirm/\S+/", text)
            if not match:
                continue
            address = str(message["To"])
            if address in links:
                raise AssertionError(f"two confirmation emails to {address}")
            links[address] = urlsplit(match[0]).path
    return links


def confirm(port, path):
    """Open the link, then press the button as the signer does (the GET alone confirms nothing)."""
    with closing(harness.connect(port)) as connection:
        page, headers, fields = open_form(port, path, "shown", connection=connection)
        done = harness.post_form(port, path, fields, headers=headers, connection=connection)
    if done.status != 200 or b"Your signature is confirmed" not in done.body:
        raise AssertionError(f"POST {path} answered {done.status}")
    return page.seconds + done.seconds


def counts_agree(port, petition, confirmed):
    """After the fold-in, count.json, the page and the signatures table say the same."""
    from petitions.models import Signature

    expected = OFFSET + confirmed
    in_table = Signature.objects.confirmed().filter(petition=petition).count()
    shown = json.loads(harness.get(port, f"/petitions/{petition.slug}/count.json").body)["count"]
    page = harness.get(port, f"/petitions/{petition.slug}/").body.decode()
    if not (in_table == confirmed and shown == expected and f'data-value="{expected}"' in page):
        raise AssertionError(
            f"{petition.slug}: {in_table} confirmed in the table, count.json shows {shown}, "
            f"expected {expected}"
        )
    return shown


def one_run(design, run, *, port, environment, signers, concurrency):
    """Signing rush, emails, confirmation rush and fold-in on a new petition; returns figures."""
    from petitions.models import CountChange

    petition = new_petition(f"rush-{design}-{run}")
    petition_path = f"/petitions/{petition.slug}/"
    addresses = [f"signer-{design}-{run}-{n}@example.org" for n in range(signers)]

    sign_seconds, sign_wall = harness.in_threads(
        lambda address: sign(port, petition_path, address), addresses, concurrency
    )

    mail_folder = harness.SCRATCH / "mail" / f"{design}-{run}"
    worker_environment = {**environment, "EMAIL_URL": f"filemail://{mail_folder}"}
    started = time.perf_counter()
    harness.manage(worker_environment, "db_worker", "--batch", "--no-startup-delay")
    mail_seconds = time.perf_counter() - started
    links = confirmation_links(mail_folder)
    if sorted(links) != sorted(addresses):
        raise AssertionError(f"{len(links)} confirmation links for {len(addresses)} signers")

    poller = harness.Poller(port, f"{petition_path}count.json", interval=0.2)
    poller.start()
    confirm_seconds, confirm_wall = harness.in_threads(
        lambda address: confirm(port, links[address]), addresses, concurrency
    )
    poller.stop()
    if set(poller.statuses) - {200}:
        raise AssertionError(f"count.json answered {sorted(set(poller.statuses))}")

    left_in_log = CountChange.objects.filter(petition=petition).count()
    if design == "direct" and left_in_log:
        raise AssertionError("the direct design logged counter changes")
    harness.manage(environment, "fold_signature_counts")
    shown = counts_agree(port, petition, len(addresses))
    return {
        "signatures/s": len(addresses) / sign_wall,
        "signature p50": stats.median(sign_seconds),
        "signature p90": stats.p90(sign_seconds),
        "confirmations/s": len(addresses) / confirm_wall,
        "confirm p50": stats.median(confirm_seconds),
        "confirm p90": stats.p90(confirm_seconds),
        "worker emails/s": len(addresses) / mail_seconds,
        "counter polls": len(poller.statuses),
        "left to fold": left_in_log,
        "shown": shown,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="per design")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per design")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--signers", type=int, default=100, help="per run")
    parser.add_argument("--designs", default="log,direct", help="comma-separated: log, direct")
    parser.add_argument(
        "--sql-connections",
        type=int,
        default=16,
        help="database-only comparison: connections confirming at once (0: skip it)",
    )
    parser.add_argument(
        "--sql-confirmations", type=int, default=2000, help="database-only: per run and design"
    )
    parser.add_argument("--budget", type=float, default=190, help="seconds for the whole run")
    args = parser.parse_args()
    budget = harness.Budget(args.budget)
    designs = args.designs.split(",")
    if set(designs) - set(DESIGNS):
        parser.error(f"--designs takes {', '.join(DESIGNS)}")

    ports = {design: harness.free_port() for design in designs}
    environments = {
        design: harness.site_environment(database=DATABASE, port=port)
        for design, port in ports.items()
    }
    # One secret key for the site and for the commands, whichever design they serve.
    secret = environments[designs[0]]["SECRET_KEY"]
    for environment in environments.values():
        environment["SECRET_KEY"] = secret
    harness.create_database(DATABASE)
    harness.prepare_site(environments[designs[0]])
    harness.use_django(environments[designs[0]])
    budget.check("preparing the database")

    results = {design: [] for design in designs}
    servers = [
        harness.Gunicorn(environments[d], port=ports[d], workers=args.workers, app=DESIGNS[d])
        for d in designs
    ]
    for server in servers:
        server.__enter__()
    try:
        for design in designs:  # warm every worker up with a small rush, not measured
            one_run(
                design,
                "warm-up",
                port=ports[design],
                environment=environments[design],
                signers=4 * args.workers,
                concurrency=args.concurrency,
            )
        for run in range(args.runs):
            order = designs if run % 2 == 0 else list(reversed(designs))
            for design in order:
                figures = one_run(
                    design,
                    run,
                    port=ports[design],
                    environment=environments[design],
                    signers=args.signers,
                    concurrency=args.concurrency,
                )
                results[design].append(figures)
                print(
                    f"run {run + 1} {design}: {figures['signatures/s']:.1f} signatures/s, "
                    f"{figures['confirmations/s']:.1f} confirmations/s, "
                    f"{figures['left to fold']} changes left to fold, count shown "
                    f"{figures['shown']:,} (exact)",
                    flush=True,
                )
            budget.check(f"after run {run + 1}")
    finally:
        for server in servers:
            server.__exit__()

    print(
        f"\nSigning rush: {args.runs} runs per design of {args.signers} signers each; gunicorn "
        f"{args.workers} sync workers; {args.concurrency} client threads; PostgreSQL, Redis, "
        "tasks in the database. Each figure is the median over the runs; a signature is GET "
        "page + POST + GET thanks page; worker emails/s is one `db_worker --batch` process, its "
        "start-up included. Every run ended with the exact count "
        f"(offset {OFFSET:,} + confirmed)."
    )
    columns = [
        ("signatures/s", lambda v: f"{v:.1f}"),
        ("signature p50", stats.ms),
        ("signature p90", stats.ms),
        ("confirmations/s", lambda v: f"{v:.1f}"),
        ("confirm p50", stats.ms),
        ("confirm p90", stats.ms),
        ("worker emails/s", lambda v: f"{v:.1f}"),
    ]
    stats.print_medians(designs, results, columns)
    if args.sql_connections:
        confirm_sql.compare(
            designs, environments[designs[0]]["DATABASE_URL"], args, budget, offset=OFFSET
        )


if __name__ == "__main__":
    main()
