"""The configuration: precedence, validation, and the README's option table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pigeon import config

README = Path(__file__).resolve().parents[2] / "README.md"


def test_environment_overrides_defaults_and_flags_override_environment() -> None:
    """Defaults, then PIGEON_* variables, then explicit overrides, in that order."""
    env = {"PIGEON_PORT": "9100", "PIGEON_SEND_BURST": "7.5"}
    assert config.load({}).port == 8700
    assert config.load(env).port == 9100
    assert config.load(env).send_burst == 7.5
    assert config.load(env, port=9200).port == 9200
    assert config.load(env, port=None).port == 9100


def test_invalid_values_are_refused_with_the_option_named() -> None:
    """A value of the wrong type is a ValueError naming the option, not a crash later."""
    with pytest.raises(ValueError, match="port"):
        config.load({"PIGEON_PORT": "eighty"})


def test_outbound_networks_are_cidrs_and_a_bad_one_is_refused() -> None:
    loaded = config.load({"PIGEON_OUTBOUND_ALLOWED_NETWORKS": "10.20.0.0/16, fd12::/48"})
    assert [str(n) for n in loaded.outbound_networks] in (
        ["10.20.0.0/16", "fd12::/48"],
        ["fd12::/48", "10.20.0.0/16"],
    )
    assert config.load({}).outbound_networks == ()
    with pytest.raises(ValueError, match="outbound_allowed_networks"):
        config.load({"PIGEON_OUTBOUND_ALLOWED_NETWORKS": "10.20.0.0/33"})


def test_every_option_has_help() -> None:
    """No option goes undocumented."""
    assert set(config.OPTION_HELP) == set(config.Config.__struct_fields__)


def test_readme_option_table_matches_the_code() -> None:
    """The README's table is exactly what options_table() renders now."""
    text = README.read_text()
    begin, end = "<!-- options:begin -->\n", "\n<!-- options:end -->"
    table = text[text.index(begin) + len(begin) : text.index(end)]
    assert table == config.options_table()


def test_reserved_handles_are_a_comma_separated_list() -> None:
    """The default reserves the operator's names; PIGEON_RESERVED_HANDLES replaces the list."""
    assert {"admin", "root", "system", "pigeon", "support"} <= config.load({}).reserved_handle_set
    env = {"PIGEON_RESERVED_HANDLES": " Boss, ,chief "}
    assert config.load(env).reserved_handle_set == frozenset({"boss", "chief"})
    assert config.load({"PIGEON_RESERVED_HANDLES": ""}).reserved_handle_set == frozenset()


def test_list_options_are_lowercase_sets_without_blanks() -> None:
    """Comma-separated options (reserved handles, allowed hosts and origins) are read one way."""
    cfg = config.load({"PIGEON_ALLOWED_HOSTS": " Chat.Example , ,x", "PIGEON_ALLOWED_ORIGINS": ""})
    assert cfg.allowed_host_set == {"chat.example", "x"}
    assert cfg.allowed_origin_set == frozenset()
    assert "admin" in cfg.reserved_handle_set


def test_the_bus_is_chosen_by_url_and_an_unknown_one_is_refused() -> None:
    """local: by default; memory: with faults and nats:// are read; anything else, or a bad
    parameter, is a ValueError."""
    assert config.load({}).bus == "local:"
    assert config.load({"PIGEON_BUS": "memory:?drop=0.5"}).bus == "memory:?drop=0.5"
    assert config.load({}, bus="memory:").bus == "memory:"
    nats = "nats://127.0.0.1:4222,127.0.0.1:4223?ping_s=2"
    assert config.load({"PIGEON_BUS": nats}).bus == nats
    for url in ("redis://127.0.0.1:6379", "nats://x", "nats://x:1?ping=1", "memory:?loss=1"):
        with pytest.raises(ValueError, match="bus"):
            config.load({"PIGEON_BUS": url})
    with pytest.raises(ValueError, match="bus_backstop_s"):
        config.load({"PIGEON_BUS_BACKSTOP_S": "0"})


def test_serve_refuses_an_unknown_bus_with_one_line_and_exit_2(tmp_path: Path) -> None:
    """Refused at start, before anything opens: one clear line on stderr, exit status 2."""
    done = subprocess.run(
        [sys.executable, "-m", "pigeon", "serve", "--data", str(tmp_path), "--bus", "redis://x"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "pigeon serve: invalid configuration: bus: unknown bus 'redis://x': "
        "use local:, memory: or nats://"
    ]
    assert not list(tmp_path.iterdir())  # no store was opened
