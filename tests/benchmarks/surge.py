"""The surge a viral share brings: many people reading the petition page while some sign.

wrk keeps --surge-readers connections GETting the petition page for --surge-seconds while
--surge-signers Python threads sign it over and over (GET the form, POST it), each at most
--surge-signatures times: bounded in time and in count. Then the confirmation emails are sent
(`manage.py db_worker --batch`), every signer presses the button in theirs, the counter is
folded in, and the count must be exact: offset + signatures, on count.json, on the page and in
the signatures table. Reported: signing p50/p99, the readers' rate and p99, errors (wrk's
answers of 400 and above and socket errors, and any signature not answered by the thanks
page), signatures lost (accepted by the site but not in the table, or without an email).
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from tests.benchmarks import bench_signing, harness, stats, wrk

OFFSET = 7000


def _signer(site, path, addresses, deadline):
    """Sign with each address in turn until the deadline, on one connection kept open (as the
    proxy's to gunicorn); returns (latencies, accepted, failed)."""
    latencies, accepted, failed = [], [], []
    connection = harness.connect(site.port)
    for address in addresses:
        if time.monotonic() > deadline:
            break
        try:
            seconds = bench_signing.sign(
                site.port, path, address, thanks=False, connection=connection
            )
        except (AssertionError, OSError) as error:
            failed.append(f"{address}: {error}")
            connection.close()
            connection = harness.connect(site.port)
        else:
            latencies.append(seconds)
            accepted.append(address)
    connection.close()
    return latencies, accepted, failed


def run(site, *, label, readers, signers, signatures_each, seconds):
    """One surge on a new petition of `site`; returns its figures."""
    from petitions.models import Signature

    petition = harness.open_petition(f"surge-{site.name}-{label}", offset=OFFSET)
    path = f"/petitions/{petition.slug}/"
    reading = {}
    wrk_thread = threading.Thread(
        target=lambda: reading.update(
            report=wrk.run(
                f"http://{harness.HOST}:{site.port}{path}", connections=readers, seconds=seconds
            )
        )
    )
    started = time.monotonic()
    wrk_thread.start()
    deadline = started + seconds - 1
    shares = [
        [f"surge-{site.name}-{label}-{n}-{i}@example.org" for i in range(signatures_each)]
        for n in range(signers)
    ]
    with ThreadPoolExecutor(max_workers=signers) as pool:
        results = list(pool.map(lambda share: _signer(site, path, share, deadline), shares))
    wrk_thread.join()
    latencies = [seconds for result in results for seconds in result[0]]
    accepted = [address for result in results for address in result[1]]
    failed = [problem for result in results for problem in result[2]]

    stored = set(
        Signature.objects.filter(petition=petition, status=Signature.Status.PENDING).values_list(
            "email", flat=True
        )
    )
    lost = [address for address in accepted if address not in stored]
    confirmed, unmailed, unconfirmed = _confirm_all(site, [a for a in accepted if a in stored])
    exact_after = _seconds_until_exact(site, petition, len(confirmed))
    report = reading["report"]
    return {
        "signatures": len(accepted),
        "signing p50": stats.median(latencies) if latencies else float("nan"),
        "signing p99": stats.p99(latencies) if len(latencies) > 1 else float("nan"),
        "readers req/s": report.rate,
        "reader p99": report.p99,
        "errors": report.errors + len(failed) + len(unconfirmed),
        "lost": len(lost) + len(unmailed),
        "exact after": exact_after,
        "problems": failed[:3] + lost[:3] + unmailed[:3] + unconfirmed[:3],
    }


def _confirm_all(site, addresses):
    """Send the emails, then press every confirmation button.

    Returns (addresses confirmed, addresses without an email, confirmations that failed)."""
    folder = harness.SCRATCH / "mail" / f"surge-{site.name}"
    environment = {**site.environment, "EMAIL_URL": f"filemail://{folder}"}
    harness.manage(environment, "db_worker", "--batch", "--no-startup-delay", project=site.project)
    links = bench_signing.confirmation_links(folder)
    unmailed = [address for address in addresses if address not in links]

    def confirm(address):
        try:
            bench_signing.confirm(site.port, links[address])
        except (AssertionError, OSError) as error:
            return f"{address}: {error}"
        return None

    mailed = [address for address in addresses if address in links]
    problems, _wall = harness.in_threads(confirm, mailed, concurrency=8)
    confirmed = [a for a, problem in zip(mailed, problems, strict=True) if problem is None]
    return confirmed, unmailed, [problem for problem in problems if problem]


def _seconds_until_exact(site, petition, confirmed, patience=15):
    """After the fold-in, seconds until count.json, the page and the table all say offset +
    confirmed (the pages' caches expire within seconds); None if they never do."""
    import json

    from petitions.models import Signature

    harness.manage(site.environment, "fold_signature_counts", project=site.project)
    folded = time.monotonic()
    expected = OFFSET + confirmed
    count_url = f"/petitions/{petition.slug}/count.json"
    while time.monotonic() < folded + patience:
        in_table = Signature.objects.confirmed().filter(petition=petition).count()
        shown = json.loads(harness.get(site.port, count_url).body)["count"]
        page = harness.get(site.port, f"/petitions/{petition.slug}/").body.decode()
        if in_table == confirmed and shown == expected and f'data-value="{expected}"' in page:
            return time.monotonic() - folded
        time.sleep(0.25)
    return None
