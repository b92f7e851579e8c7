"""Statistics for the benchmarks: medians over runs, p90, ratios, and plain-text tables."""

import statistics
import sys


def p90(values):
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def p99(values):
    return statistics.quantiles(values, n=100, method="inclusive")[-1]


def median(values):
    return statistics.median(values)


def ratio(value, reference):
    return value / reference if reference else float("nan")


def print_table(title, header, rows):
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        print("  ".join(cells))
    sys.stdout.flush()


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def print_medians(designs, results, columns, without_ratio=()):
    """One row of medians over the runs per design, then their ratio when there are two."""
    medians = {
        design: {name: median([r[name] for r in runs]) for name, _ in columns}
        for design, runs in results.items()
    }
    rows = [
        [design, *(show(medians[design][name]) for name, show in columns)] for design in designs
    ]
    if len(designs) == 2:
        first, second = designs
        rows.append(
            [
                f"ratio {first}/{second}",
                *(
                    ""
                    if name in without_ratio
                    else f"{ratio(medians[first][name], medians[second][name]):.2f}"
                    for name, _ in columns
                ),
            ]
        )
    print_table("Medians", ["design", *(name for name, _ in columns)], rows)
