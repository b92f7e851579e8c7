"""bench_goals' tables: medians over the runs, ratios to the static file and between versions,
and each of issue 9's goals with its figure, met or not."""

import math

from tests.benchmarks import stats

# Issue 9's goals: server CPU ms per request at most, and rate as a share of the static file's.
PAGE_GOAL = (3.0, 0.30)
COUNT_GOAL = (1.0, 0.60)
SIGNATURE_GOAL_MS = 10.0
SIGNATURES_FASTER = 4.0
SURGE_P99_SECONDS = 1.0
# "Flat": the page of a petition with --large signatures costs at most this much more.
FLAT_RATIO = 1.3


def _median(runs, key):
    return stats.median([run[key] for run in runs])


def _per_run_ratio(site, name, reference="static file"):
    """Median over the runs of (rate of `name`) / (rate of the static file in the same run)."""
    pairs = zip(site.figures[name], site.figures[reference], strict=True)
    return stats.median([run["rate"] / static["rate"] for run, static in pairs])


def _ms(seconds):
    return f"{seconds * 1000:.2f}"


def print_pages(sites, names, runs):
    rows = []
    for name in names:
        for site in sites:
            runs_of = site.figures[name]
            rows.append(
                [
                    f"{name} [{site.label}]" if len(sites) > 1 else name,
                    _ms(_median(runs_of, "cpu")),
                    _ms(_median(runs_of, "database")),
                    _ms(_median(runs_of, "redis")),
                    f"{_median(runs_of, 'rate'):.0f}",
                    f"{_per_run_ratio(site, name):.3f}",
                    stats.ms(_median(runs_of, "p99")),
                ]
            )
    stats.print_table(
        f"GET with wrk, 32 connections; medians of {runs} runs. CPU ms per request: gunicorn + "
        "its PostgreSQL backends (of which PostgreSQL), and the whole Redis server apart",
        ["page", "CPU ms", "of which PG", "Redis ms", "req/s", "÷ static rate", "p99"],
        rows,
    )


def print_signing(sites, signers, clients, runs):
    rows = []
    for site in sites:
        runs_of = site.figures["signing"]
        rows.append(
            [
                site.label,
                _ms(_median(runs_of, "get")),
                _ms(_median(runs_of, "post")),
                _ms(_median(runs_of, "post database")),
                _ms(_median(runs_of, "cpu")),
                f"{_median(runs_of, 'rate'):.1f}",
                _ms(_median(runs_of, "client")),
            ]
        )
    if len(sites) == 2:
        now, before = (site.figures["signing"] for site in sites)
        rows.append(
            [
                "now ÷ before",
                "",
                "",
                "",
                f"{_median(now, 'cpu') / _median(before, 'cpu'):.2f}",
                f"{_median(now, 'rate') / _median(before, 'rate'):.2f}",
                "",
            ]
        )
    stats.print_table(
        f"Signing: {signers} people per run GET the form, then POST it ({clients} threads); "
        f"medians of {runs} runs; CPU ms per signature: the server (gunicorn + PostgreSQL), and "
        "the Python client on the same cores",
        ["site", "GET form", "POST", "of which PG", "signature", "signatures/s", "client"],
        rows,
    )


def print_flatness(sites, names):
    rows = []
    pairs = [(names[1], names[2]), (names[5], names[6])]
    for site in sites:
        for small, large in pairs:
            cpu = _median(site.figures[large], "cpu") / _median(site.figures[small], "cpu")
            rate = _median(site.figures[large], "rate") / _median(site.figures[small], "rate")
            rows.append([f"{large} [{site.label}]", f"{cpu:.2f}", f"{rate:.2f}"])
    stats.print_table(
        "Flat: many signatures ÷ 1,000 signatures",
        ["page", "CPU ratio", "rate ratio"],
        rows,
    )


def print_surge(sites, surges, args):
    rows = []
    for site in sites:
        figures = surges[site.name]
        exact = figures["exact after"]
        rows.append(
            [
                site.label,
                str(figures["signatures"]),
                stats.ms(figures["signing p50"]),
                stats.ms(figures["signing p99"]),
                f"{figures['readers req/s']:.0f}",
                stats.ms(figures["reader p99"]),
                str(figures["errors"]),
                str(figures["lost"]),
                "no" if exact is None else f"yes, {exact:.1f} s after the fold",
            ]
        )
    stats.print_table(
        f"Surge: {args.surge_readers} wrk connections read the petition page for "
        f"{args.surge_seconds} s while {args.surge_signers} clients sign (GET + POST, at most "
        f"{args.surge_signatures} each); then every signer confirms",
        [
            "site",
            "signed",
            "sign p50",
            "sign p99",
            "readers req/s",
            "reader p99",
            "errors",
            "lost",
            "counter exact",
        ],  # fmt: skip
        rows,
    )
    for site in sites:
        for problem in surges[site.name]["problems"]:
            print(f"  {site.label}: {problem}")


def _goal(text, figure, met):
    return [text, figure, "met" if met else "NOT MET"]


def print_goals(sites, names, surges):
    now = sites[0]
    rows = []
    for name, (most_ms, least_share) in [
        (names[1], PAGE_GOAL),
        (names[3], PAGE_GOAL),
        (names[4], PAGE_GOAL),
        (names[5], COUNT_GOAL),
    ]:
        cpu, share = _median(now.figures[name], "cpu") * 1000, _per_run_ratio(now, name)
        rows.append(
            _goal(
                f"{name}: ≤ {most_ms:g} ms CPU, ≥ {least_share:.0%} of static rate",
                f"{cpu:.2f} ms, {share:.1%}",
                cpu <= most_ms and share >= least_share,
            )
        )
    signing = now.figures["signing"]
    cpu = _median(signing, "cpu") * 1000
    rows.append(_goal(f"signature: ≤ {SIGNATURE_GOAL_MS:g} ms CPU", f"{cpu:.2f} ms", cpu <= 10))
    if len(sites) == 2:
        faster = _median(signing, "rate") / _median(sites[1].figures["signing"], "rate")
        rows.append(
            _goal(f"signatures/s ≥ {SIGNATURES_FASTER:g}× before", f"{faster:.2f}×", faster >= 4)
        )
    ratios = [
        _median(now.figures[large], "cpu") / _median(now.figures[small], "cpu")
        for small, large in [(names[1], names[2]), (names[5], names[6])]
    ]
    rows.append(
        _goal(
            f"flat from 1k to many signatures: CPU ratio ≤ {FLAT_RATIO}",
            " / ".join(f"{r:.2f}" for r in ratios),
            max(ratios) <= FLAT_RATIO,
        )
    )
    figures = surges[now.name]
    p99 = figures["signing p99"]
    rows.append(
        _goal(
            f"surge: signing p99 < {SURGE_P99_SECONDS:g} s, 0 errors, 0 lost, exact counter",
            f"p99 {stats.ms(p99)}, {figures['errors']} errors, {figures['lost']} lost, "
            f"{'exact' if figures['exact after'] is not None else 'NOT exact'}",
            not math.isnan(p99)
            and p99 < SURGE_P99_SECONDS
            and figures["errors"] == 0
            and figures["lost"] == 0
            and figures["exact after"] is not None,
        )
    )
    stats.print_table(f"Goals [{now.label}]", ["goal", "figure", ""], rows)


def print_all(sites, names, surges, args):
    print_pages(sites, names, args.runs)
    print_signing(sites, args.signers, args.signing_clients, args.runs)
    print_flatness(sites, names)
    print_surge(sites, surges, args)
    print_goals(sites, names, surges)
