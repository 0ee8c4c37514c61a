"""Pigeon: a self-hosted, fault-tolerant messaging server."""

__version__ = "0.1.0"
