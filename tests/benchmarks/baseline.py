"""Another version of the site, served beside this one in the same run (`--baseline REV`), so
that "before" and "after" meet the same machine at the same moments.

The version is read out of git with `git archive` into a temporary folder (the repository and
its worktrees are left untouched); it gets its translations compiled and its static files
collected, and shares the benchmark's database, whose schema must be the same.
"""

import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

from tests.benchmarks import harness


def extract(revision):
    """The tree of `revision` in a temporary folder; returns its path and the full commit id."""
    commit = subprocess.run(  # noqa: S603 - git with our own arguments
        ["git", "rev-parse", "--verify", f"{revision}^{{commit}}"],  # noqa: S607
        cwd=harness.PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    archive = subprocess.run(  # noqa: S603 - git with our own arguments
        ["git", "archive", "--format=tar", commit],  # noqa: S607
        cwd=harness.PROJECT,
        capture_output=True,
        check=True,
    ).stdout
    folder = harness.SCRATCH / f"baseline-{commit[:12]}"
    with tarfile.open(fileobj=BytesIO(archive)) as tree:
        tree.extractall(folder, filter="data")
    return folder, commit


def prepare(folder, environment):
    """Compile its translations and collect its static files (no migration: shared schema)."""
    subprocess.run(  # noqa: S603 - the venv's django-admin, our arguments
        [
            str(Path(sys.executable).with_name("django-admin")),
            "compilemessages",
            "--ignore=.venv",
            "--verbosity=0",
        ],
        cwd=folder,
        env={k: v for k, v in environment.items() if k != "DJANGO_SETTINGS_MODULE"},
        check=True,
        capture_output=True,
    )
    harness.prepare_site(environment, project=folder, migrate=False)
