"""Building the ``pigeon`` command line loads no command's heavy modules (cli/main.py's promise):
`pigeon --help` and a mistyped option answer without loading the bench, the server, the
cluster or the chaos run."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "pigeon.bench.scenarios",
    "pigeon.bench.runner",
    "pigeon.server",
    "pigeon.cluster",
    "pigeon.chaos",
)


def test_building_the_parser_loads_neither_the_bench_nor_the_server_nor_the_cluster() -> None:
    probe = (
        "import sys\n"
        "from pigeon.cli.main import build_parser\n"
        "build_parser()\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout
