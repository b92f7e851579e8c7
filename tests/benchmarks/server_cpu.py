"""Server CPU time read from /proc: the steadier figure on a shared, noisy machine.

What one site costs is its gunicorn (the master and its workers, every thread) plus the
PostgreSQL backends serving it, told apart from any other site's by the `application_name` its
database URL sets. The Redis server is measured too, as a whole (other users of that server
count in it), and reported apart from the goals' figure.
"""

import os
from dataclasses import dataclass
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid):
    """The fields of /proc/<pid>/stat after the command name, or None for a process gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rpartition(")")[2].split()


def cpu_seconds(pid):
    """User + system CPU seconds of a process, all its threads included."""
    fields = _stat_fields(pid)
    if fields is None:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND  # utime, stime


def children(pid):
    """The processes whose parent is `pid` (gunicorn's workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(entry.name)
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def processes_named(name):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@dataclass(frozen=True)
class Sample:
    web: float
    database: dict  # backend pid -> CPU seconds
    redis: float


@dataclass(frozen=True)
class Used:
    """CPU seconds used between two samples."""

    web: float
    database: float
    redis: float

    @property
    def server(self):
        """gunicorn + its PostgreSQL backends: the goals' figure."""
        return self.web + self.database


class Meter:
    """Samples the CPU time of one site: its gunicorn and its PostgreSQL backends."""

    def __init__(self, gunicorn_pid, postgres_url, application_name):
        import psycopg

        self.gunicorn_pid, self.application_name = gunicorn_pid, application_name
        self.connection = psycopg.connect(f"{postgres_url}/postgres", autocommit=True)
        self.redis_pids = processes_named("redis-server")

    def backends(self):
        rows = self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s",
            [self.application_name],
        ).fetchall()
        return [pid for (pid,) in rows]

    def sample(self):
        web = cpu_seconds(self.gunicorn_pid)
        web += sum(cpu_seconds(pid) for pid in children(self.gunicorn_pid))
        database = {pid: cpu_seconds(pid) for pid in self.backends()}
        redis = sum(cpu_seconds(pid) for pid in self.redis_pids)
        return Sample(web, database, redis)

    def close(self):
        self.connection.close()


def used(before, after):
    """CPU used between two samples. A backend that started in between counts in full; one
    that ended in between is lost (the benchmarks keep connections for ten minutes)."""
    database = sum(
        seconds - before.database.get(pid, 0.0) for pid, seconds in after.database.items()
    )
    return Used(after.web - before.web, database, after.redis - before.redis)
