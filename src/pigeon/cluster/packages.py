"""Install the Debian packages a program needs, when its program is missing.

The one implementation: ``pigeon cluster up`` calls :func:`ensure_debian_packages`, and
``scripts/ensure-debian-packages.sh`` (the Makefile's test target) runs this module. Each
wanted item is ``PACKAGE:PROGRAM``, PROGRAM a name on PATH or an absolute path the package
provides. Nothing happens when every program is there; otherwise one ``apt-get update`` and
one install of the missing packages (as root, or through ``sudo -n``). It starts nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence

# apt can take minutes on a cold cache; a hung mirror must still end the wait.
APT_TIMEOUT_S = 900.0


class PackagesMissing(Exception):
    """A program is missing and could not be installed; the message says what to run."""


def program_present(program: str) -> bool:
    if program.startswith("/"):
        return os.access(program, os.X_OK)
    return shutil.which(program) is not None or any(
        os.access(os.path.join(d, program), os.X_OK) for d in ("/usr/sbin", "/sbin")
    )


def missing_packages(wanted: Sequence[str]) -> list[str]:
    """The packages of ``PACKAGE:PROGRAM`` items whose program is missing, in order, once."""
    missing: list[str] = []
    for item in wanted:
        package, _, program = item.partition(":")
        if not package or not program:
            raise ValueError(f"{item!r} is not PACKAGE:PROGRAM")
        if not program_present(program) and package not in missing:
            missing.append(package)
    return missing


def ensure_debian_packages(wanted: Sequence[str], *, announce: bool = True) -> list[str]:
    """Install what is missing; return the packages installed. Raises PackagesMissing."""
    missing = missing_packages(wanted)
    if not missing:
        return []
    command = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]
    if os.geteuid() == 0:
        sudo: list[str] = []
    elif shutil.which("sudo"):
        sudo = ["sudo", "-n"]
    else:
        raise PackagesMissing(f"missing; install with: {' '.join(command)}")
    if announce:
        print(f"ensure-debian-packages: installing {' '.join(missing)}...", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-qq"], command):
        try:
            done = subprocess.run(
                [*sudo, *step], env=env, capture_output=True, text=True, timeout=APT_TIMEOUT_S
            )
        except subprocess.TimeoutExpired as exc:
            raise PackagesMissing(f"{' '.join(step)} took over {APT_TIMEOUT_S:.0f} s") from exc
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
            raise PackagesMissing(f"{' '.join(step)} failed: {' / '.join(tail)}")
    still = [p for p in missing_packages(wanted) if p in missing]
    if still:
        raise PackagesMissing(f"still missing after installing: {' '.join(still)}")
    return missing


def main(argv: Sequence[str]) -> int:
    try:
        ensure_debian_packages(argv)
    except (PackagesMissing, ValueError) as exc:
        print(f"ensure-debian-packages: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
