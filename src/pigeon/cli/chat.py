"""Chat commands (user create, login, send, tail, history): being written."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    return None
