"""Where the node's outgoing requests may go (webhook deliveries, Web Push), sans I/O.

A webhook's URL and a push subscription's endpoint are chosen by users. Delivered from inside
the operator's network, they would let any user make the node reach what only the node can:
its own metrics and admin ports, a database, a cloud's metadata service (169.254.169.254).
So the node connects only to globally routable unicast addresses, and to the networks its
operator allows (``outbound_allowed_networks``). The check is on the address being connected
to, after name resolution: a name that resolves to an internal address, or is made to between
a check and the connect (DNS rebinding), is refused as well (docs/DECISIONS.md D59).
"""

from __future__ import annotations

import ipaddress

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def destination_allowed(address: str, allowed_networks: tuple[Network, ...] = ()) -> bool:
    """Whether the node may connect to ``address`` (an IP address as text, an IPv6 one
    possibly with a ``%scope``): in an allowed network, or global unicast."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if any(ip in network for network in allowed_networks):
        return True
    return ip.is_global and not ip.is_multicast
