"""The README's SDK example, exactly as printed (issue 15, item 1): it type-checks under
``mypy --strict``, runs against a live server, and survives a restore from a backup."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pigeon.sdk import HttpClient
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S
from tests.sdk.conftest import PASSWORD, Users

ROOT = Path(__file__).resolve().parents[2]
SECTION = re.compile(r"^## The Python SDK\n(.*?)^## ", re.M | re.S)
FIRST_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def readme_example() -> str:
    section = SECTION.search((ROOT / "README.md").read_text())
    assert section is not None, "README.md has no '## The Python SDK' section"
    block = FIRST_PYTHON_BLOCK.search(section.group(1))
    assert block is not None, "the SDK section has no python block"
    return block.group(1)


def run_example(script: Path, server: ServerProcess, cwd: Path) -> list[str]:
    """Run the example as alice; its printed lines."""
    env = {
        **os.environ,
        "PIGEON_URL": server.url,
        "PIGEON_HANDLE": "alice",
        "PIGEON_PASSWORD": PASSWORD,
    }
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def pigeon(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pigeon", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_example_type_checks_strictly(tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(readme_example())
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=10 * TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


async def test_example_runs_and_survives_a_restore(
    fast_server: ServerProcess, users: Users, tmp_path: Path
) -> None:
    """Run it: it sends and prints the conversation up to its message. Restore the server
    from a backup taken after that run and run it again with the same state file: it prints
    the resync notice, the restored log from seq 1, and its new message."""
    await users.token("alice")
    await users.token("bob")
    script = tmp_path / "example.py"
    script.write_text(readme_example())
    first = run_example(script, fast_server, tmp_path)
    assert [line.split()[1:] for line in first] == [
        ["1", "created", "alice", "None"],
        ["2", "message", "alice", "hello", "bob"],
    ]
    backup = tmp_path / "backup.db"
    pigeon("backup", str(backup), "--data", str(fast_server.data_dir))
    async with HttpClient(fast_server.url, await users.token("bob")) as bob:
        conv = (await bob.direct("alice")).conv
        await bob.send(conv, "lost in the restore")
    fast_server.kill()
    pigeon("restore", str(backup), "--data", str(fast_server.data_dir))
    fast_server.restart()
    second = run_example(script, fast_server, tmp_path)
    assert second[0] == "resynced: every conversation comes again from seq 1"
    assert [line.split()[1:] for line in second[1:]] == [
        ["1", "created", "alice", "None"],
        ["2", "message", "alice", "hello", "bob"],
        ["3", "message", "alice", "hello", "bob"],
    ]
