"""Where outgoing requests may go (D59): global unicast, or a network the operator allows."""

from __future__ import annotations

import ipaddress

import pytest

from pigeon.core.destinations import destination_allowed

REFUSED = [
    "127.0.0.1",  # this machine: the node's own metrics and admin ports
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",  # a cloud's metadata service
    "100.64.0.1",  # carrier-grade NAT, shared
    "0.0.0.0",
    "224.0.0.1",  # multicast
    "::1",
    "::",
    "fe80::1%eth0",  # link-local, with its scope
    "fd00::1",  # unique local
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "::ffff:10.0.0.1",
    "ff02::1",
    "not an address",
]


@pytest.mark.parametrize("address", REFUSED)
def test_internal_addresses_are_refused(address: str) -> None:
    assert not destination_allowed(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::1", "::ffff:8.8.8.8"])
def test_global_unicast_addresses_are_allowed(address: str) -> None:
    assert destination_allowed(address)


def test_an_allowed_network_opens_only_itself() -> None:
    allowed = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("fd00::/8"))
    assert destination_allowed("127.0.0.1", allowed)
    assert destination_allowed("::ffff:127.0.0.2", allowed)
    assert destination_allowed("fd00::1", allowed)
    assert not destination_allowed("10.0.0.1", allowed)
    assert not destination_allowed("169.254.169.254", allowed)
