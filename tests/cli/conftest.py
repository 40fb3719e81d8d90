"""Helpers to run the installed ``thucydides`` console script as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("thucydides")


def _run_cli(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``thucydides ARGS`` in a subprocess with stdin, stdout and stderr as pipes (not a terminal)."""
    if not SCRIPT.exists():
        pytest.fail(f"the console script is not installed at {SCRIPT}; run `make install`")
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    completed = subprocess.run(
        [str(SCRIPT), *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=env,
        timeout=600,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


@pytest.fixture(scope="session")
def cli():
    """``cli(*args, stdin=b"...")`` runs the console script and returns its exit code, stdout and stderr."""
    return _run_cli
