"""A local Pigeon cluster on one machine: PostgreSQL, NATS, gateways and HAProxy, started,
probed and stopped by pid (``pigeon cluster up|status|down``; tests use :class:`LocalCluster`).

Nothing in the server imports this package; it runs ``pigeon serve`` and ``pigeon migrate``
as processes.
"""

from pigeon.cluster.launcher import ClusterError, Health, LocalCluster

__all__ = ["ClusterError", "Health", "LocalCluster"]
