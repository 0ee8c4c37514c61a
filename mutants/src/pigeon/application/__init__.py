"""The application layer: what a connection may do, whatever transport carries it.

Transports call it; the wiring (pigeon.server) builds it. It sees the store and the bus
only through their interfaces (store.base, bus.base)."""
