"""wrk, the HTTP load generator (Debian's `wrk` package, which `make bench` installs), run
against one URL, and its report read: requests, rate, errors and latency percentiles.

A C client with keep-alive connections: it costs the machine little, so the server's rate and
the ratios between pages are the server's own, not the Python client's.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass

UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}
PERCENTILE = re.compile(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Report:
    requests: int
    seconds: float
    errors: int  # answers of 400 and above, and socket errors (connect, read, write, timeout)
    p50: float
    p99: float

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


def installed():
    return shutil.which("wrk") is not None


def _seconds(number, unit):
    return float(number) * UNITS[unit]


def parse(output):
    done = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m),", output)
    if not done:
        raise ValueError(f"no request count in wrk's report:\n{output}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx[1]) if non_2xx else 0
    percentiles = {
        percent: _seconds(number, unit) for percent, number, unit in PERCENTILE.findall(output)
    }
    return Report(
        requests=int(done[1]),
        seconds=_seconds(done[2], done[3]),
        errors=errors,
        p50=percentiles.get("50", float("nan")),
        p99=percentiles.get("99", float("nan")),
    )


def run(url, *, connections, seconds, threads=2, timeout=5):
    """Keep `connections` connections busy GETting `url` for `seconds`; wrk's report."""
    result = subprocess.run(  # noqa: S603 - wrk with our own arguments, on loopback
        [
            shutil.which("wrk") or "wrk",
            f"--threads={min(threads, connections)}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            f"--timeout={timeout}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + timeout + 30,
        check=True,
    )
    return parse(result.stdout)
